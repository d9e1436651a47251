"""The demo calendar (familiennetz/demo/content/events.py), built by seed_demo once per module."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from familiennetz.alliances.models import Alliance
from familiennetz.demo.content.reports import remove_generated
from familiennetz.directory.models import Status
from familiennetz.events.models import Event, EventStatus, HolidayPeriod

BERLIN = ZoneInfo("Europe/Berlin")
SLUGS = ["hainichen", "prohlis"]
# Offers' regular sessions are calendar events too (events/sessions.py, issue 16); these tests
# are about the demo calendar's own events: ``schedule=None``.


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("seed_demo", "--quiet")
        yield
        with transaction.atomic():
            Alliance.objects.filter(slug__in=SLUGS).delete()
            remove_generated()  # the state office's generated demo networks


pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("seeded")]


def local(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(BERLIN)


def holidays(alliance_slug: str) -> list[tuple[dt.date, dt.date]]:
    return list(
        HolidayPeriod.objects.filter(alliance__slug=alliance_slug).values_list(
            "starts_on", "ends_on"
        )
    )


@pytest.mark.parametrize("slug", SLUGS)
def test_demo_alliance_has_a_calendar(db, slug):
    events = Event.objects.filter(schedule=None, alliance__slug=slug)
    assert events.count() == 7
    assert set(events.values_list("status", flat=True)) == {Status.PUBLISHED}
    for event in events:
        assert event.occurrences.exists(), event.title
        assert event.starts_at >= timezone.now() - dt.timedelta(days=1)
    assert HolidayPeriod.objects.filter(alliance__slug=slug).count() == 7


@pytest.mark.parametrize("slug", SLUGS)
def test_weekly_cafe_is_on_tuesday_afternoons_outside_the_holidays(db, slug):
    cafe = Event.objects.get(schedule=None, alliance__slug=slug, title="Elterncafé am Nachmittag")
    assert cafe.skips_school_holidays
    dates = list(cafe.occurrences.order_by("original_start"))
    assert len(dates) >= 10
    for occurrence in dates:
        original = local(occurrence.original_start)
        assert (original.weekday(), original.hour) == (1, 15)
        assert not any(lo <= original.date() <= hi for lo, hi in holidays(slug))
    cancelled = [o for o in dates if o.event_status == EventStatus.CANCELLED]
    assert len(cancelled) == 1 and cancelled[0].status_note.startswith("Fällt heute aus")
    moved = [o for o in dates if o.starts_at != o.original_start]
    assert len(moved) == 1 and moved[0].is_modified
    assert local(moved[0].starts_at).hour == 16 and local(moved[0].ends_at).hour == 18


@pytest.mark.parametrize("slug", SLUGS)
def test_counselling_hour_is_on_every_second_tuesday(db, slug):
    event = Event.objects.get(
        schedule=None, alliance__slug=slug, rrule__startswith="FREQ=MONTHLY;BYDAY=2TU"
    )
    for occurrence in event.occurrences.all():
        start = local(occurrence.starts_at)
        assert start.weekday() == 1 and 8 <= start.day <= 14


@pytest.mark.parametrize("slug", SLUGS)
def test_parents_evening_needs_registration_for_40_places(db, slug):
    evening = Event.objects.get(
        alliance__slug=slug,
        title="Elternabend: Kinder in Trennung, Trauer und Verlust begleiten",
    )
    assert (
        evening.requires_registration,
        evening.capacity,
        evening.has_waiting_list,
        evening.registration_closes_hours,
    ) == (True, 40, True, 24)
    assert evening.occurrences.count() == 1


@pytest.mark.parametrize("slug", SLUGS)
def test_lantern_walk_is_on_the_next_11_november(db, slug):
    event = Event.objects.get(schedule=None, alliance__slug=slug, title__contains="Martin")
    start = local(event.starts_at)
    assert (start.month, start.day, start.hour) == (11, 11, 17)
    assert start.date() >= timezone.localdate()
    assert start.year <= timezone.localdate().year + 1


@pytest.mark.parametrize("slug", SLUGS)
def test_swimming_course_has_eight_dates_and_eight_places(db, slug):
    course = Event.objects.get(
        schedule=None, alliance__slug=slug, title="Wassergewöhnung für Kleinkinder"
    )
    assert course.requires_registration and course.capacity == 8 and not course.is_free
    assert course.occurrences.count() == 8


def test_school_starter_meeting_and_summer_festival_exist(db):
    for slug in SLUGS:
        assert Event.objects.filter(
            schedule=None, alliance__slug=slug, title__startswith="Schulanfänger"
        ).exists()
        assert Event.objects.filter(
            schedule=None, alliance__slug=slug, title__startswith="Sommerfest"
        ).exists()


@pytest.mark.parametrize("slug", SLUGS)
def test_demo_sign_ups_fill_the_evening_half_and_the_swimming_course_completely(db, slug):
    from familiennetz.events.models import Registration
    from familiennetz.events.registration import registration_availability

    evening = Event.objects.get(schedule=None, alliance__slug=slug, title__startswith="Elternabend")
    availability = registration_availability(occurrence=evening.occurrences.get())
    assert availability.is_open and 0 < availability.free < 40
    course = Event.objects.get(
        schedule=None, alliance__slug=slug, title="Wassergewöhnung für Kleinkinder"
    )
    first = course.occurrences.order_by("starts_at").first()
    availability = registration_availability(occurrence=first)
    assert availability.is_waiting_list and (availability.taken, availability.waiting) == (8, 2)
    people = Registration.objects.filter(alliance__slug=slug)
    assert all(r.email.endswith("@demo.invalid") for r in people)


def test_krabbelkaefer_wednesdays_are_in_the_calendar_outside_the_school_holidays(db):
    """Issue 16: the offer's regular session is a calendar date; holidays are its rule."""
    event = Event.objects.get(alliance__slug="hainichen", title__contains="Krabbelkäfer")
    assert event.schedule is not None and event.skips_school_holidays
    holidays = list(
        HolidayPeriod.objects.filter(alliance__slug="hainichen").values_list("starts_on", "ends_on")
    )
    days = [o.starts_at.astimezone(BERLIN).date() for o in event.occurrences.all()]
    assert len(days) >= 10
    assert {day.weekday() for day in days} == {2}  # Wednesdays
    for day in days:
        assert not any(start <= day <= end for start, end in holidays), day
