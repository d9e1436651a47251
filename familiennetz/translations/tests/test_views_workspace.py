"""Editing translations side by side in the workspace (journey 5's other side): providers
and coordinators, review, stale flags, hostile input, other alliances."""

import pytest

from familiennetz.translations import services
from familiennetz.translations.models import ContentTranslation


@pytest.fixture
def offer(alliance, offer_factory, provider_organisation):
    return offer_factory(
        alliance=alliance,
        organisation=provider_organisation,
        name="Elterncafé",
        summary="Kaffee und Gespräche.",
        description="Jeden Dienstag.",
    )


def edit_url(offer, language="ar"):
    return f"/manage/{offer.alliance.slug}/uebersetzungen/angebot/{offer.pk}/{language}/"


def test_edit_page_shows_the_german_text_beside_the_form(client, offer, coordinator):
    client.force_login(coordinator.user)
    text = client.get(edit_url(offer)).text
    assert '<div class="tr-source" lang="de" dir="ltr"' in text
    assert "Kaffee und Gespräche." in text
    assert 'name="summary"' in text and 'lang="ar" dir="rtl"' in text


def test_coordinator_saves_a_translation_that_is_published(client, offer, coordinator):
    client.force_login(coordinator.user)
    response = client.post(
        edit_url(offer), {"name": "مقهى الآباء", "summary": "", "description": ""}
    )
    assert response.status_code == 302
    row = ContentTranslation.objects.get(field="name", language="ar")
    assert row.text == "مقهى الآباء" and row.translated_by == coordinator.user


def test_provider_translation_waits_and_the_coordinator_publishes_it(
    client, offer, provider, coordinator
):
    client.force_login(provider.user)
    response = client.post(edit_url(offer, "uk"), {"name": "Батьківське кафе"}, follow=True)
    assert "review" in response.text or "Prüfung" in response.text
    row = ContentTranslation.objects.get(field="name", language="uk")
    assert row.text == "" and row.proposed_text == "Батьківське кафе"
    client.force_login(coordinator.user)
    overview = client.get(f"/manage/{offer.alliance.slug}/uebersetzungen/", {"sprache": "uk"})
    assert "Elterncafé" in overview.text
    client.post(edit_url(offer, "uk") + "pruefen/", {"decision": "accept"})
    row.refresh_from_db()
    assert row.text == "Батьківське кафе" and not row.is_proposed


def test_markup_gives_an_error_naming_the_field_and_saves_nothing(client, offer, coordinator):
    client.force_login(coordinator.user)
    response = client.post(edit_url(offer), {"summary": "<script>alert(1)</script>"})
    assert response.status_code == 200
    assert "Kurzbeschreibung" in response.text
    assert "<script>alert(1)</script>" not in response.text
    assert not ContentTranslation.objects.exists()


def test_stale_translation_is_flagged_veraltet(client, offer, coordinator):
    services.translation_save(
        obj=offer, language="ar", texts={"summary": "قهوة ومحادثات."}, user=coordinator.user
    )
    offer.summary = "Kaffee, Tee und Gespräche."
    offer.save()
    client.force_login(coordinator.user)
    assert "veraltet" in client.get(edit_url(offer)).text
    overview = client.get(f"/manage/{offer.alliance.slug}/uebersetzungen/", {"sprache": "ar"})
    assert "veraltet" in overview.text and "Elterncafé" in overview.text
    dashboard = client.get(f"/manage/{offer.alliance.slug}/")
    assert "translations out of date" in dashboard.text or "veraltet" in dashboard.text


def test_history_lists_the_changes(client, offer, coordinator):
    services.translation_save(
        obj=offer, language="ar", texts={"name": "مقهى"}, user=coordinator.user
    )
    services.translation_save(
        obj=offer, language="ar", texts={"name": "مقهى الآباء"}, user=coordinator.user
    )
    client.force_login(coordinator.user)
    text = client.get(edit_url(offer)).text
    assert text.count("translated") >= 2 or text.count("name –") >= 2


def test_provider_cannot_translate_another_organisations_offer(
    client, alliance, offer_factory, provider
):
    foreign = offer_factory(alliance=alliance)
    client.force_login(provider.user)
    assert client.get(edit_url(foreign)).status_code in (403, 404)
    assert client.post(edit_url(foreign), {"name": "x"}).status_code in (403, 404)
    assert not ContentTranslation.objects.exists()


def test_other_alliance_record_is_404(client, other_alliance, offer_factory, coordinator):
    foreign = offer_factory(alliance=other_alliance)
    client.force_login(coordinator.user)
    url = f"/manage/{coordinator.alliance.slug}/uebersetzungen/angebot/{foreign.pk}/ar/"
    assert client.get(url).status_code == 404


def test_unknown_language_and_kind_are_404(client, offer, coordinator):
    client.force_login(coordinator.user)
    assert client.get(edit_url(offer, "xx")).status_code == 404
    url = f"/manage/{offer.alliance.slug}/uebersetzungen/unbekannt/{offer.pk}/ar/"
    assert client.get(url).status_code == 404


def test_category_names_are_translated_by_the_coordination(
    client, alliance, category_factory, coordinator, provider
):
    category = category_factory(alliance=alliance, name="Beratung")
    url = f"/manage/{alliance.slug}/uebersetzungen/kategorie/{category.pk}/tr/"
    client.force_login(provider.user)
    assert client.get(url).status_code == 403
    client.force_login(coordinator.user)
    client.post(url, {"name": "Danışmanlık", "description": ""})
    assert ContentTranslation.objects.get(language="tr").text == "Danışmanlık"
