"""The Stadtteil-Rallye: composed in the workspace (stations at places, picture first), public
pages without an account, QR codes per station, the printable sheet with a certificate,
completions counted without identities and rate-limited."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from familiennetz.directory.tests import factories as f
from familiennetz.outreach import services
from familiennetz.outreach.models import Rally, RallyStation

from .conftest import decode_qr, pdf_qr_codes, pdf_text

pytestmark = pytest.mark.django_db

MANAGE = "/manage/hainichen/rallye/"


def _jpeg(name="bild.jpg") -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 40, 30)).save(out, format="JPEG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


@pytest.fixture
def places(alliance):
    return [
        f.LocationFactory(alliance=alliance, name="Stadtbibliothek", slug="bibliothek"),
        f.LocationFactory(alliance=alliance, name="Spielplatz am Teich", slug="spielplatz"),
    ]


@pytest.fixture
def rally(alliance, places):
    rally = services.rally_save(alliance=alliance, values={"title": "Entdecker-Rallye"})
    services.station_save(
        rally=rally,
        values={
            "location": places[0],
            "number": 1,
            "title": "Bücherwurm",
            "task": "Wie viele Bücher siehst du im Fenster?",
        },
        picture=_jpeg(),
    )
    services.station_save(
        rally=rally,
        values={"location": places[1], "number": 2, "title": "Enten", "task": "Zählt die Enten!"},
    )
    return services.rally_save(alliance=alliance, values={"is_published": True}, rally=rally)


def test_the_coordinator_composes_a_rally(logged_in, alliance, places):
    response = logged_in.post(f"{MANAGE}neu/", {"title": "Vorschul-Rallye", "intro": "Los geht's"})
    assert response.status_code == 302
    rally = Rally.objects.get(alliance=alliance)
    assert rally.slug == "vorschul-rallye"
    url = f"{MANAGE}{rally.pk}/stationen/neu/"
    form = logged_in.get(url).content.decode()
    assert form.index('name="picture"') < form.index('name="task"')  # picture first
    response = logged_in.post(
        url,
        {
            "location": places[0].pk,
            "number": 1,
            "title": "Bücherwurm",
            "task": "Findet das rote Buch!",
            "picture": _jpeg(),
            "picture_text": "Ein rotes Buch im Regal",
        },
    )
    assert response.status_code == 302
    station = RallyStation.objects.get(rally=rally)
    assert station.picture.name.endswith(".jpg")
    logged_in.post(f"{MANAGE}{rally.pk}/", {"title": "Vorschul-Rallye", "is_published": "on"})
    rally.refresh_from_db()
    assert rally.is_published


def test_a_station_without_a_place_is_a_field_error(logged_in, alliance):
    rally = services.rally_save(alliance=alliance, values={"title": "Rallye"})
    response = logged_in.post(
        f"{MANAGE}{rally.pk}/stationen/neu/", {"number": 1, "title": "Ohne Ort", "task": "?"}
    )
    assert response.status_code == 200
    assert "Wählen Sie den Ort dieser Station." in response.content.decode()
    assert not RallyStation.objects.exists()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("bild.jpg", b"<script>alert(1)</script>"), "nicht erlaubt"),
        (SimpleUploadedFile("bild.pdf", b"%PDF-1.4 hallo"), "nicht erlaubt"),
    ],
)
def test_a_bad_picture_is_a_field_error(logged_in, alliance, places, upload, message):
    rally = services.rally_save(alliance=alliance, values={"title": "Rallye"})
    response = logged_in.post(
        f"{MANAGE}{rally.pk}/stationen/neu/",
        {"location": places[0].pk, "number": 1, "title": "Buch", "task": "?", "picture": upload},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not RallyStation.objects.exists()


def test_another_alliances_place_and_a_taken_number_are_refused(logged_in, alliance, rally):
    elsewhere = f.LocationFactory(name="Anderswo")
    response = logged_in.post(
        f"{MANAGE}{rally.pk}/stationen/neu/",
        {"location": elsewhere.pk, "number": 3, "title": "X", "task": "?"},
    )
    assert response.status_code == 200
    place = rally.stations.get(number=1).location
    response = logged_in.post(
        f"{MANAGE}{rally.pk}/stationen/neu/",
        {"location": place.pk, "number": 1, "title": "X", "task": "?"},
    )
    assert "Eine andere Station hat schon diese Nummer." in response.content.decode()
    assert rally.stations.count() == 2


def test_the_public_rally_and_a_station_need_no_account(client, rally):
    page = client.get("/hainichen/rallye/entdecker-rallye/").content.decode()
    assert "Bücherwurm" in page and "Enten" in page
    station = client.get("/hainichen/rallye/entdecker-rallye/station-1/")
    assert station.status_code == 200
    html = station.content.decode()
    assert "Wie viele Bücher siehst du im Fenster?" in html
    assert "/hainichen/rallye/entdecker-rallye/station-1/bild" in html
    assert "station-2/" in html  # on to the next station
    picture = client.get("/hainichen/rallye/entdecker-rallye/station-1/bild")
    assert picture["Content-Type"] == "image/jpeg"
    assert client.get("/hainichen/rallye/entdecker-rallye/station-9/").status_code == 404


def test_a_draft_rally_is_not_public(client, alliance, places):
    services.rally_save(alliance=alliance, values={"title": "Geheim"})
    assert client.get("/hainichen/rallye/geheim/").status_code == 404


def test_completing_a_station_counts_without_identities(client, rally, settings):
    settings.RALLY_RATE_LIMIT = 2
    url = "/hainichen/rallye/entdecker-rallye/station-2/geschafft/"
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"].endswith("station-2/?geschafft=1")
    assert "sessionid" not in response.cookies
    station = rally.stations.get(number=2)
    assert station.completions == 1
    assert (
        "Super! Diese Station ist geschafft." in client.get(response["Location"]).content.decode()
    )
    client.post(url)
    limited = client.post(url)
    assert limited.status_code == 429
    station.refresh_from_db()
    assert station.completions == 2


def test_completing_needs_a_csrf_token(rally):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/hainichen/rallye/entdecker-rallye/station-1/geschafft/")
    assert response.status_code == 403


def test_each_station_has_a_qr_code_to_its_phone_page(client, rally):
    target = "/hainichen/rallye/entdecker-rallye/station-2/"
    png = client.get("/hainichen/qr/", {"ziel": target, "format": "png"})
    assert decode_qr(png.content) == [f"http://testserver{target}"]


def test_the_rally_sheet_has_every_qr_code_and_a_certificate(client, rally):
    response = client.get("/hainichen/rallye/entdecker-rallye/rallye.pdf")
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "Station 1: Bücherwurm" in text
    assert "Urkunde" in text
    assert sorted(pdf_qr_codes(response.content)) == [
        "http://testserver/hainichen/rallye/entdecker-rallye/station-1/",
        "http://testserver/hainichen/rallye/entdecker-rallye/station-2/",
    ]
