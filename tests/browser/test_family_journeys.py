"""Journeys 1 and 2 of JOURNEYS.md in a real browser on a 360 px phone, and bad URLs."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .helpers import no_horizontal_scroll, visit

# What parents type is "Krabbelgruppe"; it finds the group through the synonyms of its
# category (Eltern-Kind-Gruppe), not through its text.
JOURNEY_1_QUERY = "Krabbelgruppe"
SONNENSCHEIN = "Eltern-Kind-Gruppe Sonnenschein"


def _result_link(page, name: str):
    return page.locator("ol.results__list").get_by_role("link", name=name, exact=True)


def test_journey_1_new_in_town_with_a_one_year_old(corpus, phone_page):
    page = phone_page
    visit(page, corpus.url())
    no_horizontal_scroll(page)

    page.locator("#home-q").fill(JOURNEY_1_QUERY)
    page.locator("main form[role=search] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/hainichen/suche/\?q="))
    expect(_result_link(page, SONNENSCHEIN)).to_be_visible()
    no_horizontal_scroll(page)

    # Filters: free of charge, age 0–3.
    page.locator("details.filters__more > summary").click()
    page.locator("input[name=kostenlos]").check()
    page.locator("select[name=alter]").select_option("0-3")
    page.locator("details.filters__more button[type=submit]").click()
    page.wait_for_url(re.compile(r"kostenlos=on"))
    assert "alter=0-3" in page.url
    expect(_result_link(page, SONNENSCHEIN)).to_be_visible()
    results = page.locator("ol.results__list")
    expect(results).not_to_contain_text("Babymassage")  # costs money
    expect(results).not_to_contain_text("Kinderturnen")  # 3–6 years
    no_horizontal_scroll(page)

    # The offer: when it meets, free, Arabic spoken, when it was last checked.
    _result_link(page, SONNENSCHEIN).click()
    page.wait_for_url("**/hainichen/angebote/eltern-kind-gruppe-sonnenschein/")
    expect(page.locator("h1")).to_have_text(SONNENSCHEIN)
    facts = page.locator(".fact-table")
    expect(facts).to_contain_text("kostenlos")
    expect(facts).to_contain_text("Arabisch")
    expect(page.locator(".schedule-list").first).to_contain_text("Dienstag")
    expect(page.locator("main .checked")).to_contain_text("Zuletzt geprüft am")
    no_horizontal_scroll(page)

    # Print view with a QR code.
    page.locator('main a[href$="/drucken/"]').click()
    page.wait_for_url("**/eltern-kind-gruppe-sonnenschein/drucken/")
    expect(page.locator("h1")).to_have_text(SONNENSCHEIN)
    qr = page.locator(".qr svg")
    expect(qr).to_be_visible()
    assert qr.locator("path").count() >= 1, "the QR code SVG has no modules"
    no_horizontal_scroll(page)


def test_search_finds_parent_child_group_by_synonym(corpus, page):
    """ "Krabbelgruppe" is a synonym of the category Eltern-Kind-Gruppe, not in the text."""
    visit(page, corpus.url("suche/?q=Krabbelgruppe"))
    expect(_result_link(page, SONNENSCHEIN)).to_be_visible()
    # A draft that has the word in its name stays hidden.
    expect(page.locator("main")).not_to_contain_text("Entwurf")


def test_journey_2_counselling_with_a_tappable_phone_number(corpus, phone_page):
    page = phone_page
    visit(page, corpus.url())
    page.locator("#home-q").fill("Trennung")
    page.locator("#home-q").press("Enter")
    page.wait_for_url(re.compile(r"/hainichen/suche/\?q=Trennung"))

    first = page.locator("ol.results__list > li").first
    expect(first).to_contain_text("Beratungsstelle für Familien")
    no_horizontal_scroll(page)
    first.get_by_role("link", name="Beratungsstelle für Familien").click()
    page.wait_for_url("**/angebote/beratungsstelle-fuer-familien/")

    phone = page.locator('main a[href^="tel:"]').first
    expect(phone).to_be_visible()
    assert phone.get_attribute("href") == "tel:+493731123450"
    expect(phone).to_contain_text("03731 12345-0")
    box = phone.bounding_box()
    assert box and box["height"] >= 44 and box["width"] >= 44, f"touch target too small: {box}"
    phone.click(trial=True)  # visible, not covered, receives the tap
    # Nothing on the way needs an account.
    expect(page.locator("input[type=password]")).to_have_count(0)
    no_horizontal_scroll(page)


@pytest.mark.parametrize(
    "query",
    [
        "alter=xx&lat=999&q=%22*(NEAR",
        "seite=abc&wochentag=xx&sprache=zz&nahe=ort%3Agibtsnicht&sortierung=%3Cscript%3E",
    ],
    ids=["age-lat-fts-syntax", "page-weekday-language-place-sort"],
)
def test_bad_values_in_the_address_render_a_page_with_a_notice(corpus, phone_page, query):
    page = phone_page
    visit(page, corpus.url(f"suche/?{query}"))
    expect(page.locator("h1")).to_be_visible()
    notice = page.locator("main .notice[role=status]")
    expect(notice).to_be_visible()
    if "alter=xx" in query:
        expect(notice).to_contain_text("Alter des Kindes")
    expect(page.locator("main .result-count")).to_be_visible()
    no_horizontal_scroll(page)


def test_filter_checkboxes_sit_next_to_their_labels(corpus, phone_page):
    """Each "Nur zeigen" checkbox is a small box right before its text (not stretched)."""
    page = phone_page
    visit(page, corpus.url("suche/"))
    page.locator("details.filters__more > summary").click()
    labels = page.locator(".field--checks label")
    expect(labels.first).to_be_visible()
    rows = labels.evaluate_all(
        """labels => labels.map(label => {
            const box = label.querySelector("input").getBoundingClientRect();
            const range = document.createRange();
            range.selectNodeContents(label);
            range.setStartAfter(label.querySelector("input"));
            const text = range.getBoundingClientRect();
            return {label: label.textContent.trim(), boxWidth: box.width,
                    gap: Math.round(text.left - box.right)};
        })"""
    )
    assert len(rows) >= 3
    for row in rows:
        assert row["boxWidth"] <= 32, f"checkbox stretched: {row}"
        assert 0 <= row["gap"] <= 16, f"checkbox far from its text: {row}"


def test_category_tile_on_home_filters_the_results(corpus, phone_page):
    """Tapping a category on the home page shows only offers of that category."""
    page = phone_page
    visit(page, corpus.url())
    page.locator(".category-tile", has_text="Elternbildung").click()
    page.wait_for_url(re.compile(r"/hainichen/suche/\?"))
    results = page.locator("ol.results__list")
    expect(results).to_contain_text(SONNENSCHEIN)
    expect(results).to_contain_text("Elterncafé Ottendorf")
    expect(page.locator("ol.results__list > li")).to_have_count(2)
