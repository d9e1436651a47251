"""A task whose worker was killed goes back into the queue and runs on another worker."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from familiennetz.events.tasks import purge_registrations

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
