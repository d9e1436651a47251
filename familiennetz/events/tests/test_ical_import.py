"""Import of external .ics calendars (familiennetz/events/ical_import.py).

The fixtures in ``tests/ics/`` are hand-made imitations of real exports (Outlook, Google, a
Kita CMS, a home-made PHP export). "Now" is frozen at 15 October 2026, 10:00 in Berlin, so
the Outlook café series (weekly from 20 October) crosses the end of summer time on 25 October.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import http.server
import threading
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone, translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from familiennetz.core.tests.examples import examples
from familiennetz.directory.models import Status
from familiennetz.directory.tests.factories import (
    CategoryFactory,
    LocationFactory,
    OrganisationFactory,
)
from familiennetz.events import ical_import
from familiennetz.events.ical_import import (
    IcalImportError,
    calendar_file_import,
    calendar_import,
    calendar_source_refresh,
    fetch_ics,
    parse_ics,
)
from familiennetz.events.import_tasks import refresh_calendar_sources
from familiennetz.events.models import CalendarSource, Event, EventStatus, Occurrence
from familiennetz.events.tests.factories import RegistrationFactory

BERLIN = ZoneInfo("Europe/Berlin")
ICS = Path(__file__).parent / "ics"
NOW = dt.datetime(2026, 10, 15, 10, 0, tzinfo=BERLIN)


def ics(name: str) -> bytes:
    return (ICS / name).read_bytes()


def berlin(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BERLIN)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def frozen_now(monkeypatch):
    """timezone.now() (and so localdate() and the occurrence window) at NOW."""
    monkeypatch.setattr(timezone, "now", lambda: NOW.astimezone(dt.UTC))
    return NOW


@pytest.fixture
def organisation(alliance):
    return OrganisationFactory(alliance=alliance, name="Familienzentrum Regenbogen e. V.")


@pytest.fixture
def source(organisation):
    return CalendarSource.objects.create(
        alliance=organisation.alliance,
        organisation=organisation,
        name="Kalender Familienzentrum",
        url="https://familienzentrum.example/kalender.ics",
    )


def run(source, name: str | bytes, **kwargs):
    data = ics(name) if isinstance(name, str) else name
    return calendar_import(source=source, data=data, now=NOW, **kwargs)


def counts(report) -> dict:
    return report.as_dict()["counts"]


# --- parsing (no database) -----------------------------------------------------------------


def test_messy_file_skips_are_reported_with_reasons():
    parsed = parse_ics(ics("messy.ics"))
    assert parsed.vevent_count == 9
    assert [event.key for event in parsed.events] == ["messy-1", "messy-6", "messy-7"]
    assert [str(skip) for skip in parsed.skipped] == [
        "VEVENT 2 (SUMMARY 'Ohne Datum'): no DTSTART",
        "VEVENT 3 (SUMMARY none): no SUMMARY (title)",
        "VEVENT 4 (SUMMARY 'Stündlich'): the repeat rule (RRULE) cannot be used: Rules that "
        "repeat more often than daily are not supported.",
        "VEVENT 5 (SUMMARY 'Kaputtes Datum'): DTSTART could not be read (2026-11-03)",
        "VEVENT 8 (SUMMARY 'Doppelt'): same UID as VEVENT 1, which was used instead",
        "VEVENT 9 (SUMMARY 'Regel kaputt'): the repeat rule (RRULE) could not be read",
    ]
    assert [skip.code for skip in parsed.skipped] == [
        "no_dtstart",
        "no_summary",
        "bad_rrule",
        "bad_dtstart",
        "duplicate",
        "bad_rrule",
    ]
    assert parsed.warnings == [
        "4 unreadable line(s) ignored (line 1, 16, 43, 68).",
        "VEVENT 1: the title was shortened to 300 characters.",
        "VEVENT 6: ends before it starts; the end was ignored.",
        "VEVENT 7: Unknown time zone Mitteleuropa: times read as Europe/Berlin.",
    ]


def test_messy_file_values_are_cleaned():
    first, backwards, unknown_zone = parse_ics(ics("messy.ics")).events
    assert len(first.title) == 300 and first.title.endswith("…")
    assert first.description == (
        "Bitte Hausschuhe & Trinkflasche mitbringen.\n\n• Ab 3 Jahren\n• Kostenlos"
    )
    assert first.starts_at == berlin(2026, 11, 5, 16, 0)  # 15:00Z
    assert backwards.ends_at is None
    assert unknown_zone.starts_at == berlin(2026, 11, 8, 10, 0)


def test_outlook_vtimezone_times_and_series():
    parsed = parse_ics(ics("outlook.ics"))
    assert parsed.name == "Kalender Familienzentrum"
    assert parsed.vevent_count == 4 and not parsed.skipped and not parsed.warnings
    evening, cafe = parsed.events
    assert evening.title == "Elternabend: Kinder in Trennung, Trauer und Verlust begleiten"
    assert evening.starts_at == berlin(2026, 11, 12, 19, 0)
    assert evening.key.startswith("040000008200E00074C5B7101A82E008")  # folded UID joined
    assert "Wie sprechen wir mit Kindern" in evening.description
    assert cafe.rrule == "FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;WKST=MO;UNTIL=20261222T150000"
    assert cafe.exdates == ["2026-11-03T15:00:00"]
    moved, cancelled = cafe.changes
    assert (moved.original_start, moved.starts_at) == (
        berlin(2026, 11, 10, 15, 0),
        berlin(2026, 11, 10, 16, 0),
    )
    assert cancelled.is_cancelled and cancelled.note == "Abgesagt: Elterncafé"


def test_google_utc_times_land_on_local_time():
    lantern, counselling, market = parse_ics(ics("google.ics")).events
    assert lantern.starts_at == berlin(2026, 11, 11, 17, 0)  # 16:00Z in winter time
    assert lantern.description == (
        "Treffpunkt am Parkeingang.\nBitte Laternen mitbringen!\n\n"
        "Alle Infos zum Fest (https://example.org/martinsfest)"
    )
    assert counselling.rrule == "FREQ=MONTHLY;BYDAY=2TU"
    assert counselling.exdates == ["2026-12-08T10:00:00"]
    assert market.is_cancelled


def test_floating_all_day_and_missing_uid():
    school, fest, week, reading, closed = parse_ics(ics("floating_allday.ics")).events
    assert school.starts_at == berlin(2026, 11, 19, 18, 0)  # floating = Berlin
    assert school.key.startswith("familiennetz-import-")
    assert (fest.is_all_day, fest.starts_at, fest.ends_at) == (
        True,
        berlin(2026, 10, 17, 0, 0),
        berlin(2026, 10, 18, 0, 0),
    )
    assert week.ends_at == berlin(2026, 10, 24, 0, 0)  # DTEND exclusive, kept exclusive
    assert week.description.endswith("Bitte Hausschuhe mitbringen.")  # folded with a tab
    assert reading.ends_at == berlin(2026, 10, 28, 17, 30)  # DURATION
    assert closed.ends_at == berlin(2026, 11, 3, 0, 0)  # one day without DTEND


def test_missing_uid_gives_a_stable_key():
    first = parse_ics(ics("floating_allday.ics")).events[0].key
    again = parse_ics(ics("floating_allday.ics").replace(b"\n", b"\r\n")).events[0].key
    assert first == again


def test_non_utf8_file_is_read_as_windows_1252():
    parsed = parse_ics(ics("windows1252.ics"))
    assert parsed.events[0].title == "Elterncafé im Gemeindehaus – Kürbisschnitzen"
    assert parsed.warnings == [
        "The file is not UTF-8 encoded; it was read as Windows-1252 (Western Europe)."
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty."),
        (b"<!DOCTYPE html><html><body>Login</body></html>", "This is a web page (HTML)"),
        (b"Hallo Welt\r\n", "it has no BEGIN:VCALENDAR line"),
        (ics("truncated.ics"), "The file ends inside VEVENT"),
    ],
)
def test_unusable_files_raise_a_clear_error(data, message):
    with pytest.raises(IcalImportError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_ics(data)


def test_empty_calendar_parses():
    parsed = parse_ics(ics("empty.ics"))
    assert (parsed.vevent_count, parsed.events, parsed.skipped) == (0, [], [])


@settings(max_examples=examples(300), deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_raise_nothing_but_the_import_error(data):
    with contextlib.suppress(IcalImportError):
        parse_ics(data)


_LINE = st.one_of(
    st.text(max_size=80),
    st.builds(
        "{}{}:{}".format,
        st.sampled_from(
            [
                "DTSTART",
                "DTEND",
                "RRULE",
                "EXDATE",
                "RDATE",
                "RECURRENCE-ID",
                "UID",
                "SUMMARY",
                "DURATION",
                "STATUS",
                "LOCATION",
                "DESCRIPTION",
                "CATEGORIES",
                "BEGIN",
                "END",
            ]
        ),
        st.sampled_from(["", ";VALUE=DATE", ";TZID=Europe/Berlin", ";TZID=X", ";RANGE=x"]),
        st.one_of(
            st.text(max_size=40),
            st.from_regex(r"\A[0-9]{8}(T[0-9]{6}Z?)?\Z"),
            st.just("FREQ=WEEKLY;BYDAY=TU"),
            st.just("VEVENT"),
        ),
    ),
)


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(_LINE, max_size=25))
def test_random_vevent_content_raises_nothing_but_the_import_error(lines):
    text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n" + "\r\n".join(lines)
    text += "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    with contextlib.suppress(IcalImportError):
        parse_ics(text.encode("utf-8", errors="surrogatepass"))


# --- writing: reports per fixture ----------------------------------------------------------


def test_outlook_import_report(frozen_now, source):
    report = run(source, "outlook.ics")
    assert counts(report) == {
        "imported": 2,
        "updated": 0,
        "unchanged": 0,
        "removed": 0,
        "cancelled": 0,
        "skipped": 0,
    }
    assert report.vevents == 4 and report.changed_dates == 2
    text = str(report)
    assert "imported: 2" in text and "skipped: 0" in text


def test_google_import_report(frozen_now, source):
    report = run(source, "google.ics")
    assert (len(report.imported), len(report.skipped), report.changed_dates) == (3, 0, 2)


def test_floating_import_report(frozen_now, source):
    report = run(source, "floating_allday.ics")
    assert counts(report)["imported"] == 5 and not report.skipped and not report.warnings


def test_messy_import_report(frozen_now, source):
    report = run(source, "messy.ics")
    assert counts(report) == {
        "imported": 3,
        "updated": 0,
        "unchanged": 0,
        "removed": 0,
        "cancelled": 0,
        "skipped": 6,
    }
    text = str(report)
    assert "VEVENT 2 (SUMMARY 'Ohne Datum'): no DTSTART" in text
    assert "warnings: 4" in text
    assert Event.objects.get(uid="messy-1").title.endswith("…")


def test_windows1252_import_report(frozen_now, source):
    report = run(source, "windows1252.ics")
    assert report.imported == ["Elterncafé im Gemeindehaus – Kürbisschnitzen"]
    assert Event.objects.get().slug == "elterncafe-im-gemeindehaus-kuerbisschnitzen"
    assert len(report.warnings) == 1


def test_empty_calendar_imports_nothing(frozen_now, source):
    report = run(source, "empty.ics")
    assert counts(report)["imported"] == 0 and report.vevents == 0
    assert not Event.objects.exists()


def test_empty_calendar_does_not_wipe_earlier_events(frozen_now, source):
    run(source, "outlook.ics")
    report = run(source, "empty.ics")
    assert report.removed == [] and Event.objects.count() == 2
    assert "contains no usable events" in report.warnings[0]


# --- writing: times, series, single dates --------------------------------------------------


def test_weekly_rule_keeps_local_time_across_dst(frozen_now, source):
    run(source, "outlook.ics")
    cafe = Event.objects.get(title="Elterncafé")
    local = [
        (o.original_start.astimezone(BERLIN).date().isoformat(), o.starts_at.astimezone(BERLIN))
        for o in cafe.occurrences.order_by("original_start")
    ]
    dates = [day for day, _start in local]
    assert dates == [
        "2026-10-20",
        "2026-10-27",
        "2026-11-10",
        "2026-11-17",
        "2026-11-24",
        "2026-12-01",
        "2026-12-08",
        "2026-12-15",
        "2026-12-22",
    ]  # 3 November is an EXDATE; 22 December is the UNTIL date
    first, second = cafe.occurrences.order_by("original_start")[:2]
    assert first.starts_at.astimezone(BERLIN).hour == 15
    assert first.starts_at.utcoffset() == dt.timedelta(0)  # stored in UTC …
    assert first.starts_at == dt.datetime(2026, 10, 20, 13, 0, tzinfo=dt.UTC)  # … summer time
    assert second.starts_at == dt.datetime(2026, 10, 27, 14, 0, tzinfo=dt.UTC)  # winter time
    assert second.starts_at.astimezone(BERLIN).hour == 15


def test_recurrence_id_overrides_become_modified_occurrences(frozen_now, source):
    run(source, "outlook.ics")
    cafe = Event.objects.get(title="Elterncafé")
    moved = cafe.occurrences.get(original_start=berlin(2026, 11, 10, 15, 0))
    assert moved.is_modified and moved.starts_at == berlin(2026, 11, 10, 16, 0)
    assert moved.ends_at == berlin(2026, 11, 10, 18, 0)
    assert moved.event_status == EventStatus.SCHEDULED
    cancelled = cafe.occurrences.get(original_start=berlin(2026, 11, 17, 15, 0))
    assert cancelled.is_modified and cancelled.event_status == EventStatus.CANCELLED
    assert cafe.occurrences.filter(is_modified=True).count() == 2


def test_title_only_override_becomes_a_notice(frozen_now, source):
    run(source, "google.ics")
    counselling = Event.objects.get(uid="beratung-2tu@google.com")
    november = counselling.occurrences.get(original_start=berlin(2026, 11, 10, 10, 0))
    assert november.status_note == "Beratungssprechstunde – heute mit Dolmetscherin (Arabisch)"
    january = counselling.occurrences.get(original_start=berlin(2027, 1, 12, 10, 0))
    assert january.event_status == EventStatus.CANCELLED
    assert not counselling.occurrences.filter(starts_at__date=dt.date(2026, 12, 8)).exists()


def test_cancelled_event_is_imported_as_cancelled(frozen_now, source):
    run(source, "google.ics")
    assert Event.objects.get(uid="flohmarkt@google.com").event_status == EventStatus.CANCELLED


def test_all_day_and_floating_events_are_stored_in_local_time(frozen_now, source):
    run(source, "floating_allday.ics")
    school = Event.objects.get(title="Schulanfängertreffen")
    assert school.starts_at == berlin(2026, 11, 19, 18, 0)
    week = Event.objects.get(title="Herbstferien-Spielwoche")
    assert week.is_all_day and week.starts_at == berlin(2026, 10, 19, 0, 0)
    occurrence = week.occurrences.get()
    assert occurrence.ends_at == berlin(2026, 10, 24, 0, 0)


def test_spring_dst_change_keeps_local_time(frozen_now, source):
    data = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:spring@example.org\r\n"
        b"SUMMARY:Krabbelgruppe\r\nDTSTART;TZID=Europe/Berlin:20270316T093000\r\n"
        b"DTEND;TZID=Europe/Berlin:20270316T110000\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    run(source, data)
    starts = [o.starts_at.astimezone(BERLIN) for o in Occurrence.objects.order_by("starts_at")]
    assert [(s.day, s.hour, s.minute) for s in starts] == [
        (16, 9, 30),
        (23, 9, 30),
        (30, 9, 30),
        (6, 9, 30),
    ]
    assert starts[1].utcoffset() == dt.timedelta(hours=1)
    assert starts[2].utcoffset() == dt.timedelta(hours=2)  # after 28 March 2027


def test_place_is_matched_to_a_location_or_kept_in_the_description(frozen_now, source):
    location = LocationFactory(
        alliance=source.alliance,
        organisation=source.organisation,
        name="Familienzentrum „Regenbogen“",
        street="Markt 5",
    )
    run(source, "outlook.ics")
    assert Event.objects.get(title="Elterncafé").location == location
    run(source, "google.ics")  # another source would be usual; here: the place stays text
    lantern = Event.objects.get(title="Laternenumzug zum Martinstag")
    assert lantern.location is None
    assert "Place: Stadtpark Hainichen, Parkeingang Gellertstraße" in lantern.description


def test_categories_are_matched_by_name(frozen_now, source):
    family = CategoryFactory(alliance=source.alliance, name="Familienbildung")
    data = ics("floating_allday.ics").replace(
        b"SUMMARY:Schulanf", b"CATEGORIES:familienbildung,Unbekannt\nSUMMARY:Schulanf"
    )
    report = run(source, data)
    assert list(Event.objects.get(title="Schulanfängertreffen").categories.all()) == [family]
    assert report.warnings == ["Categories without a match in the alliance's categories: Unbekannt"]


def test_events_are_drafts_unless_the_source_publishes_automatically(frozen_now, source):
    source.publish_automatically = False
    source.save()
    run(source, "outlook.ics")
    assert set(Event.objects.values_list("status", flat=True)) == {Status.DRAFT}


# --- re-imports ----------------------------------------------------------------------------


def test_reimport_is_idempotent(frozen_now, source):
    run(source, "outlook.ics")
    run(source, "google.ics")  # (replaces the Outlook events: the same source)
    first = run(source, "floating_allday.ics")
    events = sorted(Event.objects.values_list("pk", "uid"))
    occurrences = sorted(Occurrence.objects.values_list("pk", "starts_at", "event_status"))
    again = run(source, "floating_allday.ics")
    assert (len(first.imported), len(again.imported)) == (5, 0)
    assert len(again.unchanged) == 5 and again.updated == [] and again.removed == []
    assert sorted(Event.objects.values_list("pk", "uid")) == events
    assert sorted(Occurrence.objects.values_list("pk", "starts_at", "event_status")) == occurrences


def test_reimport_of_series_with_overrides_is_unchanged(frozen_now, source):
    run(source, "outlook.ics")
    snapshot = sorted(Occurrence.objects.values_list("pk", "starts_at", "is_modified"))
    report = run(source, "outlook.ics")
    assert (len(report.unchanged), report.changed_dates) == (2, 0)
    assert sorted(Occurrence.objects.values_list("pk", "starts_at", "is_modified")) == snapshot


def test_reimport_updates_events_in_place(frozen_now, source):
    run(source, "outlook.ics")
    cafe = Event.objects.get(title="Elterncafé")
    changed = ics("outlook.ics").replace(
        b'DTEND;TZID="W. Europe Standard Time":20261020T170000',
        b'DTEND;TZID="W. Europe Standard Time":20261020T173000',
    )
    report = run(source, changed)
    assert report.updated == ["Elterncafé"] and len(report.unchanged) == 1
    cafe.refresh_from_db()
    assert cafe.ends_at == berlin(2026, 10, 20, 17, 30)
    assert cafe.occurrences.get(original_start=berlin(2026, 11, 24, 15, 0)).ends_at == berlin(
        2026, 11, 24, 17, 30
    )


def test_override_that_disappears_is_undone(frozen_now, source):
    run(source, "outlook.ics")
    data = ics("outlook.ics")
    start = data.index(b'BEGIN:VEVENT\r\nDTEND;TZID="W. Europe Standard Time":20261110T180000')
    end = data.index(b"END:VEVENT\r\n", start) + len(b"END:VEVENT\r\n")
    report = run(source, data[:start] + data[end:])
    assert report.updated == ["Elterncafé"]
    occurrence = Occurrence.objects.get(original_start=berlin(2026, 11, 10, 15, 0))
    assert not occurrence.is_modified and occurrence.starts_at == berlin(2026, 11, 10, 15, 0)


def test_vanished_future_events_are_removed_and_past_ones_kept(frozen_now, source):
    run(source, "floating_allday.ics")  # has a past event: Herbstfest on 17 October
    later = NOW + dt.timedelta(days=3)  # 18 October: the Herbstfest is over
    report = calendar_import(source=source, data=ics("empty.ics"), now=later)
    assert report.removed == []  # an empty calendar removes nothing (see above)
    only_school = ics("floating_allday.ics").split(b"BEGIN:VEVENT\nSUMMARY:Herbstfest")[0]
    report = calendar_import(source=source, data=only_school + b"END:VCALENDAR\n", now=later)
    assert sorted(report.removed) == [
        "Herbstferien-Spielwoche",  # 19–23 October: still to come
        "Kita geschlossen (Teamtag)",
        "Vorlesestunde für Kinder ab drei",
    ]
    assert sorted(Event.objects.values_list("title", flat=True)) == [
        "Herbstfest im Garten",
        "Schulanfängertreffen",
    ]


def test_vanished_event_with_registrations_is_cancelled(frozen_now, source):
    run(source, "outlook.ics")
    evening = Event.objects.get(title__startswith="Elternabend")
    RegistrationFactory(occurrence=evening.occurrences.get())
    without_evening = ics("outlook.ics").replace(
        b"UID:040000008200E00074C5B7101A82E0080000000010C0A5F2", b"UID:gone"
    )
    report = run(source, without_evening)
    # the UID changed: the old event vanished (cancelled, kept), a new one was imported
    assert report.cancelled == [evening.title] and len(report.imported) == 1
    evening.refresh_from_db()
    assert evening.event_status == EventStatus.CANCELLED
    assert evening.status_note == "This event is no longer in the organiser's calendar."
    assert run(source, without_evening).cancelled == []  # reported once


def test_registrants_hear_when_the_feed_moves_cancels_or_drops_their_date(
    frozen_now, source, django_capture_on_commit_callbacks
):
    """The organiser moves one café date and cancels another in Outlook, then deletes the
    parents' evening: the people registered for those dates get one e-mail each."""
    import re

    from django.core import mail

    from familiennetz.events.models import Registration

    plain = re.sub(
        rb"BEGIN:VEVENT(?:(?!END:VEVENT).)*RECURRENCE-ID.*?END:VEVENT\r?\n",
        b"",
        ics("outlook.ics"),
        flags=re.S,
    )
    assert b"RECURRENCE-ID" not in plain
    run(source, plain)
    cafe = Event.objects.get(title="Elterncafé")
    evening = Event.objects.get(title__startswith="Elternabend")

    def registered(event, day, email):
        occurrence = event.occurrences.get(original_start__date=day)
        return RegistrationFactory(
            occurrence=occurrence, email=email, state=Registration.State.CONFIRMED
        )

    registered(cafe, dt.date(2026, 11, 10), "moved@example.org")
    registered(cafe, dt.date(2026, 11, 17), "cancelled@example.org")
    registered(cafe, dt.date(2026, 11, 24), "unchanged@example.org")
    registered(evening, dt.date(2026, 11, 12), "evening@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        run(source, "outlook.ics")  # with the moved and the cancelled date
    assert sorted(m.to[0] for m in mail.outbox) == ["cancelled@example.org", "moved@example.org"]
    mail.outbox.clear()
    without_evening = ics("outlook.ics").replace(
        b"UID:040000008200E00074C5B7101A82E0080000000010C0A5F2", b"UID:gone"
    )
    with django_capture_on_commit_callbacks(execute=True):
        run(source, without_evening)
        run(source, without_evening)  # the next refresh: no news, no mail
    assert [m.to[0] for m in mail.outbox] == ["evening@example.org"]


def test_calendar_with_only_unusable_events_does_not_wipe_earlier_events(frozen_now, source):
    run(source, "outlook.ics")
    broken = b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    report = run(source, broken)
    assert report.removed == [] and len(report.skipped) == 1
    assert Event.objects.count() == 2


def test_events_of_other_sources_are_left_alone(frozen_now, source):
    other = CalendarSource.objects.create(
        alliance=source.alliance, organisation=source.organisation, name="Zweiter Kalender"
    )
    run(other, "google.ics")
    run(source, "outlook.ics")
    report = run(source, "windows1252.ics")
    assert len(report.removed) == 2  # the Outlook events of this source
    assert Event.objects.filter(source=other).count() == 3


# --- all or nothing, dry run, stored report ------------------------------------------------


def test_dry_run_writes_nothing(frozen_now, source):
    report = run(source, "outlook.ics", dry_run=True)
    assert len(report.imported) == 2 and report.changed_dates == 2 and report.dry_run
    assert "Dry run: nothing was saved." in str(report)
    assert not Event.objects.exists() and not Occurrence.objects.exists()
    source.refresh_from_db()
    assert source.last_report == {} and source.last_imported_at is None


def test_malformed_file_writes_nothing(frozen_now, source):
    run(source, "outlook.ics")
    before = sorted(Event.objects.values_list("pk", "title", "updated_at"))
    with pytest.raises(IcalImportError, match="looks incomplete"):
        run(source, "truncated.ics")
    assert sorted(Event.objects.values_list("pk", "title", "updated_at")) == before


def test_error_in_the_middle_rolls_back_everything(frozen_now, source, monkeypatch):
    calls = []

    def failing_sync(*, event):
        calls.append(event.pk)
        if len(calls) == 2:
            raise RuntimeError("database went away")

    monkeypatch.setattr("familiennetz.events.services.event_sync_occurrences", failing_sync)
    with pytest.raises(RuntimeError):
        run(source, "floating_allday.ics")
    assert not Event.objects.exists()


def test_report_is_stored_on_the_source(frozen_now, source):
    run(source, "messy.ics")
    source.refresh_from_db()
    assert source.last_imported_at == NOW
    assert source.last_report["counts"]["skipped"] == 6
    assert source.last_report["skipped"][0] == {
        "vevent": 2,
        "summary": "Ohne Datum",
        "code": "no_dtstart",
        "reason": "no DTSTART",
    }
    assert "VEVENT 2 (SUMMARY 'Ohne Datum'): no DTSTART" in source.last_report["text"]


def test_file_import_uses_one_source_per_organiser(frozen_now, organisation):
    alliance = organisation.alliance
    calendar_file_import(
        alliance=alliance, organisation=organisation, data=ics("outlook.ics"), now=NOW
    )
    report = calendar_file_import(
        alliance=alliance, organisation=organisation, data=ics("outlook.ics"), now=NOW
    )
    assert len(report.unchanged) == 2
    assert CalendarSource.objects.filter(organisation=organisation).count() == 1


def test_file_import_dry_run_creates_no_source(frozen_now, organisation):
    calendar_file_import(
        alliance=organisation.alliance,
        organisation=organisation,
        data=ics("outlook.ics"),
        dry_run=True,
    )
    assert not CalendarSource.objects.exists()


def test_organiser_of_another_alliance_is_refused(frozen_now, organisation, other_alliance):
    with pytest.raises(IcalImportError):
        calendar_file_import(alliance=other_alliance, organisation=organisation, data=b"")


# --- fetching from a URL (a local server, never the internet) ------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: dict = {}

    def do_GET(self):
        status, headers, body = self.routes.get(self.path, (404, {}, b"not found"))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def ics_server(settings):
    settings.CALENDAR_IMPORT_ALLOW_PRIVATE_ADDRESSES = True
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    _Handler.routes = {
        "/kalender.ics": (200, {"Content-Type": "text/calendar"}, ics("outlook.ics")),
        "/umzug": (302, {"Location": "/kalender.ics"}, b""),
        "/nach-file": (302, {"Location": "file:///etc/passwd"}, b""),
        "/nach-ftp": (302, {"Location": "ftp://127.0.0.1/kalender.ics"}, b""),
        "/riesig": (200, {"Content-Length": str(6 * 1024 * 1024)}, b"BEGIN:VCALENDAR\r\n"),
        "/ohne-laenge": (200, {}, b""),
        "/login": (200, {"Content-Type": "text/html"}, b"<html><body>Anmelden</body></html>"),
    }
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


def test_fetch_reads_a_feed(ics_server):
    assert fetch_ics(f"{ics_server}/kalender.ics") == ics("outlook.ics")


def test_fetch_follows_http_redirects(ics_server):
    assert fetch_ics(f"{ics_server}/umzug") == ics("outlook.ics")


def test_fetch_refuses_redirect_to_file(ics_server):
    with pytest.raises(IcalImportError, match="redirected to an address that cannot"):
        fetch_ics(f"{ics_server}/nach-file")


def test_fetch_refuses_redirect_to_ftp(ics_server):
    with pytest.raises(IcalImportError, match="Only http and https"):
        fetch_ics(f"{ics_server}/nach-ftp")


def test_fetch_refuses_announced_large_files(ics_server):
    with pytest.raises(IcalImportError, match="larger than 5 MB"):
        fetch_ics(f"{ics_server}/riesig")


def test_fetch_stops_reading_at_the_limit(ics_server):
    _Handler.routes["/ohne-laenge"] = (200, {"Content-Length": ""}, b"x" * 5000)
    with pytest.raises(IcalImportError, match="larger than"):
        fetch_ics(f"{ics_server}/ohne-laenge", max_bytes=1000)


def test_fetch_reports_http_errors(ics_server):
    with pytest.raises(IcalImportError, match="HTTP status 404"):
        fetch_ics(f"{ics_server}/fehlt")


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.org/cal.ics", "javascript:alert(1)", "kalender"]
)
def test_fetch_refuses_other_schemes(url):
    with pytest.raises(IcalImportError, match="Only http and https"):
        fetch_ics(url)


