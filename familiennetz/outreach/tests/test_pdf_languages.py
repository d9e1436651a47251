"""Print products in the request's language (issue 14): Arabic right to left with shaping,
Cyrillic, QR codes to the page in the same language. Needs poppler-utils and DejaVu Sans
(`make pdf-deps`)."""

import subprocess

import pytest

from familiennetz.outreach import services

from .conftest import pdf_qr_codes, pdf_text
from .test_notice import town  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

ARABIC_NAME = "هاتف الوالدين"  # "parents' telephone"
UKRAINIAN_NAME = "Телефон для батьків"


@pytest.fixture
def box(alliance):
    save = services.help_contact_save
    save(alliance=alliance, values={"group": "notfall", "name": "Notruf", "phone": "112"})
    save(
        alliance=alliance,
        values={"group": "beratung", "name": ARABIC_NAME, "phone": "0800 111 0 550"},
    )
    save(
        alliance=alliance,
        values={"group": "beratung", "name": UKRAINIAN_NAME, "phone": "0800 111 0 551"},
    )


def words_with_x(content: bytes) -> dict[str, float]:
    """Each word of the first page with its left edge (pdftotext -bbox), in points."""
    import re

    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", "-", "-"],
        input=content,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return {
        word: float(x) for x, word in re.findall(r'<word xMin="([\d.]+)"[^>]*>([^<]+)</word>', html)
    }


def fonts(content: bytes) -> str:
    return subprocess.run(
        ["pdffonts", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()


def test_the_arabic_box_is_right_to_left_with_arabic_in_logical_order(client, box):
    response = client.get("/ar/hainichen/erste-hilfe.pdf")
    assert response.status_code == 200
    text = pdf_text(response.content)
    # Logical order: the words as typed, not mirrored or split into letters.
    assert ARABIC_NAME in text
    assert UKRAINIAN_NAME in text
    # Phone numbers stay left to right inside the right-to-left page.
    assert "0800 111 0 550" in text
    # Right to left: the names stand in the right half of the A4 page (595 pt), the numbers
    # in the left half; in German it is the other way round.
    words = words_with_x(response.content)
    # (-bbox lists an Arabic word in visual order, i.e. its letters reversed)
    assert words.get("هاتف", words.get("هاتف"[::-1], 0)) > 595 / 2
    assert words["0800"] < 595 / 2
    german = words_with_x(client.get("/hainichen/erste-hilfe.pdf").content)
    assert german["Notruf"] < 595 / 2 < german["0800"]
    # A font with Arabic glyphs is embedded (DejaVu Sans).
    assert "DejaVu-Sans" in fonts(response.content)
    # The QR code leads to the Arabic page.
    assert pdf_qr_codes(response.content) == ["http://testserver/ar/hainichen/erste-hilfe/"]


def test_the_ukrainian_box_keeps_the_cyrillic_text(client, box):
    response = client.get("/uk/hainichen/erste-hilfe.pdf")
    assert UKRAINIAN_NAME in pdf_text(response.content)
    assert pdf_qr_codes(response.content) == ["http://testserver/uk/hainichen/erste-hilfe/"]


def test_the_notice_sheet_and_the_flyer_follow_the_request_language(client, town):  # noqa: F811
    sheet = client.get("/ar/hainichen/aushang.pdf?ortsteil=zentrum")
    assert sheet.status_code == 200
    assert "Laternenbasteln für Familien" in pdf_text(sheet.content)
    assert pdf_qr_codes(sheet.content) == [
        "http://testserver/ar/hainichen/kalender/?ortsteil=zentrum"
    ]
    words = words_with_x(sheet.content)
    assert words["Laternenbasteln"] > 595 / 3  # the title column is on the right
    flyer = client.get("/ru/hainichen/angebote/krabbel/flyer.pdf")
    assert "Krabbelgruppe Sonnenkinder" in pdf_text(flyer.content)
    assert pdf_qr_codes(flyer.content) == ["http://testserver/ru/hainichen/angebote/krabbel/"]
