"""The network's pages in the workspace: Erste-Hilfe-Box, Stadtteil-Rallye, QR codes."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from familiennetz.workspace.access import check_perm, redirect_manage, workspace_view

from .. import qr, selectors, services
from ..forms import (
    HelpContactForm,
    NewsForm,
    QrForm,
    RallyForm,
    StationForm,
    TransitionStepForm,
)
from ..models import HelpContact, NewsItem, Rally, RallyStation, TransitionStep

MANAGE = "outreach.manage_outreach"


def _add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def _row(model, request, pk: int):
    row = model.objects.for_alliance(request.alliance).filter(pk=pk).first()
    if row is None:
        raise Http404(_("This entry does not exist or is not yours to see."))
    return row


# --- Erste-Hilfe-Box ---------------------------------------------------------------------------


def _help_history(alliance, limit: int = 15):
    return list(
        HelpContact.history.filter(alliance_id=alliance.pk)
        .select_related("history_user")
        .order_by("-history_date")[:limit]
    )


@workspace_view
def help_list(request):
    """The box's lines by group, a form for a new line, the latest changes."""
    alliance = request.alliance
    check_perm(request, MANAGE)
    form = HelpContactForm(request.POST or None, prefix="neu")
    if request.method == "POST" and form.is_valid():
        try:
            services.help_contact_save(alliance=alliance, values=form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The contact was added to the Erste-Hilfe-Box."))
            return redirect_manage("outreach:manage-help", alliance)
    return render(
        request,
        "outreach/workspace/help_list.html",
        {
            "groups": selectors.help_groups(alliance=alliance),
            "form": form,
            "history": _help_history(alliance),
        },
    )


@workspace_view
def help_update(request, pk: int):
    alliance = request.alliance
    check_perm(request, MANAGE)
    contact = _row(HelpContact, request, pk)
    form = HelpContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        try:
            services.help_contact_save(
                alliance=alliance,
                values=form.cleaned_data,
                contact=HelpContact.objects.get(pk=contact.pk),
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The contact was saved."))
            return redirect_manage("outreach:manage-help", alliance)
    return render(
        request,
        "outreach/workspace/form.html",
        {
            "form": form,
            "title": _("Edit contact"),
            "back_url": reverse("outreach:manage-help", kwargs={"alliance_slug": alliance.slug}),
            "delete_url": reverse(
                "outreach:manage-help-delete",
                kwargs={"alliance_slug": alliance.slug, "pk": contact.pk},
            ),
        },
    )


@workspace_view
def help_delete(request, pk: int):
    check_perm(request, MANAGE)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.help_contact_delete(contact=_row(HelpContact, request, pk))
    messages.success(request, _("The contact was removed from the Erste-Hilfe-Box."))
    return redirect_manage("outreach:manage-help", request.alliance)


# --- Stadtteil-Rallye --------------------------------------------------------------------------


@workspace_view
def rally_list(request):
    check_perm(request, MANAGE)
    return render(
        request,
        "outreach/workspace/rally_list.html",
        {"rallies": selectors.rally_list(alliance=request.alliance)},
    )


def _rally_form(request, rally: Rally | None):
    alliance = request.alliance
    form = RallyForm(request.POST or None, instance=rally)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.rally_save(
                alliance=alliance,
                values=form.cleaned_data,
                rally=Rally.objects.get(pk=rally.pk) if rally else None,
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The rally was saved."))
            return None, saved
    return form, rally


@workspace_view
def rally_create(request):
    check_perm(request, MANAGE)
    form, saved = _rally_form(request, None)
    if form is None:
        return redirect_manage("outreach:manage-rally-detail", request.alliance, pk=saved.pk)
    return render(
        request,
        "outreach/workspace/form.html",
        {
            "form": form,
            "title": _("New rally"),
            "back_url": reverse(
                "outreach:manage-rally-list", kwargs={"alliance_slug": request.alliance.slug}
            ),
        },
    )


@workspace_view
def rally_detail(request, pk: int):
    """The rally's settings, its stations in order, links to its pages and print sheet."""
    check_perm(request, MANAGE)
    rally = _row(Rally, request, pk)
    form, saved = _rally_form(request, rally)
    if form is None:
        return redirect_manage("outreach:manage-rally-detail", request.alliance, pk=saved.pk)
    stations = list(rally.stations.select_related("location").order_by("number"))
    return render(
        request,
        "outreach/workspace/rally_detail.html",
        {"rally": rally, "form": form, "stations": stations},
    )


def _station_form(request, rally: Rally, station: RallyStation | None):
    alliance = request.alliance
    initial = {}
    if station is None:
        initial["number"] = (
            rally.stations.order_by("-number").values_list("number", flat=True).first() or 0
        ) + 1
    form = StationForm(
        request.POST or None,
        request.FILES or None,
        instance=station,
        alliance=alliance,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.station_save(
                rally=rally,
                values=form.cleaned_data,
                picture=form.cleaned_data.get("picture"),
                station=RallyStation.objects.get(pk=station.pk) if station else None,
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The station was saved."))
            return redirect_manage("outreach:manage-rally-detail", alliance, pk=rally.pk)
    context = {
        "form": form,
        "multipart": True,
        "title": _("Edit station") if station else _("New station"),
        "back_url": reverse(
            "outreach:manage-rally-detail", kwargs={"alliance_slug": alliance.slug, "pk": rally.pk}
        ),
    }
    if station is not None:
        context["delete_url"] = reverse(
            "outreach:manage-station-delete",
            kwargs={"alliance_slug": alliance.slug, "pk": rally.pk, "station": station.pk},
        )
    return render(request, "outreach/workspace/form.html", context)


@workspace_view
def station_create(request, pk: int):
    check_perm(request, MANAGE)
    return _station_form(request, _row(Rally, request, pk), None)


def _station(request, pk: int, station: int) -> tuple[Rally, RallyStation]:
    rally = _row(Rally, request, pk)
    row = rally.stations.filter(pk=station).first()
    if row is None:
        raise Http404(_("This entry does not exist or is not yours to see."))
    return rally, row


@workspace_view
def station_update(request, pk: int, station: int):
    check_perm(request, MANAGE)
    rally, row = _station(request, pk, station)
    return _station_form(request, rally, row)


@workspace_view
def station_delete(request, pk: int, station: int):
    check_perm(request, MANAGE)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    rally, row = _station(request, pk, station)
    services.station_delete(station=row)
    messages.success(request, _("The station was removed."))
    return redirect_manage("outreach:manage-rally-detail", request.alliance, pk=rally.pk)


# --- QR codes and print ------------------------------------------------------------------------


@workspace_view
def qr_codes(request):
    """Make a QR code of any page of the network (e.g. the calendar with filters), and the
    links to the print products."""
    alliance = request.alliance
    form = QrForm(request.GET or None)
    target = svg = None
    if form.is_bound and form.is_valid():
        try:
            target = qr.site_url(form.cleaned_data["ziel"], request=request, alliance=alliance)
        except qr.QrTargetError as exc:
            form.add_error("ziel", str(exc))
        else:
            svg = qr.svg_inline(target, scale=6, title=_("QR code"))
    return render(
        request,
        "outreach/workspace/qr.html",
        {
            "form": form,
            "target": target,
            "target_path": form.cleaned_data.get("ziel") if target else "",
            "svg": svg,
            "rallies": selectors.rally_published_list(alliance=alliance),
        },
    )


# --- news --------------------------------------------------------------------------------------


@workspace_view
def news_list(request):
    check_perm(request, MANAGE)
    return render(
        request,
        "outreach/workspace/news_list.html",
        {"items": selectors.news_list(alliance=request.alliance)},
    )


def _news_form(request, item: NewsItem | None):
    alliance = request.alliance
    form = NewsForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        try:
            services.news_save(
                alliance=alliance,
                values=form.cleaned_data,
                item=NewsItem.objects.get(pk=item.pk) if item else None,
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The news item was saved."))
            return redirect_manage("outreach:manage-news", alliance)
    context = {
        "form": form,
        "title": _("Edit news item") if item else _("New news item"),
        "back_url": reverse("outreach:manage-news", kwargs={"alliance_slug": alliance.slug}),
    }
    if item is not None:
        context["delete_url"] = reverse(
            "outreach:manage-news-delete", kwargs={"alliance_slug": alliance.slug, "pk": item.pk}
        )
        context["history"] = list(
            item.history.select_related("history_user").order_by("-history_date")[:10]
        )
    return render(request, "outreach/workspace/form.html", context)


@workspace_view
def news_create(request):
    check_perm(request, MANAGE)
    return _news_form(request, None)


@workspace_view
def news_update(request, pk: int):
    check_perm(request, MANAGE)
    return _news_form(request, _row(NewsItem, request, pk))


@workspace_view
def news_delete(request, pk: int):
    check_perm(request, MANAGE)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.news_delete(item=_row(NewsItem, request, pk))
    messages.success(request, _("The news item was removed."))
    return redirect_manage("outreach:manage-news", request.alliance)


# --- Kita → school -----------------------------------------------------------------------------


def _transition_history(alliance, limit: int = 15):
    return list(
        TransitionStep.history.filter(alliance_id=alliance.pk)
        .select_related("history_user")
        .order_by("-history_date")[:limit]
    )


@workspace_view
def transition_list(request):
    """The Kita → school steps by phase, a form for a new step, the latest changes."""
    alliance = request.alliance
    check_perm(request, MANAGE)
    form = TransitionStepForm(request.POST or None, prefix="neu", alliance=alliance)
    if request.method == "POST" and form.is_valid():
        try:
            services.transition_step_save(alliance=alliance, values=form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The step was added to the Kita → school page."))
            return redirect_manage("outreach:manage-transition", alliance)
    return render(
        request,
        "outreach/workspace/transition_list.html",
        {
            "phases": selectors.transition_phases(alliance=alliance),
            "form": form,
            "history": _transition_history(alliance),
        },
    )


@workspace_view
def transition_update(request, pk: int):
    alliance = request.alliance
    check_perm(request, MANAGE)
    step = _row(TransitionStep, request, pk)
    form = TransitionStepForm(request.POST or None, instance=step, alliance=alliance)
    if request.method == "POST" and form.is_valid():
        try:
            services.transition_step_save(
                alliance=alliance,
                values=form.cleaned_data,
                step=TransitionStep.objects.get(pk=step.pk),
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The step was saved."))
            return redirect_manage("outreach:manage-transition", alliance)
    return render(
        request,
        "outreach/workspace/form.html",
        {
            "form": form,
            "title": _("Edit step"),
            "back_url": reverse(
                "outreach:manage-transition", kwargs={"alliance_slug": alliance.slug}
            ),
            "delete_url": reverse(
                "outreach:manage-transition-delete",
                kwargs={"alliance_slug": alliance.slug, "pk": step.pk},
            ),
        },
    )


@workspace_view
def transition_delete(request, pk: int):
    check_perm(request, MANAGE)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.transition_step_delete(step=_row(TransitionStep, request, pk))
    messages.success(request, _("The step was removed from the Kita → school page."))
    return redirect_manage("outreach:manage-transition", request.alliance)
