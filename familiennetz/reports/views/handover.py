"""The handover page (/manage/<alliance>/berichte/uebergabe/): what a successor needs."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone

from familiennetz.workspace.access import check_perm, workspace_view

from .. import figures, selectors


@workspace_view
def handover(request):
    alliance = request.alliance
    check_perm(request, "reports.view_handover")
    renewals = figures.registry.get("network.agreements")
    return render(
        request,
        "reports/workspace/handover.html",
        {
            "actions": list(selectors.open_actions(alliance)[:100]),
            "bodies": selectors.bodies_meeting_counts(alliance),
            "reports": list(selectors.reports_of(alliance)),
            "renewals_available": bool(renewals and renewals.available),
            "today": timezone.localdate(),
        },
    )
