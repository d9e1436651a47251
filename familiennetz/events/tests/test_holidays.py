"""School-holiday import (familiennetz/events/holidays.py) and the demo holiday calendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone, translation

from familiennetz.events.holidays import holiday_periods_import, parse_holidays
from familiennetz.events.ical_import import IcalImportError
from familiennetz.events.models import HolidayPeriod
from familiennetz.events.services import event_sync_occurrences
from familiennetz.events.tests.factories import EventFactory, HolidayPeriodFactory

BERLIN = ZoneInfo("Europe/Berlin")
ICS = Path(__file__).parent / "ics"
HOLIDAYS = (ICS / "holidays.ics").read_bytes()
DEMO_HOLIDAYS = (
    Path(__file__).resolve().parents[2] / "demo" / "content" / "ferien_sachsen_2026_2027.ics"
)
NOW = dt.datetime(2026, 10, 1, 10, 0, tzinfo=BERLIN)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def frozen_now(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NOW.astimezone(dt.UTC))
    return NOW


def periods(alliance) -> list[tuple[str, str, str, str]]:
    return [
        (p.name, p.starts_on.isoformat(), p.ends_on.isoformat(), p.uid)
        for p in HolidayPeriod.objects.for_alliance(alliance).order_by("starts_on")
    ]


def test_holiday_file_is_parsed_with_inclusive_ends():
    parsed, skipped, warnings, count = parse_holidays(HOLIDAYS)
    assert count == 8
    assert [(p.name, p.starts_on, p.ends_on) for p in parsed] == [
        ("Herbstferien Sachsen 2026", dt.date(2026, 10, 12), dt.date(2026, 10, 24)),
        ("Weihnachtsferien Sachsen 2026/27", dt.date(2026, 12, 23), dt.date(2027, 1, 2)),
        ("Winterferien Sachsen 2027", dt.date(2027, 2, 8), dt.date(2027, 2, 19)),
        ("Pfingstferien Sachsen 2027", dt.date(2027, 5, 7), dt.date(2027, 5, 7)),
        ("Osterferien Sachsen 2027", dt.date(2027, 3, 25), dt.date(2027, 4, 2)),
    ]
    assert [str(skip) for skip in skipped] == [
        "VEVENT 6 (SUMMARY 'Bewegliche Ferientage'): no DTSTART",
        "VEVENT 7 (SUMMARY 'Herbstferien (doppelt)'): same period as VEVENT 1",
        "VEVENT 8 (SUMMARY 'Tippfehler'): lasts more than a year (2027-07-01 to 2029-07-31)",
    ]
    assert warnings == []


def test_holiday_import_creates_periods(alliance):
    report = holiday_periods_import(alliance=alliance, data=HOLIDAYS)
    assert (len(report.created), len(report.updated), len(report.skipped)) == (5, 0, 3)
    assert periods(alliance)[0] == (
        "Herbstferien Sachsen 2026",
        "2026-10-12",
        "2026-10-24",
        "herbst-2026@ferien.test",
    )
    assert "imported: 5" in str(report)


def test_holiday_import_is_idempotent(alliance):
    holiday_periods_import(alliance=alliance, data=HOLIDAYS)
    before = periods(alliance)
    report = holiday_periods_import(alliance=alliance, data=HOLIDAYS)
    assert (len(report.created), len(report.updated), len(report.unchanged)) == (0, 0, 5)
    assert periods(alliance) == before


def test_changed_dates_update_the_period_with_the_same_uid(alliance):
    holiday_periods_import(alliance=alliance, data=HOLIDAYS)
    changed = HOLIDAYS.replace(b"DTEND;VALUE=DATE:20261025", b"DTEND;VALUE=DATE:20261024", 1)
    report = holiday_periods_import(alliance=alliance, data=changed)
    assert report.updated == ["Herbstferien Sachsen 2026 (12.10.2026–23.10.2026)"]
    assert HolidayPeriod.objects.get(uid="herbst-2026@ferien.test").ends_on == dt.date(2026, 10, 23)
    assert HolidayPeriod.objects.count() == 5


def test_period_without_uid_is_found_by_its_dates(alliance):
    HolidayPeriodFactory(
        alliance=alliance,
        name="Winterferien",
        starts_on=dt.date(2027, 2, 8),
        ends_on=dt.date(2027, 2, 19),
    )
    report = holiday_periods_import(alliance=alliance, data=HOLIDAYS)
    assert len(report.created) == 4 and len(report.updated) == 1
    assert HolidayPeriod.objects.filter(starts_on=dt.date(2027, 2, 8)).get().name == (
        "Winterferien Sachsen 2027"
    )


def test_other_alliances_are_not_touched(alliance, other_alliance):
    holiday_periods_import(alliance=alliance, data=HOLIDAYS)
    assert not HolidayPeriod.objects.for_alliance(other_alliance).exists()
    report = holiday_periods_import(alliance=other_alliance, data=HOLIDAYS)
    assert len(report.created) == 5


def test_holiday_dry_run_writes_nothing(alliance):
    report = holiday_periods_import(alliance=alliance, data=HOLIDAYS, dry_run=True)
    assert len(report.created) == 5 and "Dry run" in str(report)
    assert not HolidayPeriod.objects.exists()


def test_broken_holiday_file_writes_nothing(alliance):
    with pytest.raises(IcalImportError):
        holiday_periods_import(alliance=alliance, data=HOLIDAYS[:-40])
    assert not HolidayPeriod.objects.exists()


def test_events_skipping_holidays_lose_their_holiday_dates(frozen_now, alliance):
    cafe = EventFactory(
        alliance=alliance,
        title="Elterncafé",
        starts_at=dt.datetime(2026, 10, 6, 15, 0, tzinfo=BERLIN),
        ends_at=dt.datetime(2026, 10, 6, 17, 0, tzinfo=BERLIN),
        rrule="FREQ=WEEKLY;BYDAY=TU;COUNT=5",
        skips_school_holidays=True,
    )
    event_sync_occurrences(event=cafe)
    assert cafe.occurrences.count() == 5
    report = holiday_periods_import(alliance=alliance, data=HOLIDAYS)
    assert report.events_resynced == 1
    days = [
        o.starts_at.astimezone(BERLIN).date().isoformat()
        for o in cafe.occurrences.order_by("starts_at")
    ]
    assert days == ["2026-10-06", "2026-10-27", "2026-11-03"]  # 13 and 20 October: holidays


def test_import_holidays_command(alliance, capsys):
    call_command(
        "import_holidays", "--alliance", alliance.slug, "--file", str(ICS / "holidays.ics")
    )
    out = capsys.readouterr().out
    assert "imported: 5" in out and "skipped: 3" in out
    assert HolidayPeriod.objects.count() == 5


def test_import_holidays_command_errors(alliance):
    with pytest.raises(CommandError, match="No alliance"):
        call_command("import_holidays", "--alliance", "nirgendwo", "--file", str(DEMO_HOLIDAYS))
    with pytest.raises(CommandError, match="nothing was changed"):
        call_command(
            "import_holidays", "--alliance", alliance.slug, "--file", str(ICS / "truncated.ics")
        )


def test_demo_holiday_calendar_is_clean():
    parsed, skipped, warnings, count = parse_holidays(DEMO_HOLIDAYS.read_bytes())
    assert (len(parsed), skipped, warnings) == (count, [], [])
    assert all(p.uid and p.starts_on <= p.ends_on for p in parsed)
    summer = next(p for p in parsed if p.name.startswith("Sommerferien"))
    assert summer.starts_on.year == summer.ends_on.year == 2027
