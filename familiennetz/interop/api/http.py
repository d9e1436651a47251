"""HTTP behaviour of everything under /api/: read-only CORS, rate limits, conditional GET.

- CORS: any origin may GET/HEAD (no credentials, no cookies); preflight OPTIONS is answered
  here. The preflight does not grant POST/PATCH/DELETE or the Authorization header: the
  token-authenticated write operations (write.py) are for servers and apps, not for scripts
  on other sites running in a visitor's browser (docs/adr/0201-api-tokens.md).
- Rate limit: ``API_RATE_LIMIT`` requests per client per ``API_RATE_WINDOW`` seconds
  (core.ratelimit: keyed by a hash of the client's network), then 429 with Retry-After.
- Request size: a query string longer than ``MAX_QUERY_BYTES`` is answered 414 here, below
  gunicorn's ``limit_request_line`` (4094 bytes by default; keep it at least
  ``MAX_QUERY_BYTES`` + 1,000 for the path), so the client gets the API's documented error.
- Conditional GET: every 200 answer gets a strong ETag (hash of the body); with a matching
  If-None-Match (or If-Modified-Since not older than Last-Modified) the answer is 304.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import parse_http_date_safe
from django.utils.translation import gettext as _

from familiennetz.core.ratelimit import RateLimit

API_PREFIX = "/api/"
MAX_QUERY_BYTES = 3072
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Accept-Language, If-None-Match, If-Modified-Since",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Retry-After",
    "Access-Control-Max-Age": "86400",
}


def api_rate_limit() -> RateLimit:
    return RateLimit(
        scope="api",
        limit=getattr(settings, "API_RATE_LIMIT", 300),
        window=getattr(settings, "API_RATE_WINDOW", 60),
    )


class ApiHttpMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS":
            return self._cors(HttpResponse(status=204))
        if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_BYTES:
            response = JsonResponse(
                {
                    "detail": _("The query is too long (at most %(n)d bytes).")
                    % {"n": MAX_QUERY_BYTES}
                },
                status=414,
            )
            return self._cors(response)
        limit = api_rate_limit()
        if limit.hit(request):
            response = JsonResponse(
                {"detail": _("Too many requests. Please wait a minute.")}, status=429
            )
            window = limit.window
            response["Retry-After"] = str(window - int(time.time()) % window)
            return self._cors(response)
        response = self.get_response(request)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            response = self._conditional(request, response)
        return self._cors(response)

    @staticmethod
    def _cors(response):
        for name, value in CORS_HEADERS.items():
            response[name] = value
        return response

    @staticmethod
    def _conditional(request, response):
        if getattr(response, "streaming", False):
            return response
        if not response.has_header("ETag"):
            digest = hashlib.sha256(response.content).hexdigest()[:32]
            response["ETag"] = f'"{digest}"'
        if not response.has_header("Cache-Control"):
            response["Cache-Control"] = "public, max-age=60"
        patch_vary_headers(response, ["Accept-Encoding"])
        last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
        conditional = get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=last_modified,
            response=response,
        )
        return conditional
