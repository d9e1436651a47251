"""A coordinator creates an API token on her account page, sees it once, uses it, revokes it.
axe-core checks the page in each state; it works at 360 px."""

from __future__ import annotations

import json

from playwright.sync_api import expect

from .helpers import PHONE, axe_check, no_horizontal_scroll, visit
from .test_workspace_journeys import _user, log_in


def _write(page, base_url: str, token: str):
    return page.request.post(
        f"{base_url}/api/v1/hainichen/organisations",
        data=json.dumps({"name": "Spielmobil e. V."}),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )


def test_token_is_shown_once_works_and_can_be_revoked(corpus, new_page, live_server):
    _user("koordination@hainichen.example", "coordinator", corpus.alliance)
    page = new_page()
    log_in(page, "koordination@hainichen.example", "/accounts/konto/")
    page.get_by_role("link", name="API-Tokens verwalten").click()
    page.wait_for_url("**/accounts/konto/api-schluessel/")
    axe_check(page)
    expect(page.get_by_text("Sie haben keine API-Tokens.")).to_be_visible()

    page.get_by_role("button", name="Token anlegen").click()  # without a name
    expect(page.locator(".ws-error-summary")).to_contain_text("Name")
    axe_check(page)

    page.locator("#id_name").fill("Kita-Software")
    page.locator("#id_alliance").select_option(label="Netzwerk Familie Hainichen")
    page.get_by_role("button", name="Token anlegen").click()
    field = page.get_by_label("Token", exact=True)
    expect(field).to_be_visible()
    expect(field).to_be_focused()
    token = field.input_value()
    assert token.startswith("fn_")
    axe_check(page)
    assert _write(page, live_server.url, token).status == 201

    visit(page, "/accounts/konto/api-schluessel/")
    expect(page.get_by_label("Token", exact=True)).to_have_count(0)
    assert token not in page.content()
    row = page.locator("table.ws-table tbody tr", has_text="Kita-Software")
    expect(row).to_contain_text("aktiv")
    row.get_by_role("button", name="Widerrufen").click()
    expect(page.locator(".ws-messages")).to_contain_text("widerrufen")
    expect(row).to_contain_text("widerrufen")
    axe_check(page)
    assert _write(page, live_server.url, token).status == 401


def test_token_page_fits_a_phone(corpus, new_page):
    from familiennetz.accounts.services import api_token_create

    user = _user("koordination@hainichen.example", "coordinator", corpus.alliance)
    api_token_create(user=user, name="Import aus der Kita-Software", valid_days=365)
    page = new_page(PHONE, mobile=True)
    log_in(page, "koordination@hainichen.example", "/accounts/konto/api-schluessel/")
    no_horizontal_scroll(page)
    axe_check(page)
