"""The calendar's periodic jobs as an operator runs them: management commands from cron, or
``--enqueue`` to the database task queue that ``manage.py db_worker`` works off
(docs/dev/calendar-operations.md)."""

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from familiennetz.events.models import Registration

from .factories import BERLIN, EventFactory, RegistrationFactory
from .registration_support import registration_date

State = Registration.State
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def tomorrow_at(hour: int) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=1)
    return dt.datetime.combine(day, dt.time(hour), tzinfo=BERLIN)


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
@pytest.mark.parametrize(
    ("command", "task"),
    [
        ("refresh_occurrences", "familiennetz.events.tasks.refresh_occurrences"),
        ("send_event_reminders", "familiennetz.events.tasks.send_event_reminders"),
        ("purge_registrations", "familiennetz.events.tasks.purge_registrations"),
        (
            "refresh_calendar_sources",
            "familiennetz.events.import_tasks.refresh_calendar_sources",
        ),
    ],
)
def test_enqueue_puts_the_job_in_the_database_queue_for_the_worker(command, task):
    from django_tasks_db.models import DBTaskResult

    out = StringIO()
    call_command(command, "--enqueue", stdout=out)
    (queued,) = DBTaskResult.objects.all()
    assert queued.task_path == task and queued.status == "READY"
    assert f"Enqueued as task {queued.id}." in out.getvalue()
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL", queued.traceback


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_reminder_waits_in_the_queue_until_the_worker_sends_it():
    occurrence = registration_date(starts_at=tomorrow_at(10))
    RegistrationFactory(occurrence=occurrence, state=State.CONFIRMED, email="eva@example.org")
    call_command("send_event_reminders", "--enqueue", stdout=StringIO())
    assert mail.outbox == []  # queued, not run
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert [m.to for m in mail.outbox] == [["eva@example.org"]]


@pytest.mark.django_db
def test_refresh_occurrences_task_moves_the_window(alliance):
    from familiennetz.events.services import event_sync_occurrences
    from familiennetz.events.tasks import refresh_occurrences

    weekly = EventFactory(alliance=alliance, rrule="FREQ=WEEKLY")
    event_sync_occurrences(event=weekly)
    last = weekly.occurrences.order_by("-starts_at").first()
    weekly.occurrences.filter(pk=last.pk).delete()  # as if the window had not moved yet
    result = refresh_occurrences.enqueue().return_value
    assert result["created"] == 1 and result["events"] >= 1
    assert weekly.occurrences.filter(original_start=last.original_start).exists()


@pytest.mark.django_db
def test_enqueue_with_a_selection_is_refused(alliance):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("refresh_occurrences", "--enqueue", "--alliance", alliance.slug)
