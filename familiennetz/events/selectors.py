"""Reads for the public calendar: filtered dates for list/day/week/month views, feeds, widget,
the event page and the home page. Every read starts from the alliance; only published events.

Views get ``Entry`` objects: an occurrence with its event and the status that applies to it
(a cancelled event cancels every date; otherwise a date's own status wins).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
    Window,
)
from django.db.models.functions import ExtractIsoWeekDay, RowNumber
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from familiennetz.alliances.models import Alliance
from familiennetz.directory import selectors as directory_selectors
from familiennetz.directory.forms import WEEKDAYS
from familiennetz.directory.models import Language, Offer, Organisation
from familiennetz.directory.models.audience import AGE_BANDS_BY_KEY, AgeBand
from familiennetz.search.api import text_matcher

from .models import Event, EventStatus, Occurrence
from .occurrences import BERLIN, local_midnight

LIST_PAGE_SIZE = 30
MONTH_PER_DAY = 4
WEEK_PER_DAY = 30
DAY_LIMIT = 300
FEED_LIMIT = 1000
# Multi-day events that started up to this long before a range still show in it.
MULTI_DAY_LOOKBACK = dt.timedelta(days=14)
_RELATED = ("event__alliance", "event__location", "event__organisation")
# Filter key set by strict readers (feeds, widget) when a selection value was invalid.
SELECT_NOTHING = "_nothing"


# --- entries -------------------------------------------------------------------------------


def effective_status(occurrence: Occurrence) -> str:
    event_status = occurrence.event.event_status
    if event_status == EventStatus.CANCELLED:
        return EventStatus.CANCELLED
    if occurrence.event_status != EventStatus.SCHEDULED:
        return occurrence.event_status
    return event_status


@dataclass
class Entry:
    """One date as the calendar shows it."""

    occurrence: Occurrence

    @property
    def event(self) -> Event:
        return self.occurrence.event

    @property
    def pk(self) -> int:
        return self.occurrence.pk

    @property
    def starts_at(self) -> dt.datetime:
        return self.occurrence.starts_at

    @property
    def ends_at(self) -> dt.datetime | None:
        return self.occurrence.ends_at

    @property
    def is_all_day(self) -> bool:
        return self.event.is_all_day

    @cached_property
    def local_start(self) -> dt.datetime:
        return self.starts_at.astimezone(BERLIN)

    @cached_property
    def local_end(self) -> dt.datetime | None:
        return self.ends_at.astimezone(BERLIN) if self.ends_at else None

    @property
    def last_day(self) -> dt.date:
        """The last local day the date covers (all-day ends are exclusive)."""
        if self.local_end is None:
            return self.local_start.date()
        if self.is_all_day or self.local_end.time() == dt.time():
            return max(self.local_start.date(), (self.local_end - dt.timedelta(days=1)).date())
        return self.local_end.date()

    @property
    def is_multi_day(self) -> bool:
        return self.last_day > self.local_start.date()

    @cached_property
    def status(self) -> str:
        return effective_status(self.occurrence)

    @property
    def status_label(self) -> str:
        return str(EventStatus(self.status).label)

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    @property
    def is_scheduled(self) -> bool:
        return self.status == EventStatus.SCHEDULED

    @property
    def is_moved(self) -> bool:
        return self.occurrence.starts_at != self.occurrence.original_start

    @property
    def original_start(self) -> dt.datetime:
        return self.occurrence.original_start

    @property
    def note(self) -> str:
        if self.occurrence.status_note:
            return self.occurrence.status_note
        if self.event.event_status != EventStatus.SCHEDULED:
            return self.event.status_note
        return ""

    @property
    def is_past(self) -> bool:
        return (self.ends_at or self.starts_at) < timezone.now()

    @cached_property
    def url(self) -> str:
        return self.occurrence.get_absolute_url()

    @property
    def last_modified(self) -> dt.datetime:
        return max(self.occurrence.updated_at, self.event.updated_at)

    @property
    def age_label(self) -> str:
        return age_label(self.event)


@dataclass
class Day:
    date: dt.date
    entries: list[Entry] = field(default_factory=list)
    total: int = 0
    in_range: bool = True
    is_today: bool = False
    url: str = ""  # the day view; set by the view

    @property
    def more(self) -> int:
        return max(0, self.total - len(self.entries))

    @property
    def iso(self) -> str:
        return self.date.isoformat()


@dataclass
class MonthGrid:
    first: dt.date
    weeks: list[list[Day]]

    @property
    def days(self) -> list[Day]:
        return [day for week in self.weeks for day in week if day.in_range]

    @property
    def total(self) -> int:
        return sum(day.total for day in self.days)


@dataclass
class ListOutcome:
    page: Page
    days: list[Day]
    total: int


def age_label(event: Event) -> str:
    """Same wording as offers ("0–3 Jahre", "Schwangerschaft")."""
    return Offer.age_label.fget(event)  # type: ignore[attr-defined]  # a property


# --- filters -------------------------------------------------------------------------------


def language_list_in_use(*, alliance: Alliance) -> list[Language]:
    return list(
        Language.objects.filter(events__alliance=alliance, events__status="published")
        .exclude(code="de")
        .distinct()
        .order_by("position", "name_de")
    )


def filter_choices(*, alliance: Alliance) -> dict:
    """Reference data for EventFilterForm (three queries)."""
    return {
        "categories": directory_selectors.category_list_for_filter(alliance=alliance),
        "districts": directory_selectors.district_list(alliance=alliance),
        "languages": language_list_in_use(alliance=alliance),
    }


def organisation_get_for_filter(*, alliance: Alliance, slug: str) -> Organisation | None:
    return (
        Organisation.objects.for_alliance(alliance)
        .filter(slug=slug)
        .only("pk", "name", "slug", "alliance_id")
        .first()
    )


def _age_band_q(band: AgeBand) -> Q:
    """Same semantics as the offer search: events for all ages match every age band."""
    if band.min_months is None:
        return Q(for_pregnancy=True)
    for_everyone = Q(age_min_months__isnull=True, age_max_months__isnull=True, for_pregnancy=False)
    overlaps = (Q(age_min_months__isnull=False) | Q(age_max_months__isnull=False)) & (
        (Q(age_min_months__isnull=True) | Q(age_min_months__lte=band.max_months))
        & (Q(age_max_months__isnull=True) | Q(age_max_months__gte=band.min_months))
    )
    return for_everyone | overlaps


def event_list_matching(*, alliance: Alliance, filters: dict) -> QuerySet[Event]:
    """Published events of ``alliance`` that match the selection filters."""
    events = Event.objects.for_alliance(alliance).published()
    if filters.get(SELECT_NOTHING):
        return events.none()
    if slug := filters.get("kategorie"):
        events = events.filter(Q(categories__slug=slug) | Q(categories__parent__slug=slug))
    if (key := filters.get("alter")) and key in AGE_BANDS_BY_KEY:
        events = events.filter(_age_band_q(AGE_BANDS_BY_KEY[key]))
    if slug := filters.get("ortsteil"):
        events = events.filter(
            Q(location__district__slug=slug) | Q(location__district__parent__slug=slug)
        )
    if filters.get("kostenlos"):
        events = events.filter(is_free=True)
    if code := filters.get("sprache"):
        events = events.filter(languages__code=code)
    for need in filters.get("barrierefrei", []):
        if need == "rollstuhl":
            events = events.filter(location__is_wheelchair_accessible=True)
        elif need == "kinderwagen":
            events = events.filter(location__is_pram_accessible=True)
    if slug := filters.get("organisation"):
        events = events.filter(organisation__slug=slug)
    return events


_ISO_WEEKDAY = {key: number for number, (key, _label) in enumerate(WEEKDAYS, start=1)}


def _matching_dates(alliance: Alliance, filters: dict) -> QuerySet[Occurrence]:
    """Dates of the events that match, narrowed by the date-level filters (weekday)."""
    # EXISTS rather than IN (subquery): the database then walks the dates in the order of the
    # covering index and checks each date's event, so "the next 30" stop after 30 (SQLite
    # otherwise starts from the event_id index and sorts every future date).
    dates = Occurrence.objects.for_alliance(alliance).filter(
        Exists(
            event_list_matching(alliance=alliance, filters=filters).filter(pk=OuterRef("event_id"))
        )
    )
    if (day := filters.get("wochentag")) in _ISO_WEEKDAY:
        # The local weekday (a date at 00:30 on Wednesday is a Tuesday in UTC).
        dates = dates.annotate(local_weekday=ExtractIsoWeekDay("starts_at", tzinfo=BERLIN)).filter(
            local_weekday=_ISO_WEEKDAY[day]
        )
    return dates


def _occurrences(alliance: Alliance, filters: dict) -> QuerySet[Occurrence]:
    return _matching_dates(alliance, filters).select_related(*_RELATED)


def _in_range(qs: QuerySet[Occurrence], lo: dt.datetime, hi: dt.datetime | None):
    """Dates starting in [lo, hi), and multi-day dates that started shortly before and last
    into the range. Written as one range on ``starts_at`` (plus a check of ``ends_at`` for the
    early ones), so that the database reads a single stretch of the covering index
    ``occurrence_range`` (alliance, starts_at, event, ends_at) instead of two."""
    dates = qs.filter(starts_at__gte=lo - MULTI_DAY_LOOKBACK)
    if hi is not None:
        dates = dates.filter(starts_at__lt=hi)
    return dates.filter(Q(starts_at__gte=lo) | Q(ends_at__gt=lo))


def _entries(rows) -> list[Entry]:
    return [Entry(row) for row in rows]


def _day_of(entry: Entry, first: dt.date) -> dt.date:
    return max(entry.local_start.date(), first)


def _group(entries: list[Entry], first: dt.date) -> list[Day]:
    days: dict[dt.date, Day] = {}
    for entry in entries:
        date = _day_of(entry, first)
        days.setdefault(date, Day(date)).entries.append(entry)
    for day in days.values():
        day.total = len(day.entries)
    return list(days.values())


# --- views ---------------------------------------------------------------------------------


def calendar_list(
    *,
    alliance: Alliance,
    filters: dict,
    start: dt.date,
    end: dt.date | None = None,
    page: int = 1,
    page_size: int = LIST_PAGE_SIZE,
    only: tuple[str, ...] = (),
) -> ListOutcome:
    """Dates from ``start`` (to ``end`` inclusive, or open-ended), a page at a time; ``only``
    limits the columns loaded (``Occurrence`` fields, ``event__…`` for its event and
    place)."""
    hi = local_midnight(end + dt.timedelta(days=1)) if end else None
    qs = _in_range(_occurrences(alliance, filters), local_midnight(start), hi).order_by(
        "starts_at", "pk"
    )
    if only:
        qs = qs.select_related(None).select_related("event__location").only(*only)
    paginator = Paginator(qs, page_size, allow_empty_first_page=True)
    current = paginator.get_page(page)
    entries = _entries(current.object_list)
    return ListOutcome(page=current, days=_group(entries, start), total=paginator.count)


class LocalDayIndex(Func):
    """The local (Europe/Berlin) day of ``starts_at`` as a number of days after ``first``;
    earlier starts count as day 0. Evaluated for every date in range, three times per query
    (day, rank and total), so it is written per database:

    - PostgreSQL: ``(starts_at AT TIME ZONE 'Europe/Berlin')::date - first``;
    - SQLite: ``julianday(starts_at)`` plus the Berlin offset of that moment (a CASE over the
      daylight-saving changes inside the range – at most one a month) minus ``julianday(first)``:
      arithmetic in SQLite's C code, no Python callback per row (which Django's time-zone
      functions would be on SQLite);
    - elsewhere: a CASE over the precomputed UTC day boundaries.
    """

    output_field = IntegerField()

    def __init__(self, first: dt.date, last: dt.date):
        self.first, self.last = first, last
        super().__init__(F("starts_at"))

    def _boundaries(self):
        return [
            local_midnight(self.first + dt.timedelta(days=n + 1))
            for n in range((self.last - self.first).days)
        ]

    def as_sql(self, compiler, connection, **extra):  # type: ignore[override]  # any database
        if self.first == self.last:
            return compiler.compile(Value(0))
        case = Case(
            *[When(starts_at__lt=b, then=Value(n)) for n, b in enumerate(self._boundaries())],
            default=Value((self.last - self.first).days),
            output_field=IntegerField(),
        )
        return compiler.compile(case.resolve_expression(compiler.query))

    def as_postgresql(self, compiler, connection, **extra):
        column, params = compiler.compile(self.source_expressions[0])
        sql = f"GREATEST(0, (({column} AT TIME ZONE 'Europe/Berlin')::date - %s::date))"
        return sql, (*params, self.first)

    def as_sqlite(self, compiler, connection, **extra):
        column, params = compiler.compile(self.source_expressions[0])
        # The Berlin offset (in days) of each stretch between daylight-saving changes.
        changes, offset_params = [], []
        day = self.first
        before = local_midnight(day).utcoffset() or dt.timedelta(0)
        while day <= self.last:
            after = local_midnight(day + dt.timedelta(days=1)).utcoffset() or dt.timedelta(0)
            if after != before:  # the change happens at 01:00 UTC that day
                moment = dt.datetime.combine(day, dt.time(1), tzinfo=dt.UTC)
                changes.append(f"WHEN {column} < %s THEN %s")
                offset_params += [
                    *params,
                    connection.ops.adapt_datetimefield_value(moment),
                    before.total_seconds() / 86400,
                ]
                before = after
            day += dt.timedelta(days=1)
        offset = f"CASE {' '.join(changes)} ELSE %s END" if changes else "%s"
        offset_params.append(before.total_seconds() / 86400)
        # + 1e-7 days (9 ms): a start at local midnight must not become 0.99999… of a day.
        sql = f"MAX(0, CAST(julianday({column}) + ({offset}) - julianday(%s) + 1e-7 AS INTEGER))"
        return sql, (*params, *offset_params, self.first.isoformat())


def _limited_per_day(
    alliance: Alliance, filters: dict, first: dt.date, last: dt.date, per_day: int
) -> dict[dt.date, Day]:
    """At most ``per_day`` dates per local day plus each day's total — in one query, so the
    month view costs the same for 3 or 20,000 dates."""
    day = LocalDayIndex(first, last)
    # Rank on narrow rows (id, day, total), then load the few rows shown: sorting 20,000 wide
    # joined rows for the window function was the expensive part.
    ranked = (
        _in_range(
            _matching_dates(alliance, filters),
            local_midnight(first),
            local_midnight(last + dt.timedelta(days=1)),
        )
        .annotate(
            day_index=day,
            day_rank=Window(
                RowNumber(), partition_by=[day], order_by=[F("starts_at").asc(), F("pk").asc()]
            ),
            day_total=Window(Count("pk"), partition_by=[day]),
        )
        .filter(day_rank__lte=per_day)
        .values_list("pk", "day_index", "day_total")
    )
    placement = {pk: (index, total) for pk, index, total in ranked}
    rows = (
        Occurrence.objects.filter(pk__in=list(placement)).select_related(*_RELATED)
        if placement
        else []
    )
    days: dict[dt.date, Day] = {}
    for row in sorted(rows, key=lambda r: (r.starts_at, r.pk)):
        index, total = placement[row.pk]
        key = first + dt.timedelta(days=index)
        bucket = days.setdefault(key, Day(key, total=total))
        bucket.entries.append(Entry(row))
    return days


def calendar_days(
    *,
    alliance: Alliance,
    filters: dict,
    first: dt.date,
    last: dt.date,
    per_day: int = WEEK_PER_DAY,
    today: dt.date | None = None,
) -> list[Day]:
    """Every day from ``first`` to ``last`` (also empty ones) with its dates."""
    today = today or timezone.localdate()
    found = _limited_per_day(alliance, filters, first, last, per_day)
    days = []
    current = first
    while current <= last:
        day = found.get(current) or Day(current)
        day.is_today = current == today
        days.append(day)
        current += dt.timedelta(days=1)
    return days


def calendar_month(
    *,
    alliance: Alliance,
    filters: dict,
    month: dt.date,
    per_day: int = MONTH_PER_DAY,
    today: dt.date | None = None,
) -> MonthGrid:
    """Whole weeks (Monday first) around the month; days outside it are marked."""
    today = today or timezone.localdate()
    first = month.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    last = following - dt.timedelta(days=1)
    found = _limited_per_day(alliance, filters, first, last, per_day)
    grid_start = first - dt.timedelta(days=first.weekday())
    grid_end = last + dt.timedelta(days=6 - last.weekday())
    weeks, week = [], []
    current = grid_start
    while current <= grid_end:
        day = found.get(current) or Day(current)
        day.in_range = first <= current <= last
        day.is_today = current == today
        week.append(day)
        if len(week) == 7:
            weeks.append(week)
            week = []
        current += dt.timedelta(days=1)
    return MonthGrid(first=first, weeks=weeks)


# What feeds, RSS/Atom and the widget read of an event (feeds.py, widget templates); the rest
# (long texts, the series' rule, timestamps of organiser and place) is not loaded.
_FEED_EVENT_FIELDS = (
    "alliance_id",
    "title",
    "slug",
    "summary",
    "online_url",
    "is_all_day",
    "is_free",
    "fee_description",
    "requires_registration",
    "event_status",
    "status_note",
    "uid",
    "updated_at",
    "organisation__name",
    "organisation__slug",
    "organisation__alliance_id",
    "location__name",
    "location__slug",
    "location__alliance_id",
    "location__street",
    "location__postal_code",
    "location__city",
    "location__latitude",
    "location__longitude",
)


def occurrence_list_for_feed(
    *,
    alliance: Alliance,
    filters: dict,
    start: dt.datetime,
    end: dt.datetime,
    limit: int = FEED_LIMIT,
    with_categories: bool = True,
) -> list[Entry]:
    """Dates for iCalendar/RSS feeds and the widget, including cancelled ones.

    Up to 1,000 dates of typically far fewer events: the dates are loaded without their event,
    then each event once (with organiser, place and categories) and shared by its dates, and
    each event's URL is reversed once (two or three queries; see bench/calendar_bench.py).
    """
    rows = list(
        _matching_dates(alliance, filters)
        .filter(starts_at__gte=start, starts_at__lt=end)
        .order_by("starts_at", "pk")[:limit]
    )
    events = (
        Event.objects.filter(pk__in={row.event_id for row in rows})
        .select_related("organisation", "location")
        .only(*_FEED_EVENT_FIELDS)
    )
    if with_categories:
        events = events.prefetch_related("categories")
    by_id = {}
    for event in events if rows else []:
        event.alliance = alliance  # the rows are this alliance's; saves a join per date
        by_id[event.pk] = (event, event.get_absolute_url())
    entries = []
    for row in rows:
        row.event, event_url = by_id[row.event_id]
        entry = Entry(row)
        entry.url = f"{event_url}?termin={row.pk}"  # what Occurrence.get_absolute_url gives
        entries.append(entry)
    return entries


def occurrence_list_next(
    *, alliance: Alliance, limit: int = 5, now: dt.datetime | None = None
) -> list[Entry]:
    """The next date of each of the ``limit`` soonest events (home page). Cancelled dates and
    cancelled events are left out here; the calendar shows them.

    Reads the coming dates in order, a batch at a time, until ``limit`` events are found: an
    index range scan of a few rows instead of ranking every date of the next year per event
    (which took most of the home page's time with thousands of dates)."""
    now = now or timezone.now()
    qs = (
        Occurrence.objects.for_alliance(alliance)
        .filter(
            event__status="published",
            starts_at__gte=now,
            starts_at__lt=now + dt.timedelta(days=366),
        )
        .exclude(event_status=EventStatus.CANCELLED)
        .exclude(event__event_status=EventStatus.CANCELLED)
        .select_related(*_RELATED)
        .order_by("starts_at", "pk")
    )
    # First the ids on narrow rows, then the few dates shown with their events.
    batch = max(limit * 20, 50)
    first_dates: list[int] = []
    seen: set[int] = set()
    offset = 0
    while len(first_dates) < limit:
        rows = list(qs.values_list("pk", "event_id")[offset : offset + batch])
        for pk, event_id in rows:
            if event_id not in seen:
                seen.add(event_id)
                first_dates.append(pk)
                if len(first_dates) == limit:
                    break
        if len(rows) < batch:
            break
        offset += batch
    if not first_dates:
        return []
    return _entries(qs.filter(pk__in=first_dates))


SEARCH_DAYS = 180


def occurrence_list_matching(
    *, alliance: Alliance, query: str, limit: int = 5, now: dt.datetime | None = None
) -> list[Entry]:
    """The next date of each published event whose title, summary or description matches
    ``query`` as the offer search understands it (the guide's search page, issue 16)."""
    matches = text_matcher(alliance=alliance, query=query)
    if matches is None:
        return []
    now = now or timezone.now()
    coming = (
        Occurrence.objects.for_alliance(alliance)
        .filter(
            event__status="published",
            starts_at__gte=now,
            starts_at__lt=now + dt.timedelta(days=SEARCH_DAYS),
        )
        .exclude(event_status=EventStatus.CANCELLED)
        .exclude(event__event_status=EventStatus.CANCELLED)
    )
    texts = Event.objects.filter(pk__in=coming.values("event_id")).values_list(
        "pk", "title", "summary", "description"
    )
    found = [pk for pk, *text in texts if matches("\n".join(text))]
    if not found:
        return []
    first = (
        coming.filter(event_id__in=found)
        .values("event_id")
        .annotate(first=Min("starts_at"))
        .order_by("first", "event_id")[:limit]
    )
    dates = [(row["event_id"], row["first"]) for row in first]
    rows = (
        coming.filter(
            Q(
                *[Q(event_id=event_id, starts_at=starts_at) for event_id, starts_at in dates],
                _connector=Q.OR,
            )
        )
        .select_related(*_RELATED)
        .order_by("starts_at", "pk")
    )
    seen: set[int] = set()
    entries = []
    for row in rows:
        if row.event_id not in seen:
            seen.add(row.event_id)
            entries.append(Entry(row))
    return entries


def occurrence_list_for_offer(
    *, offer: Offer, limit: int = 5, now: dt.datetime | None = None
) -> list[Entry]:
    """The next dates of the published events that are the sessions of ``offer`` (offer
    page), cancelled ones included so that nobody comes in vain."""
    now = now or timezone.now()
    qs = (
        Occurrence.objects.filter(alliance_id=offer.alliance_id)
        .filter(event__offer=offer, event__status="published")
        .filter(Q(starts_at__gte=now) | Q(ends_at__gt=now))
        .select_related(*_RELATED)
        .order_by("starts_at", "pk")
    )
    return _entries(qs[:limit])


# --- event page ----------------------------------------------------------------------------


def event_get_public(*, alliance: Alliance, slug: str) -> Event:
    event = (
        Event.objects.for_alliance(alliance)
        .published()
        .select_related("alliance", "organisation", "location__district", "offer")
        .prefetch_related("categories__parent", "languages")
        .filter(slug=slug)
        .first()
    )
    if event is None:
        raise Http404(_("This event does not exist or is no longer published."))
    return event


def _attach(rows, event: Event) -> list[Entry]:
    entries = []
    for row in rows:
        row.event = event  # saves a query per row; the rows are this event's
        entries.append(Entry(row))
    return entries


def event_dates_upcoming(
    *, event: Event, limit: int = 10, now: dt.datetime | None = None
) -> list[Entry]:
    """Dates that have not ended yet, soonest first."""
    now = now or timezone.now()
    rows = (
        Occurrence.objects.filter(event=event)
        .filter(Q(starts_at__gte=now) | Q(ends_at__gt=now))
        .order_by("starts_at", "pk")[:limit]
    )
    return _attach(rows, event)


def event_date_last(*, event: Event) -> Entry | None:
    """The event's last stored date; for an event older than the stored dates (they reach 60
    days back), its own first date, so that its .ics is never empty."""
    row = Occurrence.objects.filter(event=event).order_by("-starts_at", "-pk").first()
    if row is None and event.starts_at:
        row = Occurrence(
            alliance_id=event.alliance_id,
            original_start=event.starts_at,
            starts_at=event.starts_at,
            ends_at=event.ends_at,
            created_at=event.created_at,
            updated_at=event.updated_at,
        )
    return _attach([row], event)[0] if row else None


def event_date_get(*, event: Event, pk) -> Entry | None:
    """The date ``?termin=<pk>`` selects, if it belongs to ``event``; None otherwise."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    row = Occurrence.objects.filter(event=event, pk=pk).first()
    return _attach([row], event)[0] if row else None


def event_date_count_upcoming(*, event: Event, now: dt.datetime | None = None) -> int:
    now = now or timezone.now()
    return Occurrence.objects.filter(event=event, starts_at__gte=now).count()


def event_dates_for_export(
    *, event: Event, start: dt.datetime, end: dt.datetime, limit: int = FEED_LIMIT
) -> list[Entry]:
    rows = Occurrence.objects.filter(event=event, starts_at__gte=start, starts_at__lt=end).order_by(
        "starts_at", "pk"
    )[:limit]
    return _attach(rows, event)
