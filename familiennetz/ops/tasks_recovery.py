"""Tasks whose worker died (SIGKILL, lost machine) stay RUNNING in django-tasks-db's table for
ever: the library has no lease. ``requeue_stale_tasks`` puts them back to READY so another
worker runs them (our tasks are idempotent, ADR 0005). Two ways to find them:

- by worker id: a restarted worker requeues what it held before it died (the systemd unit
  runs the command with its own fixed ``--worker-id`` before starting);
- by age: RUNNING for longer than any task may take (a timer, for machines that never
  come back).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult


def stale_tasks_requeue(
    *, worker_id: str | None = None, older_than: dt.timedelta | None = None
) -> int:
    """Put RUNNING tasks of ``worker_id`` (its last claim) and/or those started before
    ``now - older_than`` back into the queue; returns how many."""
    if worker_id is None and older_than is None:
        raise ValueError("name a worker id or an age")
    with transaction.atomic():
        running = DBTaskResult.objects.select_for_update(skip_locked=True).filter(
            status=TaskResultStatus.RUNNING
        )
        chosen = []
        for task in running:
            by_worker = worker_id is not None and task.worker_ids[-1:] == [worker_id]
            by_age = (
                older_than is not None
                and task.started_at is not None
                and task.started_at < timezone.now() - older_than
            )
            if by_worker or by_age:
                chosen.append(task.pk)
        return DBTaskResult.objects.filter(pk__in=chosen).update(
            status=TaskResultStatus.READY, started_at=None
        )
