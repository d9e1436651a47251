"""A single-use code is never accepted twice, even when many people send it at the same moment
(real threads, each with its own database connection, through the whole Django stack).

PostgreSQL: ``DATABASE_URL=postgres://… pytest -p no:xdist -k concurrency``; SQLite: a file in
WAL mode in a subprocess (the in-memory test database cannot show real concurrency).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection, connections
from django.test import Client

from familiennetz.participation import services
from familiennetz.participation.models import Response, SurveyCode

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL (row locks); the SQLite variant runs in a subprocess below",
)


def post_all_at_once(url: str, payloads: list[dict]) -> list[int]:
    barrier = threading.Barrier(len(payloads))
    statuses: list[int | None] = [None] * len(payloads)
    errors: list[BaseException] = []

    def worker(index: int, data: dict) -> None:
        try:
            client = Client(REMOTE_ADDR=f"10.0.{index // 250}.{index % 250 + 1}")
            barrier.wait(timeout=30)
            statuses[index] = client.post(url, data).status_code
        except BaseException as error:  # reported in the main thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i, d)) for i, d in enumerate(payloads)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    return statuses  # type: ignore[return-value]


def run_scenario(*, same_code_attempts: int = 20, distinct_codes: int = 20) -> None:
    """Run outside pytest too (the SQLite subprocess): the set-up and the counts are
    instance-wide work (``all_alliances``); the requests are scoped by the middleware."""
    from familiennetz.alliances.scopes import all_alliances
    from familiennetz.alliances.tests.factories import AllianceFactory
    from familiennetz.participation.tests.factories import needs_survey, questions_by_kind

    cache.clear()
    with all_alliances():
        alliance = AllianceFactory(slug="gleichzeitig")
        survey = needs_survey(alliance)
        q = questions_by_kind(survey)
        answers = {
            f"q{q['district'].pk}": q["district"].options.first().pk,
            f"q{q['single'].pk}": q["single"].options.first().pk,
            "sprache": "de",
        }
        batch = services.code_batch_create(survey=survey, label="Kita", count=distinct_codes + 1)
        codes = list(batch.codes.values_list("code", flat=True))
        url = survey.get_absolute_url()

    def stored() -> int:
        with all_alliances():
            return Response.objects.filter(survey=survey).count()

    # Many people, one code: exactly one answer is stored.
    statuses = post_all_at_once(url, [{**answers, "code": codes[0]}] * same_code_attempts)
    assert statuses.count(302) == 1, statuses
    assert statuses.count(409) == same_code_attempts - 1, statuses
    assert stored() == 1

    # Many people, each their own code: every answer is stored, every code used once.
    statuses = post_all_at_once(url, [{**answers, "code": code} for code in codes[1:]])
    assert statuses == [302] * distinct_codes, statuses
    assert stored() == 1 + distinct_codes
    with all_alliances():
        assert SurveyCode.objects.filter(survey=survey, used_on__isnull=True).count() == 0


@on_postgresql
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrency_one_code_sent_twenty_times_at_once_on_postgresql():
    run_scenario()


SQLITE_SCRIPT = """
import django
from django.core.management import call_command
from django.test.utils import setup_test_environment

django.setup()
setup_test_environment()
call_command("migrate", verbosity=0)
from familiennetz.participation.tests.test_codes_concurrency import run_scenario

run_scenario(same_code_attempts=12, distinct_codes=12)
print("ok")
"""


def test_concurrency_one_code_sent_many_times_at_once_on_a_sqlite_file(tmp_path):
    database = tmp_path / "codes.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "config.test_settings",
    }
    result = subprocess.run(
        [sys.executable, "-c", SQLITE_SCRIPT],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-6000:]
    assert result.stdout.strip().endswith("ok")
