"""The schedule of a service without a place is kept as the offer's own schedule (ADR 1540):
shown on the offer page, in the calendar's regular sessions, in API v1, and written back on
the service by the export."""

import datetime as dt
import json

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from familiennetz.directory.models import Location, Offer, Schedule
from familiennetz.events.models import Event
from familiennetz.events.sessions import offer_sessions_sync
from familiennetz.interop.hsds.export import export_tables, json_documents
from familiennetz.interop.hsds.importer import hsds_import
from familiennetz.interop.hsds.sources import read_files
from familiennetz.interop.models import ExternalId
from familiennetz.interop.report import Level

ORG_ID = "0b0ba9c8-6bb5-4b0b-9b5f-a3e7b3b2a0a1"
SERVICE_ID = "1c1cb0d9-7cc6-4c1c-8c60-b4f8c4c3b1b2"
SCHEDULE_ID = "2d2dc1ea-8dd7-4d2d-9d71-c509d5d4c2c3"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def service(**extra) -> dict:
    return {
        "id": SERVICE_ID,
        "name": "Krabbelgruppe am Markt",
        "description": "Für Eltern mit Babys.",
        "status": "active",
        "organization": {"id": ORG_ID, "name": "Familienzentrum", "description": "Träger"},
        "schedules": [
            {
                "id": SCHEDULE_ID,
                "freq": "WEEKLY",
                "byday": "TU",
                "opens_at": "09:30",
                "closes_at": "11:00",
                "description": "Hausschuhe mitbringen",
            }
        ],
        **extra,
    }


def run(alliance, document):
    files = {"service.json": json.dumps(document).encode()}
    return hsds_import(alliance=alliance, tables=read_files(files))


def stored_schedule(alliance) -> Schedule:
    mapped = ExternalId.objects.get(alliance=alliance, kind="schedule", value=SCHEDULE_ID)
    return Schedule.objects.get(pk=mapped.object_id)


def test_a_service_with_schedules_but_no_place_keeps_them_as_the_offers(empty_alliance):
    report = run(empty_alliance, service())
    assert report.committed, report.errors
    schedule = stored_schedule(empty_alliance)
    offer = Offer.objects.get(alliance=empty_alliance)
    assert schedule.offer == offer
    assert schedule.offer_location is None and schedule.location is None
    assert (schedule.rrule, schedule.opens_at, schedule.closes_at) == (
        "FREQ=WEEKLY;BYDAY=TU",
        dt.time(9, 30),
        dt.time(11, 0),
    )
    assert schedule.kind == Schedule.Kind.SESSION
    assert not [i for i in report.issues if i.level == Level.WARNING and i.record == SCHEDULE_ID]


def test_a_schedule_on_a_service_at_location_without_location_is_the_offers(empty_alliance):
    document = service()
    schedules = document.pop("schedules")
    document["service_at_locations"] = [
        {"id": "3e3ed2fb-9ee8-4e3e-8e82-d61ae6e5d3d4", "schedules": schedules}
    ]
    report = run(empty_alliance, document)
    assert report.committed, report.errors
    assert stored_schedule(empty_alliance).offer.name == "Krabbelgruppe am Markt"


def test_the_export_writes_the_offers_schedule_back_on_the_service(empty_alliance):
    source = service()
    run(empty_alliance, source)
    documents = json_documents(export_tables(alliance=empty_alliance))
    [exported] = documents["services"]
    [schedule] = exported["schedules"]
    assert schedule["id"] == SCHEDULE_ID
    assert schedule["service_id"] == SERVICE_ID
    assert {k: schedule[k] for k in ("freq", "byday", "opens_at", "closes_at", "description")} == {
        k: source["schedules"][0][k]
        for k in ("freq", "byday", "opens_at", "closes_at", "description")
    }
    assert not exported.get("service_at_locations")
    # … and importing that export again changes nothing.
    again = hsds_import(
        alliance=empty_alliance,
        tables=read_files({"service.json": json.dumps(exported).encode()}),
    )
    assert again.committed, again.errors
    assert "updated" not in again.counts.get("schedule", {}), again.counts
    assert Schedule.objects.filter(alliance=empty_alliance).count() == 1


def test_the_offer_page_shows_the_offers_own_times(client, empty_alliance):
    run(empty_alliance, service())
    offer = Offer.objects.get(alliance=empty_alliance)
    page = client.get(offer.get_absolute_url())
    html = page.content.decode()
    assert page.status_code == 200
    assert "Regular times" in html
    assert "Hausschuhe mitbringen" in html
    assert "9:30" in html or "09:30" in html
    assert "No fixed place" not in html


def test_the_calendar_takes_the_offers_own_sessions(empty_alliance):
    run(empty_alliance, service())
    offer = Offer.objects.get(alliance=empty_alliance)
    assert offer_sessions_sync(offer=offer, today=dt.date(2026, 3, 2)) == 1
    event = Event.objects.get(schedule=stored_schedule(empty_alliance))
    assert event.offer == offer
    assert event.location is None
    assert event.starts_at.astimezone(dt.timezone(dt.timedelta(hours=1))).time() == dt.time(9, 30)
    assert event.starts_at.weekday() == 1  # a Tuesday
    assert event.occurrences.exists()
    # Archiving the offer takes its sessions out of the calendar.
    Offer.objects.filter(pk=offer.pk).update(status="archived")
    assert offer_sessions_sync(offer=offer) == 0
    assert not Event.objects.filter(offer=offer).exists()


def test_api_v1_shows_the_offers_own_sessions(client, empty_alliance):
    run(empty_alliance, service())
    offer = Offer.objects.get(alliance=empty_alliance)
    answer = client.get(f"/api/v1/{empty_alliance.slug}/offers/{offer.slug}")
    assert answer.status_code == 200, answer.content
    [session] = answer.json()["sessions"]
    assert (session["rrule"], session["opens_at"], session["closes_at"]) == (
        "FREQ=WEEKLY;BYDAY=TU",
        "09:30",
        "11:00",
    )


def test_a_schedule_needs_exactly_one_parent(empty_alliance):
    run(empty_alliance, service())
    offer = Offer.objects.get(alliance=empty_alliance)
    with pytest.raises(IntegrityError), transaction.atomic():
        Schedule.objects.create(
            alliance=empty_alliance,
            offer=offer,
            offer_location=None,
            location=_a_place(empty_alliance),
        )


def _a_place(alliance):
    return Location.objects.create(alliance=alliance, name="Ort", slug="ort")
