"""The JSON API ``/api/v1/``: what the public guide shows, for apps and portals (the write
operations for token holders are in ``write.py``; both register on ``v1_app.api``, and
``routes.py`` imports them so the URL configuration gets the whole API).

Every path starts with the alliance's short name (``/api/v1/hainichen/offers``): tenancy is
explicit, URLs are cacheable and an unknown or inactive alliance is a 404. Only published
offers and events are visible. The offer search reuses the public search (same filters,
ranking, German full-text search and distances). HTTP concerns — CORS, ETag/Last-Modified,
rate limits — are handled for all of /api/ in ``http.py``. See docs/dev/api.md.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date
from ninja import Query

from familiennetz.alliances.models import Alliance
from familiennetz.directory import selectors as directory_selectors
from familiennetz.directory.models import Category, Location, Offer, Organisation
from familiennetz.events import selectors as event_selectors
from familiennetz.interop import geojson
from familiennetz.interop.api.common import (
    ERRORS,
    AllianceSlug,
    alliance_get,
    latest,
    paginate,
)
from familiennetz.interop.api.filters import (
    EventFilters,
    GeoFilters,
    LocationFilters,
    NamedFilters,
    OccurrenceFilters,
    OfferFilters,
    event_filters,
    search_filters,
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
from familiennetz.interop.api.v1_app import api
from familiennetz.interop.geojson import FeatureCollection
from familiennetz.socialspace.models import District
from familiennetz.translations.selectors import published_translations


def _set_last_modified(response: HttpResponse, value) -> None:
    if value is not None:
        response["Last-Modified"] = http_date(value.timestamp())


def _offer_page(request, alliance: Alliance, f: OfferFilters) -> tuple[dict, list[Offer]]:
    filters = search_filters(alliance, f)
    outcome = directory_selectors.offer_search(
        alliance=alliance,
        filters={**filters, "seite": f.page},
        page_size=f.page_size,
        complete=True,
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
    """The offers of a search as GeoJSON points (one per place), at most ``page_size``;
    ``bbox`` limits them to a map viewport."""
    alliance = alliance_get(alliance)
    outcome = directory_selectors.offer_search(
        alliance=alliance,
        filters={**search_filters(alliance, filters), "seite": filters.page},
        page_size=filters.page_size,
        cards=False,
    )
    ids = list(outcome.page.object_list) if outcome.page.number == filters.page else []
    offers = directory_selectors.offer_list_for_map(alliance=alliance, ids=ids)
    return geojson.offer_features(request, alliance, offers, box=filters.bbox)


@api.get("/{alliance}/offers/{slug}", response={200: OfferOut, **ERRORS}, tags=["offers"])
def offer_detail(request, alliance: AllianceSlug, slug: str, response: HttpResponse):
    alliance = alliance_get(alliance)
    offer = directory_selectors.offer_get_public(alliance=alliance, slug=slug)
    _set_last_modified(response, offer.updated_at)
    return {
        **Serializer(request, alliance).offer(offer),
        "translations": published_translations(offer),
    }


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


@api.get("/{alliance}/events", response={200: EventPage, **ERRORS}, tags=["events"])
def event_list(
    request, alliance: AllianceSlug, response: HttpResponse, filters: Query[EventFilters]
):
    """Published events (a single date or a series); their dates: ``/occurrences``."""
    alliance = alliance_get(alliance)
    qs = (
        event_selectors.event_list_matching(alliance=alliance, filters=event_filters(filters))
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


# What Serializer.occurrence reads: a page of dates loads no texts, organisers or alliances.
OCCURRENCE_FIELDS = (
    "starts_at",
    "ends_at",
    "event_status",
    "status_note",
    "updated_at",
    "event__slug",
    "event__title",
    "event__is_all_day",
    "event__event_status",
    "event__status_note",
    "event__location__slug",
    "event__location__name",
    "event__location__street",
    "event__location__postal_code",
    "event__location__city",
    "event__location__latitude",
    "event__location__longitude",
    "event__location__district_id",
)


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
        filters=event_filters(filters),
        start=start,
        end=filters.end,
        page=filters.page,
        page_size=filters.page_size,
        only=OCCURRENCE_FIELDS,
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
