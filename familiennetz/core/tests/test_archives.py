"""Zip bombs (issue 18): limits on unpacked size, members, ratio, rows, columns and cells are
checked before anything is parsed, with little memory and time, naming the limit."""

import io
import time
import tracemalloc
import zipfile

import pytest
from django.utils import translation
from openpyxl import Workbook

from familiennetz.core.archives import (
    ArchiveLimitError,
    XlsxLimits,
    ZipLimits,
    check_xlsx,
    check_zip,
)

MiB = 1024 * 1024
NO_RATIO = ZipLimits(max_ratio=10**9)  # to reach the row and cell limits behind it


@pytest.fixture(autouse=True)
def english_messages():
    with translation.override("en"):
        yield


WORKBOOK = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<sheets><sheet name="Angebote" sheetId="1"/></sheets></workbook>'
)
SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_TAIL = b"</sheetData></worksheet>"


def xlsx_bomb(body_parts, *, repeat: int = 1) -> bytes:
    """A small file that unpacks to a huge worksheet: ``body_parts`` written ``repeat`` times."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("xl/workbook.xml", WORKBOOK)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(SHEET_HEAD)
            for _ in range(repeat):
                for part in body_parts:
                    sheet.write(part)
            sheet.write(SHEET_TAIL)
    return out.getvalue()


@pytest.fixture(scope="module")
def wide_bomb() -> bytes:
    data = xlsx_bomb([b'<row r="1">'] + [b"<c/>" * 1_000_000] * 10 + [b"</row>"])
    assert len(data) < 200_000  # under 200 KB on disk, 40 MB of XML unpacked
    return data


@pytest.fixture(scope="module")
def tall_bomb() -> bytes:
    data = xlsx_bomb([b"<row><c><v>1</v></c></row>" * 10_000], repeat=200)  # 2 million rows
    assert len(data) < 500_000
    return data


def test_ten_million_cells_in_one_row_are_refused_at_once_in_little_memory(wide_bomb):
    tracemalloc.start()
    started = time.monotonic()
    with pytest.raises(ArchiveLimitError, match="compressed more than 200 to 1"):
        check_xlsx(wide_bomb)  # the ratio alone gives it away
    with pytest.raises(ArchiveLimitError, match="more than 200 cells"):
        check_xlsx(wide_bomb, XlsxLimits(zip=NO_RATIO))
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert time.monotonic() - started < 5
    assert peak < 10 * MiB


def test_two_million_rows_are_refused_naming_the_row_limit(tall_bomb):
    with pytest.raises(ArchiveLimitError, match="more than 100,000 rows"):
        check_xlsx(tall_bomb, XlsxLimits(zip=NO_RATIO))
    with pytest.raises(ArchiveLimitError, match="more than 1,000 rows"):
        check_xlsx(tall_bomb, XlsxLimits(zip=NO_RATIO, max_rows=1_000))


def test_cells_in_all_are_limited():
    data = xlsx_bomb([b"<row>" + b"<c/>" * 100 + b"</row>"], repeat=100)
    with pytest.raises(ArchiveLimitError, match="more than 5,000 cells"):
        check_xlsx(data, XlsxLimits(max_cells=5_000))
    check_xlsx(data)


def test_entity_expansion_is_refused():
    data = xlsx_bomb([b""])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr(
            "xl/worksheets/sheet1.xml",
            b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]><w>&a;</w>',
        )
    check_xlsx(data)
    with pytest.raises(ArchiveLimitError, match="DTD"):
        check_xlsx(out.getvalue())


def test_highly_compressed_member_is_refused_by_its_ratio():
    out = io.BytesIO()
    with (
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("services.csv", "w") as member,
    ):
        for _ in range(50):
            member.write(b"\0" * MiB)
    data = out.getvalue()
    assert len(data) < 100_000
    with pytest.raises(ArchiveLimitError, match="compressed more than 200 to 1"):
        check_zip(data)
    with pytest.raises(ArchiveLimitError, match=r"unpacks to 50\.0"):
        check_zip(data, ZipLimits(max_ratio=10**9, max_member_bytes=10 * MiB))
    with pytest.raises(ArchiveLimitError, match="at most 20"):
        check_zip(data, ZipLimits(max_ratio=10**9, max_total_bytes=20 * MiB))


def test_too_many_members_are_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for n in range(30):
            archive.writestr(f"f{n}.csv", b"id\n")
    with pytest.raises(ArchiveLimitError, match="30 files; at most 20"):
        check_zip(out.getvalue(), ZipLimits(max_members=20))


def test_an_ordinary_workbook_passes():
    book = Workbook()
    for n in range(500):
        book.active.append([f"Angebot {n}", "Träger", n, 50.97, 13.12])
    out = io.BytesIO()
    book.save(out)
    check_xlsx(out.getvalue())


def test_not_a_zip_is_a_clear_error():
    with pytest.raises(ArchiveLimitError, match="cannot be read"):
        check_zip(b"PK\x03\x04 no zip at all")
