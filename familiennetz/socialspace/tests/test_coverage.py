"""Coverage, gap list and overlaps on a synthetic town of 2 km squares (hand-computed)."""

import math

import pytest

from familiennetz.alliances.tests.factories import AllianceFactory
from familiennetz.directory.models import Category, OfferLocation
from familiennetz.directory.services import taxonomy_install
from familiennetz.directory.tests.factories import (
    LocationFactory,
    OfferFactory,
    OrganisationFactory,
    ScheduleFactory,
)
from familiennetz.socialspace.coverage import coverage, gap_list, overlaps
from familiennetz.socialspace.models import AgeGroup, Indicator

from .factories import IndicatorFactory, index_with, point, square_grid, values

pytestmark = pytest.mark.django_db


@pytest.fixture
def town():
    alliance = AllianceFactory(slug="stadt", latitude=51.0, longitude=13.0)
    taxonomy_install(alliance=alliance)
    west, east, far = square_grid(alliance, ["West", "Ost", "Fern"])
    children = IndicatorFactory(
        alliance=alliance,
        code="u6",
        measure=Indicator.Measure.PEOPLE,
        is_population=True,
        age_group=AgeGroup.U6,
    )
    values(children, 2024, {west: 400, east: 300, far: 3})
    group = Category.objects.get(alliance=alliance, code="elternbildung.eltern-kind-gruppe")
    organisation = OrganisationFactory(alliance=alliance)
    lat, lon = point(1, 1)  # the centre of West
    place = LocationFactory(
        alliance=alliance, organisation=organisation, latitude=lat, longitude=lon
    )
    OfferFactory(
        alliance=alliance,
        organisation=organisation,
        categories=[group],
        age_min_months=0,
        age_max_months=36,
        locations=[place],
    )
    return alliance, group, (west, east, far)


def test_offers_per_1000_children_and_reach(town):
    alliance, group, (_west, _east, _far) = town
    result = coverage(
        alliance, category=group, age_group="0-6", radius_km=1.0, kind="planning_area"
    )
    rows = {row.district.name: row for row in result.rows}
    assert result.year == 2024
    assert rows["West"].offers == 1
    assert rows["West"].per_1000 == 2.5  # 1 offer / 400 children × 1000
    # A 1 km circle in a 2 km square: π/4 of the area (a 64-gon of the circle's area).
    assert math.isclose(rows["West"].reach_share, math.pi / 4, rel_tol=0.001)
    assert math.isclose(rows["West"].children_out_of_reach, 400 * (1 - math.pi / 4), rel_tol=0.01)
    # Ost begins exactly 1 km from the offer: no children within 1 km, nearest 1 km away.
    assert rows["Ost"].offers == 0 and rows["Ost"].per_1000 == 0
    assert rows["Ost"].reach_share == pytest.approx(0, abs=1e-9)
    assert rows["Ost"].nearest_km == pytest.approx(1.0, abs=0.01)
    # With 1.5 km, the circle reaches 0.5 km into Ost.
    wider = coverage(alliance, category=group, age_group="0-6", radius_km=1.5, kind="planning_area")
    assert {r.district.name: r for r in wider.rows}["Ost"].reach_share > 0.05


def test_offers_for_other_ages_do_not_count(town):
    alliance, group, _districts = town
    result = coverage(
        alliance, category=group, age_group="10-14", radius_km=1.0, kind="planning_area"
    )
    assert all(row.offers == 0 for row in result.rows)


def test_gap_list_ranks_need_times_children_out_of_reach(town):
    alliance, group, (west, east, far) = town
    need = IndicatorFactory(alliance=alliance, code="sgb2")
    values(need, 2024, {west: 10, east: 30, far: 20})
    index_with(alliance, "planning_area", [(need, 1.0, 1)])

    gaps, _coverage, _ranking = gap_list(
        alliance, category=group, age_group="0-6", radius_km=1.0, kind="planning_area"
    )

    assert [g.row.district.name for g in gaps] == ["Ost", "West", "Fern"]
    ost, west_gap, fern = gaps
    assert (ost.rank, ost.weight, round(ost.score)) == (1, 2.0, 600)  # 300 children × 2
    assert west_gap.rank == 3 and west_gap.weight == 1.0
    assert round(west_gap.score) == round(400 * (1 - math.pi / 4))
    assert ost.sentence == (
        "Planungsraum Ost: 300 Kinder unter 6, Index-Rang 1 von 3, kein Angebot "
        "„Eltern-Kind-Gruppe“ im Umkreis von 1 km (Luftlinie); das nächste ist 1 km entfernt."
    )
    # Three children are fewer than five: the sentence hides them.
    assert fern.sentence.startswith("Planungsraum Fern: <5 Kinder unter 6, Index-Rang 2 von 3")
    assert (
        "21 % der Fläche" in west_gap.sentence
        and "2,5 Angebote je 1.000 Kinder" in west_gap.sentence
    )


def test_overlaps_same_category_age_district_weekday_by_different_providers(town):
    alliance, group, (west, _east, _far) = town
    _places, offers = [], []
    for number in range(3):
        organisation = OrganisationFactory(alliance=alliance, name=f"Träger {number}")
        lat, lon = point(0.5 + number * 0.2, 0.5)
        place = LocationFactory(
            alliance=alliance, organisation=organisation, latitude=lat, longitude=lon
        )
        offer = OfferFactory(
            alliance=alliance,
            organisation=organisation,
            name=f"Krabbelgruppe {number}",
            categories=[group],
            age_min_months=6,
            age_max_months=30,
            locations=[place],
        )
        rule = "FREQ=WEEKLY;BYDAY=TU" if number < 2 else "FREQ=WEEKLY;BYDAY=WE"
        ScheduleFactory(
            alliance=alliance, offer_location=OfferLocation.objects.get(offer=offer), rrule=rule
        )
        offers.append(offer)
    found = overlaps(alliance)
    assert len(found) == 1
    overlap = found[0]
    assert (overlap.district, overlap.weekday, overlap.band.key) == (west, "TU", "0-3")
    assert [entry[0] for entry in overlap.offers] == offers[:2]
