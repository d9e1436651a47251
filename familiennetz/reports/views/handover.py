"""The handover page (/manage/<alliance>/berichte/uebergabe/): what a successor needs."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone

from familiennetz.network import selectors as network_selectors
from familiennetz.workspace.access import check_perm, workspace_view

from .. import selectors


@workspace_view
def handover(request):
    alliance = request.alliance
    check_perm(request, "reports.view_handover")
    return render(
        request,
        "reports/workspace/handover.html",
        {
            "actions": list(selectors.open_actions(alliance)[:100]),
            "bodies": selectors.bodies_meeting_counts(alliance),
            "reports": list(selectors.reports_of(alliance)),
            # every agreement with a renewal date within a year (or overdue), soonest first
            "renewals": list(network_selectors.renewals_due(alliance, days=365)[:100]),
            "today": timezone.localdate(),
        },
    )
