"""Spreadsheet import for coordinators: per-row, per-column report; all or nothing;
template and export in the same columns; geocoding through a Nominatim-compatible service."""

import csv
import io
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlparse

import pytest
from django.utils import translation
from openpyxl import load_workbook

from familiennetz.directory.models import Location, Offer, Organisation, Status
from familiennetz.interop.geocoding import NominatimGeocoder
from familiennetz.interop.models import ExternalId
from familiennetz.interop.report import Level
from familiennetz.interop.sheets import (
    SheetImportError,
    sheet_commit,
    sheet_export,
    sheet_parse,
    sheet_template,
)

from .conftest import FIXTURES, SHARED_DATA

SAMPLE = FIXTURES / "chemnitz_kitas_sample.csv"
CHEMNITZ = SHARED_DATA / "chemnitz" / "chemnitz_Kindertageseinrichtungen.csv"
HEADER = "Kennung;Angebot;Träger;Straße und Hausnummer;PLZ;Ort;Breitengrad;Längengrad"


@pytest.fixture(autouse=True)
def english_messages():
    """The messages are asserted in English (the services speak the active language)."""
    with translation.override("en"):
        yield


def parse(alliance, text: str | bytes, name="liste.csv", **kwargs):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return sheet_parse(alliance=alliance, data=data, filename=name, **kwargs)


def lines_with(result, level):
    return result.report.rows_with(level)


def test_chemnitz_sample_names_its_three_bad_rows_and_imports_nothing(alliance):
    result = parse(alliance, SAMPLE.read_bytes(), "chemnitz.csv")

    errors = {(i.row, i.field) for i in result.report.errors}
    assert errors == {(5, "Y"), (7, "BEZEICHNUNG"), (8, "EMAIL")}
    assert lines_with(result, Level.WARNING) == [2, 8, 10]  # URLs read as https://, a duplicate
    assert not result.can_commit
    with pytest.raises(SheetImportError):
        sheet_commit(result)
    assert not Offer.objects.exists() and not Organisation.objects.exists()


def test_unknown_columns_are_reported_not_fatal(alliance):
    result = parse(alliance, SAMPLE.read_bytes(), "chemnitz.csv")
    [note] = [i for i in result.report.issues if i.level == Level.INFO and i.row == 1]
    assert "OBJECTID, KURZBEZEICHNUNG, STRSCHL, HORT, KITA, FAX, INTEGRATIV" in note.message


@pytest.mark.skipif(not CHEMNITZ.is_file(), reason=f"real Chemnitz file not found at {CHEMNITZ}")
def test_real_chemnitz_list_reports_its_problem_rows_precisely(alliance):
    result = parse(alliance, CHEMNITZ.read_bytes(), CHEMNITZ.name)

    assert result.report.errors == []
    # line 56 "www.caritas-chemnitz.de", line 184 "https:\\www.sfz-chemnitz.de"
    assert [(i.row, i.field) for i in result.report.warnings] == [(56, "URL"), (184, "URL")]
    assert "https://www.sfz-chemnitz.de" in result.report.warnings[1].message
    report = sheet_commit(result)
    assert report.counts["offer"]["created"] == 241
    assert Offer.objects.filter(alliance=alliance, status=Status.DRAFT).count() == 241


@pytest.mark.skipif(not CHEMNITZ.is_file(), reason=f"real Chemnitz file not found at {CHEMNITZ}")
def test_real_chemnitz_list_with_three_broken_rows_imports_nothing(alliance):
    rows = list(csv.reader(io.StringIO(CHEMNITZ.read_text(encoding="utf-8-sig"))))
    header = rows[0]
    rows[9][header.index("Y")] = "neunzig"  # line 10
    rows[99][header.index("EMAIL")] = "kita(at)example.org"  # line 100
    rows[199][header.index("TRAEGER")] = ""  # line 200
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)

    result = parse(alliance, "\ufeff" + out.getvalue(), CHEMNITZ.name)

    assert lines_with(result, Level.ERROR) == [10, 100, 200]
    assert {i.field for i in result.report.errors} == {"Y", "EMAIL", "TRAEGER"}
    assert not result.can_commit
    assert not Offer.objects.exists()


