"""The public registration flow through the Django test client (no login, no cookies)."""

import datetime as dt

import pytest
from django.core import mail
from django.core.cache import cache
from django.template.loader import render_to_string
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from familiennetz.events import registration as services
from familiennetz.events.models import EventStatus, Registration

from .factories import RegistrationFactory
from .registration_support import confirmed, de, de_html, link_in, mails_to, registration_date

State = Registration.State
pytestmark = pytest.mark.django_db


def register_url(occurrence, *, language: str = "") -> str:
    url = reverse(
        "registration:register",
        kwargs={"alliance_slug": occurrence.alliance.slug, "slug": occurrence.event.slug},
    )
    return f"{'/' + language if language else ''}{url}?termin={occurrence.pk}"


def form_data(**changes) -> dict:
    data = {
        "name": "Anna Beispiel",
        "email": "anna@example.org",
        "adults": "1",
        "children": "2",
        "note": "Kinder 2 und 5 Jahre",
        "website": "",
        "privacy": "on",
    }
    data.update(changes)
    return data


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate-limit counters live in the cache, and IDs repeat between tests."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def date(alliance):
    return registration_date(alliance=alliance, capacity=3, title="Elternabend Schulstart")


def test_full_flow_register_confirm_cancel_promote(
    client, date, django_capture_on_commit_callbacks
):
    # Capacity 4, one place taken: Anna's 3 places fill the date.
    event = date.event
    event.capacity = 4
    event.save()
    confirmed(date, adults=1, email="holder@example.org")

    # 1. Register: pending, confirmation e-mail, redirect to "check your e-mail".
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(register_url(date), form_data())
    assert response.status_code == 302
    assert response["Location"].endswith("/anmelden/gesendet/")
    assert de_html("Almost done: please check your e-mail") in client.get(response["Location"]).text
    registration = Registration.objects.get(email="anna@example.org")
    assert registration.state == State.PENDING
    assert registration.language == "de"
    assert services.places_taken(occurrence_id=date.pk) == 1  # pending holds no seat
    (message,) = mails_to("anna@example.org")
    assert message.subject.startswith(f"[{date.alliance.name}] ")
    assert "Elternabend Schulstart" in message.subject

    # 2. The link shows a button (mail scanners only GET); POST confirms.
    confirm_path = link_in(message, "bestaetigen")
    page = client.get(confirm_path)
    assert page.status_code == 200
    assert de_html("Confirm registration") in page.text
    assert Registration.objects.get(pk=registration.pk).state == State.PENDING
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(confirm_path)
    assert response.status_code == 200
    assert de_html("You are registered") in response.text
    registration.refresh_from_db()
    assert registration.state == State.CONFIRMED
    assert services.places_taken(occurrence_id=date.pk) == 4
    confirmation = mails_to("anna@example.org")[-1]
    assert confirmation.subject.endswith(de("You are registered: %(title)s", title=event.title))

    # 3. Ben confirms too late for a place: waiting list.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(register_url(date), form_data(email="ben@example.org", children="0"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link_in(mails_to("ben@example.org")[0], "bestaetigen"))
    assert de_html("You are on the waiting list") in response.text
    ben = Registration.objects.get(email="ben@example.org")
    assert ben.state == State.WAITING

    # 4. Anna cancels by link: her places are freed, Ben moves up and is e-mailed.
    cancel_path = link_in(confirmation, "absagen")
    assert de_html("Yes, cancel my registration") in client.get(cancel_path).text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(cancel_path)
    assert response.status_code == 200
    assert de_html("Your registration is cancelled") in response.text
    registration.refresh_from_db()
    ben.refresh_from_db()
    assert registration.state == State.CANCELLED
    assert ben.state == State.CONFIRMED
    cancelled = de("Registration cancelled: %(title)s", title=event.title)
    assert mails_to("anna@example.org")[-1].subject.endswith(cancelled)
    promoted = mails_to("ben@example.org")[-1]
    moved_up = de("A place became free – you are registered: %(title)s", title=event.title)
    assert promoted.subject.endswith(moved_up)
    assert "/absagen/" in promoted.body
    assert services.places_taken(occurrence_id=date.pk) == 2


def test_sign_up_sets_no_cookie(client, date):
    response = client.get(register_url(date))
    assert response.status_code == 200
    assert not response.cookies
    response = client.post(register_url(date), form_data())
    assert not response.cookies


def test_form_keeps_input_and_names_the_field(client, date):
    response = client.post(
        register_url(date), form_data(email="keine-adresse", adults="0", children="0")
    )
    assert response.status_code == 200
    text = response.text
    assert 'value="Anna Beispiel"' in text
    assert 'value="keine-adresse"' in text
    assert "Kinder 2 und 5 Jahre" in text
    assert 'href="#registration-email"' in text  # error summary links to the field
    assert 'aria-invalid="true"' in text
    form = response.context["form"]
    assert set(form.errors) == {"email", "adults"}
    assert not Registration.objects.exists()


