"""Geometry of districts with shapely (docs/adr/0003, 0700): reading and repairing boundaries,
point-in-polygon for places, a local metric projection for areas and walking distances, and
the simplified boundaries the choropleth map draws.

Coordinates are WGS 84 (lon, lat) as in GeoJSON. Areas and distances use an equirectangular
projection around the alliance's centre (x = lon · cos φ₀ · 111.32 km, y = lat · 110.574 km):
within a city its error is well under 1 %, and distances are straight lines ("Luftlinie").
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

import numpy as np
import shapely
from django.utils.translation import gettext as _
from shapely.geometry import MultiPolygon, Point, Polygon, mapping, shape
from shapely.prepared import prep
from shapely.strtree import STRtree

KM_PER_DEGREE_LAT = 110.574
KM_PER_DEGREE_LON_EQUATOR = 111.320


class GeometryError(ValueError):
    pass


def polygon_from_geojson(geometry: dict | None) -> tuple[MultiPolygon | Polygon, bool]:
    """A polygonal shapely geometry from a GeoJSON geometry, and whether it had to be repaired.

    Raises ``GeometryError`` if it is not a (multi)polygon or nothing polygonal remains.
    """
    if not isinstance(geometry, dict) or geometry.get("type") not in {"Polygon", "MultiPolygon"}:
        kind = geometry.get("type") if isinstance(geometry, dict) else None
        raise GeometryError(_("not a polygon (%(kind)s)") % {"kind": kind or _("no geometry")})
    try:
        geom = shape(geometry)
    except Exception as exc:  # malformed coordinates
        raise GeometryError(_("unreadable coordinates")) from exc
    if geom.is_empty:
        raise GeometryError(_("empty polygon"))
    repaired = False
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
        repaired = True
        polygons = [
            g for g in getattr(geom, "geoms", [geom]) if g.geom_type in {"Polygon", "MultiPolygon"}
        ]
        if not polygons:
            raise GeometryError(_("nothing polygonal remains after repair"))
        geom = shapely.union_all(polygons)
    for x, y in _sample_coords(geom):
        if not (-180 <= x <= 180 and -90 <= y <= 90):
            raise GeometryError(
                _("the coordinates are not WGS 84 longitude/latitude (another projection?)")
            )
    return geom, repaired


def _sample_coords(geom):
    coords = shapely.get_coordinates(geom)
    step = max(1, len(coords) // 50)
    return coords[::step]


def to_geojson(geom) -> dict:
    return mapping(geom)


@dataclass(frozen=True)
class LocalProjection:
    """Degrees → kilometres around a reference latitude (equirectangular)."""

    lat0: float

    @property
    def kx(self) -> float:
        return KM_PER_DEGREE_LON_EQUATOR * math.cos(math.radians(self.lat0))

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return lon * self.kx, lat * KM_PER_DEGREE_LAT

    def project(self, geom):
        factors = np.array([self.kx, KM_PER_DEGREE_LAT])
        return shapely.transform(geom, lambda coords: coords * factors)


def area_km2(geom) -> float:
    centre = geom.centroid
    return LocalProjection(centre.y).project(geom).area


def centre_of(geom) -> tuple[float, float]:
    """(lat, lon) of a point inside the polygon (not the centroid, which may lie outside)."""
    point = geom.representative_point()
    return point.y, point.x


# --- point in polygon, cached per alliance and boundary version --------------------------------


@dataclass
class DistrictIndex:
    """Prepared boundaries of an alliance's smallest districts for point-in-polygon."""

    ids: list[int]
    geoms: list
    tree: STRtree
    prepared: list
    leaves: list[bool]

    def locate(self, lon: float, lat: float) -> int | None:
        """The id of the district containing the point on the finest level: districts
        without sub-districts first (borders of different levels rarely match exactly),
        the smallest of them if several overlap; None if the point is outside all."""
        point = Point(lon, lat)
        hits = [i for i in self.tree.query(point) if self.prepared[i].covers(point)]
        if not hits:
            return None
        best = min(hits, key=lambda i: (not self.leaves[i], self.geoms[i].area))
        return self.ids[best]


_cache: dict[tuple[int, str], DistrictIndex] = {}
_lock = threading.Lock()


def district_index(alliance_id: int, version: str, load) -> DistrictIndex | None:
    """The cached index for ``(alliance_id, version)``; ``load()`` → [(id, geojson, is_leaf)]
    builds it."""
    key = (alliance_id, version)
    with _lock:
        found = _cache.get(key)
    if found is not None:
        return found
    rows = load()
    ids, geoms, leaves = [], [], []
    for pk, geometry, is_leaf in rows:
        try:
            geom, _repaired = polygon_from_geojson(geometry)
        except GeometryError:
            continue
        ids.append(pk)
        geoms.append(geom)
        leaves.append(is_leaf)
    if not ids:
        return None
    index = DistrictIndex(ids, geoms, STRtree(geoms), [prep(g) for g in geoms], leaves)
    with _lock:
        for old in [k for k in _cache if k[0] == alliance_id]:
            del _cache[old]
        _cache[key] = index
    return index


def clear_cache() -> None:
    with _lock:
        _cache.clear()


# --- simplified boundaries for maps -----------------------------------------------------------


def simplify_coverage(geoms: list, tolerance_deg: float) -> list:
    """Boundaries simplified together so that shared borders stay shared (no slivers or gaps
    between neighbours), falling back to each polygon on its own where GEOS cannot."""
    if not geoms:
        return []
    try:
        simplified = list(shapely.coverage_simplify(geoms, tolerance_deg))
        if all(g is not None and not g.is_empty for g in simplified):
            return simplified
    except Exception:  # not a valid coverage (overlaps): simplify one by one
        pass
    return [g.simplify(tolerance_deg, preserve_topology=True) for g in geoms]


def rounded(geom, digits: int = 5) -> dict:
    """GeoJSON geometry with coordinates rounded (5 decimals ≈ 1 m)."""
    return mapping(shapely.set_precision(geom, 10**-digits, mode="pointwise"))
