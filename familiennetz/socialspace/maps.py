"""Choropleth maps: simplified boundaries as GeoJSON for the Leaflet island (cached per
alliance, level and boundary version) and the same map as a server-side SVG (no JavaScript,
print). Values and classes travel separately, so one cached geometry serves every
indicator and year."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass

from django.core.cache import cache
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from . import geo
from .analysis import NO_DATA, Classes
from .models import District
from .services import boundary_version

SIMPLIFY_DEGREES = 0.0002  # ≈ 15–20 m in Germany: invisible at district scale
CACHE_SECONDS = 24 * 3600


def _district_rows(alliance, kind: str) -> list[District]:
    return list(
        District.objects.for_alliance(alliance)
        .filter(kind=kind, boundary__isnull=False)
        .only("pk", "name", "code", "slug", "boundary")
        .order_by("pk")
    )


def simplified_shapes(alliance, kind: str) -> list[tuple[District, object]]:
    rows = _district_rows(alliance, kind)
    shapes, kept = [], []
    for district in rows:
        try:
            shape, _repaired = geo.polygon_from_geojson(district.boundary)
        except geo.GeometryError:
            continue
        shapes.append(shape)
        kept.append(district)
    return list(zip(kept, geo.simplify_coverage(shapes, SIMPLIFY_DEGREES), strict=True))


def choropleth_geojson(alliance, kind: str) -> bytes:
    """The boundaries of a level as compact GeoJSON (bytes), from the cache when it can."""
    key = f"socialspace:choropleth:{alliance.pk}:{kind}:{boundary_version(alliance.pk)}"
    found = cache.get(key)
    if found is not None:
        return found
    features = [
        {
            "type": "Feature",
            "id": district.key,
            "properties": {"code": district.key, "name": district.name},
            "geometry": geo.rounded(shape),
        }
        for district, shape in simplified_shapes(alliance, kind)
    ]
    data = json.dumps(
        {"type": "FeatureCollection", "features": features},
        separators=(",", ":"),
        ensure_ascii=False,
    ).encode()
    cache.set(key, data, CACHE_SECONDS)
    return data


def gzipped_size(data: bytes) -> int:
    return len(gzip.compress(data, 6))


# --- SVG ---------------------------------------------------------------------------------------


@dataclass
class MapArea:
    district: District
    value_text: str
    klass: int | None


def choropleth_svg(
    alliance,
    kind: str,
    *,
    areas: dict[int, MapArea],
    classes: Classes,
    title: str,
    width: int = 640,
) -> SafeString:
    """The choropleth as an SVG: one path per district, filled by class, with its name and
    value as a tooltip; districts without a value are grey."""
    shapes = simplified_shapes(alliance, kind)
    if not shapes:
        return mark_safe("")
    import shapely

    everything = shapely.union_all([s.envelope for _d, s in shapes]).bounds
    minx, miny, maxx, maxy = everything
    lat0 = (miny + maxy) / 2
    projection = geo.LocalProjection(lat0)
    x0, y0 = projection.xy(minx, miny)
    x1, y1 = projection.xy(maxx, maxy)
    scale = (width - 8) / ((x1 - x0) or 1)
    height = int((y1 - y0) * scale) + 8

    def point(lon, lat):
        x, y = projection.xy(lon, lat)
        return f"{(x - x0) * scale + 4:.1f},{(y1 - y) * scale + 4:.1f}"

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="choropleth-svg" viewBox="0 0 {width} {height}" '  # noqa: E501
        f'width="100%" role="img" aria-labelledby="choropleth-title">'
        f'<title id="choropleth-title">{escape(title)}</title>'
    ]
    for district, shape in shapes:
        area = areas.get(district.pk)
        fill = NO_DATA
        if area is not None and area.klass is not None:
            fill = classes.colours[area.klass]
        d = []
        for polygon in getattr(shape, "geoms", [shape]):
            for ring in [polygon.exterior, *polygon.interiors]:
                coords = list(ring.coords)
                d.append("M" + "L".join(point(x, y) for x, y in coords) + "Z")
        label = district.name + (f": {area.value_text}" if area else "")
        parts.append(
            f'<path d="{"".join(d)}" fill="{fill}" stroke="#4d4d4d" stroke-width="0.6" '
            f'fill-rule="evenodd"><title>{escape(label)}</title></path>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above is escaped
