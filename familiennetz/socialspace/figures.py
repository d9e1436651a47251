"""Which figures may be shown (docs/dev/socialspace.md, "Data protection").

Indicators of the kind "number of people" are counts about people: a district value from 1
to 4 is shown as "<5", and because the values of sibling districts add up to their parent's
value (which is shown too), one more sibling is hidden where only one would be, so that the
small one cannot be recovered by subtraction (``core.privacy.suppress_distribution``).
Shares and rates whose numerator is such a count are hidden where the count is. Everything
else (percentages published as such, areas, numbers of offers, index scores) is shown.
"""

from __future__ import annotations

from collections import defaultdict

from familiennetz.core import privacy

from .analysis import indicator_values
from .models import Indicator


def _suppress_people(
    values: dict[int, float], parents: dict[int, int | None]
) -> dict[int, float | None]:
    groups: dict = defaultdict(dict)
    for pk, value in values.items():
        groups[parents.get(pk)][pk] = round(value)
    shown: dict[int, float | None] = {}
    for members in groups.values():
        for pk, value in privacy.suppress_distribution(members, total_shown=True).items():
            shown[pk] = None if value is None else values[pk]
    return shown


def shown_values(
    indicator: Indicator, *, year: int, districts: list
) -> tuple[dict[int, float], dict[int, float | None]]:
    """(true values, values as they may be shown) of one year for ``districts``."""
    parents = {d.pk: d.parent_id for d in districts}
    ids = list(parents)
    wanted = [indicator]
    numerator = (
        indicator.numerator
        if indicator.formula
        in (
            Indicator.Formula.PER_1000,
            Indicator.Formula.SHARE,
        )
        else None
    )
    if numerator is not None:
        wanted.append(numerator)
    raw = indicator_values(wanted, years=[year], districts=ids)
    values = {d: v for (d, _y), v in raw[indicator.pk].items()}
    if indicator.is_about_people:
        return values, _suppress_people(values, parents)
    if numerator is not None and numerator.is_about_people:
        counts = {d: v for (d, _y), v in raw[numerator.pk].items()}
        hidden = _suppress_people(counts, parents)
        return values, {pk: (None if hidden.get(pk, 0) is None else v) for pk, v in values.items()}
    return values, dict(values)


def shown_series(indicator: Indicator, *, district, siblings: list) -> dict[int, float | None]:
    """One district's values per year as they may be shown: the same suppression as in the
    year's table of its level (siblings = the districts with the same parent and kind)."""
    parents = {d.pk: d.parent_id for d in siblings}
    numerator = (
        indicator.numerator
        if indicator.formula
        in (
            Indicator.Formula.PER_1000,
            Indicator.Formula.SHARE,
        )
        else None
    )
    people = indicator.is_about_people or (numerator is not None and numerator.is_about_people)
    wanted = [indicator] + ([numerator] if numerator is not None else [])
    raw = indicator_values(wanted, districts=list(parents) if people else [district.pk])
    own = {y: v for (d, y), v in raw[indicator.pk].items() if d == district.pk}
    if not people:
        return dict(own)
    counts_source = raw[indicator.pk] if indicator.is_about_people else raw[numerator.pk]
    shown: dict[int, float | None] = {}
    for year, value in own.items():
        counts = {d: v for (d, y), v in counts_source.items() if y == year}
        hidden = _suppress_people(counts, parents)
        shown[year] = None if hidden.get(district.pk, 0) is None else value
    return shown
