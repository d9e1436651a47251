"""Reads for the calendar: filters, views, home page teaser, effective status."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from familiennetz.directory.tests import factories as directory_factories
from familiennetz.events import selectors
from familiennetz.events.models import EventStatus
from familiennetz.events.services import (
    event_set_status,
    event_sync_occurrences,
    occurrence_cancel,
)
from familiennetz.events.tests.factories import BERLIN, EventFactory


def next_weekday(weekday: int, *, after: dt.date, weeks: int = 1) -> dt.date:
    """The date of ``weekday`` (0 = Monday) at least ``weeks`` weeks after ``after``."""
    start = after + dt.timedelta(weeks=weeks)
    return start + dt.timedelta(days=(weekday - start.weekday()) % 7)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=BERLIN)


def build_calendar(alliance, other_alliance=None) -> dict:
    """A small family calendar around the real 'today' (views use the clock).

    Selected by alter=0-3&kostenlos=on: the café (0–3, free) and the lantern walk (all ages,
    free — events for everyone count for every age band, as in the offer search). Not
    selected: the toddler course (0–3, paid), the parents' evening (6–10, paid), the
    pregnancy course (free, pregnancy only), the draft and the other alliance's event.
    """
    today = timezone.localdate()
    tuesday = next_weekday(1, after=today)
    zentrum = directory_factories.DistrictFactory(alliance=alliance, name="Zentrum", slug="zentrum")
    dorf = directory_factories.DistrictFactory(alliance=alliance, name="Gersdorf", slug="gersdorf")
    familienzentrum = directory_factories.LocationFactory(
        alliance=alliance,
        name="Familienzentrum Regenbogen",
        slug="fz",
        district=zentrum,
        is_wheelchair_accessible=True,
    )
    dorfhaus = directory_factories.LocationFactory(
        alliance=alliance, name="Dorfgemeinschaftshaus", slug="dgh", district=dorf
    )
    kita = directory_factories.OrganisationFactory(
        alliance=alliance, name="Kita Sonnenschein", slug="kita-sonnenschein"
    )
    zentrum_org = directory_factories.OrganisationFactory(
        alliance=alliance, name="Familienzentrum", slug="familienzentrum"
    )
    begegnung = directory_factories.CategoryFactory(
        alliance=alliance, slug="begegnung", name="Begegnung"
    )
    bildung = directory_factories.CategoryFactory(
        alliance=alliance, slug="elternbildung", name="Elternbildung"
    )
    from familiennetz.directory.models import Language

    arabic = Language.objects.get(code="ar")

    cafe = EventFactory(
        alliance=alliance,
        organisation=zentrum_org,
        title="Elterncafé",
        slug="elterncafe",
        summary="Kaffee, Kuchen und andere Eltern.",
        location=familienzentrum,
        starts_at=at(tuesday, 15),
        ends_at=at(tuesday, 17),
        rrule="FREQ=WEEKLY;BYDAY=TU;COUNT=8",
        is_free=True,
        age_min_months=0,
        age_max_months=35,
    )
    cafe.categories.set([begegnung])
    cafe.languages.set([arabic])
    toddler = EventFactory(
        alliance=alliance,
        organisation=kita,
        title="Krabbelkurs",
        slug="krabbelkurs",
        location=dorfhaus,
        starts_at=at(tuesday + dt.timedelta(days=1), 9),
        ends_at=at(tuesday + dt.timedelta(days=1), 10),
        rrule="FREQ=WEEKLY;COUNT=4",
        is_free=False,
        fee_description="30 € für 4 Termine",
        age_min_months=6,
        age_max_months=24,
    )
    evening = EventFactory(
        alliance=alliance,
        organisation=zentrum_org,
        title="Elternabend Trennung und Trauer",
        slug="elternabend",
        location=familienzentrum,
        starts_at=at(tuesday + dt.timedelta(days=2), 19),
        ends_at=at(tuesday + dt.timedelta(days=2), 21),
        fee_description="5 €",
        age_min_months=72,
        age_max_months=119,
        requires_registration=True,
        capacity=40,
    )
    evening.categories.set([bildung])
    lantern = EventFactory(
        alliance=alliance,
        organisation=kita,
        title="Laternenumzug St. Martin",
        slug="laternenumzug",
        location=dorfhaus,
        starts_at=at(tuesday + dt.timedelta(days=3), 17),
        ends_at=at(tuesday + dt.timedelta(days=3), 18, 30),
        is_free=True,
    )
    pregnancy = EventFactory(
        alliance=alliance,
        organisation=zentrum_org,
        title="Geburtsvorbereitung",
        slug="geburtsvorbereitung",
        location=familienzentrum,
        starts_at=at(tuesday + dt.timedelta(days=4), 10),
        ends_at=at(tuesday + dt.timedelta(days=4), 12),
        is_free=True,
        for_pregnancy=True,
    )
    draft = EventFactory(
        alliance=alliance,
        organisation=kita,
        title="Entwurf Spielenachmittag",
        slug="entwurf",
        starts_at=at(tuesday, 16),
        ends_at=at(tuesday, 17),
        is_free=True,
        age_min_months=0,
        age_max_months=35,
        status="draft",
    )
    events = {
        "cafe": cafe,
        "toddler": toddler,
        "evening": evening,
        "lantern": lantern,
        "pregnancy": pregnancy,
        "draft": draft,
    }
    if other_alliance is not None:
        events["foreign"] = EventFactory(
            alliance=other_alliance,
            title="Fremdes Familienfest",
            slug="familienfest",
            starts_at=at(tuesday, 11),
            ends_at=at(tuesday, 12),
            is_free=True,
        )
    for event in events.values():
        event_sync_occurrences(event=event)
    return {
        **events,
        "tuesday": tuesday,
        "kita": kita,
        "zentrum": zentrum,
        "begegnung": begegnung,
        "familienzentrum": familienzentrum,
    }


@pytest.fixture
def cal(alliance, other_alliance):
    return build_calendar(alliance, other_alliance)


def titles(entries) -> set[str]:
    return {entry.event.title for entry in entries}


def feed(alliance, filters, days=120):
    now = timezone.now()
    return selectors.occurrence_list_for_feed(
        alliance=alliance,
        filters=filters,
        start=now - dt.timedelta(days=1),
        end=now + dt.timedelta(days=days),
    )


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, {"cafe", "toddler", "evening", "lantern", "pregnancy"}),
        ({"alter": "0-3", "kostenlos": True}, {"cafe", "lantern"}),
        ({"alter": "0-3"}, {"cafe", "toddler", "lantern"}),
        ({"alter": "schwangerschaft"}, {"pregnancy"}),
        ({"kostenlos": True}, {"cafe", "lantern", "pregnancy"}),
        ({"kategorie": "begegnung"}, {"cafe"}),
        ({"ortsteil": "gersdorf"}, {"toddler", "lantern"}),
        ({"sprache": "ar"}, {"cafe"}),
        ({"organisation": "kita-sonnenschein"}, {"toddler", "lantern"}),
        ({"barrierefrei": ["rollstuhl"]}, {"cafe", "evening", "pregnancy"}),
        ({"barrierefrei": ["rollstuhl", "kinderwagen"]}, set()),
        ({"wochentag": "di"}, {"cafe"}),
        ({"wochentag": "mi", "alter": "0-3"}, {"toddler"}),
        ({"wochentag": "so"}, set()),
        ({selectors.SELECT_NOTHING: True}, set()),
    ],
)
def test_filters_select_exactly_the_matching_events(cal, alliance, filters, expected):
    assert titles(feed(alliance, filters)) == {cal[key].title for key in expected}


def test_weekday_filter_uses_the_local_day(alliance):
    """00:30 on a Wednesday in Berlin is still Tuesday in UTC: the filter goes by local time,
    in the list, the month grid and the feeds alike."""
    wednesday = next_weekday(2, after=timezone.localdate())
    late = EventFactory(
        alliance=alliance,
        title="Mitternachtslesung",
        starts_at=at(wednesday, 0, 30),
        ends_at=at(wednesday, 1, 30),
    )
    event_sync_occurrences(event=late)
    assert titles(feed(alliance, {"wochentag": "mi"})) == {"Mitternachtslesung"}
    assert titles(feed(alliance, {"wochentag": "di"})) == set()
    month = selectors.calendar_month(
        alliance=alliance, filters={"wochentag": "mi"}, month=wednesday
    )
    assert month.total == 1
    assert [d.date for d in month.days if d.entries] == [wednesday]


def test_drafts_and_other_alliances_are_never_listed(cal, alliance, other_alliance):
    listed = titles(feed(alliance, {}))
    assert "Entwurf Spielenachmittag" not in listed
    assert "Fremdes Familienfest" not in listed
    assert titles(feed(other_alliance, {})) == {"Fremdes Familienfest"}


def test_parent_category_selects_events_of_its_children(cal, alliance):
    parent = directory_factories.CategoryFactory(alliance=alliance, slug="familie")
    cal["begegnung"].parent = parent
    cal["begegnung"].save()
    assert titles(feed(alliance, {"kategorie": "familie"})) == {"Elterncafé"}


def test_effective_status_cancelled_event_wins_then_the_date(cal):
    cafe = cal["cafe"]
    first, second = cafe.occurrences.order_by("starts_at")[:2]
    occurrence_cancel(occurrence=first)
    entries = {e.pk: e for e in feed(cafe.alliance, {"kategorie": "begegnung"})}
    assert entries[first.pk].status == EventStatus.CANCELLED
    assert entries[second.pk].status == EventStatus.SCHEDULED
    event_set_status(event=cafe, event_status=EventStatus.MOVED_ONLINE, note="Per Video")
    entries = {e.pk: e for e in feed(cafe.alliance, {"kategorie": "begegnung"})}
    assert entries[first.pk].status == EventStatus.CANCELLED
    assert entries[second.pk].status == EventStatus.MOVED_ONLINE
    assert entries[second.pk].note == "Per Video"
    event_set_status(event=cafe, event_status=EventStatus.CANCELLED)
    entries = feed(cafe.alliance, {"kategorie": "begegnung"})
    assert {e.status for e in entries} == {EventStatus.CANCELLED}


def test_month_grid_limits_dates_per_day_and_counts_the_rest(cal, alliance):
    day = cal["tuesday"]
    for n in range(6):
        event = EventFactory(
            alliance=alliance,
            title=f"Spielkreis {n}",
            starts_at=at(day, 8 + n),
            ends_at=at(day, 9 + n),
        )
        event_sync_occurrences(event=event)
    grid = selectors.calendar_month(alliance=alliance, filters={}, month=day, per_day=4)
    cell = next(d for d in grid.days if d.date == day)
    assert len(cell.entries) == 4
    assert cell.total == 7  # the café and six play groups; the draft is not public
    assert cell.more == cell.total - 4
    assert [e.starts_at for e in cell.entries] == sorted(e.starts_at for e in cell.entries)
    assert all(len(week) == 7 for week in grid.weeks)
    assert grid.weeks[0][0].date.weekday() == 0


def test_month_grid_is_two_queries(cal, alliance):
    with CaptureQueriesContext(connection) as queries:
        selectors.calendar_month(
            alliance=alliance, filters={"kostenlos": True}, month=cal["tuesday"]
        )
    assert len(queries) == 2  # rank dates per day (narrow), then load the ones shown


def test_week_days_include_empty_days(cal, alliance):
    monday = cal["tuesday"] - dt.timedelta(days=1)
    days = selectors.calendar_days(
        alliance=alliance, filters={}, first=monday, last=monday + dt.timedelta(days=6)
    )
    assert [d.date for d in days] == [monday + dt.timedelta(days=n) for n in range(7)]
    assert titles(days[1].entries) == {"Elterncafé"}
    assert days[0].entries == []


def test_list_is_paginated_and_grouped_by_day(cal, alliance):
    outcome = selectors.calendar_list(
        alliance=alliance, filters={}, start=timezone.localdate(), page_size=5
    )
    assert outcome.total == 8 + 4 + 1 + 1 + 1
    assert sum(len(day.entries) for day in outcome.days) == 5
    assert outcome.days[0].date <= outcome.days[-1].date


def test_multi_day_event_shows_in_a_range_it_reaches_into(alliance):
    today = timezone.localdate()
    start = today + dt.timedelta(days=20)
    camp = EventFactory(
        alliance=alliance,
        title="Ferienlager",
        is_all_day=True,
        starts_at=at(start, 0),
        ends_at=at(start + dt.timedelta(days=3), 0),
    )
    event_sync_occurrences(event=camp)
    second_day = start + dt.timedelta(days=1)
    days = selectors.calendar_days(alliance=alliance, filters={}, first=second_day, last=second_day)
    assert titles(days[0].entries) == {"Ferienlager"}
    entry = days[0].entries[0]
    assert entry.is_multi_day and entry.last_day == start + dt.timedelta(days=2)


def test_home_teaser_lists_the_next_date_of_each_event(cal, alliance):
    cafe_first = cal["cafe"].occurrences.order_by("starts_at").first()
    occurrence_cancel(occurrence=cafe_first)
    entries = selectors.occurrence_list_next(alliance=alliance, limit=5)
    assert len(entries) == 5
    assert len({e.event.pk for e in entries}) == 5
    cafe_entry = next(e for e in entries if e.event.slug == "elterncafe")
    assert cafe_entry.pk != cafe_first.pk  # cancelled dates are skipped here
    assert [e.starts_at for e in entries] == sorted(e.starts_at for e in entries)
    assert "Entwurf Spielenachmittag" not in titles(entries)


def test_event_page_dates(cal):
    cafe = cal["cafe"]
    upcoming = selectors.event_dates_upcoming(event=cafe, limit=3)
    assert len(upcoming) == 3
    assert selectors.event_date_get(event=cafe, pk=upcoming[1].pk).pk == upcoming[1].pk
    assert selectors.event_date_get(event=cafe, pk="abc") is None
    other = cal["toddler"].occurrences.first()
    assert selectors.event_date_get(event=cafe, pk=other.pk) is None
    assert selectors.event_date_count_upcoming(event=cafe) == 8


def test_feed_loads_each_event_once_and_links_each_date(cal, alliance, django_assert_num_queries):
    now = timezone.now()
    with django_assert_num_queries(3):  # dates, their events (organiser, place), categories
        entries = selectors.occurrence_list_for_feed(
            alliance=alliance, filters={}, start=now, end=now + dt.timedelta(days=120)
        )
        labels = [c.label for e in entries for c in e.event.categories.all()]
        urls = [e.url for e in entries]
        places = [e.event.location.name for e in entries if e.event.location]
    assert labels and places
    cafe_dates = [e for e in entries if e.event.title == "Elterncafé"]
    assert len(cafe_dates) == 8 and len({id(e.event) for e in cafe_dates}) == 1
    assert urls == [e.occurrence.get_absolute_url() for e in entries]
    assert urls[0] == f"/hainichen/termine/{entries[0].event.slug}/?termin={entries[0].pk}"


@pytest.mark.parametrize(
    ("first", "last"),
    [
        (dt.date(2027, 3, 1), dt.date(2027, 3, 31)),  # spring change on 28 March
        (dt.date(2027, 10, 1), dt.date(2027, 10, 31)),  # autumn change on 31 October
        (dt.date(2027, 3, 22), dt.date(2027, 3, 28)),  # a week ending on the change day
        (dt.date(2027, 3, 29), dt.date(2027, 4, 4)),  # the week after it
        (dt.date(2027, 12, 1), dt.date(2027, 12, 31)),  # no change
        (dt.date(2027, 6, 9), dt.date(2027, 6, 9)),  # one day
    ],
)
def test_dates_land_on_their_local_day_across_daylight_saving_changes(alliance, first, last):
    """The month and week views bucket dates by their Berlin day in the database; a date at
    00:00, 00:30, 01:59, 02:30 (the hour that does not exist or happens twice), 03:00 or
    23:59 local time belongs to that day on both sides of a change."""
    from familiennetz.events.models import Occurrence

    starts = []
    day = first - dt.timedelta(days=2)
    while day <= last + dt.timedelta(days=1):
        for hour, minute in [(0, 0), (0, 30), (1, 59), (2, 30), (3, 0), (23, 59)]:
            starts.append(at(day, hour, minute))
        day += dt.timedelta(days=1)
    event = EventFactory(alliance=alliance, starts_at=starts[0], ends_at=None)
    Occurrence.objects.bulk_create(
        Occurrence(alliance=alliance, event=event, original_start=s, starts_at=s) for s in starts
    )
    days = selectors.calendar_days(
        alliance=alliance, filters={}, first=first, last=last, per_day=50
    )
    got = {day.date: sorted(e.starts_at for e in day.entries) for day in days if day.entries}
    expected: dict = {}
    for s in starts:
        local_day = s.astimezone(BERLIN).date()
        if first <= local_day <= last:
            expected.setdefault(local_day, []).append(s.astimezone(dt.UTC))  # compare instants
    assert got == {d: sorted(v) for d, v in expected.items()}
    assert all(day.total == len(expected.get(day.date, [])) for day in days)
