"""Two app servers and two task workers on one PostgreSQL and one Redis; one server and one
worker killed with SIGKILL half-way (bench/multiproc.py). The short CI version: it runs in
CI's PostgreSQL step and fails there, instead of skipping, without PostgreSQL or Redis."""

from __future__ import annotations

import json
import os

import pytest
import redis
from django.db import connection

from bench import multiproc

from .support import require_postgresql

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

REDIS_URL = os.environ.get("MULTIPROC_REDIS_URL", "redis://127.0.0.1:6379/4")
CAPACITY = 30


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
