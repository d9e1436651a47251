"""Parameters, pages and shared lookups of the HSDS API (hsds.py has the endpoints)."""

from __future__ import annotations

import json
import math
from typing import Any, Literal

from django.db.models import Avg
from django.http import HttpResponse, StreamingHttpResponse
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date
from ninja import Field, Schema

from familiennetz.alliances.models import Alliance
from familiennetz.directory.models import Location
from familiennetz.directory.models.audience import AgeBand
from familiennetz.directory.selectors import offer_ids_matching
from familiennetz.interop.hsds import export as hsds_export
from familiennetz.interop.hsds.export import Scope
from familiennetz.interop.hsds.ids import IdMap, Kind
from familiennetz.interop.hsds.vocabulary import CATEGORY_TAXONOMY_ID

from .common import IsoDateTime

PROFILE_URL = "https://docs.openreferral.org/en/latest/hsds/overview.html"
MAX_PER_PAGE = 100
NDJSON = "application/x-ndjson"
NDJSON_DOC = {
    "responses": {
        200: {
            "description": "A page of results (format=json) or all results as JSON lines.",
            "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/HsdsPage"}},
                NDJSON: {"schema": {"type": "string"}},
            },
        }
    }
}


# Text parameters: no NUL character (PostgreSQL cannot compare with one: it was a 500).
NO_NUL = r"^[^\x00]*$"


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
    search: str | None = Field(
        None,
        max_length=200,
        pattern=NO_NUL,
        description="Full text search, at most 200 characters. The whole query string may "
        "have at most 3,072 bytes (percent-encoded); longer requests get 414.",
    )
    page: int = Field(1, ge=1, le=100_000, description="Page number of paginated result.")
    per_page: int = Field(50, ge=1, le=MAX_PER_PAGE, description="Results in one page.")
    format: Literal["json", "ndjson"] = Field(
        "json", description="json, or ndjson: all results as JSON lines without pagination."
    )


class ServiceFilters(Paging):
    taxonomy_term_id: str | None = Field(None, max_length=64, pattern=NO_NUL)
    taxonomy_id: str | None = Field(None, max_length=64, pattern=NO_NUL)
    organization_id: str | None = Field(None, max_length=64, pattern=NO_NUL)
    modified_after: IsoDateTime | None = Field(
        None, description="Only results modified on or after this time."
    )
    full: bool = Field(False, description="Fully nested records.")
    age: int | None = Field(None, ge=0, le=27, description="Age in years (UK profile).")
    postcode: str | None = Field(
        None,
        max_length=10,
        pattern=NO_NUL,
        description="Results near the centroid of this postal code.",
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
    taxonomy_id: str | None = Field(None, max_length=64, pattern=NO_NUL)
    top_only: bool = Field(False, description="Only terms without a parent.")
    parent_id: str | None = Field(None, max_length=64, pattern=NO_NUL)


# --- helpers --------------------------------------------------------------------------------


def hsds_page(rows: list[dict], filters: Paging, *, total: int | None = None, number=None):
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


def page_slice(items: list, filters: Paging) -> list:
    if filters.format == "ndjson":
        return items
    start = (filters.page - 1) * filters.per_page
    return items[start : start + filters.per_page]


def set_last_modified(response: HttpResponse, rows: list[dict]) -> None:
    stamps = [parse_datetime(row["last_modified"]) for row in rows if row.get("last_modified")]
    if stamps and not isinstance(response, StreamingHttpResponse):
        response["Last-Modified"] = http_date(max(stamps).timestamp())


def alliance_ids(alliance: Alliance) -> IdMap:
    return IdMap(alliance.pk)


def service_filters(alliance: Alliance, ids: IdMap, f: ServiceFilters) -> dict | None:
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


def matching(alliance: Alliance, filters: ServiceFilters) -> tuple[IdMap, dict | None, list[int]]:
    """(ids of the alliance, the search filters or None, the matching offers best first)."""
    ids = alliance_ids(alliance)
    search = service_filters(alliance, ids, filters)
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


def scoped_export(alliance: Alliance, scope: Scope) -> tuple[hsds_export.Export, Any]:
    export = hsds_export.export_tables(alliance=alliance, scope=scope)
    return export, hsds_export.Index(export)
