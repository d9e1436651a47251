"""The guide's offer page in the visitor's language: translated texts, German with a note
where a translation is missing, Leichte Sprache as a German variant, escaped input."""

import pytest
from django.utils import translation

from familiennetz.translations import services
from familiennetz.translations.languages import EASY
from familiennetz.translations.models import ContentTranslation, fingerprint


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def offer(alliance, offer_factory, category_factory):
    category = category_factory(alliance=alliance, name="Krabbelgruppen", slug="krabbel")
    return offer_factory(
        alliance=alliance,
        name="Krabbelgruppe Sonnenschein",
        summary="Für Eltern mit Babys.",
        description="Wir singen und spielen jeden Mittwoch.",
        categories=[category],
    )


def url_in(language, offer, suffix=""):
    with translation.override(language):
        return offer.get_absolute_url() + suffix


def test_arabic_page_shows_the_arabic_translation(client, offer, coordinator):
    services.translation_save(
        obj=offer,
        language="ar",
        texts={
            "name": "مجموعة الأطفال الصغار",
            "summary": "للآباء مع الرضع.",
            "description": "نغني ونلعب.",
        },
        user=coordinator.user,
    )
    category = offer.categories.get()
    services.translation_save(
        obj=category, language="ar", texts={"name": "مجموعات الزحف"}, user=coordinator.user
    )
    text = client.get(url_in("ar", offer)).text
    assert "<h1>مجموعة الأطفال الصغار</h1>" in text
    assert "نغني ونلعب." in text and "مجموعات الزحف" in text
    assert "Krabbelgruppe Sonnenschein</h1>" not in text
    assert "untranslated-note" not in text


def test_missing_translation_shows_german_marked_with_a_note(client, offer, coordinator):
    services.translation_save(
        obj=offer, language="uk", texts={"name": "Група для малюків"}, user=coordinator.user
    )
    text = client.get(url_in("uk", offer)).text
    assert "<h1>Група для малюків</h1>" in text
    # The description is not translated: German, marked as German, with a note in Ukrainian.
    assert (
        '<div lang="de" dir="ltr" class="untranslated">'
        "<p>Wir singen und spielen jeden Mittwoch.</p></div>" in text
    )
    assert 'class="notice lang-note untranslated-note"' in text
    assert "Цей текст ще не перекладено." in text


def test_german_page_is_unchanged_and_has_no_note(client, offer, coordinator):
    services.translation_save(
        obj=offer, language="ar", texts={"name": "مجموعة"}, user=coordinator.user
    )
    text = client.get(offer.get_absolute_url()).text
    assert "<h1>Krabbelgruppe Sonnenschein</h1>" in text
    assert "untranslated-note" not in text and "مجموعة" not in text


def test_machine_translation_is_marked_until_checked(client, offer, coordinator):
    ContentTranslation.objects.create(
        alliance=offer.alliance,
        target=offer,
        field="name",
        language="tr",
        text="Emekleme grubu",
        source_fingerprint=fingerprint(offer.name),
        is_machine=True,
    )
    assert "machine-note" in client.get(url_in("tr", offer)).text
    services.translation_save(
        obj=offer,
        language="tr",
        texts={"name": "Emekleme grubu"},
        user=coordinator.user,
        confirmed={"name"},
    )
    assert "machine-note" not in client.get(url_in("tr", offer)).text


