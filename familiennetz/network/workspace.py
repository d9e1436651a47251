"""The network in the workspace shell: navigation group "Netzwerk" and the dashboard panel
of agreements due for renewal."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from familiennetz.workspace import registry

from . import selectors

GROUP = "network"
VIEW = "network.view_network"

registry.add_group(registry.NavGroup(GROUP, _("Network"), order=40))

# --- partners, ties, map, analysis (network issue, part 1) ---
for order, (key, label, url_name, markers) in enumerate(
    [
        ("network-map", _("Network map"), "network:manage-map", ("map",)),
        ("network-partners", _("Partners"), "network:manage-partner-list", ("partner", "sector")),
        ("network-ties", _("Cooperation ties"), "network:manage-tie-list", ("tie",)),
        (
            "network-analysis",
            _("Network analysis"),
            "network:manage-analysis",
            ("analysis", "snapshot"),
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
            permission=VIEW,
            markers=markers,
            order=order * 10,
        )
    )


def _renewals(request):
    rows = list(selectors.renewals_due(request.alliance)[:8])
    if not rows:
        return None
    return {"ties": rows, "today": timezone.localdate()}


registry.add_panel(
    registry.Panel(
        "network-renewals",
        "network/workspace/_panel_renewals.html",
        _renewals,
        permission=VIEW,
        order=30,
    )
)
# --- end of part 1 ---

from . import care_workspace  # noqa: E402, F401  (case consultations, contact matrix, grid)
