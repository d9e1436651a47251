"""Seat accounting, waiting list, deadline and signed links (events/registration.py)."""

import datetime as dt

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from familiennetz.events import registration as services
from familiennetz.events.models import EventStatus, Registration
from familiennetz.events.registration import Availability

from .factories import RegistrationFactory
from .registration_support import confirmed, de, registration_date

State = Registration.State
pytestmark = pytest.mark.django_db


def states(occurrence) -> dict[str, int]:
    counts: dict[str, int] = {}
    for state in occurrence.registrations.values_list("state", flat=True):
        counts[state] = counts.get(state, 0) + 1
    return counts


# --- availability -------------------------------------------------------------------------


def test_open_date_counts_free_places():
    occurrence = registration_date(capacity=10)
    confirmed(occurrence, adults=2, children=1)
    RegistrationFactory(occurrence=occurrence, adults=4)  # pending: holds no seat
    availability = services.registration_availability(occurrence=occurrence)
    assert availability.status == Availability.OPEN
    assert (availability.capacity, availability.taken, availability.free) == (10, 3, 7)


def test_date_without_capacity_has_no_limit():
    occurrence = registration_date(capacity=None)
    confirmed(occurrence, adults=20)
    availability = services.registration_availability(occurrence=occurrence)
    assert availability.is_open and availability.free is None


def test_booked_out_date_offers_waiting_list_or_is_full():
    with_list = registration_date(capacity=2, has_waiting_list=True)
    without_list = registration_date(capacity=2, has_waiting_list=False)
    for occurrence in (with_list, without_list):
        confirmed(occurrence, adults=2)
    assert services.registration_availability(occurrence=with_list).is_waiting_list
    assert services.registration_availability(occurrence=without_list).is_full


def test_registration_closes_hours_before_start():
    starts_at = timezone.now() + dt.timedelta(hours=20)
    occurrence = registration_date(starts_at=starts_at, closes_hours=24)
    availability = services.registration_availability(occurrence=occurrence)
    assert availability.is_deadline_passed
    assert availability.closes_at == starts_at - dt.timedelta(hours=24)
    still_open = services.registration_availability(
        occurrence=occurrence, now=starts_at - dt.timedelta(hours=25)
    )
    assert still_open.is_open


def test_cancelled_event_or_date_takes_no_registrations():
    cancelled_date = registration_date()
    cancelled_date.event_status = EventStatus.CANCELLED
    cancelled_date.save()
    cancelled_event = registration_date(event_status=EventStatus.CANCELLED)
    postponed_event = registration_date(event_status=EventStatus.POSTPONED)
    for occurrence in (cancelled_date, cancelled_event, postponed_event):
        assert services.registration_availability(occurrence=occurrence).is_cancelled


def test_event_without_registration_is_not_available():
    occurrence = registration_date(requires_registration=False)
    assert services.registration_availability(occurrence=occurrence).is_not_available


# --- create -------------------------------------------------------------------------------


def test_create_stores_pending_registration_and_mails_link(django_capture_on_commit_callbacks):
    occurrence = registration_date()
    with django_capture_on_commit_callbacks(execute=True):
        outcome = services.registration_create(
            occurrence=occurrence,
            name=" Anna Beispiel ",
            email="anna@example.org",
            adults=1,
            children=2,
            note="Kinder 2 und 4",
            language="de",
        )
    registration = outcome.registration
    assert outcome.created
    assert registration.state == State.PENDING
    assert registration.name == "Anna Beispiel"
    assert registration.places == 3
    assert services.places_taken(occurrence_id=occurrence.pk) == 0
    (message,) = mail.outbox
    assert message.to == ["anna@example.org"]
    assert "/bestaetigen/" in message.body


def test_create_refuses_after_deadline():
    occurrence = registration_date(starts_at=timezone.now() + dt.timedelta(hours=2), closes_hours=3)
    with pytest.raises(services.RegistrationClosed) as error:
        services.registration_create(
            occurrence=occurrence, name="A", email="a@example.org", adults=1, children=0
        )
    assert error.value.availability.is_deadline_passed
    assert not Registration.objects.exists()


def test_create_refuses_cancelled_date():
    occurrence = registration_date(event_status=EventStatus.CANCELLED)
    with pytest.raises(services.RegistrationClosed):
        services.registration_create(
            occurrence=occurrence, name="A", email="a@example.org", adults=1, children=0
        )


def test_repeated_sign_up_makes_no_second_registration(django_capture_on_commit_callbacks):
    occurrence = registration_date()
    existing = confirmed(occurrence, email="anna@example.org")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        outcome = services.registration_create(
            occurrence=occurrence, name="Anna", email="ANNA@example.org", adults=3, children=0
        )
    assert not outcome.created and outcome.registration.pk == existing.pk
    assert occurrence.registrations.count() == 1
    (message,) = mail.outbox
    assert "/absagen/" in message.body and "/bestaetigen/" not in message.body


