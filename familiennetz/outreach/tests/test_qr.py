"""QR codes point only at pages of this site, and decode to the page's URL (zxing-cpp)."""

import pytest
from django.test import RequestFactory

from familiennetz.directory.tests import factories as f
from familiennetz.outreach import qr

from .conftest import decode_qr

pytestmark = pytest.mark.django_db


def _request(host="familien.example"):
    return RequestFactory().get("/", HTTP_HOST=host)


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/hainichen/",
        "http://familien.example.evil.example/",
        "//evil.example/hainichen/",
        "javascript:alert(1)",
        "hainichen/kalender/",
        "/hainichen/\\evil",
        "/hainichen/../admin/",
        "/hainichen/\nkalender/",
        "",
        "/" + "a" * 700,
    ],
)
def test_a_target_outside_the_site_is_refused(target):
    with pytest.raises(qr.QrTargetError):
        qr.site_url(target, request=_request())


def test_paths_and_urls_of_this_site_become_absolute(alliance):
    request = _request()
    assert (
        qr.site_url("/hainichen/kalender/?alter=3-6", request=request, alliance=alliance)
        == "http://familien.example/hainichen/kalender/?alter=3-6"
    )
    assert (
        qr.site_url("http://familien.example/en/hainichen/", request=request, alliance=alliance)
        == "http://familien.example/en/hainichen/"
    )
    with pytest.raises(qr.QrTargetError):
        qr.site_url("/prohlis/kalender/", request=request, alliance=alliance)


def test_without_a_request_the_site_url_is_the_base(settings):
    settings.SITE_URL = "https://familiennetz.example"
    assert qr.site_url("/hainichen/") == "https://familiennetz.example/hainichen/"


def test_the_qr_endpoint_encodes_a_calendar_filter(client, alliance):
    target = "/hainichen/kalender/?alter=3-6&ortsteil=zentrum"
    response = client.get("/hainichen/qr/", {"ziel": target, "format": "png"})
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert decode_qr(response.content) == [f"http://testserver{target}"]
    svg = client.get("/hainichen/qr/", {"ziel": target})
    assert svg["Content-Type"] == "image/svg+xml"
    assert b"<svg" in svg.content


def test_the_qr_endpoint_refuses_another_site(client, alliance):
    response = client.get("/hainichen/qr/", {"ziel": "https://evil.example/"})
    assert response.status_code == 400
    assert "QR" in response.content.decode()


def test_offer_and_place_pages_link_their_qr_codes(client, alliance):
    place = f.LocationFactory(alliance=alliance, name="Kita Sonnenschein", slug="kita-sonnenschein")
    f.OfferFactory(alliance=alliance, name="Krabbelgruppe", slug="krabbelgruppe", locations=[place])
    page = client.get("/hainichen/angebote/krabbelgruppe/").content.decode()
    assert "/hainichen/qr/?ziel=/hainichen/angebote/krabbelgruppe/&amp;format=png" in page
    assert "/hainichen/angebote/krabbelgruppe/flyer.pdf" in page
    png = client.get("/hainichen/qr/?ziel=/hainichen/angebote/krabbelgruppe/&format=png")
    assert decode_qr(png.content) == ["http://testserver/hainichen/angebote/krabbelgruppe/"]
    place_page = client.get("/hainichen/orte/kita-sonnenschein/").content.decode()
    assert "/hainichen/qr/?ziel=/hainichen/orte/kita-sonnenschein/" in place_page
    assert "/hainichen/aushang.pdf?ort=kita-sonnenschein" in place_page


def test_the_workspace_makes_a_qr_code_of_a_calendar_filter(logged_in, alliance):
    page = logged_in.get(
        "/manage/hainichen/qr-codes/", {"ziel": "/hainichen/kalender/?alter=3-6"}
    ).content.decode()
    assert "<svg" in page and "<title>QR-Code</title>" in page
    assert "http://testserver/hainichen/kalender/?alter=3-6" in page
    assert "/hainichen/qr/?ziel=/hainichen/kalender/%3Falter%3D3-6&amp;format=png" in page
    refused = logged_in.get("/manage/hainichen/qr-codes/", {"ziel": "https://evil.example/"})
    assert "QR-Codes dürfen nur auf Seiten dieser Website führen." in refused.content.decode()
    assert "<svg" not in refused.content.decode().split("<main", 1)[1]
