"""The annual report as PDF (WeasyPrint, core.pdf) and its figures as XLSX (openpyxl)."""

from __future__ import annotations

import hashlib
import io
import json

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from familiennetz.core.pdf import render_pdf
from familiennetz.core.spreadsheet import xlsx_append

from . import figures, selectors, services
from .models import AnnualReport

NOT_AVAILABLE_TEXT = "Quelle noch nicht vorhanden"


def content_key(report: AnnualReport, data: dict) -> str:
    """What a PDF shows: figures, narrative, status; a stored PDF with another key is old."""
    payload = json.dumps(
        {
            "figures": data,
            "narrative": [report.goals, report.highlights, report.plans],
            "status": report.status,
            "name": report.alliance.name,
        },
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def report_context(report: AnnualReport, data: dict) -> dict:
    template = services.template_of(report)
    return {
        "report": report,
        "alliance": report.alliance,
        "sections": selectors.report_sections(template, data, year=report.year),
        "as_of": report.figures_as_of or figures.Period.of(report.alliance, report.year).end,
        "generated_on": timezone.localdate(),
    }


def report_pdf(report: AnnualReport) -> tuple[bytes, str]:
    data = services.report_figures(report)
    content = render_pdf("reports/pdf/annual_report.html", report_context(report, data))
    return content, content_key(report, data)


def _cell(value) -> object:
    return figures.display(value) if value is None else value


def figures_xlsx(title: str, data: dict[str, dict], *, sheet: str = "Kennzahlen") -> bytes:
    """Every figure: one row for the total and one per category; text is never a formula
    (``core.spreadsheet``)."""
    workbook = Workbook()
    ws = workbook.active
    ws.title = sheet
    ws.append([title])
    ws["A1"].font = Font(bold=True)
    ws.append([_("Section"), _("Figure"), _("Category"), _("Value"), _("Key")])
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for key, figure in data.items():
        section = str(figures.SECTIONS.get(figure.get("section", ""), ""))
        if not figure.get("available"):
            xlsx_append(ws, [section, figure["label"], "", NOT_AVAILABLE_TEXT, key])
            continue
        xlsx_append(ws, [section, figure["label"], _("total"), _cell(figure.get("value")), key])
        for label, count in figure.get("rows", []):
            # category labels are names people typed (surveys, districts, sectors)
            xlsx_append(ws, [section, figure["label"], label, _cell(count), key])
    for column, width in zip("ABCDE", (24, 48, 32, 12, 28), strict=True):
        ws.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def report_xlsx(report: AnnualReport) -> bytes:
    data = services.report_figures(report)
    title = f"{report.alliance.name} – {_('Annual report')} {report.year}"
    return figures_xlsx(title, data)
