from django.urls import path

from . import views

app_name = "history"

urlpatterns = [
    path(
        "manage/<slug:alliance_slug>/verlauf/<str:kind>/<int:pk>/",
        views.version_list,
        name="manage-version-list",
    ),
    path(
        "manage/<slug:alliance_slug>/verlauf/<str:kind>/<int:pk>/<int:history_id>/wiederherstellen/",
        views.version_restore,
        name="manage-version-restore",
    ),
]
