"""Confirming entries and the review-cycle reminders (first, second, escalation).

``reminders_run`` is idempotent: each step is claimed by a conditional UPDATE of its timestamp
before the e-mail goes out, so two runs at the same time never send a reminder twice.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from familiennetz.alliances.config import alliance_config
from familiennetz.alliances.models import Alliance, Membership, Role
from familiennetz.alliances.selectors import coordinator_addresses
from familiennetz.core.mail import absolute_url, send_templated_mail
from familiennetz.directory.models import Organisation
from familiennetz.directory.review_cycle import due_q
from familiennetz.moderation.services import report_create

from .models import ReviewReminder
from .selectors import due_entries_of_organisation

logger = logging.getLogger("familiennetz.freshness")
_SALT = "familiennetz.freshness.reminder"
_SEP = "."


# --- confirming ---------------------------------------------------------------------------------


def close_reminders_after_confirmation(*, entry, user=None, **kwargs) -> None:
    """A confirmed entry may settle its organisation's open reminder (``entry_confirmed``)."""
    _close_reminders_if_done(organisation_id=_organisation_id(entry), user=user)


def _organisation_id(entry) -> int | None:
    if isinstance(entry, Organisation):
        return entry.pk
    return getattr(entry, "organisation_id", None)


def _close_reminders_if_done(*, organisation_id, user=None) -> None:
    if organisation_id is None:
        return
    for reminder in ReviewReminder.objects.open().filter(organisation_id=organisation_id):
        if not due_entries_of_organisation(organisation=reminder.organisation):
            _close(reminder, ReviewReminder.Outcome.CHECKED, user)


def _close(reminder: ReviewReminder, outcome: str, user=None) -> None:
    reminder.closed_at = timezone.now()
    reminder.outcome = outcome
    reminder.closed_by = user if user is not None and user.is_authenticated else None
    reminder.save(update_fields=["closed_at", "outcome", "closed_by", "updated_at"])


def reminder_entries(reminder: ReviewReminder) -> list:
    """The rows a reminder asked about (those that still exist)."""
    entries = []
    for label, pk in reminder.entries:
        model = apps.get_model(label)
        row = model.objects.filter(pk=pk, alliance_id=reminder.alliance_id).first()
        if row is not None:
            entries.append(row)
    return entries


@transaction.atomic
def reminder_confirm(*, reminder: ReviewReminder, user=None) -> int:
    """ "Alles noch aktuell": confirm every entry of the reminder; returns how many."""
    now = timezone.now()
    entries = reminder_entries(reminder)
    for entry in entries:
        entry.last_checked_at = now
        entry.last_checked_by = user if user is not None and user.is_authenticated else None
        entry._change_reason = "confirmed by reminder link"
        entry.save(update_fields=["last_checked_at", "last_checked_by", "updated_at"])
    if reminder.closed_at is None:
        _close(reminder, ReviewReminder.Outcome.CONFIRMED, user)
    return len(entries)


@transaction.atomic
def reminder_report_changes(*, reminder: ReviewReminder, message: str, language: str = "de"):
    """ "Something changed": a report for the review queue from the reminder's page."""

    item = report_create(
        alliance=reminder.alliance,
        target=reminder.organisation,
        message=message,
        contact_email=(reminder.recipients or [""])[0],
        language=language,
    )
    if reminder.closed_at is None:
        _close(reminder, ReviewReminder.Outcome.CHANGES_REPORTED)
    return item


# --- signed links ---------------------------------------------------------------------------------


def _signer() -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=_SALT, sep=_SEP)


def reminder_signature(reminder: ReviewReminder) -> str:
    value = str(reminder.pk)
    return _signer().sign(value)[len(value) + len(_SEP) :]


def reminder_link(reminder: ReviewReminder) -> str:
    return reverse(
        "freshness:confirm",
        kwargs={
            "alliance_slug": reminder.alliance.slug,
            "pk": reminder.pk,
            "signature": reminder_signature(reminder),
        },
    )


