"""The shell's own places in its navigation: the overview first, administration last."""

from django.utils.translation import gettext_lazy as _

from . import registry


def register() -> None:
    registry.add_group(registry.NavGroup("overview", _("Overview"), order=0))
    registry.add_nav(
        registry.NavEntry(
            key="dashboard",
            group="overview",
            label=_("Overview"),
            url_name="workspace:manage-dashboard",
            permission="alliances.view_workspace",
            markers=("dashboard",),
        )
    )
    registry.add_group(registry.NavGroup("administration", _("Administration"), order=1000))
    registry.add_nav(
        registry.NavEntry(
            key="members",
            group="administration",
            label=_("Members"),
            url_name="workspace:manage-member-list",
            permission="alliances.manage_members",
            markers=("member",),
            order=10,
        )
    )
    registry.add_nav(
        registry.NavEntry(
            key="settings",
            group="administration",
            label=_("Settings"),
            url_name="workspace:manage-settings",
            permission="alliances.change_settings",
            markers=("settings",),
            order=20,
        )
    )
