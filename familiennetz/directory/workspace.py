"""The directory's pages in the workspace shell, and its figures on the dashboard."""

from django.utils.translation import gettext_lazy as _

from familiennetz.workspace import registry
from familiennetz.workspace.access import manage_url

from .models import Offer, Organisation, Status

registry.add_group(registry.NavGroup("guide", _("Family guide"), order=10))
for order, (key, label, url_name, markers) in enumerate(
    [
        ("offers", _("Offers"), "directory:manage-offer-list", ("offer",)),
        (
            "organisations",
            _("Organisations"),
            "directory:manage-organisation-list",
            ("organisation",),
        ),
        ("places", _("Places"), "directory:manage-location-list", ("location",)),
    ]
):
    registry.add_nav(
        registry.NavEntry(
            key=key,
            group="guide",
            label=label,
            url_name=url_name,
            permission="directory.view_entries",
            markers=markers,
            order=10 + order,
        )
    )


def _published_offers(request):
    return (
        Offer.objects.for_alliance(request.alliance)
        .visible_to(request.user)
        .filter(status=Status.PUBLISHED)
    )


def _tiles(request):
    alliance = request.alliance
    offers = manage_url("directory:manage-offer-list", alliance)
    organisations = manage_url("directory:manage-organisation-list", alliance)
    return [
        registry.Tile(
            _published_offers(request).count(), _("published offers"), f"{offers}?status=published"
        ),
        registry.Tile(
            Organisation.objects.for_alliance(alliance).visible_to(request.user).count(),
            _("organisations"),
            organisations,
        ),
    ]


registry.add_tiles(
    registry.TileSet("directory-counts", _tiles, permission="directory.view_entries", order=50)
)


def _published_offer_counts(alliances) -> dict:
    counts = {}
    for alliance in alliances:
        counts[alliance.pk] = (
            Offer.objects.for_alliance(alliance).filter(status=Status.PUBLISHED).count()
        )
    return counts


registry.add_alliance_column(
    registry.AllianceColumn(
        "published-offers", _("Published offers"), _published_offer_counts, order=10
    )
)
