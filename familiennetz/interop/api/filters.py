"""Query parameters of the JSON API and how they become the guide's filter keys (the
public search, directory.forms.OfferFilterForm, uses the German names)."""

from __future__ import annotations

from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import AfterValidator, model_validator

from familiennetz.alliances.models import Alliance
from familiennetz.directory.models import Organisation
from familiennetz.directory.models.audience import AgeBand

from .common import MAX_PAGE_SIZE, SLUG_PATTERN, IsoDate, IsoDateTime

AgeBandKey = Literal["schwangerschaft", "0-3", "3-6", "6-10", "10-14", "14-18"]
Weekday = Literal["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
WEEKDAY_PARAM = dict(
    zip(
        ["MO", "TU", "WE", "TH", "FR", "SA", "SU"],
        ["mo", "di", "mi", "do", "fr", "sa", "so"],
        strict=True,
    )
)
SORT_PARAM = {"relevance": "relevanz", "distance": "entfernung", "name": "name"}


class Page(Schema):
    page: int = Field(1, ge=1, le=10_000)
    page_size: int = Field(20, ge=1, le=MAX_PAGE_SIZE)


class Changed(Schema):
    modified_since: IsoDateTime | None = Field(
        None, description="Only records changed at or after this time (ISO 8601)."
    )


class OfferFilters(Page, Changed):
    q: str | None = Field(
        None,
        max_length=200,
        description="Search words (German full text), at most 200 characters. The whole query "
        "string may have at most 3,072 bytes (percent-encoded); longer requests get 414.",
    )
    category: str | None = Field(None, pattern=SLUG_PATTERN, max_length=100)
    age_band: AgeBandKey | None = None
    age: int | None = Field(None, ge=0, le=27, description="Age of the child in years.")
    district: str | None = Field(None, pattern=SLUG_PATTERN, max_length=100)
    free: bool | None = None
    language: str | None = Field(None, pattern=r"^[a-zA-Z-]{2,12}$")
    accessible: list[Literal["wheelchair", "pram"]] = Field(default_factory=list)
    weekday: Weekday | None = None
    open_now: bool | None = None
    organisation: str | None = Field(None, pattern=SLUG_PATTERN, max_length=120)
    near_district: str | None = Field(
        None,
        pattern=SLUG_PATTERN,
        max_length=100,
        description="Origin for proximity: a district. Give at most one origin "
        "(near_district, near_location or lat/lon); more than one is a 422.",
    )
    near_location: str | None = Field(
        None,
        pattern=SLUG_PATTERN,
        max_length=120,
        description="Origin for proximity: a place. At most one origin (see near_district).",
    )
    lat: float | None = Field(
        None,
        ge=-90,
        le=90,
        description="Origin for proximity, together with lon (one without the other is a "
        "422). At most one origin (see near_district).",
    )
    lon: float | None = Field(None, ge=-180, le=180, description="Together with lat.")
    radius_km: float | None = Field(None, gt=0, le=1000, description="Needs an origin.")
    sort: Literal["relevance", "distance", "name"] | None = None

    @model_validator(mode="after")
    def check_origin(self):
        if (self.lat is None) != (self.lon is None):
            raise ValueError("lat and lon must be given together")
        origins = sum(x is not None for x in (self.near_district, self.near_location, self.lat))
        if origins > 1:
            raise ValueError("give one origin: near_district, near_location or lat/lon")
        return self


def _bbox(value: str) -> tuple[float, float, float, float]:
    """``minlon,minlat,maxlon,maxlat`` (WGS 84, as in GeoJSON) → four floats."""
    parts = value.split(",")
    try:
        west, south, east, north = (float(part) for part in parts)
    except ValueError:
        raise ValueError("bbox needs four numbers: minlon,minlat,maxlon,maxlat") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        raise ValueError("bbox longitudes must be between -180 and 180")
    if not (-90 <= south <= 90 and -90 <= north <= 90):
        raise ValueError("bbox latitudes must be between -90 and 90")
    if west > east or south > north:
        raise ValueError("bbox: minlon must not exceed maxlon, nor minlat maxlat")
    return (west, south, east, north)


BBox = Annotated[str, AfterValidator(_bbox)]


class GeoFilters(OfferFilters):
    page_size: int = Field(500, ge=1, le=1000)
    bbox: BBox | None = Field(
        None,
        description=(
            "Map viewport: only offers with a place inside the box "
            "`minlon,minlat,maxlon,maxlat` (WGS 84 degrees, as in GeoJSON; edges included); "
            "only those places become points."
        ),
        max_length=200,
        examples=["13.08,50.94,13.16,51.00"],
    )


class NamedFilters(Page, Changed):
    q: str | None = Field(
        None,
        max_length=200,
        description="Part of the name, at most 200 characters. The whole query string may "
        "have at most 3,072 bytes (percent-encoded); longer requests get 414.",
    )


class LocationFilters(NamedFilters):
    district: str | None = Field(None, pattern=SLUG_PATTERN, max_length=100)


class EventFilters(Page, Changed):
    category: str | None = Field(None, pattern=SLUG_PATTERN, max_length=100)
    age_band: AgeBandKey | None = None
    district: str | None = Field(None, pattern=SLUG_PATTERN, max_length=100)
    free: bool | None = None
    language: str | None = Field(None, pattern=r"^[a-zA-Z-]{2,12}$")
    organisation: str | None = Field(None, pattern=SLUG_PATTERN, max_length=120)


class OccurrenceFilters(EventFilters):
    start: IsoDate | None = Field(
        None,
        alias="from",
        description="First day (default today); a date from 1900-01-01 to 2200-12-31 "
        "(other years are a 422).",
    )
    end: IsoDate | None = Field(
        None,
        alias="to",
        description="Last day (inclusive); from 1900-01-01 to 2200-12-31 and not before "
        "'from' (else 422).",
    )

    @model_validator(mode="after")
    def check_range(self):
        if self.start and self.end and self.end < self.start:
            raise ValueError("'to' must not be before 'from'")
        return self


def search_filters(alliance: Alliance, f: OfferFilters) -> dict:
    """API parameters → the public search's filter keys (directory.forms.OfferFilterForm)."""
    filters: dict = {}
    pairs = {
        "q": " ".join((f.q or "").split()),
        "kategorie": f.category,
        "alter": f.age_band,
        "ortsteil": f.district,
        "kostenlos": f.free,
        "sprache": f.language,
        "barrierefrei": [
            {"wheelchair": "rollstuhl", "pram": "kinderwagen"}[a] for a in f.accessible
        ],
        "wochentag": WEEKDAY_PARAM.get(f.weekday or ""),
        "jetzt_offen": f.open_now,
        "sortierung": SORT_PARAM.get(f.sort or ""),
        "modified_since": f.modified_since,
        "radius_km": f.radius_km,
    }
    filters.update(
        {key: value for key, value in pairs.items() if value not in (None, "", [], False)}
    )
    if f.age is not None:
        filters["age_range"] = AgeBand("age", "", f.age * 12, f.age * 12 + 11)
    if f.near_district:
        filters["nahe"] = f"ortsteil:{f.near_district}"
    elif f.near_location:
        filters["nahe"] = f"ort:{f.near_location}"
    elif f.lat is not None:
        filters.update(nahe="standort", lat=f.lat, lon=f.lon)
    if getattr(f, "bbox", None):
        filters["bbox"] = f.bbox
    if f.organisation:
        org = Organisation.objects.for_alliance(alliance).filter(slug=f.organisation).first()
        filters["organisation_id"] = org.pk if org else -1
    return filters


def event_filters(f: EventFilters) -> dict:
    pairs = {
        "kategorie": f.category,
        "alter": f.age_band,
        "ortsteil": f.district,
        "kostenlos": f.free,
        "sprache": f.language,
        "organisation": f.organisation,
    }
    return {key: value for key, value in pairs.items() if value not in (None, "", False)}
