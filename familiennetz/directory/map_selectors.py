"""What the public map shows of a viewport: offers grouped into grid cells on the server, and the
details of one place when a parent taps it (issue 16, ADR 1202).

A viewport of a state-scale network holds thousands of places; sending each as a GeoJSON
feature with its texts costs hundreds of kilobytes. Instead the database groups the matching
offers' places into cells of about ``CELL_PX`` screen pixels at the map's zoom level and
returns one row per cell: its centre, how many offers and places it holds and, for a cell with
a single place, that place's id. The grid is anchored at longitude 0 / latitude 0 and its size
depends only on the zoom level (and the network's latitude), so clusters stay put while a
parent pans. The names and links of a place's offers are fetched when the place is tapped.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from django.db.models import Avg, Count, F, Min
from django.db.models.functions import Floor
from django.urls import reverse
from django.utils import timezone

from familiennetz.alliances.models import Alliance
from familiennetz.directory.models import Location, OfferLocation
from familiennetz.directory.selectors import filtered_offers, offer_ids_matching

# A cell is about this many screen pixels wide (Leaflet's tiles are 256 px).
CELL_PX = 64
# At most this many cells across a viewport's width or height, whatever zoom is claimed: a
# huge box with a high zoom level cannot ask for millions of cells.
MAX_CELLS_ACROSS = 48
MAX_ZOOM = 20
# A tapped place lists at most this many offers (with a count of the rest).
PLACE_OFFERS_SHOWN = 30


@dataclass(frozen=True)
class Viewport:
    west: float
    south: float
    east: float
    north: float
    zoom: int


class ViewportError(ValueError):
    """Bad viewport parameters; ``field`` names the parameter."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def parse_viewport(bbox: str | None, zoom: str | None) -> Viewport:
    """``bbox=west,south,east,north`` (WGS84 degrees) and ``zoom`` (0–20) from a query string."""
    if not bbox:
        raise ViewportError("bbox", "bbox is required: west,south,east,north")
    parts = bbox.split(",")
    try:
        west, south, east, north = (float(part) for part in parts)
    except ValueError:
        raise ViewportError("bbox", "bbox needs four numbers: west,south,east,north") from None
    if not all(math.isfinite(v) for v in (west, south, east, north)):
        raise ViewportError("bbox", "bbox numbers must be finite")
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        raise ViewportError("bbox", "bbox longitudes must be between -180 and 180")
    if not (-90 <= south <= 90 and -90 <= north <= 90):
        raise ViewportError("bbox", "bbox latitudes must be between -90 and 90")
    if west > east or south > north:
        raise ViewportError("bbox", "bbox: west must not exceed east, nor south north")
    try:
        level = int(zoom) if zoom not in (None, "") else 12
    except ValueError:
        raise ViewportError("zoom", "zoom must be a whole number from 0 to 20") from None
    if not 0 <= level <= MAX_ZOOM:
        raise ViewportError("zoom", "zoom must be a whole number from 0 to 20")
    return Viewport(west, south, east, north, level)


def cell_size(viewport: Viewport, latitude: float) -> tuple[float, float]:
    """(degrees of longitude, degrees of latitude) of one cell at the viewport's zoom level,
    square on screen near ``latitude``; never smaller than MAX_CELLS_ACROSS cells a viewport."""
    dlon = 360.0 / (256 * 2**viewport.zoom) * CELL_PX
    dlat = dlon * max(math.cos(math.radians(latitude)), 0.05)
    dlon = max(dlon, (viewport.east - viewport.west) / MAX_CELLS_ACROSS)
    dlat = max(dlat, (viewport.north - viewport.south) / MAX_CELLS_ACROSS)
    return dlon, dlat


def alliance_cell_size(alliance: Alliance, viewport: Viewport) -> tuple[float, float]:
    centre = alliance.latitude if alliance.latitude is not None else 51.0
    return cell_size(viewport, centre)


def snapped_box(viewport: Viewport, dlon: float, dlat: float) -> tuple[float, float, float, float]:
    """The viewport widened to whole cells of the grid: a cell at the edge counts all its
    places (not only the visible part), and every viewport within the same cells gives the
    same answer — which makes it cacheable (``grid_key``)."""
    return (
        math.floor(viewport.west / dlon) * dlon,
        math.floor(viewport.south / dlat) * dlat,
        (math.floor(viewport.east / dlon) + 1) * dlon,
        (math.floor(viewport.north / dlat) + 1) * dlat,
    )


