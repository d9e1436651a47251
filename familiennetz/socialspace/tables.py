"""Reading statistics tables as offices publish them: CSV (UTF-8 with or without BOM, or
Windows-1252/Latin-1; separated by ; , or TAB) and XLSX, with title rows above the header,
header cells spread over two rows, German number formats ("1.234,5", " 1 675 ", "-  73"),
placeholders for "no data" ("–", "x", ".", "…"), aggregate and footnote rows.

Line numbers are the ones a spreadsheet program shows (first line of the file = 1).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from familiennetz.core.archives import ArchiveLimitError, XlsxLimits, check_xlsx

MAX_ROWS = 100_000
HEADER_SCAN_ROWS = 25

MISSING_MARKERS = {
    "",
    "-",
    "–",
    "—",
    "x",
    "X",
    ".",
    "..",
    "...",
    "…",
    "/",
    "k.a.",
    "k. a.",
    "n.v.",
    "n. v.",
    "na",
    "n/a",
    "*",
}
_SPACES = re.compile(r"[\s\u00a0\u2007\u2009\u202f']+")
_FOOTNOTE = re.compile(r"[*¹²³⁴⁵⁶⁷⁸⁹⁰)]+$")
_DIGITS = re.compile(r"^[+-]?[\d.,]+$")
_THOUSANDS_DOT = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+$")
_THOUSANDS_COMMA = re.compile(r"^[+-]?\d{1,3}(,\d{3})+$")


class TableError(ValueError):
    """The file cannot be read as a table at all (the message says why)."""


@dataclass
class Table:
    header: list[str]
    rows: list[tuple[int, list]]  # (line, cells)
    header_line: int = 1
    encoding: str = ""
    notes: list[str] = field(default_factory=list)

    def column(self, name: str) -> int:
        wanted = clean_header(name).casefold()
        for index, header in enumerate(self.header):
            if header.casefold() == wanted:
                return index
        raise KeyError(name)


def clean_header(value) -> str:
    """A header cell as text: soft hyphens and line-break remnants ("Migrations-hintergrund")
    removed, whitespace collapsed."""
    text = "" if value is None else str(value)
    text = text.replace("\u00ad", "").replace("\r", " ").replace("\n", " ")
    text = re.sub(r"(\w)- (\w)", r"\1\2", text)
    text = re.sub(r"([a-zäöüß])-([a-zäöüß])", r"\1\2", text)
    return " ".join(text.split())


def decode(data: bytes) -> tuple[str, str]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "UTF-16"
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "Windows-1252 (Latin-1)"


def _sniff_delimiter(text: str) -> str:
    first = text[:20000].splitlines()[:HEADER_SCAN_ROWS]
    best, best_count = ",", 0
    for delimiter in (";", "\t", ","):
        count = max((line.count(delimiter) for line in first), default=0)
        if count > best_count:
            best, best_count = delimiter, count
    return best


def read_table(
    data: bytes, filename: str, *, sheet: str = "", header_row: int | None = None
) -> Table:
    """The table in ``data`` (CSV or XLSX by content); raises ``TableError``."""
    if data.startswith(b"PK\x03\x04"):
        rows, encoding = _xlsx_rows(data, sheet), "XLSX"
    elif data[:4096].count(b"\x00") > 0 and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise TableError(_("The file is neither a CSV nor an XLSX table."))
    else:
        text, encoding = decode(data)
        if text.lstrip().startswith(("{", "[")):
            raise TableError(_("The file looks like JSON, not like a CSV or XLSX table."))
        delimiter = _sniff_delimiter(text)
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        if len(rows) > MAX_ROWS:
            raise TableError(_("The table has more than %(n)s rows.") % {"n": f"{MAX_ROWS:,}"})
    rows = [list(r) for r in rows]
    if not any(any(_filled(c) for c in r) for r in rows):
        raise TableError(_("The table is empty."))
    index = (header_row - 1) if header_row else _guess_header(rows)
    if index < 0 or index >= len(rows):
        raise TableError(_("There is no line %(n)s in the file.") % {"n": header_row})
    width = max(len(r) for r in rows)
    header = [clean_header(c) for c in rows[index]] + [""] * (width - len(rows[index]))
    # Header cells merged over rows: an empty cell takes the text above it.
    for above in range(index - 1, max(-1, index - 3), -1):
        for col, name in enumerate(header):
            if not name and col < len(rows[above]) and _filled(rows[above][col]):
                header[col] = clean_header(rows[above][col])
    table = Table(header=header, rows=[], header_line=index + 1, encoding=encoding)
    for line, cells in enumerate(rows[index + 1 :], start=index + 2):
        if any(_filled(c) for c in cells):
            table.rows.append((line, cells + [None] * (width - len(cells))))
    if encoding.startswith("Windows"):
        table.notes.append(_("The file is not UTF-8; it was read as Windows-1252 (Latin-1)."))
    return table


def _filled(cell) -> bool:
    return cell is not None and str(cell).strip() != ""


def _guess_header(rows: list[list]) -> int:
    """The header is the line among the first ones with the most text cells (the first of
    equals): title lines above it have one cell, data lines below it mostly numbers."""
    best, best_count = 0, -1
    for index, cells in enumerate(rows[:HEADER_SCAN_ROWS]):
        count = sum(
            1
            for c in cells
            if _filled(c) and not isinstance(c, (int, float)) and not _is_number_text(c)
        )
        if count > best_count:
            best, best_count = index, count
    return best


def _is_number_text(cell) -> bool:
    text = _SPACES.sub("", str(cell))
    return bool(_DIGITS.match(text))


def _xlsx_rows(data: bytes, sheet: str) -> list[list]:
    import openpyxl

    try:
        check_xlsx(data, XlsxLimits(max_rows=MAX_ROWS + 100))
    except ArchiveLimitError as exc:
        raise TableError(str(exc)) from exc
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise TableError(_("The file is not a readable XLSX workbook.")) from exc
    try:
        if sheet:
            if sheet not in workbook.sheetnames:
                raise TableError(
                    _("The workbook has no sheet “%(sheet)s” (sheets: %(names)s).")
                    % {"sheet": sheet, "names": ", ".join(workbook.sheetnames)}
                )
            worksheet = workbook[sheet]
        else:
            worksheet = workbook.worksheets[0]
        rows = []
        for row in worksheet.iter_rows(values_only=True):
            rows.append(list(row))
            if len(rows) > MAX_ROWS:
                raise TableError(_("The table has more than %(n)s rows.") % {"n": f"{MAX_ROWS:,}"})
        return rows
    finally:
        workbook.close()


# --- numbers ------------------------------------------------------------------------------------

COMMA, POINT = "comma", "point"


class NumberError(ValueError):
    pass


MISSING = object()


def normalise_number_text(cell) -> str:
    text = _SPACES.sub("", str(cell)).strip()
    text = text.replace("−", "-").replace("–", "-") if len(text) > 1 else text
    text = text.rstrip("%")
    return _FOOTNOTE.sub("", text) if len(text) > 1 else text


def decimal_style(cell) -> str | None:
    """``COMMA`` or ``POINT`` if the cell shows its decimal separator unambiguously."""
    if cell is None or isinstance(cell, (int, float)):
        return None
    text = normalise_number_text(cell)
    if not _DIGITS.match(text) or not any(ch.isdigit() for ch in text):
        return None
    if "," in text and "." in text:
        return COMMA if text.rfind(",") > text.rfind(".") else POINT
    if "," in text:
        return None if _THOUSANDS_COMMA.match(text) and text.count(",") > 1 else COMMA
    if "." in text:
        return None if _THOUSANDS_DOT.match(text) else POINT
    return None


def parse_number(cell, decimal: str = COMMA):
    """A float, ``MISSING`` for "no data" placeholders; raises ``NumberError`` otherwise."""
    if cell is None:
        return MISSING
    if isinstance(cell, bool):
        raise NumberError(str(cell))
    if isinstance(cell, (int, float)):
        return float(cell)
    raw = str(cell).strip()
    if raw.casefold() in MISSING_MARKERS:
        return MISSING
    text = normalise_number_text(raw)
    if not _DIGITS.match(text) or not any(ch.isdigit() for ch in text):
        raise NumberError(raw)
    text = text.replace(".", "").replace(",", ".") if decimal == COMMA else text.replace(",", "")
    try:
        return float(text)
    except ValueError as exc:
        raise NumberError(raw) from exc
