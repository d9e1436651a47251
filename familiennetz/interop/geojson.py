"""GeoJSON (RFC 7946) of offers and places for maps and open-data portals: one point per
place, WGS 84 longitude/latitude, properties in plain words and with links to the guide."""

from __future__ import annotations

from typing import Literal

from django.urls import reverse
from ninja import Schema

from familiennetz.alliances.models import Alliance
from familiennetz.directory.models import Location, Offer


class Point(Schema):
    type: Literal["Point"]
    coordinates: list[float]


class Feature(Schema):
    type: Literal["Feature"]
    id: str
    geometry: Point
    properties: dict[str, str | int | float | bool | list[str] | None]


class FeatureCollection(Schema):
    type: Literal["FeatureCollection"]
    features: list[Feature]


def _link(request, alliance: Alliance, name: str, slug: str) -> str:
    return request.build_absolute_uri(
        reverse(name, kwargs={"alliance_slug": alliance.slug, "slug": slug})
    )


def _point(location: Location) -> dict:
    return {
        "type": "Point",
        "coordinates": [round(location.longitude, 6), round(location.latitude, 6)],
    }


def _inside(location: Location, box: tuple[float, float, float, float] | None) -> bool:
    if box is None:
        return True
    west, south, east, north = box
    return west <= location.longitude <= east and south <= location.latitude <= north


def offer_features(
    request,
    alliance: Alliance,
    offers: list[Offer],
    box: tuple[float, float, float, float] | None = None,
) -> dict:
    """Offers need ``offer_locations__location``, ``categories`` and ``organisation`` loaded
    (``directory.selectors.offer_list_for_map`` loads just that). With ``box`` (west, south,
    east, north) only the places inside it become points."""
    features = []
    for offer in offers:
        url = _link(request, alliance, "directory:offer-detail", offer.slug)
        for offer_location in offer.offer_locations.all():
            location = offer_location.location
            if not location.has_coordinates or not _inside(location, box):
                continue
            features.append(
                {
                    "type": "Feature",
                    "id": f"{offer.slug}@{location.slug}",
                    "geometry": _point(location),
                    "properties": {
                        "name": offer.name,
                        "summary": offer.summary,
                        "organisation": offer.organisation.name,
                        "place": location.name,
                        "address": location.address_line,
                        "categories": sorted(c.slug for c in offer.categories.all()),
                        "age": offer.age_label,
                        "free": offer.is_free,
                        "url": url,
                    },
                }
            )
    return {"type": "FeatureCollection", "features": features}


def location_features(request, alliance: Alliance, locations) -> dict:
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": location.slug,
                "geometry": _point(location),
                "properties": {
                    "name": location.name,
                    "address": location.address_line,
                    "wheelchair_accessible": location.is_wheelchair_accessible,
                    "pram_accessible": location.is_pram_accessible,
                    "url": _link(request, alliance, "directory:location-detail", location.slug),
                },
            }
            for location in locations
            if location.has_coordinates
        ],
    }