def test_fetch_refuses_private_addresses_by_default(ics_server, settings):
    settings.CALENDAR_IMPORT_ALLOW_PRIVATE_ADDRESSES = False
    with pytest.raises(IcalImportError, match="private network"):
        fetch_ics(f"{ics_server}/kalender.ics")


def test_webcal_is_fetched_as_https():
    assert ical_import.check_url("webcal://93.184.216.34/cal.ics") == (
        "https://93.184.216.34/cal.ics"
    )


def test_refresh_imports_from_the_url(frozen_now, source, ics_server):
    source.url = f"{ics_server}/kalender.ics"
    source.save()
    report = calendar_source_refresh(source=source)
    assert len(report.imported) == 2
    source.refresh_from_db()
    assert source.last_report["counts"]["imported"] == 2


def test_failed_refresh_is_recorded_and_changes_nothing(frozen_now, source, ics_server):
    source.url = f"{ics_server}/login"
    source.save()
    with pytest.raises(IcalImportError, match="web page"):
        calendar_source_refresh(source=source)
    source.refresh_from_db()
    assert "web page" in source.last_report["error"] and source.last_imported_at is None


def test_refresh_task_imports_every_source(frozen_now, source, ics_server):
    source.url = f"{ics_server}/kalender.ics"
    source.save()
    CalendarSource.objects.create(
        alliance=source.alliance,
        organisation=source.organisation,
        name="Kaputt",
        url=f"{ics_server}/fehlt",
    )
    CalendarSource.objects.create(  # a file source: nothing to fetch
        alliance=source.alliance, organisation=source.organisation, name="Datei"
    )
    assert refresh_calendar_sources.call() == {"ok": 1, "failed": 1}
    assert Event.objects.count() == 2


