"""Governance in the workspace shell: navigation and dashboard panels (journey 9)."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from familiennetz.workspace import registry

from . import selectors

GROUP = "governance"
VIEW = "governance.view_governance"

registry.add_group(registry.NavGroup(GROUP, _("Bodies & projects"), order=50))
for order, (key, label, url_name, markers, permission) in enumerate(
    [
        (
            "governance-meetings",
            _("Meetings"),
            "governance:manage-meeting-list",
            ("meeting", "agenda", "attachment", "attendance", "minutes"),
            VIEW,
        ),
        (
            "governance-actions",
            _("Action items"),
            "governance:manage-action-list",
            ("action",),
            VIEW,
        ),
        ("governance-bodies", _("Bodies"), "governance:manage-body-list", ("body", "member"), VIEW),
        (
            "governance-decisions",
            _("Decisions"),
            "governance:manage-decision-list",
            ("decision",),
            VIEW,
        ),
        (
            "governance-projects",
            _("Projects"),
            "governance:manage-project-list",
            ("project",),
            VIEW,
        ),
        ("governance-rooms", _("Rooms"), "governance:manage-room-list", ("room", "booking"), VIEW),
        (
            "governance-budgets",
            _("Budgets"),
            "governance:manage-pot-list",
            ("pot",),
            "governance.view_budgets",
        ),
        ("governance-quality", _("Quality"), "governance:manage-quality", ("quality",), VIEW),
        (
            "governance-professionals",
            _("For professionals"),
            "governance:manage-proevent-list",
            ("proevent", "document", "announcement"),
            VIEW,
        ),
    ],
    start=1,
):
    registry.add_nav(
        registry.NavEntry(
            key=key,
            group=GROUP,
            label=label,
            url_name=url_name,
            permission=permission,
            markers=markers,
            order=order * 10,
        )
    )


def _next_meeting(request):
    alliance, user = request.alliance, request.user
    meeting = selectors.next_meeting(alliance=alliance, user=user)
    if meeting is None:
        return {"meeting": None}
    return {
        "meeting": meeting,
        "actions": list(selectors.open_actions_of_body(meeting.body_id, limit=8)),
        "today": timezone.localdate(),
    }


def _my_actions(request):
    alliance, user = request.alliance, request.user
    rows = selectors.my_actions(alliance=alliance, user=user)
    today = timezone.localdate()
    overdue = list(rows.filter(due_on__lt=today).select_related("meeting").order_by("due_on")[:10])
    if not overdue and not rows.exists():
        return None
    return {"overdue": overdue, "today": today, "path": request.get_full_path()}


def _booking_requests(request):
    rows = list(selectors.booking_requests_for(alliance=request.alliance, user=request.user)[:8])
    if not rows:
        return None
    return {"requests": rows}


def _budgets(request):
    pots = selectors.pots_near_limit(alliance=request.alliance)
    if not pots:
        return None
    return {"pots": pots}


registry.add_panel(
    registry.Panel(
        "governance-next-meeting",
        "governance/workspace/_panel_next_meeting.html",
        _next_meeting,
        permission=VIEW,
        order=15,
    )
)
registry.add_panel(
    registry.Panel(
        "governance-my-actions",
        "governance/workspace/_panel_my_actions.html",
        _my_actions,
        permission=VIEW,
        order=16,
    )
)
registry.add_panel(
    registry.Panel(
        "governance-bookings",
        "governance/workspace/_panel_bookings.html",
        _booking_requests,
        permission="governance.book_room",
        order=45,
    )
)
registry.add_panel(
    registry.Panel(
        "governance-budgets",
        "governance/workspace/_panel_budgets.html",
        _budgets,
        permission="governance.view_budgets",
        order=46,
    )
)
