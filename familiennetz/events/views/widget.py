"""Calendar widget for partner websites (journey 8): no scripts, no cookies, no third parties.

- ``kalender/widget/``: a small HTML page meant for an <iframe>; framing from any origin is
  allowed for this view only (X-Frame-Options dropped, CSP frame-ancestors *).
- ``kalender/widget.html``: a bare HTML fragment (a list) with ``Access-Control-Allow-Origin: *``
  to include server-side or fetch from a page.

Both take the calendar's filters (``organisation``, ``kategorie``, ``alter`` …) and ``anzahl``.
"""

from __future__ import annotations

from csp.constants import NONCE, SELF
from csp.decorators import csp_replace
from dateutil.relativedelta import relativedelta
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from familiennetz.events import selectors
from familiennetz.events.occurrences import local_midnight

from .public import read_selection

DEFAULT_COUNT = 10
WIDGET_CACHE_SECONDS = 300


def _context(request) -> dict:
    selection = read_selection(request, strict=True)
    today = timezone.localdate()
    entries = selectors.occurrence_list_for_feed(
        alliance=request.alliance,
        filters=selection.filters,
        start=local_midnight(today),
        end=local_midnight(today + relativedelta(months=12)),
        limit=selection.filters.get("anzahl", DEFAULT_COUNT),
        with_categories=False,
    )
    calendar_url = request.build_absolute_uri(
        reverse("events:calendar", kwargs={"alliance_slug": request.alliance.slug})
        + selection.query()
    )
    return {
        "entries": entries,
        "selection": selection,
        "calendar_url": calendar_url,
        "absolute": request.build_absolute_uri("/").rstrip("/"),
    }


@require_safe
@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"], "style-src": [SELF, NONCE]})
def widget(request):
    response = render(request, "events/widget/widget.html", _context(request))
    patch_cache_control(response, public=True, max_age=WIDGET_CACHE_SECONDS)
    return response


@require_safe
def widget_snippet(request):
    response = render(request, "events/widget/_snippet.html", _context(request))
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    patch_cache_control(response, public=True, max_age=WIDGET_CACHE_SECONDS)
    return response
