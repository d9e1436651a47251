"""Factories and a small synthetic district set with hand-computable geometry.

``square_grid`` makes districts as squares of ``size_km`` side in a row from west to east,
around 51° N (1 km ≈ 0.014274° of longitude and 0.009044° of latitude there).
"""

from __future__ import annotations

import math
import os
from pathlib import Path

import factory

from familiennetz.alliances.tests.factories import AllianceFactory
from familiennetz.socialspace.models import (
    CompositeIndex,
    District,
    IndexComponent,
    Indicator,
    IndicatorValue,
)


def _shared_data() -> Path:
    """The shared sample data (Berlin, Hamburg): FAMILIENNETZ_SHARED_DATA, else ``shared/data``
    beside the checkout (as CI lays it out); tests skip when neither is there."""
    if os.environ.get("FAMILIENNETZ_SHARED_DATA"):
        return Path(os.environ["FAMILIENNETZ_SHARED_DATA"])
    return Path(__file__).resolve().parents[3].parent / "shared" / "data"


SHARED_DATA = _shared_data()
LAT0 = 51.0
KM_LAT = 1 / 110.574
KM_LON = 1 / (111.320 * math.cos(math.radians(LAT0)))
LON0 = 13.0


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    alliance = factory.SubFactory(AllianceFactory)
    code = factory.Sequence(lambda n: f"ind-{n}")
    name = factory.Sequence(lambda n: f"Indikator {n}")
    measure = Indicator.Measure.VALUE


def square(x_km: float, y_km: float, size_km: float) -> dict:
    """A GeoJSON square with its south-west corner x/y km east/north of (LON0, LAT0)."""
    west, south = LON0 + x_km * KM_LON, LAT0 + y_km * KM_LAT
    east, north = west + size_km * KM_LON, south + size_km * KM_LAT
    return {
        "type": "Polygon",
        "coordinates": [
            [[west, south], [east, south], [east, north], [west, north], [west, south]]
        ],
    }


def point(x_km: float, y_km: float) -> tuple[float, float]:
    """(latitude, longitude) of a point x/y km east/north of (LON0, LAT0)."""
    return LAT0 + y_km * KM_LAT, LON0 + x_km * KM_LON


def square_grid(
    alliance, names: list[str], *, size_km: float = 2.0, kind: str = "planning_area", parent=None
):
    districts = []
    for number, name in enumerate(names):
        lat, lon = point(number * size_km + size_km / 2, size_km / 2)
        districts.append(
            District.objects.create(
                alliance=alliance,
                name=name,
                slug=name.lower(),
                code=f"{number + 1:02d}",
                kind=kind,
                parent=parent,
                boundary=square(number * size_km, 0, size_km),
                latitude=lat,
                longitude=lon,
                area_km2=size_km * size_km,
            )
        )
    return districts


def values(indicator: Indicator, year: int, by_district: dict) -> None:
    for district, value in by_district.items():
        IndicatorValue.objects.create(
            alliance=indicator.alliance,
            indicator=indicator,
            district=district,
            year=year,
            value=value,
        )


def index_with(
    alliance, kind: str, components: list[tuple[Indicator, float, int]], **kwargs
) -> CompositeIndex:
    index = CompositeIndex.objects.create(
        alliance=alliance, name="Sozialindex", district_kind=kind, **kwargs
    )
    for indicator, weight, direction in components:
        IndexComponent.objects.create(
            alliance=alliance, index=index, indicator=indicator, weight=weight, direction=direction
        )
    return index