def test_robust_csv_reading(alliance, category_factory):
    category_factory(alliance=alliance, code="betreuung.kita", slug="kita", name="Kita")
    text = (
        "\ufeffKennung;Angebot;Träger;Kategorien;Breitengrad;Längengrad;Alter von;Alter bis;Sprachen;Lieblingsfarbe\r\n"  # noqa: E501
        'k1;"Krabbelgruppe ""Zwerge""";Familienzentrum;Kita;50,9712;13,1203;6 Monate;3;Deutsch, Leichte Sprache;grün\r\n'  # noqa: E501
        "\r\n"
    )
    result = parse(alliance, text)
    assert result.report.errors == []
    sheet_commit(result)
    offer = Offer.objects.get(alliance=alliance)
    assert offer.name == 'Krabbelgruppe "Zwerge"'
    assert (offer.age_min_months, offer.age_max_months) == (6, 47)
    assert sorted(offer.languages.values_list("code", flat=True)) == ["de", "de-x-ls"]
    assert list(offer.categories.values_list("code", flat=True)) == ["betreuung.kita"]
    place = Location.objects.get(alliance=alliance)
    assert (place.latitude, place.longitude) == (50.9712, 13.1203)


def test_comma_separated_windows_1252_file(alliance):
    text = "Angebot,Träger,Ort\r\nSpielkreis,Bürgerverein,Hainichen\r\n".encode("cp1252")
    result = parse(alliance, text)
    assert result.report.errors == []
    assert result.rows[0].organisation == "Bürgerverein"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("Angebot;Ort\nA;B\n", "Required columns are missing: Träger"),
        ("Angebot;Träger;Angebot\nA;B;C\n", "appears twice"),
        ("Angebot;Träger\n", "no rows"),
        ('Angebot;Träger\n"offen;X\n', "not valid CSV"),
        ("Angebot;Träger\nA;B;C;D\n", "has 4 values"),
    ],
)
def test_broken_files_give_a_clear_error(alliance, text, message):
    result = parse(alliance, text)
    assert result.report.has_errors
    assert any(message in issue.message for issue in result.report.errors), result.report.errors


@pytest.mark.parametrize(
    ("cells", "column"),
    [
        (";A;T;;;;91;13", "Breitengrad"),
        (";A;T;;1234;;;", "PLZ"),
        (";A;T;;;;abc;13", "Breitengrad"),
    ],
)
def test_cell_problems_name_line_and_column(alliance, cells, column):
    result = parse(alliance, f"{HEADER}\n{cells}\n")
    assert [(i.row, i.field) for i in result.report.errors] == [(2, column)]


def test_same_identifier_is_one_offer_at_several_places(alliance):
    text = f"{HEADER}\nx;Beratung;Diakonie;Markt 1;09661;Hainichen;50.97;13.12\nx;;;Bahnhofstraße 2;09661;Hainichen;50.98;13.13\n"  # noqa: E501
    result = parse(alliance, text)
    assert result.report.errors == []
    sheet_commit(result)
    offer = Offer.objects.get(alliance=alliance)
    assert offer.offer_locations.count() == 2
    conflicting = f"{HEADER}\nx;Beratung;Diakonie;;;;;\nx;Sprechstunde;Diakonie;;;;;\n"
    assert lines_with(parse(alliance, conflicting), Level.ERROR) == [3]


def test_reimport_by_identifier_updates_instead_of_duplicating(alliance):
    first = f"{HEADER}\nk-7;Elterncafé;Diakonie;Markt 1;09661;Hainichen;50.97;13.12\n"
    sheet_commit(parse(alliance, first))
    second = first.replace("Elterncafé", "Elterncafé am Markt")
    report = sheet_commit(parse(alliance, second))
    assert report.counts["offer"] == {"updated": 1}
    assert list(Offer.objects.filter(alliance=alliance).values_list("name", flat=True)) == [
        "Elterncafé am Markt"
    ]
    assert ExternalId.objects.get(alliance=alliance, scheme="sheet").value == "k-7"