def test_missing_consent_is_an_error(client, date):
    response = client.post(register_url(date), form_data(privacy=""))
    assert "privacy" in response.context["form"].errors
    assert not Registration.objects.exists()


def test_too_many_places_without_waiting_list(client, alliance):
    date = registration_date(alliance=alliance, capacity=3, has_waiting_list=False)
    confirmed(date, adults=1)
    response = client.post(register_url(date), form_data(adults="2", children="1"))
    expected = de(
        "Only %(count)d place is available. Please register fewer people.",
        plural="Only %(count)d places are available. Please register fewer people.",
        n=2,
        count=2,
    )
    assert response.context["form"].errors["adults"] == [expected]


def test_honeypot_pretends_success_but_stores_nothing(client, date):
    response = client.post(register_url(date), form_data(website="http://spam.example"))
    assert response.status_code == 302
    assert not Registration.objects.exists()
    assert not mail.outbox


@override_settings(REGISTRATION_RATE_LIMIT=3, REGISTRATION_RATE_WINDOW=600)
def test_rate_limit_answers_429_with_friendly_page(client, date):
    for _ in range(3):
        assert client.post(register_url(date), form_data(name="")).status_code == 200
    response = client.post(register_url(date), form_data())
    assert response.status_code == 429
    assert de_html("Too many attempts") in response.text
    assert not Registration.objects.exists()
    # Another client (IP) is not affected; GET is never limited.
    assert client.get(register_url(date)).status_code == 200
    other = client.post(register_url(date), form_data(), REMOTE_ADDR="192.0.2.77")
    assert other.status_code == 302


@override_settings(REGISTRATION_RATE_LIMIT=1)
def test_rate_limit_is_per_event(client, alliance):
    first = registration_date(alliance=alliance)
    second = registration_date(alliance=alliance)
    client.post(register_url(first), form_data(name=""))
    assert client.post(register_url(first), form_data()).status_code == 429
    assert client.post(register_url(second), form_data()).status_code == 302


def test_deadline_passed_shows_no_form_and_refuses_post(client, alliance):
    date = registration_date(
        alliance=alliance, starts_at=timezone.now() + dt.timedelta(hours=3), closes_hours=24
    )
    page = client.get(register_url(date))
    assert de_html("Registration closed: the registration deadline has passed.") in page.text
    assert "<form" not in page.text.split("<main", 1)[1]
    response = client.post(register_url(date), form_data())
    assert response.status_code == 409
    assert not Registration.objects.exists()


def test_cancelled_date_refuses_registration(client, alliance):
    date = registration_date(alliance=alliance)
    date.event_status = EventStatus.CANCELLED
    date.save()
    response = client.post(register_url(date), form_data())
    assert response.status_code == 409
    assert de_html("This date is cancelled. Registration is not possible.") in response.text
    assert not Registration.objects.exists()


def test_event_without_registration_or_other_alliance_is_404(client, alliance, other_alliance):
    no_registration = registration_date(alliance=alliance, requires_registration=False)
    assert client.get(register_url(no_registration)).status_code == 404
    foreign = registration_date(alliance=other_alliance)
    url = reverse(
        "registration:register", kwargs={"alliance_slug": alliance.slug, "slug": foreign.event.slug}
    )
    assert client.get(url).status_code == 404
    mine = registration_date(alliance=alliance)
    assert client.get(f"{register_url(mine).split('?')[0]}?termin={foreign.pk}").status_code == 404


