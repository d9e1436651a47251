"""Governance journeys in a real browser (issue 12): plan a meeting, write the minutes with a
decision and two action items, approve them, and the owner sees her action on the dashboard;
book a room on a 360 px phone; fill in the quality self-assessment. axe-core on every page."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from .helpers import PHONE, axe_check, no_horizontal_scroll, visit

PASSWORD = "ein-gutes-passwort-2026"


@pytest.fixture
def network(live_server):
    from familiennetz.accounts.models import User
    from familiennetz.alliances.models import Membership
    from familiennetz.alliances.tests.factories import AllianceFactory
    from familiennetz.directory.tests.factories import OrganisationFactory
    from familiennetz.governance import services
    from familiennetz.governance.tests import factories as f

    alliance = AllianceFactory(slug="hainichen", name="Netzwerk Familie Hainichen")
    kita = OrganisationFactory(alliance=alliance, name="Kita Sonnenschein")
    werkstatt = OrganisationFactory(alliance=alliance, name="Werkstatt Familie")
    coordinator = User.objects.create_user(
        email="koordination@hainichen.example", password=PASSWORD, first_name="Kora"
    )
    Membership.objects.create(user=coordinator, alliance=alliance, role="coordinator")
    provider = User.objects.create_user(
        email="leitung@kita.example", password=PASSWORD, first_name="Sabine"
    )
    Membership.objects.create(user=provider, alliance=alliance, role="provider").organisations.add(
        kita
    )
    body = f.BodyFactory(alliance=alliance, name="Steuerungsgruppe", kind="steering")
    sabine = f.ContactPersonFactory(
        alliance=alliance,
        partner=f.PartnerFactory(alliance=alliance, organisation=kita),
        name="Sabine Sonnig",
    )
    thomas = f.ContactPersonFactory(
        alliance=alliance,
        partner=f.PartnerFactory(alliance=alliance, organisation=werkstatt),
        name="Thomas Muster",
    )
    services.membership_save(body=body, contact=sabine, role="member", user=provider)
    services.membership_save(body=body, contact=thomas, role="chair")
    room = f.RoomFactory(
        alliance=alliance, name="Saal der Werkstatt Familie", organisation=werkstatt, capacity=60
    )
    services.assessment_open(alliance=alliance, year=timezone.localdate().year)
    return {"alliance": alliance, "body": body, "room": room}


def log_in(page, email: str, next_path: str):
    visit(page, f"/accounts/anmelden/?next={next_path}")
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**{next_path}")


def test_meeting_minutes_decision_actions_approval_and_the_owners_dashboard(network, new_page):
    page = new_page()
    log_in(page, "koordination@hainichen.example", "/manage/hainichen/sitzungen/")
    axe_check(page)
    page.get_by_role("link", name="Sitzung planen").click()
    page.wait_for_url("**/sitzungen/neu/")
    axe_check(page)
    yesterday = timezone.localtime() - dt.timedelta(days=1)
    page.locator("#id_body").select_option(label="Steuerungsgruppe")
    page.locator("#id_title").fill("Steuerungsgruppe im Dezember")
    page.locator("#id_starts_at").fill(yesterday.strftime("%Y-%m-%dT16:00"))
    page.locator("#id_ends_at").fill(yesterday.strftime("%Y-%m-%dT18:00"))
    page.locator("#id_place").fill("Rathaus, Beratungsraum")
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_url(re.compile(r"/sitzungen/\d+/$"))
    expect(page.locator(".ws-message")).to_contain_text("geplant")
    axe_check(page)

    page.get_by_role("link", name="Protokoll schreiben").click()
    page.wait_for_url("**/protokoll/")
    axe_check(page)
    page.locator("#id_text").fill("## Bericht\n\nDas Fest wird geplant.")
    page.locator("#id_decisions-0-text").fill("Das St.-Martins-Fest findet am 11. November statt.")
    page.locator("#id_actions-0-title").fill("Laternen bestellen")
    page.locator("#id_actions-0-owner").select_option(label="Sabine Sonnig (Kita Sonnenschein)")
    page.locator("#id_actions-0-due_on").fill(yesterday.strftime("%Y-%m-%d"))
    page.locator("#id_actions-1-title").fill("Posaunenchor anfragen")
    page.locator("#id_actions-1-owner").select_option(label="Thomas Muster (Werkstatt Familie)")
    page.get_by_role("button", name="Protokoll speichern").click()
    page.wait_for_url(re.compile(r"/sitzungen/\d+/$"))
    expect(page.locator("#decisions ~ ul")).to_contain_text(f"{yesterday.year}-01")
    expect(page.locator(".gov-minutes h3")).to_have_text("Bericht")
    page.get_by_role("button", name="Protokoll freigeben").click()
    expect(page.locator(".ws-message")).to_contain_text("gesperrt")
    expect(page.get_by_role("link", name="Protokoll ändern")).to_be_visible()
    axe_check(page)

    owner = new_page()
    log_in(owner, "leitung@kita.example", "/manage/hainichen/")
    panel = owner.locator("[data-panel=governance-my-actions]")
    expect(panel).to_contain_text("Laternen bestellen")
    axe_check(owner)
    panel.get_by_role("button", name="„Laternen bestellen“ als erledigt markieren").click()
    expect(owner.locator(".ws-message")).to_contain_text("erledigt")


def test_book_a_room_on_a_phone(network, new_page):
    page = new_page(PHONE)
    room = network["room"]
    log_in(page, "leitung@kita.example", "/manage/hainichen/raeume/")
    axe_check(page)
    no_horizontal_scroll(page)
    page.get_by_role("link", name=room.name).click()
    page.wait_for_url(f"**/raeume/{room.pk}/")
    axe_check(page)
    no_horizontal_scroll(page)
    day = timezone.localdate() + dt.timedelta(days=6)
    page.locator("#id_starts_at").fill(f"{day:%Y-%m-%d}T17:00")
    page.locator("#id_ends_at").fill(f"{day:%Y-%m-%d}T19:00")
    page.locator("#id_title").fill("Elternabend der Kita")
    page.locator("#id_organisation").select_option(label="Kita Sonnenschein")
    page.get_by_role("button", name="Anfragen").click()
    expect(page.locator(".ws-message")).to_contain_text("Anfrage wurde gesendet")
    expect(page.locator("#calendar ~ ul")).to_contain_text("Elternabend der Kita")
    # The same slot again: a clear error on the start, the input kept.
    page.locator("#id_starts_at").fill(f"{day:%Y-%m-%d}T18:00")
    page.locator("#id_ends_at").fill(f"{day:%Y-%m-%d}T20:00")
    page.locator("#id_title").fill("Zweiter Versuch")
    page.get_by_role("button", name="Anfragen").click()
    expect(page.locator(".ws-error-summary")).to_contain_text("schon gebucht")
    expect(page.locator("#id_title")).to_have_value("Zweiter Versuch")
    axe_check(page)
    no_horizontal_scroll(page)


def test_fill_in_the_self_assessment(network, new_page):
    page = new_page()
    year = timezone.localdate().year
    log_in(page, "leitung@kita.example", "/manage/hainichen/qualitaet/")
    axe_check(page)
    page.get_by_role("link", name=f"{year} bewerten").click()
    page.wait_for_url(f"**/qualitaet/{year}/")
    axe_check(page)
    groups = page.locator("fieldset.field--checks")
    count = groups.count()
    assert count == 13
    for index in range(count):
        groups.nth(index).get_by_label(str(index % 4 + 1), exact=True).check()
    page.locator("input[name^=n]").first.fill("Bedarfe fragen wir über den Elternbeirat ab.")
    page.get_by_role("button", name="Meine Bewertungen speichern").click()
    page.wait_for_url("**/qualitaet/")
    expect(page.locator(".ws-message")).to_contain_text("13 Bewertung(en)")
    page.get_by_role("link", name=f"{year} bewerten").click()
    expect(groups.first.get_by_label("1", exact=True)).to_be_checked()
    axe_check(page)
