"""A task whose worker was killed goes back into the queue and runs on another worker."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from familiennetz.events.tasks import purge_registrations
from familiennetz.ops.models import WorkerLease
from familiennetz.ops.tasks_recovery import lease_renew

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("database_tasks"),
]


@pytest.fixture
def database_tasks():
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        yield


def claimed(worker_id: str, minutes_ago: int = 0) -> DBTaskResult:
    result = purge_registrations.enqueue()
    task = DBTaskResult.objects.get(pk=result.id)
    task.claim(worker_id)
    DBTaskResult.objects.filter(pk=task.pk).update(
        started_at=timezone.now() - dt.timedelta(minutes=minutes_ago)
    )
    return task


def status(task) -> str:
    return DBTaskResult.objects.get(pk=task.pk).status


# The worker closes its database connections when it stops: outside the test's transaction.
@pytest.mark.django_db(transaction=True)
def test_the_tasks_of_a_dead_worker_are_queued_again_and_run_elsewhere():
    dead = claimed("web1-worker-1")
    alive = claimed("web1-worker-2")
    call_command("requeue_stale_tasks", "--worker-id", "web1-worker-1")
    assert status(dead) == TaskResultStatus.READY
    assert status(alive) == TaskResultStatus.RUNNING
    call_command("db_worker", "--batch", "--no-startup-delay", "--worker-id", "web1-worker-3")
    finished = DBTaskResult.objects.get(pk=dead.pk)
    assert finished.status == TaskResultStatus.SUCCESSFUL
    assert finished.worker_ids == ["web1-worker-1", "web1-worker-3"]


def test_tasks_running_too_long_are_queued_again():
    old = claimed("lost-machine", minutes_ago=90)
    recent = claimed("busy", minutes_ago=5)
    call_command("requeue_stale_tasks", "--older-than", "3600")
    assert status(old) == TaskResultStatus.READY
    assert status(recent) == TaskResultStatus.RUNNING


# --- leases (manage.py task_worker, ADR 1521) -----------------------------------------------


def lease(worker_id: str, seconds_ago: int) -> None:
    lease_renew(worker_id, started_at=timezone.now())
    WorkerLease.objects.filter(worker_id=worker_id).update(
        seen_at=timezone.now() - dt.timedelta(seconds=seconds_ago)
    )


def run_task_worker(worker_id: str) -> None:
    call_command(
        "task_worker",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        "--worker-id",
        worker_id,
        "--heartbeat",
        "10",
        "--lease-timeout",
        "30",
    )


@pytest.mark.django_db(transaction=True)
def test_a_worker_that_missed_its_heartbeat_loses_its_task_to_another_worker():
    """SIGKILL: the worker's task stays RUNNING and its lease stops being renewed; another
    worker, without any restart of the dead one, puts the task back and runs it."""
    dead = claimed("web1-worker-1")
    lease("web1-worker-1", seconds_ago=45)
    run_task_worker("web2-worker-1")
    finished = DBTaskResult.objects.get(pk=dead.pk)
    assert finished.status == TaskResultStatus.SUCCESSFUL
    assert finished.worker_ids == ["web1-worker-1", "web2-worker-1"]
    assert not WorkerLease.objects.exists()  # the dead lease removed, the stopped one released


@pytest.mark.django_db(transaction=True)
def test_a_live_worker_and_a_worker_without_lease_keep_their_tasks():
    busy = claimed("web1-worker-2")
    lease("web1-worker-2", seconds_ago=3)
    plain = claimed("plain-db-worker")  # a db_worker without lease: only --older-than applies
    run_task_worker("web2-worker-2")
    assert status(busy) == TaskResultStatus.RUNNING
    assert status(plain) == TaskResultStatus.RUNNING
    assert list(WorkerLease.objects.values_list("worker_id", flat=True)) == ["web1-worker-2"]
