"""Recurrence expansion for events: RFC 5545 RRULE, RDATE and EXDATE in Europe/Berlin.

Pure functions (no database access): ``services.event_sync_occurrences`` materialises what
``event_slots`` returns. See docs/adr/0008-occurrences.md.

Rules are evaluated on *local wall-clock time*: DTSTART is the event's start converted to
Europe/Berlin without its offset, the rule runs on naive local datetimes, and each result is
given the Berlin offset valid on that day. A weekly Tuesday 15:00 café therefore stays at 15:00
before and after a daylight-saving change. A local time that does not exist (the spring gap) is
read with the offset before the gap, an ambiguous one (the autumn hour) as its first instance,
as RFC 5545 (3.3.5) asks.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrulestr
from django.utils import timezone
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from .models import Event

BERLIN = ZoneInfo("Europe/Berlin")
UTC = dt.UTC

# The materialised window (ADR 0008): history for "what happened" and registrations of recent
# dates, and far enough ahead for the month view, subscribed calendars and planning.
WINDOW_PAST_DAYS = 60
WINDOW_FUTURE_MONTHS = 18
# Upper bound per event and window; a daily event over 20 months stays well below it.
MAX_OCCURRENCES_PER_EVENT = 1000

SUPPORTED_FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
_RULE_PARTS = {
    "FREQ",
    "UNTIL",
    "COUNT",
    "INTERVAL",
    "BYSECOND",
    "BYMINUTE",
    "BYHOUR",
    "BYDAY",
    "BYMONTHDAY",
    "BYYEARDAY",
    "BYWEEKNO",
    "BYMONTH",
    "BYSETPOS",
    "WKST",
}
_ALLOWED_CHARS = re.compile(r"^[A-Z0-9=;,+\-:]+$")


class RecurrenceError(ValueError):
    """A rule or date list that cannot be used; the message is for the person who typed it."""


@dataclass(frozen=True)
class Window:
    start: dt.datetime  # aware, inclusive
    end: dt.datetime  # aware, exclusive

    def contains(self, moment: dt.datetime) -> bool:
        return self.start <= moment < self.end


@dataclass(frozen=True)
class Slot:
    """One date of a series as the rule gives it."""

    original_start: dt.datetime  # aware (Europe/Berlin); the RECURRENCE-ID
    starts_at: dt.datetime
    ends_at: dt.datetime | None

    @property
    def local_date(self) -> dt.date:
        return self.original_start.astimezone(BERLIN).date()


def local_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=BERLIN)


def materialisation_window(today: dt.date | None = None) -> Window:
    """60 days back to 18 months ahead of ``today`` (local dates, whole days)."""
    today = today or timezone.localdate()
    return Window(
        start=local_midnight(today - dt.timedelta(days=WINDOW_PAST_DAYS)),
        end=local_midnight(today + relativedelta(months=WINDOW_FUTURE_MONTHS)),
    )


# --- rules ---------------------------------------------------------------------------------


def _rule_parts(text: str) -> list[tuple[str, str]]:
    parts = []
    for chunk in text.split(";"):
        if not chunk:
            continue
        key, sep, value = chunk.partition("=")
        if not sep or not value:
            raise RecurrenceError(_("'%(part)s' is not of the form NAME=VALUE.") % {"part": chunk})
        if key not in _RULE_PARTS:
            raise RecurrenceError(_("'%(name)s' is not part of RFC 5545 rules.") % {"name": key})
        parts.append((key, value))
    return parts


def _local_until(value: str, *, is_all_day: bool) -> str:
    """UNTIL as a naive local value dateutil accepts next to a naive local DTSTART.

    RFC 5545 wants UNTIL in UTC when DTSTART has a time zone; people also type plain dates.
    A date means "up to and including that day".
    """
    try:
        if len(value) == 8:
            day = dt.datetime.strptime(value, "%Y%m%d").date()
            return day.strftime("%Y%m%d") + ("" if is_all_day else "T235959")
        if value.endswith("Z"):
            moment = dt.datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            return moment.astimezone(BERLIN).strftime("%Y%m%dT%H%M%S")
        dt.datetime.strptime(value, "%Y%m%dT%H%M%S")
        return value
    except ValueError as exc:
        raise RecurrenceError(
            _("UNTIL must be a date such as 20271231 or a time such as 20271231T230000Z.")
        ) from exc


def normalise_rrule(rule: str, *, is_all_day: bool = False) -> str:
    """The rule in the form we evaluate: upper case, no "RRULE:" prefix, local UNTIL.

    Raises RecurrenceError with a readable message for anything we cannot evaluate.
    """
    text = "".join((rule or "").split()).upper()
    text = text.removeprefix("RRULE:")
    if not text:
        return ""
    if not _ALLOWED_CHARS.match(text):
        raise RecurrenceError(_("Enter a rule such as FREQ=WEEKLY;BYDAY=TU."))
    parts = _rule_parts(text)
    names = [key for key, _value in parts]
    if len(names) != len(set(names)):
        raise RecurrenceError(_("Each part of the rule may appear only once."))
    values = dict(parts)
    freq = values.get("FREQ")
    if freq not in SUPPORTED_FREQUENCIES:
        if freq in {"HOURLY", "MINUTELY", "SECONDLY"}:
            raise RecurrenceError(_("Rules that repeat more often than daily are not supported."))
        raise RecurrenceError(_("FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY."))
    if "COUNT" in values and "UNTIL" in values:
        raise RecurrenceError(_("A rule may have COUNT or UNTIL, not both."))
    normalised = []
    for key, value in parts:
        if key == "UNTIL":
            value = _local_until(value, is_all_day=is_all_day)
        normalised.append(f"{key}={value}")
    text = ";".join(normalised)
    try:
        rrulestr(text, dtstart=dt.datetime(2020, 1, 6, 12))
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise RecurrenceError(
            _("This recurrence rule is not valid: %(error)s") % {"error": exc}
        ) from exc
    return text


def validate_rrule(rule: str) -> str:
    """Validate user input; return the rule as typed (trimmed, upper case) if it can be used."""
    normalise_rrule(rule)
    return "".join((rule or "").split()).upper().removeprefix("RRULE:")


# --- RDATE / EXDATE lists ------------------------------------------------------------------


def parse_local_value(value: str) -> dt.datetime | dt.date:
    """One entry of Event.rdates/exdates: "2027-03-10T15:00" (local), "2027-03-10" (a day),
    or an ISO value with offset/"Z" (converted to local time)."""
    text = str(value).strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        moment = dt.datetime.fromisoformat(text)
    except ValueError as exc:
        raise RecurrenceError(
            _("'%(value)s' is not a date such as 2027-03-10 or 2027-03-10T15:00.") % {"value": text}
        ) from exc
    if moment.tzinfo is not None:
        moment = moment.astimezone(BERLIN).replace(tzinfo=None)
    return moment.replace(microsecond=0)


def validate_date_list(values) -> list[str]:
    """Validate a list of dates for RDATE/EXDATE; return it as ISO strings (local time)."""
    if values in (None, ""):
        return []
    if isinstance(values, str):
        values = [v for v in re.split(r"[\s,;]+", values) if v]
    if not isinstance(values, list):
        raise RecurrenceError(_("Enter a list of dates."))
    return [parse_local_value(v).isoformat() for v in values]


def _parse_list(values: Iterable) -> list[dt.datetime | dt.date]:
    parsed = []
    for value in values or []:
        try:
            parsed.append(parse_local_value(value))
        except RecurrenceError:
            continue  # stored data is validated on input; never break a page over one entry
    return parsed


# --- expansion -----------------------------------------------------------------------------


def aware_local(naive: dt.datetime) -> dt.datetime:
    """Attach Europe/Berlin; fold=0 gives RFC 5545 behaviour for gaps and overlaps."""
    return naive.replace(tzinfo=BERLIN, fold=0)


def _all_day_span(starts_at: dt.datetime, ends_at: dt.datetime | None) -> int:
    """Number of days of an all-day event (end at local midnight is exclusive)."""
    start = starts_at.astimezone(BERLIN)
    if ends_at is None:
        return 1
    end = ends_at.astimezone(BERLIN)
    last = end.date() if end.time() == dt.time() else end.date() + dt.timedelta(days=1)
    return max(1, (last - start.date()).days)


def in_holidays(day: dt.date, holidays: Sequence[tuple[dt.date, dt.date]]) -> bool:
    return any(first <= day <= last for first, last in holidays)


def expand(
    *,
    starts_at: dt.datetime,
    ends_at: dt.datetime | None,
    is_all_day: bool = False,
    rrule: str = "",
    rdates: Iterable = (),
    exdates: Iterable = (),
    holidays: Sequence[tuple[dt.date, dt.date]] = (),
    skips_holidays: bool = False,
    window: Window,
    limit: int = MAX_OCCURRENCES_PER_EVENT,
) -> list[Slot]:
    """The dates of a series that start inside ``window``, in order.

    - DTSTART always counts as the first date (also when it does not match the rule).
    - RDATE entries are added; a plain date gets the series' start time.
    - EXDATE entries remove dates; a plain date removes every date on that day.
    - ``skips_holidays`` removes the *rule's* dates (including DTSTART) inside a holiday
      period; RDATEs are explicit and stay.
    """
    local_start = starts_at.astimezone(BERLIN).replace(tzinfo=None)
    if is_all_day:
        local_start = local_start.replace(hour=0, minute=0, second=0, microsecond=0)
        days = _all_day_span(starts_at, ends_at)
        duration = None
    else:
        local_start = local_start.replace(microsecond=0)
        days = 0
        duration = (ends_at - starts_at) if ends_at is not None else None

    lo = window.start.astimezone(BERLIN).replace(tzinfo=None) - dt.timedelta(days=1)
    hi = window.end.astimezone(BERLIN).replace(tzinfo=None) + dt.timedelta(days=1)

    rule_dates: set[dt.datetime] = set()
    if lo <= local_start <= hi:
        rule_dates.add(local_start)
    rule_text = normalise_rrule(rrule, is_all_day=is_all_day) if rrule else ""
    if rule_text:
        rule = rrulestr(rule_text, dtstart=local_start)
        for moment in rule.xafter(lo, inc=True):
            if moment > hi:
                break
            if moment >= lo:
                rule_dates.add(moment)
            if len(rule_dates) > limit * 2:
                break
    if skips_holidays and holidays and rule_text:
        rule_dates = {d for d in rule_dates if not in_holidays(d.date(), holidays)}

    extra: set[dt.datetime] = set()
    for value in _parse_list(rdates):
        if isinstance(value, dt.datetime):
            extra.add(value.replace(hour=0, minute=0, second=0) if is_all_day else value)
        else:
            extra.add(dt.datetime.combine(value, local_start.time()))

    excluded_moments: set[dt.datetime] = set()
    excluded_days: set[dt.date] = set()
    for value in _parse_list(exdates):
        if isinstance(value, dt.datetime) and not is_all_day:
            excluded_moments.add(value)
        else:
            excluded_days.add(value if not isinstance(value, dt.datetime) else value.date())

    slots = []
    for moment in sorted(rule_dates | extra):
        if moment in excluded_moments or moment.date() in excluded_days:
            continue
        start = aware_local(moment)
        if not window.contains(start):
            continue
        if is_all_day:
            end = aware_local(moment + dt.timedelta(days=days))
        elif duration is not None:
            end = (start.astimezone(UTC) + duration).astimezone(BERLIN)
        else:
            end = None
        slots.append(Slot(original_start=start, starts_at=start, ends_at=end))
        if len(slots) >= limit:
            break
    return slots


def event_slots(
    event: Event, *, window: Window, holidays: Sequence[tuple[dt.date, dt.date]] = ()
) -> list[Slot]:
    """The dates ``event``'s rule gives inside ``window``."""
    return expand(
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        is_all_day=event.is_all_day,
        rrule=event.rrule,
        rdates=event.rdates,
        exdates=event.exdates,
        holidays=holidays,
        skips_holidays=event.skips_school_holidays,
        window=window,
    )


def can_reach_window(event: Event, window: Window) -> bool:
    """Cheap pre-check for the daily refresh: could the event have dates in the window?"""
    return bool(event.rrule or event.rdates) or event.starts_at >= window.start
