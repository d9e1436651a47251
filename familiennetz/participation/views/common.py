"""Helpers shared by the workspace views of participation."""

from __future__ import annotations

import csv
from io import BytesIO

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook

from familiennetz.core.spreadsheet import neutralise_row, xlsx_append
from familiennetz.workspace.access import check_perm, entry_or_404

from ..models import Survey


class _Echo:
    def write(self, value):
        return value


def survey_or_404(request, pk: int, perm: str = "participation.view_survey") -> Survey:
    survey = entry_or_404(request, Survey.objects.select_related("organisation", "alliance"), pk=pk)
    check_perm(request, perm, survey)
    return survey


def csv_response(rows, filename: str) -> StreamingHttpResponse:
    """Rows as CSV for Excel (UTF-8 with BOM, semicolons), streamed; cells that a spreadsheet
    would run as a formula are neutralised (``core.spreadsheet``)."""
    writer = csv.writer(_Echo(), delimiter=";")

    def lines():
        yield "\ufeff"
        for row in rows:
            yield writer.writerow(neutralise_row(row))

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def xlsx_response(sheets: list[tuple[str, list]], filename: str) -> HttpResponse:
    """Sheets (title, rows) as an Excel workbook (write-only: flat memory)."""
    workbook = Workbook(write_only=True)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title=title[:31])
        for row in rows:
            xlsx_append(sheet, row)
    buffer = BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def dated(name: str, extension: str) -> str:
    return f"{name}-{timezone.localdate():%Y-%m-%d}.{extension}"
