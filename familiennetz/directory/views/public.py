"""Public family guide: no login, no cookies, works without JavaScript."""

from __future__ import annotations

import hashlib

import segno
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from familiennetz.alliances.pagecache import alliance_cached, cache_public_page
from familiennetz.directory import map_selectors, selectors
from familiennetz.directory.forms import OfferFilterForm
from familiennetz.directory.jsonld import location_jsonld, offer_jsonld, organisation_jsonld
from familiennetz.directory.recurrence import next_dates
from familiennetz.translations import languages as content_languages
from familiennetz.translations.registry import kind_for as translatable_kind
from familiennetz.translations.selectors import (
    easy_language_exists,
    page_translations,
    translation_set,
)

from ..page_sections import sections_for
from .filters import active_filter_chips, kept_params

public_cache = cache_control(public=True, max_age=300)


def _filter_form(request) -> OfferFilterForm:
    alliance = request.alliance
    choices = alliance_cached(
        alliance,
        "offer-filter-choices",
        lambda: {
            "categories": selectors.category_list_for_filter(alliance=alliance),
            "districts": selectors.district_list(alliance=alliance),
            "languages": selectors.language_list_in_use(alliance=alliance),
            "places": selectors.origin_place_list(alliance=alliance),
        },
    )
    return OfferFilterForm(request.GET or None, **choices)


@require_safe
@cache_public_page
@public_cache
def home(request):
    alliance = request.alliance
    overview = alliance_cached(
        alliance,
        "home",
        lambda: {
            "categories": selectors.category_list_with_counts(alliance=alliance),
            "districts": selectors.district_list(alliance=alliance),
            "emergency_offers": selectors.emergency_offer_list(alliance=alliance),
            "map_features": selectors.location_features(
                selectors.location_list_with_offers(alliance=alliance)
            ),
        },
    )
    return render(
        request,
        "directory/public/home.html",
        {
            **overview,
            "age_bands": OfferFilterForm.base_fields["alter"].choices[1:],
            "sections": sections_for("home", request),
        },
    )


@require_safe
@cache_public_page
@public_cache
def search(request):
    form = _filter_form(request)
    filters = form.filters() if form.is_bound else {}
    outcome = selectors.offer_search(alliance=request.alliance, filters=filters)
    chips = active_filter_chips(request, form, filters)
    return render(
        request,
        "directory/public/search.html",
        {
            "form": form,
            "outcome": outcome,
            "ignored_fields": form.ignored_fields() if form.is_bound else [],
            "chips": chips,
            "filter_chips": [chip for chip in chips if chip.name != "q"],
            "search_keeps": kept_params(request, without=("q", "seite")),
            "crisis": outcome.crisis,
            "sections": sections_for("search", request, outcome),
            "emergency_offers": (
                alliance_cached(
                    request.alliance,
                    "emergency-offers",
                    lambda: selectors.emergency_offer_list(alliance=request.alliance),
                )
                if outcome.crisis
                else []
            ),
            "map_features": selectors.map_features(outcome.offers),
            "first_number": outcome.page.start_index(),
            # The found offers' names and summaries in the page's language (one query).
            "translations": translation_set(
                language=content_languages.page_language(get_language()),
                objects=list(outcome.offers),
            ),
        },
    )


@require_safe
@cache_public_page
@public_cache
def search_geojson(request):
    """All results of a search (not just one page) as GeoJSON, capped for the map."""
    form = _filter_form(request)
    filters = form.filters() if form.is_bound else {}
    outcome = selectors.offer_search(
        alliance=request.alliance, filters=filters, page_size=500, cards=False
    )
    points = selectors.map_points(alliance=request.alliance, offer_ids=outcome.offers)
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [f["lon"], f["lat"]]},
            "properties": {"name": f["name"], "place": f["place"], "url": f["url"]},
        }
        for f in points
    ]
    return JsonResponse(
        {"type": "FeatureCollection", "features": features},
        content_type="application/geo+json",
        json_dumps_params={"ensure_ascii": False},
    )


@require_safe
@public_cache
def map_viewport(request):
    """The map's data for a viewport (``bbox``, ``zoom`` and the search's filters): offers
    grouped into cells on the server, compact (ADR 1202). Details come from ``map_place``."""
    try:
        viewport = map_selectors.parse_viewport(request.GET.get("bbox"), request.GET.get("zoom"))
    except map_selectors.ViewportError as error:
        return JsonResponse({"errors": {error.field: str(error)}}, status=400)
    form = _filter_form(request)
    filters = form.filters() if form.is_bound else {}
    alliance = request.alliance
    # Cached per cells covered and filters until the alliance's content changes: the first
    # view of a town's map is the same for every parent.
    chosen = hashlib.sha256(repr(sorted(filters.items())).encode()).hexdigest()[:16]
    key = f"map-cells:{map_selectors.grid_key(alliance, viewport)}:{chosen}"
    data = alliance_cached(
        alliance,
        key,
        lambda: map_selectors.viewport_cells(alliance=alliance, filters=filters, viewport=viewport),
    )
    return JsonResponse(data)


