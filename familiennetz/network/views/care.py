"""The network's care work in the workspace (/manage/<alliance>/netzwerk/…): anonymous case
consultations, the contact matrix (with its print and PDF form), the stakeholder grid and a
provider's "Unser Netzwerk" page. Thin views: forms validate, ``care_services`` write,
``care_selectors`` read."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from familiennetz.core.charts import Series, bar_chart
from familiennetz.core.pdf import pdf_response, render_pdf
from familiennetz.core.privacy import display
from familiennetz.workspace.access import check_perm, redirect_manage, workspace_view

from .. import care_selectors as selectors
from .. import care_services as services
from ..care_forms import ConsultationForm, MatrixRowForm, MatrixSectorForm, StakeholderForm
from ..grid import stakeholder_svg
from ..models import CaseConsultation

PAGE_SIZE = 50


def _not_found():
    return Http404(_("This entry does not exist or is not yours to see."))


def _add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def _year(request, years: list[int]) -> int:
    try:
        year = int(request.GET.get("jahr", ""))
    except ValueError:
        year = 0
    if year in years:
        return year
    return years[0] if years else timezone.localdate().year


# --- case consultations ----------------------------------------------------------------------


def _own_partners(request) -> set[int] | None:
    """``None`` for the coordination (records for anybody); a provider's partner ids."""
    alliance, user = request.alliance, request.user
    if selectors.sees_all_consultations(alliance=alliance, user=user):
        return None
    return selectors.own_partner_ids(alliance=alliance, user=user)


@workspace_view
def consultation_list(request):
    check_perm(request, "network.view_consultation_counts")
    alliance = request.alliance
    if not request.user.has_perm("network.view_consultations", alliance):
        return redirect_manage("network:manage-consultation-counts", alliance)  # counts only
    rows = selectors.consultation_list_visible(alliance=alliance, user=request.user)
    years = selectors.consultation_years(alliance=alliance)
    year = _year(request, years) if "jahr" in request.GET else None
    if year:
        rows = rows.filter(consulted_on__year=year)
    own = _own_partners(request)
    consultations = list(rows[:PAGE_SIZE])
    for consultation in consultations:
        consultation.can_change = request.user.has_perm("network.change_consultation", consultation)
    return render(
        request,
        "network/care/consultation_list.html",
        {
            "consultations": consultations,
            "total": rows.count(),
            "page_size": PAGE_SIZE,
            "years": years,
            "year": year,
            "sees_all": own is None,
            "no_partner": own is not None and not own,
        },
    )


