"""Open Referral HSDS 3.0 API: ``/api/hsds/{alliance}/`` is the server URL of the HSDS
OpenAPI file (schema/3.0/openapi.json), one per network. Records are exactly those of the
HSDS export (same ids, same mapping); list filters follow the HSDS file, plus ``age`` from
the UK profile. See docs/dev/hsds.md."""

from __future__ import annotations

import json
import math
from typing import Any, Literal

from django.db.models import Avg, Q
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date
from ninja import Field, NinjaAPI, Query, Schema
from ninja.openapi.docs import Swagger

from familiennetz.alliances.models import Alliance
from familiennetz.directory.models import Location, OfferLocation, Organisation
from familiennetz.directory.models.offers import AgeBand
from familiennetz.directory.selectors import offer_ids_matching
from familiennetz.interop.hsds import export as hsds_export
from familiennetz.interop.hsds.export import Scope
from familiennetz.interop.hsds.ids import IdMap, Kind
from familiennetz.interop.hsds.schema import HSDS_VERSION
from familiennetz.interop.hsds.vocabulary import ATTRIBUTE_TAXONOMY_ID, CATEGORY_TAXONOMY_ID

from .common import ERRORS, AllianceSlug, IsoDateTime, alliance_get

api = NinjaAPI(
    title="familiennetz – Open Referral HSDS 3.0",
    version="3.0",
    description=(
        "The networks' public directories as Open Referral HSDS 3.0 "
        "(https://docs.openreferral.org/). The HSDS server URL of a network is "
        "`/api/hsds/{alliance}`. German specifics (district, legal basis, age bands, Leichte "
        "Sprache, …) are HSDS `attribute`s of the taxonomy 'familiennetz Merkmale'. Filters: "
        "those of the HSDS OpenAPI file, plus `age` (years) from the UK profile."
    ),
    urls_namespace="api-hsds",
    docs=Swagger(settings={"defaultModelsExpandDepth": 0}),
    docs_url="/docs",
    openapi_url="/openapi.json",
)
PROFILE_URL = "https://docs.openreferral.org/en/latest/hsds/overview.html"
MAX_PER_PAGE = 100
NDJSON = "application/x-ndjson"
NDJSON_DOC = {
    "responses": {
        "200": {
            "description": "A page of results (format=json) or all results as JSON lines.",
            "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/HsdsPage"}},
                NDJSON: {"schema": {"type": "string"}},
            },
        }
    }
}


class Meta(Schema):
    version: str
    profile: str
    openapi_url: str


class HsdsPage(Schema):
    total_items: int
    total_pages: int
    page_number: int
    size: int
    first_page: bool
    last_page: bool
    empty: bool
    contents: list[dict[str, Any]]


class Paging(Schema):
    search: str | None = Field(None, max_length=200, description="Full text search.")
    page: int = Field(1, ge=1, le=100_000, description="Page number of paginated result.")
    per_page: int = Field(50, ge=1, le=MAX_PER_PAGE, description="Results in one page.")
    format: Literal["json", "ndjson"] = Field(
        "json", description="json, or ndjson: all results as JSON lines without pagination."
    )


class ServiceFilters(Paging):
    taxonomy_term_id: str | None = Field(None, max_length=64)
    taxonomy_id: str | None = Field(None, max_length=64)
    organization_id: str | None = Field(None, max_length=64)
    modified_after: IsoDateTime | None = Field(
        None, description="Only results modified on or after this time."
    )
    full: bool = Field(False, description="Fully nested records.")
    age: int | None = Field(None, ge=0, le=27, description="Age in years (UK profile).")
    postcode: str | None = Field(
        None, max_length=10, description="Results near the centroid of this postal code."
    )
    proximity: float | None = Field(
        None, gt=0, le=1_000_000, description="Within this many metres of the postcode."
    )


class ServiceListFilters(ServiceFilters):
    minimal: bool = Field(False, description="Only id, name, status and last_modified.")


class OrganizationFilters(Paging):
    full: bool = Field(False, description="Fully nested organizations.")
    full_service: bool = Field(False, description="With fully nested services.")