def test_stored_markup_is_escaped_on_the_page(client, offer):
    # Written around the service (an old import, the admin): still only text on the page.
    ContentTranslation.objects.create(
        alliance=offer.alliance,
        target=offer,
        field="name",
        language="ru",
        text="<script>alert(1)</script>",
    )
    text = client.get(url_in("ru", offer)).text
    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_easy_language_is_linked_only_where_it_exists(client, offer, coordinator):
    german = client.get(offer.get_absolute_url()).text
    assert "leichte-sprache/" not in german
    assert client.get(offer.get_absolute_url() + "leichte-sprache/").status_code == 404
    services.translation_save(
        obj=offer,
        language=EASY,
        texts={"name": "Spiel-Gruppe für Babys", "description": "Wir singen.\nWir spielen."},
        user=coordinator.user,
    )
    german = client.get(offer.get_absolute_url()).text
    easy_url = f"{offer.get_absolute_url()}leichte-sprache/"
    link = f'<a href="{easy_url}" hreflang="de" data-variant="leichte-sprache">'
    assert link in german
    easy = client.get(offer.get_absolute_url() + "leichte-sprache/")
    assert easy.status_code == 200
    assert "<h1>Spiel-Gruppe für Babys</h1>" in easy.text
    assert "<p>Wir singen.<br>Wir spielen.</p>" in easy.text
    assert 'data-variant="leichte-sprache"' in easy.text and "untranslated-note" not in easy.text
    # The summary has no easy text: the standard German text stands in, no foreign marking.
    assert "Für Eltern mit Babys." in easy.text


def test_other_alliance_offer_stays_404_in_every_language(
    client, offer, other_alliance, offer_factory
):
    foreign = offer_factory(alliance=other_alliance, slug="fremd")
    for language in ["ar", "uk"]:
        with translation.override(language):
            url = f"/{language}/{offer.alliance.slug}/angebote/{foreign.slug}/"
        assert client.get(url).status_code == 404


def test_organisation_place_and_event_pages_show_their_translations(
    client, alliance, organisation_factory, location_factory, coordinator
):
    from familiennetz.events.tests.factories import EventFactory

    organisation = organisation_factory(
        alliance=alliance, slug="fz", description="Offener Treff für Familien."
    )
    place = location_factory(
        alliance=alliance, slug="markt", description="Im Erdgeschoss.", transport_notes="Bus 7"
    )
    event = EventFactory(
        alliance=alliance,
        organisation=organisation,
        slug="fest",
        title="Sommerfest",
        summary="Mit Musik.",
        status="published",
    )
    services.translation_save(
        obj=organisation, language="ar", texts={"description": "ملتقى مفتوح للعائلات."}, user=None
    )
    services.translation_save(
        obj=place, language="ar", texts={"transport_notes": "الحافلة 7"}, user=None
    )
    services.translation_save(obj=event, language="ar", texts={"title": "مهرجان الصيف"}, user=None)
    with translation.override("ar"):
        urls = [organisation.get_absolute_url(), place.get_absolute_url(), event.get_absolute_url()]
    org_page, place_page, event_page = (client.get(url).text for url in urls)
    assert "ملتقى مفتوح للعائلات." in org_page and "untranslated-note" not in org_page
    assert "الحافلة 7" in place_page
    # The place's description has no Arabic text: German, marked, with the note.
    assert (
        '<div lang="de" dir="ltr" class="untranslated"><p>Im Erdgeschoss.</p></div>' in place_page
    )
    assert "untranslated-note" in place_page
    assert "مهرجان الصيف</h1>" in event_page
    assert '<span lang="de" dir="ltr" class="untranslated">Mit Musik.</span>' in event_page


def test_erste_hilfe_box_lines_in_arabic(client, alliance, coordinator):
    from familiennetz.outreach import services as outreach_services

    line = outreach_services.help_contact_save(
        alliance=alliance,
        values={
            "group": "notfall",
            "name": "Giftnotruf",
            "phone": "0361 730730",
            "hours": "rund um die Uhr",
        },
    )
    services.translation_save(
        obj=line, language="ar", texts={"name": "طوارئ التسمم"}, user=coordinator.user
    )
    with translation.override("ar"):
        url = f"/ar/{alliance.slug}/erste-hilfe/"
    text = client.get(url).text
    assert '<span class="help-name">طوارئ التسمم</span>' in text
    assert '<span lang="de" dir="ltr" class="untranslated">rund um die Uhr</span>' in text
    assert 'href="tel:0361730730"' in text or "tel:" in text
