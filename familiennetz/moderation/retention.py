"""Retention of the review queue: contact details left with suggestions and reports."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone

from .models import ChangeRequest

State = ChangeRequest.State


def purge_contacts(*, now=None, dry_run: bool = False) -> int:
    """Remove names and e-mail addresses left with suggestions and reports
    SUGGESTION_CONTACT_RETENTION_DAYS after the decision."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=settings.SUGGESTION_CONTACT_RETENTION_DAYS)
    due = ChangeRequest.objects.exclude(state=State.PENDING).filter(decided_at__lt=cutoff)
    due = due.exclude(contact_email="", contact_name="")
    if dry_run:
        return due.count()
    return due.update(contact_email="", contact_name="", contact_purged_at=now, updated_at=now)
