"""iCalendar (.ics) export and RSS/Atom feeds of the calendar.

One VEVENT per date. The UID is stable per date of a series: the event's UID plus the date's
*original* start (its RECURRENCE-ID in the series), so a date that is moved or cancelled keeps
its UID and a subscribed calendar updates the entry in place; a cancelled date stays in the feed
with STATUS:CANCELLED (and "Cancelled:" in front of the title for calendars that ignore STATUS).
DTSTAMP and LAST-MODIFIED are the last change of the date or its event; SEQUENCE grows with it.
See docs/adr/0008-occurrences.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.formats import date_format, time_format
from django.utils.http import http_date
from django.utils.translation import gettext as _

from .models import EventStatus
from .occurrences import BERLIN, UTC
from .selectors import Entry

PRODID = "-//familiennetz//Familienkalender//DE"
FEED_CACHE_SECONDS = 15 * 60
_SEQUENCE_EPOCH = dt.datetime(2020, 1, 1, tzinfo=UTC)
_ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.CANCELLED: "CANCELLED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.MOVED_ONLINE: "CONFIRMED",
}

Absolute = Callable[[str], str]


def occurrence_uid(entry: Entry) -> str:
    stamp = entry.original_start.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return f"{stamp}-{entry.event.ical_uid}"


def sequence_for(moment: dt.datetime) -> int:
    """A SEQUENCE that grows with every change (seconds since 2020; fits 32 bits until 2088)."""
    return max(0, int((moment - _SEQUENCE_EPOCH).total_seconds()))


# Europe/Berlin with the EU rules, as calendar servers publish it. RRULEs rather than a list
# of past transitions: every parser we tried reads it correctly (vobject misreads long RDATE
# lists).
VTIMEZONE_BERLIN = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Berlin",
    "X-LIC-LOCATION:Europe/Berlin",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
]


# --- a small RFC 5545 writer ---------------------------------------------------------------
# Written by hand because the feed is on a hot path: building 1,000 VEVENTs with the icalendar
# library's component model took ~1.5 s; these few functions take a fraction of that. The tests
# parse every feed with icalendar and vobject.


def ical_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 3.3.11)."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character (RFC 5545 3.1)."""
    if len(line) <= 75 and line.isascii():
        return line
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while len(data) - start > limit:
        cut = start + limit
        while data[cut] & 0xC0 == 0x80:  # a continuation byte: cut before its character
            cut -= 1
        parts.append(data[start:cut])
        start, limit = cut, 74  # continuation lines start with a space
    parts.append(data[start:])
    return b"\r\n ".join(parts).decode("utf-8")


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _local(moment: dt.datetime) -> str:
    return moment.astimezone(BERLIN).strftime("%Y%m%dT%H%M%S")


def _uri(value: str) -> str:
    return value.replace("\r", "").replace("\n", "")


def display_title(entry: Entry) -> str:
    if entry.status == EventStatus.SCHEDULED:
        return entry.event.title
    return _("%(status)s: %(title)s") % {"status": entry.status_label, "title": entry.event.title}


def _place_text(entry: Entry) -> str:
    location = entry.event.location
    if entry.status == EventStatus.MOVED_ONLINE and entry.event.online_url:
        return entry.event.online_url
    if location is not None:
        return ", ".join(p for p in [location.name, location.address_line] if p)
    return entry.event.online_url


def _about_event(event) -> list[str]:
    """The part of a date's description that is the same for every date of the event."""
    lines = []
    if event.summary:
        lines.append(event.summary)
    lines.append(_("Organiser: %(name)s") % {"name": event.organisation.name})
    if event.is_free:
        lines.append(_("Free of charge"))
    elif event.fee_description:
        lines.append(_("Costs: %(costs)s") % {"costs": event.fee_description})
    if event.requires_registration:
        lines.append(_("Registration required."))
    return lines


def _description(entry: Entry, url: str, about: list[str] | None = None) -> str:
    lines = []
    if entry.status != EventStatus.SCHEDULED or entry.note:
        lines.append(" – ".join(p for p in [entry.status_label, entry.note] if p))
    if entry.is_moved:
        lines.append(
            _("Moved from %(date)s.")
            % {"date": date_format(entry.original_start.astimezone(BERLIN), "DATETIME_FORMAT")}
        )
    lines += _about_event(entry.event) if about is None else about
    lines.append(url)
    return "\n\n".join(lines)


class _PerEvent:
    """What a feed writes the same way for every date of an event, computed once per event
    (a feed of 1,000 dates usually has far fewer events)."""

    def __init__(self):
        self._parts: dict[int, tuple[list[str], list[str]]] = {}

    def get(self, event, *, categories: bool) -> tuple[list[str], list[str]]:
        parts = self._parts.get(event.pk)
        if parts is None:
            tail = []
            location = event.location
            if location is not None and location.has_coordinates:
                tail.append(f"GEO:{location.latitude:.6f};{location.longitude:.6f}")
            if categories:
                labels = [ical_text(category.label) for category in event.categories.all()]
                if labels:
                    tail.append(f"CATEGORIES:{','.join(labels)}")
            parts = self._parts[event.pk] = (_about_event(event), tail)
        return parts