def _consultation_form(request, consultation: CaseConsultation | None = None):
    alliance = request.alliance
    own = _own_partners(request)
    if own is not None and not own:
        messages.error(
            request,
            _(
                "Your organisation is not recorded as a partner of the network yet. "
                "Please ask the coordination."
            ),
        )
        return redirect_manage("network:manage-consultation-list", alliance)
    form = ConsultationForm(
        request.POST or None, instance=consultation, alliance=alliance, own_partners=own
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.consultation_save(
                alliance=alliance,
                values=form.cleaned_data,
                user=request.user,
                consultation=consultation,
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The case consultation was recorded."))
            return redirect_manage("network:manage-consultation-list", alliance)
    return render(
        request,
        "network/care/consultation_form.html",
        {"form": form, "consultation": consultation},
    )


@workspace_view
def consultation_create(request):
    check_perm(request, "network.add_consultation")
    return _consultation_form(request)


@workspace_view
def consultation_update(request, pk: int):
    check_perm(request, "network.view_consultations")
    consultation = (
        selectors.consultation_list_visible(alliance=request.alliance, user=request.user)
        .filter(pk=pk)
        .first()
    )
    if consultation is None:
        raise _not_found()
    check_perm(request, "network.change_consultation", consultation)
    if request.method == "POST" and request.POST.get("delete"):
        services.consultation_delete(consultation=consultation)
        messages.success(request, _("The case consultation was removed."))
        return redirect_manage("network:manage-consultation-list", request.alliance)
    return _consultation_form(request, consultation)


@workspace_view
def consultation_counts(request):
    """Counts per year, topic, outcome and partner; counts below 5 are shown as <5."""
    check_perm(request, "network.view_consultation_counts")
    alliance, user = request.alliance, request.user
    partner_ids = None  # the whole alliance (coordination, viewers, the state office)
    if user.has_perm("network.view_own_network", alliance):  # a provider editor: her own
        partner_ids = selectors.own_partner_ids(alliance=alliance, user=user)
    years = selectors.consultation_years(alliance=alliance)
    year = _year(request, years)
    counts = selectors.consultation_counts(alliance, year, partner_ids=partner_ids)
    per_year = selectors.consultation_counts_per_year(alliance=alliance, partner_ids=partner_ids)
    months = [date_format(dt.date(year, m, 1), "M") for m in counts.by_month]
    chart = bar_chart(
        title=_("Case consultations per month in %(year)s") % {"year": year},
        categories=months,
        series=[Series(str(year), list(counts.by_month.values()))],
    )
    return render(
        request,
        "network/care/consultation_counts.html",
        {
            "counts": counts,
            "per_year": [(y, display(n)) for y, n in per_year.items()],
            "topics": [(label, display(n)) for label, n in counts.by_topic.items()],
            "outcomes": [(label, display(n)) for label, n in counts.by_outcome.items()],
            "partners": [
                (name, display(c["requested"]), display(c["counselled"]))
                for name, c in counts.by_partner.items()
            ],
            "total": display(counts.total),
            "follow_up": display(counts.follow_up),
            "years": years,
            "year": year,
            "chart": chart,
            "own_only": partner_ids is not None,
        },
    )


# --- contact matrix --------------------------------------------------------------------------


def _matrix_context(request):
    alliance = request.alliance
    form = MatrixSectorForm(request.GET or None, alliance=alliance)
    sector = form.cleaned_data["sector"] if form.is_bound and form.is_valid() else None
    if sector is None:
        sector = selectors.matrix_default_sector(alliance=alliance)
        form = MatrixSectorForm(initial={"sector": sector}, alliance=alliance)
    matrix = selectors.contact_matrix(alliance=alliance, sector=sector)
    return {"form": form, "matrix": matrix, "sector": sector}


@workspace_view
def matrix_show(request):
    check_perm(request, "network.view_contact_matrix")
    context = _matrix_context(request)
    context["can_edit"] = request.user.has_perm("network.change_contact_matrix", request.alliance)
    return render(request, "network/care/matrix.html", context)


@workspace_view
def matrix_pdf(request):
    check_perm(request, "network.view_contact_matrix")
    context = _matrix_context(request)
    context["alliance"] = request.alliance
    context["printed_on"] = timezone.localdate()
    content = render_pdf("network/care/matrix_pdf.html", context, request=request)
    return pdf_response(content, "kontaktmatrix.pdf")


@workspace_view
def matrix_edit(request, pk: int):
    """One partner's row of the matrix: its named contact per column sector."""
    check_perm(request, "network.change_contact_matrix")
    alliance = request.alliance
    partner = selectors.partner_list(alliance=alliance).filter(pk=pk).first()
    if partner is None:
        raise _not_found()
    columns = selectors.matrix_columns(alliance=alliance, row_sector=partner.sector)
    current = selectors.matrix_row_entries(partner=partner, columns=columns)
    form = MatrixRowForm(
        request.POST or None, alliance=alliance, partner=partner, columns=columns, current=current
    )
    if request.method == "POST" and form.is_valid():
        try:
            for column, contact in form.chosen():
                services.matrix_contact_set(
                    alliance=alliance, partner=partner, column=column, contact=contact
                )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The contacts of %(name)s were saved.") % {"name": partner})
            url = redirect_manage("network:manage-matrix-show", alliance)
            if partner.sector_id:
                url["Location"] += f"?sector={partner.sector_id}"
            return url
    return render(
        request,
        "network/care/matrix_edit.html",
        {"form": form, "partner": partner, "columns": columns},
    )


# --- stakeholder grid ------------------------------------------------------------------------


@workspace_view
def stakeholder_grid(request):
    check_perm(request, "network.view_stakeholders")
    alliance = request.alliance
    ratings = list(selectors.stakeholder_ratings(alliance=alliance))
    can_edit = request.user.has_perm("network.change_stakeholders", alliance)
    return render(
        request,
        "network/care/stakeholder_grid.html",
        {
            "ratings": sorted(ratings, key=lambda r: (-r.relevance, -r.influence, str(r.partner))),
            "svg": stakeholder_svg(ratings, alliance=alliance, editable=can_edit),
            "unrated": selectors.stakeholder_unrated(alliance=alliance),
            "suggestions": selectors.stakeholder_suggestions(
                alliance=alliance, degrees=selectors.tie_degrees(alliance=alliance)
            ),
            "can_edit": can_edit,
        },
    )


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@workspace_view
def stakeholder_rate(request, pk: int):
    """The form for one partner's place on the grid; the grid's drag-and-drop posts here too
    (``Accept: application/json``: answers JSON instead of redirecting)."""
    check_perm(request, "network.change_stakeholders")
    alliance = request.alliance
    partner = selectors.partner_list(alliance=alliance).filter(pk=pk).first()
    if partner is None:
        raise _not_found()
    rating = getattr(partner, "stakeholder_rating", None)
    initial = {}
    if rating is not None:
        initial = {
            "relevance": rating.relevance,
            "influence": rating.influence,
            "interest": rating.interest,
        }
    form = StakeholderForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.stakeholder_rate(alliance=alliance, partner=partner, **form.cleaned_data)
            except ValidationError as exc:
                _add_errors(form, exc)
        if not form.errors:
            if _wants_json(request):
                return JsonResponse({"ok": True, "partner": partner.pk, **form.cleaned_data})
            messages.success(request, _("%(name)s was placed on the grid.") % {"name": partner})
            return redirect_manage("network:manage-stakeholder-grid", alliance)
        if _wants_json(request):
            return JsonResponse({"ok": False, "errors": form.errors.get_json_data()}, status=400)
    return render(
        request,
        "network/care/stakeholder_form.html",
        {"form": form, "partner": partner},
    )


# --- a provider's own network ----------------------------------------------------------------


@workspace_view
def own_network(request):
    check_perm(request, "network.view_own_network")
    alliance = request.alliance
    own = sorted(selectors.own_partner_ids(alliance=alliance, user=request.user))
    partners = list(selectors.partner_list(alliance=alliance).filter(pk__in=own))
    chosen = partners[0] if partners else None
    wanted = request.GET.get("partner", "")
    for partner in partners:
        if str(partner.pk) == wanted:
            chosen = partner
    network = selectors.own_network(alliance=alliance, partner=chosen) if chosen else None
    return render(
        request,
        "network/care/own_network.html",
        {
            "partners": partners,
            "network": network,
            "per_year": [(y, display(n)) for y, n in network.consultations_per_year.items()]
            if network
            else [],
        },
    )


__all__ = [
    "consultation_counts",
    "consultation_create",
    "consultation_list",
    "consultation_update",
    "matrix_edit",
    "matrix_pdf",
    "matrix_show",
    "own_network",
    "stakeholder_grid",
    "stakeholder_rate",
]
