"""The care pages in the workspace's "Netzwerk" navigation group (imported by workspace.py)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from familiennetz.workspace import registry

GROUP = "network"

# The group is the network app's (same key, label and order): registering it twice is harmless.
registry.add_group(registry.NavGroup(GROUP, _("Network"), order=40))
for key, label, url_name, markers, permission, order in [
    (
        "network-own",
        _("Our network"),
        "network:manage-ownnetwork-show",
        ("ownnetwork",),
        "network.view_own_network",
        5,
    ),
    (
        "network-consultations",
        _("Case consultations"),
        "network:manage-consultation-list",
        ("consultation",),
        "network.view_consultation_counts",
        60,
    ),
    (
        "network-matrix",
        _("Contact matrix"),
        "network:manage-matrix-show",
        ("matrix",),
        "network.view_contact_matrix",
        70,
    ),
    (
        "network-stakeholders",
        _("Stakeholder grid"),
        "network:manage-stakeholder-grid",
        ("stakeholder",),
        "network.view_stakeholders",
        80,
    ),
]:
    registry.add_nav(
        registry.NavEntry(
            key=key,
            group=GROUP,
            label=label,
            url_name=url_name,
            permission=permission,
            markers=markers,
            order=order,
        )
    )
