"""Shared budgets: pots, contributions, lines, the funder export (/manage/<alliance>/budgets/…)."""

from __future__ import annotations

import io

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from familiennetz.core.spreadsheet import xlsx_append
from familiennetz.workspace.access import check_perm, redirect_manage

from .. import selectors, services
from ..forms import BudgetLineForm, ContributionForm, PotForm
from ..models import BudgetLine, BudgetPot
from .common import add_errors, governance_view, not_found


def _pot_or_404(request, pk: int):
    pot = selectors.pots_with_figures(alliance=request.alliance).filter(pk=pk).first()
    if pot is None:
        raise not_found()
    pot.remaining = pot.total - pot.allocated
    pot.share = selectors.pot_share(pot)
    return pot


@governance_view
def pot_list(request):
    check_perm(request, "governance.view_budgets")
    pots = list(
        selectors.pots_with_figures(alliance=request.alliance).order_by("-starts_on", "name")
    )
    for pot in pots:
        pot.remaining = pot.total - pot.allocated
        pot.share = selectors.pot_share(pot)
    return render(request, "governance/workspace/pot_list.html", {"pots": pots})


def _pot_form(request, pot=None):
    alliance = request.alliance
    check_perm(request, "governance.manage_governance")
    form = PotForm(request.POST or None, instance=pot, alliance=alliance)
    if request.method == "POST" and form.is_valid():
        try:
            pot = services.pot_save(
                alliance=alliance,
                values=form.cleaned_data,
                pot=BudgetPot.objects.get(pk=pot.pk) if pot else None,
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The budget pot was saved."))
            return redirect_manage("governance:manage-pot-detail", alliance, pk=pot.pk)
    return render(
        request,
        "governance/workspace/form.html",
        {"form": form, "title": _("Edit budget pot") if pot else _("New budget pot"), "back": pot},
    )


@governance_view
def pot_create(request):
    return _pot_form(request)


@governance_view
def pot_update(request, pk: int):
    check_perm(request, "governance.view_budgets")
    return _pot_form(request, _pot_or_404(request, pk))


@governance_view
def pot_detail(request, pk: int):
    alliance = request.alliance
    check_perm(request, "governance.view_budgets")
    pot = _pot_or_404(request, pk)
    can_manage = request.user.has_perm("governance.manage_governance", alliance)
    contribution_form = line_form = None
    if can_manage:
        if request.method == "POST" and request.POST.get("kind") == "contribution":
            contribution_form = ContributionForm(request.POST, alliance=alliance, prefix="c")
            if contribution_form.is_valid():
                try:
                    services.contribution_add(pot=pot, **contribution_form.cleaned_data)
                except ValidationError as exc:
                    add_errors(contribution_form, exc)
                else:
                    messages.success(request, _("The contribution was added."))
                    return redirect_manage("governance:manage-pot-detail", alliance, pk=pot.pk)
        elif request.method == "POST" and request.POST.get("kind") == "line":
            line_form = BudgetLineForm(request.POST, alliance=alliance, prefix="line")
            if line_form.is_valid():
                values = {name: line_form.cleaned_data[name] for name in BudgetLineForm.Meta.fields}
                values["pot"] = pot
                try:
                    services.budget_line_save(alliance=alliance, values=values)
                except ValidationError as exc:
                    add_errors(line_form, exc)
                else:
                    messages.success(request, _("The budget line was saved."))
                    return redirect_manage("governance:manage-pot-detail", alliance, pk=pot.pk)
        contribution_form = contribution_form or ContributionForm(alliance=alliance, prefix="c")
        line_form = line_form or BudgetLineForm(
            alliance=alliance, prefix="line", initial={"kind": BudgetLine.Kind.COST}
        )
        del line_form.fields["pot"]
        line_form.fields["kind"].choices = [(BudgetLine.Kind.COST, BudgetLine.Kind.COST.label)]
    elif request.method == "POST":
        check_perm(request, "governance.manage_governance")
    return render(
        request,
        "governance/workspace/pot_detail.html",
        {
            "pot": pot,
            "contributions": pot.contributions.select_related("partner__organisation"),
            "lines": pot.lines.select_related("project").order_by("project__title", "pk"),
            "contribution_form": contribution_form,
            "line_form": line_form,
            "can_manage": can_manage,
        },
    )


@governance_view
def pot_export(request, pk: int):
    """The funder's overview as a spreadsheet: contributions, lines (planned/actual), totals."""
    check_perm(request, "governance.view_budgets")
    pot = _pot_or_404(request, pk)
    book = Workbook()
    sheet = book.active
    sheet.title = _("Overview")[:31]
    bold = Font(bold=True)
    rows = [
        [pot.name],
        [_("Funder"), pot.funder],
        [_("Funding reference"), pot.funding_reference],
        [_("Period"), f"{pot.starts_on:%d.%m.%Y} – {pot.ends_on:%d.%m.%Y}"],
        [],
        [_("Contributions"), _("Received on"), _("Amount (€)")],
    ]
    for contribution in pot.contributions.select_related("partner__organisation"):
        rows.append(
            [contribution.source_label, contribution.received_on, float(contribution.amount)]
        )
    rows += [
        [_("Total"), "", float(pot.total)],
        [],
        [_("Project"), _("Line"), _("Planned (€)"), _("Actual (€)")],
    ]
    for line in pot.lines.select_related("project").order_by("project__title", "pk"):
        rows.append(
            [
                line.project.title if line.project else "",
                line.label,
                float(line.planned),
                float(line.actual) if line.actual is not None else None,
            ]
        )
    rows += [
        [_("Allocated"), "", float(pot.allocated), float(pot.spent)],
        [_("Remaining"), "", float(pot.remaining), float(pot.total - pot.spent)],
    ]
    for row in rows:
        xlsx_append(sheet, row)  # names typed by members: never a live formula
    for cell in ("A1", "A6", f"A{len(rows) - 1}"):
        sheet[cell].font = bold
    for column, width in zip("ABCD", (40, 40, 16, 16), strict=True):
        sheet.column_dimensions[column].width = width
    out = io.BytesIO()
    book.save(out)
    response = HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="budget-{pot.pk}.xlsx"'
    return response
