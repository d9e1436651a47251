"""The JSON API /api/v1/: public data only, the guide's filters, paging, conditional GET,
CORS and rate limits."""

import datetime as dt
import json

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.http import http_date

from familiennetz.core.tests.sql import statements
from familiennetz.directory.models import Offer, Organisation, Status
from familiennetz.directory.tests.factories import ScheduleFactory
from familiennetz.events.services import event_sync_occurrences
from familiennetz.events.tests.factories import EventFactory


@pytest.fixture
def guide(alliance, offer_factory, location_factory, category_factory, district_factory):
    """Hainichen: a Krabbelgruppe near the centre, a Hort far away, a draft."""
    centre = district_factory(alliance=alliance, slug="zentrum", name="Zentrum")
    kita = category_factory(alliance=alliance, slug="kita", code="betreuung.kita")
    groups = category_factory(alliance=alliance, slug="gruppen", code="elternbildung.gruppe")
    town_hall = location_factory(
        alliance=alliance, slug="rathaus", district=centre, latitude=50.9700, longitude=13.1200
    )
    far = location_factory(alliance=alliance, slug="aussen", latitude=51.2, longitude=13.5)
    crawl = offer_factory(
        alliance=alliance,
        slug="krabbelgruppe",
        name="Krabbelgruppe Sonnenschein",
        categories=[groups],
        locations=[town_hall],
        age_min_months=6,
        age_max_months=35,
        is_free=True,
    )
    ScheduleFactory(
        alliance=alliance, offer_location=crawl.offer_locations.get(), rrule="FREQ=WEEKLY;BYDAY=TU"
    )
    offer_factory(
        alliance=alliance,
        slug="hort",
        name="Hort Am Park",
        categories=[kita],
        locations=[far],
        age_min_months=72,
        age_max_months=131,
    )
    offer_factory(alliance=alliance, slug="entwurf", name="Geheimer Entwurf", status=Status.DRAFT)
    return alliance


def names(response) -> list[str]:
    return [offer["name"] for offer in response.json()["results"]]


def test_offer_list_shows_published_offers_only(client, guide):
    response = client.get("/api/v1/hainichen/offers")
    assert response.status_code == 200
    assert names(response) == ["Hort Am Park", "Krabbelgruppe Sonnenschein"]
    assert response.json()["count"] == 2


def test_offer_search_uses_the_guides_full_text_search(client, guide):
    # "Krabbelgruppen" (plural, lower case) still finds "Krabbelgruppe"
    assert names(client.get("/api/v1/hainichen/offers", {"q": "krabbelgruppen"})) == [
        "Krabbelgruppe Sonnenschein"
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"category": "gruppen"}, ["Krabbelgruppe Sonnenschein"]),
        ({"age_band": "0-3"}, ["Krabbelgruppe Sonnenschein"]),
        ({"age": 7}, ["Hort Am Park"]),
        ({"district": "zentrum"}, ["Krabbelgruppe Sonnenschein"]),
        ({"free": "true"}, ["Krabbelgruppe Sonnenschein"]),
        ({"weekday": "TU"}, ["Krabbelgruppe Sonnenschein"]),
        ({"lat": 50.97, "lon": 13.12, "radius_km": 2}, ["Krabbelgruppe Sonnenschein"]),
        ({"near_location": "aussen"}, ["Hort Am Park", "Krabbelgruppe Sonnenschein"]),
    ],
)
def test_offer_filters(client, guide, query, expected):
    assert names(client.get("/api/v1/hainichen/offers", query)) == expected


def test_proximity_gives_distances(client, guide):
    results = client.get("/api/v1/hainichen/offers", {"lat": 50.97, "lon": 13.12}).json()["results"]
    assert [r["slug"] for r in results] == ["krabbelgruppe", "hort"]
    assert results[0]["distance_km"] == 0
    assert 30 < results[1]["distance_km"] < 40


def test_contradicting_or_invalid_parameters_are_422(client, guide):
    for query in ({"lat": 50.9}, {"page": 0}, {"age_band": "0-99"}, {"lat": 91, "lon": 0}):
        response = client.get("/api/v1/hainichen/offers", query)
        assert response.status_code == 422, query
        assert response.json()["detail"][0]["loc"]


