"""Writes to the directory. Views and commands call these; they own transactions."""

from __future__ import annotations

import json
from pathlib import Path

from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify

from familiennetz.alliances.models import Alliance

from .models import Category, Location, Offer, OfferLocation, Schedule

DEFAULT_TAXONOMY = Path(__file__).parent / "data" / "taxonomy_de.json"


@transaction.atomic
def taxonomy_install(*, alliance: Alliance, path: Path = DEFAULT_TAXONOMY) -> int:
    """Copy a taxonomy file into ``alliance``; existing terms (by code) are updated.

    Returns the number of terms in the file.
    """
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    count = 0

    def install(terms, parent):
        nonlocal count
        for position, term in enumerate(terms):
            category, _created = Category.objects.update_or_create(
                alliance=alliance,
                code=term["code"],
                defaults={
                    "parent": parent,
                    "slug": term.get("slug") or slugify(term["code"].split(".")[-1]),
                    "name": term["name"],
                    "name_en": term.get("name_en", ""),
                    "description": term.get("description", ""),
                    "synonyms": "\n".join(term.get("synonyms", [])),
                    "position": position,
                },
            )
            count += 1
            install(term.get("children", []), category)

    install(data["terms"], None)
    return count


# --- rows that belong to an entry (EntryKind.apply_related, moderation.services.entry_save) ---


def location_apply_related(location: Location, related: dict) -> None:
    """Replace the opening hours the workspace rows show; rules they cannot show stay."""
    if "opening_hours" not in related:
        return
    keep = set(related.get("keep_schedules", ()))
    location.schedules.filter(kind=Schedule.Kind.OPENING_HOURS).exclude(pk__in=keep).delete()
    for row in related["opening_hours"]:
        Schedule.objects.create(
            alliance=location.alliance,
            location=location,
            kind=Schedule.Kind.OPENING_HOURS,
            rrule=row["rrule"],
            opens_at=row["opens_at"],
            closes_at=row["closes_at"],
            description=row["description"],
            last_checked_at=location.last_checked_at,
        )


def offer_apply_related(offer: Offer, related: dict) -> None:
    """Keep the offer's places and the sessions the rows show in step with ``related``
    (``places``: exactly these; ``add_places``: these too, as imports add them)."""
    for location in related.get("add_places", ()):
        OfferLocation.objects.get_or_create(
            alliance=offer.alliance,
            offer=offer,
            location=location,
            defaults={"last_checked_at": offer.last_checked_at},
        )
    if "places" in related:
        wanted = {location.pk for location in related["places"]}
        current = set(offer.offer_locations.values_list("location_id", flat=True))
        for offer_location in offer.offer_locations.filter(location_id__in=current - wanted):
            offer_location.delete()
        for location_id in sorted(wanted - current):
            OfferLocation.objects.create(
                alliance=offer.alliance,
                offer=offer,
                location_id=location_id,
                last_checked_at=offer.last_checked_at,
            )
    if "sessions" not in related:
        return
    # The rows stand for the sessions at places and the offer's own (a row without a place,
    # ADR 1540): both are replaced; rules the rows cannot show stay.
    keep = set(related.get("keep_schedules", ()))
    Schedule.objects.filter(
        Q(offer_location__offer=offer) | Q(offer=offer), kind=Schedule.Kind.SESSION
    ).exclude(pk__in=keep).delete()
    at = {ol.location_id: ol for ol in offer.offer_locations.all()}
    for row in related["sessions"]:
        place = row.get("place")
        Schedule.objects.create(
            alliance=offer.alliance,
            offer_location=at[place.pk] if place is not None else None,
            offer=offer if place is None else None,
            kind=Schedule.Kind.SESSION,
            rrule=row["rrule"],
            opens_at=row["opens_at"],
            closes_at=row["closes_at"],
            description=row["description"],
            skips_school_holidays=row.get("skips_school_holidays", False),
            last_checked_at=offer.last_checked_at,
        )
