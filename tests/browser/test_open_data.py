"""The open-data page (axe, phone width) and the API docs page under the strict CSP."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .helpers import DESKTOP, PHONE, axe_check, no_horizontal_scroll, visit


@pytest.mark.parametrize("viewport", {"desktop": DESKTOP, "phone": PHONE})
def test_open_data_page_passes_axe(corpus, new_page, viewport):
    page = new_page({"desktop": DESKTOP, "phone": PHONE}[viewport])
    visit(page, corpus.url("offene-daten/"))
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("a[href$='/hainichen/offene-daten/hsds-json.zip']")).to_be_visible()
    axe_check(page)
    if viewport == "phone":
        no_horizontal_scroll(page)


def test_footer_leads_to_open_data_and_geojson_answers(corpus, page):
    visit(page, corpus.url())
    page.locator(".site-footer a[href$='/hainichen/offene-daten/']").click()
    expect(page).to_have_url(f"{page.url.split('/hainichen/')[0]}/hainichen/offene-daten/")
    response = page.request.get(corpus.url("offene-daten/angebote.geojson?alter=0-3"))
    assert response.headers["content-type"] == "application/geo+json"
    assert response.json()["type"] == "FeatureCollection"


@pytest.mark.parametrize("path", ["/api/v1/docs", "/api/hsds/docs"])
def test_api_docs_render_under_the_strict_csp(corpus, page, path):
    """Swagger UI from our static files, no inline script: the page renders the operations
    and the browser reports no CSP violation (page_problems fails the test otherwise)."""
    visit(page, path)
    expect(page.locator(".swagger-ui .opblock").first).to_be_visible()
    assert page.locator(".swagger-ui .opblock").count() > 5
