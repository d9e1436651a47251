"""Journey 10, bringing a new town online: the coordinator uploads the Kita list, sees the
three flagged rows (missing street, coordinates outside the town, unknown category), uploads
the corrected file, imports it, and the Kitas are in the public search and on its map.
axe-core checks every page on the way; the report works at 360 px."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect

from .helpers import PHONE, axe_check, no_horizontal_scroll, visit, wait_for_map
from .test_workspace_journeys import _user, log_in

FIXTURES = Path(__file__).resolve().parents[2] / "familiennetz/interop/tests/fixtures"
BAD = FIXTURES / "kitas_three_bad_rows.csv"
FIXED = FIXTURES / "kitas_fixed.csv"


def upload(page, path: Path, *, publish: bool) -> None:
    page.locator("#id_sheet-file").set_input_files(str(path))
    page.locator("#id_sheet-status_1" if publish else "#id_sheet-status_0").check()
    page.get_by_role("button", name="Tabelle prüfen").click()
    page.wait_for_url(re.compile(r"/manage/hainichen/daten/importieren/[0-9a-f-]{36}/$"))


def test_coordinator_imports_the_kita_list_and_it_appears_on_the_map(corpus, new_page):
    from familiennetz.directory.models import Offer

    _user("koordination@hainichen.example", "coordinator", corpus.alliance)
    page = new_page()
    log_in(page, "koordination@hainichen.example", "/manage/hainichen/")
    page.locator("nav.ws-nav a[href$='/daten/importieren/']").click()
    page.wait_for_url("**/manage/hainichen/daten/importieren/")
    axe_check(page)

    upload(page, BAD, publish=True)
    axe_check(page)
    summary = page.locator(".ws-error-summary")
    expect(summary).to_contain_text("Zeilen mit Fehlern: 4, 5, 6")
    errors = page.locator("tr.ws-report__row--error")
    expect(errors).to_have_count(3)
    expect(errors.nth(0)).to_contain_text("Die Straße fehlt")
    expect(errors.nth(1)).to_contain_text("außerhalb seines Gebiets")
    expect(errors.nth(2)).to_contain_text("Kinderkrippe XY")
    for row in range(3):
        expect(errors.nth(row).locator(".ws-level--error")).to_have_text("Fehler")
        # One line box: the level never breaks into "Fehle" / "r" (issue 16).
        lines = (
            errors.nth(row).locator(".ws-level--error").evaluate("e => e.getClientRects().length")
        )
        assert lines == 1, f"the level of error row {row} wraps over {lines} lines"
    expect(page.get_by_role("heading", name="Was der Import tun würde")).to_have_count(1)
    expect(page.get_by_role("button", name="Jetzt importieren")).to_be_disabled()
    assert not Offer.objects.filter(name="Kita Pusteblume").exists()

    page.get_by_role("link", name="Korrigierte Datei hochladen").click()
    upload(page, FIXED, publish=True)
    expect(page.locator("tr.ws-report__row--error")).to_have_count(0)
    axe_check(page)
    page.get_by_role("button", name="Jetzt importieren").click()
    page.wait_for_url(re.compile(r"/daten/importieren/[0-9a-f-]{36}/ergebnis/$"))
    expect(page.locator("h1")).to_have_text("Import abgeschlossen")
    expect(page.get_by_role("link", name="Kita Pusteblume")).to_be_visible()
    axe_check(page)

    page.get_by_role("link", name="Öffentliche Suche und Karte").click()
    page.wait_for_url("**/hainichen/suche/")
    visit(page, corpus.url("suche/?q=Pusteblume"))
    expect(page.locator("main")).to_contain_text("Kita Pusteblume")
    wait_for_map(page, expected_markers=1)


def test_import_report_fits_a_phone(corpus, new_page):
    _user("koordination@hainichen.example", "coordinator", corpus.alliance)
    page = new_page(PHONE)
    log_in(page, "koordination@hainichen.example", "/manage/hainichen/daten/importieren/")
    no_horizontal_scroll(page)
    upload(page, BAD, publish=False)
    expect(page.locator("tr.ws-report__row--error")).to_have_count(3)
    no_horizontal_scroll(page)
    axe_check(page)
    visit(page, "/manage/hainichen/daten/exportieren/")
    no_horizontal_scroll(page)
    axe_check(page)


def test_the_check_runs_in_the_background_and_a_file_over_the_budget_names_the_limit(
    corpus, new_page, settings, page_problems
):
    """Issue 18: the preview says "Die Datei wird geprüft" (with a reload link) until a task
    worker has checked the file; a file over the time budget is refused, naming the limit.
    Both pages pass axe-core and fit a phone."""
    from django.core.management import call_command

    _user("koordination@hainichen.example", "coordinator", corpus.alliance)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    page = new_page(PHONE)
    log_in(page, "koordination@hainichen.example", "/manage/hainichen/daten/importieren/")
    upload(page, FIXED, publish=False)
    expect(page.locator("h1")).to_have_text("Die Datei wird geprüft")
    expect(page.get_by_role("status")).to_contain_text("wird im Hintergrund geprüft")
    no_horizontal_scroll(page)
    axe_check(page)

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    page.get_by_role("link", name="Neu laden").click()
    expect(page.locator("h1")).to_have_text("Prüfung des Imports")
    expect(page.get_by_role("button", name="Jetzt importieren")).to_be_enabled()

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.IMPORT_PARSE_WALL_SECONDS = 0
    visit(page, "/manage/hainichen/daten/importieren/")
    upload(page, FIXED, publish=False)
    expect(page.locator("h1")).to_have_text("Die Datei konnte nicht geprüft werden")
    expect(page.get_by_role("alert")).to_contain_text("Zeitgrenze für Importe")
    no_horizontal_scroll(page)
    axe_check(page)
    # The refusal page answers 422 on purpose; Chromium logs every 4xx document.
    page_problems.messages[:] = [m for m in page_problems.messages if "status of 422" not in m]
