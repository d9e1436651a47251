"""The plain data the demo content is written in. ``familiennetz.demo.services`` turns it into
rows; nothing here touches the database.

Ages are in months of the child (``years(0, 3)`` is 0–35 months, matching the guide's age bands).
Sessions and opening hours are RFC 5545 rules; ``weekly("TU", …)`` and ``monthly("2TU", …)``
spell the common ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field


def _time(value: str) -> dt.time:
    hours, minutes = value.split(":")
    return dt.time(int(hours), int(minutes))


@dataclass(frozen=True)
class Session:
    rrule: str
    opens_at: dt.time | None = None
    closes_at: dt.time | None = None
    note: str = ""
    at: str | None = None  # place key (or OWN); default: the offer's first place
    skips_school_holidays: bool = False


OWN = "<offer>"  # Session.at: a session of the offer itself, without a place (ADR 1540)


def weekly(
    days: str,
    start: str,
    end: str,
    note: str = "",
    at: str | None = None,
    *,
    skips_school_holidays: bool = False,
) -> Session:
    return Session(
        f"FREQ=WEEKLY;BYDAY={days}", _time(start), _time(end), note, at, skips_school_holidays
    )


def monthly(days: str, start: str, end: str, note: str = "", at: str | None = None) -> Session:
    """``days`` like "2TU" (second Tuesday) or "1SA,3SA" or "-1FR" (last Friday)."""
    return Session(f"FREQ=MONTHLY;BYDAY={days}", _time(start), _time(end), note, at)


def yearly(month: int, days: str, start: str, end: str, note: str = "") -> Session:
    """Once a year, e.g. ``yearly(11, "2MO", …)``: the second Monday in November."""
    return Session(f"FREQ=YEARLY;BYMONTH={month};BYDAY={days}", _time(start), _time(end), note)


WORKDAYS = "MO,TU,WE,TH,FR"


def years(lo: int, hi: int) -> tuple[int, int]:
    """Children from their ``lo``-th birthday until just before their ``hi``-th."""
    return lo * 12, hi * 12 - 1


@dataclass(frozen=True)
class DistrictSpec:
    slug: str
    name: str
    latitude: float
    longitude: float
    postal_code: str
    radius: float = 0.003  # degrees of jitter for places in this district
    kind: str = "ortsteil"


@dataclass(frozen=True)
class PlaceSpec:
    key: str  # unique within the alliance; offers refer to places by key
    name: str
    street: str
    district: str  # DistrictSpec.slug
    wheelchair: bool = False
    pram: bool = True
    hours: tuple[Session, ...] = ()
    accessibility_notes: str = ""
    transport: str = ""
    description: str = ""


@dataclass(frozen=True)
class OfferSpec:
    name: str
    summary: str
    description: str
    categories: tuple[str, ...]
    ages: tuple[int | None, int | None] = (None, None)
    pregnancy: bool = False
    fee: str = ""  # shown as "costs"; empty and free=None means free of charge
    free: bool | None = None  # None: free unless a fee is given
    languages: tuple[str, ...] = ("de",)
    participation: str = "open"  # open | registration | referral
    how: str = ""  # participation notes
    sessions: tuple[Session, ...] = ()
    at: tuple[str, ...] = ()  # place keys; default: the organisation's first place
    place_note: str = ""
    checked_days_ago: int | None = None  # None: the builder spreads it over 18 months
    status: str = "published"  # published | draft | archived
    phone: str | None = None  # None: the organisation's phone
    email: str | None = None  # None: the organisation's e-mail
    website: str = ""
    contacts: tuple[str, ...] = ()  # roles, e.g. "Beratung"
    online: bool = False
    accessibility: str = ""

    @property
    def is_free(self) -> bool:
        return self.free if self.free is not None else not self.fee


@dataclass(frozen=True)
class OrganisationSpec:
    key: str  # becomes the slug
    name: str
    kind: str
    description: str
    places: tuple[PlaceSpec, ...] = ()
    offers: tuple[OfferSpec, ...] = ()
    operator: str = ""
    contacts: tuple[str, ...] = ("Leitung",)
    phone: str | None = None  # None: the builder hands out a fictional number
    email: str | None = None  # None: <key>@<alliance e-mail domain>
    website: str = ""


@dataclass(frozen=True)
class AllianceSpec:
    slug: str
    name: str
    region: str
    about: str
    latitude: float
    longitude: float
    map_zoom: int
    city: str
    phone_prefix: str  # "037207" → "037207 1234-501", clearly fictional
    email_domain: str  # below example.org
    districts: tuple[DistrictSpec, ...]
    organisations: Callable  # (random.Random) -> list[OrganisationSpec]
    bounding_box: tuple[float, float, float, float] = field(default=(0, 0, 0, 0))
    # (south, west, north, east): every place lies inside; the tests check it