def test_expired_confirm_link_shows_clear_page(client, date, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(register_url(date), form_data())
    path = link_in(mail.outbox[0], "bestaetigen")
    with override_settings(REGISTRATION_CONFIRM_HOURS=0):
        response = client.post(path)
    assert response.status_code == 400
    assert de_html("This link has expired") in response.text
    assert Registration.objects.get().state == State.PENDING


def test_forged_signature_shows_clear_page(client, date):
    registration = RegistrationFactory(occurrence=date)
    good = services.link_signature(registration=registration, purpose=services.CONFIRM)
    for signature in (good[:-2] + "xx", "nonsense", good.replace(".", "", 1)):
        url = reverse(
            "registration:confirm",
            kwargs={
                "alliance_slug": date.alliance.slug,
                "token": registration.token,
                "signature": signature,
            },
        )
        response = client.post(url)
        assert response.status_code == 400
        assert de_html("This link is not valid") in response.text
    registration.refresh_from_db()
    assert registration.state == State.PENDING


def test_link_for_deleted_registration_is_404(client, date):
    registration = RegistrationFactory(occurrence=date)
    url = reverse(
        "registration:cancel",
        kwargs={
            "alliance_slug": date.alliance.slug,
            "token": registration.token,
            "signature": services.link_signature(
                registration=registration, purpose=services.CANCEL
            ),
        },
    )
    registration.delete()
    response = client.get(url)
    assert response.status_code == 404
    assert de_html("This registration no longer exists") in response.text


def test_english_registrant_gets_english_mail_and_links(
    client, date, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(register_url(date, language="en"), form_data())
    assert response["Location"].startswith("/en/")
    registration = Registration.objects.get()
    assert registration.language == "en"
    (message,) = mail.outbox
    assert "Please confirm your registration" in message.subject
    assert "/en/" + date.alliance.slug + "/anmeldung/" in message.body
    assert "Places: 1 adult, 2 children" in message.body
    # Later mails keep the registrant's language even when sent from a German context.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link_in(message, "bestaetigen"))
    assert "You are registered" in mail.outbox[-1].subject


def test_confirm_page_of_confirmed_registration_shows_status(client, date):
    registration = confirmed(date)
    url = reverse(
        "registration:confirm",
        kwargs={
            "alliance_slug": date.alliance.slug,
            "token": registration.token,
            "signature": services.link_signature(
                registration=registration, purpose=services.CONFIRM
            ),
        },
    )
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["result"] == State.CONFIRMED


def test_cancel_after_start_is_refused(client, alliance):
    date = registration_date(alliance=alliance, starts_at=timezone.now() - dt.timedelta(hours=1))
    registration = RegistrationFactory(occurrence=date, state=State.CONFIRMED)
    url = reverse(
        "registration:cancel",
        kwargs={
            "alliance_slug": alliance.slug,
            "token": registration.token,
            "signature": services.link_signature(
                registration=registration, purpose=services.CANCEL
            ),
        },
    )
    assert de_html("The date has already begun") in client.get(url).text
    response = client.post(url)
    assert response.context["result"] == "too_late"
    registration.refresh_from_db()
    assert registration.state == State.CONFIRMED


# --- the panel on the event page ----------------------------------------------------------


def render_panel(event, occurrence) -> str:
    return render_to_string(
        "events/registration/_panel.html", {"event": event, "occurrence": occurrence}
    )


def test_panel_shows_free_places_and_form(date):
    confirmed(date, adults=1)
    html = render_panel(date.event, date)
    assert (
        de_html(
            "%(free)s of %(capacity)s places free",
            plural="%(free)s of %(capacity)s places free",
            n=2,
            free=2,
            capacity=3,
        )
        in html
    )
    assert f"?termin={date.pk}" in html
    assert 'name="website"' in html and 'aria-hidden="true"' in html


def test_panel_states(alliance):
    waiting = registration_date(alliance=alliance, capacity=1)
    confirmed(waiting)
    waiting_panel = render_panel(waiting.event, waiting)
    assert (
        de_html(
            "Fully booked – waiting list. Sign up for the waiting list: if a place becomes "
            "free, you move up and we let you know by e-mail."
        )
        in waiting_panel
    )
    assert de_html("Join the waiting list") in waiting_panel

    full = registration_date(alliance=alliance, capacity=1, has_waiting_list=False)
    confirmed(full)
    html = render_panel(full.event, full)
    assert de_html("Fully booked. Registration is no longer possible.") in html
    assert "<form" not in html

    late = registration_date(
        alliance=alliance, starts_at=timezone.now() + dt.timedelta(hours=1), closes_hours=2
    )
    html = render_panel(late.event, late)
    assert de_html("Registration closed: the registration deadline has passed.") in html
    assert "<form" not in html

    no_date = registration_date(alliance=alliance)
    assert de_html("There is no upcoming date to register for.") in render_panel(
        no_date.event, None
    )

    not_needed = registration_date(alliance=alliance, requires_registration=False)
    assert render_panel(not_needed.event, not_needed).strip() == ""


def _cancel_page(client, registration):
    signature = services.link_signature(registration=registration, purpose=services.CANCEL)
    url = reverse(
        "registration:cancel",
        kwargs={
            "alliance_slug": registration.alliance.slug,
            "token": registration.token,
            "signature": signature,
        },
    )
    return client.get(url).text


def test_cancel_page_promises_the_waiting_list_only_when_somebody_waits(client, alliance):
    """Issue 16: with places free, nobody is waiting for this place."""
    roomy = registration_date(alliance=alliance, capacity=25, title="Laternenbasteln")
    anna = confirmed(roomy)
    page = _cancel_page(client, anna)
    assert de_html("Your places go to the next people on the waiting list.") not in page
    assert de_html("Your places become free for others.") in page

    full = registration_date(alliance=alliance, capacity=1, title="Babymassage")
    first = confirmed(full)
    waiting = confirmed(full)
    assert waiting.state == Registration.State.WAITING
    assert de_html("Your places go to the next people on the waiting list.") in _cancel_page(
        client, first
    )
