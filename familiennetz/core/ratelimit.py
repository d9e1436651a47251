"""A small fixed-window rate limiter on Django's cache for public forms.

Clients are keyed by a keyed hash (HMAC-SHA256 with a key derived from SECRET_KEY) of their IP
address, never by the raw address; IPv6 clients are grouped by their /64 network because one
household usually gets a whole /64. The counter lives in the ``default`` cache: with several
app processes, configure a shared cache (``CACHE_URL=redis://…`` or a database cache),
otherwise each process counts on its own.

    limit = RateLimit(scope="registration", key="elterncafe", limit=10, window=600)
    if limit.hit(request):
        return render(request, "…/ratelimited.html", status=429)
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.crypto import salted_hmac


def client_ip(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or the X-Forwarded-For entry appended by the
    outermost of ``RATELIMIT_PROXY_COUNT`` trusted reverse proxies."""
    proxies = getattr(settings, "RATELIMIT_PROXY_COUNT", 0)
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def client_fingerprint(request: HttpRequest) -> str:
    """A stable, non-reversible identifier of the client's network address."""
    address = client_ip(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        network = address
    else:
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        if ip.version == 6:
            network = str(ipaddress.ip_network(f"{ip}/64", strict=False))
        else:
            network = str(ip)
    key = salted_hmac("familiennetz.core.ratelimit", "client").digest()
    return hmac.new(key, network.encode(), hashlib.sha256).hexdigest()[:32]


@dataclass(frozen=True)
class RateLimit:
    """At most ``limit`` hits per client and ``key`` within each ``window`` seconds."""

    scope: str
    limit: int
    window: int
    key: str = ""

    def _cache_key(self, request: HttpRequest, now: float) -> str:
        bucket = int(now // self.window)
        scope_key = hashlib.sha256(f"{self.scope}:{self.key}".encode()).hexdigest()[:16]
        return f"ratelimit:{scope_key}:{client_fingerprint(request)}:{bucket}"

    def hit(self, request: HttpRequest, *, now: float | None = None) -> bool:
        """Count one hit; True if the client is now over the limit."""
        cache_key = self._cache_key(request, time.time() if now is None else now)
        # add() is atomic where the cache backend supports it; incr() too (Redis, memcached,
        # database); on locmem both are per process, which is what locmem promises anyway.
        if cache.add(cache_key, 1, timeout=self.window + 1):
            count = 1
        else:
            try:
                count = cache.incr(cache_key)
            except ValueError:  # expired between add() and incr()
                cache.set(cache_key, 1, timeout=self.window + 1)
                count = 1
        return count > self.limit

    def is_limited(self, request: HttpRequest, *, now: float | None = None) -> bool:
        """True if the client already used up the window (does not count a hit)."""
        cache_key = self._cache_key(request, time.time() if now is None else now)
        return (cache.get(cache_key) or 0) >= self.limit
