"""The Stadtteilplan: district boundaries, numbered places and a legend drawn on the server as
SVG (no tile service), the same SVG with a table on the page, A4/A3 PDF."""

import io

import pytest
from pypdf import PdfReader

from familiennetz.directory.tests import factories as f

from .conftest import pdf_qr_codes, pdf_text

pytestmark = pytest.mark.django_db


def _square(lon, lat, size=0.01):
    return {
        "type": "Polygon",
        "coordinates": [
            [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]
        ],
    }


@pytest.fixture
def town(alliance):
    nord = f.DistrictFactory(
        alliance=alliance, name="Nordviertel", slug="nord", boundary=_square(13.10, 50.98)
    )
    sued = f.DistrictFactory(
        alliance=alliance, name="Südviertel", slug="sued", boundary=_square(13.10, 50.97)
    )
    kita = f.LocationFactory(
        alliance=alliance,
        name="Kita Wirbelwind",
        slug="kita",
        latitude=50.985,
        longitude=13.105,
        district=nord,
    )
    halle = f.LocationFactory(
        alliance=alliance,
        name="Turnhalle Süd",
        slug="halle",
        latitude=50.975,
        longitude=13.105,
        district=sued,
    )
    f.LocationFactory(alliance=alliance, name="Leerer Ort", slug="leer", district=sued)
    f.OfferFactory(alliance=alliance, name="Eltern-Kind-Turnen", slug="turnen", locations=[halle])
    f.OfferFactory(alliance=alliance, name="Krabbelgruppe", slug="krabbel", locations=[kita])
    return {"nord": nord, "sued": sued}


def test_the_plan_page_shows_the_svg_and_a_table(client, town):
    page = client.get("/hainichen/stadtteilplan/").content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="plan-svg"' in page
    assert page.count("<path ") == 2  # two district boundaries
    assert "Nordviertel" in page and "Südviertel" in page
    assert page.count('class="plan-marker"') == 2  # places with offers only
    assert "Leerer Ort" not in page
    assert "<caption>Orte und ihre Angebote</caption>" in page
    # Numbered from the north: the Kita is 1, the gym 2, in the map and in the table.
    assert page.index("Kita Wirbelwind") < page.index("Turnhalle Süd")
    assert "Eltern-Kind-Turnen" in page
    assert "tile" not in page.split("<main", 1)[1].split("</main>")[0]


def test_one_district(client, town):
    page = client.get("/hainichen/stadtteilplan/?ortsteil=sued").content.decode()
    assert page.count('class="plan-marker"') == 1
    assert "Turnhalle Süd" in page and "Kita Wirbelwind" not in page
    assert client.get("/hainichen/stadtteilplan/?ortsteil=nirgends").status_code == 404


@pytest.mark.parametrize(("paper", "size"), [("a4", (210, 297)), ("a3", (297, 420))])
def test_the_plan_prints_on_a4_and_a3(client, town, paper, size):
    response = client.get(f"/hainichen/stadtteilplan.pdf?format={paper}")
    assert response.status_code == 200
    box = PdfReader(io.BytesIO(response.content)).pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == size
    text = pdf_text(response.content)
    assert "Stadtteilplan" in text
    assert "Kita Wirbelwind" in text and "Krabbelgruppe" in text
    assert "http://testserver/hainichen/stadtteilplan/" in pdf_qr_codes(response.content)


def test_a_network_without_districts_gets_a_page_not_an_error(client, alliance):
    response = client.get("/hainichen/stadtteilplan/")
    assert response.status_code == 200
    assert "Für dieses Netzwerk gibt es noch keine Karte." in response.content.decode()
    assert client.get("/hainichen/stadtteilplan.pdf").status_code == 200
