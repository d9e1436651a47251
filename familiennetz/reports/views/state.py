"""The state office (/manage/landesstelle/…): its alliances' aggregates and submitted
reports, report requests, the state's yearly report, new alliances, shared documents.
Never contact persons, registrants, complaints or survey answers (docs/dev/reports.md)."""

from __future__ import annotations

import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models import Count, Max
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from familiennetz.alliances.models import StateOffice
from familiennetz.alliances.scopes import all_alliances, alliance_scope
from familiennetz.core.files import private_file_response
from familiennetz.core.pdf import pdf_response, render_pdf
from familiennetz.workspace.access import check_perm, workspace_view

from .. import documents, figures, selectors, services
from ..forms import AllianceCreateForm, DocumentForm, RequestForm, TemplateForm
from ..models import AllianceSummary, AnnualReport, StateDocument

OVERVIEW_CACHE_SECONDS = 6 * 3600
REPORT_ROWS = 60  # the newest requests and reports; every report of a year: the yearly report
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _offices(user):
    if user.is_superuser:
        return StateOffice.objects.all()
    return StateOffice.objects.filter(members=user)


def _office_or_404(request, pk: int) -> StateOffice:
    office = _offices(request.user).filter(pk=pk).first()
    if office is None or not request.user.has_perm("reports.view_state_office", office):
        raise Http404(_("There is no state office with this number for you."))
    return office


COMPARE_ROW = (
    '<tr><th scope="row">{}</th><td data-label="{}">{} ({}, {})</td>'
    '<td data-label="{}" class="num">{}</td><td data-label="{}" class="num">{}</td>'
    '<td data-label="{}" class="num">{}</td><td data-label="{}" class="num">{}</td>'
    '<td data-label="{}">{}</td><td data-label="{}">{}</td></tr>'
)


def _compare_rows(rows) -> str:
    """The comparison table's body, built once in Python (hundreds of rows; the template
    language would take a second for it)."""
    labels = [
        _("Location"),
        _("Published offers"),
        _("Confirmed in the last year"),
        _("Offers for 0–3 years"),
        _("Meetings held (12 months)"),
        _("Partners by sector"),
        _("Last report"),
    ]
    parts = []
    for row in rows:
        data = row.data
        sectors = ", ".join(f"{name} {n}" for name, n in data.get("partners_by_sector", {}).items())
        partners = f"{data.get('partners', 0)}" + (f": {sectors}" if sectors else "")
        report = f"{row.last_report.year}: " if row.last_report else ""
        parts.append(
            format_html(
                COMPARE_ROW,
                row.alliance.name,
                labels[0],
                row.alliance.region or "–",
                f"{row.alliance.latitude:.2f}".replace(".", ","),
                f"{row.alliance.longitude:.2f}".replace(".", ","),
                labels[1],
                data.get("offers", 0),
                labels[2],
                row.confirmed_percent,
                labels[3],
                data.get("offers_by_age", {}).get("0-3", 0),
                labels[4],
                data.get("meetings", 0),
                labels[5],
                partners,
                labels[6],
                report + row.report_state_label,
            )
        )
    return mark_safe("".join(parts))  # every part is escaped by format_html


def _office_url(office) -> str:
    return reverse("reports:state-office-detail", kwargs={"pk": office.pk})


@login_required
def office_list(request):
    offices = list(_offices(request.user).order_by("name"))
    if not offices:
        raise Http404(_("You are not a member of a state office."))
    if len(offices) == 1 and not request.user.is_superuser:
        # a member goes straight to her office; the instance admin always gets the list
        return redirect(_office_url(offices[0]))
    return render(request, "reports/state/office_list.html", {"offices": offices})


