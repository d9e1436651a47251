"""Reports journeys in a real browser (issue 13): the coordinator writes and prints the
annual report; the state office compares its alliances. axe-core on every page, 360 px."""

from __future__ import annotations

import pytest

from .helpers import PHONE, axe_check, no_horizontal_scroll, visit

PASSWORD = "ein-gutes-passwort-2026"


@pytest.fixture
def state(live_server):
    from familiennetz.accounts.models import User
    from familiennetz.alliances.models import Membership, StateOffice
    from familiennetz.alliances.tests.factories import AllianceFactory
    from familiennetz.reports.tests import dataset

    hainichen = AllianceFactory(slug="hainichen", name="Netzwerk Familie Hainichen")
    dataset.build(hainichen)
    doebeln = AllianceFactory(
        slug="doebeln", name="Bündnis Döbeln", latitude=51.12, longitude=13.11
    )
    coordinator = User.objects.create_user(
        email="koordination@hainichen.example", password=PASSWORD, first_name="Kora"
    )
    Membership.objects.create(user=coordinator, alliance=hainichen, role="coordinator")
    office_user = User.objects.create_user(email="lks@thueringen.example", password=PASSWORD)
    office = StateOffice.objects.create(name="Landeskoordinierungsstelle Thüringen")
    office.alliances.add(hainichen, doebeln)
    office.members.add(office_user)
    return {"office": office}


def log_in(page, email: str, next_path: str):
    visit(page, f"/accounts/anmelden/?next={next_path}")
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**{next_path}")


def test_the_coordinator_writes_and_prints_the_annual_report(state, new_page):
    page = new_page()
    log_in(page, "koordination@hainichen.example", "/manage/hainichen/berichte/")
    axe_check(page)
    page.get_by_role("link", name="Jahresbericht 2025").first.click()
    page.wait_for_url("**/berichte/2025/")
    axe_check(page)
    assert page.get_by_text("Quelle noch nicht vorhanden").count() == 0  # every source is there
    assert page.get_by_text("Fallberatungen").first.is_visible()  # the network's figures
    page.locator("#id_goals").fill("Übergänge Kita–Schule gestalten")
    page.get_by_role("button", name="Texte speichern").click()
    page.wait_for_url("**/berichte/2025/")
    assert page.locator("#id_goals").input_value() == "Übergänge Kita–Schule gestalten"
    href = page.get_by_role("link", name="PDF zum Drucken").get_attribute("href")
    response = page.request.get(href, timeout=90_000)  # built by the (immediate) task
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
    page.get_by_role("button", name="Bericht 2025 einreichen").click()
    page.wait_for_url("**/berichte/2025/")
    assert page.get_by_text("eingereicht").first.is_visible()
    axe_check(page)


def test_the_state_office_compares_its_alliances(state, new_page):
    page = new_page()
    office = state["office"]
    log_in(page, "lks@thueringen.example", f"/manage/landesstelle/{office.pk}/")
    axe_check(page)
    table = page.locator("#compare")
    assert "Netzwerk Familie Hainichen" in table.inner_text()
    assert "Bündnis Döbeln" in table.inner_text()
    assert page.locator("figure.state-map svg").count() == 1
    phone = new_page(PHONE)
    log_in(phone, "lks@thueringen.example", f"/manage/landesstelle/{office.pk}/")
    no_horizontal_scroll(phone)
    axe_check(phone)


# --- journeys 13 and 14 with the demo (seed_demo) and its log-ins ---------------------------

DEMO_PASSWORD = "demo-familiennetz"


@pytest.fixture
def demo(live_server):
    from django.core.management import call_command

    from .conftest import _reload_languages

    _reload_languages()  # earlier live-server tests flushed the data migration's rows
    call_command("seed_demo", "--quiet", "--with-admin")


def demo_log_in(page, email: str, next_path: str, landing: str):
    visit(page, f"/accounts/anmelden/?next={next_path}")
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(landing)


def test_the_demo_state_office_oversees_its_networks_and_requests_a_report(demo, new_page):
    import datetime as dt

    page = new_page()
    demo_log_in(page, "landesstelle@demo.invalid", "/manage/landesstelle/", "**/landesstelle/*/")
    axe_check(page)
    compare = page.locator("#compare").inner_text()
    for name in ("Hainichen", "Prohlis", "Döbeln", "Mittweida", "Rochlitz"):
        assert name in compare
    assert page.locator("figure.state-map svg circle").count() >= 5
    reports = page.locator("section[aria-labelledby=h-reports] table").inner_text()
    assert "überfällig" in reports  # Rochlitz has not handed in last year's report
    assert "eingereicht" in reports and "angenommen" in reports
    # request this year's report from Mittweida
    today = dt.date.today()
    form = page.locator("form[action$='/anfordern/']")
    form.locator("select[name=alliance]").select_option(
        label="Bündnis für Familie Mittweida (Demo)"
    )
    form.locator("input[name=year]").fill(str(today.year))
    form.locator("input[name=due_on]").fill(f"{today + dt.timedelta(days=30):%Y-%m-%d}")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert page.get_by_text("Der Bericht wurde angefordert.").is_visible()
    row = page.locator("section[aria-labelledby=h-reports] tr", has_text="Mittweida").filter(
        has_text=str(today.year)
    )
    assert "angefragt" in row.first.inner_text()
    # accept Mittweida's submitted report of last year
    last = page.locator("section[aria-labelledby=h-reports] tr", has_text="Mittweida").filter(
        has_text=str(today.year - 1)
    )
    last.locator("form[action$='/annehmen/'] button").click()
    page.wait_for_load_state()
    last = page.locator("section[aria-labelledby=h-reports] tr", has_text="Mittweida").filter(
        has_text=str(today.year - 1)
    )
    assert "angenommen" in last.first.inner_text()
    axe_check(page)
    # the yearly coordination report adds up the submitted reports and averages the quality
    page.get_by_role("link", name=f"Koordinierungsbericht {today.year - 1}").first.click()
    page.wait_for_url(f"**/jahresbericht/{today.year - 1}/")
    assert page.get_by_text("Mittelwert der Mittelwerte der Netzwerke").first.is_visible()
    axe_check(page)
    phone = new_page(PHONE)
    demo_log_in(phone, "landesstelle@demo.invalid", "/manage/landesstelle/", "**/landesstelle/*/")
    no_horizontal_scroll(phone)


def test_the_demo_coordinator_prints_the_annual_report(demo, new_page):
    import datetime as dt

    year = dt.date.today().year
    page = new_page()
    path = f"/manage/hainichen/berichte/{year}/"
    demo_log_in(page, "koordination.hainichen@demo.invalid", path, f"**{path}")
    assert page.get_by_text("Berechnet am").first.is_visible()  # computed by the task
    assert page.get_by_text("Quelle noch nicht vorhanden").count() == 0
    axe_check(page)
    page.get_by_role("button", name="Zahlen neu berechnen").click()
    page.wait_for_url(f"**{path}")
    assert page.get_by_text("Die Zahlen werden neu berechnet.").is_visible()
    href = page.get_by_role("link", name="PDF zum Drucken").get_attribute("href")
    response = page.request.get(href, timeout=90_000)
    assert response.status == 200 and response.body().startswith(b"%PDF")
