"""Reads: whether a date takes registrations and how many places are free."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import F, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from familiennetz.directory.models import Status
from familiennetz.events.models import Event, EventStatus, Occurrence, Registration

State = Registration.State
ACTIVE_STATES = (State.PENDING, State.CONFIRMED, State.WAITING)
#: Event/occurrence statuses under which nobody can register (the date does not take place).
CLOSED_EVENT_STATUSES = (EventStatus.CANCELLED, EventStatus.POSTPONED)


class RegistrationClosed(Exception):
    """Raised when an occurrence does not take registrations (any more)."""

    def __init__(self, availability: Availability):
        super().__init__(availability.status)
        self.availability = availability


@dataclass(frozen=True)
class Availability:
    """What the registration panel shows for one date."""

    OPEN = "open"  # places free
    WAITING_LIST = "waiting_list"  # booked out, new confirmations go to the waiting list
    FULL = "full"  # booked out, no waiting list
    DEADLINE_PASSED = "deadline_passed"  # registration closed (deadline or start passed)
    CANCELLED = "cancelled"  # the date or the whole event is cancelled or postponed
    NOT_AVAILABLE = "not_available"  # no registration for this event (or not published)

    status: str
    capacity: int | None = None
    taken: int = 0
    waiting: int = 0
    closes_at: dt.datetime | None = None

    @property
    def free(self) -> int | None:
        """Free places, or None without a limit."""
        return None if self.capacity is None else max(self.capacity - self.taken, 0)

    @property
    def accepts_registrations(self) -> bool:
        return self.status in (self.OPEN, self.WAITING_LIST)

    # Template helpers
    @property
    def is_open(self) -> bool:
        return self.status == self.OPEN

    @property
    def is_waiting_list(self) -> bool:
        return self.status == self.WAITING_LIST

    @property
    def is_full(self) -> bool:
        return self.status == self.FULL

    @property
    def is_deadline_passed(self) -> bool:
        return self.status == self.DEADLINE_PASSED

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.CANCELLED

    @property
    def is_not_available(self) -> bool:
        return self.status == self.NOT_AVAILABLE


def registration_closes_at(*, occurrence: Occurrence) -> dt.datetime:
    """Registration deadline: ``registration_closes_hours`` before the start of the date."""
    return occurrence.starts_at - dt.timedelta(hours=occurrence.event.registration_closes_hours)


def closed_status(occurrence: Occurrence, now: dt.datetime) -> str | None:
    """Why the date takes no registrations, independent of seats; None if it does."""
    event = occurrence.event
    if not event.requires_registration or event.status != Status.PUBLISHED:
        return Availability.NOT_AVAILABLE
    if (
        event.event_status in CLOSED_EVENT_STATUSES
        or occurrence.event_status in CLOSED_EVENT_STATUSES
    ):
        return Availability.CANCELLED
    if now >= registration_closes_at(occurrence=occurrence):
        return Availability.DEADLINE_PASSED
    return None


def places_taken(*, occurrence_id: int) -> int:
    """Seats held by CONFIRMED registrations (pending and waiting ones hold none)."""
    return Registration.objects.filter(
        occurrence_id=occurrence_id, state=State.CONFIRMED
    ).aggregate(taken=Coalesce(Sum(F("adults") + F("children")), 0))["taken"]


def registration_availability(
    *, occurrence: Occurrence, now: dt.datetime | None = None
) -> Availability:
    now = now or timezone.now()
    event = occurrence.event
    closes_at = registration_closes_at(occurrence=occurrence)
    closed = closed_status(occurrence, now)
    if closed == Availability.NOT_AVAILABLE:
        return Availability(status=closed)
    taken = places_taken(occurrence_id=occurrence.pk)
    waiting = Registration.objects.filter(occurrence_id=occurrence.pk, state=State.WAITING).count()
    status = closed
    if status is None:
        if event.capacity is not None and taken >= event.capacity:
            status = Availability.WAITING_LIST if event.has_waiting_list else Availability.FULL
        else:
            status = Availability.OPEN
    return Availability(
        status=status, capacity=event.capacity, taken=taken, waiting=waiting, closes_at=closes_at
    )


def max_places_per_registration(
    *, occurrence: Occurrence, availability: Availability
) -> int | None:
    """The most places one registration may ask for: all places with a waiting list (the
    person waits until enough are free), only the free ones without; None without a limit."""
    capacity = occurrence.event.capacity
    if capacity is None:
        return None
    if occurrence.event.has_waiting_list:
        return capacity
    return availability.free


def occurrence_get_for_registration(
    *, event: Event, occurrence_id: str | None
) -> Occurrence | None:
    """The date a sign-up is for: the one asked for (``?termin=<id>``) or the next upcoming one.

    Raises Occurrence.DoesNotExist for an id that is not a date of this event.
    """
    dates = Occurrence.objects.filter(event=event).select_related("event", "event__alliance")
    if occurrence_id:
        try:
            pk = int(occurrence_id)
        except (TypeError, ValueError):
            raise Occurrence.DoesNotExist from None
        return dates.get(pk=pk)
    upcoming = dates.filter(starts_at__gt=timezone.now()).order_by("starts_at")
    return upcoming.exclude(event_status__in=CLOSED_EVENT_STATUSES).first() or upcoming.first()
