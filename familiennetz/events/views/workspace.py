"""Workspace screens for calendar entries and the organisers' participant lists."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q, Sum
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify

from familiennetz.directory.list_filters import filtered_entries
from familiennetz.moderation import entry_views
from familiennetz.moderation.models import ChangeRequest
from familiennetz.workspace.access import check_perm, entry_or_404, manage_url, workspace_view

from ..entry_forms import EventForm
from ..models import Event, Occurrence, Registration
from ..registration_admin import participants_csv

State = Registration.State


def _event_url(event):
    return manage_url("events:manage-event-update", event.alliance, pk=event.pk)


@workspace_view
def event_list(request):
    check_perm(request, "directory.view_entries")
    form, page = filtered_entries(
        request,
        # An offer's regular sessions are edited with the offer (events/sessions.py).
        Event.objects.filter(schedule__isnull=True).select_related("organisation", "alliance"),
        fields=["q", "status", "organisation", "pending"],
        search=("title", "summary", "organisation__name"),
        ordering=("-starts_at", "pk"),
    )
    return render(request, "events/workspace/event_list.html", {"filter_form": form, "page": page})


@workspace_view
def event_create(request):
    return entry_views.entry_create_with_suggestion(
        request,
        EventForm,
        subject=ChangeRequest.Subject.EVENT,
        name_field="title",
        template="events/workspace/event_form.html",
        success_url=_event_url,
    )


@workspace_view
def event_update(request, pk: int):
    return entry_views.entry_update(
        request,
        Event.objects.filter(schedule__isnull=True).select_related("organisation"),
        EventForm,
        pk=pk,
        template="events/workspace/event_form.html",
        success_url=_event_url,
    )


@workspace_view
def event_confirm(request, pk: int):
    return entry_views.entry_confirm(request, Event.objects.all(), pk=pk, success_url=_event_url)


@workspace_view
def event_status(request, pk: int):
    return entry_views.entry_status(request, Event.objects.all(), pk=pk, success_url=_event_url)


def _event_with_registrations(request, pk: int) -> Event:
    event = entry_or_404(request, Event.objects.all(), pk=pk)
    check_perm(request, "events.view_registrations", event)
    return event


@workspace_view
def participant_list(request, pk: int):
    """Dates with registrations and, for the chosen date, who is coming (personal data)."""
    event = _event_with_registrations(request, pk)
    active = ~Q(registrations__state=State.CANCELLED)
    dates = (
        Occurrence.objects.filter(event=event)
        .annotate(
            confirmed=Sum("registrations__adults", filter=Q(registrations__state=State.CONFIRMED)),
            confirmed_children=Sum(
                "registrations__children", filter=Q(registrations__state=State.CONFIRMED)
            ),
            waiting=Count("registrations", filter=Q(registrations__state=State.WAITING)),
            registrations_total=Count("registrations", filter=active),
        )
        .filter(
            Q(starts_at__gte=timezone.now() - dt.timedelta(days=60)) | Q(registrations_total__gt=0)
        )
        .order_by("starts_at")
    )
    selected = None
    registrations = []
    occurrence_id = request.GET.get("termin", "")
    if occurrence_id.isdigit():
        selected = Occurrence.objects.filter(event=event, pk=occurrence_id).first()
    if selected is not None:
        registrations = Registration.objects.filter(occurrence=selected).order_by(
            "state", "created_at"
        )
    return render(
        request,
        "events/workspace/participant_list.html",
        {"object": event, "dates": dates, "selected": selected, "registrations": registrations},
    )


@workspace_view
def participant_export(request, pk: int):
    event = _event_with_registrations(request, pk)
    registrations = Registration.objects.filter(occurrence__event=event)
    occurrence_id = request.GET.get("termin", "")
    if occurrence_id.isdigit():
        registrations = registrations.filter(occurrence_id=occurrence_id)
    name = f"teilnehmende-{slugify(event.slug)}-{timezone.localdate():%Y-%m-%d}.csv"
    response = participants_csv(registrations, filename=name)
    response["Cache-Control"] = "private, no-store"
    return response
