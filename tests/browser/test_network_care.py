"""The network's care work in a real browser (issue 9, second half): a Kita records an
anonymous case consultation on a 360 px phone (a phone number in the note is refused), the
coordinator prints the contact matrix (one A4 landscape page per part of the network) and
moves a partner on the stakeholder grid by form and by dragging. axe-core on every page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .helpers import PHONE, axe_check, no_horizontal_scroll, visit

PASSWORD = "ein-gutes-passwort-2026"


@pytest.fixture
def network(live_server):
    from familiennetz.accounts.models import User
    from familiennetz.alliances.models import Membership
    from familiennetz.alliances.tests.factories import AllianceFactory
    from familiennetz.directory.tests.factories import (
        DistrictFactory,
        LocationFactory,
        OrganisationFactory,
    )
    from familiennetz.network.models import MatrixContact
    from familiennetz.network.tests.care_factories import (
        ContactPersonFactory,
        PartnerFactory,
        RatingFactory,
        SectorFactory,
    )

    alliance = AllianceFactory(slug="hainichen", name="Netzwerk Familie Hainichen")
    kitas = SectorFactory(alliance=alliance, code="kita", name="Kindertagesbetreuung")
    asd = SectorFactory(alliance=alliance, code="jugendhilfe-asd", name="Jugendhilfe / ASD")
    health = SectorFactory(alliance=alliance, code="gesundheit-oegd", name="Gesundheitsamt")
    north = DistrictFactory(alliance=alliance, name="Hainichen-Nord")
    south = DistrictFactory(alliance=alliance, name="Gersdorf")
    sonnenschein = OrganisationFactory(alliance=alliance, name="Kita Sonnenschein")
    kita = PartnerFactory(alliance=alliance, organisation=sonnenschein, sector=kitas)
    other = PartnerFactory(alliance=alliance, organisation__name="Kita Gänseblümchen", sector=kitas)
    LocationFactory(alliance=alliance, organisation=sonnenschein, district=north)
    LocationFactory(alliance=alliance, organisation=other.organisation, district=south)
    asd_partner = PartnerFactory(
        alliance=alliance, organisation__name="Allgemeiner Sozialer Dienst", sector=asd
    )
    amt = ContactPersonFactory(partner=asd_partner, name="Andrea Beispiel-Amt")
    ContactPersonFactory(
        partner=PartnerFactory(
            alliance=alliance,
            organisation__name="Kinder- und Jugendärztlicher Dienst",
            sector=health,
        ),
        name="Dr. Ina Beispielarzt",
    )
    MatrixContact.objects.create(
        alliance=alliance, partner=kita, counterpart_sector=asd, contact=amt
    )
    RatingFactory(partner=asd_partner, relevance=5, influence=5)
    RatingFactory(partner=other, relevance=2, influence=1)
    coordinator = User.objects.create_user(
        email="koordination@hainichen.example", password=PASSWORD
    )
    Membership.objects.create(user=coordinator, alliance=alliance, role="coordinator")
    provider = User.objects.create_user(email="leitung@kita.example", password=PASSWORD)
    Membership.objects.create(user=provider, alliance=alliance, role="provider").organisations.add(
        sonnenschein
    )
    return {"alliance": alliance, "other": other}


def log_in(page, email: str, next_path: str):
    visit(page, f"/accounts/anmelden/?next={next_path}")
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**{next_path}")


def test_a_kita_records_an_anonymous_case_consultation_on_a_phone(network, new_page):
    page = new_page(PHONE, mobile=True)
    log_in(page, "leitung@kita.example", "/manage/hainichen/netzwerk/fallberatung/")
    axe_check(page)
    no_horizontal_scroll(page)
    page.get_by_role("link", name="Fallberatung erfassen").first.click()
    page.wait_for_url("**/fallberatung/neu/")
    expect(page.get_by_role("note")).to_contain_text("keine Daten, die eine Familie erkennbar")
    axe_check(page)
    no_horizontal_scroll(page)
    # the Kita is preselected as the requesting partner: it is the only one she may choose
    expect(page.locator("#id_requesting_partner option:checked")).to_have_text("Kita Sonnenschein")
    page.locator("#id_counsellor_partner").select_option(label="Allgemeiner Sozialer Dienst")
    page.locator("#id_topic").select_option("neglect")
    page.locator("#id_outcome").select_option("talk_to_parents")
    page.locator("#id_needs_follow_up").check()
    page.locator("#id_note").fill("Mutter bittet um Rückruf unter 03731 123456")
    page.get_by_role("button", name="Speichern").click()
    summary = page.locator(".ws-error-summary")
    expect(summary).to_contain_text("Kurze Notiz")
    expect(summary).to_contain_text("Telefonnummer")
    axe_check(page)
    page.locator("#id_note").fill("Kind wirkt oft hungrig; Elterngespräch vorbereiten.")
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_url("**/netzwerk/fallberatung/")
    expect(page.get_by_role("status")).to_contain_text("Die Fallberatung wurde erfasst")
    expect(page.locator("main table")).to_contain_text("Verdacht auf Vernachlässigung")
    axe_check(page)
    no_horizontal_scroll(page)


def test_the_coordinator_prints_the_contact_matrix(network, new_page):
    page = new_page()
    log_in(page, "koordination@hainichen.example", "/manage/hainichen/netzwerk/kontaktmatrix/")
    axe_check(page)
    gaps = page.locator("main .nc-gap")
    expect(gaps).to_have_count(3)  # 2 Kitas × 2 columns, one contact named
    expect(page.locator("main")).to_contain_text("Andrea Beispiel-Amt")
    page.emulate_media(media="print")
    expect(page.locator(".ws-nav")).to_be_hidden()
    expect(page.locator(".nc-print-head").first).to_be_visible()
    expect(page.locator(".nc-part")).to_have_count(2)  # Gersdorf and Hainichen-Nord
    pdf = page.pdf(prefer_css_page_size=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 2  # one A4 landscape page per part
    page.emulate_media(media="screen")
    response = page.request.get(page.url.split("?")[0].rstrip("/") + ".pdf")
    assert response.headers["content-type"] == "application/pdf"


def test_the_coordinator_moves_a_partner_on_the_stakeholder_grid(network, new_page):
    page = new_page()
    log_in(page, "koordination@hainichen.example", "/manage/hainichen/netzwerk/stakeholder/")
    axe_check(page)
    pk = network["other"].pk
    item = page.locator(f'svg.sh-grid a.sh-item[data-partner="{pk}"]')
    expect(item).to_have_attribute("data-relevance", "2")
    # by form: the partner in the grid is a link to its rating form
    item.click()
    page.wait_for_url(f"**/netzwerk/stakeholder/{pk}/")
    axe_check(page)
    page.locator("#id_relevance").select_option("5")
    page.locator("#id_influence").select_option("4")
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_url("**/netzwerk/stakeholder/")
    expect(item).to_have_attribute("data-relevance", "5")
    expect(item).to_have_attribute("data-influence", "4")
    expect(page.get_by_role("table")).to_contain_text("Kita Gänseblümchen")
    # by dragging: from its cell to relevance 3, influence 2
    target = page.locator('svg.sh-grid rect.sh-cell[data-relevance="3"][data-influence="2"]')
    # the whole grid on screen: the suggestions above it grow with the network
    page.set_viewport_size({"width": 1280, "height": 1600})
    page.locator("svg.sh-grid").scroll_into_view_if_needed()
    box, goal = item.bounding_box(), target.bounding_box()
    page.mouse.move(box["x"] + 5, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(goal["x"] + goal["width"] / 2, goal["y"] + goal["height"] / 2, steps=12)
    page.mouse.up()
    expect(page.locator(f'svg.sh-grid a.sh-item[data-partner="{pk}"]')).to_have_attribute(
        "data-relevance", "3", timeout=10000
    )
    expect(page.locator(f'svg.sh-grid a.sh-item[data-partner="{pk}"]')).to_have_attribute(
        "data-influence", "2"
    )
    axe_check(page)
    phone = new_page(PHONE, mobile=True)
    log_in(phone, "koordination@hainichen.example", "/manage/hainichen/netzwerk/stakeholder/")
    no_horizontal_scroll(phone)
    axe_check(phone)
