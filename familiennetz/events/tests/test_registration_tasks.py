"""Reminder and retention jobs: tasks (django-tasks, immediate backend) and commands."""

import datetime as dt
import logging
from io import StringIO
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks import TaskResultStatus

from familiennetz.events import registration as services
from familiennetz.events.models import EventStatus, Registration
from familiennetz.events.tasks import (
    purge_registrations,
    send_event_reminders,
    send_registration_mail,
)

from .factories import BERLIN, RegistrationFactory
from .registration_support import registration_date

State = Registration.State
pytestmark = pytest.mark.django_db


def tomorrow_at(hour: int, minute: int = 0) -> dt.datetime:
    day = timezone.localdate(timezone.now(), BERLIN) + dt.timedelta(days=1)
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=BERLIN)


# --- reminders ----------------------------------------------------------------------------


def test_reminder_task_mails_confirmed_registrations_for_tomorrow_once():
    tomorrow = registration_date(starts_at=tomorrow_at(15))
    later = registration_date(starts_at=tomorrow_at(15) + dt.timedelta(days=1))
    due = RegistrationFactory(occurrence=tomorrow, state=State.CONFIRMED, email="due@example.org")
    for state in (State.PENDING, State.WAITING, State.CANCELLED):
        RegistrationFactory(occurrence=tomorrow, state=state)
    RegistrationFactory(occurrence=later, state=State.CONFIRMED)

    result = send_event_reminders.enqueue()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == 1
    (message,) = mail.outbox
    assert message.to == ["due@example.org"]
    assert "Erinnerung:" in message.subject and tomorrow.event.title in message.subject
    assert "/absagen/" in message.body
    due.refresh_from_db()
    assert due.reminded_at is not None

    assert send_event_reminders.enqueue().return_value == 0  # idempotent
    assert len(mail.outbox) == 1


def test_reminder_uses_local_calendar_day():
    now = dt.datetime(2027, 3, 27, 23, 30, tzinfo=BERLIN)  # the night before the DST change
    just_after_midnight = registration_date(
        starts_at=dt.datetime(2027, 3, 28, 0, 30, tzinfo=BERLIN)
    )
    late_tomorrow = registration_date(starts_at=dt.datetime(2027, 3, 28, 23, 30, tzinfo=BERLIN))
    day_after = registration_date(starts_at=dt.datetime(2027, 3, 29, 0, 30, tzinfo=BERLIN))
    today = registration_date(starts_at=dt.datetime(2027, 3, 27, 23, 45, tzinfo=BERLIN))
    expected = {
        RegistrationFactory(occurrence=occurrence, state=State.CONFIRMED).pk
        for occurrence in (just_after_midnight, late_tomorrow)
    }
    for occurrence in (day_after, today):
        RegistrationFactory(occurrence=occurrence, state=State.CONFIRMED)
    due = services.registrations_due_for_reminder(now=now)
    assert set(due.values_list("pk", flat=True)) == expected


def test_no_reminder_for_cancelled_date():
    occurrence = registration_date(starts_at=tomorrow_at(10))
    RegistrationFactory(occurrence=occurrence, state=State.CONFIRMED)
    occurrence.event_status = EventStatus.CANCELLED
    occurrence.save()
    assert services.registration_send_reminders() == 0
    assert not mail.outbox


def test_reminder_in_registrants_language():
    occurrence = registration_date(starts_at=tomorrow_at(15))
    RegistrationFactory(occurrence=occurrence, state=State.CONFIRMED, language="en")
    services.registration_send_reminders()
    (message,) = mail.outbox
    assert "tomorrow" in message.subject
    assert "/en/" in message.body


