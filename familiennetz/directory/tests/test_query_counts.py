"""Public pages make a fixed number of queries, however many offers and dates they show."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from familiennetz.directory.tests import factories as f


def _queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200, path
    return len(ctx.captured_queries)


def _more_content(alliance, guide, n: int = 6):
    """More offers at the same place and organisation, each with categories and dates."""
    krabbel = guide["krabbel"]
    location = krabbel.offer_locations.get().location
    categories = list(alliance.categories.all()[:3])
    for i in range(n):
        offer = f.OfferFactory(
            alliance=alliance,
            name=f"Spielkreis {i}",
            organisation=krabbel.organisation,
            categories=categories,
            languages=["de", "en", "ar"],
            locations=[location, guide["rathaus"]],
            is_free=bool(i % 2),
        )
        for offer_location in offer.offer_locations.all():
            f.ScheduleFactory(
                alliance=alliance,
                offer_location=offer_location,
                rrule="FREQ=WEEKLY;BYDAY=MO,WE",
                opens_at=dt.time(9),
                closes_at=dt.time(10),
            )
        f.ContactFactory(alliance=alliance, offer=offer)


PAGES = {
    "home": lambda alliance, guide: reverse("directory:home", args=[alliance.slug]),
    "search": lambda alliance, guide: reverse("directory:search", args=[alliance.slug]),
    "offer": lambda alliance, guide: guide["krabbel"].get_absolute_url(),
    "organisation": lambda alliance, guide: guide["krabbel"].organisation.get_absolute_url(),
    "location": lambda alliance, guide: (
        guide["krabbel"].offer_locations.get().location.get_absolute_url()
    ),
}


@pytest.mark.parametrize("page", PAGES)
def test_public_page_query_count_does_not_grow_with_content(client, alliance, guide, page):
    path = PAGES[page](alliance, guide)
    client.get(path)  # warm per-process caches (taxonomy, site settings)
    before = _queries(client, path)
    _more_content(alliance, guide)
    after = _queries(client, path)
    assert after == before, f"{page}: {before} queries before, {after} after adding content"
    assert before <= 20, f"{page}: {before} queries"
