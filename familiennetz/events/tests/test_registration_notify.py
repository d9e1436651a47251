"""People registered for a date hear about it when the date is cancelled, postponed, moved
online, moved to another time or reinstated – once, in their language, and only they."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.formats import time_format

from familiennetz.events import services
from familiennetz.events.models import EventStatus, Registration
from familiennetz.events.tests.test_occurrences import _admin_change

from .factories import BERLIN, EventFactory, RegistrationFactory
from .registration_support import confirmed, link_in, mails_to

State = Registration.State
pytestmark = pytest.mark.django_db


def series(*, alliance=None, weeks: int = 3, **fields):
    """A weekly parents' evening with registration and real materialised dates."""
    start = (timezone.now() + dt.timedelta(days=2)).astimezone(BERLIN)
    start = start.replace(hour=19, minute=0, second=0, microsecond=0)
    values = {
        "title": "Elternabend Trennung und Trauer",
        "starts_at": start,
        "ends_at": start + dt.timedelta(hours=2),
        "rrule": f"FREQ=WEEKLY;COUNT={weeks}",
        "requires_registration": True,
        "capacity": 1,
        **fields,
    }
    if alliance is not None:
        values["alliance"] = alliance
    event = EventFactory(**values)
    services.event_sync_occurrences(event=event)
    return event, list(event.occurrences.order_by("starts_at"))


def people(occurrence):
    """Confirmed (de), waiting (en), pending and cancelled registrations for one date."""
    holder = confirmed(occurrence, email="holder@example.org", language="de")
    waiting = confirmed(occurrence, email="waiting@example.org", language="en")
    pending = RegistrationFactory(occurrence=occurrence, email="pending@example.org")
    gone = confirmed(occurrence, email="gone@example.org")
    from familiennetz.events.registration import registration_cancel

    registration_cancel(registration_id=gone.pk)
    assert (holder.state, waiting.state) == (State.CONFIRMED, State.WAITING)
    assert pending.state == State.PENDING
    mail.outbox.clear()
    return holder, waiting


def changed_mails():
    return [m for m in mail.outbox if m.to[0] in {"holder@example.org", "waiting@example.org"}]


def test_cancelled_date_mails_confirmed_and_waiting_people_once(
    django_capture_on_commit_callbacks,
):
    _event, (first, second, _third) = series()
    people(first)
    confirmed(second, email="other-date@example.org")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.occurrence_cancel(occurrence=first, note="Die Referentin ist krank.")
    assert sorted(m.to[0] for m in mail.outbox) == ["holder@example.org", "waiting@example.org"]
    english = mails_to("waiting@example.org")[0]
    title = "Elternabend Trennung und Trauer"
    assert english.subject == f"[{first.alliance.name}] Cancelled: {title}"
    assert "has been cancelled" in english.body
    assert "Die Referentin ist krank." in english.body
    assert "still on the waiting list" in english.body
    assert "/absagen/" not in english.body  # nothing to cancel any more
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.occurrence_cancel(occurrence=first, note="Die Referentin ist krank.")
    assert mail.outbox == []  # cancelling again tells nobody twice


def test_moved_date_mails_the_new_time_with_a_cancel_link(
    client, django_capture_on_commit_callbacks
):
    _event, (first, *_rest) = series()
    people(first)
    later = first.starts_at + dt.timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        services.occurrence_update(occurrence=first, starts_at=later, status_note="Raum 2")
    message = mails_to("waiting@example.org")[0]
    assert "Changed date" in message.subject
    with translation.override("en"):
        new_time = time_format(later.astimezone(BERLIN), "TIME_FORMAT")
    assert new_time in message.body and "Raum 2" in message.body
    cancel = link_in(message, "absagen")
    assert client.get(cancel).status_code == 200  # the link in the mail works
    with django_capture_on_commit_callbacks(execute=True):
        services.occurrence_update(occurrence=first, status_note="Raum 3")  # only a notice
    assert len(mails_to("waiting@example.org")) == 1


def test_reinstated_date_is_announced(django_capture_on_commit_callbacks):
    _event, (first, *_rest) = series()
    people(first)
    services.occurrence_cancel(occurrence=first)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.occurrence_reset(occurrence=first)
    assert len(changed_mails()) == 2
    for address, language in [("holder@example.org", "de"), ("waiting@example.org", "en")]:
        with translation.override(language):
            expected = translation.gettext("Changed date: %(title)s") % {"title": first.event.title}
        assert mails_to(address)[0].subject.endswith(expected)


