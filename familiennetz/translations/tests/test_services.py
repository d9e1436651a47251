"""Saving translations: fingerprints, staleness, review of providers' translations, hostile
input."""

import pytest
from django.core.exceptions import ValidationError

from familiennetz.translations import services
from familiennetz.translations.languages import EASY
from familiennetz.translations.models import ContentTranslation, fingerprint
from familiennetz.translations.selectors import record_status, stale_rows


@pytest.fixture
def offer(alliance, offer_factory, provider_organisation):
    return offer_factory(
        alliance=alliance,
        organisation=provider_organisation,
        name="Krabbelgruppe",
        summary="Für Eltern mit Babys.",
        description="Wir singen und spielen.",
    )


def rows(offer, language):
    return {
        r.field: r for r in ContentTranslation.objects.for_object(offer).filter(language=language)
    }


def test_coordinator_translation_is_published_with_fingerprint_and_author(offer, coordinator):
    outcome = services.translation_save(
        obj=offer, language="ar", texts={"name": "مجموعة الزحف"}, user=coordinator.user
    )
    assert outcome.result == services.APPLIED
    row = rows(offer, "ar")["name"]
    assert row.text == "مجموعة الزحف"
    assert row.source_fingerprint == fingerprint("Krabbelgruppe")
    assert row.translated_by == coordinator.user
    assert not row.is_machine


def test_translation_is_stale_after_the_german_text_changes(offer, coordinator):
    services.translation_save(
        obj=offer,
        language="uk",
        texts={"summary": "Для батьків з немовлятами."},
        user=coordinator.user,
    )
    assert record_status(offer, "uk").stale == []
    offer.summary = "Für Eltern mit Babys bis zwei Jahre."
    offer.save()
    assert record_status(offer, "uk").stale == ["summary"]
    assert [r.field for r in stale_rows(alliance=offer.alliance, language="uk")] == ["summary"]
    # Saving the same text without ticking "checked" keeps it stale; ticking it refreshes it.
    services.translation_save(
        obj=offer,
        language="uk",
        texts={"summary": "Для батьків з немовлятами."},
        user=coordinator.user,
    )
    assert record_status(offer, "uk").stale == ["summary"]
    services.translation_save(
        obj=offer,
        language="uk",
        texts={"summary": "Для батьків з немовлятами."},
        user=coordinator.user,
        confirmed={"summary"},
    )
    assert record_status(offer, "uk").stale == []


def test_provider_translation_of_a_published_offer_waits_for_review(offer, provider, coordinator):
    # The default publication workflow: provider changes wait for review.
    outcome = services.translation_save(
        obj=offer, language="ar", texts={"name": "مجموعة"}, user=provider.user
    )
    assert outcome.result == services.QUEUED
    row = rows(offer, "ar")["name"]
    assert row.text == "" and row.proposed_text == "مجموعة" and row.proposed_by == provider.user
    assert record_status(offer, "ar").proposed == ["name"]
    assert (
        services.translation_review(obj=offer, language="ar", user=coordinator.user, accept=True)
        == 1
    )
    row.refresh_from_db()
    assert row.text == "مجموعة" and row.proposed_at is None and row.translated_by == provider.user


def test_rejected_proposal_leaves_nothing_public(offer, provider, coordinator):
    services.translation_save(
        obj=offer, language="tr", texts={"name": "Emekleme"}, user=provider.user
    )
    services.translation_review(obj=offer, language="tr", user=coordinator.user, accept=False)
    assert not rows(offer, "tr")


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "Hallo <b>Welt</b>",
        '<img src=x onerror="alert(1)">',
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "javascript:alert(1)",
    ],
)
def test_markup_is_refused_naming_the_field(offer, coordinator, text):
    with pytest.raises(ValidationError) as exc:
        services.translation_save(
            obj=offer, language="en", texts={"summary": text}, user=coordinator.user
        )
    assert "summary" in exc.value.message_dict
    assert "Kurzbeschreibung" in exc.value.message_dict["summary"][0]  # the field, in German
    assert not rows(offer, "en")


def test_too_long_text_is_refused_naming_the_field(offer, coordinator):
    with pytest.raises(ValidationError) as exc:
        services.translation_save(
            obj=offer, language="en", texts={"name": "x" * 301}, user=coordinator.user
        )
    assert "300" in exc.value.message_dict["name"][0]


def test_invisible_direction_overrides_are_removed(offer, coordinator):
    services.translation_save(
        obj=offer, language="ar", texts={"name": "\u202eمجموعة\u202c\x00"}, user=coordinator.user
    )
    assert rows(offer, "ar")["name"].text == "مجموعة"


def test_unknown_language_is_refused(offer, coordinator):
    with pytest.raises(ValidationError):
        services.translation_save(
            obj=offer, language="xx", texts={"name": "x"}, user=coordinator.user
        )


def test_empty_text_removes_the_translation_and_history_keeps_it(offer, coordinator):
    services.translation_save(
        obj=offer, language=EASY, texts={"name": "Baby-Gruppe"}, user=coordinator.user
    )
    services.translation_save(obj=offer, language=EASY, texts={"name": ""}, user=coordinator.user)
    assert not rows(offer, EASY)
    history = ContentTranslation.history.filter(object_id=offer.pk, language=EASY)
    assert [h.history_type for h in history.order_by("history_date")] == ["+", "-"]


def test_translations_go_with_their_record(offer, coordinator):
    services.translation_save(
        obj=offer, language="ar", texts={"name": "مجموعة"}, user=coordinator.user
    )
    offer.delete()
    assert not ContentTranslation.objects.filter(language="ar").exists()


def test_api_offer_lists_its_translations(client, offer, coordinator):
    services.translation_save(
        obj=offer, language="ar", texts={"name": "مجموعة"}, user=coordinator.user
    )
    services.translation_save(obj=offer, language=EASY, texts={"name": "Baby-Gruppe"}, user=None)
    offer.name = "Krabbelgruppe am Markt"
    offer.save()
    data = client.get(f"/api/v1/{offer.alliance.slug}/offers/{offer.slug}").json()
    assert data["name"] == "Krabbelgruppe am Markt"
    assert data["translations"] == [
        {
            "language": "ar",
            "field": "name",
            "text": "مجموعة",
            "is_machine": False,
            "is_current": False,
        },
        {
            "language": EASY,
            "field": "name",
            "text": "Baby-Gruppe",
            "is_machine": False,
            "is_current": False,
        },
    ]
    listed = client.get(f"/api/v1/{offer.alliance.slug}/offers").json()
    assert all(item["translations"] == [] for item in listed["results"])
