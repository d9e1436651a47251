"""Which entries of an alliance or organisation are due for review (the rule itself:
``directory/review_cycle.py``)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from familiennetz.directory.models import Location, Offer, Organisation, Status
from familiennetz.directory.review_cycle import due_q

FRESHNESS_MODELS = (Organisation, Location, Offer)


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

    def oldest(self, limit: int | None = None) -> list:
        """All kinds together, longest without confirmation first (never confirmed first)."""
        rows = sorted(
            self.all(),
            key=lambda e: (e.last_checked_at is not None, e.last_checked_at or 0, str(e)),
        )
        return rows[:limit] if limit else rows


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
