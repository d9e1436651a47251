import json
import re

import pytest
from django.test import override_settings
from django.urls import reverse


def url(name, alliance, **kwargs):
    return reverse(f"directory:{name}", kwargs={"alliance_slug": alliance.slug, **kwargs})


def test_root_goes_straight_to_the_only_alliance(client, alliance):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/hainichen/"


def test_root_lists_several_alliances(client, alliance, other_alliance):
    response = client.get("/")
    assert response.status_code == 200
    assert "Netzwerk Familie Hainichen" in response.text and "Bündnis Prohlis" in response.text


def test_unknown_alliance_is_404(client, db):
    assert client.get("/gibt-es-nicht/").status_code == 404


def test_home_shows_search_categories_and_districts_in_german(client, alliance, guide):
    response = client.get(url("home", alliance))
    assert response.status_code == 200
    assert '<html lang="de"' in response.text
    assert "Ich suche" in response.text
    assert "Elternbildung &amp; Begegnung" in response.text
    assert "Gersdorf" in response.text


def test_english_pages_live_under_a_prefix(client, alliance, guide):
    response = client.get("/en" + url("home", alliance))
    assert response.status_code == 200
    assert '<html lang="en"' in response.text
    assert "I am looking for" in response.text
    assert "Parent education &amp; meeting" in response.text


def test_offer_page_shows_what_a_parent_needs(client, alliance, guide):
    response = client.get(guide["krabbel"].get_absolute_url())
    assert response.status_code == 200
    text = response.text
    assert "Eltern-Kind-Gruppe Sonnenschein" in text
    assert "kostenlos" in text
    assert "Arabisch" in text
    assert "Zuletzt geprüft am" in text
    assert "Dienstag, 09:00–11:00" in text
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S).group(1)
    )
    assert data["@type"] == "Service" and data["isAccessibleForFree"] is True


def test_phone_numbers_are_tappable(client, alliance, guide):
    response = client.get(guide["beratung"].get_absolute_url())
    assert 'href="tel:+49372799991' in response.text


@pytest.mark.parametrize("key", ["draft", "archived"])
def test_unpublished_offer_is_404(client, alliance, guide, key):
    assert client.get(guide[key].get_absolute_url()).status_code == 404


def test_other_alliances_offer_is_404(client, alliance, other_alliance, offer_factory):
    foreign = offer_factory(alliance=other_alliance, slug="fremd")
    assert client.get(url("offer-detail", alliance, slug=foreign.slug)).status_code == 404
    assert client.get(foreign.get_absolute_url()).status_code == 200


def test_print_view_has_a_qr_code_to_the_offer(client, alliance, guide):
    response = client.get(guide["krabbel"].get_print_url())
    assert response.status_code == 200
    assert "<svg" in response.text
    assert "http://testserver/hainichen/angebote/eltern-kind-gruppe/" in response.text
    qr = client.get(url("offer-qr", alliance, slug="eltern-kind-gruppe"))
    assert qr["Content-Type"] == "image/svg+xml" and qr.content.startswith(b"<svg")


def test_organisation_and_location_pages(client, alliance, guide):
    organisation = guide["krabbel"].organisation
    response = client.get(organisation.get_absolute_url())
    assert response.status_code == 200 and "Eltern-Kind-Gruppe Sonnenschein" in response.text
    response = client.get(guide["rathaus"].get_absolute_url())
    assert response.status_code == 200
    assert "Beratung bei Trennung und Scheidung" in response.text
    assert "Montag bis Freitag, 08:00–16:00" in response.text
    assert "Entwurf" not in client.get(url("location-detail", alliance, slug="fz")).text


def test_search_page_combines_text_and_filters(client, alliance, guide):
    response = client.get(
        url("search", alliance), {"q": "Gruppe", "kostenlos": "on", "alter": "0-3"}
    )
    assert response.status_code == 200
    assert "Eltern-Kind-Gruppe Sonnenschein" in response.text
    assert "Jugendclub Dorfhaus" not in response.text
    assert "1 Angebot gefunden" in response.text


def test_filter_chips_link_to_the_search_without_that_filter(client, alliance, guide):
    response = client.get(url("search", alliance), {"kostenlos": "on", "alter": "0-3"})
    assert 'href="?alter=0-3"' in response.text  # removing "kostenlos"
    assert 'href="?kostenlos=on"' in response.text  # removing the age band


