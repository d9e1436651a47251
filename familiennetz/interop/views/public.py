"""Open data of one alliance on its public pages: GeoJSON for any search, HSDS downloads and
a page that explains the interfaces. No login, no cookies."""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.db.models import Count, Max
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from familiennetz.directory import selectors as directory_selectors
from familiennetz.directory.forms import OfferFilterForm
from familiennetz.directory.models import Location, Offer, Organisation
from familiennetz.events.models import Event
from familiennetz.interop import geojson
from familiennetz.interop.hsds.export import export_tables, files_for, write_zip

MAX_FEATURES = 5000
public_cache = cache_control(public=True, max_age=300)
OPEN = {"Access-Control-Allow-Origin": "*"}


def _filters(request) -> dict:
    """The public search's filters from the query string (same names as /suche/)."""
    alliance = request.alliance
    form = OfferFilterForm(
        request.GET or None,
        categories=directory_selectors.category_list_for_filter(alliance=alliance),
        districts=directory_selectors.district_list(alliance=alliance),
        languages=directory_selectors.language_list_in_use(alliance=alliance),
        places=directory_selectors.origin_place_list(alliance=alliance),
    )
    return form.filters() if form.is_bound else {}


def _open(response: HttpResponse) -> HttpResponse:
    """Open data: any website may fetch it (no cookies are involved)."""
    for name, value in OPEN.items():
        response[name] = value
    return response


def _geojson_response(data: dict) -> HttpResponse:
    return _open(
        JsonResponse(
            data, content_type="application/geo+json", json_dumps_params={"ensure_ascii": False}
        )
    )


@require_safe
@public_cache
def offers_geojson(request):
    """Every offer a search finds (not just one page), as GeoJSON points."""
    alliance = request.alliance
    outcome = directory_selectors.offer_search(
        alliance=alliance, filters=_filters(request), page_size=MAX_FEATURES, cards=False
    )
    offers = directory_selectors.offer_list_for_map(
        alliance=alliance, ids=list(outcome.page.object_list)
    )
    return _geojson_response(geojson.offer_features(request, alliance, offers))


@require_safe
@public_cache
def places_geojson(request):
    """Places with coordinates; ``ortsteil`` narrows to a district."""
    places = Location.objects.for_alliance(request.alliance).filter(latitude__isnull=False)
    district = request.GET.get("ortsteil", "")
    if district:
        places = places.filter(district__slug=district)
    places = places.order_by("name", "pk")[:MAX_FEATURES]
    return _geojson_response(geojson.location_features(request, request.alliance, places))


def _data_version(alliance) -> str:
    """Changes when an offer, organisation, place or event of the alliance changes."""
    parts = []
    for model in (Offer, Organisation, Location, Event):
        found = model.objects.for_alliance(alliance).aggregate(
            n=Count("pk"), last=Max("updated_at")
        )
        parts.append(f"{found['n']}:{found['last']}")
    return "|".join(parts)


@require_safe
@public_cache
def hsds_download(request, fmt: str):
    """The whole public directory as an HSDS 3.0 ZIP (JSON documents or CSV data package),
    built once per change of the data."""
    alliance = request.alliance
    version = hashlib.sha256(_data_version(alliance).encode()).hexdigest()[:16]
    key = f"hsds-zip:{alliance.pk}:{fmt}:{version}"
    content = cache.get(key)
    if content is None:
        content = write_zip(files_for(export_tables(alliance=alliance), fmt))
        cache.set(key, content, 3600)
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{alliance.slug}-hsds-{fmt}.zip"'
    return _open(response)


@require_safe
@public_cache
def open_data(request):
    alliance = request.alliance
    absolute = request.build_absolute_uri
    return render(
        request,
        "interop/public/open_data.html",
        {
            "api_url": absolute(
                reverse("api-v1:alliance_detail", kwargs={"alliance": alliance.slug})
            ),
            "api_docs_url": absolute(reverse("api-v1:openapi-view")),
            "hsds_url": absolute(reverse("api-hsds:hsds_root", kwargs={"alliance": alliance.slug})),
            "hsds_docs_url": absolute(reverse("api-hsds:openapi-view")),
            "offers_geojson_url": absolute(
                reverse("interop:offers-geojson", kwargs={"alliance_slug": alliance.slug})
            ),
            "places_geojson_url": absolute(
                reverse("interop:places-geojson", kwargs={"alliance_slug": alliance.slug})
            ),
            "offer_count": Offer.objects.for_alliance(alliance).published().count(),
        },
    )
