"""Reads of the network's pages and print products (docs/dev/outreach.md)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from familiennetz.alliances.models import Alliance
from familiennetz.directory import selectors as directory_selectors
from familiennetz.directory.models import Location, Offer, OfferLocation
from familiennetz.events import selectors as event_selectors
from familiennetz.events.occurrences import local_midnight

from .models import HelpContact, NewsItem, Rally, RallyStation, TransitionStep

# The notice-board sheet: this many weeks ahead, at most this many lines on one sheet.
NOTICE_WEEKS = 4
NOTICE_LIMIT = 200


# --- Erste-Hilfe-Box ---------------------------------------------------------------------------


@dataclass
class HelpGroup:
    key: str
    label: str
    contacts: list[HelpContact]


def help_groups(*, alliance: Alliance) -> list[HelpGroup]:
    """The Erste-Hilfe-Box's groups in their fixed order (Notfall, Beratung, Nachts) with
    their contacts; empty groups are left out."""
    contacts = list(HelpContact.objects.for_alliance(alliance).order_by("position", "pk"))
    groups = []
    for key, label in HelpContact.Group.choices:
        rows = [c for c in contacts if c.group == key]
        if rows:
            groups.append(HelpGroup(key, str(label), rows))
    return groups


# --- rallies -----------------------------------------------------------------------------------


def rally_list(*, alliance: Alliance):
    return Rally.objects.for_alliance(alliance).prefetch_related("stations").order_by("title")


def _stations():
    return RallyStation.objects.select_related("location__district").order_by("number")


def rally_get_public(*, alliance: Alliance, slug: str) -> Rally:
    rally = (
        Rally.objects.for_alliance(alliance)
        .filter(slug=slug, is_published=True)
        .select_related("alliance")
        .prefetch_related(Prefetch("stations", queryset=_stations()))
        .first()
    )
    if rally is None:
        raise Http404(_("This rally does not exist."))
    for station in rally.stations.all():
        station.rally = rally  # its URL needs the rally and the alliance: no query per station
    return rally


def station_of(rally: Rally, number: int) -> RallyStation:
    for station in rally.stations.all():
        if station.number == number:
            return station
    raise Http404(_("This station does not exist."))


def rally_published_list(*, alliance: Alliance) -> list[Rally]:
    return list(
        Rally.objects.for_alliance(alliance)
        .filter(is_published=True, stations__isnull=False)
        .distinct()
        .order_by("title")
    )


def place_choices(*, alliance: Alliance):
    return Location.objects.for_alliance(alliance).order_by("name")


# --- the notice-board sheet (Aushang) ----------------------------------------------------------


@dataclass
class NoticeSheet:
    """What an Aushang shows: the coming weeks' dates and the matching offers."""

    start: dt.date
    end: dt.date
    dates: list = field(default_factory=list)
    offers: list[Offer] = field(default_factory=list)
    place: Location | None = None
    total: int = 0

    limit: int = NOTICE_LIMIT

    @property
    def too_large(self) -> bool:
        return self.total > self.limit


def place_for_filter(*, alliance: Alliance, slug: str) -> Location | None:
    return (
        Location.objects.for_alliance(alliance).filter(slug=slug).only("pk", "slug", "name").first()
    )


def notice_sheet(
    *,
    alliance: Alliance,
    filters: dict,
    place: Location | None = None,
    today: dt.date | None = None,
    weeks: int = NOTICE_WEEKS,
    limit: int | None = None,
) -> NoticeSheet:
    """Dates of the next ``weeks`` weeks and the offers that match ``filters`` (the calendar's
    and the search's parameter names), at ``place`` if given. Reads at most ``limit + 1`` of
    each, so that a request for thousands of lines stays cheap and ``too_large`` says so."""
    today = today or timezone.localdate()
    limit = limit or NOTICE_LIMIT
    end = today + dt.timedelta(days=7 * weeks)
    sheet = NoticeSheet(start=today, end=end, place=place, limit=limit)
    dates = event_selectors.occurrence_list_for_feed(
        alliance=alliance,
        filters=filters,
        start=max(timezone.now(), local_midnight(today)),
        end=local_midnight(end + dt.timedelta(days=1)),
        limit=event_selectors.FEED_LIMIT if place else limit + 1,
        with_categories=False,
    )
    dates = [d for d in dates if not d.is_cancelled]
    if place is not None:
        dates = [d for d in dates if d.event.location_id == place.pk]
    offer_filters = {k: v for k, v in filters.items() if k != "organisation"}
    ids = directory_selectors.offer_ids_matching(alliance=alliance, filters=offer_filters).ids
    if place is not None:
        at_place = set(
            Offer.objects.filter(pk__in=ids, offer_locations__location=place).values_list(
                "pk", flat=True
            )
        )
        ids = [pk for pk in ids if pk in at_place]
    sheet.total = len(dates) + len(ids)
    if sheet.too_large:
        return sheet
    sheet.dates = dates
    by_id = {
        offer.pk: offer
        for offer in Offer.objects.filter(pk__in=ids)
        .select_related("organisation")
        .prefetch_related(
            Prefetch(
                "offer_locations",
                queryset=OfferLocation.objects.select_related("location"),
            )
        )
        .only(
            "pk",
            "slug",
            "name",
            "summary",
            "phone",
            "is_free",
            "for_pregnancy",
            "age_min_months",
            "age_max_months",
            "alliance_id",
            "organisation__name",
        )
    }
    for offer in by_id.values():
        offer.alliance = alliance
    sheet.offers = [by_id[pk] for pk in ids if pk in by_id]
    return sheet


def offer_for_flyer(*, alliance: Alliance, slug: str) -> Offer:
    return directory_selectors.offer_get_public(alliance=alliance, slug=slug)


# --- news --------------------------------------------------------------------------------------

NEWS_FEED_LIMIT = 20


def news_published(*, alliance: Alliance, limit: int | None = None) -> list[NewsItem]:
    rows = (
        NewsItem.objects.for_alliance(alliance)
        .filter(published_at__isnull=False, published_at__lte=timezone.now())
        .order_by("-published_at", "-pk")
    )
    items = list(rows[:limit] if limit else rows)
    for item in items:
        item.alliance = alliance
    return items


def news_get_public(*, alliance: Alliance, slug: str) -> NewsItem:
    item = (
        NewsItem.objects.for_alliance(alliance)
        .filter(slug=slug, published_at__isnull=False, published_at__lte=timezone.now())
        .first()
    )
    if item is None:
        raise Http404(_("This news item does not exist."))
    item.alliance = alliance
    return item


def news_list(*, alliance: Alliance):
    return NewsItem.objects.for_alliance(alliance).order_by("-published_at", "-created_at")


def transition_phases(*, alliance: Alliance) -> list[tuple[str, list[TransitionStep]]]:
    """The Kita → school steps by phase, in the order of the school year (empty phases left
    out), with their contacts."""
    steps = list(
        TransitionStep.objects.for_alliance(alliance).select_related(
            "offer", "location", "offer__organisation"
        )
    )
    return [
        (str(label), [s for s in steps if s.phase == value])
        for value, label in TransitionStep.Phase.choices
        if any(s.phase == value for s in steps)
    ]
