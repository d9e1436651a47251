"""``manage.py task_worker``: django-tasks-db's ``db_worker`` with a lease (ADR 1521).

Same options as ``db_worker`` plus ``--heartbeat`` and ``--lease-timeout``. Before it takes a
task it requeues what its worker id held before (a restart after SIGKILL); while it runs, a
thread renews its lease and requeues the tasks of workers whose lease expired.
"""

from __future__ import annotations

from django.conf import settings
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from familiennetz.ops.tasks_recovery import LeaseKeeper, stale_tasks_requeue


class Command(DbWorkerCommand):
    help = (
        "Run a database task worker with a lease: tasks of a worker that died (SIGKILL, lost "
        "machine) are put back into the queue by the other workers."
    )

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--heartbeat",
            type=float,
            default=settings.TASK_WORKER_HEARTBEAT,
            help="seconds between two renewals of this worker's lease (default: %(default)s)",
        )
        parser.add_argument(
            "--lease-timeout",
            type=float,
            default=settings.TASK_WORKER_LEASE_TIMEOUT,
            help="a lease not renewed for this many seconds is a dead worker (default: "
            "%(default)s)",
        )

    def handle(self, *args, heartbeat: float, lease_timeout: float, **options) -> None:
        if lease_timeout < 3 * heartbeat:
            lease_timeout = 3 * heartbeat  # a slow beat must not look like a death
        worker_id = options["worker_id"]
        stale_tasks_requeue(worker_id=worker_id)  # held by this id before it died
        keeper = LeaseKeeper(worker_id, heartbeat=heartbeat, timeout=lease_timeout)
        keeper.beat()  # the lease exists before the first task is claimed
        keeper.start()
        try:
            super().handle(*args, **options)
        finally:
            keeper.stop()