def test_map_and_list_have_the_same_results(client, alliance, guide):
    response = client.get(url("search", alliance))
    features = json.loads(
        re.search(
            r'<script id="map-data" type="application/json">(.*?)</script>', response.text, re.S
        ).group(1)
    )
    listed = re.findall(r'<a href="/hainichen/angebote/[^"]+/">([^<]+)</a>', response.text)
    with_place = [name for name in listed if name != "Elterntelefon"]
    assert [f["name"] for f in features] == with_place
    assert [f["n"] for f in features] == [listed.index(name) + 1 for name in with_place]
    geojson = client.get(url("search-geojson", alliance)).json()
    assert [f["properties"]["name"] for f in geojson["features"]] == with_place


def test_empty_result_explains_itself(client, alliance, guide):
    response = client.get(
        url("search", alliance), {"q": "Eltern", "ortsteil": "gersdorf", "alter": "14-18"}
    )
    assert "Nichts gefunden" in response.text
    assert "Filter entfernen" in response.text or "Entfernen Sie einen Filter" in response.text


@pytest.mark.parametrize(
    "params",
    [
        {"alter": "xx", "kategorie": "gibt-es-nicht", "sprache": "klingonisch", "wochentag": "8"},
        {"lat": "999", "lon": "-1000", "nahe": "ort:nirgends"},
        {"lat": "nan", "lon": "inf"},
        {"seite": "-3"},
        {"seite": "abc"},
        {"q": "x" * 5000},
        {"q": "\"*(NEAR AND OR) ; DROP TABLE offers; -- ' %_ \\"},
        {"q": "\x00\x01 ünï©ødé 👶"},
        {"sortierung": "entfernung"},
    ],
)
def test_bad_input_gives_a_normal_page(client, alliance, guide, params):
    response = client.get(url("search", alliance), params)
    assert response.status_code == 200
    assert "Angebot" in response.text


def test_unknown_filters_are_reported(client, alliance, guide):
    response = client.get(url("search", alliance), {"alter": "xx"})
    assert "nicht verstanden" in response.text


def test_search_page_query_count_does_not_grow_with_results(
    client, alliance, guide, offer_factory, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url("search", alliance), {"kostenlos": "on"}).status_code == 200
        return len(ctx.captured_queries)

    before = count()
    for i in range(10):
        offer_factory(
            alliance=alliance,
            name=f"Spielkreis {i}",
            is_free=True,
            languages=["en"],
            categories=[alliance.categories.first()],
            locations=[guide["rathaus"]],
        )
    assert count() == before
    assert before <= 15


def test_public_pages_set_no_cookies_and_a_strict_csp(client, alliance, guide):
    for path in [
        url("home", alliance),
        url("search", alliance),
        guide["krabbel"].get_absolute_url(),
    ]:
        response = client.get(path)
        assert not response.cookies, path
        csp = response["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "unsafe-inline" not in csp


@override_settings(MAP_TILE_URL="")
def test_no_third_party_urls_in_public_pages(client, alliance, guide):
    text = client.get(url("search", alliance)).text
    srcs = re.findall(r'(?:src|href)="(https?://[^"]+)"', text)
    assert all(s.startswith("http://testserver") for s in srcs if "example.org" not in s), srcs


def test_home_has_an_emergency_box_with_tappable_numbers(client, alliance, guide):
    response = client.get(url("home", alliance))
    assert "Schnelle Hilfe" in response.text
    assert 'href="tel:+498001110550"' in response.text


def test_category_and_district_links_filter_the_search(client, alliance, guide):
    category = alliance.categories.get(code="elternbildung.eltern-kind-gruppe")
    response = client.get(category.get_absolute_url())
    assert "1 Angebot gefunden" in response.text
    response = client.get(guide["dorf"].get_absolute_url())
    assert "Jugendclub Dorfhaus" in response.text and "1 Angebot gefunden" in response.text


def test_organisation_page_links_to_its_dates_in_the_calendar(client, alliance, guide):
    from familiennetz.events.tests.factories import EventFactory

    organisation = guide["krabbel"].organisation
    assert "?organisation=" not in client.get(organisation.get_absolute_url()).text
    EventFactory(alliance=alliance, organisation=organisation)
    response = client.get(organisation.get_absolute_url())
    assert f"/hainichen/kalender/?organisation={organisation.slug}" in response.text
