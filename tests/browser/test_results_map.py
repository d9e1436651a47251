"""The map and the list of a search show the same offers under the same numbers."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .helpers import visit, wait_for_map


@pytest.mark.parametrize(
    "query", ["", "?kostenlos=on", "?alter=0-3", "?q=Familie"], ids=["all", "free", "0-3", "q"]
)
def test_map_markers_match_the_numbered_list(corpus, page, query):
    visit(page, corpus.url(f"suche/{query}"))
    items = page.locator("ol.results__list > li")
    count = items.count()
    assert count > 0, "the search found nothing; the corpus should match it"

    # Each offer of the corpus has exactly one place with coordinates: one marker per item.
    wait_for_map(page, count)
    expect(page.locator(".results__map .map")).to_have_class(re.compile(r"\bmap--no-tiles\b"))
    markers = page.locator(".results__map .leaflet-marker-icon")
    assert markers.count() == count

    list_numbers = [int(n) for n in items.locator(".marker-number").all_inner_texts()]
    names = [n.strip() for n in items.locator(".card__title a").all_inner_texts()]
    marker_numbers = [int(n) for n in markers.all_inner_texts()]
    assert list_numbers == list(range(1, count + 1))
    assert sorted(marker_numbers) == list_numbers

    titles = sorted(m.get_attribute("title") for m in markers.all())
    expected = sorted(f"{n}. {name}" for n, name in zip(list_numbers, names, strict=True))
    assert titles == expected, "a marker is labelled with another offer than the list item"
    # Screen readers hear the same label, not just the number.
    map_region = page.locator(".results__map")
    for label in expected:
        expect(map_region.get_by_role("button", name=label, exact=True)).to_have_count(1)
