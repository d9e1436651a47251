"""The annual report in the workspace (/manage/<alliance>/berichte/…)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from familiennetz.core.files import private_file_response
from familiennetz.workspace.access import check_perm, redirect_manage, workspace_view

from .. import documents, figures, selectors, services, tasks
from ..forms import NarrativeForm, YearForm
from ..models import AnnualReport, DraftFigures

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _is_member(request) -> bool:
    """Roles inside the alliance (and admins) see drafts; the state office does not."""
    return request.user.has_perm("reports.view_figure_lists", request.alliance)


def _report_or_404(request, year: int) -> AnnualReport:
    check_perm(request, "reports.view_reports")
    report = AnnualReport.objects.for_alliance(request.alliance).filter(year=year).first()
    if report is None and _is_member(request):
        try:
            services.check_year(year)
        except ValidationError as error:
            raise Http404(error.messages[0]) from None
        report = AnnualReport(alliance=request.alliance, year=year)  # not saved until edited
    if report is None or (report.is_draft and not _is_member(request)):
        raise Http404(_("There is no submitted report for this year."))
    return report


@workspace_view
def report_list(request):
    alliance = request.alliance
    check_perm(request, "reports.view_reports")
    member = _is_member(request)
    reports = list(selectors.reports_of(alliance, submitted_only=not member))
    form = YearForm(request.GET or None)
    if form.is_valid():
        year = form.cleaned_data["year"]
        try:
            services.check_year(year)
        except ValidationError as error:
            form.add_error("year", error.message_dict["year"])
        else:
            return redirect_manage("reports:manage-report-detail", alliance, year=year)
    this_year = timezone.localdate().year
    years = [r.year for r in reports]
    suggested = [y for y in (this_year - 1, this_year) if y not in years] if member else []
    return render(
        request,
        "reports/workspace/report_list.html",
        {"reports": reports, "form": form, "suggested": suggested, "member": member},
    )


@workspace_view
def report_detail(request, year: int):
    alliance = request.alliance
    report = _report_or_404(request, year)
    can_change = report.is_draft and request.user.has_perm("reports.change_report", alliance)
    form = NarrativeForm(request.POST or None, instance=report)
    if request.method == "POST":
        if not can_change:
            raise PermissionDenied(_("You are not allowed to do this."))
        if form.is_valid():
            services.report_get_or_create(alliance=alliance, year=year)
            saved = AnnualReport.objects.for_alliance(alliance).get(year=year)
            services.report_update_narrative(report=saved, values=form.cleaned_data)
            messages.success(request, _("The texts of the report have been saved."))
            return redirect_manage("reports:manage-report-detail", alliance, year=year)
    draft = _draft_figures(request, report) if report.is_draft else None
    data = report.figures if draft is None else draft.data
    context = documents.report_context(report, data)
    context |= {
        "draft": draft,
        "form": form,
        "can_change": can_change,
        "can_submit": report.is_draft and request.user.has_perm("reports.submit_report", alliance),
        "can_list": _is_member(request),
    }
    return render(request, "reports/workspace/report_detail.html", context)


def _draft_figures(request, report: AnnualReport) -> DraftFigures:
    """The draft's figures as last computed (never computed here): missing, a day old or
    for another template, they are recomputed by a background task; until then the page
    shows the older ones, or says that they are being computed."""
    language = get_language()
    row = services.draft_figures_of(report, language=language)
    if services.draft_figures_outdated(row, report) and services.draft_figures_request(
        alliance=request.alliance, year=report.year, language=language
    ):
        tasks.compute_draft_figures.enqueue(request.alliance.pk, report.year, language)
        row = services.draft_figures_of(report, language=language)  # immediate backend: done
    # None only if nothing was requested and nothing is stored (never: outdated requests)
    return row or DraftFigures(alliance=request.alliance, year=report.year, language=language)


@require_POST
@workspace_view
def draft_figures_refresh(request, year: int):
    """Recompute the draft's live figures now (in the background; the page shows when)."""
    check_perm(request, "reports.view_figure_lists")
    report = _report_or_404(request, year)
    if not report.is_draft:
        messages.error(request, _("This report has been submitted; its figures are frozen."))
        return redirect_manage("reports:manage-report-detail", request.alliance, year=year)
    language = get_language()
    if services.draft_figures_request(
        alliance=request.alliance, year=year, language=language, force=True
    ):
        tasks.compute_draft_figures.enqueue(request.alliance.pk, year, language)
    messages.success(request, _("The figures are being computed again."))
    return redirect_manage("reports:manage-report-detail", request.alliance, year=year)


@require_POST
@workspace_view
def report_submit(request, year: int):
    alliance = request.alliance
    check_perm(request, "reports.submit_report")
    report = services.report_get_or_create(alliance=alliance, year=year)
    try:
        services.report_submit(report=report, user=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("The report has been submitted; its figures are frozen."))
    return redirect_manage("reports:manage-report-detail", alliance, year=year)


@workspace_view
def report_pdf(request, year: int):
    """The PDF once it is built (in a background task); until then a page that says so."""
    report = _report_or_404(request, year)
    if report.pk is None:
        report = services.report_get_or_create(alliance=request.alliance, year=year)
    language = get_language()
    data = documents.shown_figures(report, language=language)
    if data is None:  # a draft whose figures have not been computed yet
        _draft_figures(request, report)
        data = documents.shown_figures(report, language=language)
    if data is None:
        return render(request, "reports/workspace/pdf_pending.html", {"report": report}, status=202)
    key = documents.content_key(report, data)
    if not (report.pdf and report.pdf_key == key) and report.pdf_requested_key != key:
        AnnualReport.objects.filter(pk=report.pk).update(pdf_requested_key=key)
        tasks.build_report_pdf.enqueue(report.pk, language)
        report.refresh_from_db()
    if report.pdf and report.pdf_key == key:
        response = private_file_response(
            report.pdf, f"jahresbericht-{request.alliance.slug}-{year}.pdf"
        )
        response["Content-Disposition"] = response["Content-Disposition"].replace(
            "attachment", "inline"
        )
        return response
    return render(request, "reports/workspace/pdf_pending.html", {"report": report}, status=202)


@workspace_view
def report_xlsx(request, year: int):
    report = _report_or_404(request, year)
    if report.pk is None:
        report.template = None
    data = documents.shown_figures(report, language=get_language())
    if data is None:  # a draft whose figures are still being computed
        _draft_figures(request, report)
        data = documents.shown_figures(report, language=get_language())
    if data is None:
        messages.info(request, _("The figures are being computed; try again in a minute."))
        return redirect_manage("reports:manage-report-detail", request.alliance, year=year)
    response = HttpResponse(documents.report_xlsx(report, data), content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="zahlen-{request.alliance.slug}-{year}.xlsx"'
    )
    return response


@workspace_view
def figure_list(request, year: int, key: str):
    """The rows a figure counts, as of the reporting date (members only)."""
    check_perm(request, "reports.view_figure_lists")
    report = _report_or_404(request, year)
    figure = figures.registry.get(key)
    if figure is None or figure.listing is None:
        raise Http404(_("This figure has no list."))
    period = figures.Period.of(request.alliance, year)
    rows = figure.listing(period)
    return render(
        request,
        "reports/workspace/figure_list.html",
        {"report": report, "figure": figure, "rows": rows, "period": period},
    )
