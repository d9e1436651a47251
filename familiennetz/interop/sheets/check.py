"""The check of a spreadsheet before anything is saved: every row read and checked
(``parse.py``), and what a commit would create or update (``write.py``) counted for the
preview."""

from __future__ import annotations

from familiennetz.alliances.models import Alliance
from familiennetz.directory.models import Status
from familiennetz.interop.geocoding import Geocoder
from familiennetz.interop.tabular_io import Sheet

from .parse import SheetImport, SheetParser, read_sheet
from .write import planned_counts


def sheet_parse(
    *,
    alliance: Alliance,
    data: bytes,
    filename: str,
    geocoder: Geocoder | None = None,
    default_status: str = Status.DRAFT,
    sheet: Sheet | None = None,
) -> SheetImport:
    """Read and check a CSV or XLSX file for ``alliance``; nothing is saved. Rows without a
    status get ``default_status`` (drafts: nothing becomes public without a review).
    ``sheet``: the file already read (``read_sheet``, e.g. in a child process with a budget)."""
    parser = SheetParser(alliance, filename, geocoder, default_status)
    result = parser.parse(sheet if sheet is not None else read_sheet(data, filename))
    for kind, outcomes in planned_counts(result).items():
        for outcome, n in outcomes.items():
            result.report.count(kind, outcome, n)
    return result
