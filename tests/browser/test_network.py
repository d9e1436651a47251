"""Journey 12, "Wer arbeitet mit wem?" (network issue): the coordinator opens the network map
with and without JavaScript, filters by sector, opens a partner, switches to the table, reads
the analysis (a family centre connects three groups; a partner type is missing against the
national reference). axe-core on every page; 360 px wide works."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .helpers import DESKTOP, PHONE, axe_check, no_horizontal_scroll, visit

PASSWORD = "ein-gutes-passwort-2026"
MAP = "/manage/hainichen/netzwerk/"


@pytest.fixture
def network(live_server):
    from familiennetz.accounts.models import User
    from familiennetz.alliances.models import Membership
    from familiennetz.alliances.tests.factories import AllianceFactory
    from familiennetz.network import services
    from familiennetz.network.tests import factories as f

    alliance = AllianceFactory(slug="hainichen", name="Netzwerk Familie Hainichen")
    coordinator = User.objects.create_user(
        email="koordination@hainichen.example", password=PASSWORD, first_name="Kora"
    )
    Membership.objects.create(user=coordinator, alliance=alliance, role="coordinator")
    services.ensure_default_sectors(alliance)
    fz = f.partner(alliance, "Familienzentrum Regenbogen", "familienzentrum", role="core")
    kita_a = f.partner(alliance, "Kita Pusteblume", "kita")
    kita_b = f.partner(alliance, "Kita Sonnenschein", "kita")
    asd = f.partner(alliance, "ASD Hainichen", "jugendhilfe-asd")
    beratung = f.partner(alliance, "Erziehungsberatung Striegistal", "erziehungsberatung")
    verein = f.partner(alliance, "SV Striegistal", "verein-sport-kultur")
    kirche = f.partner(alliance, "Kirchgemeinde am Markt", "kirche")
    f.partner(alliance, "Stadtbibliothek", "bibliothek")
    f.tie(kita_a, kita_b, 3, topics="Übergang Kita–Schule")
    f.tie(asd, beratung, 4, topics="Kinderschutz")
    f.tie(verein, kirche, 1, topics="Feste")
    f.tie(fz, kita_a, 2, topics="Elternbildung")
    f.tie(fz, asd, 3, topics="Frühe Hilfen")
    f.tie(fz, verein, 2, topics="Feste")
    return {"alliance": alliance, "kita": kita_a}


def log_in(page, next_path: str):
    visit(page, f"/accounts/anmelden/?next={next_path}")
    page.locator("input[name=username]").fill("koordination@hainichen.example")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**{next_path}")


def test_who_works_with_whom_with_javascript(network, new_page):
    page = new_page(DESKTOP)
    log_in(page, MAP)
    expect(page.get_by_role("heading", name="Wer arbeitet mit wem?")).to_be_visible()
    nodes = page.locator("svg.network-map .node-link")
    expect(nodes).to_have_count(8)
    expect(page.locator(".network-legend")).to_contain_text("Familienzentrum")
    axe_check(page)
    # details on hover, without leaving the page
    page.locator('.node-link[data-label="Familienzentrum Regenbogen"] circle').hover()
    details = page.locator("[data-network-details]")
    expect(details).to_be_visible()
    expect(details).to_contain_text("Kita Pusteblume")
    # filtering by sector happens in the page at once …
    page.get_by_label("Sektor").select_option(label="Kindertagesbetreuung")
    expect(page.locator("svg.network-map .node-link:not(.is-hidden)")).to_have_count(2)
    expect(page.locator("[data-network-count]")).to_contain_text("2")
    # … and the button asks the server for the same
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r"sektor=kita"))
    expect(nodes).to_have_count(2)
    axe_check(page)
    # open a partner from the map
    page.locator('.node-link[data-label="Kita Pusteblume"]').click()
    page.wait_for_url(f"**/netzwerk/partner/{network['kita'].pk}/")
    expect(page.get_by_role("heading", name="Kita Pusteblume", level=1)).to_be_visible()
    axe_check(page)
    # the analysis: the broker and the missing partner type, in sentences
    page.get_by_role("link", name="Analyse", exact=True).first.click()
    page.wait_for_url("**/netzwerk/analyse/")
    summary = page.locator(".network-sentences")
    expect(summary).to_contain_text(
        "Familienzentrum Regenbogen verbindet drei Gruppen, die sonst keinen Kontakt"
    )
    expect(summary).to_contain_text("Schwangerschaftsberatung")
    expect(summary).to_contain_text("Stadtbibliothek")
    expect(page.locator("main")).to_contain_text("NZFH")
    axe_check(page)


def test_the_map_without_javascript_and_its_table(network, browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, viewport=DESKTOP, java_script_enabled=False, locale="de-DE"
    )
    try:
        page = context.new_page()
        log_in(page, MAP)
        expect(page.locator("svg.network-map .node-link")).to_have_count(8)
        page.get_by_label("Sektor").select_option(label="Kindertagesbetreuung")
        page.get_by_role("button", name="Filter").click()
        page.wait_for_url(re.compile(r"sektor=kita"))
        expect(page.locator("svg.network-map .node-link")).to_have_count(2)
        page.get_by_role("link", name="Als Tabelle zeigen").click()
        page.wait_for_url(re.compile(r"ansicht=tabelle"))
        table = page.get_by_role("table", name="Partner auf der Karte")
        expect(table.locator("tbody tr")).to_have_count(2)
        expect(page.get_by_role("table", name="Verbindungen auf der Karte")).to_contain_text(
            "Übergang Kita–Schule"
        )
        table.get_by_role("link", name="Kita Pusteblume").click()
        page.wait_for_url(f"**/netzwerk/partner/{network['kita'].pk}/")
    finally:
        context.close()


def test_the_map_and_table_on_a_phone(network, new_page):
    page = new_page(PHONE)
    log_in(page, MAP)
    expect(page.locator("svg.network-map")).to_be_visible()
    no_horizontal_scroll(page)
    axe_check(page)
    page.get_by_role("link", name="Als Tabelle zeigen").click()
    page.wait_for_url(re.compile(r"ansicht=tabelle"))
    no_horizontal_scroll(page)
    axe_check(page)
    visit(page, "/manage/hainichen/netzwerk/partner/")
    no_horizontal_scroll(page)
    axe_check(page)