class TermFilters(Paging):
    taxonomy_id: str | None = Field(None, max_length=64)
    top_only: bool = Field(False, description="Only terms without a parent.")
    parent_id: str | None = Field(None, max_length=64)


# --- helpers --------------------------------------------------------------------------------


def _page(request, rows: list[dict], filters: Paging, *, total: int | None = None, number=None):
    """The HSDS page envelope; ``rows`` are this page's (or, for ndjson, all) results."""
    if filters.format == "ndjson":
        lines = (json.dumps(row, ensure_ascii=False, default=str) + "\n" for row in rows)
        return StreamingHttpResponse(lines, content_type=NDJSON)
    total = len(rows) if total is None else total
    pages = max(1, math.ceil(total / filters.per_page))
    number = filters.page if number is None else number
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": number,
        "size": len(rows),
        "first_page": number == 1,
        "last_page": number >= pages,
        "empty": not rows,
        "contents": rows,
    }


def _slice(items: list, filters: Paging) -> list:
    if filters.format == "ndjson":
        return items
    start = (filters.page - 1) * filters.per_page
    return items[start : start + filters.per_page]


def _last_modified(response: HttpResponse, rows: list[dict]) -> None:
    stamps = [parse_datetime(row["last_modified"]) for row in rows if row.get("last_modified")]
    if stamps and not isinstance(response, StreamingHttpResponse):
        response["Last-Modified"] = http_date(max(stamps).timestamp())


def _ids(alliance: Alliance) -> IdMap:
    return IdMap(alliance.pk)


def _service_filters(alliance: Alliance, ids: IdMap, f: ServiceFilters) -> dict | None:
    """HSDS parameters → the guide's search filters; None if nothing can match."""
    filters: dict = {}
    if f.search:
        filters["q"] = " ".join(f.search.split())
    if f.taxonomy_term_id:
        pk = ids.resolve(Kind.CATEGORY, f.taxonomy_term_id)
        slug = (
            alliance.categories.filter(pk=pk).values_list("slug", flat=True).first() if pk else None
        )
        if slug is None:
            return None
        filters["kategorie"] = slug
    if f.taxonomy_id and f.taxonomy_id != CATEGORY_TAXONOMY_ID:
        return None
    if f.organization_id:
        pk = ids.resolve(Kind.ORGANISATION, f.organization_id)
        if pk is None:
            return None
        filters["organisation_id"] = pk
    if f.modified_after:
        filters["modified_since"] = f.modified_after
    if f.age is not None:
        filters["age_range"] = AgeBand("age", "", f.age * 12, f.age * 12 + 11)
    if f.postcode:
        centre = (
            Location.objects.for_alliance(alliance)
            .filter(postal_code=f.postcode.strip(), latitude__isnull=False)
            .aggregate(lat=Avg("latitude"), lon=Avg("longitude"))
        )
        if centre["lat"] is None:
            return None
        filters.update(nahe="standort", lat=centre["lat"], lon=centre["lon"])
        if f.proximity:
            filters["radius_km"] = f.proximity / 1000
    if f.taxonomy_id == CATEGORY_TAXONOMY_ID and not f.taxonomy_term_id:
        filters["with_category"] = True
    return filters


def _matching(alliance: Alliance, filters: ServiceFilters) -> tuple[IdMap, dict | None, list[int]]:
    """(ids of the alliance, the search filters or None, the matching offers best first)."""
    ids = _ids(alliance)
    search = _service_filters(alliance, ids, filters)
    matched = _matching_offer_ids(alliance, search) if search is not None else []
    return ids, search, matched


def _matching_offer_ids(alliance: Alliance, filters: dict) -> list[int]:
    ids = offer_ids_matching(alliance=alliance, filters=filters).ids
    if filters.get("with_category"):
        with_category = set(
            alliance.offers.filter(pk__in=ids, categories__isnull=False).values_list(
                "pk", flat=True
            )
        )
        ids = [pk for pk in ids if pk in with_category]
    return ids


def _documents(alliance: Alliance, scope: Scope) -> tuple[hsds_export.Export, Any]:
    export = hsds_export.export_tables(alliance=alliance, scope=scope)
    return export, hsds_export.Index(export)


