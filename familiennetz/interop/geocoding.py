"""Addresses → coordinates, pluggable (``GEOCODER_BACKEND``); built in: any service that speaks
the Nominatim search API (``GEOCODER_URL``, e.g. a Nominatim run by the municipality or the
operator). Without a URL there is no geocoding: imports then need manual coordinates.

Results are cached (30 days); requests are spaced by ``GEOCODER_MIN_INTERVAL`` seconds (the
public Nominatim allows one per second) and identify us by ``GEOCODER_USER_AGENT``.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

CACHE_SECONDS = 30 * 24 * 3600


@dataclass(frozen=True)
class Place:
    latitude: float
    longitude: float
    label: str = ""


class GeocodingError(Exception):
    """The service could not be asked (down, timeout, unexpected answer)."""


class Geocoder:
    """Interface: ``geocode`` returns a Place, None (address not found) or raises
    GeocodingError."""

    def geocode(self, *, street: str, postal_code: str, city: str, country: str = "de"):
        raise NotImplementedError


class NominatimGeocoder(Geocoder):
    _lock = threading.Lock()
    _last_request = 0.0

    def __init__(self, url: str, *, user_agent: str, timeout: float = 5, min_interval: float = 1):
        if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
            raise ImproperlyConfigured("GEOCODER_URL must be an http(s) address.")
        self.url = url.rstrip("/")
        self.user_agent = user_agent
        self.timeout = timeout
        self.min_interval = min_interval

    def geocode(self, *, street: str, postal_code: str, city: str, country: str = "de"):
        params = {
            "street": street,
            "postalcode": postal_code,
            "city": city,
            "countrycodes": country,
            "format": "jsonv2",
            "limit": "1",
        }
        params = {key: value for key, value in params.items() if value}
        key = (
            "geocode:"
            + hashlib.sha256(json.dumps([self.url, params], sort_keys=True).encode()).hexdigest()
        )
        cached = cache.get(key)
        if cached is not None:
            return Place(*cached) if cached else None
        place = self._ask(params)
        cache.set(
            key, [place.latitude, place.longitude, place.label] if place else [], CACHE_SECONDS
        )
        return place

    def _ask(self, params: dict) -> Place | None:
        request = urllib.request.Request(
            f"{self.url}/search?{urllib.parse.urlencode(params)}",
            headers={"User-Agent": self.user_agent, "Accept-Language": "de"},
        )
        with self._lock:  # space requests out, also across threads
            wait = self.min_interval - (time.monotonic() - NominatimGeocoder._last_request)
            if wait > 0:
                time.sleep(wait)
            NominatimGeocoder._last_request = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                answer = json.loads(response.read(1_000_000).decode("utf-8"))
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
            raise GeocodingError(str(exc)) from exc
        if not isinstance(answer, list):
            raise GeocodingError("unexpected answer")
        if not answer:
            return None
        try:
            first = answer[0]
            latitude, longitude = float(first["lat"]), float(first["lon"])
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise GeocodingError("unexpected answer") from exc
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise GeocodingError("coordinates out of range")
        return Place(round(latitude, 7), round(longitude, 7), str(first.get("display_name", "")))


def get_geocoder() -> Geocoder | None:
    """The configured geocoder, or None if geocoding is off."""
    backend = getattr(settings, "GEOCODER_BACKEND", "")
    if backend and backend != "familiennetz.interop.geocoding.NominatimGeocoder":
        return import_string(backend)()
    url = getattr(settings, "GEOCODER_URL", "")
    if not url:
        return None
    return NominatimGeocoder(
        url,
        user_agent=getattr(settings, "GEOCODER_USER_AGENT", "")
        or f"familiennetz ({settings.SITE_URL})",
        timeout=getattr(settings, "GEOCODER_TIMEOUT", 5),
        min_interval=getattr(settings, "GEOCODER_MIN_INTERVAL", 1.0),
    )
