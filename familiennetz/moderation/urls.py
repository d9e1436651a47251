from django.urls import include, path

from . import views

app_name = "moderation"

workspace_patterns = [
    path("pruefung/", views.review_list_view, name="manage-review-list"),
    path("pruefung/<int:pk>/", views.review_detail, name="manage-review-detail"),
]

public_patterns = [
    path("vorschlagen/", views.suggest, name="suggest"),
    path("vorschlagen/danke/", views.thanks, name="thanks"),
    path("melden/<str:kind>/<slug:slug>/", views.report, name="report"),
]

urlpatterns = [
    path("manage/<slug:alliance_slug>/", include(workspace_patterns)),
    path("<slug:alliance_slug>/", include(public_patterns)),
]
