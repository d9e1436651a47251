"""Coverage of districts with offers, the ranked gap list and overlapping offers.

- Offers per 1,000 children: published offers of a category (and its sub-categories) for an
  age group with a place in the district, per 1,000 children of that age group living there
  (a population indicator of the age group, marked as such).
- Children within walking distance: the district's children are assumed to live evenly
  over its area (the only assumption possible without addresses); the share of its area
  within ``radius`` km straight-line distance ("Luftlinie") of any such offer — also one in a
  neighbouring district — gives the children within reach.
- Gap score: children out of reach × need weight, where the need weight runs from 1 (least
  need, last index rank) to 2 (most need, rank 1); without an index the weight is 1.
- Overlaps: offers of the same category, age group, district and weekday by different
  providers (Doppelstrukturen).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
import shapely
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from familiennetz.core import privacy
from familiennetz.directory.models import Category, Offer, Schedule, Status
from familiennetz.directory.models.audience import AGE_BANDS, AgeBand

from .analysis import IndexResult, compute_index, indicator_values, indicator_years
from .geo import GeometryError, LocalProjection, polygon_from_geojson
from .models import AGE_GROUP_MONTHS, AgeGroup, CompositeIndex, District, Indicator

WEEKDAYS = {
    "MO": gettext_lazy("Monday"),
    "TU": gettext_lazy("Tuesday"),
    "WE": gettext_lazy("Wednesday"),
    "TH": gettext_lazy("Thursday"),
    "FR": gettext_lazy("Friday"),
    "SA": gettext_lazy("Saturday"),
    "SU": gettext_lazy("Sunday"),
}
WEEKDAY_ORDER = list(WEEKDAYS)


# A regular 64-gon with this radius factor has the area of the circle (π r²).
EQUAL_AREA = math.sqrt(2 * math.pi / (64 * math.sin(2 * math.pi / 64)))


def age_band(age_group: str) -> AgeBand:
    low, high = AGE_GROUP_MONTHS[age_group]
    return AgeBand(age_group, str(AgeGroup(age_group).label), low, high)


def category_with_descendants(category: Category) -> list[int]:
    ids, frontier = [category.pk], [category.pk]
    while frontier:
        frontier = list(
            Category.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)
        )
        ids.extend(frontier)
    return ids


def offer_points(
    alliance, *, category: Category, age_group: str
) -> list[tuple[int, float, float, int | None]]:
    """(offer id, lon, lat, district id) of every place of a matching published offer."""
    offers = (
        Offer.objects.for_alliance(alliance)
        .filter(status=Status.PUBLISHED, categories__in=category_with_descendants(category))
        .for_age_band(age_band(age_group))
        .distinct()
    )
    rows = Offer.locations.through.objects.filter(
        offer__in=offers.values("pk"),
        location__latitude__isnull=False,
    ).values_list("offer_id", "location__longitude", "location__latitude", "location__district_id")
    return list(rows)


def population_indicator(alliance, age_group: str) -> Indicator | None:
    return (
        Indicator.objects.for_alliance(alliance)
        .filter(is_population=True, age_group=age_group)
        .select_related("numerator", "denominator")
        .order_by("position", "pk")
        .first()
    )


@dataclass
class CoverageRow:
    district: District
    children: float | None
    offers: int
    per_1000: float | None
    reach_share: float | None  # 0 … 1 of the area within the radius
    nearest_km: float | None

    @property
    def children_out_of_reach(self) -> float | None:
        if self.children is None or self.reach_share is None:
            return None
        return self.children * (1 - self.reach_share)

    @property
    def children_shown(self) -> int | None:
        """The (rounded) number of children as it may be shown: small counts hidden."""
        return None if self.children is None else privacy.suppress_count(round(self.children))


@dataclass
class Coverage:
    category: Category
    age_group: str
    radius_km: float
    kind: str
    year: int | None
    population: Indicator | None
    rows: list[CoverageRow]
    without_boundary: list[District] = field(default_factory=list)


def coverage(
    alliance,
    *,
    category: Category,
    age_group: str,
    radius_km: float,
    kind: str,
    year: int | None = None,
) -> Coverage:
    districts = list(District.objects.for_alliance(alliance).filter(kind=kind).order_by("name"))
    population = population_indicator(alliance, age_group)
    children: dict[int, float] = {}
    if population is not None:
        if year is None:
            years = indicator_years(population)
            year = years[-1] if years else None
        if year is not None:
            values = indicator_values(
                [population], years=[year], districts=[d.pk for d in districts]
            )
            children = {d: v for (d, _y), v in values[population.pk].items()}
    points = offer_points(alliance, category=category, age_group=age_group)
    lat0 = alliance.latitude or (sum(p[2] for p in points) / len(points) if points else 51.0)
    projection = LocalProjection(lat0)
    projected = [shapely.Point(*projection.xy(lon, lat)) for _o, lon, lat, _d in points]
    tree = shapely.STRtree(projected) if projected else None
    # Each offer's circle once, as a 64-gon with the circle's area (radius × 1.0008).
    circles = (
        shapely.buffer(np.array(projected, dtype=object), radius_km * EQUAL_AREA, quad_segs=16)
        if projected
        else None
    )
    offers_in: dict[int, set[int]] = defaultdict(set)
    leaf_to_level = _level_map(alliance, kind)
    for offer_id, _lon, _lat, district_id in points:
        target = leaf_to_level.get(district_id)
        if target is not None:
            offers_in[target].add(offer_id)
    rows, without = [], []
    for district in districts:
        try:
            polygon, _repaired = polygon_from_geojson(district.boundary)
        except GeometryError:
            without.append(district)
            polygon = None
        share = nearest = None
        if polygon is not None:
            shape = projection.project(polygon)
            if tree is not None:
                nearest_index = tree.nearest(shape)
                nearest = shape.distance(projected[int(nearest_index)])
                near = tree.query(shape, predicate="dwithin", distance=radius_km)
                if len(near) and nearest < radius_km:
                    reach = shapely.union_all(circles[near])
                    share = (
                        min(1.0, shape.intersection(reach).area / shape.area) if shape.area else 0.0
                    )
                else:
                    share = 0.0  # no offer closer than the radius (touching the border is not in)
            else:
                share = 0.0
        kids = children.get(district.pk)
        count = len(offers_in.get(district.pk, ()))
        rows.append(
            CoverageRow(
                district=district,
                children=kids,
                offers=count,
                per_1000=(count / kids * 1000) if kids else None,
                reach_share=share,
                nearest_km=nearest,
            )
        )
    return Coverage(category, age_group, radius_km, kind, year, population, rows, without)


def _level_map(alliance, kind: str) -> dict[int, int]:
    """Every district id → its ancestor (or itself) of ``kind``."""
    rows = list(District.objects.for_alliance(alliance).values_list("pk", "parent_id", "kind"))
    parent = {pk: p for pk, p, _k in rows}
    kinds = {pk: k for pk, _p, k in rows}
    result = {}
    for pk in parent:
        node, steps = pk, 0
        while node is not None and kinds.get(node) != kind and steps < 20:
            node, steps = parent.get(node), steps + 1
        if node is not None and kinds.get(node) == kind:
            result[pk] = node
    return result


# --- gap list ---------------------------------------------------------------------------------


@dataclass
class Gap:
    row: CoverageRow
    rank: int | None
    of: int | None
    weight: float
    score: float
    sentence: str
    position: int = 0


def index_for_level(alliance, kind: str) -> CompositeIndex | None:
    return (
        CompositeIndex.objects.for_alliance(alliance)
        .filter(district_kind=kind)
        .order_by("pk")
        .first()
    )


def gap_list(
    alliance,
    *,
    category: Category,
    age_group: str,
    radius_km: float,
    kind: str,
    index: CompositeIndex | None = None,
) -> tuple[list[Gap], Coverage, IndexResult | None]:
    result = coverage(
        alliance, category=category, age_group=age_group, radius_km=radius_km, kind=kind
    )
    index = index or index_for_level(alliance, kind)
    ranking = compute_index(index) if index is not None else None
    by_district = ranking.by_district if ranking else {}
    n = len(ranking.rows) if ranking else 0
    gaps = []
    for row in result.rows:
        ranked = by_district.get(row.district.pk)
        weight = 1.0
        if ranked is not None and n > 1:
            weight = 1.0 + (n - ranked.rank) / (n - 1)
        out = row.children_out_of_reach
        score = (out or 0.0) * weight
        gaps.append(
            Gap(
                row=row,
                rank=ranked.rank if ranked else None,
                of=n or None,
                weight=weight,
                score=score,
                sentence=gap_sentence(
                    row, ranked.rank if ranked else None, n, category, age_group, radius_km
                ),
            )
        )
    gaps.sort(key=lambda g: (-g.score, g.rank or 10**9, g.row.district.name))
    for position, gap in enumerate(gaps, start=1):
        gap.position = position
    return gaps, result, ranking


def _number(value: float, digits: int = 0) -> str:
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\u202f").replace(".", ",")


def _km(value: float) -> str:
    return _number(value, 1 if value % 1 else 0)


def gap_sentence(row: CoverageRow, rank, n, category, age_group, radius_km) -> str:
    district = row.district
    parts = [f"{district.get_kind_display()} {district.name}"]
    group = str(AgeGroup(age_group).label)
    if row.children is not None:
        shown = row.children_shown
        number = privacy.display(shown) if shown is None else _number(shown)
        parts.append(_("%(n)s %(group)s") % {"n": number, "group": group})
    if rank:
        parts.append(_("index rank %(rank)s of %(n)s") % {"rank": rank, "n": n})
    head = ": ".join([parts[0], ", ".join(parts[1:])]) if len(parts) > 1 else parts[0]
    radius = _km(radius_km)
    if row.reach_share is None:
        tail = _("no boundary, reach unknown")
    elif row.reach_share == 0:
        tail = _("no offer “%(category)s” within %(radius)s km (straight line)") % {
            "category": category.label,
            "radius": radius,
        }
        if row.nearest_km is not None:
            tail += _("; the nearest is %(km)s km away") % {"km": _km(round(row.nearest_km, 1))}
    else:
        tail = _(
            "%(share)s %% of the area further than %(radius)s km (straight line) from an offer “%(category)s”"  # noqa: E501
        ) % {
            "share": _number((1 - row.reach_share) * 100),
            "radius": radius,
            "category": category.label,
        }
        if row.offers and row.per_1000 is not None and row.children_shown is not None:
            tail += _("; %(rate)s offers per 1,000 children") % {"rate": _number(row.per_1000, 1)}
    return f"{head}, {tail}."


# --- overlaps (Doppelstrukturen) ---------------------------------------------------------------


@dataclass
class Overlap:
    category: Category
    band: AgeBand
    district: District
    weekday: str
    offers: list  # [(offer, organisation, schedule)]

    @property
    def weekday_label(self) -> str:
        return str(WEEKDAYS[self.weekday])


def overlaps(alliance) -> list[Overlap]:
    """Groups of at least two offers by different providers with the same category, age
    band (of the guide), district and weekday."""
    sessions = (
        Schedule.objects.for_alliance(alliance)
        .filter(
            kind=Schedule.Kind.SESSION,
            offer_location__offer__status=Status.PUBLISHED,
            offer_location__location__district__isnull=False,
        )
        .exclude(byday="")
        .select_related("offer_location__offer__organisation", "offer_location__location__district")
        .prefetch_related("offer_location__offer__categories")
    )
    groups: dict[tuple, dict[int, tuple]] = defaultdict(dict)
    bands = [b for b in AGE_BANDS if b.min_months is not None]
    for schedule in sessions:
        offer = schedule.offer_location.offer
        district = schedule.offer_location.location.district
        lo = offer.age_min_months if offer.age_min_months is not None else 0
        hi = offer.age_max_months if offer.age_max_months is not None else 10**4
        if offer.age_min_months is None and offer.age_max_months is None:
            continue  # "all ages" overlaps with everything: not a meaningful duplicate
        for band in bands:
            if lo > band.max_months or hi < band.min_months:
                continue
            for category in offer.categories.all():
                for day in schedule.byday.split(","):
                    key = (category.pk, band.key, district.pk, day)
                    groups[key].setdefault(
                        offer.pk, (offer, offer.organisation, schedule, category, band, district)
                    )
    found = []
    for (_c, _b, _d, day), members in groups.items():
        organisations = {entry[1].pk for entry in members.values()}
        if len(organisations) < 2:
            continue
        first = next(iter(members.values()))
        found.append(
            Overlap(
                category=first[3],
                band=first[4],
                district=first[5],
                weekday=day,
                offers=sorted(
                    ((e[0], e[1], e[2]) for e in members.values()), key=lambda e: e[0].name
                ),
            )
        )
    found.sort(
        key=lambda o: (
            o.district.name,
            WEEKDAY_ORDER.index(o.weekday) if o.weekday in WEEKDAY_ORDER else 9,
            o.category.name,
            o.band.min_months,
        )
    )
    return found


def categories_for_coverage(alliance):
    return Category.objects.for_alliance(alliance).order_by("position", "name")
