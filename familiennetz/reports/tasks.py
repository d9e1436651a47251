"""Background jobs of the reports app (django-tasks; arguments are IDs)."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django_tasks import task

from familiennetz.alliances.models import Alliance
from familiennetz.alliances.scopes import all_alliances, alliance_scope

from . import documents, selectors, services
from .models import AnnualReport


@task()
def compute_draft_figures(alliance_id: int, year: int, language: str) -> str:
    """The live figures of a draft report, computed here instead of in the web request and
    kept with a "computed at" stamp (``DraftFigures``)."""
    alliance = Alliance.objects.filter(pk=alliance_id).first()
    if alliance is None:
        return ""
    with alliance_scope(alliance_id):
        row = services.draft_figures_compute(alliance=alliance, year=year, language=language)
    return row.computed_at.isoformat() if row.computed_at else ""


@task()
def build_report_pdf(report_id: int, language: str = "") -> str:
    """Render the annual report's PDF and store it with the key of what it shows (a draft:
    the figures last computed in ``language``, see ``compute_draft_figures``)."""
    with all_alliances():
        alliance_id = (
            AnnualReport.objects.filter(pk=report_id).values_list("alliance_id", flat=True).first()
        )
    if alliance_id is None:
        return ""
    with alliance_scope(alliance_id):
        report = AnnualReport.objects.select_related("alliance").get(pk=report_id)
        content, key = documents.report_pdf(report, language=language)
        if report.pdf:
            report.pdf.delete(save=False)
        report.pdf.save(
            f"jahresbericht-{report.alliance.slug}-{report.year}.pdf",
            ContentFile(content),
            save=False,
        )
        report.pdf_key = key
        report.save(update_fields=["pdf", "pdf_key", "updated_at"])
    return key


@task()
def refresh_alliance_summary(alliance_id: int) -> None:
    """Recompute the cached figures of one alliance for the state overview."""
    alliance = Alliance.objects.filter(pk=alliance_id, state_offices__isnull=False).first()
    if alliance is None:  # gone, or no state office looks at it
        return
    with alliance_scope(alliance_id):
        selectors.summary_refresh(alliance)


@task()
def refresh_all_summaries() -> int:
    """Every alliance that belongs to a state office (nightly; see docs/dev/reports.md)."""
    ids = list(
        Alliance.objects.filter(state_offices__isnull=False).distinct().values_list("pk", flat=True)
    )
    for alliance_id in ids:
        with alliance_scope(alliance_id):
            selectors.summary_refresh(Alliance.objects.get(pk=alliance_id))
    return len(ids)
