"""Partners, their contact persons and contributions, and the sector list
(/manage/<alliance>/netzwerk/partner/…, …/netzwerk/sektoren/)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import render
from django.utils.translation import gettext as _

from familiennetz.workspace.access import check_perm, manage_url, redirect_manage

from .. import selectors, services
from ..forms import ContactForm, ContributionForm, PartnerFilterForm, PartnerForm, SectorForm
from ..models import ContactPerson, Contribution, Sector
from .common import add_errors, network_view, partner_or_404, row_or_404


def _url(request, name: str, **kwargs) -> str:
    return manage_url(name, request.alliance, **kwargs)


@network_view
def partner_list(request):
    alliance = request.alliance
    form = PartnerFilterForm(request.GET or None, alliance=alliance)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = selectors.partners(
        alliance,
        sector=filters.get("sektor"),
        role=filters.get("rolle") or None,
        q=(filters.get("q") or "").strip(),
    )
    return render(
        request,
        "network/workspace/partner_list.html",
        {"partners": rows, "filter_form": form},
    )


@network_view
def partner_detail(request, pk: int):
    partner = partner_or_404(request, pk)
    return render(
        request,
        "network/workspace/partner_detail.html",
        {
            "partner": partner,
            "contacts": partner.contact_persons.order_by("-is_active", "name"),
            "contributions": partner.contributions.order_by("-year", "kind"),
            "ties": selectors.ties_of(partner),
            "can_change": request.user.has_perm("network.change_partner", partner),
        },
    )


def _form_page(request, form, title, back_url, **extra):
    return render(
        request,
        "network/workspace/form.html",
        {"form": form, "title": title, "back_url": back_url, **extra},
    )


def _partner_form(request, partner=None):
    alliance = request.alliance
    if partner is None:
        check_perm(request, "network.manage_network")
    else:
        check_perm(request, "network.change_partner", partner)
    restricted = partner is not None and not request.user.has_perm(
        "network.manage_network", alliance
    )
    services.ensure_default_sectors(alliance)
    form = PartnerForm(
        request.POST or None, instance=partner, alliance=alliance, restricted=restricted
    )
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in form.fields}
        try:
            partner = services.partner_save(
                alliance=alliance, values=values, partner=partner if partner else None
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The partner was saved."))
            return redirect_manage("network:manage-partner-detail", alliance, pk=partner.pk)
    back = (
        _url(request, "network:manage-partner-detail", pk=partner.pk)
        if partner
        else _url(request, "network:manage-partner-list")
    )
    title = _("Edit partner %(name)s") % {"name": partner} if partner else _("New partner")
    return _form_page(request, form, title, back)


@network_view
def partner_create(request):
    return _partner_form(request)


@network_view
def partner_update(request, pk: int):
    partner = partner_or_404(request, pk)
    check_perm(request, "network.change_partner", partner)
    return _partner_form(request, partner)


def _child_form(request, partner, form_class, service, model, row=None, *, kind: str):
    check_perm(request, "network.change_partner", partner)
    back = _url(request, "network:manage-partner-detail", pk=partner.pk)
    form = form_class(request.POST or None, instance=row)
    if request.method == "POST":
        if row is not None and "delete" in request.POST:
            row.delete()
            messages.success(request, _("Removed."))
            return redirect_manage("network:manage-partner-detail", request.alliance, pk=partner.pk)
        if form.is_valid():
            values = {name: form.cleaned_data[name] for name in form.fields}
            try:
                service(partner=partner, values=values, **{kind: row})
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("Saved."))
                return redirect_manage(
                    "network:manage-partner-detail", request.alliance, pk=partner.pk
                )
    titles = {
        "contact": (_("New contact person"), _("Edit contact person")),
        "contribution": (_("New contribution"), _("Edit contribution")),
    }
    title = titles[kind][row is not None]
    return _form_page(
        request,
        form,
        f"{title}: {partner}",
        back,
        can_delete=row is not None,
    )


@network_view
def contact_create(request, pk: int):
    partner = partner_or_404(request, pk)
    return _child_form(
        request, partner, ContactForm, services.contact_save, ContactPerson, kind="contact"
    )


@network_view
def contact_update(request, pk: int, contact: int):
    partner = partner_or_404(request, pk)
    row = row_or_404(request, ContactPerson, contact, partner=partner)
    return _child_form(
        request, partner, ContactForm, services.contact_save, ContactPerson, row, kind="contact"
    )


@network_view
def contribution_create(request, pk: int):
    partner = partner_or_404(request, pk)
    return _child_form(
        request,
        partner,
        ContributionForm,
        services.contribution_save,
        Contribution,
        kind="contribution",
    )


@network_view
def contribution_update(request, pk: int, item: int):
    partner = partner_or_404(request, pk)
    row = row_or_404(request, Contribution, item, partner=partner)
    return _child_form(
        request,
        partner,
        ContributionForm,
        services.contribution_save,
        Contribution,
        row,
        kind="contribution",
    )


@network_view
def sector_list(request):
    alliance = request.alliance
    services.ensure_default_sectors(alliance)
    can_manage = request.user.has_perm("network.manage_network", alliance)
    form = SectorForm(request.POST or None)
    if request.method == "POST":
        check_perm(request, "network.manage_network")
        if form.is_valid():
            try:
                services.sector_save(alliance=alliance, **form.cleaned_data)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("The sector was added."))
                return redirect_manage("network:manage-sector-list", alliance)
    rows = selectors.sectors(alliance).order_by("position", "name")
    rows = rows.annotate(n_partners=Count("partners"))
    return render(
        request,
        "network/workspace/sector_list.html",
        {"sectors": rows, "form": form, "can_manage": can_manage},
    )


@network_view
def sector_update(request, pk: int):
    alliance = request.alliance
    check_perm(request, "network.manage_network")
    sector = row_or_404(request, Sector, pk)
    form = SectorForm(request.POST or None, instance=sector)
    if request.method == "POST":
        if "delete" in request.POST:
            try:
                services.sector_delete(sector=sector)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("The sector was removed."))
                return redirect_manage("network:manage-sector-list", alliance)
        elif form.is_valid():
            try:
                services.sector_save(
                    alliance=alliance,
                    name=form.cleaned_data["name"],
                    position=form.cleaned_data["position"],
                    sector=sector,
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("The sector was saved."))
                return redirect_manage("network:manage-sector-list", alliance)
    return _form_page(
        request,
        form,
        _("Edit sector"),
        _url(request, "network:manage-sector-list"),
        can_delete=True,
    )
