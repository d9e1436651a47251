"""From .ics bytes to plain data (``ParsedCalendar``): no database, no network.

Forgiving with real-world files; every VEVENT that cannot be used is recorded with a reason.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
from dateutil.rrule import rrulestr
from django.utils.translation import gettext as _

from familiennetz.events.occurrences import RecurrenceError, normalise_rrule

from .reading import (
    BERLIN,
    CONTROL_CHARS,
    MAX_DESCRIPTION,
    MAX_NOTE,
    MAX_RDATES,
    MAX_RRULE,
    MAX_TITLE,
    MAX_UID,
    MAX_WARNINGS_PER_KIND,
    Skip,
    first_value,
    plain_text,
    read_calendars,
    text_value,
    truncate,
)

logger = logging.getLogger(__name__)


@dataclass
class DateChange:
    """A RECURRENCE-ID override: one date of a series moved, changed or cancelled."""

    vevent: int
    original_start: dt.datetime  # aware; the date the rule gave
    starts_at: dt.datetime
    ends_at: dt.datetime | None
    is_cancelled: bool
    note: str = ""


@dataclass
class ParsedEvent:
    vevent: int
    key: str  # stored in Event.uid: the UID, or a stable hash when the VEVENT has none
    title: str
    description: str
    place: str
    url: str
    categories: list[str]
    starts_at: dt.datetime  # aware
    ends_at: dt.datetime | None
    is_all_day: bool
    rrule: str = ""
    rdates: list[str] = field(default_factory=list)
    exdates: list[str] = field(default_factory=list)
    is_cancelled: bool = False
    sequence: int = 0
    changes: list[DateChange] = field(default_factory=list)
    geo: tuple[float, float] | None = None  # GEO: (latitude, longitude)
    organizer_email: str = ""  # ORGANIZER mailto:, lower case
    organizer_name: str = ""  # ORGANIZER;CN=


@dataclass
class ParsedCalendar:
    name: str = ""
    vevent_count: int = 0
    events: list[ParsedEvent] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class _TimeReader:
    """Turns DTSTART-like values into aware datetimes (or local midnight for dates)."""

    def __init__(self, default_zone: ZoneInfo):
        self.default_zone = default_zone

    def read(self, prop, warn) -> tuple[dt.datetime, bool]:
        """(aware datetime, is_date) for a vDDDTypes property; raises ValueError."""
        value = getattr(prop, "dt", None)
        if isinstance(value, tuple):  # PERIOD: (start, end or duration)
            value = value[0]
        if isinstance(value, dt.datetime):
            if value.tzinfo is None or value.utcoffset() is None:
                tzid = prop.params.get("TZID") if hasattr(prop, "params") else None
                if tzid:
                    warn(
                        "unknown_tz",
                        _("Unknown time zone %(tzid)s: times read as Europe/Berlin.")
                        % {"tzid": tzid},
                    )
                value = value.replace(tzinfo=self.default_zone)
            return value.astimezone(BERLIN), False
        if isinstance(value, dt.date):
            return dt.datetime.combine(value, dt.time(0), tzinfo=BERLIN), True
        raise ValueError("not a date or date-time")


def local_iso(value: dt.datetime, *, all_day: bool) -> str:
    """The stored form of RDATE/EXDATE entries: Europe/Berlin local time, ISO 8601."""
    local = value.astimezone(BERLIN)
    if all_day:
        return local.date().isoformat()
    return local.replace(tzinfo=None).isoformat(timespec="seconds")


def _date_list(component, name: str, reader: _TimeReader, warn) -> list[dt.datetime]:
    values = component.get(name)
    if values is None:
        return []
    result = []
    for entry in values if isinstance(values, list) else [values]:
        for prop in getattr(entry, "dts", []):
            try:
                result.append(reader.read(prop, warn)[0])
            except ValueError:
                warn(
                    "bad_date_list", _("An unreadable %(name)s entry was ignored.") % {"name": name}
                )
        if not hasattr(entry, "dts"):
            warn("bad_date_list", _("An unreadable %(name)s entry was ignored.") % {"name": name})
    return result


def _rrule_text(component, start: dt.datetime, is_all_day: bool) -> str:
    """RRULE in local time; ``""`` if none. Raises ValueError if unreadable."""
    value = component.get("RRULE")
    if value is None:
        return ""
    value = first_value(value)
    if not isinstance(value, icalendar.vRecur) or not value.get("FREQ"):
        raise ValueError("unreadable")
    rule = icalendar.vRecur({k: v for k, v in value.items() if k != "UNTIL"}).to_ical().decode()
    until = value.get("UNTIL")
    if until:
        until = first_value(until)
        if isinstance(until, dt.datetime):
            if until.tzinfo is not None:
                until = until.astimezone(BERLIN).replace(tzinfo=None)
            text = until.strftime("%Y%m%d") if is_all_day else until.strftime("%Y%m%dT%H%M%S")
        elif isinstance(until, dt.date):
            text = until.strftime("%Y%m%d") + ("" if is_all_day else "T235959")
        else:
            raise ValueError("unreadable UNTIL")
        rule += f";UNTIL={text}"
    # The calendar's own check (what event_sync_occurrences will evaluate), then a trial
    # expansion from this DTSTART: raises ValueError (RecurrenceError) on nonsense.
    rule = normalise_rrule(rule, is_all_day=is_all_day)
    rrulestr(rule, dtstart=start.astimezone(BERLIN).replace(tzinfo=None))
    return rule


def _same_offsets_as_berlin(zone, around: dt.datetime) -> bool:
    for days in (0, 91, 182, 273):
        moment = around + dt.timedelta(days=days)
        if moment.astimezone(zone).utcoffset() != moment.astimezone(BERLIN).utcoffset():
            return False
    return True


def _stable_key(start: dt.datetime, summary: str, place: str) -> str:
    digest = hashlib.sha256(
        "\x1f".join([start.astimezone(dt.UTC).isoformat(), summary, place]).encode()
    ).hexdigest()
    return f"familiennetz-import-{digest[:40]}"


def _uid_key(uid: str) -> str:
    """UIDs longer than the field are replaced by a hash of themselves (stable as well)."""
    if len(uid) <= MAX_UID:
        return uid
    return "familiennetz-uid-" + hashlib.sha256(uid.encode()).hexdigest()[:48]


# --- parsing ------------------------------------------------------------------------------


class _VeventError(Exception):
    def __init__(self, code: str, reason: str):
        super().__init__(reason)
        self.code, self.reason = code, reason


def parse_ics(data: bytes | str) -> ParsedCalendar:
    """Parse an .ics file into plain data. Pure: no database, no network.

    Raises ``IcalImportError`` only if the file as a whole cannot be used.
    """
    calendars, warnings = read_calendars(data)
    result = ParsedCalendar(warnings=warnings)
    seen_warnings: dict[str, int] = {}

    def warn(kind: str, message: str) -> None:
        seen_warnings[kind] = seen_warnings.get(kind, 0) + 1
        if seen_warnings[kind] <= MAX_WARNINGS_PER_KIND:
            result.warnings.append(message)

    masters: dict[str, ParsedEvent] = {}
    overrides: list[tuple[int, str, object, ParsedEvent | None]] = []
    number = 0
    for calendar in calendars:
        if not result.name:
            result.name = text_value(calendar, "X-WR-CALNAME")[:200]
        default_zone = BERLIN
        wr_zone = text_value(calendar, "X-WR-TIMEZONE")
        if wr_zone:
            with contextlib.suppress(ZoneInfoNotFoundError, ValueError):
                default_zone = ZoneInfo(wr_zone)
        reader = _TimeReader(default_zone)
        for component in calendar.walk("VEVENT"):
            number += 1
            summary = text_value(component, "SUMMARY")
            try:
                parsed, recurrence_id = _parse_vevent(component, number, reader, warn)
            except _VeventError as exc:
                result.skipped.append(Skip(number, summary[:80], exc.code, exc.reason))
                continue
            except Exception as exc:  # a parser oddity must not end the whole import
                logger.warning("VEVENT %s could not be read", number, exc_info=True)
                result.skipped.append(
                    Skip(
                        number,
                        summary[:80],
                        "unreadable",
                        _("could not be read (%(error)s)") % {"error": type(exc).__name__},
                    )
                )
                continue
            if recurrence_id is not None:
                overrides.append((number, summary, recurrence_id, parsed))
                continue
            previous = masters.get(parsed.key)
            if previous is not None:
                keep, drop = (
                    (parsed, previous)
                    if parsed.sequence > previous.sequence
                    else (previous, parsed)
                )
                result.skipped.append(
                    Skip(
                        drop.vevent,
                        drop.title[:80],
                        "duplicate",
                        _("same UID as VEVENT %(number)s, which was used instead")
                        % {"number": keep.vevent},
                    )
                )
                masters[parsed.key] = keep
                continue
            masters[parsed.key] = parsed
    result.vevent_count = number

    for number, summary, recurrence_id, parsed in overrides:
        master = masters.get(parsed.key)
        if master is None:
            # A changed date of a series that is not in the file (the organiser shared only
            # this date, or deleted the series): keep it as a single event of its own.
            parsed.key = _uid_key(f"{parsed.key}#{local_iso(recurrence_id, all_day=False)}")
            masters[parsed.key] = parsed
            warn(
                "orphan",
                _(
                    "VEVENT %(number)s changes one date of a series that is not in the file;"
                    " it was imported as a single event."
                )
                % {"number": number},
            )
            continue
        if recurrence_id in {change.original_start for change in master.changes}:
            result.skipped.append(
                Skip(number, summary[:80], "duplicate", _("the same date was changed twice"))
            )
            continue
        note = ""
        if parsed.title and parsed.title != master.title:
            note = truncate(parsed.title, MAX_NOTE)[0]
        master.changes.append(
            DateChange(
                vevent=number,
                original_start=recurrence_id,
                starts_at=parsed.starts_at,
                ends_at=parsed.ends_at,
                is_cancelled=parsed.is_cancelled,
                note=note,
            )
        )
    result.events = sorted(masters.values(), key=lambda event: event.vevent)
    for kind, count in seen_warnings.items():
        if count > MAX_WARNINGS_PER_KIND:
            result.warnings.append(
                _("… and %(count)s more warnings like these (%(kind)s).")
                % {"count": count - MAX_WARNINGS_PER_KIND, "kind": kind}
            )
    return result


def _parse_vevent(component, number: int, reader: _TimeReader, warn):
    """(ParsedEvent, recurrence id or None) for one VEVENT; raises _VeventError to skip it."""

    def event_warn(kind: str, message: str) -> None:
        warn(kind, _("VEVENT %(number)s: %(message)s") % {"number": number, "message": message})

    summary = text_value(component, "SUMMARY")
    start_prop = first_value(component.get("DTSTART"))
    if start_prop is None:
        raise _VeventError("no_dtstart", _("no DTSTART"))
    if isinstance(start_prop, icalendar.vBroken) or not hasattr(start_prop, "dt"):
        raise _VeventError(
            "bad_dtstart",
            _("DTSTART could not be read (%(value)s)") % {"value": str(start_prop)[:40]},
        )
    try:
        starts_at, is_all_day = reader.read(start_prop, event_warn)
    except ValueError:
        raise _VeventError("bad_dtstart", _("DTSTART is not a date")) from None
    if not summary:
        raise _VeventError("no_summary", _("no SUMMARY (title)"))

    ends_at = None
    end_prop = first_value(component.get("DTEND"))
    duration_prop = first_value(component.get("DURATION"))
    if end_prop is not None and not isinstance(end_prop, icalendar.vBroken):
        try:
            ends_at, _is_date = reader.read(end_prop, event_warn)
        except ValueError:
            event_warn("bad_dtend", _("DTEND could not be read and was ignored."))
    elif end_prop is not None:
        event_warn("bad_dtend", _("DTEND could not be read and was ignored."))
    elif isinstance(getattr(duration_prop, "dt", None), dt.timedelta):
        ends_at = starts_at + duration_prop.dt
        if is_all_day:  # a day is a calendar day, also on the day the clocks change
            ends_at = dt.datetime.combine(
                starts_at.date() + dt.timedelta(days=duration_prop.dt.days),
                dt.time(0),
                tzinfo=BERLIN,
            )
    if is_all_day and ends_at is None:
        ends_at = dt.datetime.combine(starts_at.date() + dt.timedelta(days=1), dt.time(0), BERLIN)
    if ends_at is not None and ends_at < starts_at:
        event_warn("end_before_start", _("ends before it starts; the end was ignored."))
        ends_at = None
    if is_all_day and ends_at == starts_at:
        ends_at = dt.datetime.combine(starts_at.date() + dt.timedelta(days=1), dt.time(0), BERLIN)

    place = text_value(component, "LOCATION")
    uid = text_value(component, "UID")
    key = _uid_key(uid) if uid else _stable_key(starts_at, summary, place)

    recurrence_id = None
    recurrence_prop = first_value(component.get("RECURRENCE-ID"))
    if recurrence_prop is not None and uid:
        try:
            recurrence_id = reader.read(recurrence_prop, event_warn)[0]
        except (ValueError, AttributeError):
            raise _VeventError("bad_recurrence_id", _("RECURRENCE-ID could not be read")) from None
        if recurrence_prop.params.get("RANGE"):
            event_warn("range", _("RANGE=THISANDFUTURE is not supported; only this date changed."))

    title, cut = truncate(summary, MAX_TITLE)
    if cut:
        event_warn(
            "truncated", _("the title was shortened to %(n)s characters.") % {"n": MAX_TITLE}
        )
    description = text_value(component, "DESCRIPTION")
    if not description:
        description = text_value(component, "X-ALT-DESC")
    description, cut = truncate(plain_text(description), MAX_DESCRIPTION)
    if cut:
        event_warn(
            "truncated",
            _("the description was shortened to %(n)s characters.") % {"n": MAX_DESCRIPTION},
        )

    categories: list[str] = []
    values = component.get("CATEGORIES")
    for entry in values if isinstance(values, list) else ([values] if values is not None else []):
        for cat in getattr(entry, "cats", []):
            text = CONTROL_CHARS.sub("", str(cat)).strip()
            if text and text not in categories:
                categories.append(text[:200])

    status = text_value(component, "STATUS").upper()
    try:
        sequence = int(text_value(component, "SEQUENCE") or 0)
    except ValueError:
        sequence = 0

    rrule = ""
    rdates: list[str] = []
    exdates: list[str] = []
    if recurrence_id is None:
        try:
            rrule = _rrule_text(component, starts_at, is_all_day)
        except RecurrenceError as exc:
            raise _VeventError(
                "bad_rrule",
                _("the repeat rule (RRULE) cannot be used: %(error)s") % {"error": exc},
            ) from None
        except (ValueError, TypeError, KeyError, IndexError):
            raise _VeventError(
                "bad_rrule", _("the repeat rule (RRULE) could not be read")
            ) from None
        if len(rrule) > MAX_RRULE:
            raise _VeventError(
                "bad_rrule",
                _("the repeat rule (RRULE) is longer than %(n)s characters") % {"n": MAX_RRULE},
            )
        if isinstance(component.get("RRULE"), list) and len(component.get("RRULE")) > 1:
            event_warn("rrules", _("has several RRULEs; only the first was used."))
        rdates = sorted(
            {
                local_iso(d, all_day=is_all_day)
                for d in _date_list(component, "RDATE", reader, event_warn)
            }
        )[:MAX_RDATES]
        exdates = sorted(
            {
                local_iso(d, all_day=is_all_day)
                for d in _date_list(component, "EXDATE", reader, event_warn)
            }
        )[:MAX_RDATES]
        zone = getattr(start_prop.dt, "tzinfo", None)
        if (rrule or rdates) and zone is not None and not _same_offsets_as_berlin(zone, starts_at):
            event_warn(
                "zone",
                _("repeats in time zone %(zone)s; the dates follow Europe/Berlin local time.")
                % {"zone": str(zone)},
            )

    parsed = ParsedEvent(
        vevent=number,
        key=key,
        title=title,
        description=description,
        place=place[:1000],
        url=text_value(component, "URL")[:1000],
        categories=categories,
        starts_at=starts_at,
        ends_at=ends_at,
        is_all_day=is_all_day,
        rrule=rrule,
        rdates=rdates,
        exdates=exdates,
        is_cancelled=status == "CANCELLED",
        sequence=sequence,
        geo=_geo(component, event_warn),
        **_organizer(component),
    )
    return parsed, recurrence_id


def _geo(component, warn) -> tuple[float, float] | None:
    """GEO as (latitude, longitude) if it is readable and in range."""
    value = first_value(component.get("GEO"))
    if value is None:
        return None
    try:
        lat, lon = float(value.latitude), float(value.longitude)
    except (AttributeError, TypeError, ValueError):
        warn("bad_geo", _("GEO could not be read and was ignored."))
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        warn("bad_geo", _("GEO is out of range and was ignored."))
        return None
    return lat, lon


def _organizer(component) -> dict:
    value = first_value(component.get("ORGANIZER"))
    if value is None:
        return {}
    address = CONTROL_CHARS.sub("", str(value)).strip()
    email = address[7:] if address.lower().startswith("mailto:") else ""
    name = CONTROL_CHARS.sub("", str(getattr(value, "params", {}).get("CN", ""))).strip()
    return {"organizer_email": email.lower()[:254], "organizer_name": name[:300]}
