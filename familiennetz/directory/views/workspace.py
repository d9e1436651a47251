"""Workspace screens for organisations, places and offers (/manage/<alliance>/…).

Lists show only what the user may see (``visible_to``); provider editors see their own
organisations' entries. Writing goes through ``moderation.entry_views`` / ``services``.
"""

from __future__ import annotations

from django import forms
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from familiennetz.freshness.selectors import due_q, expired_q
from familiennetz.moderation import entry_views
from familiennetz.moderation.models import ChangeRequest
from familiennetz.moderation.selectors import pending_for_entry
from familiennetz.workspace.access import check_perm, entry_or_404, manage_url, workspace_view

from ..entry_forms import LocationForm, OfferForm, OrganisationForm
from ..models import Location, Offer, Organisation, Status

PAGE_SIZE = 50
FRESHNESS_CHOICES = [("", _("all")), ("due", _("due for review")), ("expired", _("expired"))]


class ListFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("all")), *Status.choices]
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), required=False, queryset=Organisation.objects.none()
    )
    freshness = forms.ChoiceField(
        label=_("Last checked"), required=False, choices=FRESHNESS_CHOICES
    )
    pending = forms.BooleanField(label=_("with changes waiting for review"), required=False)

    def __init__(self, *args, request, fields, **kwargs):
        super().__init__(*args, **kwargs)
        for name in list(self.fields):
            if name not in fields:
                del self.fields[name]
        if "organisation" in self.fields:
            self.fields["organisation"].queryset = (
                Organisation.objects.for_alliance(request.alliance)
                .visible_to(request.user)
                .order_by("name")
            )


def filtered_entries(request, queryset, *, fields, search=("name",), ordering=("name", "pk")):
    """Apply the list filters of ``fields`` to ``queryset``; returns (form, page)."""
    alliance = request.alliance
    form = ListFilterForm(request.GET or None, request=request, fields=fields)
    rows = queryset.for_alliance(alliance).visible_to(request.user)
    if form.is_valid():
        data = form.cleaned_data
        if data.get("q"):
            condition = Q()
            for name in search:
                condition |= Q(**{f"{name}__icontains": data["q"]})
            rows = rows.filter(condition)
        if data.get("status"):
            rows = rows.filter(status=data["status"])
        if data.get("organisation"):
            rows = rows.filter(organisation=data["organisation"])
        if data.get("freshness") == "due":
            rows = rows.filter(due_q(alliance))
        elif data.get("freshness") == "expired":
            rows = rows.filter(expired_q(alliance))
        if data.get("pending"):
            from django.contrib.contenttypes.models import ContentType

            content_type = ContentType.objects.get_for_model(queryset.model)
            ids = ChangeRequest.objects.pending().filter(content_type=content_type)
            rows = rows.filter(pk__in=ids.values("object_id"))
    page = Paginator(rows.order_by(*ordering), PAGE_SIZE).get_page(request.GET.get("seite"))
    return form, page


# --- organisations -------------------------------------------------------------------------------


def _organisation_url(organisation):
    return manage_url(
        "directory:manage-organisation-detail", organisation.alliance, pk=organisation.pk
    )


@workspace_view
def organisation_list(request):
    check_perm(request, "directory.view_entries")
    form, page = filtered_entries(
        request,
        Organisation.objects.all(),
        fields=["q", "freshness", "pending"],
        search=("name", "operator"),
    )
    return render(
        request,
        "directory/workspace/organisation_list.html",
        {"filter_form": form, "page": page},
    )


@workspace_view
def organisation_detail(request, pk: int):
    organisation = entry_or_404(request, Organisation.objects.all(), pk=pk)
    user = request.user
    return render(
        request,
        "directory/workspace/organisation_detail.html",
        {
            "object": organisation,
            "offers": organisation.offers.visible_to(user).order_by("name"),
            "locations": organisation.locations.visible_to(user).order_by("name"),
            "events": organisation.events.visible_to(user).order_by("-starts_at")[:20],
            "pending": list(pending_for_entry(organisation)),
        },
    )


@workspace_view
def organisation_create(request):
    return entry_views.entry_create(
        request,
        OrganisationForm,
        template="directory/workspace/organisation_form.html",
        success_url=_organisation_url,
    )


@workspace_view
def organisation_update(request, pk: int):
    return entry_views.entry_update(
        request,
        Organisation.objects.all(),
        OrganisationForm,
        pk=pk,
        template="directory/workspace/organisation_form.html",
        success_url=_organisation_url,
    )


@workspace_view
def organisation_confirm(request, pk: int):
    return entry_views.entry_confirm(
        request, Organisation.objects.all(), pk=pk, success_url=_organisation_url
    )


# --- places ---------------------------------------------------------------------------------------


def _location_url(location):
    return manage_url("directory:manage-location-update", location.alliance, pk=location.pk)


@workspace_view
def location_list(request):
    check_perm(request, "directory.view_entries")
    form, page = filtered_entries(
        request,
        Location.objects.select_related("organisation", "district"),
        fields=["q", "organisation", "freshness", "pending"],
        search=("name", "street", "city"),
    )
    return render(
        request, "directory/workspace/location_list.html", {"filter_form": form, "page": page}
    )


@workspace_view
def location_create(request):
    return entry_views.entry_create(
        request,
        LocationForm,
        template="directory/workspace/location_form.html",
        success_url=_location_url,
        initial={"organisation": request.GET.get("organisation")},
    )


@workspace_view
def location_update(request, pk: int):
    return entry_views.entry_update(
        request,
        Location.objects.select_related("organisation"),
        LocationForm,
        pk=pk,
        template="directory/workspace/location_form.html",
        success_url=_location_url,
    )


@workspace_view
def location_confirm(request, pk: int):
    return entry_views.entry_confirm(
        request, Location.objects.all(), pk=pk, success_url=_location_url
    )


# --- offers ---------------------------------------------------------------------------------------


def _offer_url(offer):
    return manage_url("directory:manage-offer-update", offer.alliance, pk=offer.pk)


@workspace_view
def offer_list(request):
    check_perm(request, "directory.view_entries")
    form, page = filtered_entries(
        request,
        Offer.objects.select_related("organisation", "alliance"),
        fields=["q", "status", "organisation", "freshness", "pending"],
        search=("name", "summary", "organisation__name"),
    )
    return render(
        request, "directory/workspace/offer_list.html", {"filter_form": form, "page": page}
    )


@workspace_view
def offer_create(request):
    return entry_views.entry_create_with_suggestion(
        request,
        OfferForm,
        subject=ChangeRequest.Subject.OFFER,
        name_field="name",
        template="directory/workspace/offer_form.html",
        success_url=_offer_url,
    )


@workspace_view
def offer_update(request, pk: int):
    return entry_views.entry_update(
        request,
        Offer.objects.select_related("organisation"),
        OfferForm,
        pk=pk,
        template="directory/workspace/offer_form.html",
        success_url=_offer_url,
    )


@workspace_view
def offer_confirm(request, pk: int):
    return entry_views.entry_confirm(request, Offer.objects.all(), pk=pk, success_url=_offer_url)


@workspace_view
def offer_status(request, pk: int):
    return entry_views.entry_status(request, Offer.objects.all(), pk=pk, success_url=_offer_url)
