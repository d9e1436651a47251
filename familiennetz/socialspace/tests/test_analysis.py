"""The composite index, derived indicators and map classes against hand-computed figures."""

import math

import pytest

from familiennetz.alliances.tests.factories import AllianceFactory
from familiennetz.socialspace.analysis import (
    EQUAL,
    JENKS,
    QUANTILES,
    classify,
    compute_index,
    indicator_values,
)
from familiennetz.socialspace.models import Indicator

from .factories import IndicatorFactory, index_with, square_grid, values

pytestmark = pytest.mark.django_db


@pytest.fixture
def town():
    alliance = AllianceFactory(slug="stadt", latitude=51.0, longitude=13.0)
    a, b, c, d = square_grid(alliance, ["A", "B", "C", "D"])
    return alliance, (a, b, c, d)


def test_index_is_the_weighted_mean_of_signed_z_scores(town):
    alliance, (a, b, c, d) = town
    x = IndicatorFactory(alliance=alliance, code="x")
    y = IndicatorFactory(alliance=alliance, code="y")
    values(x, 2024, {a: 10, b: 20, c: 30, d: 40})
    values(y, 2024, {a: 5, b: 5, c: 10, d: 20})
    index = index_with(alliance, "planning_area", [(x, 2.0, 1), (y, 1.0, -1)])

    result = compute_index(index)

    # x: mean 25, sd √125; y: mean 10, sd √37.5 (population standard deviations).
    # score = (2·z(x) − z(y)) / 3, by hand: A −0.6223, B −0.0260, C 0.2981, D 0.3501.
    scores = {row.district.name: round(row.score, 4) for row in result.rows}
    assert scores == {"A": -0.6223, "B": -0.026, "C": 0.2981, "D": 0.3501}
    assert [row.district.name for row in result.rows] == ["D", "C", "B", "A"]
    assert [row.rank for row in result.rows] == [1, 2, 3, 4]
    assert result.components[0].mean == 25 and math.isclose(result.components[0].sd, math.sqrt(125))
    assert result.year == 2024
    assert result.formula() == "Index = (2 · z(x) − 1 · z(y)) / 3"


def test_index_classes_split_the_ranking_evenly(town):
    alliance, districts = town
    x = IndicatorFactory(alliance=alliance, code="x")
    values(x, 2024, dict(zip(districts, [1, 2, 3, 4], strict=True)))
    index = index_with(alliance, "planning_area", [(x, 1.0, 1)], classes=2)
    result = compute_index(index)
    assert [(r.district.name, r.klass) for r in result.rows] == [
        ("D", 1),
        ("C", 1),
        ("B", 2),
        ("A", 2),
    ]


def test_district_with_a_missing_value_is_listed_not_ranked(town):
    alliance, (a, b, c, d) = town
    x = IndicatorFactory(alliance=alliance)
    values(x, 2024, {a: 1, b: 2, c: 3})
    result = compute_index(index_with(alliance, "planning_area", [(x, 1.0, 1)]))
    assert [r.district for r in result.rows] == [c, b, a]
    assert result.missing == [d]


def test_trend_is_kept_apart_from_status(town):
    alliance, (a, b, c, d) = town
    x = IndicatorFactory(alliance=alliance, code="x")
    values(x, 2022, {a: 10, b: 30, c: 30, d: 40})
    values(x, 2024, {a: 20, b: 30, c: 30, d: 40})  # only A changed: +10
    index = index_with(alliance, "planning_area", [(x, 1.0, 1)], trend_years=2)
    result = compute_index(index, year=2024)
    by = {r.district.name: r for r in result.rows}
    assert by["D"].rank == 1 and by["A"].rank == 4  # status: A is still lowest
    assert by["A"].trend_rank == 1  # trend: A worsened most
    assert result.trend_from == 2022
    # Only in 2023: no trend year → no trend.
    assert compute_index(index, year=2022).trend_from is None


def test_derived_indicators_sum_rate_and_share(town):
    alliance, (a, b, _c, _d) = town
    under3 = IndicatorFactory(alliance=alliance, code="u3")
    three6 = IndicatorFactory(alliance=alliance, code="u3-6")
    people = IndicatorFactory(alliance=alliance, code="ew")
    values(under3, 2024, {a: 40, b: 10})
    values(three6, 2024, {a: 60})
    values(people, 2024, {a: 2000, b: 500})
    under6 = IndicatorFactory(alliance=alliance, code="u6", formula=Indicator.Formula.SUM)
    under6.summands.set([under3, three6])
    rate = IndicatorFactory(
        alliance=alliance,
        code="rate",
        formula=Indicator.Formula.PER_1000,
        numerator=under6,
        denominator=people,
    )
    share = IndicatorFactory(
        alliance=alliance,
        code="share",
        formula=Indicator.Formula.SHARE,
        numerator=under3,
        denominator=people,
    )
    got = indicator_values([under6, rate, share])
    assert got[under6.pk] == {(a.pk, 2024): 100}  # B lacks 3–6: no sum
    assert got[rate.pk] == {(a.pk, 2024): 50.0}
    assert got[share.pk] == {(a.pk, 2024): 2.0, (b.pk, 2024): 2.0}


def test_classification_methods():
    data = [1, 2, 3, 4, 10, 11, 12, 30]
    quantiles = classify(data, method=QUANTILES, k=4)
    assert quantiles.counts == [2, 2, 2, 2]
    equal = classify(data, method=EQUAL, k=3)
    assert equal.breaks == [1, 1 + 29 / 3, 1 + 58 / 3, 30]
    assert equal.counts == [5, 2, 1]
    jenks = classify(data, method=JENKS, k=3)
    assert jenks.breaks == [1, 4, 12, 30]
    assert jenks.counts == [4, 3, 1]
    assert jenks.of(None) is None
    assert len(quantiles.colours) == 4
    assert classify([5, 5, 5], k=5).counts == [3]
