"""Writes: sign-up, confirmation with seat allocation, cancellation and the waiting list.

Every change to the seats of a date takes the same lock first: the occurrence row
(``SELECT … FOR UPDATE``; on SQLite the ``BEGIN IMMEDIATE`` write lock). See __init__.py.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from familiennetz.events.models import Occurrence, Registration

from .availability import (
    ACTIVE_STATES,
    CLOSED_EVENT_STATUSES,
    RegistrationClosed,
    closed_status,
    places_taken,
    registration_availability,
)
from .mail import mail_on_commit

logger = logging.getLogger("familiennetz.events.registration")
State = Registration.State


@dataclass
class CreateOutcome:
    registration: Registration
    created: bool  # False: this address already had an active registration for the date


@dataclass
class ConfirmOutcome:
    registration: Registration
    #: confirmed | waiting | full | closed | cancelled
    result: str
    changed: bool  # False when the link had been used before (result is the current state)


@dataclass
class CancelOutcome:
    registration: Registration
    #: cancelled | too_late
    result: str
    changed: bool
    promoted: list[int] = field(default_factory=list)  # IDs moved up from the waiting list


def registration_create(
    *,
    occurrence: Occurrence,
    name: str,
    email: str,
    adults: int,
    children: int,
    note: str = "",
    language: str = settings.LANGUAGE_CODE,
    now: dt.datetime | None = None,
) -> CreateOutcome:
    """Store a pending registration and e-mail the confirmation link. Holds no seat.

    If the address already has an active registration for this date, no second one is made:
    the person gets a fresh confirmation link (pending) or a note with their status and
    cancellation link. The response to the visitor is the same either way, so the form does
    not reveal who is registered.
    """
    availability = registration_availability(occurrence=occurrence, now=now)
    if not availability.accepts_registrations:
        raise RegistrationClosed(availability)
    language = language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    with transaction.atomic():
        existing = (
            Registration.objects.filter(
                occurrence=occurrence, email__iexact=email.strip(), state__in=ACTIVE_STATES
            )
            .order_by("pk")
            .first()
        )
        if existing is not None:
            # Answer in the language the person uses now (and keep it for later mails).
            existing.language = language
            # For a pending registration this also restarts the confirmation window.
            existing.save(update_fields=["language", "updated_at"])
            if existing.state == State.PENDING:
                mail_on_commit(existing.pk, "confirm_request")
            else:
                mail_on_commit(existing.pk, "already_registered")
            logger.info("registration %s: repeated sign-up, no new registration", existing.pk)
            return CreateOutcome(registration=existing, created=False)
        registration = Registration.objects.create(
            alliance=occurrence.alliance,
            occurrence=occurrence,
            name=name.strip(),
            email=email.strip(),
            adults=adults,
            children=children,
            note=note.strip(),
            language=language,
        )
        mail_on_commit(registration.pk, "confirm_request")
    logger.info("registration %s: created for occurrence %s", registration.pk, occurrence.pk)
    return CreateOutcome(registration=registration, created=True)


def _lock_occurrence(occurrence_id: int) -> Occurrence:
    """Lock the occurrence row: the one lock every seat change for a date takes first."""
    return (
        Occurrence.objects.select_for_update(of=("self",))
        .select_related("event", "event__alliance")
        .get(pk=occurrence_id)
    )


def _lock_registration(registration_id: int) -> tuple[Occurrence, Registration]:
    # The occurrence of a registration never changes, so it can be read before locking.
    # Lock order is always occurrence, then registrations: no deadlocks between confirm,
    # cancel and promotion.
    occurrence_id = (
        Registration.objects.filter(pk=registration_id)
        .values_list("occurrence_id", flat=True)
        .get()
    )
    occurrence = _lock_occurrence(occurrence_id)
    registration = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("alliance")
        .get(pk=registration_id)
    )
    registration.occurrence = occurrence
    return occurrence, registration


def registration_confirm(*, registration_id: int, now: dt.datetime | None = None) -> ConfirmOutcome:
    """Confirm the e-mail address and allocate seats atomically (see the module docstring)."""
    now = now or timezone.now()
    with transaction.atomic():
        occurrence, registration = _lock_registration(registration_id)
        if registration.state != State.PENDING:
            return ConfirmOutcome(
                registration=registration, result=registration.state, changed=False
            )
        if closed_status(occurrence, now) is not None:
            return ConfirmOutcome(registration=registration, result="closed", changed=False)
        capacity = occurrence.event.capacity
        taken = places_taken(occurrence_id=occurrence.pk)
        if capacity is None or taken + registration.places <= capacity:
            registration.state, result = State.CONFIRMED, "confirmed"
        elif occurrence.event.has_waiting_list:
            registration.state, result = State.WAITING, "waiting"
        else:
            registration.state, result = State.CANCELLED, "full"
        # confirmed_at: when the address was confirmed; it orders the waiting list.
        registration.confirmed_at = now
        if result == "full":
            registration.cancelled_at = now
        registration.save(update_fields=["state", "confirmed_at", "cancelled_at", "updated_at"])
        if result in ("confirmed", "waiting"):
            mail_on_commit(registration.pk, result)
    logger.info("registration %s: e-mail confirmed, result %s", registration.pk, result)
    return ConfirmOutcome(registration=registration, result=result, changed=True)


def _promote_waiting(occurrence: Occurrence, now: dt.datetime) -> list[int]:
    """Move waiting registrations up while places are free. Caller holds the occurrence lock."""
    event = occurrence.event
    if (
        occurrence.starts_at <= now
        or event.event_status in CLOSED_EVENT_STATUSES
        or occurrence.event_status in CLOSED_EVENT_STATUSES
    ):
        return []
    free = (
        None
        if event.capacity is None
        else event.capacity - places_taken(occurrence_id=occurrence.pk)
    )
    if free is not None and free <= 0:
        return []
    promoted: list[int] = []
    waiting = (
        Registration.objects.select_for_update(of=("self",))
        .filter(occurrence_id=occurrence.pk, state=State.WAITING)
        .order_by("confirmed_at", "pk")
    )
    for candidate in waiting:
        if free is not None and candidate.places > free:
            continue  # first that fits: a smaller registration further down may move up
        candidate.state = State.CONFIRMED
        candidate.save(update_fields=["state", "updated_at"])
        promoted.append(candidate.pk)
        mail_on_commit(candidate.pk, "promoted")
        if free is not None:
            free -= candidate.places
            if free <= 0:
                break
    if promoted:
        logger.info(
            "occurrence %s: registrations %s moved up from the waiting list",
            occurrence.pk,
            ",".join(map(str, promoted)),
        )
    return promoted


def registration_promote_waiting(
    *, occurrence_id: int, now: dt.datetime | None = None
) -> list[int]:
    """Fill free places from the waiting list (e.g. after the organiser raised the capacity)."""
    now = now or timezone.now()
    with transaction.atomic():
        occurrence = _lock_occurrence(occurrence_id)
        return _promote_waiting(occurrence, now)


def registration_cancel(*, registration_id: int, now: dt.datetime | None = None) -> CancelOutcome:
    """Cancel (signed link, no login): frees the seats and promotes from the waiting list."""
    now = now or timezone.now()
    with transaction.atomic():
        occurrence, registration = _lock_registration(registration_id)
        if registration.state == State.CANCELLED:
            return CancelOutcome(registration=registration, result="cancelled", changed=False)
        if occurrence.starts_at <= now:
            return CancelOutcome(registration=registration, result="too_late", changed=False)
        held_seats = registration.state == State.CONFIRMED
        notify = registration.state in (State.CONFIRMED, State.WAITING)
        registration.state = State.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["state", "cancelled_at", "updated_at"])
        if notify:
            mail_on_commit(registration.pk, "cancelled")
        promoted = _promote_waiting(occurrence, now) if held_seats else []
    logger.info("registration %s: cancelled", registration.pk)
    return CancelOutcome(
        registration=registration, result="cancelled", changed=True, promoted=promoted
    )
