"""The Stadtteilplan: a district map drawn on the server as SVG, without a tile service.

District boundaries (socialspace ``District``), the places with published offers as numbered
markers, the districts' names as labels; the legend lists each number with its place and
offers. The same SVG is shown on the public page (with the legend as a table, the text
alternative) and printed on A4/A3 (ADR 1401).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import shapely
from django.db.models import Prefetch
from django.http import Http404
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from familiennetz.directory.models import Location, Offer
from familiennetz.directory.review_cycle import publicly_visible
from familiennetz.socialspace import geo
from familiennetz.socialspace.models import District

MAX_PLACES = 60
WIDTH = 760
SIMPLIFY_DEGREES = 0.0002
PALETTE = ("#e8f1e4", "#e4ecf5", "#f6ecdc", "#efe4f2", "#f3f1d9", "#e0f0ef")


@dataclass
class PlanPlace:
    number: int
    location: Location
    offers: list[Offer]


@dataclass
class PlanData:
    title: str
    districts: list[tuple[District, object]] = field(default_factory=list)  # (row, shape)
    places: list[PlanPlace] = field(default_factory=list)
    left_out: int = 0
    district: District | None = None


def _shapes(rows) -> list[tuple[District, object]]:
    shapes = []
    for district in rows:
        try:
            shape, _repaired = geo.polygon_from_geojson(district.boundary)
        except geo.GeometryError:
            continue
        shapes.append((district, shape.simplify(SIMPLIFY_DEGREES)))
    return shapes


def district_plan(*, alliance, district_slug: str | None = None) -> PlanData:
    """The districts to draw (all leaves, or one district and its parts) and the numbered
    places inside them that have published offers (at most ``MAX_PLACES``)."""
    rows = District.objects.for_alliance(alliance).filter(boundary__isnull=False)
    chosen = None
    if district_slug:
        chosen = District.objects.for_alliance(alliance).filter(slug=district_slug).first()
        if chosen is None:
            raise Http404(_("This district does not exist."))
        parts = list(rows.filter(parent=chosen))
        drawn = parts or ([chosen] if chosen.boundary else [])
    else:
        all_rows = list(rows)
        parents = {d.parent_id for d in all_rows if d.parent_id}
        drawn = [d for d in all_rows if d.pk not in parents]
    data = PlanData(title=chosen.name if chosen else alliance.name, district=chosen)
    data.districts = _shapes(sorted(drawn, key=lambda d: d.name))
    offers = publicly_visible(Offer.objects.for_alliance(alliance).published(), alliance)
    places = (
        Location.objects.for_alliance(alliance)
        .filter(latitude__isnull=False, longitude__isnull=False, offers__in=offers)
        .select_related("district")
        .prefetch_related(
            Prefetch("offers", queryset=offers.order_by("name").only("pk", "name", "slug"))
        )
        .distinct()
        .order_by("name")
    )
    if chosen is not None:
        places = places.filter(district__in=[chosen, *chosen.children.all()])
    found = list(places[: MAX_PLACES + 1])
    data.left_out = max(0, len(found) - MAX_PLACES)
    # Numbered from north-west to south-east, in rows: numbers near each other on the map.
    found = sorted(found[:MAX_PLACES], key=lambda p: (-round(p.latitude * 200), p.longitude))
    for number, location in enumerate(found, start=1):
        location.alliance = alliance
        data.places.append(PlanPlace(number, location, list(location.offers.all())))
    return data


def spread(
    points: list[tuple[float, float]], *, width: float, height: float, gap: float = 22.0
) -> list[tuple[float, float]]:
    """Marker positions that do not overlap: markers closer than ``gap`` push each other
    apart (a few rounds of pairwise repulsion), kept inside the drawing."""
    moved = [list(p) for p in points]
    for _round in range(60):
        changed = False
        for i in range(len(moved)):
            for j in range(i + 1, len(moved)):
                dx = moved[j][0] - moved[i][0]
                dy = moved[j][1] - moved[i][1]
                distance = (dx * dx + dy * dy) ** 0.5
                if distance >= gap:
                    continue
                if distance < 0.01:  # the same spot: split them sideways
                    dx, dy, distance = 1.0, 0.3 * ((i + j) % 3 - 1), 1.0
                push = (gap - distance) / 2 + 0.5
                ux, uy = dx / distance, dy / distance
                moved[i][0] -= ux * push
                moved[i][1] -= uy * push
                moved[j][0] += ux * push
                moved[j][1] += uy * push
                changed = True
        for point in moved:
            point[0] = min(max(point[0], 11), width - 11)
            point[1] = min(max(point[1], 11), height - 11)
        if not changed:
            break
    return [(x, y) for x, y in moved]


def plan_svg(data: PlanData, *, title: str, width: int = WIDTH) -> SafeString:
    """The plan as an SVG document (inline on the page, in the PDF)."""
    boxes = [shape.envelope for _d, shape in data.districts]
    boxes += [shapely.Point(p.location.longitude, p.location.latitude) for p in data.places]
    if not boxes:
        return mark_safe("")
    minx, miny, maxx, maxy = shapely.union_all(boxes).bounds
    projection = geo.LocalProjection((miny + maxy) / 2)
    x0, y0 = projection.xy(minx, miny)
    x1, y1 = projection.xy(maxx, maxy)
    margin = 18
    span_x, span_y = (x1 - x0) or 1.0, (y1 - y0) or 1.0
    scale = (width - 2 * margin) / span_x
    height = int(span_y * scale) + 2 * margin
    if height > width * 1.4:  # a tall district: fit the height instead
        scale = (width * 1.4 - 2 * margin) / span_y
        height = int(width * 1.4)

    def xy(lon: float, lat: float) -> tuple[float, float]:
        x, y = projection.xy(lon, lat)
        return (x - x0) * scale + margin, (y1 - y) * scale + margin

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="plan-svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="plan-title plan-desc">'
        f'<title id="plan-title">{escape(title)}</title>'
        f'<desc id="plan-desc">{escape(_("Numbered places; the list below names them."))}</desc>'
    ]
    labels = []
    for index, (district, shape) in enumerate(data.districts):
        d = []
        for polygon in getattr(shape, "geoms", [shape]):
            for ring in [polygon.exterior, *polygon.interiors]:
                d.append(
                    "M" + "L".join("{:.1f},{:.1f}".format(*xy(x, y)) for x, y in ring.coords) + "Z"
                )
        fill = PALETTE[index % len(PALETTE)]
        parts.append(
            f'<path d="{"".join(d)}" fill="{fill}" stroke="#5b6770" stroke-width="1.2" '
            f'fill-rule="evenodd"/>'
        )
        lat, lon = geo.centre_of(shape)
        lx, ly = xy(lon, lat)
        name = escape(district.name)
        common = f'x="{lx:.1f}" y="{ly:.1f}" text-anchor="middle" font-size="15" font-weight="bold"'
        labels.append(  # a white halo first, then the name (PDF renderers lack paint-order)
            f'<text {common} fill="#fff" stroke="#fff" stroke-width="4" aria-hidden="true">'
            f'{name}</text><text {common} class="plan-label" fill="#3b4650">{name}</text>'
        )
    parts += labels
    true_points = [xy(p.location.longitude, p.location.latitude) for p in data.places]
    for place, (tx, ty), (x, y) in zip(
        data.places, true_points, spread(true_points, width=width, height=height), strict=True
    ):
        leader = ""
        if abs(x - tx) > 1 or abs(y - ty) > 1:  # moved apart: a line to the real spot
            leader = (
                f'<line x1="{tx:.1f}" y1="{ty:.1f}" x2="{x:.1f}" y2="{y:.1f}" '
                f'stroke="#b3261e" stroke-width="1"/><circle cx="{tx:.1f}" cy="{ty:.1f}" '
                f'r="2" fill="#b3261e"/>'
            )
        parts.append(
            f'<g class="plan-marker">{leader}<circle cx="{x:.1f}" cy="{y:.1f}" r="10" '
            f'fill="#b3261e" stroke="#fff" stroke-width="2"/><text x="{x:.1f}" y="{y + 4:.1f}" '
            f'text-anchor="middle" font-size="11" font-weight="bold" fill="#fff">'
            f"{place.number}</text></g>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above is escaped