# --- endpoints ------------------------------------------------------------------------------


@api.get("/{alliance}/", response={200: Meta, **ERRORS}, url_name="hsds_root", tags=["hsds"])
def hsds_root(request, alliance: AllianceSlug):
    """Information about this API and its relationship with HSDS."""
    alliance_get(alliance)
    return {
        "version": HSDS_VERSION,
        "profile": PROFILE_URL,
        "openapi_url": request.build_absolute_uri(reverse("api-hsds:openapi-json")),
    }


@api.get(
    "/{alliance}/services",
    response={200: HsdsPage, **ERRORS},
    tags=["hsds"],
    openapi_extra=NDJSON_DOC,
)
def services(
    request, alliance: AllianceSlug, response: HttpResponse, filters: Query[ServiceListFilters]
):
    """Paginated services (one-to-one fields and their organization; ``full``: nested)."""
    alliance = alliance_get(alliance)
    ids, _search, matched = _matching(alliance, filters)
    chosen = _slice(matched, filters)
    export, index = _documents(alliance, Scope(offers=frozenset(chosen)))
    by_pk = {ids.hsds_id(Kind.OFFER, pk): n for n, pk in enumerate(chosen)}
    rows = sorted(export.rows("service"), key=lambda row: by_pk[row["id"]])
    if filters.minimal:
        contents = [
            {k: row[k] for k in ("id", "name", "status", "last_modified") if k in row}
            for row in rows
        ]
    elif filters.full:
        contents = [hsds_export.nest(index, "service", row) for row in rows]
    else:
        contents = [_with_organization(index, row) for row in rows]
    _last_modified(response, rows)
    return _page(request, contents, filters, total=len(matched))


def _with_organization(index, row: dict) -> dict:
    organization = index.by_id.get(("organization", row.get("organization_id")))
    return {**row, "organization": dict(organization)} if organization else dict(row)


@api.get("/{alliance}/services/{id}", response={200: dict[str, Any], **ERRORS}, tags=["hsds"])
def service(request, alliance: AllianceSlug, id: str, response: HttpResponse):
    """A fully nested service."""
    alliance = alliance_get(alliance)
    pk = _ids(alliance).resolve(Kind.OFFER, id)
    if pk is None or not alliance.offers.published().filter(pk=pk).exists():
        raise Http404("No such service.")
    export, index = _documents(alliance, Scope(offers=frozenset({pk})))
    row = export.rows("service")[0]
    _last_modified(response, [row])
    return hsds_export.nest(index, "service", row)


@api.get(
    "/{alliance}/organizations",
    response={200: HsdsPage, **ERRORS},
    tags=["hsds"],
    openapi_extra=NDJSON_DOC,
)
def organizations(request, alliance: AllianceSlug, filters: Query[OrganizationFilters]):
    """Paginated organizations."""
    alliance = alliance_get(alliance)
    qs = Organisation.objects.for_alliance(alliance).order_by("name", "pk")
    if filters.search:
        qs = qs.filter(Q(name__icontains=filters.search) | Q(description__icontains=filters.search))
    pks = list(qs.values_list("pk", flat=True))
    chosen = _slice(pks, filters)
    contents = _organization_documents(
        alliance, chosen, full=filters.full, full_service=filters.full_service
    )
    return _page(request, contents, filters, total=len(pks))


def _organization_documents(alliance, pks: list[int], *, full: bool, full_service: bool) -> list:
    offers = frozenset(
        alliance.offers.published().filter(organisation_id__in=pks).values_list("pk", flat=True)
    ) if full or full_service else frozenset()  # fmt: skip
    export, index = _documents(alliance, Scope(offers=offers, organisations=frozenset(pks)))
    ids = _ids(alliance)
    wanted = [ids.hsds_id(Kind.ORGANISATION, pk) for pk in pks]
    rows = {row["id"]: row for row in export.rows("organization")}
    documents = []
    for org_id in wanted:
        row = rows[org_id]
        if not (full or full_service):
            documents.append(dict(row))
            continue
        document = hsds_export.nest(index, "organization", row)
        services = [s for s in export.rows("service") if s["organization_id"] == org_id]
        document["services"] = [
            hsds_export.nest(index, "service", s)
            if full_service
            else {"id": s["id"], "name": s["name"], "status": s["status"]}
            for s in services
        ]
        documents.append(document)
    return documents


