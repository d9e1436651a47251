"""Parents plan their evenings: proposals and support without an account (rate limit,
honeypot, moderation), and one step from a topic to a calendar event with registration."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from familiennetz.directory.tests.factories import LocationFactory
from familiennetz.events.models import Event, Occurrence
from familiennetz.participation import services
from familiennetz.participation.models import Topic, TopicContact

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def board(alliance):
    return services.board_create(
        alliance=alliance, title="Elternabend im Frühjahr", description="Was interessiert Sie?"
    )


def test_a_parent_proposes_a_topic_that_waits_for_review(client, board):
    response = client.post(
        board.get_absolute_url(),
        {
            "action": "propose",
            "title": "Kinder in Trennung begleiten",
            "description": "Wie erkläre ich es meinem Kind?",
            "email": "Mutter@Example.org",
        },
    )
    assert response.status_code == 302
    assert not response.cookies
    topic = Topic.objects.get()
    assert topic.state == Topic.State.PROPOSED
    assert topic.contacts.get().email == "mutter@example.org"
    page = client.get(board.get_absolute_url()).content.decode()
    assert "Kinder in Trennung begleiten" not in page  # not before the coordination looked


def test_a_bot_filling_the_honeypot_stores_nothing(client, board):
    client.post(board.get_absolute_url(), {"action": "propose", "title": "x", "homepage": "y"})
    assert not Topic.objects.exists()


def test_proposals_missing_a_title_name_the_field(client, board):
    page = client.post(board.get_absolute_url(), {"action": "propose", "description": "Etwas"})
    assert page.status_code == 200
    body = page.content.decode()
    assert 'href="#id_title"' in body and "Etwas" in body


def test_support_is_counted_once_per_client_and_day(client, board):
    topic = services.topic_propose(board=board, title="Schlafen lernen")
    services.topic_moderate(topic=topic, state=Topic.State.VISIBLE)
    for _ in range(3):
        client.post(board.get_absolute_url(), {"action": "support", "topic": topic.pk})
    topic.refresh_from_db()
    assert topic.supporters == 2  # the proposer and one supporter
    other = client.__class__(REMOTE_ADDR="192.0.2.77")
    other.post(
        board.get_absolute_url(),
        {"action": "support", "topic": topic.pk, "email": "vater@example.org"},
    )
    topic.refresh_from_db()
    assert topic.supporters == 3
    assert topic.contacts.filter(email="vater@example.org", is_proposer=False).exists()


def test_a_flood_of_proposals_is_stopped(client, board, settings):
    settings.TOPIC_RATE_LIMIT = 2
    for n in range(2):
        client.post(board.get_absolute_url(), {"action": "propose", "title": f"Thema {n}"})
    page = client.post(board.get_absolute_url(), {"action": "propose", "title": "Noch eins"})
    assert page.status_code == 429
    assert Topic.objects.count() == 2


def test_cross_site_proposals_are_refused(client, board):
    response = client.post(
        board.get_absolute_url(),
        {"action": "propose", "title": "x"},
        HTTP_SEC_FETCH_SITE="cross-site",
    )
    assert response.status_code == 403


def test_rejecting_a_topic_deletes_its_addresses(board):
    topic = services.topic_propose(board=board, title="Werbung", email="a@example.org")
    services.topic_moderate(topic=topic, state=Topic.State.REJECTED)
    assert not TopicContact.objects.exists()


def test_a_topic_becomes_an_event_with_registration_and_the_proposers_are_told(
    client, coordinator, board, provider_organisation, committed
):
    topic = services.topic_propose(
        board=board, title="Kinder in Trennung, Trauer und Verlust begleiten", email="m@example.org"
    )
    services.topic_moderate(topic=topic, state=Topic.State.VISIBLE)
    services.topic_support(topic=topic, email="v@example.org", language="en")
    place = LocationFactory(alliance=board.alliance, organisation=provider_organisation)
    starts = (timezone.localtime() + dt.timedelta(days=30)).replace(
        hour=19, minute=0, second=0, microsecond=0
    )
    client.force_login(coordinator.user)
    url = reverse(
        "participation:manage-topic-schedule",
        kwargs={"alliance_slug": board.alliance.slug, "pk": topic.pk},
    )
    with committed():
        response = client.post(
            url,
            {
                "title": topic.title,
                "organisation": provider_organisation.pk,
                "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
                "ends_at": (starts + dt.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
                "location": place.pk,
                "capacity": 40,
            },
        )
    assert response.status_code == 302
    event = Event.objects.get()
    assert (event.status, event.requires_registration, event.capacity) == ("published", True, 40)
    assert Occurrence.objects.filter(event=event).count() == 1
    topic.refresh_from_db()
    assert topic.state == Topic.State.SCHEDULED and topic.event == event
    assert sorted(m.to[0] for m in mail.outbox) == ["m@example.org", "v@example.org"]
    german = next(m for m in mail.outbox if m.to == ["m@example.org"])
    assert "vorgeschlagen" in german.body and event.get_absolute_url() in german.body
    english = next(m for m in mail.outbox if m.to == ["v@example.org"])
    assert "you supported" in english.body
    assert not TopicContact.objects.exists()  # told, then deleted
    # The public board now links the evening.
    assert event.get_absolute_url() in client.get(board.get_absolute_url()).content.decode()


def test_scheduling_keeps_the_input_and_names_the_field_on_error(
    client, coordinator, board, provider_organisation
):
    topic = services.topic_propose(board=board, title="Medien")
    services.topic_moderate(topic=topic, state=Topic.State.VISIBLE)
    client.force_login(coordinator.user)
    url = reverse(
        "participation:manage-topic-schedule",
        kwargs={"alliance_slug": board.alliance.slug, "pk": topic.pk},
    )
    page = client.post(
        url,
        {
            "title": "Medien in der Familie",
            "organisation": provider_organisation.pk,
            "starts_at": "2027-03-04T19:00",
            "ends_at": "2027-03-04T18:00",
        },
    )
    assert page.status_code == 200
    body = page.content.decode()
    assert 'href="#id_ends_at"' in body and "Medien in der Familie" in body
    assert not Event.objects.exists()


def test_old_addresses_are_purged(board):
    topic = services.topic_propose(board=board, title="Alt", email="alt@example.org")
    TopicContact.objects.update(created_at=timezone.now() - dt.timedelta(days=400))
    services.topic_propose(board=board, title="Neu", email="neu@example.org")
    assert services.topic_contacts_purge() == 1
    assert list(TopicContact.objects.values_list("email", flat=True)) == ["neu@example.org"]
    assert topic.pk


def test_the_daily_personal_data_job_purges_old_addresses(board):
    from django.core.management import call_command

    services.topic_propose(board=board, title="Alt", email="alt@example.org")
    TopicContact.objects.update(created_at=timezone.now() - dt.timedelta(days=400))
    call_command("purge_personal_data", "--dry-run")
    assert TopicContact.objects.count() == 1
    call_command("purge_personal_data")
    assert not TopicContact.objects.exists()
