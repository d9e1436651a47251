"""Background jobs: the day-before reminder and the retention clean-up."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.db.models.functions import Coalesce
from django.utils import timezone

from familiennetz.events.models import Registration

from .availability import CLOSED_EVENT_STATUSES
from .mail import MailDeliveryError, registration_send_mail

logger = logging.getLogger("familiennetz.events.registration")
State = Registration.State


def _local_day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    tz = ZoneInfo(settings.TIME_ZONE)
    start = dt.datetime.combine(day, dt.time.min, tzinfo=tz)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    return start, end


def registrations_due_for_reminder(*, now: dt.datetime | None = None):
    """Confirmed registrations for dates that start tomorrow (local time), not yet reminded."""
    now = now or timezone.now()
    tomorrow = now.astimezone(ZoneInfo(settings.TIME_ZONE)).date() + dt.timedelta(days=1)
    start, end = _local_day_bounds(tomorrow)
    return (
        Registration.objects.filter(
            state=State.CONFIRMED,
            reminded_at__isnull=True,
            occurrence__starts_at__gte=start,
            occurrence__starts_at__lt=end,
        )
        .exclude(email="")
        .exclude(occurrence__event_status__in=CLOSED_EVENT_STATUSES)
        .exclude(occurrence__event__event_status__in=CLOSED_EVENT_STATUSES)
        .order_by("pk")
    )


def registration_send_reminders(*, now: dt.datetime | None = None, dry_run: bool = False) -> int:
    """Send the day-before reminder once per registration (idempotent via ``reminded_at``).

    Each registration is claimed with a conditional UPDATE before its mail goes out, so two
    runs at the same time never send the same reminder twice; a failed send releases the claim
    for the next run.
    """
    now = now or timezone.now()
    due = list(registrations_due_for_reminder(now=now).values_list("pk", flat=True))
    if dry_run:
        return len(due)
    sent = 0
    for pk in due:
        claimed = Registration.objects.filter(
            pk=pk, state=State.CONFIRMED, reminded_at__isnull=True
        ).update(reminded_at=now)
        if not claimed:
            continue
        registration = Registration.objects.select_related(
            "occurrence__event__alliance", "occurrence__event__location", "alliance"
        ).get(pk=pk)
        try:
            registration_send_mail(registration=registration, kind="reminder")
        except MailDeliveryError as exc:
            Registration.objects.filter(pk=pk).update(reminded_at=None)
            logger.warning("%s", exc)
            continue
        sent += 1
    logger.info("%s event reminders sent", sent)
    return sent


@dataclass
class PurgeResult:
    anonymised: int = 0  # registrations of past dates: personal data removed, counts kept
    deleted: int = 0  # never confirmed registrations whose link expired


def registration_purge(*, now: dt.datetime | None = None, dry_run: bool = False) -> PurgeResult:
    """Retention: remove participants' personal data ``REGISTRATION_RETENTION_DAYS`` after
    the date ended, and registrations that were never confirmed once their link expired.

    Past registrations are anonymised, not deleted: name, e-mail and note are emptied and the
    token is replaced (old links stop working); date, state and numbers of adults and children
    stay, so the network can still count participants. See docs/dev/registration.md.
    """
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=settings.REGISTRATION_RETENTION_DAYS)
    expired_pending = Registration.objects.filter(
        state=State.PENDING,
        updated_at__lt=now - dt.timedelta(hours=settings.REGISTRATION_CONFIRM_HOURS),
    )
    past = (
        Registration.objects.annotate(
            ended_at=Coalesce("occurrence__ends_at", "occurrence__starts_at")
        )
        .filter(ended_at__lt=cutoff)
        .exclude(email="")
    )
    if dry_run:
        pending_ids = set(expired_pending.values_list("pk", flat=True))
        past_ids = set(past.values_list("pk", flat=True)) - pending_ids
        return PurgeResult(anonymised=len(past_ids), deleted=len(pending_ids))
    result = PurgeResult()
    with transaction.atomic():
        result.deleted, _ = expired_pending.delete()
        batch = list(past.only("pk"))
        for registration in batch:
            registration.name = ""
            registration.email = ""
            registration.note = ""
            registration.token = uuid.uuid4()
            registration.updated_at = now
        Registration.objects.bulk_update(
            batch, ["name", "email", "note", "token", "updated_at"], batch_size=500
        )
        result.anonymised = len(batch)
    logger.info(
        "registration retention: %s anonymised, %s unconfirmed deleted",
        result.anonymised,
        result.deleted,
    )
    return result
