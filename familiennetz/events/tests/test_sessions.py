"""Issue 16: an offer's regular sessions are dates in the calendar, school holidays left out
by the schedule's rule (not by a note)."""

import datetime as dt

import pytest
from django.utils import timezone

from familiennetz.directory.tests.factories import OfferLocationFactory, ScheduleFactory
from familiennetz.events.models import Event, HolidayPeriod, Occurrence
from familiennetz.events.occurrences import BERLIN
from familiennetz.events.selectors import calendar_days
from familiennetz.events.sessions import offer_sessions_sync


def _next_wednesday(today: dt.date) -> dt.date:
    return today + dt.timedelta(days=(2 - today.weekday()) % 7 or 7)


@pytest.fixture
def krabbelkaefer(alliance):
    today = timezone.localdate()
    wednesday = _next_wednesday(today)
    holiday = wednesday + dt.timedelta(days=7)
    HolidayPeriod.objects.create(
        alliance=alliance,
        name="Winterferien",
        starts_on=holiday - dt.timedelta(days=2),
        ends_on=holiday + dt.timedelta(days=4),
    )
    link = OfferLocationFactory(
        alliance=alliance, offer__name="Eltern-Kind-Gruppe „Krabbelkäfer“", offer__is_free=True
    )
    schedule = ScheduleFactory(
        alliance=alliance,
        offer_location=link,
        rrule="FREQ=WEEKLY;BYDAY=WE",
        opens_at=dt.time(9, 30),
        closes_at=dt.time(11),
        skips_school_holidays=True,
    )
    offer_sessions_sync(offer=link.offer)
    return link.offer, schedule, wednesday, holiday


def _local_days(offer) -> set[dt.date]:
    return {
        o.starts_at.astimezone(BERLIN).date() for o in Occurrence.objects.filter(event__offer=offer)
    }


def test_sessions_are_dates_without_the_school_holidays(krabbelkaefer):
    offer, schedule, wednesday, holiday = krabbelkaefer
    event = Event.objects.get(schedule=schedule)
    assert event.title == offer.name and event.status == "published"
    days = _local_days(offer)
    assert {day.weekday() for day in days} == {2}  # only Wednesdays (not the series' anchor)
    assert wednesday in days
    assert holiday not in days
    assert wednesday + dt.timedelta(days=14) in days
    first = Occurrence.objects.filter(event=event).order_by("starts_at").first()
    assert first.starts_at.astimezone(BERLIN).time() == dt.time(9, 30)


def test_without_the_rule_holidays_are_included(krabbelkaefer):
    offer, schedule, _wednesday, holiday = krabbelkaefer
    schedule.skips_school_holidays = False
    schedule.save()
    offer_sessions_sync(offer=offer)
    assert holiday in _local_days(offer)


def test_week_view_shows_the_session(alliance, krabbelkaefer):
    offer, _schedule, wednesday, holiday = krabbelkaefer
    monday = wednesday - dt.timedelta(days=2)
    days = calendar_days(
        alliance=alliance, filters={}, first=monday, last=monday + dt.timedelta(days=13)
    )
    titles = {day.date: [e.event.title for e in day.entries] for day in days}
    assert offer.name in titles[wednesday]
    assert offer.name not in titles[holiday]


def test_unpublished_offer_or_deleted_schedule_leaves_the_calendar(krabbelkaefer):
    offer, schedule, _wednesday, _holiday = krabbelkaefer
    offer.status = "draft"
    offer.save()
    offer_sessions_sync(offer=offer)
    assert not Event.objects.filter(schedule=schedule).exists()
    offer.status = "published"
    offer.save()
    offer_sessions_sync(offer=offer)
    assert Event.objects.filter(schedule=schedule).exists()
    schedule.delete()
    assert not Event.objects.filter(offer=offer).exists()