def occurrence_lines(
    entry: Entry,
    absolute: Absolute,
    *,
    categories: bool = True,
    per_event: _PerEvent | None = None,
) -> list[str]:
    """The VEVENT of one date (unfolded content lines)."""
    about, tail = (per_event or _PerEvent()).get(entry.event, categories=categories)
    url = _uri(absolute(entry.url))
    modified = entry.last_modified
    lines = [
        "BEGIN:VEVENT",
        f"UID:{ical_text(occurrence_uid(entry))}",
        f"DTSTAMP:{_utc(modified)}",
        f"LAST-MODIFIED:{_utc(modified)}",
        f"CREATED:{_utc(entry.occurrence.created_at)}",
        f"SEQUENCE:{sequence_for(modified)}",
        f"SUMMARY:{ical_text(display_title(entry))}",
    ]
    if entry.is_all_day:
        lines.append(f"DTSTART;VALUE=DATE:{entry.local_start.date():%Y%m%d}")
        lines.append(f"DTEND;VALUE=DATE:{entry.last_day + dt.timedelta(days=1):%Y%m%d}")
    else:
        lines.append(f"DTSTART;TZID=Europe/Berlin:{_local(entry.starts_at)}")
        if entry.ends_at is not None:
            lines.append(f"DTEND;TZID=Europe/Berlin:{_local(entry.ends_at)}")
    lines.append(f"STATUS:{_ICAL_STATUS[entry.status]}")
    lines.append(f"DESCRIPTION:{ical_text(_description(entry, url, about))}")
    if place := _place_text(entry):
        lines.append(f"LOCATION:{ical_text(place)}")
    lines.append(f"URL:{url}")
    lines.append("CLASS:PUBLIC")
    lines.append("TRANSP:TRANSPARENT" if entry.is_cancelled else "TRANSP:OPAQUE")
    lines += tail  # GEO, CATEGORIES
    lines.append("END:VEVENT")
    return lines


def _fast_absolute(absolute: Absolute) -> Absolute:
    """``absolute`` for site-relative paths without parsing every one (build_absolute_uri)."""
    base = absolute("/")[:-1]
    return lambda path: base + path if path.startswith("/") else absolute(path)


def build_calendar(
    entries: Iterable[Entry], absolute: Absolute, *, name: str, description: str = ""
) -> bytes:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"NAME:{ical_text(name)}",
        f"X-WR-CALNAME:{ical_text(name)}",
    ]
    if description:
        lines.append(f"X-WR-CALDESC:{ical_text(description)}")
    lines += [
        "X-WR-TIMEZONE:Europe/Berlin",
        "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
        "X-PUBLISHED-TTL:PT6H",
        *VTIMEZONE_BERLIN,
    ]
    per_event, absolute = _PerEvent(), _fast_absolute(absolute)
    for entry in entries:
        lines.extend(occurrence_lines(entry, absolute, per_event=per_event))
    lines.append("END:VCALENDAR")
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode("utf-8")


def last_modified_of(entries: Iterable[Entry], *, floor: dt.datetime | None = None):
    moments = [entry.last_modified for entry in entries]
    if floor is not None:
        moments.append(floor)
    return max(moments) if moments else None


def ical_response(
    request: HttpRequest,
    body: bytes,
    *,
    last_modified: dt.datetime | None,
    filename: str,
    attachment: bool = False,
) -> HttpResponse:
    """The .ics with a content ETag and Last-Modified; 304 when the client has it already."""
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["ETag"] = etag
    timestamp = int(last_modified.timestamp()) if last_modified else None
    if timestamp is not None:
        response["Last-Modified"] = http_date(timestamp)
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    patch_cache_control(response, public=True, max_age=FEED_CACHE_SECONDS)
    return get_conditional_response(request, etag=etag, last_modified=timestamp, response=response)


# --- RSS / Atom ----------------------------------------------------------------------------


class UpcomingEventsRss(Feed):
    """Upcoming dates as RSS; the view passes what to show (alliance, entries, links)."""

    feed_type = Rss201rev2Feed

    def __init__(self, *, alliance, entries: list[Entry], link: str, title_suffix: str = ""):
        self.alliance = alliance
        self.entries = entries
        self.feed_link = link
        self.title_suffix = title_suffix

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return None

    def title(self) -> str:
        title = _("%(alliance)s – family calendar") % {"alliance": self.alliance.name}
        return f"{title} ({self.title_suffix})" if self.title_suffix else title

    def link(self) -> str:
        return self.feed_link

    def description(self) -> str:
        return _("Upcoming events for families.")

    def items(self) -> list[Entry]:
        return self.entries

    def item_title(self, entry: Entry) -> str:
        when = date_format(entry.local_start, "SHORT_DATE_FORMAT")
        if not entry.is_all_day:
            when = f"{when} {time_format(entry.local_start, 'TIME_FORMAT')}"
        return f"{when} · {display_title(entry)}"

    def item_description(self, entry: Entry) -> str:
        return _description(entry, self.request.build_absolute_uri(entry.url))

    def item_link(self, entry: Entry) -> str:
        return entry.url

    def item_guid(self, entry: Entry) -> str:
        return occurrence_uid(entry)

    item_guid_is_permalink = False

    def item_pubdate(self, entry: Entry) -> dt.datetime:
        return entry.occurrence.created_at

    def item_updateddate(self, entry: Entry) -> dt.datetime:
        return entry.last_modified

    def item_author_name(self, entry: Entry) -> str:
        return entry.event.organisation.name

    def item_categories(self, entry: Entry) -> list[str]:
        return [category.label for category in entry.event.categories.all()]

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=FEED_CACHE_SECONDS)
        return response


class UpcomingEventsAtom(UpcomingEventsRss):
    feed_type = Atom1Feed

    def subtitle(self) -> str:
        return self.description()
