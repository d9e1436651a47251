"""The district analysis in the workspace shell ("Sozialraum")."""

from django.utils.translation import gettext_lazy as _

from familiennetz.workspace import registry

registry.add_group(registry.NavGroup("socialspace", _("Sozialraum"), order=30))
for order, (key, label, url_name, markers) in enumerate(
    [
        (
            "socialspace-districts",
            _("Districts and map"),
            "socialspace:manage-district-map",
            ("district",),
        ),
        (
            "socialspace-indicators",
            _("Indicators"),
            "socialspace:manage-indicator-list",
            ("indicator", "dataimport"),
        ),
        ("socialspace-index", _("Index"), "socialspace:manage-index-list", ("index",)),
        (
            "socialspace-gaps",
            _("Coverage and gaps"),
            "socialspace:manage-gap-list",
            ("gap", "overlap"),
        ),
        ("socialspace-walks", _("District walks"), "socialspace:manage-walk-list", ("walk",)),
    ]
):
    registry.add_nav(
        registry.NavEntry(
            key=key,
            group="socialspace",
            label=label,
            url_name=url_name,
            permission="socialspace.view_socialspace",
            markers=markers,
            order=10 + order,
        )
    )