def grid_key(alliance: Alliance, viewport: Viewport) -> str:
    """The cells a viewport covers, as a cache key part: the same for small pans."""
    dlon, dlat = alliance_cell_size(alliance, viewport)
    west, south, east, north = snapped_box(viewport, dlon, dlat)
    return (
        f"{viewport.zoom}:{round(west / dlon)}:{round(south / dlat)}:"
        f"{round(east / dlon)}:{round(north / dlat)}"
    )


def _matching_links(alliance: Alliance, filters: dict, now: dt.datetime):
    """Links of the offers a search with ``filters`` finds (all of them, not a page) to places
    with coordinates."""
    links = OfferLocation.objects.filter(
        alliance=alliance, location__latitude__isnull=False, location__longitude__isnull=False
    )
    if filters.get("q") or filters.get("radius_km") is not None:
        ids = offer_ids_matching(alliance=alliance, filters=filters, now=now).ids
        return links.filter(offer_id__in=ids)
    return links.filter(offer_id__in=filtered_offers(alliance, filters, now).values("pk"))


def viewport_cells(
    *, alliance: Alliance, filters: dict, viewport: Viewport, now: dt.datetime | None = None
) -> dict:
    """The compact map data of a viewport: ``{"zoom", "cell": [dlon, dlat], "offers": total,
    "cells": [[lat, lon, offers, places, place_id or 0], …]}``. One query for the cells
    (plus the search's own when there is a text query)."""
    now = now or timezone.now()
    dlon, dlat = alliance_cell_size(alliance, viewport)
    west, south, east, north = snapped_box(viewport, dlon, dlat)
    links = _matching_links(alliance, filters, now).filter(
        location__latitude__gte=south,
        location__latitude__lt=north,
        location__longitude__gte=west,
        location__longitude__lt=east,
    )
    rows = (
        links.annotate(
            cx=Floor(F("location__longitude") / dlon), cy=Floor(F("location__latitude") / dlat)
        )
        .values("cx", "cy")
        .annotate(
            offers=Count("offer_id", distinct=True),
            places=Count("location_id", distinct=True),
            lat=Avg("location__latitude"),
            lon=Avg("location__longitude"),
            place=Min("location_id"),
        )
        .order_by("cy", "cx")
    )
    cells = [
        [
            round(row["lat"], 5),
            round(row["lon"], 5),
            row["offers"],
            row["places"],
            row["place"] if row["places"] == 1 else 0,
        ]
        for row in rows
    ]
    return {
        "zoom": viewport.zoom,
        "cell": [round(dlon, 7), round(dlat, 7)],
        "offers": sum(cell[2] for cell in cells),
        "cells": cells,
    }


def place_offers(
    *, alliance: Alliance, place_id: int, filters: dict, now: dt.datetime | None = None
) -> dict | None:
    """What a tapped place shows: its name, address and link, and the offers there that the
    search finds (names and links). None when the place is not public in ``alliance`` or has
    no such offer."""
    now = now or timezone.now()
    place = (
        Location.objects.for_alliance(alliance)
        .filter(pk=place_id)
        .only("pk", "name", "slug", "street", "postal_code", "city", "alliance_id")
        .first()
    )
    if place is None:
        return None
    rows = list(
        _matching_links(alliance, filters, now)
        .filter(location_id=place.pk)
        .order_by("offer__name", "offer_id")
        .values_list("offer__name", "offer__slug")
        .distinct()
    )
    if not rows:
        return None
    place.alliance = alliance
    shown = rows[:PLACE_OFFERS_SHOWN]
    offer_url = _offer_url_pattern(alliance)
    return {
        "name": place.name,
        "address": ", ".join(
            part for part in (place.street, f"{place.postal_code} {place.city}".strip()) if part
        ),
        "url": place.get_absolute_url(),
        "offers": [{"name": name, "url": offer_url.replace("SLUG", slug)} for name, slug in shown],
        "more": len(rows) - len(shown),
    }


def _offer_url_pattern(alliance: Alliance) -> str:
    return reverse(
        "directory:offer-detail", kwargs={"alliance_slug": alliance.slug, "slug": "SLUG"}
    )
