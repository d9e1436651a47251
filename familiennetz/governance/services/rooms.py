"""Rooms and bookings: requests, approval, and no double booking (ADR 0903)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ..models import Booking, Room
from .common import same_alliance, save_fields


@transaction.atomic
def room_save(*, alliance, values: dict, room: Room | None = None) -> Room:
    same_alliance(alliance, "organisation", values.get("organisation"))
    same_alliance(alliance, "location", values.get("location"))
    return save_fields(room or Room(), alliance=alliance, values=values)


def _overlapping(room_id: int, starts_at, ends_at, *, exclude: int | None = None):
    rows = Booking.objects.filter(
        room_id=room_id,
        status__in=Booking.HOLDING,
        starts_at__lt=ends_at,
        ends_at__gt=starts_at,
    )
    if exclude is not None:
        rows = rows.exclude(pk=exclude)
    return rows


def _taken_error(other: Booking | None) -> ValidationError:
    if other is None:
        return ValidationError({"starts_at": _("The room is already booked at this time.")})
    return ValidationError(
        {
            "starts_at": _("The room is already booked at this time (%(start)s–%(end)s).")
            % {
                "start": formats.date_format(
                    timezone.localtime(other.starts_at), "SHORT_DATETIME_FORMAT"
                ),
                "end": formats.time_format(timezone.localtime(other.ends_at), "TIME_FORMAT"),
            }
        }
    )


def booking_request(
    *,
    room: Room,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    title: str,
    user,
    organisation=None,
    project=None,
    approve: bool = False,
    now: dt.datetime | None = None,
) -> Booking:
    """Request (or, for rooms without approval or with ``approve``, book) a slot.

    The room row is locked first (PostgreSQL ``SELECT … FOR UPDATE``; SQLite serialises
    writers with ``BEGIN IMMEDIATE``), then overlaps with requests and approved bookings
    are checked. The exclusion constraint on PostgreSQL backs this up."""
    now = now or timezone.now()
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("A booking has to end after it starts.")})
    if starts_at < now:
        raise ValidationError({"starts_at": _("This time has already passed.")})
    same_alliance(room.alliance, "organisation", organisation)
    same_alliance(room.alliance, "project", project)
    try:
        with transaction.atomic():
            locked = Room.objects.select_for_update().get(pk=room.pk)
            if not locked.is_active:
                raise ValidationError({"room": _("This room cannot be booked at the moment.")})
            other = _overlapping(room.pk, starts_at, ends_at).order_by("starts_at").first()
            if other is not None:
                raise _taken_error(other)
            confirmed = approve or not locked.requires_approval
            return Booking.objects.create(
                alliance=room.alliance,
                room=locked,
                starts_at=starts_at,
                ends_at=ends_at,
                title=title,
                requested_by=user,
                organisation=organisation,
                project=project,
                status=Booking.Status.APPROVED if confirmed else Booking.Status.REQUESTED,
                decided_by=user if confirmed else None,
                decided_at=now if confirmed else None,
            )
    except IntegrityError as exc:  # the exclusion constraint (PostgreSQL)
        raise _taken_error(None) from exc


@transaction.atomic
def booking_decide(*, booking: Booking, approve: bool, actor, note: str = "") -> Booking:
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if booking.status != Booking.Status.REQUESTED:
        raise ValidationError(_("This request was decided already."))
    booking.status = Booking.Status.APPROVED if approve else Booking.Status.DECLINED
    booking.decided_by, booking.decided_at, booking.note = actor, timezone.now(), note
    booking.save()
    return booking


@transaction.atomic
def booking_cancel(*, booking: Booking, actor) -> Booking:
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if booking.status in Booking.HOLDING:
        booking.status = Booking.Status.CANCELLED
        booking.decided_by, booking.decided_at = actor, timezone.now()
        booking.save()
    return booking
