"""``GET /api/v1/{alliance}/social-planning``: published offers per district, top-level
category and age band, with the age bands without any offer (gaps), for a municipality's
social planning. Public data only (published offers); the table is the reports app's
(``reports.selectors.planning_table``), the same as the workspace's CSV/XLSX export."""

from __future__ import annotations

from ninja import Schema

from familiennetz.directory.models.audience import AGE_BANDS
from familiennetz.interop.api.common import ERRORS, AllianceSlug, alliance_get
from familiennetz.reports.selectors import planning_table

from .v1_app import api


class AgeBandOut(Schema):
    key: str
    label: str


class PlanningRowOut(Schema):
    district: str
    category: str
    offers: dict[str, int]
    gaps: list[str]


class PlanningOut(Schema):
    alliance: str
    age_bands: list[AgeBandOut]
    rows: list[PlanningRowOut]


@api.get(
    "/{alliance}/social-planning",
    response={200: PlanningOut, **ERRORS},
    tags=["social planning"],
)
def social_planning(request, alliance: AllianceSlug):
    """Offers per district, category and age band; ``gaps`` names the age bands without any
    offer of the category in the district."""
    network = alliance_get(alliance)
    bands = [{"key": band.key, "label": str(band.label)} for band in AGE_BANDS]
    rows = [
        {
            "district": row.district,
            "category": row.category,
            "offers": {band.key: row.counts.get(band.key, 0) for band in AGE_BANDS},
            "gaps": [band.key for band in AGE_BANDS if not row.counts.get(band.key)],
        }
        for row in planning_table(network)
    ]
    return {"alliance": network.slug, "age_bands": bands, "rows": rows}
