"""A local-memory cache bounded in bytes, not only in entries.

Django's ``LocMemCache`` counts entries (``MAX_ENTRIES``). The page cache stores whole pages
and feeds, from a few KB to about 1 MB (an .ics feed of 1,000 dates), and every distinct
query string is an entry of its own: 500 entries of feeds held ~450 MB in each gunicorn worker
in the state-scale benchmark. ``MAX_BYTES`` (default 48 MiB per process) bounds the pickled
values; the least recently used entries go first, as with the entry limit. Deployments with
several workers should use Redis (``CACHE_URL``), which all workers share.
"""

from __future__ import annotations

from typing import Any

from django.core.cache.backends.locmem import LocMemCache

DEFAULT_MAX_BYTES = 48 * 1024 * 1024


class BoundedLocMemCache(LocMemCache):
    def __init__(self, name, params):
        super().__init__(name, params)
        self._max_bytes = int(params.get("OPTIONS", {}).get("MAX_BYTES", DEFAULT_MAX_BYTES))

    # LocMemCache's private storage (_cache, _expire_info, _set) is not in django-stubs.
    _cache: Any
    _expire_info: Any

    def _set(self, key, value, timeout=None):  # called with the lock held
        super()._set(key, value, timeout)  # type: ignore[misc]
        total = sum(len(pickled) for pickled in self._cache.values())
        # Most recently used first (LocMemCache moves used keys to the front): drop from the
        # end, but never the entry just stored.
        while total > self._max_bytes and len(self._cache) > 1:
            old_key, pickled = self._cache.popitem()
            del self._expire_info[old_key]
            total -= len(pickled)
