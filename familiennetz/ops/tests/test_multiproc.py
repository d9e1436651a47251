"""Two app servers and two task workers on one PostgreSQL and one Redis; one server and one
worker killed with SIGKILL half-way (bench/multiproc.py). The short CI version: it runs in
CI's PostgreSQL step and fails there, instead of skipping, without PostgreSQL or Redis."""

from __future__ import annotations

import json
import os

import pytest
import redis
from django.db import connection
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from bench import multiproc
from familiennetz.interop.models import ImportUpload
from familiennetz.interop.services import import_upload_create
from familiennetz.interop.tasks import check_import_upload
from familiennetz.ops.models import WorkerLease

from .support import require_postgresql

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

REDIS_URL = os.environ.get("MULTIPROC_REDIS_URL", "redis://127.0.0.1:6379/4")
CAPACITY = 30
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def require_redis() -> None:
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
    except redis.RedisError as error:
        if os.environ.get("CI_REQUIRE_SERVICES"):
            pytest.fail(f"CI_REQUIRE_SERVICES is set but Redis at {REDIS_URL} is down: {error}")
        pytest.skip(f"needs Redis at {REDIS_URL}")


def database_url() -> str:
    db = connection.settings_dict
    credentials = db["USER"] or "postgres"
    if db.get("PASSWORD"):
        credentials += f":{db['PASSWORD']}"
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def test_killing_a_server_and_a_worker_loses_nothing(tmp_path, monkeypatch):
    require_postgresql()
    require_redis()
    monkeypatch.setenv("MULTIPROC_MAIL_DIR", str(tmp_path / "mail"))
    fixture = multiproc.make_fixture(events=3, capacity=CAPACITY)

    result = multiproc.drive(
        database_url=database_url(),
        redis_url=REDIS_URL,
        fixture=fixture,
        registrations=60,
        searches=30,
        concurrency=6,
        folder=tmp_path,
        workers_per_server=1,  # the short CI version: two servers are the point, not four
    )
    multiproc.drain(result["workers"])
    report = {**result["report"], **multiproc.check(result, fixture, CAPACITY)}
    print(json.dumps(report, indent=1))  # the figures, for the CI log

    assert report["killed"], "the server and the worker were killed mid-run"
    assert report["registrations_accepted"] > 45
    assert report["lost"] == 0
    assert report["duplicated"] == 0
    assert report["overbooked_dates"] == 0
    assert report["tasks_unfinished"] == 0
    assert report["tasks_failed"] == 0
    assert report["error_rate"] < 0.05
    assert report["rate_limit"]["accepted"] == multiproc.RATE_LIMIT
    assert report["rate_limit"]["refused_429"] == multiproc.RATE_LIMIT


def big_sheet(rows: int = 30_000) -> bytes:
    lines = ["Angebot;Träger;Beschreibung"]
    lines += [f"Angebot {n};Verein {n % 40};{'Treffpunkt ' * 12}{n}" for n in range(rows)]
    return "\r\n".join(lines).encode()


def test_killing_the_worker_that_checks_an_import_loses_nothing(tmp_path, coordinator):
    """Issue 18: a task worker is killed (SIGKILL) while it holds an import check; the other
    worker notices the expired lease, puts the task back and finishes it — once."""
    require_postgresql()
    require_redis()
    upload = import_upload_create(
        alliance=coordinator.alliance,
        user=coordinator.user,
        kind="sheet",
        filename="gross.csv",
        data=big_sheet(),
    )
    with override_settings(TASKS=DB_TASKS):
        queued = check_import_upload.enqueue(str(upload.pk))

    report = multiproc.import_failover(
        database_url=database_url(), redis_url=REDIS_URL, folder=tmp_path, task_id=queued.id
    )
    print(json.dumps(report, indent=1))

    assert report["killed"] in ("import-1", "import-2")
    survivor = {"import-1": "import-2", "import-2": "import-1"}[report["killed"]]
    assert report["status"] == "SUCCESSFUL"
    assert report["worker_ids"] == [report["killed"], survivor]  # ran to the end once more
    assert report["return_value"] == "checked"
    assert DBTaskResult.objects.count() == 1  # not queued twice
    checked = ImportUpload.objects.get(pk=upload.pk)
    assert checked.checked["fingerprint"]["counts"]["offer"]["created"] == 30_000
    assert not WorkerLease.objects.exists()  # the dead worker's lease removed
