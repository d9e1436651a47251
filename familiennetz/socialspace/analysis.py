"""Reads of the district analysis: indicator values (imported and derived), the composite
index (z-scores, weights, directions; status and trend kept apart), classes for maps.

Everything here reads; nothing writes. Figures about people are suppressed where they are
shown (``privacy.py`` of this app), not here: the index needs the true values.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .models import CompositeIndex, District, Indicator, IndicatorValue

Values = dict[tuple[int, int], float]  # (district id, year) → value


# --- indicator values, derived ones computed on the fly -----------------------------------------


def _dependencies(indicators: list[Indicator]) -> dict[int, Indicator]:
    """The indicators and everything they are derived from (by id)."""
    found: dict[int, Indicator] = {}
    queue = list(indicators)
    while queue:
        indicator = queue.pop()
        if indicator.pk in found:
            continue
        found[indicator.pk] = indicator
        if indicator.formula == Indicator.Formula.SUM:
            queue.extend(indicator.summands.all())
        elif indicator.is_derived:
            queue.extend(i for i in (indicator.numerator, indicator.denominator) if i is not None)
    return found


def indicator_values(
    indicators: list[Indicator],
    *,
    years: list[int] | None = None,
    districts: list[int] | None = None,
) -> dict[int, Values]:
    """Values of ``indicators`` per (district, year); derived indicators are computed."""
    if not indicators:
        return {}
    every = _dependencies(indicators)
    imported = [pk for pk, i in every.items() if not i.is_derived]
    rows = IndicatorValue.objects.filter(indicator_id__in=imported)
    if years is not None:
        rows = rows.filter(year__in=years)
    if districts is not None:
        rows = rows.filter(district_id__in=districts)
    result: dict[int, Values] = {pk: {} for pk in every}
    for indicator_id, district_id, year, value in rows.values_list(
        "indicator_id", "district_id", "year", "value"
    ).iterator(chunk_size=5000):
        result[indicator_id][(district_id, year)] = value

    done = set(imported)

    def compute(indicator: Indicator, depth: int = 0) -> Values:
        if indicator.pk in done or depth > 10:
            return result[indicator.pk]
        if indicator.formula == Indicator.Formula.SUM:
            parts = [compute(every[s.pk], depth + 1) for s in indicator.summands.all()]
            keys = set.intersection(*(set(p) for p in parts)) if parts else set()
            result[indicator.pk] = {k: sum(p[k] for p in parts) for k in keys}
        else:
            if indicator.numerator_id is None or indicator.denominator_id is None:
                result[indicator.pk] = {}
            else:
                top = compute(every[indicator.numerator_id], depth + 1)
                bottom = compute(every[indicator.denominator_id], depth + 1)
                factor = 1000.0 if indicator.formula == Indicator.Formula.PER_1000 else 100.0
                result[indicator.pk] = {
                    k: top[k] / bottom[k] * factor for k in top.keys() & bottom.keys() if bottom[k]
                }
        done.add(indicator.pk)
        return result[indicator.pk]

    for indicator in every.values():
        compute(indicator)
    return {i.pk: result[i.pk] for i in indicators}


def indicator_years(indicator: Indicator) -> list[int]:
    every = _dependencies([indicator])
    imported = [pk for pk, i in every.items() if not i.is_derived]
    return sorted(
        set(IndicatorValue.objects.filter(indicator_id__in=imported).values_list("year", flat=True))
    )


def leaf_districts(alliance, kind: str):
    return list(District.objects.for_alliance(alliance).filter(kind=kind).order_by("name"))


# --- composite index ---------------------------------------------------------------------------


@dataclass
class ComponentStats:
    indicator: Indicator
    weight: float
    direction: int
    mean: float
    sd: float
    n: int


@dataclass
class IndexRow:
    district: District
    score: float
    rank: int = 0
    klass: int = 0
    z: dict[int, float] = field(default_factory=dict)  # indicator id → signed z-score
    trend: float | None = None
    trend_rank: int | None = None


@dataclass
class IndexResult:
    index: CompositeIndex
    year: int | None
    trend_from: int | None
    components: list[ComponentStats]
    rows: list[IndexRow]
    missing: list[District]
    trend_components: list[ComponentStats] = field(default_factory=list)

    @property
    def by_district(self) -> dict[int, IndexRow]:
        return {row.district.pk: row for row in self.rows}

    def formula(self) -> str:
        """The formula in words and symbols, with the actual means and deviations."""
        if not self.components:
            return ""
        total = sum(c.weight for c in self.components)
        terms = []
        for number, c in enumerate(self.components):
            sign = "+" if c.direction > 0 else "−"
            if number == 0 and sign == "+":
                sign = ""
            terms.append(f"{sign} {_num(c.weight)} · z({c.indicator.code})".strip())
        return f"Index = ({' '.join(terms)}) / {_num(total)}"


def _num(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _stats(values: list[float]) -> tuple[float, float]:
    n = len(values)
    mean = sum(values) / n
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / n)
    return mean, sd


def available_years(index: CompositeIndex) -> list[int]:
    """Years in which every component has values (the latest last)."""
    components = list(index.components.select_related("indicator"))
    if not components:
        return []
    years = None
    for component in components:
        own = set(indicator_years(component.indicator))
        years = own if years is None else years & own
    return sorted(years or [])


def compute_index(index: CompositeIndex, *, year: int | None = None) -> IndexResult:
    """Status (z-scores of the year's values) and trend (z-scores of the change over
    ``trend_years``), both weighted means over the components; rank 1 = most need."""
    components = list(
        index.components.select_related(
            "indicator", "indicator__numerator", "indicator__denominator"
        )
    )
    districts = leaf_districts(index.alliance, index.district_kind)
    if not components or not districts:
        return IndexResult(index, year, None, [], [], districts)
    if year is None:
        years = available_years(index)
        year = years[-1] if years else None
    if year is None:
        return IndexResult(index, None, None, [], [], districts)
    trend_from = year - index.trend_years
    values = indicator_values(
        [c.indicator for c in components],
        years=[year, trend_from],
        districts=[d.pk for d in districts],
    )

    def scores(get) -> tuple[list[ComponentStats], dict[int, tuple[float, dict]]]:
        stats, per_district = [], {d.pk: [0.0, {}, True] for d in districts}
        for c in components:
            column = {d.pk: get(values[c.indicator.pk], d.pk) for d in districts}
            present = [v for v in column.values() if v is not None]
            if len(present) < 2:
                return [], {}
            mean, sd = _stats(present)
            stats.append(ComponentStats(c.indicator, c.weight, c.direction, mean, sd, len(present)))
            for pk, value in column.items():
                entry = per_district[pk]
                if value is None:
                    entry[2] = False
                    continue
                z = 0.0 if sd == 0 else (value - mean) / sd * c.direction
                entry[0] += c.weight * z
                entry[1][c.indicator.pk] = z
        total = sum(c.weight for c in components) or 1.0
        return stats, {pk: (e[0] / total, e[1]) for pk, e in per_district.items() if e[2]}

    status_stats, status = scores(lambda v, pk: v.get((pk, year)))
    rows = [
        IndexRow(district=d, score=status[d.pk][0], z=status[d.pk][1])
        for d in districts
        if d.pk in status
    ]
    missing = [d for d in districts if d.pk not in status]
    rows.sort(key=lambda r: (-r.score, r.district.name))
    n = len(rows)
    for position, row in enumerate(rows, start=1):
        row.rank = position
        row.klass = min(index.classes, math.ceil(position * index.classes / n)) if n else 0

    def change(v, pk):
        if (pk, year) in v and (pk, trend_from) in v:
            return v[(pk, year)] - v[(pk, trend_from)]
        return None

    trend_stats, trend = scores(change)
    if trend:
        by_pk = {row.district.pk: row for row in rows}
        ranked = sorted(
            (pk for pk in trend if pk in by_pk),
            key=lambda pk: (-trend[pk][0], by_pk[pk].district.name),
        )
        for position, pk in enumerate(ranked, start=1):
            by_pk[pk].trend = trend[pk][0]
            by_pk[pk].trend_rank = position
    return IndexResult(
        index, year, trend_from if trend else None, status_stats, rows, missing, trend_stats
    )


def class_label(klass: int, classes: int) -> str:
    if klass == 1:
        return _("class 1 (most need)")
    if klass == classes:
        return _("class %(k)s (least need)") % {"k": klass}
    return _("class %(k)s") % {"k": klass}


# --- classification for maps ----------------------------------------------------------------------

QUANTILES, EQUAL, JENKS = "quantiles", "equal", "jenks"
METHODS = (QUANTILES, EQUAL, JENKS)

# ColorBrewer "OrRd" (sequential, colour-blind safe, prints in grey), 3–7 classes.
ORRD = {
    3: ["#fee8c8", "#fdbb84", "#e34a33"],
    4: ["#fef0d9", "#fdcc8a", "#fc8d59", "#d7301f"],
    5: ["#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"],
    6: ["#fef0d9", "#fdd49e", "#fdbb84", "#fc8d59", "#e34a33", "#b30000"],
    7: ["#fef0d9", "#fdd49e", "#fdbb84", "#fc8d59", "#ef6548", "#d7301f", "#990000"],
}
NO_DATA = "#d9d9d9"


@dataclass
class Classes:
    breaks: list[float]  # k+1 ascending bounds
    colours: list[str]
    counts: list[int]

    def of(self, value: float | None) -> int | None:
        """Class number 0 … k−1 of a value (None: no value)."""
        if value is None or not self.colours:
            return None
        for number in range(len(self.colours)):
            if value <= self.breaks[number + 1]:
                return number
        return len(self.colours) - 1


def classify(values: list[float], *, method: str = QUANTILES, k: int = 5) -> Classes:
    """Class breaks: quantiles (equal counts), equal intervals, or Jenks natural breaks
    (Fisher–Jenks, the ``jenkspy`` library; ADR 0702)."""
    data = sorted(v for v in values if v is not None)
    distinct = len(set(data))
    k = max(1, min(k, 7, distinct))
    if not data:
        return Classes([], [], [])
    low, high = data[0], data[-1]
    if k < 2 or low == high:
        breaks = [low, high]
    elif method == EQUAL:
        step = (high - low) / k
        breaks = [low + step * i for i in range(k)] + [high]
    elif method == JENKS:
        import jenkspy

        breaks = [float(b) for b in jenkspy.jenks_breaks(data, n_classes=k)]
    else:
        breaks = [low]
        for i in range(1, k):
            position = (len(data) - 1) * i / k
            lower = math.floor(position)
            fraction = position - lower
            upper = min(lower + 1, len(data) - 1)
            breaks.append(data[lower] + (data[upper] - data[lower]) * fraction)
        breaks.append(high)
        # Ties can make equal quantiles: drop empty classes.
        breaks = [b for n, b in enumerate(breaks) if n == 0 or b > breaks[n - 1]]
    count = len(breaks) - 1
    colours = ORRD[max(3, count)][-count:] if count >= 3 else ORRD[3][: max(count, 1)][::1]
    if count == 1:
        colours = [ORRD[3][1]]
    elif count == 2:
        colours = [ORRD[3][0], ORRD[3][2]]
    classes = Classes(breaks, colours, [0] * len(colours))
    for value in data:
        classes.counts[classes.of(value)] += 1
    return classes


def group_values_by_parent(values: dict[int, float], parents: dict[int, int | None]) -> dict:
    groups: dict = defaultdict(dict)
    for pk, value in values.items():
        groups[parents.get(pk)][pk] = value
    return groups
