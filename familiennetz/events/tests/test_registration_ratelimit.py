"""The cache-based rate limiter used by the registration form (familiennetz/core/ratelimit.py)."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory, override_settings

from familiennetz.core.ratelimit import RateLimit, client_fingerprint, client_ip


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def request_from(address: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": address}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/", **extra)


def test_limit_counts_per_client_and_window():
    limit = RateLimit(scope="test", key="event-1", limit=2, window=600)
    anna, ben = request_from("198.51.100.7"), request_from("198.51.100.8")
    assert [limit.hit(anna, now=1000) for _ in range(3)] == [False, False, True]
    assert limit.is_limited(anna, now=1000)
    assert not limit.hit(ben, now=1000)
    assert not limit.hit(anna, now=1000 + 600)  # next window


def test_keys_differ_per_scope_key():
    first = RateLimit(scope="test", key="event-1", limit=1, window=600)
    second = RateLimit(scope="test", key="event-2", limit=1, window=600)
    request = request_from("198.51.100.7")
    first.hit(request, now=0)
    assert first.hit(request, now=0)
    assert not second.hit(request, now=0)


def test_raw_ip_never_reaches_the_cache():
    request = request_from("203.0.113.42")
    RateLimit(scope="test", limit=5, window=60).hit(request, now=0)
    keys = list(cache._cache.keys())  # locmem internals: good enough for this check
    assert keys and not any("203.0.113.42" in key for key in keys)
    assert "203.0.113.42" not in client_fingerprint(request)


def test_ipv6_clients_are_grouped_by_64_network():
    one = request_from("2001:db8:1:2::1")
    same_household = request_from("2001:db8:1:2:abcd::9")
    neighbour = request_from("2001:db8:1:3::1")
    assert client_fingerprint(one) == client_fingerprint(same_household)
    assert client_fingerprint(one) != client_fingerprint(neighbour)
    assert client_fingerprint(request_from("::ffff:192.0.2.1")) == client_fingerprint(
        request_from("192.0.2.1")
    )


def test_forwarded_for_is_only_trusted_behind_configured_proxies():
    request = request_from("10.0.0.1", forwarded="203.0.113.9, 198.51.100.2")
    assert client_ip(request) == "10.0.0.1"
    with override_settings(RATELIMIT_PROXY_COUNT=1):
        assert client_ip(request) == "198.51.100.2"
    with override_settings(RATELIMIT_PROXY_COUNT=2):
        assert client_ip(request) == "203.0.113.9"
    with override_settings(RATELIMIT_PROXY_COUNT=3):  # header shorter than the proxy chain
        assert client_ip(request) == "10.0.0.1"
