"""The network pages stay within a fixed number of SQL queries, however large the network."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .. import services
from . import factories as f

pytestmark = pytest.mark.django_db

BUDGET = 25
PAGES = [
    "manage-map",
    "manage-map-graph",
    "manage-partner-list",
    "manage-tie-list",
    "manage-analysis",
    "manage-snapshot-list",
]


def grow(alliance, n: int, offset: int) -> None:
    partners = [
        f.partner(alliance, f"Partner {offset + i}", ["kita", "schule", "kirche"][i % 3])
        for i in range(n)
    ]
    for i in range(n - 1):
        f.tie(partners[i], partners[i + 1], i % 5, topics="Kinderschutz")
    f.ContactPersonFactory(alliance=alliance, partner=partners[0])


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.mark.parametrize("name", PAGES)
def test_query_count_does_not_grow_with_the_network(client, coordinator, alliance, name):
    services.ensure_default_sectors(alliance)
    client.force_login(coordinator.user)
    url = reverse(f"network:{name}", kwargs={"alliance_slug": alliance.slug})
    grow(alliance, 4, 0)
    services.snapshot_take(alliance=alliance)
    count(client, url)  # warm-up (sessions, caches)
    small = count(client, url)
    grow(alliance, 20, 100)
    count(client, url)  # the growth changed the content version: per-version caches fill again
    large = count(client, url)
    assert large == small, f"{name}: {small} → {large} queries"
    assert large <= BUDGET, f"{name}: {large} queries"


def test_partner_detail_within_budget(client, coordinator, alliance):
    client.force_login(coordinator.user)
    grow(alliance, 6, 0)
    partner = alliance_partner = f.partner(alliance, "Mitte", "kita")
    for i in range(5):
        f.tie(alliance_partner, f.partner(alliance, f"Nachbar {i}"), 2)
    url = reverse(
        "network:manage-partner-detail", kwargs={"alliance_slug": alliance.slug, "pk": partner.pk}
    )
    count(client, url)
    assert count(client, url) <= BUDGET
