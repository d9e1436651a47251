"""Open Referral HSDS 3.0 API: ``/api/hsds/{alliance}/`` is the server URL of the HSDS
OpenAPI file (schema/3.0/openapi.json), one per network. Records are exactly those of the
HSDS export (same ids, same mapping); list filters follow the HSDS file, plus ``age`` from
the UK profile. See docs/dev/hsds.md."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.http import Http404, HttpResponse
from django.urls import reverse
from ninja import NinjaAPI, Query
from ninja.openapi.docs import Swagger

from familiennetz.alliances.models import Alliance
from familiennetz.core.geo import distance_km
from familiennetz.directory.models import Location, OfferLocation, Organisation
from familiennetz.interop.hsds import export as hsds_export
from familiennetz.interop.hsds.export import Scope
from familiennetz.interop.hsds.ids import Kind
from familiennetz.interop.hsds.schema import HSDS_VERSION

from .common import ERRORS, AllianceSlug, alliance_get
from .hsds_query import (
    NDJSON_DOC,
    PROFILE_URL,
    HsdsPage,
    Meta,
    OrganizationFilters,
    Paging,
    ServiceFilters,
    ServiceListFilters,
    TermFilters,
    alliance_ids,
    hsds_page,
    matching,
    page_slice,
    scoped_export,
    set_last_modified,
)

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
    ids, _search, matched = matching(alliance, filters)
    chosen = page_slice(matched, filters)
    export, index = scoped_export(alliance, Scope(offers=frozenset(chosen)))
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
    set_last_modified(response, rows)
    return hsds_page(contents, filters, total=len(matched))


def _with_organization(index, row: dict) -> dict:
    organization = index.by_id.get(("organization", row.get("organization_id")))
    return {**row, "organization": dict(organization)} if organization else dict(row)


@api.get("/{alliance}/services/{id}", response={200: dict[str, Any], **ERRORS}, tags=["hsds"])
def service(request, alliance: AllianceSlug, id: str, response: HttpResponse):
    """A fully nested service."""
    alliance = alliance_get(alliance)
    pk = alliance_ids(alliance).resolve(Kind.OFFER, id)
    if pk is None or not alliance.offers.published().filter(pk=pk).exists():
        raise Http404("No such service.")
    export, index = scoped_export(alliance, Scope(offers=frozenset({pk})))
    row = export.rows("service")[0]
    set_last_modified(response, [row])
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
    chosen = page_slice(pks, filters)
    contents = _organization_documents(
        alliance, chosen, full=filters.full, full_service=filters.full_service
    )
    return hsds_page(contents, filters, total=len(pks))


def _organization_documents(alliance, pks: list[int], *, full: bool, full_service: bool) -> list:
    offers = frozenset(
        alliance.offers.published().filter(organisation_id__in=pks).values_list("pk", flat=True)
    ) if full or full_service else frozenset()  # fmt: skip
    export, index = scoped_export(alliance, Scope(offers=offers, organisations=frozenset(pks)))
    ids = alliance_ids(alliance)
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
    pk = alliance_ids(alliance).resolve(Kind.ORGANISATION, id)
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
    chosen = page_slice(pks, filters)
    export, index = scoped_export(alliance, Scope(offers=frozenset(), locations=frozenset(chosen)))
    order = {alliance_ids(alliance).hsds_id(Kind.LOCATION, pk): n for n, pk in enumerate(chosen)}
    rows = sorted(export.rows("location"), key=lambda row: order[row["id"]])
    contents = [hsds_export.nest(index, "location", row) for row in rows]
    return hsds_page(contents, filters, total=len(pks))


@api.get("/{alliance}/locations/{id}", response={200: dict[str, Any], **ERRORS}, tags=["hsds"])
def location(request, alliance: AllianceSlug, id: str):
    alliance = alliance_get(alliance)
    pk = alliance_ids(alliance).resolve(Kind.LOCATION, id)
    if pk is None or not Location.objects.for_alliance(alliance).filter(pk=pk).exists():
        raise Http404("No such location.")
    export, index = scoped_export(alliance, Scope(offers=frozenset(), locations=frozenset({pk})))
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
    ids, search, matched = matching(alliance, filters)
    rank = {pk: n for n, pk in enumerate(matched)}
    links = OfferLocation.objects.for_alliance(alliance).filter(offer_id__in=matched)
    if search and search.get("radius_km") is not None:
        links = [
            link for link in links.select_related("location") if _within(link.location, search)
        ]
    links = sorted(links, key=lambda link: (rank[link.offer_id], link.pk))
    chosen = page_slice(links, filters)
    export, index = scoped_export(
        alliance, Scope(offers=frozenset(link.offer_id for link in chosen))
    )
    rows = {row["id"]: row for row in export.rows("service_at_location")}
    contents = []
    for link in chosen:
        row = rows[ids.hsds_id(Kind.OFFER_LOCATION, link.pk)]
        contents.append(_service_at_location(index, row, full=filters.full))
    set_last_modified(response, [index.by_id[("service", row["service_id"])] for row in contents])
    return hsds_page(contents, filters, total=len(links))


def _within(location: Location, search: dict) -> bool:

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
    pk = alliance_ids(alliance).resolve(Kind.OFFER_LOCATION, id)
    link = (
        OfferLocation.objects.for_alliance(alliance)
        .filter(pk=pk, offer__status="published")
        .first()
        if pk
        else None
    )
    if link is None:
        raise Http404("No such service at location.")
    export, index = scoped_export(alliance, Scope(offers=frozenset({link.offer_id})))
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
    return hsds_page(page_slice(rows, filters), filters, total=len(rows))


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
    return hsds_page(page_slice(rows, filters), filters, total=len(rows))


@api.get("/{alliance}/taxonomy_terms/{id}", response={200: dict[str, Any], **ERRORS}, tags=["hsds"])
def taxonomy_term(request, alliance: AllianceSlug, id: str):
    export = _taxonomy_rows(alliance_get(alliance))
    for row in export.rows("taxonomy_term"):
        if row["id"] == id:
            taxonomy_row = next(t for t in export.rows("taxonomy") if t["id"] == row["taxonomy_id"])
            return {**row, "taxonomy_detail": taxonomy_row}
    raise Http404("No such taxonomy term.")
