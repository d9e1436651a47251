"""The one table of the ops app: the heartbeat of each running task worker (ADR 1521)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkerLease(models.Model):
    """A ``task_worker`` renews its row every few seconds while it lives; a row not renewed
    for longer than the lease timeout is a dead worker, whose RUNNING tasks another worker
    puts back into the queue. Plain ``db_worker`` processes have no row and are never judged
    by it (the age-based ``requeue_stale_tasks --older-than`` covers them)."""

    worker_id = models.CharField(_("worker id"), max_length=64, primary_key=True)
    host = models.CharField(_("host"), max_length=255)
    pid = models.PositiveIntegerField(_("process id"))
    started_at = models.DateTimeField(_("started at"))
    seen_at = models.DateTimeField(_("last heartbeat"), db_index=True)

    class Meta:
        verbose_name = _("task worker lease")
        verbose_name_plural = _("task worker leases")

    def __str__(self) -> str:
        return self.worker_id
