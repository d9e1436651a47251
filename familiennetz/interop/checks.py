"""Checks every import applies to values before they reach a model: each returns the cleaned
value or raises ``Invalid`` with a message for the report (German via gettext)."""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.translation import gettext as _

from .tabular_io import parse_number


class Invalid(ValueError):
    """The value cannot be used; ``str(exc)`` says why."""


def normalise_url(url: str) -> str:
    """'www.x.de' → 'https://www.x.de'; 'https:\\\\www.x.de' → 'https://www.x.de'; '' if
    the result is still not a URL."""
    url = url.strip().replace("\\", "/")
    if not url:
        return ""
    if not re.match(r"^https?://", url, re.IGNORECASE):
        url = "https://" + url.lstrip("/")
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        return ""
    return url


def clean_url(value) -> str:
    text = str(value or "").strip()
    if not text:
        return ""
    url = normalise_url(text)
    if not url or len(url) > 200:
        raise Invalid(_("“%(value)s” is not a web address.") % {"value": text[:80]})
    return url


def clean_email(value) -> str:
    text = str(value or "").strip().removeprefix("mailto:")
    if not text:
        return ""
    try:
        validate_email(text)
    except ValidationError:
        raise Invalid(_("“%(value)s” is not an e-mail address.") % {"value": text[:80]}) from None
    if len(text) > 254:
        raise Invalid(_("The e-mail address is too long."))
    return text


def clean_coordinates(lat, lon) -> tuple[float | None, float | None]:
    """Both or neither; numbers in range (German decimal commas accepted)."""
    missing_lat = lat in (None, "")
    missing_lon = lon in (None, "")
    if missing_lat and missing_lon:
        return None, None
    if missing_lat or missing_lon:
        raise Invalid(_("Latitude and longitude must be given together."))
    try:
        latitude, longitude = parse_number(lat), parse_number(lon)
    except ValueError:
        raise Invalid(
            _("“%(lat)s, %(lon)s” are not coordinates.") % {"lat": lat, "lon": lon}
        ) from None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise Invalid(
            _("The coordinates %(lat)s, %(lon)s are out of range.")
            % {"lat": latitude, "lon": longitude}
        )
    return round(latitude, 7), round(longitude, 7)


def clean_text(value, max_length: int) -> tuple[str, bool]:
    """Stripped text cut to ``max_length``; the flag says whether it was cut."""
    text = str(value or "").strip()
    if len(text) <= max_length:
        return text, False
    return text[: max_length - 1].rstrip() + "…", True


_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$")


def clean_time(value) -> dt.time | None:
    """'09:00', '9.00', '10:00:00', '10:00Z', '10:00+01:00' → time (the offset is dropped:
    opening hours are local)."""
    text = str(value or "").strip()
    if not text:
        return None
    match = _TIME.match(text)
    if not match:
        raise Invalid(_("“%(value)s” is not a time such as 09:30.") % {"value": text[:40]})
    hours, minutes, seconds = int(match[1]), int(match[2]), int(match[3] or 0)
    if hours == 24 and minutes == 0:
        return dt.time(23, 59)
    try:
        return dt.time(hours, minutes, seconds)
    except ValueError:
        raise Invalid(_("“%(value)s” is not a time such as 09:30.") % {"value": text}) from None


def clean_date(value) -> dt.date | None:
    text = str(value or "").strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    match = re.match(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$", text)
    if match:
        try:
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
        except ValueError:
            pass
    raise Invalid(_("“%(value)s” is not a date such as 2026-03-31.") % {"value": text[:40]})
