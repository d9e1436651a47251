"""School holidays and other closures of an alliance, imported from an .ics file.

A holiday calendar (e.g. the Saxon school holidays) has one all-day VEVENT per period;
DTEND is exclusive (RFC 5545), ``HolidayPeriod.ends_on`` is the last day. Importing is
idempotent: a period is found again by its UID, or by its dates when the file has no UIDs.
Events that skip school holidays get their dates regenerated after a change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import icalendar
from django.db import transaction
from django.utils.translation import gettext as _

from familiennetz.events import services as calendar_services
from familiennetz.events.ical_import import (
    BERLIN,
    IcalImportError,
    Skip,
    read_calendars,
    text_value,
)
from familiennetz.events.models import HolidayPeriod

MAX_NAME = HolidayPeriod._meta.get_field("name").max_length
MAX_UID = HolidayPeriod._meta.get_field("uid").max_length
MAX_DAYS = 366  # longer "holidays" are mistakes (a VEVENT with DTEND years later)


@dataclass(frozen=True)
class ParsedHoliday:
    vevent: int
    uid: str
    name: str
    starts_on: dt.date
    ends_on: dt.date  # inclusive


@dataclass
class HolidayReport:
    alliance: str
    dry_run: bool = False
    vevents: int = 0
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    events_resynced: int = 0

    def lines(self) -> list[str]:
        out = [_("Holiday calendar → alliance %(alliance)s") % {"alliance": self.alliance}]
        out += [
            f"  {label}: {value}"
            for label, value in (
                (_("VEVENTs read"), self.vevents),
                (_("imported"), len(self.created)),
                (_("updated"), len(self.updated)),
                (_("unchanged"), len(self.unchanged)),
                (_("skipped"), len(self.skipped)),
            )
        ]
        out += [f"    {skip}" for skip in self.skipped]
        if self.warnings:
            out.append(f"  {_('warnings')}: {len(self.warnings)}")
            out += [f"    {warning}" for warning in self.warnings]
        if self.events_resynced:
            out.append(
                "  "
                + _("dates regenerated for %(count)s events that skip school holidays")
                % {"count": self.events_resynced}
            )
        if self.dry_run:
            out.append("  " + _("Dry run: nothing was saved."))
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())


def _as_date(prop, *, is_end: bool) -> dt.date:
    value = getattr(prop, "dt", None)
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=BERLIN)
        local = value.astimezone(BERLIN)
        # An end at midnight means "up to the day before"; any later time, that day
        if is_end and local.time() == dt.time(0):
            return local.date() - dt.timedelta(days=1)
        return local.date()
    if isinstance(value, dt.date):
        return value - dt.timedelta(days=1) if is_end else value
    raise ValueError("not a date")


def parse_holidays(data: bytes | str) -> tuple[list[ParsedHoliday], list[Skip], list[str], int]:
    """(periods, skipped VEVENTs, warnings, number of VEVENTs). Pure: no database."""
    calendars, warnings = read_calendars(data)
    periods: list[ParsedHoliday] = []
    skipped: list[Skip] = []
    seen: dict[str, int] = {}
    number = 0
    for calendar in calendars:
        for component in calendar.walk("VEVENT"):
            number += 1
            name = text_value(component, "SUMMARY")
            label = name[:80]
            start_prop = component.get("DTSTART")
            if start_prop is None:
                skipped.append(Skip(number, label, "no_dtstart", _("no DTSTART")))
                continue
            if not name:
                skipped.append(Skip(number, label, "no_summary", _("no SUMMARY (title)")))
                continue
            try:
                starts_on = _as_date(start_prop, is_end=False)
            except (ValueError, TypeError):
                skipped.append(Skip(number, label, "bad_dtstart", _("DTSTART could not be read")))
                continue
            end_prop = component.get("DTEND")
            ends_on = starts_on
            if end_prop is not None and not isinstance(end_prop, icalendar.vBroken):
                try:
                    ends_on = max(_as_date(end_prop, is_end=True), starts_on)
                except (ValueError, TypeError):
                    warnings.append(
                        _("VEVENT %(number)s: DTEND could not be read; one day assumed.")
                        % {"number": number}
                    )
            elif isinstance(getattr(component.get("DURATION"), "dt", None), dt.timedelta):
                days = component.get("DURATION").dt.days
                ends_on = starts_on + dt.timedelta(days=max(days - 1, 0))
            if (ends_on - starts_on).days >= MAX_DAYS:
                skipped.append(
                    Skip(
                        number,
                        label,
                        "too_long",
                        _("lasts more than a year (%(start)s to %(end)s)")
                        % {"start": starts_on.isoformat(), "end": ends_on.isoformat()},
                    )
                )
                continue
            if component.get("RRULE") is not None:
                warnings.append(
                    _("VEVENT %(number)s: the repeat rule was ignored; only the first period.")
                    % {"number": number}
                )
            uid = text_value(component, "UID")[:MAX_UID]
            identity = uid or f"{starts_on}/{ends_on}"
            if identity in seen:
                skipped.append(
                    Skip(
                        number,
                        label,
                        "duplicate",
                        _("same period as VEVENT %(number)s") % {"number": seen[identity]},
                    )
                )
                continue
            seen[identity] = number
            periods.append(ParsedHoliday(number, uid, name[:MAX_NAME], starts_on, ends_on))
    return periods, skipped, warnings, number


def holiday_periods_import(*, alliance, data: bytes | str, dry_run: bool = False) -> HolidayReport:
    """Import holiday periods into ``alliance``; all or nothing. Raises IcalImportError."""
    periods, skipped, warnings, count = parse_holidays(data)
    report = HolidayReport(
        alliance=alliance.slug, dry_run=dry_run, vevents=count, skipped=skipped, warnings=warnings
    )
    with transaction.atomic():
        existing = list(HolidayPeriod.objects.for_alliance(alliance))
        by_uid = {period.uid: period for period in existing if period.uid}
        by_dates = {(period.starts_on, period.ends_on): period for period in existing}
        for item in periods:
            label = f"{item.name} ({item.starts_on:%d.%m.%Y}–{item.ends_on:%d.%m.%Y})"
            period = by_uid.get(item.uid) if item.uid else None
            if period is None:
                period = by_dates.get((item.starts_on, item.ends_on))
                if period is not None and period.uid and item.uid and period.uid != item.uid:
                    period = None  # the same dates, but another calendar's period
            values = {
                "name": item.name,
                "starts_on": item.starts_on,
                "ends_on": item.ends_on,
                "uid": item.uid,
            }
            if period is None:
                period = HolidayPeriod.objects.create(alliance=alliance, **values)
                by_dates[(item.starts_on, item.ends_on)] = period
                report.created.append(label)
                continue
            if not item.uid:
                values["uid"] = period.uid  # keep a UID an earlier file gave
            changed = [name for name, value in values.items() if getattr(period, name) != value]
            if changed:
                for name in changed:
                    setattr(period, name, values[name])
                period.save(update_fields=[*changed, "updated_at"])
                report.updated.append(label)
            else:
                report.unchanged.append(label)
        if report.created or report.updated:
            report.events_resynced = calendar_services.alliance_holidays_changed(
                alliance=alliance
            ).events
        if dry_run:
            transaction.set_rollback(True)
    return report


__all__ = [
    "HolidayReport",
    "IcalImportError",
    "ParsedHoliday",
    "holiday_periods_import",
    "parse_holidays",
]
