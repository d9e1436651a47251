"""The map's own base layer (issue 16): without a tile server the guide's maps show the
alliance's districts with their names and its outline, from our own data, so that a parent
sees where the pins are and no request leaves the server."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.utils.html import json_script

from familiennetz.alliances.pagecache import alliance_cached
from familiennetz.directory.models import district_model

register = template.Library()

DECIMALS = 4  # about 10 m: plenty for a district line, a third of the bytes of full precision
MAX_DISTRICTS = 200


def _round(coordinates):
    if coordinates and isinstance(coordinates[0], (int, float)):
        return [round(value, DECIMALS) for value in coordinates[:2]]
    return [_round(part) for part in coordinates]


def base_layer(alliance) -> list[dict]:
    """Districts with a boundary: name, whether it is a top-level area (the outline), and
    the geometry rounded to ~10 m."""
    rows = (
        district_model()
        .objects.filter(alliance=alliance)
        .exclude(boundary=None)
        .order_by("name")
        .values("name", "parent_id", "boundary")[:MAX_DISTRICTS]
    )
    features = []
    for row in rows:
        geometry = row["boundary"] or {}
        if geometry.get("type") not in {"Polygon", "MultiPolygon"}:
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {"name": row["name"], "outline": row["parent_id"] is None},
                "geometry": {
                    "type": geometry["type"],
                    "coordinates": _round(geometry["coordinates"]),
                },
            }
        )
    return features


@register.simple_tag(takes_context=True)
def map_base_layer(context) -> str:
    """A JSON script with the base layer, when no tile server is configured ("" otherwise)."""
    alliance = context.get("alliance")
    if settings.MAP_TILE_URL or alliance is None:
        return ""
    features = alliance_cached(alliance, "map-base-layer", lambda: base_layer(alliance))
    return json_script(features, "map-base") if features else ""
