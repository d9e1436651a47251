"""Workspace screens for organisations, places and offers (/manage/<alliance>/…).

Lists show only what the user may see (``visible_to``); provider editors see their own
organisations' entries. Writing goes through ``moderation.entry_views`` / ``services``.
"""

from __future__ import annotations

from django.shortcuts import render

from familiennetz.moderation import entry_views
from familiennetz.moderation.models import ChangeRequest
from familiennetz.moderation.selectors import pending_for_entry
from familiennetz.workspace.access import check_perm, entry_or_404, manage_url, workspace_view

from ..entry_forms import LocationForm, OfferForm, OrganisationForm
from ..list_filters import filtered_entries
from ..models import Location, Offer, Organisation

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