@api.get("/{alliance}/organizations/{id}", response={200: dict[str, Any], **ERRORS}, tags=["hsds"])
def organization(request, alliance: AllianceSlug, id: str, full_service: bool = False):
    """A nested organization with the list of its services (``full_service``: nested)."""
    alliance = alliance_get(alliance)
    pk = _ids(alliance).resolve(Kind.ORGANISATION, id)
    if pk is None or not Organisation.objects.for_alliance(alliance).filter(pk=pk).exists():
        raise Http404("No such organization.")
    return _organization_documents(alliance, [pk], full=True, full_service=full_service)[0]


@api.get(
    "/{alliance}/locations",
    response={200: HsdsPage, **ERRORS},
    tags=["hsds"],
    openapi_extra=NDJSON_DOC,
)
def locations(request, alliance: AllianceSlug, filters: Query[Paging]):
    """Paginated, nested locations (not in the HSDS OpenAPI file; same page format)."""
    alliance = alliance_get(alliance)
    qs = Location.objects.for_alliance(alliance).order_by("name", "pk")
    if filters.search:
        qs = qs.filter(Q(name__icontains=filters.search) | Q(city__icontains=filters.search))
    pks = list(qs.values_list("pk", flat=True))
    chosen = _slice(pks, filters)
    export, index = _documents(alliance, Scope(offers=frozenset(), locations=frozenset(chosen)))
    order = {_ids(alliance).hsds_id(Kind.LOCATION, pk): n for n, pk in enumerate(chosen)}
    rows = sorted(export.rows("location"), key=lambda row: order[row["id"]])
    contents = [hsds_export.nest(index, "location", row) for row in rows]
    return _page(request, contents, filters, total=len(pks))


@api.get("/{alliance}/locations/{id}", response={200: dict[str, Any], **ERRORS}, tags=["hsds"])
def location(request, alliance: AllianceSlug, id: str):
    alliance = alliance_get(alliance)
    pk = _ids(alliance).resolve(Kind.LOCATION, id)
    if pk is None or not Location.objects.for_alliance(alliance).filter(pk=pk).exists():
        raise Http404("No such location.")
    export, index = _documents(alliance, Scope(offers=frozenset(), locations=frozenset({pk})))
    return hsds_export.nest(index, "location", export.rows("location")[0])


@api.get(
    "/{alliance}/service_at_locations",
    response={200: HsdsPage, **ERRORS},
    tags=["hsds"],
    openapi_extra=NDJSON_DOC,
)
def service_at_locations(
    request, alliance: AllianceSlug, response: HttpResponse, filters: Query[ServiceFilters]
):
    """Paginated services at locations, with their location and service."""
    alliance = alliance_get(alliance)
    ids, search, matched = _matching(alliance, filters)
    rank = {pk: n for n, pk in enumerate(matched)}
    links = OfferLocation.objects.for_alliance(alliance).filter(offer_id__in=matched)
    if search and search.get("radius_km") is not None:
        links = [
            link for link in links.select_related("location") if _within(link.location, search)
        ]
    links = sorted(links, key=lambda link: (rank[link.offer_id], link.pk))
    chosen = _slice(links, filters)
    export, index = _documents(alliance, Scope(offers=frozenset(link.offer_id for link in chosen)))
    rows = {row["id"]: row for row in export.rows("service_at_location")}
    contents = []
    for link in chosen:
        row = rows[ids.hsds_id(Kind.OFFER_LOCATION, link.pk)]
        contents.append(_service_at_location(index, row, full=filters.full))
    _last_modified(response, [index.by_id[("service", row["service_id"])] for row in contents])
    return _page(request, contents, filters, total=len(links))


def _within(location: Location, search: dict) -> bool:
    from familiennetz.core.geo import distance_km

    if not location.has_coordinates:
        return False
    km = distance_km(search["lat"], search["lon"], location.latitude, location.longitude)
    return km <= search["radius_km"]


