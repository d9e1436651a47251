"""Reports in the workspace shell: navigation (annual reports, handover, the state office's
shared documents)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from familiennetz.workspace import registry

GROUP = "reports"

registry.add_group(registry.NavGroup(GROUP, _("Reports"), order=60))
registry.add_nav(
    registry.NavEntry(
        key="reports-annual",
        group=GROUP,
        label=_("Annual reports"),
        url_name="reports:manage-report-list",
        permission="reports.view_reports",
        markers=("report", "figure"),
        order=10,
    )
)
registry.add_nav(
    registry.NavEntry(
        key="reports-handover",
        group=GROUP,
        label=_("Handover"),
        url_name="reports:manage-handover",
        permission="reports.view_handover",
        markers=("handover",),
        order=20,
    )
)
registry.add_nav(
    registry.NavEntry(
        key="reports-shared",
        group=GROUP,
        label=_("State office"),
        url_name="reports:manage-shared-documents",
        permission="reports.view_reports",
        markers=("shared",),
        order=30,
    )
)


def _state_office_panel(request):
    """A link to /manage/landesstelle/ for members of a state office of this alliance."""
    offices = list(request.user.state_offices.filter(alliances=request.alliance).order_by("name"))
    return {"offices": offices} if offices else None


registry.add_panel(
    registry.Panel(
        "reports-state-office",
        "reports/workspace/_panel_state_office.html",
        _state_office_panel,
        permission="reports.view_reports",
        order=5,
    )
)
