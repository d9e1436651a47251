"""Calendar screens of the workspace, under /manage/<alliance>/ (see events/urls.py)."""

from django.urls import path

from .views import workspace

urlpatterns = [
    path("termine/", workspace.event_list, name="manage-event-list"),
    path("termine/neu/", workspace.event_create, name="manage-event-create"),
    path("termine/<int:pk>/", workspace.event_update, name="manage-event-update"),
    path("termine/<int:pk>/geprueft/", workspace.event_confirm, name="manage-event-confirm"),
    path("termine/<int:pk>/status/", workspace.event_status, name="manage-event-status"),
    path(
        "termine/<int:pk>/teilnehmende/",
        workspace.participant_list,
        name="manage-participant-list",
    ),
    path(
        "termine/<int:pk>/teilnehmende.csv",
        workspace.participant_export,
        name="manage-participant-export",
    ),
]
