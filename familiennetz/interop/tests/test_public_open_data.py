"""Public open-data URLs of an alliance, robots.txt and the sitemaps."""

import io
import json
import zipfile

import pytest

from familiennetz.alliances.tests.factories import AllianceFactory
from familiennetz.directory.models import Status


@pytest.fixture
def guide(alliance, offer_factory, location_factory, category_factory, district_factory):
    kita = category_factory(alliance=alliance, slug="kita")
    district = district_factory(alliance=alliance, slug="mitte")
    place = location_factory(alliance=alliance, slug="rathaus", district=district)
    offer_factory(
        alliance=alliance,
        slug="babytreff",
        name="Babytreff",
        locations=[place],
        age_min_months=0,
        age_max_months=11,
    )
    offer_factory(
        alliance=alliance,
        slug="hort",
        name="Hort",
        categories=[kita],
        locations=[place],
        age_min_months=72,
        age_max_months=131,
    )
    offer_factory(
        alliance=alliance, slug="entwurf", name="Entwurf", status=Status.DRAFT, locations=[place]
    )
    return alliance


def feature_names(response) -> list[str]:
    return sorted(f["properties"]["name"] for f in response.json()["features"])


def test_offers_geojson_takes_the_search_filters(client, guide):
    url = "/hainichen/offene-daten/angebote.geojson"
    everything = client.get(url)
    assert everything["Content-Type"] == "application/geo+json"
    assert everything["Access-Control-Allow-Origin"] == "*"
    assert feature_names(everything) == ["Babytreff", "Hort"]
    assert feature_names(client.get(url, {"alter": "0-3"})) == ["Babytreff"]
    assert feature_names(client.get(url, {"kategorie": "kita"})) == ["Hort"]
    assert feature_names(client.get(url, {"q": "hort"})) == ["Hort"]
    # an invalid value is ignored like on the search page
    assert feature_names(client.get(url, {"alter": "99"})) == ["Babytreff", "Hort"]


def test_places_geojson(client, guide, location_factory, district_factory):
    location_factory(alliance=guide, slug="ohne-koordinaten", latitude=None, longitude=None)
    places = client.get("/hainichen/offene-daten/orte.geojson").json()["features"]
    assert "ohne-koordinaten" not in {f["id"] for f in places}
    assert {f["id"] for f in places} >= {"rathaus"}
    in_district = client.get("/hainichen/offene-daten/orte.geojson", {"ortsteil": "mitte"}).json()
    assert [f["id"] for f in in_district["features"]] == ["rathaus"]


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_hsds_download(client, guide, fmt):
    response = client.get(f"/hainichen/offene-daten/hsds-{fmt}.zip")
    assert response["Content-Type"] == "application/zip"
    assert f'hainichen-hsds-{fmt}.zip"' in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.getvalue()))
    names = archive.namelist()
    if fmt == "csv":
        assert "datapackage.json" in names and "services.csv" in names
        assert "Entwurf" not in archive.read("services.csv").decode()
    else:
        services = [json.loads(archive.read(n)) for n in names if n.startswith("services/")]
        assert sorted(s["name"] for s in services) == ["Babytreff", "Hort"]


def test_open_data_page(client, guide):
    page = client.get("/hainichen/offene-daten/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "/api/hsds/hainichen/" in html
    assert "/hainichen/offene-daten/angebote.geojson" in html
    assert client.get("/en/hainichen/offene-daten/").status_code == 200
    assert "offene-daten" in client.get("/hainichen/").content.decode()  # footer link


def test_robots_txt_keeps_crawlers_out_of_demo_networks_and_admin(client, guide):
    AllianceFactory(slug="demo-stadt", is_demo=True)
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert "Disallow: /demo-stadt/" in text
    assert "Disallow: /hainichen/" not in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_sitemaps_list_public_pages_of_real_networks(client, guide):
    AllianceFactory(slug="demo-stadt", is_demo=True)
    index = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/hainichen/sitemap.xml" in index
    assert "demo-stadt" not in index
    sitemap = client.get("/hainichen/sitemap.xml").content.decode()
    assert "http://testserver/hainichen/angebote/babytreff/" in sitemap
    assert "http://testserver/en/hainichen/angebote/babytreff/" in sitemap  # English alternate
    assert "entwurf" not in sitemap
    assert "http://testserver/hainichen/orte/rathaus/" in sitemap
    assert client.get("/demo-stadt/sitemap.xml").status_code == 404
