"""The network's public pages and print products: QR codes, Erste-Hilfe-Box, notice-board
sheet, offer flyer, Stadtteil-Rallye, Stadtteilplan. No login, no cookies with identities."""

from __future__ import annotations

import base64

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_POST, require_safe

from familiennetz.alliances.pagecache import cache_public_page
from familiennetz.core import files
from familiennetz.core.pdf import pdf_response, render_pdf
from familiennetz.core.ratelimit import RateLimit
from familiennetz.events import selectors as event_selectors
from familiennetz.translations.languages import page_language
from familiennetz.translations.selectors import page_translations, translation_set

from .. import notices, plan, qr, selectors, services, tasks
from ..feeds import NewsAtom
from ..qr import QrTargetError

public_cache = cache_control(public=True, max_age=300)


def _url(name: str, alliance, **kwargs) -> str:
    return reverse(name, kwargs={"alliance_slug": alliance.slug, **kwargs})


# --- QR codes ----------------------------------------------------------------------------------


@require_safe
@public_cache
def qr_code(request):
    """``/<alliance>/qr/?ziel=<path>&format=svg|png``: a QR code of a page of this network."""
    try:
        url = qr.site_url(request.GET.get("ziel", ""), request=request, alliance=request.alliance)
    except QrTargetError as exc:
        return HttpResponse(str(exc), status=400, content_type="text/plain; charset=utf-8")
    if request.GET.get("format") == "png":
        response = HttpResponse(qr.png(url), content_type="image/png")
        extension = "png"
    else:
        response = HttpResponse(qr.svg(url, scale=8), content_type="image/svg+xml")
        extension = "svg"
    if request.GET.get("download"):
        response["Content-Disposition"] = f'attachment; filename="qr-code.{extension}"'
    return response


# --- Erste-Hilfe-Box ---------------------------------------------------------------------------


def _help_context(request) -> dict:
    alliance = request.alliance
    groups = selectors.help_groups(alliance=alliance)
    contacts = [contact for group in groups for contact in group.contacts]
    return {
        "groups": groups,
        "page_url": request.build_absolute_uri(_url("outreach:help", alliance)),
        # The lines in the page's language where translated (one query; German otherwise).
        "translations": translation_set(language=page_language(get_language()), objects=contacts),
    }


@require_safe
@cache_public_page
@public_cache
def help_box(request):
    return render(request, "outreach/public/help_box.html", _help_context(request))


@require_safe
@cache_public_page
@public_cache
def help_box_pdf(request):
    context = _help_context(request)
    context["qr_png"] = qr.png_data_uri(context["page_url"])
    content = render_pdf("outreach/pdf/help_box.html", context, request=request)
    return pdf_response(content, f"erste-hilfe-{request.alliance.slug}.pdf")


# --- Kita → school ----------------------------------------------------------------------------


@require_safe
@cache_public_page
@public_cache
def transition(request):
    """``/<alliance>/uebergang-schule/``: what happens when between Kita and school, with
    contacts; prints on paper (print stylesheet)."""
    return render(
        request,
        "outreach/public/transition.html",
        {"phases": selectors.transition_phases(alliance=request.alliance)},
    )


# --- notice-board sheet (Aushang) and flyer ----------------------------------------------------


@require_safe
@cache_public_page
@public_cache
def notice_pdf(request):
    """``/<alliance>/aushang.pdf?…``: the coming weeks on one A4 sheet for a notice board; a
    larger selection is made in the background (``notice_status``), a huge one is a 422."""
    alliance = request.alliance
    filters, chips = notices.notice_filters(alliance, request.GET)
    place = None
    if slug := request.GET.get("ort", "").strip():
        place = selectors.place_for_filter(alliance=alliance, slug=slug[:120])
        if place is None:
            raise Http404(_("This place does not exist."))
        chips.append(place.name)
    sheet = selectors.notice_sheet(alliance=alliance, filters=filters, place=place)
    site = f"{request.scheme}://{request.get_host()}"
    calendar_url = notices.calendar_url(alliance, site, filters)
    if sheet.too_large:
        large = selectors.notice_sheet(
            alliance=alliance, filters=filters, place=place, limit=notices.NOTICE_TASK_LIMIT
        )
        if large.too_large:
            return render(
                request,
                "outreach/public/notice_too_large.html",
                {
                    "sheet": large,
                    "limit": notices.NOTICE_TASK_LIMIT,
                    "chips": chips,
                    "calendar_url": calendar_url,
                },
                status=422,
            )
        return _notice_in_background(request, filters, place, site)
    content = notices.notice_pdf(
        alliance=alliance, sheet=sheet, chips=chips, calendar_url=calendar_url, site=site
    )
    return pdf_response(content, f"aushang-{alliance.slug}.pdf")


