"""Tell registered people when their date changes: cancelled, postponed, moved online, moved to
another time, or back on. Called by the calendar services that change dates (see
``events/services.py``); the mail describes the date as it is when the mail is sent."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable

from django.utils import timezone

from familiennetz.events.models import Registration

from .mail import mail_on_commit

logger = logging.getLogger("familiennetz.events.registration")
State = Registration.State
#: Who hears about a change: people who hold places or wait for one. Unconfirmed sign-ups are
#: not mailed (their address is not confirmed); they see the change when they confirm.
NOTIFIED_STATES = (State.CONFIRMED, State.WAITING)


def registrations_notify_date_change(
    *, occurrence_ids: Iterable[int], now: dt.datetime | None = None
) -> int:
    """Enqueue a ``date_changed`` mail (after commit) for every confirmed or waiting
    registration of the given dates that have not started yet; returns how many."""
    ids = sorted(set(occurrence_ids))
    if not ids:
        return 0
    now = now or timezone.now()
    registrations = list(
        Registration.objects.filter(
            occurrence_id__in=ids,
            occurrence__starts_at__gt=now,
            state__in=NOTIFIED_STATES,
        )
        .exclude(email="")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for pk in registrations:
        mail_on_commit(pk, "date_changed")
    if registrations:
        logger.info(
            "dates %s changed: %s registrations will be told",
            ",".join(map(str, ids)),
            len(registrations),
        )
    return len(registrations)