def test_template_has_german_headers_and_notes(alliance):
    workbook = load_workbook(io.BytesIO(sheet_template("xlsx")))
    headers = [cell.value for cell in workbook["Angebote"][1]]
    assert headers[:5] == ["Kennung", "Angebot", "Kurzbeschreibung", "Beschreibung", "Träger"]
    assert "Hinweise" in workbook.sheetnames
    assert sheet_template("csv").decode("utf-8-sig").startswith("Kennung;Angebot;")
    empty = parse(alliance, sheet_template("xlsx"), "vorlage.xlsx")
    assert any("no rows" in i.message for i in empty.report.errors)


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_export_and_import_again_changes_nothing(
    alliance, offer_factory, location_factory, category_factory, fmt
):
    category = category_factory(alliance=alliance, name="Eltern-Kind-Gruppe")
    place = location_factory(alliance=alliance, latitude=50.9712345, longitude=13.1203)
    offer_factory(
        alliance=alliance,
        name="Babytreff",
        categories=[category],
        locations=[place],
        languages=["de", "ar"],
        age_min_months=3,
        age_max_months=17,
        is_free=True,
    )
    data = sheet_export(alliance=alliance, fmt=fmt)
    result = parse(alliance, data, f"export.{fmt}")
    assert result.report.errors == [] and result.report.warnings == []
    report = sheet_commit(result)
    assert report.counts["offer"] == {"unchanged": 1}
    assert Location.objects.filter(alliance=alliance).count() == 1


class FakeNominatim(BaseHTTPRequestHandler):
    """Answers /search like Nominatim: Markt → a point, "Nirgendwo" → [], "Kaputt" → 500."""

    requests: list = []

    def do_GET(self):
        query = parse_qs(urlparse(self.path).query)
        FakeNominatim.requests.append((query, self.headers.get("User-Agent")))
        street = query.get("street", [""])[0]
        if "Kaputt" in street:
            self.send_response(500)
            self.end_headers()
            return
        answer = (
            []
            if "Nirgendwo" in street
            else [{"lat": "50.9701", "lon": "13.1234", "display_name": "Markt"}]
        )
        body = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def geocoder():
    server = HTTPServer(("127.0.0.1", 0), FakeNominatim)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    FakeNominatim.requests = []
    yield NominatimGeocoder(
        f"http://127.0.0.1:{server.server_port}", user_agent="familiennetz-test", min_interval=0
    )
    server.shutdown()
    server.server_close()


def test_addresses_without_coordinates_are_geocoded(alliance, geocoder):
    text = (
        f"{HEADER}\n"
        ";Elterncafé;Diakonie;Markt 1;09661;Hainichen;;\n"
        ";Spielkreis;Diakonie;Nirgendwo 5;09661;Hainichen;;\n"
        ";Beratung;Diakonie;Kaputtweg 1;09661;Hainichen;;\n"
        ";Hebamme;Diakonie;Markt 3;09661;Hainichen;50,95;13,15\n"
    )
    result = parse(alliance, text, geocoder=geocoder)

    assert result.report.errors == []
    places = {row.offer["name"]: row.place for row in result.rows}
    assert (places["Elterncafé"]["latitude"], places["Elterncafé"]["longitude"]) == (
        50.9701,
        13.1234,
    )
    assert places["Spielkreis"]["latitude"] is None
    assert places["Hebamme"]["latitude"] == 50.95  # manual coordinates win, no request
    warned = {(i.row, i.field) for i in result.report.warnings}
    assert (3, "Straße und Hausnummer") in warned  # not found
    assert (4, "Breitengrad") in warned  # service failed
    streets = [query["street"][0] for query, _agent in FakeNominatim.requests]
    assert streets == ["Markt 1", "Nirgendwo 5", "Kaputtweg 1"]
    assert {agent for _q, agent in FakeNominatim.requests} == {"familiennetz-test"}