def _notice_in_background(request, filters: dict, place, site: str):
    """Start (once per key) the task that makes the large sheet; send the visitor to the page
    that says it is being made."""
    alliance = request.alliance
    query = notices.selection_query(filters).lstrip("?")
    if place is not None:
        query = f"{query}&ort={place.slug}" if query else f"ort={place.slug}"
    language = get_language()
    key = notices.file_key(
        alliance=alliance,
        language=language,
        query=query,
        site=site,
        today=timezone.localdate(),
    )
    if not notices.file_ready(alliance, key) and cache.add(f"outreach:notice-task:{key}", 1, 600):
        tasks.build_notice_pdf.enqueue(alliance.pk, language, query, site, key)
    return redirect(_url("outreach:notice-status", alliance, key=key), permanent=False)


@require_safe
@never_cache
def notice_status(request, key: str):
    """``/<alliance>/aushang/<key>/``: "being made" (202, reloads itself) or the link."""
    alliance = request.alliance
    ready = notices.file_ready(alliance, key)
    if not ready and not cache.get(f"outreach:notice-task:{key}"):
        raise Http404(_("This notice-board sheet has expired. Please request it again."))
    return render(
        request,
        "outreach/public/notice_status.html",
        {
            "ready": ready,
            "file_url": _url("outreach:notice-file", alliance, key=key),
            "hours": notices.NOTICE_FILE_HOURS,
        },
        status=200 if ready else 202,
    )


@require_safe
@never_cache
def notice_file(request, key: str):
    """The stored sheet from the private storage while it has not expired; else 404."""
    alliance = request.alliance
    if not notices.file_ready(alliance, key):
        raise Http404(_("This notice-board sheet has expired. Please request it again."))
    with files.private_storage().open(notices.file_name(alliance, key), "rb") as fh:
        content = fh.read()
    response = pdf_response(content, f"aushang-{alliance.slug}.pdf")
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
@cache_public_page
@public_cache
def offer_flyer_pdf(request, slug: str):
    alliance = request.alliance
    offer = selectors.offer_for_flyer(alliance=alliance, slug=slug)
    page_url = request.build_absolute_uri(offer.get_absolute_url())
    dates = event_selectors.occurrence_list_for_offer(offer=offer, limit=6)
    context = {
        "offer": offer,
        "page_url": page_url,
        "dates": dates,
        "qr_png": qr.png_data_uri(page_url),
        # The offer's texts in the request's language where translated (German otherwise).
        "translations": translation_set(language=page_language(get_language()), objects=[offer]),
    }
    content = render_pdf("outreach/pdf/flyer.html", context, request=request)
    return pdf_response(content, f"flyer-{offer.slug}.pdf")


# --- Stadtteil-Rallye --------------------------------------------------------------------------


def _completion_limit(station) -> RateLimit:
    return RateLimit(
        scope="rally-station",
        key=str(station.pk),
        limit=settings.RALLY_RATE_LIMIT,
        window=settings.RALLY_RATE_WINDOW,
    )


@require_safe
@cache_public_page
@public_cache
def rally_detail(request, slug: str):
    rally = selectors.rally_get_public(alliance=request.alliance, slug=slug)
    return render(request, "outreach/public/rally_detail.html", {"rally": rally})


@require_safe
@csrf_protect
def rally_station(request, slug: str, number: int):
    """A station's phone page (opened from its QR code): picture, task, "done" button."""
    rally = selectors.rally_get_public(alliance=request.alliance, slug=slug)
    station = selectors.station_of(rally, number)
    stations = list(rally.stations.all())
    index = stations.index(station)
    return render(
        request,
        "outreach/public/rally_station.html",
        {
            "rally": rally,
            "station": station,
            "previous": stations[index - 1] if index > 0 else None,
            "next": stations[index + 1] if index + 1 < len(stations) else None,
            "done": request.GET.get("geschafft") == "1",
            "count": len(stations),
        },
    )


