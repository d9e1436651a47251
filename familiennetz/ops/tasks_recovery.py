"""Tasks whose worker died (SIGKILL, lost machine) stay RUNNING in django-tasks-db's table for
ever: the library has no lease. ``requeue_stale_tasks`` puts them back to READY so another
worker runs them (our tasks are idempotent, ADR 0005). Two ways to find them:

- by worker id: a restarted worker requeues what it held before it died (the systemd unit
  runs the command with its own fixed ``--worker-id`` before starting);
- by age: RUNNING for longer than any task may take (a timer, for machines that never
  come back);
- by lease (``manage.py task_worker``, ADR 1521): each worker renews a heartbeat row every few
  seconds and requeues the tasks of workers whose row was not renewed for the lease timeout,
  so a killed worker's task runs on another worker within seconds, no restart needed.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading

from django.db import DatabaseError, close_old_connections, connection, transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .models import WorkerLease

logger = logging.getLogger(__name__)


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


# --- leases: a worker's heartbeat (ADR 1521) ------------------------------------------------


def lease_renew(worker_id: str, *, started_at: dt.datetime) -> None:
    """This worker lives: its lease is renewed (created on the first beat)."""
    WorkerLease.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "host": socket.gethostname()[:255],
            "pid": os.getpid(),
            "started_at": started_at,
            "seen_at": timezone.now(),
        },
    )


def lease_release(worker_id: str) -> None:
    """The worker stops cleanly (its running task finished): no lease left to expire."""
    WorkerLease.objects.filter(worker_id=worker_id).delete()


def expired_leases_requeue(*, timeout: dt.timedelta) -> dict[str, int]:
    """The RUNNING tasks of every worker whose lease was not renewed for ``timeout`` go back
    into the queue, and the lease is removed; ``{worker id: tasks requeued}``."""
    cutoff = timezone.now() - timeout
    requeued = {}
    with transaction.atomic():
        dead = list(
            WorkerLease.objects.select_for_update(skip_locked=True)
            .filter(seen_at__lt=cutoff)
            .values_list("worker_id", flat=True)
        )
        for worker_id in dead:
            requeued[worker_id] = stale_tasks_requeue(worker_id=worker_id)
        WorkerLease.objects.filter(worker_id__in=dead).delete()
    for worker_id, count in requeued.items():
        logger.warning(
            "task worker %s missed its heartbeat: %s task(s) put back into the queue",
            worker_id,
            count,
        )
    return requeued


class LeaseKeeper(threading.Thread):
    """Beside the worker loop: renews this worker's lease every ``heartbeat`` seconds and
    requeues the tasks of workers whose lease expired (``timeout``)."""

    def __init__(self, worker_id: str, *, heartbeat: float, timeout: float):
        super().__init__(name=f"lease-{worker_id}", daemon=True)
        self.worker_id = worker_id
        self.heartbeat = heartbeat
        self.timeout = dt.timedelta(seconds=timeout)
        self.started_at = timezone.now()
        self.stopping = threading.Event()

    def beat(self) -> None:
        lease_renew(self.worker_id, started_at=self.started_at)
        expired_leases_requeue(timeout=self.timeout)

    def run(self) -> None:
        try:
            while not self.stopping.wait(self.heartbeat):
                try:
                    self.beat()
                except DatabaseError:  # the database is away: try again next beat
                    logger.exception("task worker %s could not renew its lease", self.worker_id)
                    close_old_connections()
        finally:
            connection.close()

    def stop(self) -> None:
        self.stopping.set()
        self.join(timeout=self.heartbeat + 10)
        lease_release(self.worker_id)
