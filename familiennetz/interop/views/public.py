"""Open data of one alliance on its public pages: GeoJSON for any search, HSDS downloads and
a page that explains the interfaces. No login, no cookies."""

from __future__ import annotations

from django.http import FileResponse, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from familiennetz.core.ratelimit import RateLimit
from familiennetz.directory import selectors as directory_selectors
from familiennetz.directory.forms import OfferFilterForm
from familiennetz.directory.models import Location, Offer
from familiennetz.interop import geojson
from familiennetz.interop import services as interop_services
from familiennetz.interop.hsds.storage import hsds_zip_path

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


@require_safe
@public_cache
def hsds_download(request, fmt: str):
    """The whole public directory as an HSDS 3.0 ZIP (JSON documents or CSV data package),
    built once per change of the data into a file and served from there (hsds/storage.py)."""
    alliance = request.alliance
    path = hsds_zip_path(alliance=alliance, fmt=fmt)
    response = FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=f"{alliance.slug}-hsds-{fmt}.zip",
        content_type="application/zip",
    )
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


MAX_CHECK_BYTES = 10 * 1024 * 1024
check_limit = RateLimit(scope="hsds-check", limit=20, window=600)


@csrf_exempt  # no cookies, no login, nothing stored: a stateless check
@require_POST
def hsds_check(request):
    """The conformance report of an HSDS file (JSON, CSV or ZIP) as JSON: a multipart field
    ``file``, or the file as the request body (``?name=services.json`` names it). Nothing is
    imported or kept; rate limited per client, at most 10 MB."""
    if check_limit.hit(request):
        response = JsonResponse({"error": _("Too many checks; please wait a few minutes.")})
        response.status_code = 429
        response["Retry-After"] = str(check_limit.window)
        return _open(response)
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > MAX_CHECK_BYTES + 64 * 1024:
        return _too_large()
    upload = request.FILES.get("file") if request.content_type == "multipart/form-data" else None
    if upload is not None:
        if upload.size > MAX_CHECK_BYTES:
            return _too_large()
        data, name = upload.read(), upload.name or "upload.json"
    else:
        data = request.body
        name = (request.GET.get("name") or "upload.json").rsplit("/", 1)[-1][:100]
    if not data:
        return _open(JsonResponse({"error": _("Send a file (field “file”).")}, status=400))
    report = interop_services.hsds_conformance(data=data, name=name, alliance=request.alliance)
    return _open(JsonResponse(report.as_dict(), json_dumps_params={"ensure_ascii": False}))


def _too_large() -> HttpResponse:
    message = _("The file is larger than %(mb)d MB.") % {"mb": MAX_CHECK_BYTES // 1024 // 1024}
    return _open(JsonResponse({"error": message}, status=413))
