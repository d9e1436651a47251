"""The HTTP scenarios of ``make bench`` (bench/run.py) and how their URLs are built.

Every scenario is measured on the alliance ``bench``. The JSON API, events JSON, map viewport
and HSDS export scenarios are written against a URL template; when the template's path does
not resolve on the branch being measured, the scenario is reported as "n/a: endpoint not on
this branch" instead of failing. Override a
template without editing code: ``BENCH_URL_<KEY>=/api/v1/…`` (e.g. ``BENCH_URL_SEARCH_API``).

Template fields: {alliance} {q} {category} {age} {month_start} {month_end} (first day of the
next month) {month_last} (last day of the month) {bbox} {slug} and
{n} (a running number per request: a parameter the view ignores, so every request misses any
cache — the "uncached" scenarios).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

# Queries with typos, synonyms, compounds, missing umlauts, each with two filters (kategorie,
# alter); the same list as bench/search_bench.py.
SEARCHES = [
    ("Krabbelgruppe", "elternbildung", "0-3"),
    ("Hebame", "schwangerschaft", "schwangerschaft"),
    ("Beratung Trennung", "beratung", "6-10"),
    ("Familienzentrum Sud", "elternbildung", "3-6"),
    ("kita", "betreuung", "3-6"),
    ("Schwimmkurs", "freizeit", "6-10"),
    ("Elterncafe", "elternbildung", "0-3"),
    ("Trauer", "beratung", "10-14"),
    ("Spielplatz", "freizeit", "3-6"),
    ("Jugendklub", "freizeit", "14-18"),
    ("Tagesmutter", "betreuung", "0-3"),
    ("Logopädie", "gesundheit", "3-6"),
]
# Endpoints of the JSON API and the HSDS export (interop), as URL templates; each can be
# overridden with BENCH_URL_<KEY> (first path segment decides availability).
ENDPOINTS = {
    "search_api": "/api/v1/{alliance}/offers?q={q}&category={category}&age_band={age}&b={n}",
    "map_viewport": "/api/v1/{alliance}/offers.geojson?bbox={bbox}&b={n}",
    # pretix's month JSON (the peer) returns the whole month; ours is paginated: the first
    # page at the largest page size.
    "events_month_json": "/api/v1/{alliance}/occurrences?from={month_start}&to={month_last}"
    "&page_size=100&b={n}",
    "hsds_export": "/{alliance}/offene-daten/hsds-json.zip",
}


@dataclass
class Context:
    alliance: str
    offer_slugs: list[str]
    month: dt.date  # first day of the month shown by calendar scenarios
    bbox: str  # west,south,east,north around the alliance's centre

    @property
    def month_end(self) -> dt.date:
        return (self.month + dt.timedelta(days=32)).replace(day=1)

    @property
    def month_last(self) -> dt.date:
        return self.month_end - dt.timedelta(days=1)


@dataclass
class Scenario:
    key: str
    label: str
    templates: list[str]  # rotated through; formatted with the context
    bust: bool = False  # templates carry {n}: every request misses the caches
    conditional: bool = False  # send If-None-Match with the ETag of a first response (304)
    static_twin: bool = False  # also measure a static file of the same size
    heavy: bool = False  # a few sequential requests only (whole-alliance exports)
    external: bool = False  # endpoint of another work stream (n/a when missing)
    notes: str = ""
    expect: set[int] = field(default_factory=lambda: {200})

    def paths(self, ctx: Context) -> list[str]:
        out = []
        for template in self.templates:
            values = {
                "alliance": ctx.alliance,
                "month_start": ctx.month.isoformat(),
                "month_end": ctx.month_end.isoformat(),
                "month_last": ctx.month_last.isoformat(),
                "bbox": ctx.bbox,
                "n": "{n}",  # filled by the driver per request
            }
            if "{slug}" in template:
                out += [template.format(slug=slug, **values) for slug in ctx.offer_slugs]
            elif "{q}" in template or "{category}" in template:
                out += [
                    template.format(q=quote(q), category=category, age=age, **values)
                    for q, category, age in SEARCHES
                ]
            else:
                out.append(template.format(**values))
        return out


def _endpoint(key: str) -> str:
    return os.environ.get(f"BENCH_URL_{key.upper()}", ENDPOINTS[key])


def scenarios() -> list[Scenario]:
    a = "/{alliance}"
    return [
        Scenario(
            "home_cached",
            "Home page (same URL again and again)",
            [f"{a}/"],
            static_twin=True,
            notes="what a newsletter link does: the cached page when caching is on",
        ),
        Scenario("home", "Home page, uncached", [f"{a}/?b={{n}}"], bust=True),
        Scenario(
            "search_page",
            "Search page, text + 2 filters",
            [f"{a}/suche/?q={{q}}&kategorie={{category}}&alter={{age}}&b={{n}}"],
            bust=True,
            static_twin=True,
            notes="12 queries with typos, synonyms, compounds; uncached",
        ),
        Scenario(
            "search_api",
            "Search API, text + 2 filters",
            [_endpoint("search_api")],
            bust=True,
            external=True,
            notes="the 12 queries of the search page; uncached",
        ),
        Scenario(
            "results_geojson",
            "Search results as GeoJSON (2 filters)",
            [f"{a}/suche/karte.geojson?kategorie={{category}}&alter={{age}}&b={{n}}"],
            bust=True,
            notes="the map of a search (up to 500 offers), not a viewport",
        ),
        Scenario(
            "map_viewport",
            "Map GeoJSON for a viewport",
            [_endpoint("map_viewport")],
            bust=True,
            external=True,
            notes="offers with a place in a ~7 × 7 km box around the centre (up to 500)",
        ),
        Scenario(
            "map_cells",
            "Guide map: the same viewport as cells (zoom 13)",
            [f"{a}/karte/ansicht.json?bbox={{bbox}}&zoom=13&b={{n}}"],
            bust=True,
            notes="the guide's map data (ADR 1202): places grouped on the server, details on a tap",
        ),
        Scenario(
            "offer_page",
            "Offer page",
            [f"{a}/angebote/{{slug}}/?b={{n}}"],
            bust=True,
            static_twin=True,
            notes="60 different published offers; uncached",
        ),
        Scenario(
            "calendar_month",
            "Calendar month view",
            [f"{a}/kalender/?ansicht=monat&von={{month_start}}&b={{n}}"],
            bust=True,
            static_twin=True,
            notes="next month; uncached",
        ),
        Scenario(
            "events_month_json",
            "Events month JSON (paginated, 100 per page)",
            [_endpoint("events_month_json")],
            bust=True,
            external=True,
            notes="first page of next month's dates; pretix's month JSON has the whole month",
        ),
        Scenario(
            "ics_feed",
            ".ics feed (windowed, ≤ 1,000 dates)",
            [f"{a}/kalender/feed.ics?b={{n}}"],
            bust=True,
            notes="uncached: every request builds the feed",
        ),
        Scenario(
            "ics_feed_304",
            ".ics feed, conditional GET (304)",
            [f"{a}/kalender/feed.ics"],
            conditional=True,
            expect={304},
            notes="If-None-Match with the feed's ETag",
        ),
        Scenario(
            "hsds_export",
            "HSDS export of the alliance (JSON ZIP download)",
            [_endpoint("hsds_export")],
            heavy=True,
            external=True,
            notes="built on the probe request, then served from the cache until the data "
            "changes; the uncached build is the in-process step hsds_export_10k",
        ),
    ]


def is_available(path: str) -> bool:
    """Whether the path resolves to a view on this branch (Django must be set up)."""
    from django.urls import Resolver404, resolve

    try:
        resolve(urlsplit(path).path)
    except Resolver404:
        return False
    return True
