"""The annual report as PDF (WeasyPrint, core.pdf) and its figures as XLSX (openpyxl)."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json

from django.utils import timezone, translation
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


def shown_figures(report: AnnualReport, *, language: str) -> dict | None:
    """What a page or file shows without computing: the frozen figures of a submitted
    report, the figures last computed for a draft (``None`` when there are none yet)."""
    if not report.is_draft:
        return report.figures
    if report.pk is None and not report.alliance_id:
        return None
    row = services.draft_figures_of(report, language=language)
    return row.data if row is not None and row.computed_at is not None else None


def report_pdf(report: AnnualReport, *, language: str = "") -> tuple[bytes, str]:
    """In the background task: the draft's computed figures when there are (so that the PDF
    shows what the page shows), otherwise computed here."""
    data = shown_figures(report, language=language) if language else None
    if data is None:
        data = services.report_figures(report)
    with translation.override(language) if language else contextlib.nullcontext():
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


def report_xlsx(report: AnnualReport, data: dict | None = None) -> bytes:
    data = services.report_figures(report) if data is None else data
    title = f"{report.alliance.name} – {_('Annual report')} {report.year}"
    return figures_xlsx(title, data)
