"""Issue 17: a coordinator uploads an Open Referral feed that is not HSDS-conformant, sees the
conformance headline and the report (with JSON pointers), tries the strict import (nothing
is written), then imports leniently. axe-core on the way; the report fits a phone."""

from __future__ import annotations

import json
import re

from playwright.sync_api import expect

from .helpers import PHONE, axe_check, no_horizontal_scroll
from .test_workspace_journeys import _user, log_in

FEED = {
    "id": "1b8f7a3e-5c0d-4a7e-8b9a-2f1d4c6e7a02",
    "name": "Elterncafé am Markt",
    "status": "active",
    "email": "keine-adresse",
    "url": "www example org",
    "organization": {
        "id": "0d2a0e6e-2a8b-4c8e-9d0e-8a4a3d3c1a01",
        "name": "Familienzentrum am Markt",
        "description": "Träger",
    },
    "cost_options": [{"id": "8c2e9c67-3b3a-4cab-9c77-2f8c2f5a0d01", "amount": 0}],
}


def upload(page, tmp_path) -> None:
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(FEED), encoding="utf-8")
    page.locator("#id_hsds-file").set_input_files(str(path))
    page.get_by_role("button", name="HSDS-Daten prüfen").click()
    page.wait_for_url(re.compile(r"/manage/hainichen/daten/importieren/[0-9a-f-]{36}/$"))


def test_non_conformant_feed_strict_then_lenient(corpus, new_page, tmp_path):
    from familiennetz.directory.models import Offer

    _user("koordination@hainichen.example", "coordinator", corpus.alliance)
    page = new_page()
    log_in(page, "koordination@hainichen.example", "/manage/hainichen/daten/importieren/")
    upload(page, tmp_path)
    headline = page.locator("#conformance")
    expect(headline).to_contain_text("Nicht HSDS-konform: 2 Schemafehler")
    expect(headline).to_contain_text("Der Import kann trotzdem weitergehen")
    page.get_by_text("Konformitätsbericht").click()
    expect(headline).to_contain_text("feed.json#/email")
    axe_check(page)

    page.locator("input[name=mode][value=strict]").check()
    page.get_by_role("button", name="Jetzt importieren").click()
    expect(page.locator("main")).to_contain_text("Strenger Import")
    assert not Offer.objects.filter(alliance=corpus.alliance, name=FEED["name"]).exists()

    page.locator("input[name=mode][value=lenient]").check()
    page.get_by_role("button", name="Jetzt importieren").click()
    page.wait_for_url(re.compile(r"/ergebnis/$|/[0-9a-f-]{36}/[a-z-]+/$"))
    offer = Offer.objects.get(alliance=corpus.alliance, name=FEED["name"])
    assert offer.is_free and offer.fee_description == "kostenlos"
    assert offer.email == ""
    axe_check(page)


def test_conformance_report_fits_a_phone(corpus, new_page, tmp_path):
    _user("koordination@hainichen.example", "coordinator", corpus.alliance)
    page = new_page(PHONE)
    log_in(page, "koordination@hainichen.example", "/manage/hainichen/daten/importieren/")
    upload(page, tmp_path)
    page.get_by_text("Konformitätsbericht").click()
    no_horizontal_scroll(page)
    axe_check(page)
