"""Journey 11, "Where are we missing?": the coordinator imports district boundaries and
statistics, marks the children's figure as population, builds an index, sees the districts
coloured by need on the map (legend, table), opens a district profile and reads the ranked
gap list: many small children and no parent–child group within walking distance.
And a district walk recorded on a 360 px phone with the device's location and a photo.
axe-core checks every page on the way."""

from __future__ import annotations

import io
import json
import re

from playwright.sync_api import expect

from .helpers import PHONE, axe_check, no_horizontal_scroll, visit
from .test_workspace_journeys import _user, log_in


def _square(west, south, east, north):
    return {
        "type": "Polygon",
        "coordinates": [
            [[west, south], [east, south], [east, north], [west, north], [west, south]]
        ],
    }


BOUNDARIES = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"nr": "01", "name": "Zentrum"},
            "geometry": _square(13.105, 50.960, 13.140, 50.980),
        },
        {
            "type": "Feature",
            "properties": {"nr": "02", "name": "Ottendorf"},
            "geometry": _square(13.070, 50.975, 13.105, 50.995),
        },
        {
            "type": "Feature",
            "properties": {"nr": "03", "name": "Berthelsdorf"},
            "geometry": _square(13.140, 50.960, 13.175, 50.980),
        },
    ],
}
STATISTICS = (
    "Kleinräumige Statistik 2025;;\n"
    "Gebiet;Kinder unter 6;SGB-II-Quote\n"
    "01 Zentrum;210;12,5\n"
    "02 Ottendorf;95;6,1\n"
    "03 Berthelsdorf;340;18,2\n"
    "Hainichen gesamt;645;x\n"
)


def _check_and_import(page):
    page.wait_for_url(re.compile(r"/sozialraum/import/[0-9a-f-]{36}/$"))
    axe_check(page)
    expect(page.locator(".ws-error-summary")).to_have_count(0)
    page.get_by_role("button", name="Jetzt importieren").click()
    expect(page.locator("h1")).to_have_text("Import abgeschlossen")


def test_journey_11_where_are_we_missing(corpus, new_page, tmp_path):
    _user("koordination@hainichen.example", "coordinator", corpus.alliance)
    page = new_page()
    log_in(page, "koordination@hainichen.example", "/manage/hainichen/")
    page.locator("nav.ws-nav").get_by_role("link", name="Indikatoren").click()
    page.get_by_role("link", name="Import", exact=True).click()
    page.wait_for_url("**/sozialraum/import/")
    axe_check(page)

    # 1. Boundaries (GeoJSON).
    geojson = tmp_path / "ortsteile.geojson"
    geojson.write_text(json.dumps(BOUNDARIES), encoding="utf-8")
    page.locator("#id_gebiete-file").set_input_files(str(geojson))
    page.locator("#id_gebiete-code_property").fill("nr")
    page.locator("#id_gebiete-name_property").fill("name")
    page.locator("#id_gebiete-kind").select_option("stadtteil")
    page.get_by_role("button", name="Grenzen prüfen").click()
    _check_and_import(page)

    # 2. Statistics (CSV with a title line, German decimals and a total line).
    table = tmp_path / "statistik.csv"
    table.write_text(STATISTICS, encoding="utf-8")
    visit(page, "/manage/hainichen/sozialraum/import/")
    page.locator("#id_werte-file").set_input_files(str(table))
    page.locator("#id_werte-match").select_option("code_name")
    page.locator("#id_werte-kind").select_option("stadtteil")
    page.locator("#id_werte-year").fill("2025")
    page.get_by_role("button", name="Tabelle prüfen").click()
    page.wait_for_url(re.compile(r"/sozialraum/import/[0-9a-f-]{36}/$"))
    expect(page.locator(".ss-report")).to_contain_text("Hainichen gesamt")
    _check_and_import(page)

    # 3. The children's figure is the population under 6; poverty means need.
    page.get_by_role("link", name="Zu den Indikatoren").click()
    axe_check(page)
    page.get_by_role("link", name="Kinder unter 6").click()
    page.locator("#id_age_group").select_option("0-6")
    page.locator("#id_is_population").check()
    page.get_by_role("button", name="Speichern").click()
    expect(page.locator(".ws-messages")).to_contain_text("gespeichert")

    # 4. An index of the poverty rate.
    page.locator("nav.ws-nav").get_by_role("link", name="Index").click()
    page.get_by_role("link", name="Neuer Index").click()
    axe_check(page)
    page.locator("#id_name").fill("Sozialindex")
    page.locator("#id_district_kind").select_option("stadtteil")
    page.get_by_label("Gewicht von SGB-II-Quote").fill("1")
    page.get_by_role("button", name="Speichern").click()
    expect(page.locator("h1")).to_have_text("Sozialindex")
    expect(page.locator(".ss-formula")).to_contain_text("Index = (1 · z(sgb-ii-quote)) / 1")
    expect(page.locator("#ranking tbody tr").first).to_contain_text("Berthelsdorf")
    axe_check(page)

    # 5. The map coloured by need, with legend and table.
    page.get_by_role("link", name="Auf der Karte zeigen").click()
    page.wait_for_selector(".ss-choropleth.map--ready path.leaflet-interactive")
    expect(page.locator(".ss-choropleth path.leaflet-interactive")).to_have_count(3)
    expect(page.locator(".ss-legend")).to_contain_text("Legende")
    expect(page.locator("#district-table tbody tr")).to_have_count(3)
    expect(page.locator("#district-table")).to_contain_text("Rang 1 von 3")
    assert page.locator(".ss-svg svg.choropleth-svg path").count() == 3  # for print, no JS
    axe_check(page)
    page.locator(".ss-choropleth path.leaflet-interactive").nth(2).click()
    expect(page.locator(".leaflet-popup-content")).to_contain_text("Berthelsdorf")

    # 6. A district profile.
    page.locator("#district-table").get_by_role("link", name="Berthelsdorf").click()
    expect(page.locator("h1")).to_have_text("Berthelsdorf")
    expect(page.locator("main")).to_contain_text("Rang 1 von 3")
    axe_check(page)

    # 7. The ranked gap list.
    page.locator("nav.ws-nav").get_by_role("link", name="Versorgung und Lücken").click()
    axe_check(page)
    first = page.locator("ol.ss-gaps li").first
    expect(first).to_have_text(
        "Stadtteil Berthelsdorf: 340 Kinder unter 6, Index-Rang 1 von 3, kein Angebot "
        "„Eltern-Kind-Gruppe“ im Umkreis von 1 km (Luftlinie); das nächste ist 1,1 km entfernt."
    )
    with page.expect_download() as download:
        page.get_by_role("link", name="Als CSV herunterladen").click()
    assert "Berthelsdorf" in download.value.path().read_text(encoding="utf-8-sig")