def test_paging(client, guide):
    first = client.get("/api/v1/hainichen/offers", {"page_size": 1}).json()
    second = client.get("/api/v1/hainichen/offers", {"page_size": 1, "page": 2}).json()
    beyond = client.get("/api/v1/hainichen/offers", {"page_size": 1, "page": 3}).json()
    assert (first["count"], first["pages"]) == (2, 2)
    assert first["results"][0]["slug"] != second["results"][0]["slug"]
    assert beyond["results"] == []


def test_modified_since(client, guide):
    Offer.objects.filter(slug="hort").update(updated_at=timezone.now() - dt.timedelta(days=10))
    since = (timezone.now() - dt.timedelta(days=1)).isoformat()
    assert names(client.get("/api/v1/hainichen/offers", {"modified_since": since})) == [
        "Krabbelgruppe Sonnenschein"
    ]


def test_offer_detail_and_other_alliances(client, guide, other_alliance, offer_factory):
    offer_factory(alliance=other_alliance, slug="fremd")
    detail = client.get("/api/v1/hainichen/offers/krabbelgruppe").json()
    assert detail["places"][0]["location"]["slug"] == "rathaus"
    assert detail["places"][0]["sessions"][0]["weekdays"] == ["TU"]
    assert detail["age"]["bands"] == ["0-3"]
    assert detail["url"] == "http://testserver/hainichen/angebote/krabbelgruppe/"
    assert client.get("/api/v1/hainichen/offers/fremd").status_code == 404
    assert client.get("/api/v1/hainichen/offers/entwurf").status_code == 404
    assert client.get("/api/v1/unbekannt/offers").status_code == 404


def test_offer_list_query_count_does_not_grow_with_results(
    client, guide, offer_factory, django_assert_max_num_queries
):
    for n in range(15):
        offer_factory(alliance=guide, slug=f"mehr-{n}", name=f"Mehr {n}")
    with django_assert_max_num_queries(16):
        client.get("/api/v1/hainichen/offers", {"page_size": 50})


def test_search_reads_reference_data_from_the_alliance_cache(client, guide):
    """Text + 2 filters: district slugs, stored HSDS ids and the taxonomy's synonyms come
    from the per-alliance cache once it is filled (13 queries before, 10 then; 12 since offers
    carry their own sessions and the districts they serve: one prefetch each, per page)."""
    search = {"q": "krabbelgruppe", "category": "gruppen", "age_band": "0-3"}
    client.get("/api/v1/hainichen/offers", search)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/api/v1/hainichen/offers", search)
    assert len(statements(ctx)) <= 12, statements(ctx)
    assert names(response) == ["Krabbelgruppe Sonnenschein"]


def test_cached_reference_data_follows_edits(client, guide):
    from familiennetz.directory.models import Category
    from familiennetz.interop.models import ExternalId
    from familiennetz.socialspace.models import District

    def first_result(params):
        return client.get("/api/v1/hainichen/offers", params).json()["results"][0]

    crawl = first_result({"q": "krabbelgruppe"})
    assert crawl["places"][0]["location"]["district"] == "zentrum"
    assert client.get("/api/v1/hainichen/offers", {"q": "Spielkreis"}).json()["count"] == 0

    district = District.objects.get(alliance=guide, slug="zentrum")
    district.slug = "stadtmitte"
    district.save()
    groups = Category.objects.get(alliance=guide, slug="gruppen")
    groups.synonyms = "Spielkreis"
    groups.save()
    offer = Offer.objects.get(alliance=guide, slug="krabbelgruppe")
    ExternalId.objects.create(
        alliance=guide,
        kind="offer",
        object_id=offer.pk,
        value="3f1b2c4d-0000-4000-8000-00000000abcd",
    )

    crawl = first_result({"q": "krabbelgruppe"})
    assert crawl["places"][0]["location"]["district"] == "stadtmitte"
    assert crawl["hsds_id"] == "3f1b2c4d-0000-4000-8000-00000000abcd"
    assert names(client.get("/api/v1/hainichen/offers", {"q": "Spielkreis"})) == [
        "Krabbelgruppe Sonnenschein"
    ]