class LinkError(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason  # invalid, expired, unknown


def reminder_get_by_link(*, alliance, pk: int, signature: str) -> ReviewReminder:
    try:
        _signer().unsign(
            f"{pk}{_SEP}{signature}", max_age=dt.timedelta(days=settings.REVIEW_LINK_VALID_DAYS)
        )
    except signing.SignatureExpired:
        raise LinkError("expired") from None
    except signing.BadSignature:
        raise LinkError("invalid") from None
    reminder = (
        ReviewReminder.objects.for_alliance(alliance)
        .select_related("organisation", "alliance")
        .filter(pk=pk)
        .first()
    )
    if reminder is None:
        raise LinkError("unknown")
    return reminder


# --- the job ------------------------------------------------------------------------------------


@dataclass
class ReminderRun:
    first: int = 0
    second: int = 0
    escalated: int = 0
    closed: int = 0


def reminder_recipients(organisation: Organisation) -> list[str]:
    """The organisation's provider editors; without any, its public e-mail address."""
    editors = list(
        Membership.objects.filter(
            alliance_id=organisation.alliance_id,
            role=Role.PROVIDER,
            organisations=organisation,
            user__is_active=True,
        ).values_list("user__email", flat=True)
    )
    if editors:
        return sorted(set(editors))
    return [organisation.email] if organisation.email else []


def _send_reminder(reminder: ReviewReminder, *, second: bool) -> None:
    entries = reminder_entries(reminder)
    has_account = Membership.objects.filter(
        alliance_id=reminder.alliance_id, user__email__in=reminder.recipients
    ).exists()
    edit_url = reverse(
        "directory:manage-organisation-detail",
        kwargs={"alliance_slug": reminder.alliance.slug, "pk": reminder.organisation_id},
    )
    send_templated_mail(
        template="freshness/emails/reminder",
        to=reminder.recipients,
        context={
            "reminder": reminder,
            "alliance": reminder.alliance,
            "organisation": reminder.organisation,
            "entries": entries,
            "second": second,
            "confirm_url": absolute_url(reminder_link(reminder)) + "?aktion=bestaetigen",
            # With an account: edit in the workspace; without: the link's page to report changes.
            "edit_url": absolute_url(edit_url)
            if has_account
            else absolute_url(reminder_link(reminder)) + "?aktion=aendern#aendern",
        },
    )


def _send_escalation(reminder: ReviewReminder) -> None:
    send_templated_mail(
        template="freshness/emails/escalation",
        to=coordinator_addresses(reminder.alliance),
        context={
            "reminder": reminder,
            "alliance": reminder.alliance,
            "organisation": reminder.organisation,
            "entries": reminder_entries(reminder),
            "workspace_url": absolute_url(
                reverse(
                    "directory:manage-organisation-detail",
                    kwargs={
                        "alliance_slug": reminder.alliance.slug,
                        "pk": reminder.organisation_id,
                    },
                )
            ),
        },
    )


def _claim(reminder_id: int, field: str, now: dt.datetime, **conditions) -> bool:
    return bool(
        ReviewReminder.objects.filter(
            pk=reminder_id, closed_at__isnull=True, **{f"{field}__isnull": True}, **conditions
        ).update(**{field: now, "updated_at": now})
    )


def _organisations_with_due_entries(alliance: Alliance, now: dt.datetime):
    due = due_q(alliance, now=now)
    offers_due = Q(offers__status="published") & (
        Q(offers__last_checked_at__isnull=True)
        | Q(offers__last_checked_at__lt=now - alliance_config(alliance).review_cycle)
    )
    locations_due = Q(locations__isnull=False) & (
        Q(locations__last_checked_at__isnull=True)
        | Q(locations__last_checked_at__lt=now - alliance_config(alliance).review_cycle)
    )
    return (
        Organisation.objects.for_alliance(alliance)
        .filter(due | offers_due | locations_due)
        .exclude(
            Exists(
                ReviewReminder.objects.filter(organisation=OuterRef("pk"), closed_at__isnull=True)
            )
        )
        .distinct()
        .order_by("pk")
    )


def reminders_run(*, now: dt.datetime | None = None, dry_run: bool = False) -> ReminderRun:
    """First reminders for newly due organisations, second reminders, escalations."""
    now = now or timezone.now()
    result = ReminderRun()
    for alliance in Alliance.objects.active().order_by("pk"):
        config = alliance_config(alliance)
        # Close reminders whose entries were all confirmed or changed meanwhile.
        for reminder in ReviewReminder.objects.for_alliance(alliance).open():
            if not due_entries_of_organisation(organisation=reminder.organisation, now=now):
                if not dry_run:
                    _close(reminder, ReviewReminder.Outcome.CHECKED)
                result.closed += 1
        # First reminders.
        for organisation in _organisations_with_due_entries(alliance, now):
            entries = due_entries_of_organisation(organisation=organisation, now=now)
            if not entries:
                continue
            result.first += 1
            if dry_run:
                continue
            recipients = reminder_recipients(organisation)
            reminder = ReviewReminder.objects.create(
                alliance=alliance,
                organisation=organisation,
                entries=[[e._meta.label_lower, e.pk] for e in entries],
                recipients=recipients,
                first_sent_at=now if recipients else None,
            )
            if recipients:
                _send_reminder(reminder, second=False)
            else:  # nobody to ask: straight to the coordination
                reminder.first_sent_at = reminder.second_sent_at = now
                reminder.escalated_at = now
                reminder.save(update_fields=["first_sent_at", "second_sent_at", "escalated_at"])
                _send_escalation(reminder)
                result.escalated += 1
        open_reminders = ReviewReminder.objects.for_alliance(alliance).open()
        # Second reminders.
        second_due = now - dt.timedelta(days=config.second_reminder_after_days)
        for reminder in open_reminders.filter(
            second_sent_at__isnull=True, first_sent_at__lt=second_due
        ).select_related("organisation", "alliance"):
            result.second += 1
            if not dry_run and _claim(reminder.pk, "second_sent_at", now):
                _send_reminder(reminder, second=True)
        # Escalation to the coordination.
        escalation_due = now - dt.timedelta(days=config.escalation_after_days)
        for reminder in open_reminders.filter(
            escalated_at__isnull=True, second_sent_at__lt=escalation_due
        ).select_related("organisation", "alliance"):
            result.escalated += 1
            if not dry_run and _claim(reminder.pk, "escalated_at", now):
                _send_escalation(reminder)
    logger.info(
        "review reminders: %s first, %s second, %s escalated, %s closed",
        result.first,
        result.second,
        result.escalated,
        result.closed,
    )
    return result