def _overview_parts(office, ids: list[int], today) -> dict:
    """The expensive parts of the overview (hundreds of rows), cached until a summary, a
    report or an alliance changes (or the day or the language does)."""
    version = (
        AllianceSummary.objects.filter(alliance_id__in=ids).aggregate(
            n=Count("pk"), t=Max("computed_at")
        ),
        AnnualReport.objects.filter(alliance_id__in=ids).aggregate(
            n=Count("pk"), t=Max("updated_at")
        ),
        office.alliances.aggregate(n=Count("pk"), t=Max("updated_at")),
    )
    digest = hashlib.sha256(repr((ids, version)).encode()).hexdigest()[:20]
    key = f"reports:overview:{office.pk}:{get_language()}:{today}:{digest}"
    parts = cache.get(key)
    if parts is None:
        rows = selectors.state_overview(office, today=today)
        parts = {
            "count": len(rows),
            "compare_rows": _compare_rows(rows),
            # hundreds of networks: the options are written here, not by the select widget
            "alliance_options": format_html_join(
                "",
                '<option value="{}">{}</option>',
                ((r.alliance.pk, r.alliance.name) for r in rows),
            ),
            "chart": selectors.overview_chart(rows),
            "map_svg": selectors.alliance_map_svg(rows),
        }
        cache.set(key, parts, OVERVIEW_CACHE_SECONDS)
    return parts


@login_required
def office_detail(request, pk: int):
    office = _office_or_404(request, pk)
    ids = sorted(office.alliances.values_list("pk", flat=True))
    today = timezone.localdate()
    with alliance_scope(ids):  # its alliances' aggregates only
        parts = _overview_parts(office, ids, today)
        reports = list(
            AnnualReport.objects.filter(alliance_id__in=ids)
            .exclude(status="draft", due_on__isnull=True)
            .select_related("alliance")
            .order_by("-year", "alliance__name")[:REPORT_ROWS]
        )
    return render(
        request,
        "reports/state/office_detail.html",
        {
            "office": office,
            **parts,
            "reports": [(r, selectors.report_state(r, today=today)) for r in reports],
            "state_labels": selectors.REPORT_STATE_LABELS,
            "request_form": RequestForm(office=office),
            "years": sorted({r.year for r in reports} | {today.year - 1}, reverse=True),
        },
    )


@require_POST
@login_required
def report_request(request, pk: int):
    office = _office_or_404(request, pk)
    form = RequestForm(request.POST, office=office)
    if form.is_valid():
        data = form.cleaned_data
        try:
            with alliance_scope(data["alliance"]):
                services.report_request(
                    office=office,
                    alliance=data["alliance"],
                    year=data["year"],
                    due_on=data["due_on"],
                )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The report has been requested."))
    else:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            messages.error(request, f"{label}: {' '.join(errors)}")
    return redirect(_office_url(office))


@require_POST
@login_required
def report_accept(request, pk: int, report_pk: int):
    office = _office_or_404(request, pk)
    ids = list(office.alliances.values_list("pk", flat=True))
    with alliance_scope(ids):
        report = AnnualReport.objects.filter(pk=report_pk).first()
        if report is None:
            raise Http404(_("There is no such report."))
        try:
            services.report_accept(report=report, user=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("The report has been accepted."))
    return redirect(_office_url(office))


def _state_data(office, year: int):
    ids = list(office.alliances.values_list("pk", flat=True))
    with alliance_scope(ids):
        return selectors.state_report_figures(office, year)


@login_required
def state_report(request, pk: int, year: int):
    office = _office_or_404(request, pk)
    reports, data = _state_data(office, year)
    template = services.default_template()
    sections = selectors.report_sections(template, data, year=year)
    return render(
        request,
        "reports/state/state_report.html",
        {"office": office, "year": year, "reports": reports, "sections": sections},
    )


@login_required
def state_report_pdf(request, pk: int, year: int):
    office = _office_or_404(request, pk)
    reports, data = _state_data(office, year)
    sections = selectors.report_sections(services.default_template(), data, year=year)
    content = render_pdf(
        "reports/pdf/state_report.html",
        {
            "office": office,
            "year": year,
            "reports": reports,
            "sections": sections,
            "generated_on": timezone.localdate(),
        },
    )
    return pdf_response(content, f"landesbericht-{year}.pdf")


