"""No N+1 on the public pages: the number of SQL queries does not grow with the data shown.

Each test renders a page (page cache off), adds more of what the page lists, renders it again
and compares the query counts.
"""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from familiennetz.directory.services import taxonomy_install
from familiennetz.directory.tests import factories as f
from familiennetz.events.models import Event
from familiennetz.events.services import event_sync_occurrences
from familiennetz.events.tests.factories import EventFactory
from familiennetz.translations.services import translation_save


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def count(client, url: str, params=None) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def add_offers(alliance, n: int, *, categories, location):
    for number in range(n):
        offer = f.OfferFactory(
            alliance=alliance,
            name=f"Spielkreis {number}",
            categories=categories,
            languages=["de", "en"],
            locations=[location],
            phone="0371 123",
        )
        f.ScheduleFactory(alliance=alliance, offer_location=offer.offer_locations.get())


def add_events(alliance, n: int, *, location, category, prefix: str = "fest"):
    start = timezone.now() + dt.timedelta(days=3)
    for number in range(n):
        event = EventFactory(
            alliance=alliance,
            title=f"Familienfest {prefix} {number}",
            slug=f"{prefix}-{number}",
            location=location,
            starts_at=start + dt.timedelta(hours=number),
            ends_at=start + dt.timedelta(hours=number + 1),
            rrule="FREQ=WEEKLY" if number % 2 else "",
            status="published",
        )
        event.categories.add(category)
        event_sync_occurrences(event=event)


@pytest.fixture
def town(alliance):
    taxonomy_install(alliance=alliance)
    categories = list(alliance.categories.filter(parent__isnull=False)[:3])
    emergency = alliance.categories.get(code="notfall.telefon")
    district = f.DistrictFactory(alliance=alliance, latitude=50.9, longitude=13.1)
    location = f.LocationFactory(
        alliance=alliance, district=district, latitude=50.9, longitude=13.1
    )
    add_offers(alliance, 2, categories=[categories[0], emergency], location=location)
    add_events(alliance, 2, location=location, category=categories[0])
    return {"categories": categories, "emergency": emergency, "location": location}


def grow(alliance, town):
    """More of everything: offers in more categories, places, events and dates."""
    for number, category in enumerate(town["categories"]):
        place = f.LocationFactory(alliance=alliance, latitude=50.91, longitude=13.1 + number / 100)
        add_offers(alliance, 4, categories=[category, town["emergency"]], location=place)
    add_events(
        alliance, 6, location=town["location"], category=town["categories"][1], prefix="mehr"
    )


def test_home_page(client, alliance, town):
    url = reverse("directory:home", kwargs={"alliance_slug": alliance.slug})
    before = count(client, url)
    grow(alliance, town)
    assert count(client, url) == before


def test_offer_page(client, alliance, town):
    offer = alliance.offers.first()
    url = offer.get_absolute_url()
    before = count(client, url)
    for category in town["categories"]:
        offer.categories.add(category)
    for number in range(3):
        place = f.LocationFactory(alliance=alliance, name=f"Ort {number}")
        link = f.OfferLocationFactory(alliance=alliance, offer=offer, location=place)
        f.ScheduleFactory(alliance=alliance, offer_location=link)
    assert count(client, url) == before


@pytest.mark.parametrize("view", ["monat", "woche", "liste"])
def test_calendar_views(client, alliance, town, view):
    url = reverse("events:calendar", kwargs={"alliance_slug": alliance.slug})
    before = count(client, url, {"ansicht": view})
    grow(alliance, town)
    assert count(client, url, {"ansicht": view}) == before


@pytest.mark.parametrize("name", ["calendar-ical", "calendar-rss", "calendar-atom"])
def test_feeds(client, alliance, town, name):
    url = reverse(f"events:{name}", kwargs={"alliance_slug": alliance.slug})
    before = count(client, url, {"b": "1"})
    grow(alliance, town)
    assert count(client, url, {"b": "2"}) == before  # a new URL: not the cached feed body


def test_organisation_page(client, alliance, town):
    organisation = alliance.offers.first().organisation
    url = organisation.get_absolute_url()
    before = count(client, url)
    for number in range(4):
        place = f.LocationFactory(alliance=alliance, organisation=organisation)
        f.OfferFactory(
            alliance=alliance,
            organisation=organisation,
            name=f"Kurs {number}",
            locations=[place],
        )
    assert count(client, url) == before


