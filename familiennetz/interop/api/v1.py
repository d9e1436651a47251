"""The read-only JSON API ``/api/v1/``: what the public guide shows, for apps and portals.

Every path starts with the alliance's short name (``/api/v1/hainichen/offers``): tenancy is
explicit, URLs are cacheable and an unknown or inactive alliance is a 404. Only published
offers and events are visible. The offer search reuses the public search (same filters,
ranking, German full-text search and distances). HTTP concerns — CORS, ETag/Last-Modified,
rate limits — are handled for all of /api/ in ``http.py``. See docs/dev/api.md.
"""

from __future__ import annotations

from typing import Literal

from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date
from ninja import Field, NinjaAPI, Query, Schema
from ninja.openapi.docs import Swagger
from pydantic import model_validator

from familiennetz.alliances.models import Alliance
from familiennetz.directory import selectors as directory_selectors
from familiennetz.directory.models import Category, Location, Offer, Organisation
from familiennetz.directory.models.offers import AgeBand
from familiennetz.events import selectors as event_selectors
from familiennetz.interop import geojson
from familiennetz.interop.api.common import (
    ERRORS,
    MAX_PAGE_SIZE,
    SLUG_PATTERN,
    AllianceSlug,
    IsoDate,
    IsoDateTime,
    alliance_get,
    latest,
    paginate,
)
from familiennetz.interop.api.schemas import (
    AllianceOut,
    CategoryOut,
    DistrictOut,
    EventOut,
    EventPage,
    LocationOut,
    LocationPage,
    OccurrencePage,
    OfferOut,
    OfferPage,
    OrganisationOut,
    OrganisationPage,
)
from familiennetz.interop.api.serializers import Serializer
from familiennetz.interop.geojson import FeatureCollection
from familiennetz.socialspace.models import District

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
Slug = Field(None, pattern=SLUG_PATTERN, max_length=120)

api = NinjaAPI(
    title="familiennetz API",
    version="1",
    description=(
        "Read-only access to the public family guides of the networks on this instance: "
        "offers with the guide's search filters and proximity, organisations, places, "
        "events and their dates, categories and districts. Every path starts with the "
        "short name of a network (`/api/v1/{alliance}/…`, list: `/api/v1/alliances`). "
        "Responses carry ETag and Last-Modified (send If-None-Match for a 304); CORS allows "
        "GET from any origin without credentials; clients are rate limited (429 with "
        "Retry-After). Open Referral HSDS 3.0: `/api/hsds/{alliance}/`."
    ),
    urls_namespace="api-v1",
    docs=Swagger(settings={"defaultModelsExpandDepth": 0, "tryItOutEnabled": True}),
    docs_url="/docs",
    openapi_url="/openapi.json",
)


class Page(Schema):
    page: int = Field(1, ge=1, le=10_000)
    page_size: int = Field(20, ge=1, le=MAX_PAGE_SIZE)


class Changed(Schema):
    modified_since: IsoDateTime | None = Field(
        None, description="Only records changed at or after this time (ISO 8601)."
    )


class OfferFilters(Page, Changed):
    q: str | None = Field(None, max_length=200, description="Search words (German full text).")
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
    near_district: str | None = Field(None, pattern=SLUG_PATTERN, max_length=100)
    near_location: str | None = Field(None, pattern=SLUG_PATTERN, max_length=120)
    lat: float | None = Field(None, ge=-90, le=90, description="Origin for proximity.")
    lon: float | None = Field(None, ge=-180, le=180)
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


class GeoFilters(OfferFilters):
    page_size: int = Field(500, ge=1, le=1000)


class NamedFilters(Page, Changed):
    q: str | None = Field(None, max_length=200, description="Part of the name.")


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
    start: IsoDate | None = Field(None, alias="from", description="First day (default today).")
    end: IsoDate | None = Field(None, alias="to", description="Last day (inclusive).")

    @model_validator(mode="after")
    def check_range(self):
        if self.start and self.end and self.end < self.start:
            raise ValueError("'to' must not be before 'from'")
        return self