def test_refresh_command_runs_the_task(frozen_now, source, ics_server, capsys):
    source.url = f"{ics_server}/kalender.ics"
    source.save()
    call_command("refresh_calendar_sources")
    assert "1 ok, 0 failed" in capsys.readouterr().out


# --- the command ---------------------------------------------------------------------------


def test_command_imports_a_file(frozen_now, organisation, capsys):
    call_command(
        "import_calendar",
        "--file",
        str(ICS / "messy.ics"),
        "--alliance",
        organisation.alliance.slug,
        "--organisation",
        organisation.slug,
    )
    out = capsys.readouterr().out
    assert "imported: 3" in out and "skipped: 6" in out
    assert "VEVENT 9 (SUMMARY 'Regel kaputt'): the repeat rule (RRULE) could not be read" in out
    assert Event.objects.count() == 3


def test_command_dry_run(frozen_now, source, capsys):
    call_command("import_calendar", "--source", str(source.pk), "--file", str(ICS / "google.ics"))
    call_command(
        "import_calendar",
        "--source",
        str(source.pk),
        "--file",
        str(ICS / "outlook.ics"),
        "--dry-run",
    )
    out = capsys.readouterr().out
    assert "removed (no longer in the calendar): 3" in out and "Dry run" in out
    assert Event.objects.count() == 3