def test_search_map_geojson(client, alliance, town):
    from familiennetz.directory import selectors

    url = reverse("directory:search-geojson", kwargs={"alliance_slug": alliance.slug})
    before = count(client, url, {"kostenlos": "on"})
    grow(alliance, town)
    assert count(client, url, {"kostenlos": "on"}) == before
    # Same markers as the result cards' map, for every result (not one page).
    features = client.get(url).json()["features"]
    outcome = selectors.offer_search(alliance=alliance, filters={}, page_size=500)
    expected = selectors.map_features(outcome.offers)
    assert len(features) == len(expected) > 10
    assert [
        (f["properties"]["name"], f["properties"]["url"], f["geometry"]["coordinates"])
        for f in features
    ] == [(m["name"], m["url"], [m["lon"], m["lat"]]) for m in expected]


def test_location_page(client, alliance, town):
    location = town["location"]
    url = location.get_absolute_url()
    before = count(client, url)
    for number in range(4):
        offer = f.OfferFactory(alliance=alliance, name=f"Treff {number}", locations=[location])
        f.ScheduleFactory(alliance=alliance, offer_location=offer.offer_locations.get())
    assert count(client, url) == before


# --- the JSON API (/api/v1/) ------------------------------------------------------------------


def test_api_offer_search(client, alliance, town):
    url = f"/api/v1/{alliance.slug}/offers"
    params = {"q": "Spielkreis", "category": town["categories"][0].slug, "age": "4"}
    client.get(url, params)  # the first search builds the missing search index
    before = count(client, url, {**params, "b": "1"})
    grow(alliance, town)
    client.get(url, params)  # indexes the new offers
    assert count(client, url, {**params, "b": "2"}) == before
    assert client.get(url, params).json()["count"] > 2


def test_api_map_viewport(client, alliance, town):
    url = f"/api/v1/{alliance.slug}/offers.geojson"
    params = {"bbox": "13.0,50.8,13.2,51.0"}
    before = count(client, url, params)
    grow(alliance, town)
    assert count(client, url, {**params, "b": "2"}) == before
    assert len(client.get(url, params).json()["features"]) == 14


def test_api_occurrences_month(client, alliance, town):
    url = f"/api/v1/{alliance.slug}/occurrences"
    today = timezone.localdate()
    params = {"from": today.isoformat(), "to": (today + dt.timedelta(days=30)).isoformat()}
    before = count(client, url, params)
    grow(alliance, town)
    assert count(client, url, {**params, "b": "2"}) == before
    assert client.get(url, params).json()["count"] > 8


def test_open_data_offers_geojson(client, alliance, town):
    url = f"/{alliance.slug}/offene-daten/angebote.geojson"
    before = count(client, url, {"b": "1"})
    grow(alliance, town)
    assert count(client, url, {"b": "2"}) == before


def test_translated_offer_page_stays_within_the_german_budget(client, alliance, town):
    """An offer page in Arabic or Ukrainian costs what the German page costs (one query for
    the texts in the page's language instead of the German page's Leichte-Sprache check),
    however many translations, categories and places there are."""
    from django.utils import translation

    from familiennetz.translations.languages import EASY
    from familiennetz.translations.models import ContentTranslation

    offer = alliance.offers.first()
    german = count(client, offer.get_absolute_url())
    with translation.override("ar"):
        arabic_url = offer.get_absolute_url()
    assert arabic_url.startswith("/ar/")
    before = count(client, arabic_url)
    assert before <= german
    for category in town["categories"]:
        offer.categories.add(category)
        ContentTranslation.objects.create(
            alliance=alliance, target=category, field="name", language="ar", text="فئة"
        )
    for language in ["ar", "uk", EASY]:
        for name in ["name", "summary", "description"]:
            ContentTranslation.objects.create(
                alliance=alliance, target=offer, field=name, language=language, text="نص"
            )
    for number in range(3):
        place = f.LocationFactory(alliance=alliance, name=f"Ort {number}")
        f.OfferLocationFactory(alliance=alliance, offer=offer, location=place)
    assert count(client, arabic_url) == before
    assert count(client, offer.get_absolute_url()) == german


@pytest.mark.parametrize("view", ["monat", "woche", "liste"])
def test_translated_calendar_views_cost_one_query_more_than_german(
    client, alliance, town, view, coordinator
):
    """The events' titles in Arabic: one query for the whole view, however many are shown."""
    with translation.override("ar"):
        url = reverse("events:calendar", kwargs={"alliance_slug": alliance.slug})
    german = count(
        client,
        reverse("events:calendar", kwargs={"alliance_slug": alliance.slug}),
        {"ansicht": view},
    )
    before = count(client, url, {"ansicht": view})
    assert before == german + 1
    grow(alliance, town)
    for event in Event.objects.filter(alliance=alliance):
        title = f"عنوان مترجم {event.pk}"
        translation_save(obj=event, language="ar", texts={"title": title}, user=coordinator.user)
    response = client.get(url, {"ansicht": view})
    assert "عنوان مترجم" in response.text  # translated titles are shown
    assert count(client, url, {"ansicht": view}) == before