def _set_last_modified(response: HttpResponse, value) -> None:
    if value is not None:
        response["Last-Modified"] = http_date(value.timestamp())


def _search_filters(alliance: Alliance, f: OfferFilters) -> dict:
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
    if f.organisation:
        org = Organisation.objects.for_alliance(alliance).filter(slug=f.organisation).first()
        filters["organisation_id"] = org.pk if org else -1
    return filters


def _offer_page(request, alliance: Alliance, f: OfferFilters) -> tuple[dict, list[Offer]]:
    filters = _search_filters(alliance, f)
    outcome = directory_selectors.offer_search(
        alliance=alliance, filters={**filters, "seite": f.page}, page_size=f.page_size
    )
    offers = outcome.offers if outcome.page.number == f.page else []
    serializer = Serializer(request, alliance)
    envelope = {
        "count": outcome.total,
        "page": f.page,
        "pages": outcome.page.paginator.num_pages,
        "page_size": f.page_size,
        "suggestion": outcome.suggestion,
        "results": [serializer.offer(o, outcome.distances.get(o.pk)) for o in offers],
    }
    return envelope, offers


# --- alliances ----------------------------------------------------------------------------


def _alliance_out(request, alliance: Alliance) -> dict:
    return {
        "slug": alliance.slug,
        "name": alliance.name,
        "region": alliance.region,
        "about": alliance.about,
        "website": alliance.website,
        "latitude": alliance.latitude,
        "longitude": alliance.longitude,
        "is_demo": alliance.is_demo,
        "url": request.build_absolute_uri(alliance.get_absolute_url()),
        "api_url": request.build_absolute_uri(
            reverse("api-v1:alliance_detail", kwargs={"alliance": alliance.slug})
        ),
        "hsds_url": request.build_absolute_uri(
            reverse("api-hsds:hsds_root", kwargs={"alliance": alliance.slug})
        ),
    }


@api.get("/alliances", response={200: list[AllianceOut], **ERRORS}, tags=["networks"])
def alliance_list(request):
    """The networks (alliances) on this instance."""
    return [_alliance_out(request, a) for a in Alliance.objects.active().order_by("name")]


@api.get("/{alliance}", response={200: AllianceOut, **ERRORS}, tags=["networks"])
def alliance_detail(request, alliance: AllianceSlug):
    """One network."""
    return _alliance_out(request, alliance_get(alliance))


# --- offers ---------------------------------------------------------------------------------


@api.get("/{alliance}/offers", response={200: OfferPage, **ERRORS}, tags=["offers"])
def offer_list(
    request, alliance: AllianceSlug, response: HttpResponse, filters: Query[OfferFilters]
):
    """Published offers, filtered and ranked like the guide's search."""
    envelope, offers = _offer_page(request, alliance_get(alliance), filters)
    _set_last_modified(response, latest(o.updated_at for o in offers))
    return envelope


@api.get(
    "/{alliance}/offers.geojson",
    response={200: FeatureCollection, **ERRORS},
    tags=["offers", "maps"],
)
def offer_geojson(request, alliance: AllianceSlug, filters: Query[GeoFilters]):
    """The offers of a search as GeoJSON points (one per place), at most ``page_size``."""
    alliance = alliance_get(alliance)
    outcome = directory_selectors.offer_search(
        alliance=alliance,
        filters={**_search_filters(alliance, filters), "seite": filters.page},
        page_size=filters.page_size,
    )
    offers = outcome.offers if outcome.page.number == filters.page else []
    return geojson.offer_features(request, alliance, offers)


