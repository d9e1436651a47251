"""Whole-page cache for the public pages and feeds of an alliance.

``@cache_public_page`` stores a view's response for anonymous GET/HEAD requests under a key
made of the alliance, its ``content_version`` (changes with every edit: the new page is served
at once, in every server process), the language, today's date (pages that say "today" or
list upcoming dates), and the full URL. Entries also expire after ``PAGE_CACHE_SECONDS``
(default 300; 0 turns the cache off), which bounds how long "upcoming" lists can lag behind
the clock.

Stored are only responses a shared cache may keep anyway: status 200, ``Cache-Control:
public``, no cookie set. Each request gets its own CSP nonce: the nonce the page was rendered
with is replaced by the request's new one when the page is served from the cache.

Backends: Redis when ``CACHE_URL=redis://…`` (one cache for all workers; the recommended
setup with PostgreSQL), local memory otherwise (per worker). See docs/performance.md.
"""

from __future__ import annotations

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.translation import get_language

from .content_version import version_used

HEADERS_KEPT = ("Content-Type", "Cache-Control", "Content-Disposition", "ETag", "Last-Modified")


def page_cache_seconds() -> int:
    return getattr(settings, "PAGE_CACHE_SECONDS", 300)


def cache_key(request, prefix: str = "page") -> str:
    """The key of this request's page under the alliance's current content version. (Inside
    a transaction that changed the alliance, the version is uncommitted, so is the key: after a
    rollback nobody asks for it again.)"""
    alliance = request.alliance
    version_used(alliance.pk)
    # The absolute URL: pages and feeds contain absolute links (JSON-LD, feed entries).
    url = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()[:32]
    return ":".join(
        [
            prefix,
            str(alliance.pk),
            alliance.content_version,
            get_language() or "",
            timezone.localdate().isoformat(),
            url,
        ]
    )


def alliance_cached(alliance, name: str, compute):
    """``compute()``, cached for the alliance until its content changes (reference data that
    many pages share: categories with counts, districts, places for the map)."""
    if page_cache_seconds() <= 0:
        return compute()
    version_used(alliance.pk)
    key = f"data:{alliance.pk}:{alliance.content_version}:{get_language() or ''}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, page_cache_seconds())
    return value


def version_etag(request, *args, **kwargs) -> str:
    """An ETag that changes with the alliance's content, the day, the language and the URL:
    a client that has the current feed gets a 304 before anything is built."""
    return hashlib.sha256(cache_key(request, prefix="etag").encode()).hexdigest()[:32]


def usable(request) -> bool:
    """Whether this request may be answered from (and fill) the page cache."""
    alliance = getattr(request, "alliance", None)
    return (
        page_cache_seconds() > 0
        and request.method in ("GET", "HEAD")
        and alliance is not None
        and settings.SESSION_COOKIE_NAME not in request.COOKIES  # signed-in people: fresh
    )


def _storable(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "public" in cache_control
        and "private" not in cache_control
    )


def _freeze(request, response) -> tuple:
    nonce = getattr(request, "_csp_nonce", None)
    headers = {name: response[name] for name in HEADERS_KEPT if response.has_header(name)}
    return (response.content, headers, nonce if isinstance(nonce, str) else None)


def _thaw(request, frozen) -> HttpResponse:
    content, headers, nonce = frozen
    if nonce:
        content = content.replace(nonce.encode(), str(request.csp_nonce).encode())
    response = HttpResponse(content, headers=headers)
    response["X-Cache"] = "hit"
    return response


def cache_public_page(view):
    """Serve the view's response from the page cache (see the module docstring)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not usable(request):
            return view(request, *args, **kwargs)
        key = cache_key(request)
        frozen = cache.get(key)
        if frozen is not None:
            response = _thaw(request, frozen)
            # Feeds carry ETag/Last-Modified: a client that has them gets a 304.
            return get_conditional_response(
                request,
                etag=response.get("ETag"),
                last_modified=_timestamp(response.get("Last-Modified")),
                response=response,
            )
        response = view(request, *args, **kwargs)
        if _storable(response):
            cache.set(key, _freeze(request, response), page_cache_seconds())
        return response

    return wrapper


def _timestamp(value: str | None) -> int | None:
    if not value:
        return None
    from django.utils.http import parse_http_date_safe

    return parse_http_date_safe(value)
