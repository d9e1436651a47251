"""Cells that a spreadsheet program would run as a formula (CSV/formula injection).

Every CSV and XLSX the application writes goes through this module (docs/adr/1100):

- ``neutralise_cell(value)``: a text that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
  carriage return gets a leading apostrophe, so Excel, LibreOffice and Google Sheets show it
  as text instead of evaluating it. Numbers (``int``, ``float``, ``Decimal``) stay numbers: a
  negative number in a numeric column is a value, not a formula. The text ``"-5"`` is still
  neutralised (a text column cannot tell it from ``-5+cmd|…``).
- The escape is reversible: a text that already starts with an apostrophe followed by one of
  those characters or a second apostrophe gets one more apostrophe, and ``restore_cell`` removes
  exactly one again. ``restore_cell(neutralise_cell(s)) == s`` for every string, so CSV round
  trips (HSDS CSV, the spreadsheet export that can be imported again) lose nothing.
- ``xlsx_cell`` / ``xlsx_append``: in XLSX every text is written as a string cell (data type
  ``s``), never as a formula; risky texts are additionally marked with Excel's own quote
  prefix (no visible apostrophe, and editing the cell keeps it text).
- ``looks_like_formula(value)``: for import reports; numbers, phone numbers and rules such as
  ``-1FR`` that merely start with ``+`` or ``-`` do not count (they are still escaped on export).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from openpyxl.cell.cell import Cell

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"
_AFTER_ESCAPE = (*FORMULA_START, ESCAPE)
# After a leading + or -, only these make a text a working formula (a call, a DDE link, an
# operator on references): "+49 351 1234-5", "-5", "-1FR" (a weekday rule) are not.
_FORMULA_MARK = re.compile(r"[(|!\"&=]")


def neutralise_cell(value: Any) -> Any:
    """``value`` safe for a spreadsheet cell; anything that is not text is returned as is."""
    if not isinstance(value, str) or not value:
        return value
    if value.startswith(FORMULA_START) or _starts_escaped(value):
        return ESCAPE + value
    return value


def restore_cell(value: Any) -> Any:
    """The inverse of ``neutralise_cell`` for text read back from a CSV file."""
    if isinstance(value, str) and _starts_escaped(value):
        return value[1:]
    return value


def _starts_escaped(value: str) -> bool:
    return value[:1] == ESCAPE and value[1:2].startswith(_AFTER_ESCAPE)


def is_escaped(value: Any) -> bool:
    """Whether ``restore_cell`` would change ``value``."""
    return restore_cell(value) is not value


def looks_like_formula(value: Any) -> bool:
    """Whether a text read from an import would be run as a formula by a spreadsheet program."""
    if not isinstance(value, str) or not value.startswith(FORMULA_START):
        return False
    return value[0] not in "+-" or bool(_FORMULA_MARK.search(value))


def neutralise_row(values: Iterable[Any]) -> list[Any]:
    return [neutralise_cell(value) for value in values]


def xlsx_cell(cell, value: Any) -> None:
    """Write ``value`` into an openpyxl cell: text as a string cell, never a formula."""
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"
        if value.startswith(FORMULA_START):
            cell.quotePrefix = True
        return
    if isinstance(value, Decimal):
        value = float(value)
    cell.value = value


def xlsx_append(sheet, values: Iterable[Any]) -> None:
    """``sheet.append(values)`` with every text written by ``xlsx_cell``."""
    cells = []
    for column, value in enumerate(values, 1):
        # Row and column are set by ``append``; giving them now keeps write-only sheets working
        # (they describe a cell they cannot take by its coordinate).
        cell = Cell(sheet, row=1, column=column)
        if value is not None:
            xlsx_cell(cell, value)
        cells.append(cell)
    sheet.append(cells)