@api.get("/{alliance}/offers/{slug}", response={200: OfferOut, **ERRORS}, tags=["offers"])
def offer_detail(request, alliance: AllianceSlug, slug: str, response: HttpResponse):
    alliance = alliance_get(alliance)
    offer = directory_selectors.offer_get_public(alliance=alliance, slug=slug)
    _set_last_modified(response, offer.updated_at)
    return Serializer(request, alliance).offer(offer)


# --- organisations and places ---------------------------------------------------------------


@api.get(
    "/{alliance}/organisations", response={200: OrganisationPage, **ERRORS}, tags=["organisations"]
)
def organisation_list(
    request, alliance: AllianceSlug, response: HttpResponse, filters: Query[NamedFilters]
):
    alliance = alliance_get(alliance)
    qs = Organisation.objects.for_alliance(alliance).order_by("name", "pk")
    return _named_page(request, response, qs, filters, Serializer(request, alliance).organisation)


@api.get(
    "/{alliance}/organisations/{slug}",
    response={200: OrganisationOut, **ERRORS},
    tags=["organisations"],
)
def organisation_detail(request, alliance: AllianceSlug, slug: str, response: HttpResponse):
    alliance = alliance_get(alliance)
    org = directory_selectors.organisation_get_public(alliance=alliance, slug=slug)
    _set_last_modified(response, org.updated_at)
    return Serializer(request, alliance).organisation(org)


def _named_page(request, response, qs, filters: NamedFilters, serialize) -> dict:
    """A page of records filtered by part of their name and change date."""
    if filters.q:
        qs = qs.filter(name__icontains=filters.q)
    if filters.modified_since:
        qs = qs.filter(updated_at__gte=filters.modified_since)
    rows, meta = paginate(qs, page=filters.page, page_size=filters.page_size)
    _set_last_modified(response, latest(row.updated_at for row in rows))
    return {**meta, "results": [serialize(row) for row in rows]}


def _locations(alliance: Alliance):
    return (
        Location.objects.for_alliance(alliance)
        .select_related("organisation")
        .prefetch_related("schedules")
        .order_by("name", "pk")
    )


@api.get("/{alliance}/locations", response={200: LocationPage, **ERRORS}, tags=["locations"])
def location_list(
    request, alliance: AllianceSlug, response: HttpResponse, filters: Query[LocationFilters]
):
    alliance = alliance_get(alliance)
    qs = _locations(alliance)
    if filters.district:
        qs = qs.filter(district__slug=filters.district)
    return _named_page(request, response, qs, filters, Serializer(request, alliance).location)


@api.get(
    "/{alliance}/locations.geojson",
    response={200: FeatureCollection, **ERRORS},
    tags=["locations", "maps"],
)
def location_geojson(request, alliance: AllianceSlug, filters: Query[LocationFilters]):
    """Places as GeoJSON points (those with coordinates), at most ``page_size``."""
    alliance = alliance_get(alliance)
    qs = _locations(alliance).filter(latitude__isnull=False)
    if filters.district:
        qs = qs.filter(district__slug=filters.district)
    rows, _meta = paginate(qs, page=filters.page, page_size=filters.page_size)
    return geojson.location_features(request, alliance, rows)


@api.get("/{alliance}/locations/{slug}", response={200: LocationOut, **ERRORS}, tags=["locations"])
def location_detail(request, alliance: AllianceSlug, slug: str, response: HttpResponse):
    alliance = alliance_get(alliance)
    location = directory_selectors.location_get_public(alliance=alliance, slug=slug)
    _set_last_modified(response, location.updated_at)
    return Serializer(request, alliance).location(location)


# --- events ---------------------------------------------------------------------------------


def _event_filters(f: EventFilters) -> dict:
    pairs = {
        "kategorie": f.category,
        "alter": f.age_band,
        "ortsteil": f.district,
        "kostenlos": f.free,
        "sprache": f.language,
        "organisation": f.organisation,
    }
    return {key: value for key, value in pairs.items() if value not in (None, "", False)}


