"""Reading spreadsheets the way people send them: CSV with or without a byte-order mark, in
UTF-8 or Windows-1252, separated by semicolons, commas or tabs, with quoted fields and quotes
inside them; and XLSX (first sheet). Problems become ``Issue``s, never exceptions.

Line numbers are those a spreadsheet program shows: the header is line 1.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from familiennetz.core.archives import ArchiveLimitError, XlsxLimits, check_xlsx
from familiennetz.core.spreadsheet import looks_like_formula, restore_cell

from .report import Issue, Level

MAX_ROWS = 50_000
MAX_FORMULA_WARNINGS = 20  # then one line with the total
MAX_FIELD_CHARS = 100_000
MAX_COLUMNS = 200
# Checked before openpyxl parses anything (core.archives; docs/adr/1101): a header, MAX_ROWS
# rows and some blank or notes rows; at most MAX_COLUMNS cells a row, 2 million in all.
XLSX_LIMITS = XlsxLimits(max_rows=MAX_ROWS + 1_000, max_columns=MAX_COLUMNS, max_cells=2_000_000)
DELIMITERS = (";", ",", "\t")


@dataclass
class Sheet:
    """A table read from a file: header names and data rows with their line numbers."""

    source: str
    header: list[str] = field(default_factory=list)
    rows: list[tuple[int, list]] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    delimiter: str = ""
    encoding: str = ""

    @property
    def ok(self) -> bool:
        return not any(issue.level == Level.ERROR for issue in self.issues)

    def error(self, message: str, *, row: int | None = None, field: str = "") -> None:
        self.issues.append(Issue(Level.ERROR, message, source=self.source, row=row, field=field))

    def records(self) -> list[tuple[int, dict]]:
        """Rows as {header: value}; columns without a name are left out."""
        names = self.header
        return [
            (line, {name: value for name, value in zip(names, values, strict=False) if name})
            for line, values in self.rows
        ]


def decode(data: bytes) -> tuple[str, str]:
    """Text and encoding: UTF-8 (with or without BOM, also UTF-16 with BOM), else cp1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def sniff_delimiter(text: str) -> str:
    """The separator of the header line: the most frequent of ; , TAB outside quotes."""
    first = _first_record(text)
    counts = {d: first.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _first_record(text: str) -> str:
    """The header line with quoted parts removed (a quoted header may contain separators)."""
    line, in_quotes = [], False
    for char in text[:65536]:
        if char == '"':
            in_quotes = not in_quotes
        elif char in "\r\n" and not in_quotes:
            break
        elif not in_quotes:
            line.append(char)
    return "".join(line)


def read_csv(data: bytes, *, source: str = "", max_rows: int = MAX_ROWS) -> Sheet:
    text, encoding = decode(data)
    sheet = Sheet(source=source, encoding=encoding)
    if "\x00" in text:
        sheet.error(_("The file contains NUL characters; it is not a text (CSV) file."))
        return sheet
    if not text.strip():
        sheet.error(_("The file is empty."))
        return sheet
    sheet.delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sheet.delimiter, strict=True)
    previous_end = 0
    try:
        for values in reader:
            start, previous_end = previous_end + 1, reader.line_num
            if not sheet.header and not sheet.rows and not any(v.strip() for v in values):
                continue  # blank lines before the header
            if not sheet.header:
                sheet.header = [name.strip() for name in values]
                continue
            if len(sheet.rows) >= max_rows:
                sheet.error(_("The file has more than %(n)d rows.") % {"n": max_rows})
                break
            if values and max(map(len, values)) > MAX_FIELD_CHARS:
                sheet.error(
                    _("A value is longer than %(n)d characters.") % {"n": MAX_FIELD_CHARS},
                    row=start,
                )
                continue
            sheet.rows.append((start, [restore_cell(value) for value in values]))
    except csv.Error as exc:
        sheet.error(
            _("The file is not valid CSV near line %(line)d: %(error)s")
            % {"line": reader.line_num, "error": exc},
            row=reader.line_num,
        )
    _check_shape(sheet)
    _flag_formulas(sheet)
    return sheet


