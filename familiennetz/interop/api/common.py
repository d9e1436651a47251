"""Shared parts of our two APIs: error shapes, the alliance in the path, pagination."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Annotated

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Path
from pydantic import AfterValidator, BeforeValidator

from familiennetz.alliances.models import Alliance
from familiennetz.alliances.scopes import narrow_request_scope

from .schemas import ErrorOut, ValidationErrorOut

SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
AllianceSlug = Annotated[
    str,
    Path(
        description="Short name of the network (alliance), as in its public URL.",
        pattern=SLUG_PATTERN,
        max_length=60,
        examples=["hainichen"],
    ),
]
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")


def _iso_text(value):
    """Only ISO 8601 text: pydantic would also read numbers as Unix timestamps."""
    if isinstance(value, str) and _ISO.match(value.strip()):
        return value.strip()
    raise ValueError("expected an ISO 8601 date or date and time, e.g. 2026-11-30T08:00:00Z")


def _in_utc(value: dt.datetime) -> dt.datetime:
    """Aware and in UTC (databases limit UTC offsets; PostgreSQL to ±15:59); naive times are
    local (Europe/Berlin)."""
    try:
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        return value.astimezone(dt.UTC)
    except (OverflowError, ValueError) as exc:
        raise ValueError("the date and time is out of range") from exc


IsoDateTime = Annotated[dt.datetime, BeforeValidator(_iso_text), AfterValidator(_in_utc)]


# The calendar's years: dates outside are a documented 422 (query dates, an event's start).
FIRST_YEAR, LAST_YEAR = 1900, 2200
CALENDAR_YEARS = r"^(?:19[0-9]{2}|2[01][0-9]{2}|2200)-"  # FIRST_YEAR to LAST_YEAR, as written


def _calendar_range(value: dt.date) -> dt.date:
    if not dt.date(FIRST_YEAR, 1, 1) <= value <= dt.date(LAST_YEAR, 12, 31):
        raise ValueError("dates from 1900 to 2200 only")
    return value


def _calendar_years(value):
    """The same range for a date and time, by the year as written (an offset may move the UTC
    moment across a new year; the pattern the document states reads the text)."""
    year = value.strip()[:4] if isinstance(value, str) else ""
    if year.isdigit() and not FIRST_YEAR <= int(year) <= LAST_YEAR:
        raise ValueError("dates from 1900 to 2200 only")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_text), AfterValidator(_calendar_range)]
# A date and time of the calendar (an event's start and end).
CalendarDateTime = Annotated[
    IsoDateTime,
    BeforeValidator(_calendar_years),
    Field(json_schema_extra={"pattern": CALENDAR_YEARS}),
]
# Every 4xx a read operation can give (414: ApiHttpMiddleware's query-string limit, 429: the
# rate limit); write operations add 401, 403 and 413 (write.py).
ERRORS = {400: ErrorOut, 404: ErrorOut, 414: ErrorOut, 422: ValidationErrorOut, 429: ErrorOut}
MAX_PAGE_SIZE = 100


def alliance_get(slug: str) -> Alliance:
    """The active alliance with this slug, or 404 (also for inactive ones)."""
    alliance = Alliance.objects.active().filter(slug=slug).first()
    if alliance is None:
        raise Http404(_("There is no network with this name."))
    narrow_request_scope(alliance)
    return alliance


def paginate(items, *, page: int, page_size: int) -> tuple[list, dict]:
    """A page of a queryset or list and the envelope fields (count, page, pages, page_size).
    Pages after the last are empty (not the last page again)."""
    count = items.count() if hasattr(items, "count") and not isinstance(items, list) else len(items)
    start = (page - 1) * page_size
    chunk = list(items[start : start + page_size]) if start < count else []
    meta = {
        "count": count,
        "page": page,
        "pages": max(1, math.ceil(count / page_size)),
        "page_size": page_size,
    }
    return chunk, meta


def latest(values) -> object | None:
    """The newest of some datetimes (for Last-Modified), ignoring None."""
    values = [value for value in values if value is not None]
    return max(values) if values else None
