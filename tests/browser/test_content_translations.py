"""Journey 5 with content (issue 14): an Arabic and a Ukrainian parent read a translated
offer on a 360 px phone; a missing translation shows the German text with a note; a provider
translates her offer side by side with the German text; axe-core on every page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .helpers import DESKTOP, PHONE, axe_check, no_horizontal_scroll, visit

PASSWORD = "ein-gutes-passwort-2026"


@pytest.fixture
def translated(corpus):
    from familiennetz.accounts.models import User
    from familiennetz.alliances.models import Membership
    from familiennetz.translations.services import translation_save

    offer = corpus.sonnenschein
    translation_save(
        obj=offer,
        language="ar",
        texts={
            "name": "مجموعة الآباء والأطفال „الشمس“",
            "summary": "اللعب والغناء مع الأطفال الصغار.",
            "description": "نلتقي كل يوم ثلاثاء.",
        },
        user=None,
    )
    translation_save(
        obj=offer,
        language="uk",
        texts={"name": "Група для батьків і дітей „Сонечко“", "summary": "Граємо й співаємо."},
        user=None,
    )
    provider = User.objects.create_user(email="kita@hainichen.example", password=PASSWORD)
    membership = Membership.objects.create(user=provider, alliance=corpus.alliance, role="provider")
    membership.organisations.add(corpus.familienzentrum)
    return corpus


def test_arabic_parent_reads_the_translated_offer_on_a_phone(translated, new_page):
    page = new_page(PHONE, locale="ar")
    visit(page, f"/ar/hainichen/angebote/{translated.sonnenschein.slug}/")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("h1")).to_have_text("مجموعة الآباء والأطفال „الشمس“")
    expect(page.locator(".lead")).to_have_text("اللعب والغناء مع الأطفال الصغار.")
    expect(page.get_by_text("نلتقي كل يوم ثلاثاء.")).to_be_visible()
    expect(page.locator(".untranslated-note")).to_have_count(0)
    no_horizontal_scroll(page)
    axe_check(page)


def test_ukrainian_parent_sees_german_with_a_note_where_text_is_missing(translated, new_page):
    page = new_page(PHONE, locale="uk")
    visit(page, f"/uk/hainichen/angebote/{translated.sonnenschein.slug}/")
    expect(page.locator("h1")).to_have_text("Група для батьків і дітей „Сонечко“")
    note = page.locator(".untranslated-note")
    expect(note).to_be_visible()
    expect(note).to_contain_text("Цей текст ще не перекладено.")
    # The untranslated description is German, marked so (a screen reader switches voice).
    german = page.locator('.untranslated[lang="de"]').first
    expect(german).to_be_visible()
    expect(german).to_have_attribute("dir", "ltr")
    no_horizontal_scroll(page)
    axe_check(page)
    # An offer without any Ukrainian text: the German name, marked, and the note.
    visit(page, f"/uk/hainichen/angebote/{translated.beratung.slug}/")
    expect(page.locator('h1 [lang="de"]')).to_have_text(translated.beratung.name)
    expect(page.locator(".untranslated-note")).to_be_visible()
    axe_check(page)


def test_provider_translates_her_offer_side_by_side(translated, new_page):
    page = new_page(DESKTOP)
    offer = translated.sonnenschein
    path = f"/manage/hainichen/uebersetzungen/angebot/{offer.pk}/tr/"
    visit(page, f"/accounts/anmelden/?next={path}")
    page.locator("input[name=username]").fill("kita@hainichen.example")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**{path}")
    axe_check(page)
    pair = page.locator('.tr-pair[data-field="name"]')
    source = pair.locator(".tr-source")
    field = pair.get_by_role("textbox")
    expect(source).to_have_text(offer.name)
    # Side by side on a desktop: the German text left of the translation, on one row.
    source_box, field_box = source.bounding_box(), field.bounding_box()
    assert source_box["x"] + source_box["width"] <= field_box["x"]
    assert abs(source_box["y"] - field_box["y"]) < 80
    field.fill("Ebeveyn-çocuk grubu „Güneş“")
    page.get_by_role("button", name="Übersetzung speichern").click()
    expect(page.get_by_text("nach der Prüfung veröffentlicht")).to_be_visible()
    expect(page.get_by_text("wartet auf Prüfung").first).to_be_visible()
    axe_check(page)
    # Not public before the coordination's review: the Turkish page still shows German.
    public = new_page(PHONE, locale="tr")
    visit(public, f"/tr/hainichen/angebote/{offer.slug}/")
    expect(public.locator("h1")).to_have_text(offer.name)
    axe_check(public)


def test_coordinator_finds_stale_translations_on_a_phone(translated, new_page):
    from familiennetz.accounts.models import User
    from familiennetz.alliances.models import Membership

    coordinator = User.objects.create_user(
        email="koordination@hainichen.example", password=PASSWORD
    )
    Membership.objects.create(user=coordinator, alliance=translated.alliance, role="coordinator")
    offer = translated.sonnenschein
    offer.summary = "Spielen, singen und Eltern treffen."
    offer.save()
    page = new_page(PHONE)
    path = "/manage/hainichen/uebersetzungen/"
    visit(page, f"/accounts/anmelden/?next={path}")
    page.locator("input[name=username]").fill("koordination@hainichen.example")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**{path}")
    # (The offer's regular sessions are calendar events of the same name: pick the offer.)
    link = page.locator(f'a[href$="/uebersetzungen/angebot/{offer.pk}/ar/"]')
    row = page.locator("tr", has=link)
    expect(row.get_by_text("veraltet")).to_be_visible()
    no_horizontal_scroll(page)
    axe_check(page)
    link.click()
    expect(page.get_by_text("veraltet: Der deutsche Text wurde geändert")).to_be_visible()
    no_horizontal_scroll(page)
    axe_check(page)