def test_failed_reminder_is_retried_and_logs_no_address(caplog):
    occurrence = registration_date(starts_at=tomorrow_at(15))
    registration = RegistrationFactory(
        occurrence=occurrence, state=State.CONFIRMED, email="secret-person@example.org"
    )
    with (
        caplog.at_level(logging.INFO),
        mock.patch(
            "django.core.mail.EmailMultiAlternatives.send",
            side_effect=OSError("cannot reach secret-person@example.org"),
        ),
    ):
        assert services.registration_send_reminders() == 0
    registration.refresh_from_db()
    assert registration.reminded_at is None
    assert "secret-person" not in caplog.text
    assert f"registration {registration.pk}" in caplog.text
    assert services.registration_send_reminders() == 1


def test_reminder_command_and_dry_run():
    occurrence = registration_date(starts_at=tomorrow_at(9))
    RegistrationFactory(occurrence=occurrence, state=State.CONFIRMED)
    out = StringIO()
    call_command("send_event_reminders", "--dry-run", stdout=out)
    assert "1 reminder(s) due" in out.getvalue()
    assert not mail.outbox
    call_command("send_event_reminders", stdout=out)
    assert "1 reminder(s) sent" in out.getvalue()
    assert len(mail.outbox) == 1


# --- retention ----------------------------------------------------------------------------


def ended_days_ago(days: float):
    starts_at = timezone.now() - dt.timedelta(days=days, hours=2)
    return registration_date(starts_at=starts_at)  # ends two hours after the start


@override_settings(REGISTRATION_RETENTION_DAYS=30)
def test_purge_anonymises_old_registrations_and_keeps_counts():
    old = ended_days_ago(31)
    recent = ended_days_ago(29)
    old_registration = RegistrationFactory(
        occurrence=old, state=State.CONFIRMED, adults=2, children=3, note="Allergie"
    )
    old_token = old_registration.token
    recent_registration = RegistrationFactory(occurrence=recent, state=State.CONFIRMED)

    result = purge_registrations.enqueue()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == {"anonymised": 1, "deleted": 0}

    old_registration.refresh_from_db()
    assert (old_registration.name, old_registration.email, old_registration.note) == ("", "", "")
    assert old_registration.token != old_token
    assert (old_registration.state, old_registration.places) == (State.CONFIRMED, 5)
    recent_registration.refresh_from_db()
    assert recent_registration.email

    assert services.registration_purge().anonymised == 0  # idempotent


def test_purge_deletes_unconfirmed_registrations_after_link_expiry():
    occurrence = registration_date()
    stale = RegistrationFactory(occurrence=occurrence)
    fresh = RegistrationFactory(occurrence=occurrence)
    Registration.objects.filter(pk=stale.pk).update(
        updated_at=timezone.now() - dt.timedelta(hours=49)
    )
    confirmed_long_ago = RegistrationFactory(occurrence=occurrence, state=State.CONFIRMED)
    Registration.objects.filter(pk=confirmed_long_ago.pk).update(
        updated_at=timezone.now() - dt.timedelta(days=5)
    )
    result = services.registration_purge()
    assert (result.deleted, result.anonymised) == (1, 0)
    assert set(Registration.objects.values_list("pk", flat=True)) == {
        fresh.pk,
        confirmed_long_ago.pk,
    }


def test_purge_command_dry_run_changes_nothing():
    old = ended_days_ago(40)
    registration = RegistrationFactory(occurrence=old, state=State.CONFIRMED)
    out = StringIO()
    call_command("purge_registrations", "--dry-run", stdout=out)
    assert "Dry run: 1 registration(s)" in out.getvalue()
    registration.refresh_from_db()
    assert registration.email
    call_command("purge_registrations", stdout=out)
    registration.refresh_from_db()
    assert registration.email == ""


def test_anonymised_registration_gets_no_mail():
    registration = RegistrationFactory(occurrence=ended_days_ago(40), state=State.CONFIRMED)
    services.registration_purge()
    assert send_registration_mail.enqueue(registration_id=registration.pk, kind="reminder")
    assert not mail.outbox


def test_mail_task_for_deleted_registration_does_nothing():
    result = send_registration_mail.enqueue(registration_id=999_999, kind="confirmed")
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value is False
