"""The calendar's page in the workspace shell."""

from django.utils.translation import gettext_lazy as _

from familiennetz.workspace import registry

registry.add_nav(
    registry.NavEntry(
        key="events",
        group="guide",
        label=_("Events"),
        url_name="events:manage-event-list",
        permission="directory.view_entries",
        markers=("event", "participant"),
        order=40,
    )
)
