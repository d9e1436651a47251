"""The local-memory cache is bounded in bytes: large feeds cannot fill a worker's memory."""

from django.core.cache.backends.locmem import LocMemCache

from familiennetz.core.cache import BoundedLocMemCache


def bounded(max_bytes: int, name: str) -> BoundedLocMemCache:
    return BoundedLocMemCache(name, {"OPTIONS": {"MAX_ENTRIES": 500, "MAX_BYTES": max_bytes}})


def held_bytes(cache: LocMemCache) -> int:
    return sum(len(pickled) for pickled in cache._cache.values())


def test_large_entries_are_evicted_least_recently_used_first():
    cache = bounded(1_000_000, "bounded-lru")
    feed = b"x" * 300_000  # like an .ics feed: three fit
    for n in range(3):
        cache.set(f"feed-{n}", feed)
    assert cache.get("feed-0") == feed  # used again: now the most recently used
    cache.set("feed-3", feed)
    assert cache.get("feed-1") is None  # the least recently used went
    assert cache.get("feed-0") == feed
    for n in range(4, 400):  # 400 feeds would be 120 MB
        cache.set(f"feed-{n}", feed)
    assert held_bytes(cache) <= 1_000_000
    assert cache.get("feed-399") == feed
    assert len(cache._cache) == len(cache._expire_info) == 3


def test_small_entries_stay_under_the_entry_limit_as_before():
    cache = bounded(1_000_000, "bounded-small")
    for n in range(300):
        cache.set(f"page-{n}", b"p" * 1000)
    assert all(cache.get(f"page-{n}") is not None for n in range(300))


def test_an_entry_larger_than_the_bound_is_still_stored_alone():
    cache = bounded(1_000, "bounded-huge")
    cache.set("small", b"s")
    cache.set("huge", b"h" * 5_000)
    assert cache.get("huge") is not None
    assert cache.get("small") is None


def test_unbounded_locmem_would_hold_them_all():
    """The reason for the class: Django's own cache only counts entries."""
    cache = LocMemCache("plain", {"OPTIONS": {"MAX_ENTRIES": 500}})
    for n in range(100):
        cache.set(f"feed-{n}", b"x" * 300_000)
    assert held_bytes(cache) > 29_000_000
