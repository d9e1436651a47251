import datetime as dt

import pytest
from django.utils import translation

from familiennetz.directory.models import Schedule
from familiennetz.directory.recurrence import (
    RecurrenceError,
    describe_rule,
    is_open_at,
    next_dates,
    occurs_on,
    parse_rule,
    weekday_codes,
)


def schedule(rule, opens=None, closes=None, **kwargs):
    return Schedule(rrule=rule, opens_at=opens, closes_at=closes, **kwargs)


def test_second_tuesday_of_the_month():
    s = schedule("FREQ=MONTHLY;BYDAY=2TU")
    assert occurs_on(s, dt.date(2026, 12, 8))
    assert not occurs_on(s, dt.date(2026, 12, 1))
    assert next_dates(s, dt.date(2026, 11, 21), count=3) == [
        dt.date(2026, 12, 8),
        dt.date(2027, 1, 12),
        dt.date(2027, 2, 9),
    ]


def test_last_friday_and_validity_window():
    s = schedule("FREQ=MONTHLY;BYDAY=-1FR", valid_to=dt.date(2026, 12, 31))
    assert next_dates(s, dt.date(2026, 11, 1), count=5) == [
        dt.date(2026, 11, 27),
        dt.date(2026, 12, 25),
    ]


def test_weekly_session_keeps_local_time_across_dst():
    s = schedule("FREQ=WEEKLY;BYDAY=SU", dt.time(9), dt.time(11))
    # 2027-03-28 is the switch to summer time in Germany.
    assert is_open_at(s, dt.datetime(2027, 3, 21, 9, 30))
    assert is_open_at(s, dt.datetime(2027, 3, 28, 9, 30))
    assert not is_open_at(s, dt.datetime(2027, 3, 28, 11, 0))


@pytest.mark.parametrize(
    ("rule", "german"),
    [
        ("FREQ=WEEKLY;BYDAY=TU", "Dienstag"),
        ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "Montag bis Freitag"),
        ("FREQ=WEEKLY;BYDAY=MO,WE", "Montag, Mittwoch"),
        ("FREQ=MONTHLY;BYDAY=2TU", "jeden 2. Dienstag im Monat"),
        ("FREQ=MONTHLY;BYDAY=-1FR", "jeden letzten Freitag im Monat"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", "alle zwei Wochen: Donnerstag"),
        ("FREQ=DAILY", "täglich"),
    ],
)
def test_rules_read_as_german_prose(rule, german):
    with translation.override("de"):
        assert describe_rule(rule) == german


def test_rules_read_as_english_prose():
    with translation.override("en"):
        assert describe_rule("FREQ=MONTHLY;BYDAY=2TU") == "every 2. Tuesday of the month"


@pytest.mark.parametrize(
    "bad", ["", "FREQ=HOURLY", "FREQ=WEEKLY;BYDAY=XX", "nonsense", "FREQ=WEEKLY;<script>"]
)
def test_invalid_rules_raise_a_readable_error(bad):
    with pytest.raises(RecurrenceError):
        parse_rule(bad)


def test_weekday_codes_ignore_ordinals():
    assert weekday_codes("FREQ=MONTHLY;BYDAY=2TU,-1FR") == ["TU", "FR"]
    assert weekday_codes("FREQ=DAILY") == ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
    assert weekday_codes("garbage") == []
