"""The review cycle on the workspace dashboard: what nobody confirmed for too long."""

from django.utils.translation import gettext_lazy as _

from familiennetz.alliances.config import alliance_config
from familiennetz.directory.models import Offer, Status
from familiennetz.directory.review_cycle import due_q, expired_q
from familiennetz.workspace import registry
from familiennetz.workspace.access import manage_url

from .selectors import due_count, due_entries


def _tiles(request):
    alliance, user = request.alliance, request.user
    offers = manage_url("directory:manage-offer-list", alliance)
    expired = (
        Offer.objects.for_alliance(alliance)
        .visible_to(user)
        .filter(status=Status.PUBLISHED)
        .filter(expired_q(alliance))
        .count()
    )
    due_total = due_count(alliance=alliance, user=user)
    if alliance_config(alliance).hides_expired:
        expired_label = _("offers hidden because nobody confirmed them")
    else:
        expired_label = _("offers shown as “no longer confirmed”")
    return [
        registry.Tile(
            due_total,
            _("entries not confirmed within the review cycle"),
            f"{offers}?freshness=due&status=published",
            attention=bool(due_total),
        ),
        registry.Tile(
            expired, expired_label, f"{offers}?freshness=expired&status=published", bool(expired)
        ),
    ]


def _oldest_confirmations(request):
    due = due_entries(alliance=request.alliance, user=request.user, limit=10)
    return {"oldest": due.oldest(10)}


def _offers_due(alliances) -> dict:
    return {
        alliance.pk: Offer.objects.for_alliance(alliance)
        .filter(status=Status.PUBLISHED)
        .filter(due_q(alliance))
        .count()
        for alliance in alliances
    }


registry.add_tiles(
    registry.TileSet("freshness", _tiles, permission="directory.view_entries", order=10)
)
registry.add_panel(
    registry.Panel(
        "oldest-confirmations",
        "freshness/workspace/_panel_oldest.html",
        _oldest_confirmations,
        permission="directory.view_entries",
        order=30,
    )
)
registry.add_alliance_column(
    registry.AllianceColumn(
        "offers-due", _("of them not confirmed within the review cycle"), _offers_due, order=20
    )
)