def _service_at_location(index, row: dict, *, full: bool) -> dict:
    if full:
        document = hsds_export.nest(index, "service_at_location", row)
    else:
        document = dict(row)
        location = index.by_id.get(("location", row["location_id"]))
        if location:
            document["location"] = dict(location)
    service = index.by_id.get(("service", row["service_id"]))
    if service:
        document["service"] = dict(service)
    return document


@api.get(
    "/{alliance}/service_at_locations/{id}", response={200: dict[str, Any], **ERRORS}, tags=["hsds"]
)
def service_at_location(request, alliance: AllianceSlug, id: str):
    """A fully nested service at a location."""
    alliance = alliance_get(alliance)
    pk = _ids(alliance).resolve(Kind.OFFER_LOCATION, id)
    link = (
        OfferLocation.objects.for_alliance(alliance)
        .filter(pk=pk, offer__status="published")
        .first()
        if pk
        else None
    )
    if link is None:
        raise Http404("No such service at location.")
    export, index = _documents(alliance, Scope(offers=frozenset({link.offer_id})))
    row = next(r for r in export.rows("service_at_location") if r["id"] == id)
    return _service_at_location(index, row, full=True)


def _taxonomy_rows(alliance: Alliance) -> hsds_export.Export:
    return hsds_export.export_tables(alliance=alliance, scope=Scope(offers=frozenset()))


@api.get(
    "/{alliance}/taxonomies",
    response={200: HsdsPage, **ERRORS},
    tags=["hsds"],
    openapi_extra=NDJSON_DOC,
)
def taxonomies(request, alliance: AllianceSlug, filters: Query[Paging]):
    """The two taxonomies: the network's categories and the familiennetz attributes."""
    rows = _taxonomy_rows(alliance_get(alliance)).rows("taxonomy")
    if filters.search:
        rows = [r for r in rows if filters.search.casefold() in r["name"].casefold()]
    return _page(request, _slice(rows, filters), filters, total=len(rows))


@api.get("/{alliance}/taxonomies/{id}", response={200: dict[str, Any], **ERRORS}, tags=["hsds"])
def taxonomy(request, alliance: AllianceSlug, id: str):
    for row in _taxonomy_rows(alliance_get(alliance)).rows("taxonomy"):
        if row["id"] == id:
            return row
    raise Http404("No such taxonomy.")


@api.get(
    "/{alliance}/taxonomy_terms",
    response={200: HsdsPage, **ERRORS},
    tags=["hsds"],
    openapi_extra=NDJSON_DOC,
)
def taxonomy_terms(request, alliance: AllianceSlug, filters: Query[TermFilters]):
    """Terms of both taxonomies (categories first)."""
    rows = _taxonomy_rows(alliance_get(alliance)).rows("taxonomy_term")
    if filters.taxonomy_id:
        rows = [r for r in rows if r.get("taxonomy_id") == filters.taxonomy_id]
    if filters.top_only:
        rows = [r for r in rows if not r.get("parent_id")]
    if filters.parent_id:
        rows = [r for r in rows if r.get("parent_id") == filters.parent_id]
    if filters.search:
        needle = filters.search.casefold()
        rows = [r for r in rows if needle in r["name"].casefold() or needle in r["code"].casefold()]
    return _page(request, _slice(rows, filters), filters, total=len(rows))


@api.get("/{alliance}/taxonomy_terms/{id}", response={200: dict[str, Any], **ERRORS}, tags=["hsds"])
def taxonomy_term(request, alliance: AllianceSlug, id: str):
    export = _taxonomy_rows(alliance_get(alliance))
    for row in export.rows("taxonomy_term"):
        if row["id"] == id:
            taxonomy_row = next(t for t in export.rows("taxonomy") if t["id"] == row["taxonomy_id"])
            return {**row, "taxonomy_detail": taxonomy_row}
    raise Http404("No such taxonomy term.")


TAXONOMY_IDS = (CATEGORY_TAXONOMY_ID, ATTRIBUTE_TAXONOMY_ID)
