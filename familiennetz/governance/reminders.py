"""Reminders for action items (``manage.py send_action_reminders``, daily).

Two stages per action item: "soon" (due within REMINDER_DAYS_BEFORE days) and "overdue"
(the due date has passed). Each stage is sent once (``reminder_stage``), so the job can run
any number of times a day. Logs and output name action items by ID only.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from familiennetz.alliances.scopes import all_alliances
from familiennetz.core.mail import absolute_url, send_templated_mail

from .models import ActionItem

logger = logging.getLogger("familiennetz.governance")
REMINDER_DAYS_BEFORE = 3
SOON, OVERDUE = "soon", "overdue"


@dataclass
class ReminderResult:
    soon: int = 0
    overdue: int = 0
    without_address: int = 0


def _recipient(action: ActionItem) -> tuple[str, str]:
    contact = action.owner
    account = getattr(contact, "governance_account", None)
    user = account.user if account is not None else None
    email = contact.email or (user.email if user is not None else "")
    return email, (getattr(user, "preferred_language", "") or "de")


def action_reminders_run(
    *, now: dt.datetime | None = None, dry_run: bool = False
) -> ReminderResult:
    now = now or timezone.now()
    today = timezone.localdate(now)
    result = ReminderResult()
    with all_alliances():  # instance-wide on purpose: every alliance's due items
        due = (
            ActionItem.objects.filter(
                status__in=ActionItem.OPEN_STATES,
                owner__isnull=False,
                due_on__isnull=False,
                due_on__lte=today + dt.timedelta(days=REMINDER_DAYS_BEFORE),
            )
            .exclude(reminder_stage=OVERDUE)
            .select_related("alliance", "owner", "owner__governance_account__user", "meeting")
            .order_by("pk")
        )
        for action in due:
            stage = OVERDUE if action.due_on < today else SOON
            if action.reminder_stage == stage:
                continue
            email, language = _recipient(action)
            if not email:
                result.without_address += 1
                continue
            setattr(result, stage, getattr(result, stage) + 1)
            if dry_run:
                continue
            url = absolute_url(
                reverse(
                    "governance:manage-action-update",
                    kwargs={"alliance_slug": action.alliance.slug, "pk": action.pk},
                )
            )
            send_templated_mail(
                template="governance/emails/action_reminder",
                to=[email],
                language=language,
                context={"action": action, "stage": stage, "url": url},
            )
            action.reminder_stage, action.reminded_at = stage, now
            action.save(update_fields=["reminder_stage", "reminded_at"])
            logger.info("action item %s: reminder %s sent", action.pk, stage)
    return result