def test_command_fails_clearly_on_a_broken_file(frozen_now, source):
    with pytest.raises(CommandError, match="nothing was changed: The file ends inside VEVENT"):
        call_command(
            "import_calendar", "--source", str(source.pk), "--file", str(ICS / "truncated.ics")
        )


def test_command_needs_a_source_or_a_file(db):
    with pytest.raises(CommandError, match="Give --source"):
        call_command("import_calendar")


@pytest.mark.django_db
@settings(
    max_examples=examples(40),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(_LINE, max_size=20))
def test_random_vevents_import_without_crashing(frozen_now, source, lines):
    text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:fuzz\r\nSUMMARY:Fuzz\r\n"
    text += "DTSTART:20261105T150000Z\r\n" + "\r\n".join(lines)
    text += "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    with contextlib.suppress(IcalImportError):
        run(source, text.encode("utf-8", errors="surrogatepass"))


# --- round trip: our own feed is a "real" feed too ------------------------------------------


def test_our_own_feed_imports_cleanly(frozen_now, source, other_alliance, client):
    from django.urls import reverse

    from familiennetz.events.services import event_sync_occurrences, occurrence_cancel
    from familiennetz.events.tests.factories import EventFactory

    cafe = EventFactory(
        alliance=other_alliance,
        title="Elterncafé, mit Komma; und Semikolon",
        summary="Zeile zwei – mit Umlauten: äöüß",
        starts_at=berlin(2026, 10, 20, 15, 0),
        ends_at=berlin(2026, 10, 20, 17, 0),
        rrule="FREQ=WEEKLY;BYDAY=TU;COUNT=4",
    )
    event_sync_occurrences(event=cafe)
    occurrence_cancel(
        occurrence=cafe.occurrences.get(original_start=berlin(2026, 11, 3, 15, 0)),
        note="Krank",
    )
    with translation.override("de"):
        url = reverse("events:calendar-ical", kwargs={"alliance_slug": other_alliance.slug})
    response = client.get(url)
    assert response.status_code == 200
    report = run(source, response.content)
    assert not report.skipped, report.skipped
    imported = Event.objects.filter(source=source).order_by("starts_at")
    assert [local.astimezone(BERLIN) for local in imported.values_list("starts_at", flat=True)] == [
        berlin(2026, 10, 20, 15, 0),
        berlin(2026, 10, 27, 15, 0),
        berlin(2026, 11, 3, 15, 0),
        berlin(2026, 11, 10, 15, 0),
    ]
    assert all(e.title.endswith(cafe.title) for e in imported)  # "Cancelled: …" on one
    assert imported[2].event_status == EventStatus.CANCELLED
    assert "Zeile zwei – mit Umlauten: äöüß" in imported[0].description
    assert "More information" not in imported[0].description  # the URL is there already
    assert len(run(source, response.content).unchanged) == 4