def test_repeated_pending_sign_up_resends_confirmation(django_capture_on_commit_callbacks):
    occurrence = registration_date()
    pending = RegistrationFactory(occurrence=occurrence, email="anna@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        outcome = services.registration_create(
            occurrence=occurrence, name="Anna", email="anna@example.org", adults=1, children=0
        )
    assert outcome.registration.pk == pending.pk and not outcome.created
    (message,) = mail.outbox
    assert "/bestaetigen/" in message.body


def test_repeated_sign_up_answers_in_the_language_used_now(django_capture_on_commit_callbacks):
    occurrence = registration_date()
    existing = confirmed(occurrence, email="olena@example.org", language="de")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_create(
            occurrence=occurrence,
            name="Olena",
            email="olena@example.org",
            adults=1,
            children=0,
            language="en",
        )
    (message,) = mail.outbox
    assert "/en/" in message.body and "Hello" in message.body
    existing.refresh_from_db()
    assert existing.language == "en"  # later mails (reminder) follow


# --- confirm: seat allocation -------------------------------------------------------------


def test_confirm_allocates_seats_while_they_fit():
    occurrence = registration_date(capacity=5)
    first = confirmed(occurrence, adults=2, children=1)
    second = confirmed(occurrence, adults=2)
    third = confirmed(occurrence, adults=1)
    assert [first.state, second.state, third.state] == [
        State.CONFIRMED,
        State.CONFIRMED,
        State.WAITING,
    ]
    assert services.places_taken(occurrence_id=occurrence.pk) == 5


def test_confirm_puts_too_large_group_on_waiting_list_but_smaller_one_fits():
    occurrence = registration_date(capacity=4)
    confirmed(occurrence, adults=3)
    big = confirmed(occurrence, adults=2)
    small = confirmed(occurrence, adults=1)
    assert big.state == State.WAITING
    assert small.state == State.CONFIRMED
    assert services.places_taken(occurrence_id=occurrence.pk) == 4


def test_confirm_without_waiting_list_reports_full():
    occurrence = registration_date(capacity=1, has_waiting_list=False)
    confirmed(occurrence)
    late = RegistrationFactory(occurrence=occurrence)
    outcome = services.registration_confirm(registration_id=late.pk)
    assert outcome.result == "full"
    late.refresh_from_db()
    assert late.state == State.CANCELLED and late.cancelled_at is not None


def test_confirm_twice_changes_nothing():
    occurrence = registration_date()
    registration = confirmed(occurrence)
    outcome = services.registration_confirm(registration_id=registration.pk)
    assert (outcome.result, outcome.changed) == (State.CONFIRMED, False)


def test_confirm_after_deadline_is_refused():
    occurrence = registration_date(
        starts_at=timezone.now() + dt.timedelta(hours=5), closes_hours=24
    )
    registration = RegistrationFactory(occurrence=occurrence)
    outcome = services.registration_confirm(registration_id=registration.pk)
    assert outcome.result == "closed"
    registration.refresh_from_db()
    assert registration.state == State.PENDING


def test_confirm_for_cancelled_date_is_refused():
    occurrence = registration_date()
    registration = RegistrationFactory(occurrence=occurrence)
    occurrence.event_status = EventStatus.CANCELLED
    occurrence.save()
    assert services.registration_confirm(registration_id=registration.pk).result == "closed"


