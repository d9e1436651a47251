"""Declared cooperation ties (/manage/<alliance>/netzwerk/kooperationen/…)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from familiennetz.core.files import private_file_response
from familiennetz.workspace.access import check_perm, manage_url, redirect_manage

from .. import selectors, services
from ..forms import TieForm
from ..models import Partner, Tie
from .common import add_errors, network_view, not_found, row_or_404


@network_view
def tie_list(request):
    alliance = request.alliance
    declared = selectors.ties(alliance).order_by(
        "-intensity", "partner_a__organisation__name", "partner_b__organisation__name"
    )
    data = selectors.network_data(alliance)
    names = {n["id"]: n["label"] for n in data.nodes}
    derived = [
        {**e, "a": names[e["source"]], "b": names[e["target"]]}
        for e in data.edges
        if e["kind"] == "derived"
    ]
    return render(
        request,
        "network/workspace/tie_list.html",
        {
            "ties": declared,
            "derived": derived,
            "renewals": list(selectors.renewals_due(alliance)),
            "today": timezone.localdate(),
        },
    )


def _tie_form(request, tie=None):
    alliance = request.alliance
    check_perm(request, "network.manage_network")
    initial = {}
    if tie is None and request.GET.get("partner"):
        initial["partner_a"] = (
            Partner.objects.filter(alliance=alliance, pk=request.GET["partner"]).first()
            if request.GET["partner"].isdigit()
            else None
        )
    form = TieForm(
        request.POST or None,
        request.FILES or None,
        instance=tie,
        alliance=alliance,
        initial=initial,
    )
    if request.method == "POST":
        if tie is not None and "delete" in request.POST:
            services.tie_delete(tie=tie)
            messages.success(request, _("The tie was removed."))
            return redirect_manage("network:manage-tie-list", alliance)
        if form.is_valid():
            values = {k: v for k, v in form.cleaned_data.items() if k != "agreement_file"}
            try:
                services.tie_save(
                    alliance=alliance,
                    values=values,
                    tie=Tie.objects.get(pk=tie.pk) if tie else None,
                    agreement_file=form.cleaned_data.get("agreement_file"),
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("The tie was saved."))
                return redirect_manage("network:manage-tie-list", alliance)
    return render(
        request,
        "network/workspace/form.html",
        {
            "form": form,
            "title": _("Edit tie") if tie else _("New tie"),
            "back_url": manage_url("network:manage-tie-list", alliance),
            "multipart": True,
            "can_delete": tie is not None,
            "tie": tie,
        },
    )


@network_view
def tie_create(request):
    return _tie_form(request)


@network_view
def tie_update(request, pk: int):
    return _tie_form(request, row_or_404(request, Tie, pk))


@network_view
def tie_agreement(request, pk: int):
    tie = row_or_404(request, Tie, pk)
    if not tie.agreement:
        raise not_found()
    return private_file_response(tie.agreement, tie.agreement_name or "vereinbarung")
