"""The .ics import, round 2: angle-bracketed URLs in DESCRIPTION are text, GEO becomes the
place's coordinates, ORGANIZER the organiser where it matches, what is dropped is reported;
the .ics of a past event contains the event."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from familiennetz.directory.models import Location
from familiennetz.directory.tests.factories import LocationFactory, OrganisationFactory
from familiennetz.events.ical_import import calendar_import, parse_ics
from familiennetz.events.models import CalendarSource, Event
from familiennetz.events.services import event_sync_occurrences
from familiennetz.events.tests.factories import EventFactory

BERLIN = ZoneInfo("Europe/Berlin")
NOW = dt.datetime(2026, 10, 15, 10, 0, tzinfo=BERLIN)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def frozen_now(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NOW.astimezone(dt.UTC))
    return NOW


@pytest.fixture
def source(alliance):
    organisation = OrganisationFactory(alliance=alliance, name="Familienzentrum Regenbogen e. V.")
    return CalendarSource.objects.create(
        alliance=alliance, organisation=organisation, name="Kalender", url=""
    )


def calendar(*lines: str) -> bytes:
    body = "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Test//DE",
            "BEGIN:VEVENT",
            "UID:round2-1@example.org",
            "DTSTAMP:20261001T080000Z",
            "DTSTART;TZID=Europe/Berlin:20261020T150000",
            "DTEND;TZID=Europe/Berlin:20261020T170000",
            "SUMMARY:Elterncafé",
            *lines,
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    )
    return body.encode()


def test_angle_bracketed_url_in_description_is_kept():
    parsed = parse_ics(calendar("DESCRIPTION:Anmeldung: <https://example.org/anmeldung?x=1>"))
    assert parsed.events[0].description == "Anmeldung: <https://example.org/anmeldung?x=1>"


def test_real_html_is_still_reduced_to_text():
    parsed = parse_ics(
        calendar('DESCRIPTION:<p>Hallo <a href="https://example.org">hier</a><br>Zeile 2</p>')
    )
    assert parsed.events[0].description == "Hallo hier (https://example.org)\nZeile 2"


def test_geo_and_organizer_are_read():
    parsed = parse_ics(
        calendar(
            "GEO:51.0123;13.0456",
            "ORGANIZER;CN=Kita Sonnenschein:mailto:Kita@Sonnenschein.example",
        )
    )
    event = parsed.events[0]
    assert event.geo == (51.0123, 13.0456)
    assert (event.organizer_email, event.organizer_name) == (
        "kita@sonnenschein.example",
        "Kita Sonnenschein",
    )


def test_geo_gives_a_matched_place_its_coordinates(frozen_now, source):
    place = LocationFactory(
        alliance=source.alliance, name="Turnhalle am Markt", latitude=None, longitude=None
    )
    calendar_import(
        source=source,
        data=calendar("LOCATION:Turnhalle am Markt", "GEO:51.0123;13.0456"),
        now=NOW,
    )
    place.refresh_from_db()
    assert (place.latitude, place.longitude) == (51.0123, 13.0456)
    assert Event.objects.get(title="Elterncafé").location == place


def test_geo_finds_the_place_nearby_or_is_reported(frozen_now, source):
    place = LocationFactory(
        alliance=source.alliance, name="Spielplatz", latitude=51.0, longitude=13.0
    )
    calendar_import(source=source, data=calendar("GEO:51.0003;13.0002"), now=NOW)
    assert Event.objects.get(title="Elterncafé").location == place

    report = calendar_import(source=source, data=calendar("GEO:52.5;13.4"), now=NOW)
    assert Event.objects.get(title="Elterncafé").location is None
    assert any("GEO 52.5, 13.4 matches no place" in w for w in report.warnings)
    assert Location.objects.get(pk=place.pk).latitude == 51.0  # unchanged


def test_organizer_becomes_the_organiser_where_it_matches(frozen_now, source):
    kita = OrganisationFactory(
        alliance=source.alliance, name="Kita Sonnenschein", email="info@kita.example"
    )
    calendar_import(
        source=source, data=calendar("ORGANIZER;CN=Jemand:mailto:INFO@kita.example"), now=NOW
    )
    assert Event.objects.get(title="Elterncafé").organisation == kita

    report = calendar_import(
        source=source, data=calendar("ORGANIZER;CN=Unbekannt:mailto:x@y.example"), now=NOW
    )
    assert Event.objects.get(title="Elterncafé").organisation == source.organisation
    assert any("ORGANIZER without a match" in w and "Unbekannt" in w for w in report.warnings)


@pytest.mark.parametrize("days_ago", [30, 400])  # 400: older than the stored dates
def test_the_ics_of_a_past_event_contains_the_event(client, alliance, days_ago):
    start = (
        (timezone.now() - dt.timedelta(days=days_ago))
        .astimezone(BERLIN)
        .replace(hour=15, minute=0, second=0, microsecond=0)
    )
    event = EventFactory(alliance=alliance, title="Herbstfest", starts_at=start)
    event_sync_occurrences(event=event)
    url = reverse("events:event-ical", kwargs={"alliance_slug": alliance.slug, "slug": event.slug})
    response = client.get(url)
    assert response.status_code == 200
    parsed = icalendar.Calendar.from_ical(response.content)
    [vevent] = parsed.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Herbstfest"
    assert vevent.decoded("DTSTART") == start


def test_the_page_of_an_event_older_than_the_stored_dates_links_no_missing_date(client, alliance):
    """Its only date is not stored (they reach 60 days back): the page, its JSON-LD and its
    'Add to my calendar' link name the event, not a date "None"."""
    start = (timezone.now() - dt.timedelta(days=400)).replace(microsecond=0)
    event = EventFactory(alliance=alliance, title="Herbstfest", starts_at=start)
    event_sync_occurrences(event=event)
    response = client.get(event.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert "Herbstfest" in page
    assert "termin=None" not in page
    ical = reverse("events:event-ical", kwargs={"alliance_slug": alliance.slug, "slug": event.slug})
    assert f'href="{ical}"' in page
