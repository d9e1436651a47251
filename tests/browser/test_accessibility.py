"""axe-core (WCAG 2.1 A/AA) on the public pages at desktop and phone width; keyboard use;
English pages."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .helpers import DESKTOP, PHONE, axe_check, no_horizontal_scroll, visit, wait_for_map

VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}

# name -> (path builder, page has a map)
PAGES = {
    "alliance-list": (lambda c: "/", False),
    "home": (lambda c: c.url(), True),
    "results": (lambda c: c.url("suche/?alter=0-3&kostenlos=on"), True),
    "offer": (lambda c: c.sonnenschein.get_absolute_url(), True),
    "print": (lambda c: c.sonnenschein.get_print_url(), False),
    "organisation": (lambda c: c.familienzentrum.get_absolute_url(), True),
    "location": (lambda c: c.am_markt.get_absolute_url(), True),
}


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", PAGES)
def test_public_page_passes_axe(corpus, new_page, name, viewport):
    page = new_page(VIEWPORTS[viewport])
    path, has_map = PAGES[name]
    visit(page, path(corpus))
    if has_map:
        wait_for_map(page, 1)
    if name == "alliance-list":
        expect(page.locator("main .card")).to_have_count(2)
    if name == "results":
        page.locator("details.filters__more").evaluate("details => { details.open = true; }")
        expect(page.locator("select[name=alter]")).to_be_visible()
    axe_check(page)
    if viewport == "phone":
        no_horizontal_scroll(page)


@pytest.mark.parametrize(
    "path", ["", "angebote/eltern-kind-gruppe-sonnenschein/"], ids=["home", "offer"]
)
def test_english_page_renders_in_english(corpus, page, path):
    visit(page, f"/en/hainichen/{path}")
    assert page.locator("html").get_attribute("lang") == "en"
    if path:
        expect(page.locator(".fact-table")).to_contain_text("free of charge")
        expect(page.locator(".fact-table")).to_contain_text("Arabic")
        wait_for_map(page, 1)
    axe_check(page)


def test_language_switch_leads_to_the_english_page(corpus, page):
    visit(page, corpus.sonnenschein.get_absolute_url())
    assert page.locator("html").get_attribute("lang") == "de"
    page.locator("nav.lang-switch summary").click()  # a <details> menu (six languages)
    page.locator("nav.lang-switch a[hreflang=en]").click()
    page.wait_for_url("**/en/hainichen/angebote/eltern-kind-gruppe-sonnenschein/")
    assert page.locator("html").get_attribute("lang") == "en"


def _focused(page) -> dict:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return {tag: el.tagName.toLowerCase(), id: el.id, cls: el.className || "",
                    text: (el.textContent || "").trim().slice(0, 40)};
        }"""
    )


def test_keyboard_skip_link_first_then_search_box_and_enter_submits(corpus, page):
    visit(page, corpus.url())
    page.keyboard.press("Tab")
    focused = _focused(page)
    assert "skip-link" in focused["cls"], f"the first Tab stop is {focused}, not the skip link"
    box = page.locator(".skip-link").bounding_box()
    assert box and box["y"] >= 0, "the focused skip link is not on screen"

    for _ in range(30):
        page.keyboard.press("Tab")
        if _focused(page)["id"] == "home-q":
            break
    else:
        pytest.fail("Tab never reached the search box")

    page.keyboard.type("Beratung")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/hainichen/suche/\?q=Beratung"))
    expect(page.locator("ol.results__list")).to_contain_text("Beratungsstelle für Familien")


def test_skip_link_moves_focus_to_the_content(corpus, page):
    visit(page, corpus.url())
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert _focused(page)["id"] == "main"
    page.keyboard.press("Tab")
    assert _focused(page)["id"] == "home-q", "after skipping, the search box is next"


_FOCUS_RING = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const rgba = (text) => (text.match(/[\\d.]+/g) || []).map(Number);
    const style = getComputedStyle(el);
    let behind = el.parentElement, bg = [255, 255, 255, 1];
    while (behind) {
        const c = rgba(getComputedStyle(behind).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) { bg = c; break; }
        behind = behind.parentElement;
    }
    const r = el.getBoundingClientRect();
    return {
        element: el.outerHTML.slice(0, 90), outline: style.outlineStyle,
        width: parseFloat(style.outlineWidth), color: rgba(style.outlineColor).slice(0, 3),
        background: bg.slice(0, 3), visible: r.width > 0 && r.height > 0,
    };
}"""


def _contrast(a, b) -> float:
    def luminance(rgb):
        channels = []
        for value in rgb:
            c = value / 255
            channels.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    light, dark = sorted([luminance(a), luminance(b)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("name", ["home", "results", "offer"])
def test_keyboard_focus_is_visible_everywhere(corpus, page, name):
    """Every Tab stop shows an outline with 3:1 contrast against what is behind it
    (WCAG 2.4.7 and 1.4.11)."""
    path, has_map = PAGES[name]
    visit(page, path(corpus))
    if has_map:
        wait_for_map(page, 1)
    problems, seen = [], set()
    for _ in range(80):
        page.keyboard.press("Tab")
        ring = page.evaluate(_FOCUS_RING)
        if ring is None or ring["element"] in seen:
            break
        seen.add(ring["element"])
        if not ring["visible"]:
            problems.append(f"focused but not visible: {ring['element']}")
        elif ring["outline"] == "none" or ring["width"] < 2:
            problems.append(f"no focus outline: {ring['element']}")
        elif _contrast(ring["color"], ring["background"]) < 3:
            ratio = _contrast(ring["color"], ring["background"])
            problems.append(
                f"focus outline contrast {ratio:.2f}:1 "
                f"(rgb{tuple(ring['color'])} on rgb{tuple(ring['background'])}): {ring['element']}"
            )
    assert len(seen) > 5, "Tab visited almost nothing"
    assert not problems, "\n".join(problems)