def test_organisations_locations_categories_districts(client, guide):
    organisations = client.get("/api/v1/hainichen/organisations").json()
    assert organisations["count"] == Organisation.objects.filter(alliance=guide).count() > 2
    places = client.get("/api/v1/hainichen/locations", {"district": "zentrum"}).json()
    assert [p["slug"] for p in places["results"]] == ["rathaus"]
    assert {c["slug"] for c in client.get("/api/v1/hainichen/categories").json()} == {
        "kita",
        "gruppen",
    }
    assert client.get("/api/v1/hainichen/districts").json()[0]["slug"] == "zentrum"


def test_events_and_occurrences(client, guide):
    # 10:00 local time, whatever the time of the run: a date that starts late in the evening
    # runs past midnight and counts for the next day too (an overlap, rightly).
    start = timezone.make_aware(
        dt.datetime.combine(timezone.localdate() + dt.timedelta(days=2), dt.time(10, 0))
    )
    event = EventFactory(
        alliance=guide,
        slug="fest",
        title="Kinderfest",
        starts_at=start,
        rrule="FREQ=WEEKLY;COUNT=3",
    )
    event_sync_occurrences(event=event)
    assert [e["slug"] for e in client.get("/api/v1/hainichen/events").json()["results"]] == ["fest"]
    dates = client.get("/api/v1/hainichen/occurrences").json()
    assert dates["count"] == 3
    assert dates["results"][0]["status"] == "scheduled"
    assert client.get("/api/v1/hainichen/events/fest").json()["title"] == "Kinderfest"
    late = (timezone.localdate() + dt.timedelta(days=10)).isoformat()
    assert client.get("/api/v1/hainichen/occurrences", {"from": late}).json()["count"] == 1
    early = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    assert (
        client.get("/api/v1/hainichen/occurrences", {"from": late, "to": early}).status_code == 422
    )


