"""Property-based tests: malformed CSV, JSON, ZIP and XLSX files fed to every importer give
a report (never an exception), and a file with errors writes nothing."""

import csv
import io
import json
import zipfile

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from familiennetz.core.tests.examples import examples
from familiennetz.directory.models import Category, Contact, Location, Offer, Organisation, Schedule
from familiennetz.events.models import Event
from familiennetz.interop.hsds.importer import hsds_import
from familiennetz.interop.hsds.sources import read_bytes, read_files
from familiennetz.interop.models import ExternalId
from familiennetz.interop.sheets import sheet_commit, sheet_parse
from familiennetz.interop.sheets.files import headers as sheet_headers

from .conftest import HSDS_EXAMPLES

FUZZ = settings(
    max_examples=examples(40),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
MODELS = (Organisation, Location, Offer, Schedule, Contact, Category, Event, ExternalId)

json_scalars = (
    st.none() | st.booleans() | st.integers(-(2**40), 2**40) | st.floats() | st.text(max_size=30)
)
json_values = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)
cell_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",))
    | st.sampled_from('";,\n\r\t'),
    max_size=20,
)


def counts() -> dict:
    return {model.__name__: model.objects.count() for model in MODELS}


def isolated(run):
    """Run one example in a savepoint that is rolled back (examples stay independent)."""
    with transaction.atomic():
        before = counts()
        outcome = run()
        after = counts()
        transaction.set_rollback(True)
    return before, outcome, after


def assert_all_or_nothing(before, report, after):
    if report.has_errors:
        assert not report.committed
        assert after == before, "a report with errors must not write anything"
    for issue in report.issues:
        assert issue.message and isinstance(issue.message, str)


# --- HSDS ---------------------------------------------------------------------------------

SERVICE = json.loads((HSDS_EXAMPLES / "service_full.json").read_text())


@FUZZ
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".json", ".csv", ".zip", ".ndjson"]))
def test_hsds_import_of_random_bytes(empty_alliance, data, suffix):
    before, report, after = isolated(
        lambda: hsds_import(alliance=empty_alliance, tables=read_bytes(data, name="x" + suffix))
    )
    assert_all_or_nothing(before, report, after)


@FUZZ
@given(changes=st.dictionaries(st.sampled_from([*sorted(SERVICE), "x"]), json_values, max_size=5))
def test_hsds_import_of_services_with_wrong_values(empty_alliance, changes):
    document = {**SERVICE, **changes}
    files = {"service.json": json.dumps(document, default=str).encode()}
    before, report, after = isolated(
        lambda: hsds_import(alliance=empty_alliance, tables=read_files(files))
    )
    assert_all_or_nothing(before, report, after)


@FUZZ
@given(
    table=st.sampled_from(["services.csv", "locations.csv", "schedules.csv", "organizations.csv"]),
    rows=st.lists(st.lists(cell_text, min_size=0, max_size=8), max_size=4),
    separator=st.sampled_from([",", ";"]),
)
def test_hsds_import_of_malformed_csv_tables(empty_alliance, table, rows, separator):
    source = (HSDS_EXAMPLES / "csv" / table).read_text(encoding="utf-8")
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator)
    writer.writerow(source.splitlines()[0].split(","))
    writer.writerows(rows)
    files = {table: out.getvalue().encode()}
    before, report, after = isolated(
        lambda: hsds_import(alliance=empty_alliance, tables=read_files(files))
    )
    assert_all_or_nothing(before, report, after)


@FUZZ
@given(
    names=st.lists(
        # Any name a ZIP can hold: no surrogates (not encodable), no NUL or path separators.
        st.text(
            st.characters(exclude_categories=("Cs",), exclude_characters="\x00/\\"),
            min_size=1,
            max_size=15,
        ),
        max_size=3,
        unique=True,
    ),
    content=st.binary(max_size=80),
)
def test_hsds_import_of_zip_files_with_odd_members(empty_alliance, names, content):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(f"{name}.json", content)
    before, report, after = isolated(
        lambda: hsds_import(
            alliance=empty_alliance, tables=read_bytes(buffer.getvalue(), name="x.zip")
        )
    )
    assert_all_or_nothing(before, report, after)


# --- spreadsheets -------------------------------------------------------------------------


def _sheet_import(alliance, data: bytes, name: str):
    result = sheet_parse(alliance=alliance, data=data, filename=name)
    if result.can_commit:
        return sheet_commit(result)
    return result.report


@FUZZ
@given(data=st.binary(max_size=300), name=st.sampled_from(["liste.csv", "liste.xlsx"]))
def test_sheet_import_of_random_bytes(empty_alliance, data, name):
    before, report, after = isolated(lambda: _sheet_import(empty_alliance, data, name))
    assert_all_or_nothing(before, report, after)


@FUZZ
@given(
    rows=st.lists(st.lists(cell_text, max_size=31), max_size=5),
    separator=st.sampled_from([",", ";", "\t"]),
    bom=st.booleans(),
)
def test_sheet_import_of_malformed_csv(empty_alliance, rows, separator, bom):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator)
    writer.writerow(sheet_headers())
    writer.writerows(rows)
    data = (("\ufeff" if bom else "") + out.getvalue()).encode()
    before, report, after = isolated(lambda: _sheet_import(empty_alliance, data, "liste.csv"))
    assert_all_or_nothing(before, report, after)


xlsx_cells = (
    st.none()
    | st.booleans()
    | st.integers(-(10**9), 10**9)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20)
)


@FUZZ
@given(rows=st.lists(st.lists(xlsx_cells, max_size=31), max_size=4))
def test_sheet_import_of_odd_xlsx(empty_alliance, rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Angebote"
    sheet.append(sheet_headers())
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    before, report, after = isolated(
        lambda: _sheet_import(empty_alliance, buffer.getvalue(), "liste.xlsx")
    )
    assert_all_or_nothing(before, report, after)


@pytest.mark.parametrize(
    "text",
    [
        '{"id": "1", "name": "x", "status": "active"',  # cut off
        '[{"id": 1}, 2, "drei", null]',
        '{"contents": "nicht eine Liste"}',
        "\ufeff" + json.dumps({"id": "11111111-1111-4111-8111-111111111111", "name": 5}),
        "[" * 5000 + "]" * 5000,  # deep nesting
    ],
)
def test_known_nasty_json(empty_alliance, text):
    report = hsds_import(alliance=empty_alliance, tables=read_bytes(text.encode(), name="x.json"))
    assert report.has_errors
    assert not Offer.objects.exists() and not Organisation.objects.exists()
