"""20 simultaneous requests for one room slot: exactly one gets it, on SQLite and PostgreSQL.

Real threads, each with its own database connection, released together by a barrier. On
PostgreSQL the room row lock (and behind it the exclusion constraint) decides; on SQLite the
single write lock of BEGIN IMMEDIATE. Run on PostgreSQL with
``DATABASE_URL=postgres://… pytest -p no:xdist -k concurrency``.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import threading

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, connections, transaction

ATTEMPTS = 20


def run_scenario(attempts: int = ATTEMPTS) -> None:
    from familiennetz.accounts.tests.factories import UserFactory
    from familiennetz.alliances.scopes import alliance_scope
    from familiennetz.alliances.tests.factories import AllianceFactory
    from familiennetz.governance import services
    from familiennetz.governance.models import Booking
    from familiennetz.governance.tests.factories import RoomFactory, in_days

    alliance = AllianceFactory()
    room = RoomFactory(alliance=alliance)
    user = UserFactory()
    start = in_days(5, 10)
    barrier = threading.Barrier(attempts)
    outcomes: list[str] = []
    errors: list[BaseException] = []

    def worker(index: int) -> None:
        try:
            barrier.wait(timeout=30)
            # Slightly different slots that all overlap 10:30–11:00.
            begin = start + dt.timedelta(minutes=index % 3 * 10)
            # A thread starts without a scope, as a request does before the middleware.
            with alliance_scope(alliance):
                services.booking_request(
                    room=room,
                    starts_at=begin,
                    ends_at=begin + dt.timedelta(hours=1),
                    title=f"Anfrage {index}",
                    user=user,
                )
            outcomes.append("booked")
        except ValidationError as error:
            assert "starts_at" in error.message_dict
            outcomes.append("refused")
        except BaseException as error:  # reported in the main thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    assert sorted(outcomes) == ["booked"] + ["refused"] * (attempts - 1)
    assert Booking.objects.filter(room=room, status__in=Booking.HOLDING).count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_20_simultaneous_booking_requests_on_postgresql():
    run_scenario()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
@pytest.mark.postgres
@pytest.mark.django_db
def test_the_exclusion_constraint_refuses_an_overlap_that_bypasses_the_service():
    from familiennetz.governance.models import Booking
    from familiennetz.governance.tests.factories import RoomFactory, in_days

    room = RoomFactory()
    start = in_days(5, 10)
    Booking.objects.create(
        alliance=room.alliance,
        room=room,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
        title="A",
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Booking.objects.create(
            alliance=room.alliance,
            room=room,
            starts_at=start + dt.timedelta(minutes=30),
            ends_at=start + dt.timedelta(hours=2),
            title="B",
        )
    # A declined request does not hold its slot.
    Booking.objects.create(
        alliance=room.alliance,
        room=room,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
        title="C",
        status="declined",
    )


SQLITE_SCRIPT = """
import django
from django.core.management import call_command

django.setup()
call_command("migrate", verbosity=0)
from familiennetz.alliances.scopes import all_alliances
from familiennetz.governance.tests.test_booking_concurrency import run_scenario

with all_alliances():  # the scenario's set-up and checks; each booking thread opens its scope
    run_scenario()
print("ok")
"""


def test_20_simultaneous_booking_requests_on_a_sqlite_file(tmp_path):
    """SQLite as configured for laptops (a file in WAL mode, BEGIN IMMEDIATE), in a subprocess:
    the in-memory test database's shared cache fails at once instead of waiting."""
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'bookings.sqlite3'}",
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