def test_geocoder_results_are_cached(alliance, geocoder):
    text = f"{HEADER}\n;A;T;Markt 1;09661;Hainichen;;\n;B;T;Markt 1;09661;Hainichen;;\n"
    parse(alliance, text, geocoder=geocoder)
    assert len(FakeNominatim.requests) == 1


def test_preview_lists_cells_and_issues_per_row(alliance):
    result = parse(alliance, f"{HEADER}\n;A;T;;1234;;;\n")
    [row] = result.preview()
    assert row["line"] == 2
    assert row["cells"]["PLZ"] == "1234"
    assert row["issues"][0]["field"] == "PLZ"


def test_rows_become_drafts_unless_published(alliance):
    sheet_commit(parse(alliance, f"{HEADER}\n;A;T;;;;;\n"))
    sheet_commit(parse(alliance, f"{HEADER}\n;B;T;;;;;\n", default_status=Status.PUBLISHED))
    assert dict(Offer.objects.filter(alliance=alliance).values_list("name", "status")) == {
        "A": Status.DRAFT,
        "B": Status.PUBLISHED,
    }
    assert Offer.objects.get(name="B").published_at is not None


def test_postal_code_without_street_is_an_error(alliance):
    result = parse(alliance, f"{HEADER}\n;Kita Sonne;Stadt;;09661;Hainichen;50,97;13,12\n")
    [error] = result.report.errors
    assert (error.row, error.field) == (2, "Straße und Hausnummer")
    assert "street is missing" in error.message


def test_a_town_without_street_column_is_fine(alliance):
    result = parse(alliance, "Angebot;Träger;PLZ;Ort\nElterntelefon;Stadt;09661;Hainichen\n")
    assert result.report.errors == []


def test_coordinates_outside_the_alliance_area_are_an_error(alliance):
    # the alliance's map centre is Hainichen (50.97, 13.12); Munich is ~360 km away
    text = (
        f"{HEADER}\n"
        ";Kita Nah;Stadt;Markt 1;09661;Hainichen;50,99;13,10\n"
        ";Kita Fern;Stadt;Markt 2;09661;Hainichen;48,137;11,575\n"
        ";Kita Vertauscht;Stadt;Markt 3;09661;Hainichen;13,12;50,97\n"
    )
    result = parse(alliance, text)
    assert [(i.row, i.field) for i in result.report.errors] == [
        (3, "Breitengrad"),
        (4, "Breitengrad"),
    ]
    assert "outside its area" in result.report.errors[0].message


def test_no_area_check_while_the_alliance_has_no_map_centre(alliance):
    alliance.latitude, alliance.longitude = 51.0, 10.4  # the model's default
    alliance.save()
    result = parse(alliance, f"{HEADER}\n;Kita Fern;Stadt;Markt 2;80331;München;48,137;11,575\n")
    assert result.report.errors == []


def test_geocoded_address_outside_the_area_is_left_without_coordinates(alliance, geocoder):
    alliance.latitude, alliance.longitude = 48.137, 11.575  # Munich; the fake answers Hainichen
    alliance.save()
    result = parse(alliance, f"{HEADER}\n;Elterncafé;Diakonie;Markt 1;09661;Hainichen;;\n",
                   geocoder=geocoder)  # fmt: skip
    assert result.report.errors == []
    assert result.rows[0].place["latitude"] is None
    assert any("outside its area" in i.message for i in result.report.warnings)


def test_level_labels_are_translated():
    with translation.override("de"):
        assert [Level.label(level) for level in (Level.ERROR, Level.WARNING, Level.INFO)] == [
            "Fehler",
            "Warnung",
            "Hinweis",
        ]