@login_required
def state_report_xlsx(request, pk: int, year: int):
    office = _office_or_404(request, pk)
    _reports, data = _state_data(office, year)
    content = documents.figures_xlsx(f"{office.name} – {year}", data)
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="landesbericht-{year}.xlsx"'
    return response


@login_required
def alliance_create(request, pk: int):
    office = _office_or_404(request, pk)
    form = AllianceCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with all_alliances():
                alliance = services.alliance_create_for_office(
                    office=office, values=form.cleaned_data, invited_by=request.user
                )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(
                request,
                _("%(name)s has been created; the coordinator has been invited.")
                % {"name": alliance.name},
            )
            return redirect(_office_url(office))
    return render(request, "reports/state/alliance_form.html", {"office": office, "form": form})


@login_required
def document_list(request, pk: int):
    office = _office_or_404(request, pk)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.document_add(
                office=office,
                values=form.cleaned_data,
                file=form.cleaned_data["upload"],
                user=request.user,
            )
        except ValidationError as error:
            form.add_error("upload", error.messages)
        else:
            messages.success(request, _("The document is now shared with all networks."))
            return redirect(reverse("reports:state-document-list", kwargs={"pk": office.pk}))
    return render(
        request,
        "reports/state/document_list.html",
        {"office": office, "form": form, "documents": office.documents.all()},
    )


@login_required
def document_download(request, pk: int, document_pk: int):
    """For the state office's members, and for members of its alliances."""
    document = StateDocument.objects.filter(pk=document_pk, office_id=pk).first()
    if document is None:
        raise Http404(_("There is no such document."))
    office = document.office
    allowed = request.user.has_perm("reports.view_state_office", office) or any(
        request.user.has_perm("reports.view_reports", alliance)
        for alliance in office.alliances.all()
    )
    if not allowed:
        raise Http404(_("There is no such document."))
    return private_file_response(document.file, document.filename)


@workspace_view
def shared_for_alliance(request):
    """The alliance's side: the state office's documents and the other alliances' public
    figures (their published offers, partners and meetings as counts)."""
    alliance = request.alliance
    check_perm(request, "reports.view_reports")
    offices = list(StateOffice.objects.filter(alliances=alliance).order_by("name"))
    documents_ = list(StateDocument.objects.filter(office__in=offices).select_related("office"))
    siblings = {a for office in offices for a in office.alliances.filter(is_active=True)}
    ids = sorted(a.pk for a in siblings)
    with alliance_scope(ids):
        rows = []
        for office in offices:
            rows.extend(selectors.state_overview(office))
    seen, unique_rows = set(), []
    for row in rows:
        if row.alliance.pk not in seen:
            seen.add(row.alliance.pk)
            unique_rows.append(row)
    return render(
        request,
        "reports/workspace/shared.html",
        {"offices": offices, "documents": documents_, "rows": unique_rows},
    )


@login_required
def template_edit(request, pk: int):
    """The figures this state office asks its networks for (used for its report requests)."""
    office = _office_or_404(request, pk)
    current = office.report_templates.order_by("pk").first() or services.default_template()
    choices = [
        (key, f"{figures.SECTIONS.get(f.section, f.section)}: {f.label}")
        for key, f in figures.registry.items()
    ]
    form = TemplateForm(
        request.POST or None,
        choices=choices,
        initial={
            "name": current.name if current.state_office_id else office.name,
            "figures": current.figure_keys(),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.office_template_save(
                office=office, name=form.cleaned_data["name"], keys=form.cleaned_data["figures"]
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("The template has been saved."))
            return redirect(_office_url(office))
    return render(request, "reports/state/template_form.html", {"office": office, "form": form})
