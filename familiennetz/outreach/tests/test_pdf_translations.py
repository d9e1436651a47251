"""The offer flyer and the notice-board sheet use the offers' and events' translated texts in
the request's language, the German text where none exists. Needs poppler-utils."""

import pytest

from familiennetz.directory.models import Offer
from familiennetz.events.models import Event
from familiennetz.outreach import services as help_services
from familiennetz.translations import services as translation_services

from .conftest import pdf_text
from .test_notice import town  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def translate(obj, language, texts, user):
    translation_services.translation_save(obj=obj, language=language, texts=texts, user=user)


def test_the_flyer_shows_the_offer_in_the_request_language(client, town, coordinator):  # noqa: F811
    offer = Offer.objects.get(slug="krabbel")
    translate(offer, "ru", {"name": "Группа малышей", "summary": "Для родителей"}, coordinator.user)
    russian = pdf_text(client.get("/ru/hainichen/angebote/krabbel/flyer.pdf").content)
    assert "Группа малышей" in russian and "Для родителей" in russian
    assert "Krabbelgruppe Sonnenkinder" not in russian
    # No Ukrainian translation: the German name.
    ukrainian = pdf_text(client.get("/uk/hainichen/angebote/krabbel/flyer.pdf").content)
    assert "Krabbelgruppe Sonnenkinder" in ukrainian


def test_the_notice_sheet_shows_translated_event_titles_and_offer_names(
    client,
    town,  # noqa: F811
    coordinator,
):
    event = Event.objects.get(title="Laternenbasteln für Familien")
    translate(event, "ru", {"title": "Фонарики для семей"}, coordinator.user)
    offer = Offer.objects.get(slug="krabbel")
    translate(offer, "ru", {"name": "Группа малышей"}, coordinator.user)
    text = pdf_text(client.get("/ru/hainichen/aushang.pdf?ortsteil=zentrum").content)
    assert "Фонарики для семей" in text and "Laternenbasteln" not in text
    assert "Группа малышей" in text
    german = pdf_text(client.get("/hainichen/aushang.pdf?ortsteil=zentrum").content)
    assert "Laternenbasteln für Familien" in german and "Фонарики" not in german


def test_the_help_box_sheet_shows_translated_lines(client, alliance, coordinator):
    contact = help_services.help_contact_save(
        alliance=alliance,
        values={"group": "beratung", "name": "Elterntelefon", "phone": "0800 111 0 550"},
    )
    translate(contact, "uk", {"name": "Телефон для батьків"}, coordinator.user)
    text = pdf_text(client.get("/uk/hainichen/erste-hilfe.pdf").content)
    assert "Телефон для батьків" in text and "Elterntelefon" not in text
    assert "Elterntelefon" in pdf_text(client.get("/hainichen/erste-hilfe.pdf").content)
