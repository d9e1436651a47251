"""Spreadsheet (CSV/XLSX) import and export for coordinators.

A workspace view (or the command ``import_sheet``) calls, in two requests if it likes:

    result = sheet_parse(alliance=a, data=upload, filename="liste.xlsx", geocoder=get_geocoder())
    result.report, result.preview()          # per row and column: errors, warnings, notes
    if result.can_commit:
        sheet_commit(result)                 # all or nothing

See docs/dev/imports.md.
"""

from .check import sheet_parse
from .files import CONTENT_TYPES, sheet_export, sheet_template
from .parse import SheetImport
from .write import SheetImportError, sheet_commit

__all__ = [
    "CONTENT_TYPES",
    "SheetImport",
    "SheetImportError",
    "sheet_commit",
    "sheet_export",
    "sheet_parse",
    "sheet_template",
]