@require_POST
@csrf_protect
def rally_station_done(request, slug: str, number: int):
    """Count a completion of the station (a number only) and go back to its page."""
    rally = selectors.rally_get_public(alliance=request.alliance, slug=slug)
    station = selectors.station_of(rally, number)
    if _completion_limit(station).hit(request):
        return render(
            request,
            "outreach/public/rally_ratelimited.html",
            {"rally": rally, "station": station},
            status=429,
        )
    services.station_complete(station=station)
    return redirect(station.get_absolute_url() + "?geschafft=1")


@require_safe
@public_cache
def rally_picture(request, slug: str, number: int):
    rally = selectors.rally_get_public(alliance=request.alliance, slug=slug)
    station = selectors.station_of(rally, number)
    if not station.picture:
        raise Http404(_("This station has no picture."))
    kind = "image/png" if station.picture.name.lower().endswith(".png") else "image/jpeg"
    response = HttpResponse(station.picture.open("rb").read(), content_type=kind)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@require_safe
@cache_public_page
@public_cache
def rally_pdf(request, slug: str):
    """The printable rally sheet: one QR code per station, then a certificate page."""
    rally = selectors.rally_get_public(alliance=request.alliance, slug=slug)
    stations = []
    for station in rally.stations.all():
        url = request.build_absolute_uri(station.get_absolute_url())
        picture = picture_data_uri(station) if station.picture else ""
        stations.append((station, url, qr.png_data_uri(url, scale=6), picture))
    content = render_pdf(
        "outreach/pdf/rally.html",
        {"rally": rally, "stations": stations, "today": timezone.localdate()},
        request=request,
    )
    return pdf_response(content, f"rallye-{rally.slug}.pdf")


def picture_data_uri(station) -> str:
    """A station's picture for the PDF (WeasyPrint reads data: URIs only)."""
    data = station.picture.open("rb").read()
    kind = files.PNG if station.picture.name.lower().endswith(".png") else files.JPEG
    return f"data:{kind.content_type};base64,{base64.b64encode(data).decode()}"


# --- Stadtteilplan -----------------------------------------------------------------------------


def _plan_context(request, paper: str = "a4") -> dict:
    alliance = request.alliance
    district_slug = request.GET.get("ortsteil", "").strip()[:100]
    data = plan.district_plan(alliance=alliance, district_slug=district_slug or None)
    return {
        "plan": data,
        "svg": plan.plan_svg(data, title=_("Stadtteilplan %(name)s") % {"name": data.title}),
        "paper": paper,
    }


@require_safe
@cache_public_page
@public_cache
def district_plan(request):
    context = _plan_context(request)
    query = request.GET.urlencode()
    context["pdf_query"] = f"?{query}&" if query else "?"
    return render(request, "outreach/public/plan.html", context)


@require_safe
@cache_public_page
@public_cache
def district_plan_pdf(request):
    paper = "a3" if request.GET.get("format") == "a3" else "a4"
    context = _plan_context(request, paper)
    page_url = request.build_absolute_uri(_url("outreach:plan", request.alliance))
    context["qr_png"] = qr.png_data_uri(page_url)
    places = context["plan"].places
    context["legend_rows"] = [places[i : i + 2] for i in range(0, len(places), 2)]
    content = render_pdf("outreach/pdf/plan.html", context, request=request)
    return pdf_response(content, f"stadtteilplan-{request.alliance.slug}.pdf")


# --- news --------------------------------------------------------------------------------------


@require_safe
@cache_public_page
@public_cache
def news_list(request):
    items = list(selectors.news_published(alliance=request.alliance))
    return render(
        request,
        "outreach/public/news_list.html",
        {
            "items": items,
            # Titles and summaries in the page's language where translated (one query).
            "translations": translation_set(language=page_language(get_language()), objects=items),
        },
    )


@require_safe
@cache_public_page
@public_cache
def news_detail(request, slug: str):
    item = selectors.news_get_public(alliance=request.alliance, slug=slug)
    return render(
        request,
        "outreach/public/news_detail.html",
        {"item": item, **page_translations(language=page_language(get_language()), main=item)},
    )


@require_safe
@cache_public_page
@public_cache
def news_feed(request):
    """The feed is per language (``/<lang>/<alliance>/aktuelles/feed.atom``): its entries in
    that language where translated, German otherwise."""
    alliance = request.alliance
    items = list(selectors.news_published(alliance=alliance, limit=selectors.NEWS_FEED_LIMIT))
    return NewsAtom(
        alliance=alliance,
        items=items,
        link=_url("outreach:news", alliance),
        translations=translation_set(language=page_language(get_language()), objects=items),
    )(request)
