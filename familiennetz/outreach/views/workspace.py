"""The network's pages in the workspace: Erste-Hilfe-Box, Stadtteil-Rallye, QR codes, news,
Kita → school (the box and the Kita → school steps share their pages: ``views/lines.py``)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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
from . import lines
from .lines import MANAGE

HELP = lines.LinePages(
    model=HelpContact,
    form=HelpContactForm,
    save=services.help_contact_save,
    delete=services.help_contact_delete,
    instance_name="contact",
    url_name="outreach:manage-help",
    template="outreach/workspace/help_list.html",
    groups=selectors.help_groups,
    groups_name="groups",
    history_label="name",
    history_detail="phone",
    added=gettext_lazy("The contact was added to the Erste-Hilfe-Box."),
    saved=gettext_lazy("The contact was saved."),
    removed=gettext_lazy("The contact was removed from the Erste-Hilfe-Box."),
    edit_title=gettext_lazy("Edit contact"),
)

TRANSITION = lines.LinePages(
    model=TransitionStep,
    form=TransitionStepForm,
    save=services.transition_step_save,
    delete=services.transition_step_delete,
    instance_name="step",
    url_name="outreach:manage-transition",
    template="outreach/workspace/transition_list.html",
    groups=selectors.transition_phases,
    groups_name="phases",
    history_label="title",
    added=gettext_lazy("The step was added to the Kita → school page."),
    saved=gettext_lazy("The step was saved."),
    removed=gettext_lazy("The step was removed from the Kita → school page."),
    edit_title=gettext_lazy("Edit step"),
    form_takes_alliance=True,
)

# --- Erste-Hilfe-Box ---------------------------------------------------------------------------


@workspace_view
def help_list(request):
    """The box's lines by group, a form for a new line, the latest changes."""
    return lines.list_page(request, HELP)


@workspace_view
def help_update(request, pk: int):
    return lines.update_page(request, HELP, pk)


@workspace_view
def help_delete(request, pk: int):
    return lines.delete_page(request, HELP, pk)


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
            lines.add_errors(form, exc)
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
    rally = lines.row_or_404(Rally, request, pk)
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
            lines.add_errors(form, exc)
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
    return _station_form(request, lines.row_or_404(Rally, request, pk), None)


def _station(request, pk: int, station: int) -> tuple[Rally, RallyStation]:
    rally = lines.row_or_404(Rally, request, pk)
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
            lines.add_errors(form, exc)
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
    return _news_form(request, lines.row_or_404(NewsItem, request, pk))


@workspace_view
def news_delete(request, pk: int):
    check_perm(request, MANAGE)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.news_delete(item=lines.row_or_404(NewsItem, request, pk))
    messages.success(request, _("The news item was removed."))
    return redirect_manage("outreach:manage-news", request.alliance)


# --- Kita → school -----------------------------------------------------------------------------


@workspace_view
def transition_list(request):
    """The Kita → school steps by phase, a form for a new step, the latest changes."""
    return lines.list_page(request, TRANSITION)


@workspace_view
def transition_update(request, pk: int):
    return lines.update_page(request, TRANSITION, pk)


@workspace_view
def transition_delete(request, pk: int):
    return lines.delete_page(request, TRANSITION, pk)
