"""The network's own pages in the workspace shell ("Öffentlichkeitsarbeit")."""

from django.utils.translation import gettext_lazy as _

from familiennetz.workspace import registry

GROUP = "outreach"

registry.add_group(registry.NavGroup(GROUP, _("Outreach"), order=55))
for order, (key, label, url_name, markers, permission) in enumerate(
    [
        (
            "outreach-help",
            _("Erste-Hilfe-Box"),
            "outreach:manage-help",
            ("help",),
            "outreach.manage_outreach",
        ),
        (
            "outreach-rally",
            _("Stadtteil-Rallye"),
            "outreach:manage-rally-list",
            ("rally", "station"),
            "outreach.manage_outreach",
        ),
        (
            "outreach-qr",
            _("QR codes and print"),
            "outreach:manage-qr",
            ("qr",),
            "alliances.view_workspace",
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