def test_event_status_change_mails_registrants_of_future_dates_only(
    django_capture_on_commit_callbacks,
):
    event, (first, second, _third) = series(online_url="https://meet.example.org/elternabend")
    people(first)
    past = confirmed(second, email="past@example.org")
    type(second).objects.filter(pk=second.pk).update(
        starts_at=timezone.now() - dt.timedelta(hours=3),
        ends_at=timezone.now() - dt.timedelta(hours=1),
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.event_set_status(event=event, event_status=EventStatus.MOVED_ONLINE)
    assert sorted(m.to[0] for m in mail.outbox) == ["holder@example.org", "waiting@example.org"]
    message = mails_to("waiting@example.org")[0]
    assert "Now online" in message.subject
    assert "https://meet.example.org/elternabend" in message.body
    assert past.email not in {m.to[0] for m in mail.outbox}
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.event_set_status(event=event, event_status=EventStatus.MOVED_ONLINE, note="x")
    assert mail.outbox == []  # same status: no news


def test_a_date_cancelled_on_its_own_gets_no_news_when_the_event_moves_online(
    django_capture_on_commit_callbacks,
):
    event, (first, second, _third) = series(online_url="https://meet.example.org/x")
    people(first)
    confirmed(second, email="second@example.org")
    services.occurrence_cancel(occurrence=first)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.event_set_status(event=event, event_status=EventStatus.MOVED_ONLINE)
    assert [m.to[0] for m in mail.outbox] == ["second@example.org"]  # first stays cancelled
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.event_set_status(event=event, event_status=EventStatus.CANCELLED)
    assert [m.to[0] for m in mail.outbox] == ["second@example.org"]


def test_series_time_change_and_dropped_dates_are_announced(django_capture_on_commit_callbacks):
    event, (first, second, third) = series()
    people(first)
    confirmed(third, email="third@example.org")
    mail.outbox.clear()
    event.starts_at += dt.timedelta(minutes=30)
    event.ends_at += dt.timedelta(minutes=30)
    event.exdates = [third.original_start.astimezone(BERLIN).date().isoformat()]
    event.save()
    with django_capture_on_commit_callbacks(execute=True):
        result = services.event_sync_occurrences(event=event)
    third.refresh_from_db()
    assert third.event_status == EventStatus.CANCELLED  # kept: it has a registration
    assert result.changed_ids == {first.pk, second.pk, third.pk}  # only those with people hear
    assert sorted(m.to[0] for m in mail.outbox) == [
        "holder@example.org",
        "third@example.org",
        "waiting@example.org",
    ]
    assert "Abgesagt:" in mails_to("third@example.org")[0].subject
    with translation.override("de"):
        new_time = time_format(first.starts_at.astimezone(BERLIN) + dt.timedelta(minutes=30))
    assert new_time in mails_to("holder@example.org")[0].body


def test_admin_change_of_status_and_time_mails_each_person_once(
    admin_client, alliance, django_capture_on_commit_callbacks
):
    event, (first, *_rest) = series(alliance=alliance)
    people(first)
    start = first.starts_at.astimezone(BERLIN)
    with django_capture_on_commit_callbacks(execute=True):
        response = _admin_change(
            admin_client,
            event,
            change={
                "event_status": EventStatus.POSTPONED,
                "starts_at_0": start.date().isoformat(),
                "starts_at_1": "18:00:00",
            },
        )
    assert response.status_code == 302
    assert sorted(m.to[0] for m in changed_mails()) == [
        "holder@example.org",
        "waiting@example.org",
    ]
    assert "Postponed" in mails_to("waiting@example.org")[0].subject


def test_admin_inline_cancellation_of_one_date_mails_its_registrants(
    admin_client, alliance, django_capture_on_commit_callbacks
):
    event, (first, second, _third) = series(alliance=alliance)
    people(first)
    confirmed(second, email="second@example.org")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = _admin_change(
            admin_client, event, change_inline={"event_status": EventStatus.CANCELLED}
        )
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["holder@example.org", "waiting@example.org"]


def test_change_mail_is_in_the_registrants_language(django_capture_on_commit_callbacks):
    _event, (first, *_rest) = series()
    people(first)
    with django_capture_on_commit_callbacks(execute=True):
        services.occurrence_cancel(occurrence=first)
    german = mails_to("holder@example.org")[0]
    english = mails_to("waiting@example.org")[0]
    with translation.override("de"):
        expected = translation.gettext("Cancelled: %(title)s") % {"title": first.event.title}
    assert german.subject.endswith(expected)
    assert "/en/" not in german.body and "/en/" in english.body
