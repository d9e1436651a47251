"""The shell's own pages: /manage/ and /manage/<alliance>/ (dashboard, members, settings)."""

from django.urls import path

from . import views

app_name = "workspace"

urlpatterns = [
    path("manage/", views.home, name="manage-home"),
    path("manage/<slug:alliance_slug>/", views.dashboard, name="manage-dashboard"),
    path("manage/<slug:alliance_slug>/mitglieder/", views.member_list, name="manage-member-list"),
    path(
        "manage/<slug:alliance_slug>/mitglieder/<int:pk>/",
        views.member_update,
        name="manage-member-update",
    ),
    path(
        "manage/<slug:alliance_slug>/einladungen/<int:pk>/zurueckziehen/",
        views.invitation_revoke,
        name="manage-invitation-revoke",
    ),
    path(
        "manage/<slug:alliance_slug>/einstellungen/",
        views.settings_update,
        name="manage-settings",
    ),
]
