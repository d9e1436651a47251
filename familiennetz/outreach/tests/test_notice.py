"""The notice-board sheet (Aushang) and the offer flyer: live data, the calendar's filters,
a QR code to the filtered calendar, a clear answer for a selection too large for one sheet."""

import datetime as dt
import re
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.utils import timezone

from familiennetz.directory.tests import factories as f
from familiennetz.events.tests.factories import EventFactory, OccurrenceFactory
from familiennetz.outreach import notices, selectors, tasks

from .conftest import pdf_qr_codes, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def town(alliance):
    zentrum = f.DistrictFactory(alliance=alliance, name="Zentrum", slug="zentrum")
    dorf = f.DistrictFactory(alliance=alliance, name="Gersdorf", slug="gersdorf")
    kita = f.LocationFactory(
        alliance=alliance, name="Kita Sonnenschein", slug="kita-sonnenschein", district=zentrum
    )
    dorfhaus = f.LocationFactory(
        alliance=alliance, name="Dorfgemeinschaftshaus", slug="dorfhaus", district=dorf
    )
    soon = (timezone.now() + dt.timedelta(days=3)).replace(hour=14, minute=0)
    for title, place, days in [
        ("Laternenbasteln für Familien", kita, 3),
        ("Vorlesestunde im Dorf", dorfhaus, 5),
        ("Sommerfest weit weg", kita, 60),
    ]:
        event = EventFactory(
            alliance=alliance,
            title=title,
            location=place,
            starts_at=soon + dt.timedelta(days=days - 3),
            ends_at=soon + dt.timedelta(days=days - 3, hours=2),
        )
        OccurrenceFactory(event=event)
    f.OfferFactory(
        alliance=alliance, name="Krabbelgruppe Sonnenkinder", slug="krabbel", locations=[kita]
    )
    f.OfferFactory(
        alliance=alliance, name="Kinderturnen Gersdorf", slug="turnen", locations=[dorfhaus]
    )
    return {"kita": kita, "dorfhaus": dorfhaus}


def test_the_district_sheet_lists_the_coming_weeks_with_a_qr_code_to_the_calendar(client, town):
    response = client.get("/hainichen/aushang.pdf?ortsteil=zentrum")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Was ist los für Familien" in text
    assert "Zentrum" in text
    assert "Laternenbasteln für Familien" in text
    assert "Krabbelgruppe Sonnenkinder" in text
    assert "Vorlesestunde im Dorf" not in text  # another district
    assert "Kinderturnen Gersdorf" not in text
    assert "Sommerfest weit weg" not in text  # after the coming four weeks
    assert pdf_qr_codes(response.content) == [
        "http://testserver/hainichen/kalender/?ortsteil=zentrum"
    ]


def test_a_sheet_for_one_place(client, town):
    text = pdf_text(client.get("/hainichen/aushang.pdf?ort=dorfhaus").content)
    assert "Vorlesestunde im Dorf" in text
    assert "Kinderturnen Gersdorf" in text
    assert "Laternenbasteln" not in text
    assert client.get("/hainichen/aushang.pdf?ort=gibt-es-nicht").status_code == 404


def test_a_bad_filter_value_is_dropped_not_a_500(client, town):
    response = client.get("/hainichen/aushang.pdf?alter=99&ortsteil=%3Cscript%3E")
    assert response.status_code == 200


def test_too_many_entries_for_one_sheet_is_a_clear_message(client, town, monkeypatch):
    monkeypatch.setattr(selectors, "NOTICE_LIMIT", 1)
    monkeypatch.setattr(notices, "NOTICE_TASK_LIMIT", 2)
    response = client.get("/hainichen/aushang.pdf")
    assert response.status_code == 422
    page = response.content.decode()
    assert "Zu viele Einträge für einen Aushang" in page
    assert "höchstens 2" in page


def test_the_offer_flyer(client, town):
    response = client.get("/hainichen/angebote/krabbel/flyer.pdf")
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "Krabbelgruppe Sonnenkinder" in text
    assert "Kita Sonnenschein" in text
    assert pdf_qr_codes(response.content) == ["http://testserver/hainichen/angebote/krabbel/"]
    assert client.get("/hainichen/angebote/gibt-es-nicht/flyer.pdf").status_code == 404


# --- larger selections: a background task, a page that says so, a private file that expires --


def test_a_selection_too_large_for_one_sheet_is_made_in_the_background(
    client, town, monkeypatch, settings, tmp_path
):
    monkeypatch.setattr(selectors, "NOTICE_LIMIT", 2)
    response = client.get("/hainichen/aushang.pdf")
    assert response.status_code == 302
    status_url = response["Location"]
    assert re.fullmatch(r"/hainichen/aushang/[0-9a-f]{64}/", status_url)
    # The immediate task backend (tests, development) has made it already.
    page = client.get(status_url)
    assert page.status_code == 200
    body = page.content.decode()
    assert "Ihr Aushang ist fertig" in body
    file_url = status_url.rstrip("/") + ".pdf"
    assert f'href="{file_url}"' in body
    pdf = client.get(file_url)
    assert pdf["Content-Type"] == "application/pdf"
    assert "no-store" in pdf["Cache-Control"] and "public" not in pdf["Cache-Control"]
    text = pdf_text(pdf.content)
    for line in ["Laternenbasteln für Familien", "Vorlesestunde im Dorf", "Kinderturnen Gersdorf"]:
        assert line in text
    assert "Krabbelgruppe Sonnenkinder" in text
    assert pdf_qr_codes(pdf.content) == ["http://testserver/hainichen/kalender/"]
    # Private: the file is not under MEDIA_URL, only behind this network's key URL.
    assert client.get(file_url.replace("/hainichen/", "/prohlis/")).status_code == 404

    # Expired: the file is gone and the pages say so (404), no 500.
    monkeypatch.setattr(notices, "NOTICE_FILE_HOURS", -1)
    cache.clear()
    assert client.get(file_url).status_code == 404
    assert client.get(status_url).status_code == 404


def test_while_the_sheet_is_made_the_page_says_so_and_reloads(client, town, monkeypatch):
    monkeypatch.setattr(selectors, "NOTICE_LIMIT", 2)
    queued = []
    monkeypatch.setattr(
        tasks, "build_notice_pdf", SimpleNamespace(enqueue=lambda *args: queued.append(args))
    )
    first = client.get("/ar/hainichen/aushang.pdf")
    client.get("/ar/hainichen/aushang.pdf?x=1")  # same selection (x is not a filter)
    assert len(queued) == 1, "one task per sheet"
    alliance_id, language, query, site, key = queued[0]
    assert alliance_id == town["kita"].alliance_id
    assert (language, query, site) == ("ar", "", "http://testserver")
    assert first["Location"] == f"/ar/hainichen/aushang/{key}/"
    page = client.get(first["Location"])
    assert page.status_code == 202
    assert '<meta http-equiv="refresh" content="10">' in page.content.decode()
    assert '<html lang="ar" dir="rtl">' in page.content.decode()
    assert client.get(f"/ar/hainichen/aushang/{key}.pdf").status_code == 404


def test_a_selection_too_large_even_for_the_background_is_a_clear_message(
    client, town, monkeypatch
):
    monkeypatch.setattr(selectors, "NOTICE_LIMIT", 1)
    monkeypatch.setattr(notices, "NOTICE_TASK_LIMIT", 2)
    response = client.get("/hainichen/aushang.pdf?alter=99")  # bad values dropped, no 500
    assert response.status_code == 422
    assert "höchstens 2" in response.content.decode()
