"""Concurrent sign-ups never overbook: real threads, each with its own database connection.

The confirm links are POSTed through the full Django stack (URL → view → service) at the same
moment (a threading.Barrier releases all threads together). Run on PostgreSQL with
``DATABASE_URL=postgres://… pytest -p no:xdist -k concurrency``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from familiennetz.events import registration as services
from familiennetz.events.models import Registration

from .factories import RegistrationFactory
from .registration_support import de, registration_date

State = Registration.State

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: SQLite serialises all writers (BEGIN IMMEDIATE), so it cannot "
    "show row-lock contention; run with DATABASE_URL=postgres://…",
)


def link(registration: Registration, purpose: str) -> str:
    name = "registration:confirm" if purpose == services.CONFIRM else "registration:cancel"
    return reverse(
        name,
        kwargs={
            "alliance_slug": registration.alliance.slug,
            "token": registration.token,
            "signature": services.link_signature(registration=registration, purpose=purpose),
        },
    )


def post_all_at_once(urls: list[str]) -> list[int]:
    """POST every URL from its own thread, all released by one barrier; the status codes."""
    barrier = threading.Barrier(len(urls))
    statuses: list[int | None] = [None] * len(urls)
    errors: list[BaseException] = []

    def worker(index: int, url: str) -> None:
        try:
            client = Client()
            barrier.wait(timeout=30)
            statuses[index] = client.post(url).status_code
        except BaseException as error:  # reported in the main thread
            errors.append(error)
        finally:
            connections.close_all()  # this thread's own connection

    threads = [threading.Thread(target=worker, args=(i, url)) for i, url in enumerate(urls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    return statuses  # type: ignore[return-value]


def counts(occurrence) -> tuple[int, int]:
    registrations = Registration.objects.filter(occurrence=occurrence)
    return (
        registrations.filter(state=State.CONFIRMED).count(),
        registrations.filter(state=State.WAITING).count(),
    )


def run_scenario(*, attempts: int, capacity: int, cancellations: int) -> None:
    occurrence = registration_date(capacity=capacity)
    pending = [RegistrationFactory(occurrence=occurrence) for _ in range(attempts)]

    statuses = post_all_at_once([link(r, services.CONFIRM) for r in pending])

    assert statuses == [200] * attempts
    assert counts(occurrence) == (capacity, attempts - capacity)
    assert services.places_taken(occurrence_id=occurrence.pk) == capacity
    title = occurrence.event.title
    subjects = [message.subject for message in mail.outbox]
    registered = de("You are registered: %(title)s", title=title)
    waiting = de("You are on the waiting list: %(title)s", title=title)
    assert sum(s.endswith(registered) for s in subjects) == capacity
    assert sum(s.endswith(waiting) for s in subjects) == attempts - capacity

    # One cancellation promotes exactly one (the first on the waiting list).
    first_waiting = (
        Registration.objects.filter(occurrence=occurrence, state=State.WAITING)
        .order_by("confirmed_at", "pk")
        .first()
    )
    holder = Registration.objects.filter(occurrence=occurrence, state=State.CONFIRMED).first()
    mail.outbox.clear()
    assert Client().post(link(holder, services.CANCEL)).status_code == 200
    assert counts(occurrence) == (capacity, attempts - capacity - 1)
    first_waiting.refresh_from_db()
    assert first_waiting.state == State.CONFIRMED
    moved_up = de("A place became free – you are registered: %(title)s", title=title)
    assert sum(m.subject.endswith(moved_up) for m in mail.outbox) == 1

    # Simultaneous cancellations promote exactly as many people as places were freed.
    holders = list(
        Registration.objects.filter(occurrence=occurrence, state=State.CONFIRMED)[:cancellations]
    )
    statuses = post_all_at_once([link(r, services.CANCEL) for r in holders])
    assert statuses == [200] * cancellations
    assert counts(occurrence) == (capacity, attempts - capacity - 1 - cancellations)
    assert services.places_taken(occurrence_id=occurrence.pk) == capacity


@on_postgresql
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_50_simultaneous_confirmations_for_10_places_on_postgresql():
    run_scenario(attempts=50, capacity=10, cancellations=5)


SQLITE_SCRIPT = """
import django
from django.core.management import call_command
from django.test.utils import setup_test_environment

django.setup()
setup_test_environment()  # locmem e-mail backend with mail.outbox
call_command("migrate", verbosity=0)
from familiennetz.alliances.scopes import all_alliances
from familiennetz.events.tests.test_registration_concurrency import run_scenario

with all_alliances():  # the scenario's own set-up and checks; the requests are scoped
    run_scenario(attempts=50, capacity=10, cancellations=5)
print("ok")
"""


def test_50_simultaneous_confirmations_on_a_sqlite_file(tmp_path):
    """The same scenario on SQLite as configured for laptops (a file in WAL mode, writers
    serialised by BEGIN IMMEDIATE). Runs in a subprocess: the in-memory test database uses
    SQLite's shared cache, whose table locks fail at once instead of waiting."""
    database = tmp_path / "concurrency.sqlite3"
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
