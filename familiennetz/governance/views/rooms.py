"""Shared rooms and equipment, bookings and their approval (/manage/<alliance>/raeume/…)."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from familiennetz.alliances.predicates import access_of
from familiennetz.workspace.access import check_perm, redirect_manage

from .. import ical, selectors, services
from ..forms import BookingForm, RoomForm
from ..models import Booking, Room
from .common import add_errors, governance_view, row_or_404


@governance_view
def room_list(request):
    alliance, user = request.alliance, request.user
    return render(
        request,
        "governance/workspace/room_list.html",
        {
            "rooms": selectors.rooms_list(alliance=alliance).order_by("-is_active", "kind", "name"),
            "requests": selectors.booking_requests_for(alliance=alliance, user=user),
        },
    )


def _room_form(request, room=None):
    alliance = request.alliance
    check_perm(request, "governance.manage_governance")
    form = RoomForm(request.POST or None, instance=room, alliance=alliance)
    if request.method == "POST" and form.is_valid():
        try:
            room = services.room_save(
                alliance=alliance,
                values=form.cleaned_data,
                room=Room.objects.get(pk=room.pk) if room else None,
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The room was saved."))
            return redirect_manage("governance:manage-room-detail", alliance, pk=room.pk)
    return render(
        request,
        "governance/workspace/form.html",
        {
            "form": form,
            "title": _("Edit room") if room else _("New room or equipment"),
            "back": room,
        },
    )


@governance_view
def room_create(request):
    return _room_form(request)


@governance_view
def room_update(request, pk: int):
    return _room_form(request, row_or_404(request, Room, pk))


def _booking_form(request, data=None):
    alliance, user = request.alliance, request.user
    organisations = None
    if not user.has_perm("governance.manage_governance", alliance):
        organisations = list(access_of(user).provider_organisations(alliance.pk))
    return BookingForm(data, alliance=alliance, user_organisations=organisations)


@governance_view
def room_detail(request, pk: int):
    """The room's calendar (next weeks) and the booking form (works on a phone)."""
    alliance, user = request.alliance, request.user
    room = row_or_404(request, Room, pk)
    can_book = user.has_perm("governance.book_room", alliance) and room.is_active
    form = None
    if can_book:
        form = _booking_form(request, request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                booking = services.booking_request(
                    room=room,
                    starts_at=data["starts_at"],
                    ends_at=data["ends_at"],
                    title=data["title"],
                    user=user,
                    organisation=data["organisation"],
                    project=data["project"],
                    approve=user.has_perm("governance.decide_booking", room),
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                if booking.status == Booking.Status.APPROVED:
                    messages.success(request, _("The room is booked."))
                else:
                    messages.success(
                        request, _("Your request was sent; you will see the decision here.")
                    )
                return redirect_manage("governance:manage-room-detail", alliance, pk=room.pk)
    elif request.method == "POST":
        raise PermissionDenied(_("You are not allowed to do this."))
    bookings = list(selectors.room_bookings(room))
    for booking in bookings:
        booking.can_decide = booking.status == Booking.Status.REQUESTED and user.has_perm(
            "governance.decide_booking", booking
        )
        booking.can_cancel = user.has_perm("governance.cancel_booking", booking)
    return render(
        request,
        "governance/workspace/room_detail.html",
        {
            "room": room,
            "bookings": bookings,
            "form": form,
            "can_manage": user.has_perm("governance.manage_governance", alliance),
        },
    )


@governance_view
@require_POST
def booking_decide(request, pk: int):
    alliance = request.alliance
    booking = row_or_404(request, Booking, pk)
    action = request.POST.get("decision")
    if action == "cancel":
        if not request.user.has_perm("governance.cancel_booking", booking):
            raise PermissionDenied(_("You are not allowed to do this."))
        services.booking_cancel(booking=booking, actor=request.user)
        messages.success(request, _("The booking was cancelled."))
    else:
        if not request.user.has_perm("governance.decide_booking", booking):
            raise PermissionDenied(_("You are not allowed to do this."))
        try:
            services.booking_decide(
                booking=booking,
                approve=action == "approve",
                actor=request.user,
                note=request.POST.get("note", "")[:300],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("The request was approved.")
                if action == "approve"
                else _("The request was declined."),
            )
    if request.POST.get("from") == "list":
        return redirect_manage("governance:manage-room-list", alliance)
    return redirect_manage("governance:manage-room-detail", alliance, pk=booking.room_id)


def room_feed(request, pk: int):
    """iCal of the room's bookings: for logged-in members, or with the room's feed token
    (``?token=…``) for calendar apps that cannot log in."""
    alliance = request.alliance
    if alliance is None:
        raise Http404
    room = Room.objects.filter(alliance=alliance, pk=pk).first()
    token = request.GET.get("token", "")
    if room is not None and token and constant_time_compare(token, room.feed_token):
        pass
    elif not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    else:
        return _room_feed_logged_in(request, pk=pk)
    return _feed(room)


@governance_view
def _room_feed_logged_in(request, pk: int):
    return _feed(row_or_404(request, Room, pk))


def _feed(room):
    since = timezone.now() - dt.timedelta(days=30)
    bookings = room.bookings.filter(status__in=Booking.HOLDING, ends_at__gte=since)
    return ical.ics_response(ical.bookings_calendar(room, bookings), f"raum-{room.pk}.ics")


room_feed.is_workspace_view = True