@api.get("/{alliance}/events", response={200: EventPage, **ERRORS}, tags=["events"])
def event_list(
    request, alliance: AllianceSlug, response: HttpResponse, filters: Query[EventFilters]
):
    """Published events (a single date or a series); their dates: ``/occurrences``."""
    alliance = alliance_get(alliance)
    qs = (
        event_selectors.event_list_matching(alliance=alliance, filters=_event_filters(filters))
        .select_related("organisation", "location", "offer")
        .prefetch_related("categories", "languages")
        .order_by("starts_at", "pk")
        .distinct()
    )
    if filters.modified_since:
        qs = qs.filter(updated_at__gte=filters.modified_since)
    rows, meta = paginate(qs, page=filters.page, page_size=filters.page_size)
    _set_last_modified(response, latest(e.updated_at for e in rows))
    serializer = Serializer(request, alliance)
    return {**meta, "results": [serializer.event(e) for e in rows]}


@api.get("/{alliance}/events/{slug}", response={200: EventOut, **ERRORS}, tags=["events"])
def event_detail(request, alliance: AllianceSlug, slug: str, response: HttpResponse):
    alliance = alliance_get(alliance)
    event = event_selectors.event_get_public(alliance=alliance, slug=slug)
    _set_last_modified(response, event.updated_at)
    return Serializer(request, alliance).event(event)


@api.get("/{alliance}/occurrences", response={200: OccurrencePage, **ERRORS}, tags=["events"])
def occurrence_list(
    request, alliance: AllianceSlug, response: HttpResponse, filters: Query[OccurrenceFilters]
):
    """Dates of published events from ``from`` (default: today) to ``to``, soonest first;
    cancelled dates are included with their status."""
    alliance = alliance_get(alliance)
    start = filters.start or timezone.localdate()
    found = event_selectors.calendar_list(
        alliance=alliance,
        filters=_event_filters(filters),
        start=start,
        end=filters.end,
        page=filters.page,
        page_size=filters.page_size,
    )
    entries = [entry for day in found.days for entry in day.entries]
    if found.page.number != filters.page:
        entries = []
    if filters.modified_since:
        entries = [e for e in entries if e.occurrence.updated_at >= filters.modified_since]
    _set_last_modified(response, latest(e.occurrence.updated_at for e in entries))
    serializer = Serializer(request, alliance)
    return {
        "count": found.total,
        "page": filters.page,
        "pages": found.page.paginator.num_pages,
        "page_size": filters.page_size,
        "results": [serializer.occurrence(entry) for entry in entries],
    }


# --- reference data -------------------------------------------------------------------------


@api.get("/{alliance}/categories", response={200: list[CategoryOut], **ERRORS}, tags=["taxonomy"])
def category_list(request, alliance: AllianceSlug):
    """The network's categories (taxonomy), parents before their children."""
    alliance = alliance_get(alliance)
    categories = Category.objects.for_alliance(alliance).select_related("parent")
    ordered = sorted(categories, key=lambda c: (c.parent_id is not None, c.position, c.name))
    return [
        {
            "slug": c.slug,
            "code": c.code,
            "name": c.name,
            "name_en": c.name_en,
            "description": c.description,
            "parent": c.parent.slug if c.parent_id else None,
            "synonyms": c.synonym_list(),
        }
        for c in ordered
    ]


@api.get("/{alliance}/districts", response={200: list[DistrictOut], **ERRORS}, tags=["taxonomy"])
def district_list(request, alliance: AllianceSlug):
    """Districts (Ortsteile, Stadtteile) the guide filters by."""
    alliance = alliance_get(alliance)
    districts = District.objects.for_alliance(alliance).select_related("parent").order_by("name")
    return [
        {
            "slug": d.slug,
            "name": d.name,
            "kind": d.kind,
            "parent": d.parent.slug if d.parent_id else None,
            "latitude": d.latitude,
            "longitude": d.longitude,
        }
        for d in districts
    ]