def test_confirm_mails_result(django_capture_on_commit_callbacks):
    occurrence = registration_date(capacity=1)
    first = RegistrationFactory(occurrence=occurrence, email="first@example.org")
    second = RegistrationFactory(occurrence=occurrence, email="second@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_confirm(registration_id=first.pk)
        services.registration_confirm(registration_id=second.pk)
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    title = occurrence.event.title
    assert subjects["first@example.org"].endswith(de("You are registered: %(title)s", title=title))
    assert subjects["second@example.org"].endswith(
        de("You are on the waiting list: %(title)s", title=title)
    )


# --- cancel and promotion -----------------------------------------------------------------


def test_cancel_frees_seats_and_promotes_first_waiting(django_capture_on_commit_callbacks):
    occurrence = registration_date(capacity=2)
    holder = confirmed(occurrence, adults=1, email="holder@example.org")
    confirmed(occurrence, adults=1)
    first_waiting = confirmed(occurrence, adults=1, email="w1@example.org")
    second_waiting = confirmed(occurrence, adults=1, email="w2@example.org")
    assert first_waiting.state == second_waiting.state == State.WAITING
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        outcome = services.registration_cancel(registration_id=holder.pk)
    assert outcome.result == "cancelled" and outcome.promoted == [first_waiting.pk]
    first_waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    assert first_waiting.state == State.CONFIRMED
    assert second_waiting.state == State.WAITING
    assert services.places_taken(occurrence_id=occurrence.pk) == 2
    assert sorted(message.to[0] for message in mail.outbox) == [
        "holder@example.org",
        "w1@example.org",
    ]


def test_promotion_takes_first_that_fits():
    occurrence = registration_date(capacity=3)
    holder = confirmed(occurrence, adults=1)
    confirmed(occurrence, adults=2)
    big = confirmed(occurrence, adults=2)  # waits first, needs 2
    small = confirmed(occurrence, adults=1)  # waits second, needs 1
    other_small = confirmed(occurrence, adults=1)
    assert big.state == small.state == other_small.state == State.WAITING
    outcome = services.registration_cancel(registration_id=holder.pk)
    assert outcome.promoted == [small.pk]
    big.refresh_from_db()
    assert big.state == State.WAITING


def test_cancelling_a_big_group_promotes_several():
    occurrence = registration_date(capacity=4)
    group = confirmed(occurrence, adults=2, children=2)
    waiting = [confirmed(occurrence, adults=1) for _ in range(3)]
    outcome = services.registration_cancel(registration_id=group.pk)
    assert outcome.promoted == [registration.pk for registration in waiting]
    assert services.places_taken(occurrence_id=occurrence.pk) == 3


def test_cancelling_waiting_or_pending_promotes_nobody():
    occurrence = registration_date(capacity=1)
    confirmed(occurrence)
    waiting = confirmed(occurrence)
    also_waiting = confirmed(occurrence)
    pending = RegistrationFactory(occurrence=occurrence)
    assert services.registration_cancel(registration_id=waiting.pk).promoted == []
    assert services.registration_cancel(registration_id=pending.pk).promoted == []
    also_waiting.refresh_from_db()
    assert also_waiting.state == State.WAITING


def test_cancel_twice_and_after_start():
    occurrence = registration_date()
    registration = confirmed(occurrence)
    services.registration_cancel(registration_id=registration.pk)
    again = services.registration_cancel(registration_id=registration.pk)
    assert (again.result, again.changed) == ("cancelled", False)

    started = registration_date(starts_at=timezone.now() - dt.timedelta(minutes=5))
    late = RegistrationFactory(occurrence=started, state=State.CONFIRMED)
    outcome = services.registration_cancel(registration_id=late.pk)
    assert outcome.result == "too_late"
    late.refresh_from_db()
    assert late.state == State.CONFIRMED


def test_promote_waiting_fills_raised_capacity():
    occurrence = registration_date(capacity=1)
    confirmed(occurrence)
    waiting = [confirmed(occurrence) for _ in range(3)]
    event = occurrence.event
    event.capacity = 3
    event.save()
    promoted = services.registration_promote_waiting(occurrence_id=occurrence.pk)
    assert promoted == [waiting[0].pk, waiting[1].pk]
    assert states(occurrence) == {State.CONFIRMED: 3, State.WAITING: 1}


# --- signed links -------------------------------------------------------------------------


def test_signed_link_roundtrip(alliance):
    occurrence = registration_date(alliance=alliance)
    registration = RegistrationFactory(occurrence=occurrence)
    for purpose in (services.CONFIRM, services.CANCEL):
        signature = services.link_signature(registration=registration, purpose=purpose)
        found = services.registration_get_by_link(
            alliance=alliance, token=registration.token, signature=signature, purpose=purpose
        )
        assert found == registration


def test_confirm_signature_is_no_cancel_signature(alliance):
    registration = RegistrationFactory(occurrence=registration_date(alliance=alliance))
    signature = services.link_signature(registration=registration, purpose=services.CONFIRM)
    with pytest.raises(services.LinkError) as error:
        services.registration_get_by_link(
            alliance=alliance,
            token=registration.token,
            signature=signature,
            purpose=services.CANCEL,
        )
    assert error.value.reason == "invalid"


def test_confirm_link_expires(alliance):
    registration = RegistrationFactory(occurrence=registration_date(alliance=alliance))
    signature = services.link_signature(registration=registration, purpose=services.CONFIRM)
    with (
        override_settings(REGISTRATION_CONFIRM_HOURS=0),
        pytest.raises(services.LinkError) as error,
    ):
        services.registration_get_by_link(
            alliance=alliance,
            token=registration.token,
            signature=signature,
            purpose=services.CONFIRM,
        )
    assert error.value.reason == "expired"


def test_link_of_another_alliance_is_unknown(alliance, other_alliance):
    registration = RegistrationFactory(occurrence=registration_date(alliance=other_alliance))
    signature = services.link_signature(registration=registration, purpose=services.CANCEL)
    with pytest.raises(services.LinkError) as error:
        services.registration_get_by_link(
            alliance=alliance,
            token=registration.token,
            signature=signature,
            purpose=services.CANCEL,
        )
    assert error.value.reason == "unknown"
