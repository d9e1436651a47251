"""Hostile files in (issue 18): XLSX and ZIP bombs are refused before parsing with an error
naming the limit, and a failed upload leaves nothing behind."""

import io
import zipfile

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook

from familiennetz.core.tests.test_archives import xlsx_bomb
from familiennetz.interop import tasks as interop_tasks
from familiennetz.interop.hsds.sources import read_bytes
from familiennetz.interop.models import ImportUpload
from familiennetz.interop.tabular_io import read_xlsx

MiB = 1024 * 1024


def url(alliance):
    return reverse("interop:manage-import", kwargs={"alliance_slug": alliance.slug})


def post(client, alliance, kind, data, name):
    handle = io.BytesIO(data)
    handle.name = name
    fields = {"kind": kind, f"{kind}-file": handle}
    if kind == "sheet":
        fields["sheet-status"] = "draft"
    return client.post(url(alliance), fields)


def wide_workbook(columns: int = 500) -> bytes:
    """An ordinary-looking workbook (no extreme ratio) with too many columns."""
    book = Workbook()
    book.active.append([f"Spalte {n}" for n in range(columns)])
    book.active.append([f"Wert {n * 7919 % 10007}" for n in range(columns)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def ratio_bomb() -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("services.csv", "w") as member,
    ):
        for _ in range(64):
            member.write(b"," * MiB)
    return out.getvalue()


@pytest.fixture
def as_coordinator(client, coordinator):
    client.force_login(coordinator.user)
    with translation.override("en"):
        yield client


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            lambda: xlsx_bomb([b'<row r="1">'] + [b"<c/>" * 1_000_000] * 10 + [b"</row>"]),
            "zip bomb",
        ),
        (lambda: xlsx_bomb([b"<row><c><v>1</v></c></row>" * 10_000], repeat=200), "zip bomb"),
        (wide_workbook, "more than 200 cells"),
    ],
    ids=["10-million-cells-in-a-row", "2-million-rows", "500-columns"],
)
def test_xlsx_bombs_are_refused_at_upload_and_nothing_is_stored(
    as_coordinator, alliance, data, message
):
    response = post(as_coordinator, alliance, "sheet", data(), "angebote.xlsx")
    assert response.status_code == 400
    errors = " ".join(response.context["sheet_form"].errors["file"])
    assert message in errors
    assert not ImportUpload.objects.exists()


def test_hsds_zip_bomb_is_refused_at_upload_and_nothing_is_stored(as_coordinator, alliance):
    response = post(as_coordinator, alliance, "hsds", ratio_bomb(), "hsds.zip")
    assert response.status_code == 400
    assert "zip bomb" in " ".join(response.context["hsds_form"].errors["file"])
    assert not ImportUpload.objects.exists()


def test_readers_refuse_bombs_themselves(db):
    """The commands (import_sheet, import_hsds) and the background check use the readers."""
    with translation.override("en"):
        sheet = read_xlsx(wide_workbook(), source="wide.xlsx")
        assert not sheet.ok and "more than 200 cells" in str(sheet.issues[0])
        tables = read_bytes(ratio_bomb(), name="hsds.zip")
        assert any("zip bomb" in issue.message for issue in tables.issues)


def test_a_check_that_fails_leaves_no_upload_behind(as_coordinator, alliance, monkeypatch):
    def explode(**kwargs):
        raise MemoryError("simulated")

    monkeypatch.setattr(interop_tasks, "import_upload_check", explode)
    text = "Angebot;Träger\r\nBabytreff;Verein\r\n".encode()
    response = post(as_coordinator, alliance, "sheet", text, "liste.csv")
    assert not ImportUpload.objects.exists()
    page = as_coordinator.get(response["Location"])
    assert page.status_code == 422
    assert "The file could not be read." in page.content.decode()