def read_xlsx(data: bytes, *, source: str = "", sheet_name: str | None = None) -> Sheet:
    sheet = Sheet(source=source, encoding="xlsx")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        sheet.error(_("The file is not an Excel workbook (.xlsx)."))
        return sheet
    from openpyxl import load_workbook

    try:
        check_xlsx(data, XLSX_LIMITS)
    except ArchiveLimitError as exc:
        sheet.error(str(exc))
        return sheet
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        worksheet = workbook[sheet_name] if sheet_name in workbook.sheetnames else workbook.active
        line = 0
        for line, cells in enumerate(worksheet.iter_rows(values_only=True), start=1):
            values = [_cell(value) for value in cells]
            if not sheet.header:
                if any(v not in ("", None) for v in values):
                    sheet.header = [str(v).strip() if v is not None else "" for v in values]
                continue
            if len(sheet.rows) >= MAX_ROWS:
                sheet.error(_("The file has more than %(n)d rows.") % {"n": MAX_ROWS})
                break
            sheet.rows.append((line, values))
        workbook.close()
    except Exception as exc:
        sheet.error(_("The Excel file could not be read: %(error)s") % {"error": exc})
        return sheet
    if not sheet.header:
        sheet.error(_("The file is empty."))
    _check_shape(sheet)
    _flag_formulas(sheet)
    return sheet


def _flag_formulas(sheet: Sheet) -> None:
    """A warning for each text a spreadsheet program would run as a formula (=, +, -, @, tab,
    CR at the start). The text is imported as it is; every export escapes it again
    (core.spreadsheet, docs/adr/1100)."""
    found = 0
    for line, values in sheet.rows:
        for position, value in enumerate(values):
            if not looks_like_formula(value):
                continue
            found += 1
            if found <= MAX_FORMULA_WARNINGS:
                name = sheet.header[position] if position < len(sheet.header) else ""
                sheet.issues.append(
                    Issue(
                        Level.WARNING,
                        _(
                            "The value starts with “%(char)s” and would be run as a formula by "
                            "a spreadsheet program; it is imported as text and every export "
                            "marks it as text."
                        )
                        % {"char": value[:1].replace("\t", "TAB").replace("\r", "CR")},
                        source=sheet.source,
                        row=line,
                        field=name,
                    )
                )
    if found > MAX_FORMULA_WARNINGS:
        sheet.issues.append(
            Issue(
                Level.WARNING,
                _("%(n)d values in all would be run as formulas by a spreadsheet program.")
                % {"n": found},
                source=sheet.source,
            )
        )


def _cell(value):
    """XLSX cell values as the CSV reader would give them, but keeping numbers as numbers."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    if isinstance(value, str):
        return value
    return value


def _check_shape(sheet: Sheet) -> None:
    """Header problems and rows with more values than columns."""
    if not sheet.header:
        if sheet.ok:
            sheet.error(_("The file has no header line."))
        return
    seen: dict[str, int] = {}
    for position, name in enumerate(sheet.header, start=1):
        if not name:
            continue
        key = name.casefold()
        if key in seen:
            sheet.error(
                _("The column “%(name)s” appears twice (columns %(a)d and %(b)d).")
                % {"name": name, "a": seen[key], "b": position},
                row=1,
                field=name,
            )
        seen[key] = position
    width = len(sheet.header)
    kept = []
    for line, values in sheet.rows:
        extra = values[width:] if len(values) > width else ()
        if extra and any(str(v).strip() for v in extra):
            sheet.error(
                _("Line %(line)d has %(n)d values but the header has %(m)d columns.")
                % {"line": line, "n": len(values), "m": width},
                row=line,
            )
            continue
        if len(values) != width:
            values = list(values[:width]) + [""] * (width - len(values))
        if not any(values) or not any(str(v).strip() for v in values):
            continue  # empty lines (also "; ; ;" lines from spreadsheet exports)
        kept.append((line, values))
    sheet.rows = kept


_GERMAN_DECIMAL = re.compile(r"^[+-]?\d{1,3}(\.\d{3})*,\d+$|^[+-]?\d+,\d+$")
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


def parse_number(value) -> float:
    """51.0312, "51.0312", "51,0312" and "1.234,5" → float; raises ValueError otherwise."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = str(value).strip().replace("\u00a0", "").replace(" ", "")
        if _GERMAN_DECIMAL.match(text):
            text = text.replace(".", "").replace(",", ".")
        elif not _PLAIN_NUMBER.match(text):
            raise ValueError(value)
        number = float(text)
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(value)
    return number


TRUE_WORDS = {"1", "ja", "j", "yes", "y", "true", "wahr", "x", "✓"}
FALSE_WORDS = {"0", "nein", "n", "no", "false", "falsch", "-", ""}


def parse_bool(value) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().casefold()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise ValueError(value)