def _jpeg_with_location() -> bytes:
    from PIL import Image

    image = Image.new("RGB", (64, 48), "orange")
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (50.0, 58.0, 12.0), 3: "E", 4: (13.0, 7.0, 30.0)}
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_district_walk_recorded_on_a_phone(corpus, new_page, tmp_path):
    from PIL import Image

    from familiennetz.socialspace.models import WalkNote

    _user("koordination@hainichen.example", "coordinator", corpus.alliance)
    page = new_page(PHONE)
    page.context.grant_permissions(["geolocation"])
    page.context.set_geolocation({"latitude": 50.97035, "longitude": 13.12410})
    log_in(page, "koordination@hainichen.example", "/manage/hainichen/sozialraum/begehungen/")
    no_horizontal_scroll(page)
    axe_check(page)
    page.get_by_role("link", name="Neue Begehung").click()
    page.locator("#id_title").fill("Begehung Zentrum")
    page.locator("#id_walked_on").fill("2026-05-04")
    page.locator("#id_rating_playgrounds_3").check()  # poor
    page.locator("#id_note_playgrounds").fill("Spielplatz am Markt gesperrt")
    no_horizontal_scroll(page)
    axe_check(page)
    page.get_by_role("button", name="Begehung speichern").click()
    expect(page.locator("h1")).to_have_text("Begehung Zentrum")

    page.get_by_role("link", name="Notiz hinzufügen").click()
    no_horizontal_scroll(page)
    axe_check(page)
    page.locator("#id_topic").select_option("barriers")
    page.locator("#id_text").fill("Hohe Bordsteine an der Kreuzung, mit Kinderwagen schwierig")
    page.get_by_role("button", name="Meinen Standort verwenden").click()
    expect(page.locator("#id_latitude")).to_have_value("50.970350")
    photo = tmp_path / "bordstein.jpg"
    photo.write_bytes(_jpeg_with_location())
    page.locator("#id_photo").set_input_files(str(photo))
    page.get_by_role("button", name="Notiz speichern").click()
    expect(page.locator(".ws-messages")).to_contain_text("Die Notiz wurde gespeichert")
    no_horizontal_scroll(page)

    note = WalkNote.objects.get()
    assert (note.latitude, note.longitude) == (50.97035, 13.1241)
    with note.photo.open("rb") as file:
        assert 0x8825 not in Image.open(file).getexif()  # the phone's location is gone

    page.get_by_role("link", name="Fertig").click()
    expect(page.locator(".ss-notes")).to_contain_text("Hohe Bordsteine")
    expect(page.get_by_role("link", name="Foto herunterladen")).to_be_visible()
    no_horizontal_scroll(page)
    axe_check(page)
