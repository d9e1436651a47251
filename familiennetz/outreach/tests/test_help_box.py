"""The Erste-Hilfe-Box: public page with tappable numbers, one-page PDF, workspace editing with
history, bad input as field errors."""

import pytest
from pypdf import PdfReader

from familiennetz.outreach import services
from familiennetz.outreach.models import HelpContact

from .conftest import pdf_qr_codes, pdf_text

pytestmark = pytest.mark.django_db

URL = "/manage/hainichen/erste-hilfe/"


@pytest.fixture
def box(alliance):
    save = services.help_contact_save
    save(alliance=alliance, values={"group": "notfall", "name": "Notruf", "phone": "112"})
    save(
        alliance=alliance,
        values={
            "group": "nachts",
            "name": "Kinderärztlicher Bereitschaftsdienst",
            "phone": "116 117",
            "hours": "nachts und am Wochenende",
        },
    )
    save(
        alliance=alliance,
        values={"group": "beratung", "name": "Elterntelefon", "phone": "0800 111 0 550"},
    )


def test_the_public_box_groups_contacts_with_tappable_numbers(client, box):
    page = client.get("/hainichen/erste-hilfe/").content.decode()
    assert page.index("Notfall") < page.index("Beratung") < page.index("Nachts")
    assert 'href="tel:112"' in page
    assert 'href="tel:116117"' in page
    assert 'href="tel:+498001110550"' in page
    assert "nachts und am Wochenende" in page


def test_the_box_prints_on_one_a4_page_with_a_qr_code(client, box):
    response = client.get("/hainichen/erste-hilfe.pdf")
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(__import__("io").BytesIO(response.content))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (210, 297)
    text = pdf_text(response.content)
    assert "Erste-Hilfe-Box" in text
    assert "Kinderärztlicher Bereitschaftsdienst" in text
    assert "116 117" in text
    assert pdf_qr_codes(response.content) == ["http://testserver/hainichen/erste-hilfe/"]


def test_the_coordinator_adds_a_contact_and_the_history_records_it(logged_in, alliance):
    response = logged_in.post(
        URL,
        {
            "neu-group": "beratung",
            "neu-name": "Schwangerschaftsberatung",
            "neu-phone": "0351 / 123 45-6",
            "neu-hours": "Mo–Fr 9–16 Uhr",
            "neu-note": "",
            "neu-position": "0",
        },
    )
    assert response.status_code == 302
    contact = HelpContact.objects.get(alliance=alliance)
    assert contact.phone == "0351 / 123 45-6"
    page = logged_in.get(URL).content.decode()
    assert "Schwangerschaftsberatung" in page
    assert "hinzugefügt" in page  # the history
    logged_in.post(
        f"{URL}{contact.pk}/",
        {"group": "beratung", "name": "Schwangerenberatung", "phone": "0351 12345", "position": 5},
    )
    assert contact.history.count() == 2
    logged_in.post(f"{URL}{contact.pk}/loeschen/")
    assert not HelpContact.objects.filter(alliance=alliance).exists()
    assert "entfernt" in logged_in.get(URL).content.decode()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("phone", "ruf mich an", "keine Telefonnummer"),
        ("phone", "12", "keine Telefonnummer"),
        ("phone", "<script>alert(1)</script>", "keine Telefonnummer"),
        ("name", "<b>Notruf</b>", "ohne die Zeichen"),
        ("note", "<script>alert(1)</script>", "ohne die Zeichen"),
    ],
)
def test_bad_input_is_a_field_error_and_nothing_is_saved(
    logged_in, alliance, field, value, message
):
    data = {"neu-group": "notfall", "neu-name": "Notruf", "neu-phone": "112", "neu-position": "0"}
    data[f"neu-{field}"] = value
    response = logged_in.post(URL, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not HelpContact.objects.filter(alliance=alliance).exists()


def test_another_alliances_contact_is_a_404(logged_in, other_alliance):
    contact = services.help_contact_save(
        alliance=other_alliance, values={"group": "notfall", "name": "Notruf", "phone": "112"}
    )
    assert logged_in.get(f"{URL}{contact.pk}/").status_code == 404
