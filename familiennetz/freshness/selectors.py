"""Which entries are due for review, and what the public guide does with expired ones.

An entry is *due* when its last confirmation is older than the alliance's review cycle (or it
was never confirmed), and *expired* when it is older than cycle + grace period: then the public
page shows "no longer confirmed since …" or the entry is hidden (alliance setting).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from familiennetz.alliances.config import alliance_config
from familiennetz.directory.models import Location, Offer, Organisation, Status

FRESHNESS_MODELS = (Organisation, Location, Offer)
OK, DUE, EXPIRED = "ok", "due", "expired"


def due_before(alliance, *, now: dt.datetime | None = None) -> dt.datetime:
    return (now or timezone.now()) - alliance_config(alliance).review_cycle


def expired_before(alliance, *, now: dt.datetime | None = None) -> dt.datetime:
    return (now or timezone.now()) - alliance_config(alliance).expiry_age


def due_q(alliance, *, now=None) -> Q:
    return Q(last_checked_at__isnull=True) | Q(last_checked_at__lt=due_before(alliance, now=now))


def expired_q(alliance, *, now=None) -> Q:
    return Q(last_checked_at__isnull=True) | Q(
        last_checked_at__lt=expired_before(alliance, now=now)
    )


def public_hidden_q(alliance, *, now=None) -> Q | None:
    """Rows the public guide hides (None: the alliance shows expired entries with a notice)."""
    if not alliance_config(alliance).hides_expired:
        return None
    return expired_q(alliance, now=now)


def publicly_visible(queryset, alliance, *, now=None):
    """``queryset`` without the entries the alliance hides because they expired."""
    hidden = public_hidden_q(alliance, now=now)
    return queryset if hidden is None else queryset.exclude(hidden)


def entry_state(entry, *, now: dt.datetime | None = None) -> str:
    config = alliance_config(entry.alliance)
    now = now or timezone.now()
    checked = entry.last_checked_at
    if checked is None or now - checked > config.expiry_age:
        return EXPIRED
    if now - checked > config.review_cycle:
        return DUE
    return OK


def _published_offers(alliance):
    return Offer.objects.for_alliance(alliance).filter(status=Status.PUBLISHED)


@dataclass
class DueEntries:
    organisations: list
    locations: list
    offers: list

    @property
    def total(self) -> int:
        return len(self.organisations) + len(self.locations) + len(self.offers)

    def all(self) -> list:
        return [*self.organisations, *self.locations, *self.offers]


def due_entries(*, alliance, user=None, now=None, limit: int | None = None) -> DueEntries:
    """Published entries of ``alliance`` due for review (visible to ``user`` if given),
    oldest confirmation first."""
    now = now or timezone.now()
    condition = due_q(alliance, now=now)

    def rows(queryset):
        queryset = queryset.filter(condition)
        if user is not None:
            queryset = queryset.visible_to(user)
        queryset = queryset.order_by("last_checked_at", "name")
        return list(queryset[:limit] if limit else queryset)

    return DueEntries(
        organisations=rows(Organisation.objects.for_alliance(alliance)),
        locations=rows(Location.objects.for_alliance(alliance).select_related("organisation")),
        offers=rows(_published_offers(alliance).select_related("organisation")),
    )


def due_count(*, alliance, user=None, now=None) -> int:
    condition = due_q(alliance, now=now)
    total = 0
    for queryset in (
        Organisation.objects.for_alliance(alliance),
        Location.objects.for_alliance(alliance),
        _published_offers(alliance),
    ):
        queryset = queryset.filter(condition)
        if user is not None:
            queryset = queryset.visible_to(user)
        total += queryset.count()
    return total


def due_entries_of_organisation(*, organisation, now=None) -> list:
    """The organisation and its places and published offers that are due, for a reminder."""
    alliance = organisation.alliance
    condition = due_q(alliance, now=now)
    entries = []
    if Organisation.objects.filter(pk=organisation.pk).filter(condition).exists():
        entries.append(organisation)
    entries += list(Location.objects.filter(organisation=organisation).filter(condition))
    entries += list(
        Offer.objects.filter(organisation=organisation, status=Status.PUBLISHED).filter(condition)
    )
    return entries
