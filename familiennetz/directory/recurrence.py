"""RFC 5545 recurrence rules for opening hours and regular sessions.

Rules are stored as RRULE strings without DTSTART ("FREQ=MONTHLY;BYDAY=2TU"). We evaluate
them with python-dateutil, anchored at the schedule's ``valid_from`` (or a fixed epoch), in
local time (Europe/Berlin), so a weekly 9:00 session stays at 9:00 across DST changes.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Protocol

from dateutil.rrule import rrulestr
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext


class Schedule(Protocol):
    """What the rules read of a schedule row (``models.Schedule`` and its historical copies)."""

    rrule: str
    opens_at: dt.time | None
    closes_at: dt.time | None
    valid_from: dt.date | None
    valid_to: dt.date | None


WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
_EPOCH = dt.datetime(2020, 1, 6)  # a Monday
_BYDAY = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")
_ALLOWED = re.compile(r"^[A-Z0-9=;,+\-]+$")


class RecurrenceError(ValueError):
    pass


def _parts(rule: str) -> dict[str, str]:
    parts = {}
    for chunk in rule.strip().upper().removeprefix("RRULE:").split(";"):
        if not chunk:
            continue
        key, sep, value = chunk.partition("=")
        if not sep or not value:
            raise RecurrenceError(_("'%(part)s' is not of the form NAME=VALUE.") % {"part": chunk})
        parts[key] = value
    return parts


def parse_rule(rule: str, *, start: dt.datetime | None = None):
    """Return a dateutil rrule for ``rule`` or raise RecurrenceError with a readable message."""
    text = (rule or "").strip().upper().removeprefix("RRULE:")
    if not text or not _ALLOWED.match(text):
        raise RecurrenceError(_("Enter a rule such as FREQ=WEEKLY;BYDAY=TU."))
    parts = _parts(text)
    if parts.get("FREQ") not in {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}:
        raise RecurrenceError(_("FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY."))
    for code in filter(None, parts.get("BYDAY", "").split(",")):
        if not _BYDAY.match(code):
            raise RecurrenceError(
                _("'%(day)s' is not a weekday such as MO or 2TU.") % {"day": code}
            )
    try:
        return rrulestr(text, dtstart=start or _EPOCH)
    except (ValueError, TypeError) as exc:
        raise RecurrenceError(
            _("This recurrence rule is not valid: %(error)s") % {"error": exc}
        ) from exc


@lru_cache(maxsize=4096)
def _cached_rule(rule: str, start: dt.date):
    try:
        return parse_rule(rule, start=dt.datetime.combine(start, dt.time()))
    except RecurrenceError:
        return None


def _rule_for(schedule: Schedule):
    return _cached_rule(schedule.rrule, schedule.valid_from or _EPOCH.date())


def weekday_codes(rule: str) -> list[str]:
    """The weekdays a rule can fall on, in week order ("2TU" counts as "TU")."""
    try:
        parts = _parts(rule or "")
    except RecurrenceError:
        return []
    days = set()
    for code in filter(None, parts.get("BYDAY", "").split(",")):
        match = _BYDAY.match(code)
        if match:
            days.add(match.group(2))
    if not days and parts.get("FREQ") == "DAILY":
        days = set(WEEKDAY_CODES)
    return [code for code in WEEKDAY_CODES if code in days]


def occurs_on(schedule: Schedule, day: dt.date) -> bool:
    if schedule.valid_from and day < schedule.valid_from:
        return False
    if schedule.valid_to and day > schedule.valid_to:
        return False
    rule = _rule_for(schedule)
    if rule is None:
        return False
    midnight = dt.datetime.combine(day, dt.time())
    nxt = rule.after(midnight, inc=True)
    return nxt is not None and nxt.date() == day


def is_open_at(schedule: Schedule, moment: dt.datetime) -> bool:
    """Whether ``moment`` (aware or local naive) falls into one of the schedule's slots."""
    if schedule.opens_at is None or schedule.closes_at is None:
        return False
    if not occurs_on(schedule, moment.date()):
        return False
    return schedule.opens_at <= moment.time().replace(tzinfo=None) < schedule.closes_at


def next_dates(schedule: Schedule, after: dt.date, count: int = 3) -> list[dt.date]:
    rule = _rule_for(schedule)
    if rule is None:
        return []
    dates = []
    cursor = dt.datetime.combine(after, dt.time())
    while len(dates) < count:
        nxt = rule.after(cursor, inc=not dates)
        if nxt is None or (schedule.valid_to and nxt.date() > schedule.valid_to):
            break
        dates.append(nxt.date())
        cursor = nxt
    return dates


def _weekday_names() -> dict[str, str]:
    return {
        "MO": _("Monday"),
        "TU": _("Tuesday"),
        "WE": _("Wednesday"),
        "TH": _("Thursday"),
        "FR": _("Friday"),
        "SA": _("Saturday"),
        "SU": _("Sunday"),
    }


def _ordinal(n: int) -> str:
    if n == -1:
        return pgettext("weekday in month", "last")
    return pgettext("weekday in month", "%(n)d.") % {"n": n}


def describe_rule(rule: str) -> str:
    """German/English prose for the rules people actually use; the raw rule otherwise."""
    try:
        parts = _parts(rule or "")
    except RecurrenceError:
        return rule
    names = _weekday_names()
    freq = parts.get("FREQ")
    interval = int(parts.get("INTERVAL", "1") or 1)
    days = [d for d in parts.get("BYDAY", "").split(",") if d]
    plain = [d for d in days if _BYDAY.match(d) and not _BYDAY.match(d).group(1)]
    if freq == "DAILY" and interval == 1 and not days:
        return _("daily")
    if freq == "WEEKLY" and plain and len(plain) == len(days):
        ordered = [names[c] for c in WEEKDAY_CODES if c in plain]
        if ordered == [names[c] for c in WEEKDAY_CODES[:5]]:
            label = _("Monday to Friday")
        else:
            label = ", ".join(ordered)
        if interval == 2:
            return _("every other week: %(days)s") % {"days": label}
        return label
    if freq == "MONTHLY" and days:
        phrases = []
        for code in days:
            match = _BYDAY.match(code)
            if not match:
                return rule
            n = int(match.group(1)) if match.group(1) else None
            phrases.append(
                _("every %(nth)s %(day)s of the month")
                % {"nth": _ordinal(n), "day": names[match.group(2)]}
                if n
                else names[match.group(2)]
            )
        return ", ".join(phrases)
    if freq == "MONTHLY":
        return _("monthly")
    if freq == "WEEKLY" and not days:
        return _("weekly")
    return rule


def describe_schedule(schedule: Schedule) -> str:
    text = describe_rule(schedule.rrule)
    if schedule.opens_at and schedule.closes_at:
        text = _("%(rule)s, %(start)s–%(end)s") % {
            "rule": text,
            "start": time_format(schedule.opens_at, "TIME_FORMAT"),
            "end": time_format(schedule.closes_at, "TIME_FORMAT"),
        }
    return text
