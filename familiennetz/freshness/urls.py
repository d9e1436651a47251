from django.urls import path

from . import views

app_name = "freshness"

urlpatterns = [
    path(
        "<slug:alliance_slug>/aktuell/<int:pk>/<str:signature>/",
        views.confirm,
        name="confirm",
    ),
]
