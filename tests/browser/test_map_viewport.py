"""The home page's map on a phone: places grouped into counted clusters by the server, a tap
on a cluster zooms in, a tap on a place lists its offers (issue 16, ADR 1202)."""

from __future__ import annotations

from .helpers import axe_check, no_horizontal_scroll, visit


def _marker_counts(page) -> list[int]:
    return [int(text) for text in page.locator(".map .leaflet-marker-icon").all_inner_texts()]


def test_the_home_map_counts_every_offer_and_a_tapped_place_lists_its_offers(corpus, phone_page):
    page = phone_page
    with page.expect_response(lambda r: "/karte/ansicht.json" in r.url) as first:
        visit(page, corpus.url(""))
    page.wait_for_selector(".map.map--ready .leaflet-marker-icon")
    # The first view shows the whole town: the markers' counts add up to every offer on the map.
    shown = first.value.json()
    assert sum(_marker_counts(page)) == shown["offers"] > 0
    no_horizontal_scroll(page)
    axe_check(page)

    # Tapping clusters zooms in until the places stand alone.
    for _ in range(6):
        clusters = page.locator(".map .map-marker--cluster")
        if clusters.count() == 0:
            break
        label = clusters.first.get_attribute("aria-label") or ""
        assert "Orten" in label and "vergrößern" in label
        with page.expect_response(lambda r: "/karte/ansicht.json" in r.url):
            clusters.first.click()
        page.wait_for_selector(".map .leaflet-marker-icon")
    place = page.locator(".map .leaflet-marker-icon:not(.map-marker--cluster)").first
    assert "Angebote an diesem Ort" in (place.get_attribute("aria-label") or "")
    count = int(place.inner_text())

    # Tapping a place fetches its offers: as many links as the marker counted.
    with page.expect_response(lambda r: "/karte/ort/" in r.url) as details:
        place.click()
    data = details.value.json()
    popup = page.locator(".leaflet-popup-content")
    popup.locator("li a").first.wait_for()
    names = popup.locator("li a").all_inner_texts()
    assert names == [offer["name"] for offer in data["offers"]]
    assert len(names) + data["more"] == count
    assert popup.locator("strong a").inner_text() == data["name"]

    # … and the first one opens the offer's page.
    popup.locator("li a").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().strip() == names[0]
