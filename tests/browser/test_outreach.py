"""The network's own pages in a real browser (issue 14): a rally station opened from its QR
code on a 360 px phone and marked as done; the Erste-Hilfe-Box with tappable numbers; the
coordinator fills the box in the workspace; the Stadtteilplan with its table. axe-core on
every page."""

from __future__ import annotations

import io

import pytest
from playwright.sync_api import expect

from .helpers import PHONE, axe_check, no_horizontal_scroll, visit

PASSWORD = "ein-gutes-passwort-2026"


@pytest.fixture
def town(live_server):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from familiennetz.accounts.models import User
    from familiennetz.alliances.models import Membership
    from familiennetz.alliances.tests.factories import AllianceFactory
    from familiennetz.directory.tests.factories import (
        DistrictFactory,
        LocationFactory,
        OfferFactory,
    )
    from familiennetz.outreach import services

    alliance = AllianceFactory(slug="hainichen", name="Netzwerk Familie Hainichen")
    coordinator = User.objects.create_user(
        email="koordination@hainichen.example", password=PASSWORD, first_name="Kora"
    )
    Membership.objects.create(user=coordinator, alliance=alliance, role="coordinator")
    square = {
        "type": "Polygon",
        "coordinates": [
            [[13.1, 50.96], [13.14, 50.96], [13.14, 50.99], [13.1, 50.99], [13.1, 50.96]]
        ],
    }
    zentrum = DistrictFactory(alliance=alliance, name="Zentrum", slug="zentrum", boundary=square)
    bibliothek = LocationFactory(
        alliance=alliance,
        name="Stadtbibliothek",
        slug="bibliothek",
        district=zentrum,
        latitude=50.97,
        longitude=13.12,
    )
    park = LocationFactory(
        alliance=alliance,
        name="Spielplatz im Stadtpark",
        slug="park",
        district=zentrum,
        latitude=50.98,
        longitude=13.13,
    )
    OfferFactory(alliance=alliance, name="Vorlesezeit für Kleine", locations=[bibliothek])
    rally = services.rally_save(alliance=alliance, values={"title": "Entdecker-Rallye"})
    out = io.BytesIO()
    Image.new("RGB", (480, 320), (46, 125, 50)).save(out, format="PNG")
    services.station_save(
        rally=rally,
        values={
            "location": bibliothek,
            "number": 1,
            "title": "Bücherwurm",
            "task": "Wie viele Bücher mit Tieren seht ihr im Fenster?",
            "picture_text": "Ein Stapel bunter Bücher",
        },
        picture=SimpleUploadedFile("buecher.png", out.getvalue(), content_type="image/png"),
    )
    services.station_save(
        rally=rally,
        values={"location": park, "number": 2, "title": "Rutsche", "task": "Zählt die Stufen!"},
    )
    services.rally_save(alliance=alliance, values={"is_published": True}, rally=rally)
    for group, name, phone in [
        ("notfall", "Feuerwehr und Rettungsdienst", "112"),
        ("nachts", "Ärztlicher Bereitschaftsdienst", "116 117"),
    ]:
        services.help_contact_save(
            alliance=alliance, values={"group": group, "name": name, "phone": phone}
        )
    return {"alliance": alliance, "rally": rally}


def _decode(png: bytes) -> list[str]:
    import zxingcpp
    from PIL import Image

    return [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)).convert("L"))]


def test_a_rally_station_opened_from_its_qr_code_on_a_phone(town, new_page, live_server):
    page = new_page(PHONE)
    target = "/hainichen/rallye/entdecker-rallye/station-1/"
    png = page.request.get(f"{live_server.url}/hainichen/qr/?ziel={target}&format=png").body()
    [url] = _decode(png)
    assert url == f"{live_server.url}{target}"
    visit(page, url)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bücherwurm")
    picture = page.get_by_role("img", name="Ein Stapel bunter Bücher")
    expect(picture).to_be_visible()
    assert page.evaluate("() => document.querySelector('.rally-picture').naturalWidth") == 480
    # Picture first, then the task, then the button.
    boxes = [
        page.locator(sel).bounding_box()["y"]
        for sel in (".rally-picture", ".rally-task", ".rally-done")
    ]
    assert boxes == sorted(boxes)
    no_horizontal_scroll(page)
    axe_check(page)
    page.get_by_role("button", name="Geschafft!").click()
    expect(page.get_by_role("status")).to_contain_text("Diese Station ist geschafft")
    no_horizontal_scroll(page)
    axe_check(page)
    page.get_by_role("link", name="Station 2 →").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Rutsche")
    station = town["rally"].stations.get(number=1)
    assert station.completions == 1
    assert not [c for c in page.context.cookies() if c["name"] == "sessionid"]


