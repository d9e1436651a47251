"""Keep the state overview's cached aggregates current: a saved or deleted offer, meeting or
partner schedules one refresh of its alliance's ``AllianceSummary`` after the transaction
commits (once per alliance and transaction; the task itself skips alliances without a state
office). The nightly ``refresh_all_summaries`` catches anything else (e.g. time passing)."""

from __future__ import annotations

import threading

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from familiennetz.directory.models import Offer
from familiennetz.governance.models import Meeting
from familiennetz.network.models import Partner

from . import tasks

_pending = threading.local()


def _schedule(alliance_id: int | None) -> None:
    """One refresh per alliance and transaction: a callback still waiting in this
    connection's on-commit list is not added again (after a rollback it is gone)."""
    if alliance_id is None:
        return
    pending: dict = getattr(_pending, "callbacks", None) or {}
    _pending.callbacks = pending
    connection = transaction.get_connection()
    waiting = pending.get(alliance_id)
    if waiting is not None and any(entry[1] is waiting for entry in connection.run_on_commit):
        return

    def run() -> None:
        pending.pop(alliance_id, None)
        tasks.refresh_alliance_summary.enqueue(alliance_id)

    pending[alliance_id] = run
    transaction.on_commit(run)


@receiver([post_save, post_delete], sender=Offer, dispatch_uid="reports-summary-offer")
@receiver([post_save, post_delete], sender=Meeting, dispatch_uid="reports-summary-meeting")
@receiver([post_save, post_delete], sender=Partner, dispatch_uid="reports-summary-partner")
def summary_outdated(sender, instance, **kwargs) -> None:
    _schedule(getattr(instance, "alliance_id", None))
