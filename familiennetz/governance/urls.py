"""Governance URLs: the workspace under /manage/<alliance>/…, the feed under /accounts/konto/."""

from django.urls import path

from .views import (
    actions,
    bodies,
    budgets,
    feeds,
    meetings,
    professionals,
    projects,
    quality,
    rooms,
)

app_name = "governance"

M = "manage/<slug:alliance_slug>/"

urlpatterns = [
    # bodies
    path(f"{M}gremien/", bodies.body_list, name="manage-body-list"),
    path(f"{M}gremien/neu/", bodies.body_create, name="manage-body-create"),
    path(f"{M}gremien/<int:pk>/", bodies.body_detail, name="manage-body-detail"),
    path(f"{M}gremien/<int:pk>/bearbeiten/", bodies.body_update, name="manage-body-update"),
    path(f"{M}gremien/<int:pk>/mitglieder/neu/", bodies.member_create, name="manage-member-create"),
    path(
        f"{M}gremien/<int:pk>/mitglieder/<int:member>/",
        bodies.member_update,
        name="manage-member-update",
    ),
    # meetings
    path(f"{M}sitzungen/", meetings.meeting_list, name="manage-meeting-list"),
    path(f"{M}sitzungen/neu/", meetings.meeting_create, name="manage-meeting-create"),
    path(f"{M}sitzungen/<int:pk>/", meetings.meeting_detail, name="manage-meeting-detail"),
    path(
        f"{M}sitzungen/<int:pk>/bearbeiten/", meetings.meeting_update, name="manage-meeting-update"
    ),
    path(
        f"{M}sitzungen/<int:pk>/tagesordnung/neu/",
        meetings.agenda_item_create,
        name="manage-agenda-create",
    ),
    path(
        f"{M}sitzungen/<int:pk>/tagesordnung/<int:item>/",
        meetings.agenda_item_update,
        name="manage-agenda-update",
    ),
    path(
        f"{M}sitzungen/<int:pk>/tagesordnung/offene-punkte/",
        meetings.agenda_open_items,
        name="manage-agenda-open-items",
    ),
    path(
        f"{M}sitzungen/<int:pk>/anhang/<int:attachment>/",
        meetings.attachment_download,
        name="manage-attachment-download",
    ),
    path(f"{M}sitzungen/<int:pk>/einladen/", meetings.meeting_invite, name="manage-meeting-invite"),
    path(f"{M}sitzungen/<int:pk>/termin.ics", meetings.meeting_ics, name="manage-meeting-ics"),
    path(
        f"{M}sitzungen/<int:pk>/anwesenheit/",
        meetings.attendance_update,
        name="manage-attendance-update",
    ),
    path(
        f"{M}sitzungen/<int:pk>/protokoll/", meetings.minutes_update, name="manage-minutes-update"
    ),
    path(
        f"{M}sitzungen/<int:pk>/protokoll/freigeben/",
        meetings.minutes_approve,
        name="manage-minutes-approve",
    ),
    path(
        f"{M}sitzungen/<int:pk>/protokoll/versionen/",
        meetings.minutes_history,
        name="manage-minutes-history",
    ),
    path(f"{M}beschluesse/", meetings.decision_list, name="manage-decision-list"),
    # action items
    path(f"{M}aufgaben/", actions.action_list, name="manage-action-list"),
    path(f"{M}aufgaben/<int:pk>/", actions.action_update, name="manage-action-update"),
    path(f"{M}aufgaben/<int:pk>/status/", actions.action_status, name="manage-action-status"),
    # projects
    path(f"{M}projekte/", projects.project_list, name="manage-project-list"),
    path(f"{M}projekte/neu/", projects.project_create, name="manage-project-create"),
    path(f"{M}projekte/<int:pk>/", projects.project_detail, name="manage-project-detail"),
    path(
        f"{M}projekte/<int:pk>/bearbeiten/", projects.project_update, name="manage-project-update"
    ),
    path(
        f"{M}projekte/<int:pk>/budget/neu/",
        projects.project_budget_line,
        name="manage-project-line-create",
    ),
    path(
        f"{M}projekte/<int:pk>/budget/<int:line>/",
        projects.project_budget_line,
        name="manage-project-line-update",
    ),
    path(f"{M}projekte/<int:pk>/planen/", projects.project_plan, name="manage-project-plan"),
    # rooms
    path(f"{M}raeume/", rooms.room_list, name="manage-room-list"),
    path(f"{M}raeume/neu/", rooms.room_create, name="manage-room-create"),
    path(f"{M}raeume/<int:pk>/", rooms.room_detail, name="manage-room-detail"),
    path(f"{M}raeume/<int:pk>/bearbeiten/", rooms.room_update, name="manage-room-update"),
    path(f"{M}raeume/<int:pk>/kalender.ics", rooms.room_feed, name="manage-room-feed"),
    path(
        f"{M}raeume/buchungen/<int:pk>/entscheiden/",
        rooms.booking_decide,
        name="manage-booking-decide",
    ),
    # budgets
    path(f"{M}budgets/", budgets.pot_list, name="manage-pot-list"),
    path(f"{M}budgets/neu/", budgets.pot_create, name="manage-pot-create"),
    path(f"{M}budgets/<int:pk>/", budgets.pot_detail, name="manage-pot-detail"),
    path(f"{M}budgets/<int:pk>/bearbeiten/", budgets.pot_update, name="manage-pot-update"),
    path(
        f"{M}budgets/<int:pk>/foerdermittelgeber.xlsx", budgets.pot_export, name="manage-pot-export"
    ),
    # quality
    path(f"{M}qualitaet/", quality.quality_overview, name="manage-quality"),
    path(f"{M}qualitaet/neu/", quality.assessment_open, name="manage-quality-open"),
    path(f"{M}qualitaet/kriterien/", quality.criteria_update, name="manage-quality-criteria"),
    path(f"{M}qualitaet/<int:year>/", quality.assessment_rate, name="manage-quality-rate"),
    path(
        f"{M}qualitaet/<int:year>/zusammenfuehren/",
        quality.assessment_consolidate,
        name="manage-quality-consolidate",
    ),
    # professionals' side
    path(
        f"{M}fachkraefte/veranstaltungen/",
        professionals.pro_event_list,
        name="manage-proevent-list",
    ),
    path(
        f"{M}fachkraefte/veranstaltungen/<int:pk>/",
        professionals.pro_event_detail,
        name="manage-proevent-detail",
    ),
    path(f"{M}fachkraefte/dokumente/", professionals.document_list, name="manage-document-list"),
    path(
        f"{M}fachkraefte/dokumente/<int:pk>/",
        professionals.document_detail,
        name="manage-document-detail",
    ),
    path(
        f"{M}fachkraefte/dokumente/<int:pk>/version-<int:number>/",
        professionals.document_download,
        name="manage-document-download",
    ),
    path(
        f"{M}fachkraefte/mitteilungen/",
        professionals.announcement_list,
        name="manage-announcement-list",
    ),
    path(
        f"{M}fachkraefte/mitteilungen/<int:pk>/",
        professionals.announcement_detail,
        name="manage-announcement-detail",
    ),
    # the personal meetings feed (below /accounts/konto/)
    path("accounts/konto/sitzungen/", feeds.feed_settings, name="meetings-feed-settings"),
    path("accounts/konto/sitzungen/<str:token>.ics", feeds.meetings_feed, name="meetings-feed"),
]