def test_the_erste_hilfe_box_has_tappable_numbers_on_a_phone(town, new_page):
    page = new_page(PHONE)
    visit(page, "/hainichen/erste-hilfe/")
    call = page.get_by_role("link", name="Feuerwehr und Rettungsdienst 112")
    expect(call).to_have_attribute("href", "tel:112")
    box = call.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 200
    expect(
        page.get_by_role("link", name="Ärztlicher Bereitschaftsdienst 116 117")
    ).to_have_attribute("href", "tel:116117")
    no_horizontal_scroll(page)
    axe_check(page)


def test_the_coordinator_fills_the_box_and_composes_a_station(town, new_page):
    page = new_page()
    visit(page, "/accounts/anmelden/?next=/manage/hainichen/erste-hilfe/")
    page.locator("input[name=username]").fill("koordination@hainichen.example")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/manage/hainichen/erste-hilfe/")
    axe_check(page)
    page.locator("#id_neu-group").select_option(label="Beratung und erste Ansprechpartner")
    page.locator("#id_neu-name").fill("Elterntelefon")
    page.locator("#id_neu-phone").fill("kein Anschluss")
    page.get_by_role("button", name="Hinzufügen").click()
    expect(page.locator(".ws-error-summary")).to_contain_text("keine Telefonnummer")
    axe_check(page)
    page.locator("#id_neu-phone").fill("0800 111 0 550")
    page.get_by_role("button", name="Hinzufügen").click()
    expect(page.locator(".ws-message")).to_contain_text("aufgenommen")
    expect(page.locator("#help-history ~ ul")).to_contain_text("Elterntelefon")

    rally = town["rally"]
    visit(page, f"/manage/hainichen/rallye/{rally.pk}/")
    axe_check(page)
    page.get_by_role("link", name="Neue Station").click()
    axe_check(page)
    page.locator("#id_title").fill("Ohne Ort")
    page.locator("#id_task").fill("Was seht ihr?")
    page.get_by_role("button", name="Speichern").click()
    expect(page.locator(".ws-error-summary")).to_contain_text("Wählen Sie den Ort dieser Station.")
    axe_check(page)


def test_the_stadtteilplan_with_its_table(town, new_page):
    page = new_page(PHONE)
    visit(page, "/hainichen/stadtteilplan/")
    expect(page.locator("svg.plan-svg .plan-marker")).to_have_count(1)
    expect(page.get_by_role("table")).to_contain_text("Vorlesezeit für Kleine")
    no_horizontal_scroll(page)
    axe_check(page)


def test_the_kita_to_school_page_on_a_phone_in_german_and_arabic(town, new_page):
    """Issue 14: the transition page as a timeline with contacts, at 360 px, axe-clean, right
    to left in Arabic (the phase line on the right)."""
    from familiennetz.outreach import services as outreach_services

    alliance = town["alliance"]
    for phase, when, title in [
        ("anmeldung", "im Oktober", "Schulanmeldung"),
        ("untersuchung", "im Winter", "Schuleingangsuntersuchung"),
        ("einschulung", "im August", "Erster Schultag"),
    ]:
        outreach_services.transition_step_save(
            alliance=alliance, values={"phase": phase, "when": when, "title": title}
        )
    page = new_page(PHONE)
    visit(page, f"/{alliance.slug}/uebergang-schule/")
    steps = page.locator(".transition__step h3")
    expect(steps).to_have_text(["Schulanmeldung", "Schuleingangsuntersuchung", "Erster Schultag"])
    no_horizontal_scroll(page)
    axe_check(page)
    visit(page, f"/ar/{alliance.slug}/uebergang-schule/")
    phase = page.locator(".transition__phase").first.bounding_box()
    step = page.locator(".transition__step").first.bounding_box()
    # The timeline's line (border-inline-start) is on the right: the step ends left of it.
    assert step["x"] + step["width"] < phase["x"] + phase["width"]
    no_horizontal_scroll(page)
    axe_check(page)