@require_safe
@public_cache
def map_place(request, pk: int):
    """A tapped place on the map: its name, address and the offers there the search finds."""
    form = _filter_form(request)
    filters = form.filters() if form.is_bound else {}
    data = map_selectors.place_offers(alliance=request.alliance, place_id=pk, filters=filters)
    if data is None:
        return JsonResponse({"errors": {"place": "no such place with offers here"}}, status=404)
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


@require_safe
@cache_public_page
@public_cache
def map_base_geojson(request):
    """The maps' base layer without a tile server: districts with names, the outline."""
    features = alliance_cached(
        request.alliance,
        "map-base-layer",
        lambda: selectors.map_base_layer(alliance=request.alliance),
    )
    return JsonResponse(
        {"type": "FeatureCollection", "features": features},
        content_type="application/geo+json",
        json_dumps_params={"ensure_ascii": False},
    )


def _offer_context(request, slug: str, *, easy: bool = False) -> dict:
    offer = selectors.offer_get_public(alliance=request.alliance, slug=slug)
    today = timezone.localdate()
    sessions = [
        (offer_location, [(s, next_dates(s, today)) for s in offer_location.schedules.all()])
        for offer_location in offer.offer_locations.all()
    ]
    # The offer's own times (no place; e.g. from an HSDS service without a location).
    own_sessions = [(s, next_dates(s, today)) for s in offer.schedules.all()]
    context = {
        "offer": offer,
        "sessions": sessions,
        "own_sessions": own_sessions,
        "jsonld": offer_jsonld(offer, request.build_absolute_uri),
        "map_features": selectors.map_features([offer]),
        "page_url": request.build_absolute_uri(offer.get_absolute_url()),
        "sections": sections_for("offer", request, offer),
    }
    context.update(_offer_translations(request, offer, easy=easy))
    return context


def _offer_translations(request, offer, *, easy: bool) -> dict:
    """The offer's texts in the page's language (one query), or in Leichte Sprache; on a
    German page whether a Leichte Sprache version exists (one query)."""
    language = content_languages.EASY if easy else content_languages.page_language(get_language())
    translations = translation_set(
        language=language, objects=[offer, offer.organisation, *offer.categories.all()]
    )
    easy_exists = language is None and easy_language_exists(offer)
    fields = translatable_kind(offer).fields
    return {
        "translations": translations,
        "is_easy_language": easy,
        "easy_language_url": f"{offer.get_absolute_url()}leichte-sprache/" if easy_exists else "",
        "untranslated": language not in (None, content_languages.EASY)
        and translations.has_missing(offer, fields),
        "machine_translated": language is not None and translations.has_machine(offer),
    }


@require_safe
@cache_public_page
@public_cache
def offer_detail(request, slug: str):
    return render(request, "directory/public/offer_detail.html", _offer_context(request, slug))


@require_safe
@cache_public_page
@public_cache
def offer_easy(request, slug: str):
    """The offer in Leichte Sprache (German): only where such a text exists."""
    context = _offer_context(request, slug, easy=True)
    if not context["translations"].rows:
        raise Http404(_("There is no text in Leichte Sprache for this offer."))
    return render(request, "directory/public/offer_detail.html", context)


@require_safe
@cache_public_page
@public_cache
def offer_print(request, slug: str):
    context = _offer_context(request, slug)
    context["qr_svg"] = segno.make(context["page_url"], error="m").svg_inline(
        scale=4, border=2, title=context["offer"].name
    )
    return render(request, "directory/public/offer_print.html", context)


@require_safe
@public_cache
def offer_qr(request, slug: str):
    offer = selectors.offer_get_public(alliance=request.alliance, slug=slug)
    qr = segno.make(request.build_absolute_uri(offer.get_absolute_url()), error="m")
    return HttpResponse(qr.svg_inline(scale=8, border=2), content_type="image/svg+xml")


@require_safe
@cache_public_page
@public_cache
def organisation_detail(request, slug: str):
    organisation = selectors.organisation_get_public(alliance=request.alliance, slug=slug)
    return render(
        request,
        "directory/public/organisation_detail.html",
        {
            "organisation": organisation,
            "jsonld": organisation_jsonld(organisation, request.build_absolute_uri),
            "map_features": selectors.location_features(organisation.locations.all()),
            "sections": sections_for("organisation", request, organisation),
            **page_translations(
                language=content_languages.page_language(get_language()), main=organisation
            ),
        },
    )


@require_safe
@cache_public_page
@public_cache
def location_detail(request, slug: str):
    location = selectors.location_get_public(alliance=request.alliance, slug=slug)
    return render(
        request,
        "directory/public/location_detail.html",
        {
            "location": location,
            "jsonld": location_jsonld(location, request.build_absolute_uri),
            "map_features": selectors.location_features([location]),
            "sections": sections_for("location", request, location),
            **page_translations(
                language=content_languages.page_language(get_language()), main=location
            ),
        },
    )