def test_geojson_of_a_filtered_search(client, guide):
    collection = client.get("/api/v1/hainichen/offers.geojson", {"free": "true"}).json()
    assert collection["type"] == "FeatureCollection"
    [feature] = collection["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [13.12, 50.97]}
    assert feature["properties"]["name"] == "Krabbelgruppe Sonnenschein"
    places = client.get("/api/v1/hainichen/locations.geojson").json()
    assert {f["id"] for f in places["features"]} == {"aussen", "rathaus"}


def test_geojson_of_a_map_viewport(client, guide, alliance, offer_factory, location_factory):
    """Only offers with a place in the box, and only those places as points."""
    elsewhere = location_factory(alliance=alliance, slug="dorf", latitude=51.3, longitude=13.6)
    both = location_factory(alliance=alliance, slug="markt", latitude=50.98, longitude=13.13)
    offer_factory(alliance=alliance, slug="zwei-orte", locations=[elsewhere, both])
    url = "/api/v1/hainichen/offers.geojson"
    around_centre = client.get(url, {"bbox": "13.1,50.96,13.14,50.99"}).json()
    assert sorted(f["id"] for f in around_centre["features"]) == [
        "krabbelgruppe@rathaus",
        "zwei-orte@markt",
    ]
    # Edges count as inside; filters combine with the box.
    edge = client.get(url, {"bbox": "13.12,50.97,13.5,51.2", "free": "true"}).json()
    assert [f["id"] for f in edge["features"]] == ["krabbelgruppe@rathaus"]
    empty = client.get(url, {"bbox": "10,48,10.1,48.1"}).json()
    assert empty["features"] == []


@pytest.mark.parametrize(
    "bbox",
    ["13.1,50.9,13.2", "a,b,c,d", "13.2,50.9,13.1,51.0", "13.1,51.0,13.2,50.9", "190,50,191,51"],
)
def test_geojson_rejects_a_malformed_viewport(client, guide, bbox):
    response = client.get("/api/v1/hainichen/offers.geojson", {"bbox": bbox})
    assert response.status_code == 422
    assert "bbox" in response.content.decode()


def test_openapi_documents_the_viewport(client):
    spec = client.get("/api/v1/openapi.json").json()
    parameters = spec["paths"]["/api/v1/{alliance}/offers.geojson"]["get"]["parameters"]
    [bbox] = [p for p in parameters if p["name"] == "bbox"]
    assert "minlon,minlat,maxlon,maxlat" in bbox["description"]


def test_etag_and_last_modified_give_304(client, guide):
    first = client.get("/api/v1/hainichen/offers")
    etag = first["ETag"]
    assert first["Last-Modified"]
    again = client.get("/api/v1/hainichen/offers", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert (
        client.get(
            "/api/v1/hainichen/offers", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
        ).status_code
        == 304
    )
    Offer.objects.filter(slug="hort").update(name="Hort Am Stadtpark", updated_at=timezone.now())
    changed = client.get("/api/v1/hainichen/offers", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    old = http_date((timezone.now() - dt.timedelta(days=30)).timestamp())
    assert client.get("/api/v1/hainichen/offers", HTTP_IF_MODIFIED_SINCE=old).status_code == 200


def test_cors_allows_reading_from_any_origin_without_credentials(client, guide):
    response = client.get("/api/v1/hainichen/offers", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    preflight = client.options(
        "/api/v1/hainichen/offers",
        HTTP_ORIGIN="https://example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert not response.cookies


def test_writing_needs_a_token(client, guide):
    """Writes are token-only (test_api_write.py); methods the API does not know are 405."""
    assert client.post("/api/v1/hainichen/offers", {}).status_code == 401
    assert client.delete("/api/v1/hainichen/offers/krabbelgruppe").status_code == 401
    assert client.put("/api/v1/hainichen/offers/krabbelgruppe", {}).status_code == 405
    assert client.post("/api/v1/hainichen/districts", {}).status_code == 405


def test_rate_limit_answers_429_with_retry_after(client, guide, settings):
    cache.clear()
    settings.API_RATE_LIMIT = 3
    statuses = [client.get("/api/v1/hainichen/districts").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = client.get("/api/v1/hainichen/districts")
    assert 0 < int(limited["Retry-After"]) <= 60
    assert limited["Access-Control-Allow-Origin"] == "*"


def test_openapi_document_and_docs_page(client):
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.")
    operation = document["paths"]["/api/v1/{alliance}/offers"]["get"]
    assert {"200", "404", "422", "429"} <= set(operation["responses"])
    page = client.get("/api/v1/docs")
    assert page.status_code == 200
    html = page.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
    assert "<script>" not in html  # no inline code: works under the strict CSP
    assert client.get("/api/hsds/docs").status_code == 200


def test_alliance_list(client, guide, other_alliance):
    alliances = client.get("/api/v1/alliances").json()
    assert {a["slug"] for a in alliances} == {"prohlis", "hainichen"}
    hainichen = client.get("/api/v1/hainichen").json()
    assert hainichen["hsds_url"] == "http://testserver/api/hsds/hainichen/"


@pytest.mark.parametrize("path", ["/api/v1/openapi.json", "/api/hsds/openapi.json"])
def test_openapi_documents_have_no_duplicate_keys(client, path):
    """Swagger UI reads the document as YAML and refuses a key that appears twice."""

    def unique(pairs):
        keys = [key for key, _value in pairs]
        assert len(keys) == len(set(keys)), f"duplicate key in {path}: {keys}"
        return dict(pairs)

    json.loads(client.get(path).content, object_pairs_hook=unique)


def test_inactive_networks_are_not_served(client, guide):
    guide.is_active = False
    guide.save()
    assert client.get("/api/v1/hainichen/offers").status_code == 404
    assert client.get("/api/hsds/hainichen/services").status_code == 404
    assert "hainichen" not in {a["slug"] for a in client.get("/api/v1/alliances").json()}


@pytest.mark.parametrize(
    ("value", "status"),
    [
        ("0282-01-17T09:47:04.5-22:53", 200),  # far offset: fine once in UTC
        ("0001-01-01T00:00:00+01:00", 422),  # before year 1 in UTC
        ("2026-11-30", 200),
        ("0.5", 422),
    ],
)
def test_modified_since_takes_any_iso_time(client, guide, value, status):
    assert client.get("/api/v1/hainichen/events", {"modified_since": value}).status_code == status


@pytest.mark.parametrize("query", [{"to": "9999-12-31"}, {"from": "0001-01-01"}])
def test_dates_far_away_are_refused_not_failed(client, guide, query):
    assert client.get("/api/v1/hainichen/occurrences", query).status_code == 422
