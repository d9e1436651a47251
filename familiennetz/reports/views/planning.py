"""The social-planning export (/manage/<alliance>/berichte/sozialplanung.csv|xlsx)."""

from __future__ import annotations

import csv
import io

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook

from familiennetz.core.spreadsheet import neutralise_row, xlsx_append
from familiennetz.directory.models.audience import AGE_BANDS
from familiennetz.workspace.access import check_perm, workspace_view

from .. import selectors

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def planning_rows(alliance) -> tuple[list[str], list[list]]:
    header = [_("District"), _("Category"), *[str(b.label) for b in AGE_BANDS], _("Gaps")]
    rows = [
        [
            row.district,
            row.category,
            *[row.counts.get(b.key, 0) for b in AGE_BANDS],
            ", ".join(row.gaps),
        ]
        for row in selectors.planning_table(alliance)
    ]
    return header, rows


@workspace_view
def planning_export(request, fmt: str):
    check_perm(request, "reports.export_planning")
    header, rows = planning_rows(request.alliance)
    slug = request.alliance.slug
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";")
        writer.writerow(header)
        writer.writerows(neutralise_row(row) for row in rows)
        response = HttpResponse(
            "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="sozialplanung-{slug}.csv"'
        return response
    if fmt == "xlsx":
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "Sozialplanung"
        sheet.append(header)
        for row in rows:
            xlsx_append(sheet, row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="sozialplanung-{slug}.xlsx"'
        return response
    raise Http404(_("Unknown format."))
