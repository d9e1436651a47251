"""Writes of topic boards: proposals and support without an account, moderation, and turning a
topic into a calendar event with registration in one step (proposers are told by e-mail)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from familiennetz.alliances.models import Alliance
from familiennetz.core.slugs import unique_slug
from familiennetz.directory.models import Status
from familiennetz.events.models import Event
from familiennetz.moderation.changes import EntryChanges
from familiennetz.moderation.services import entry_save

from ..models import Topic, TopicBoard, TopicContact
from ..tasks import notify_topic_contacts

State = Topic.State


@transaction.atomic
def board_create(
    *, alliance: Alliance, title: str, organisation=None, description: str = ""
) -> TopicBoard:
    return TopicBoard.objects.create(
        alliance=alliance,
        organisation=organisation,
        title=title,
        slug=unique_slug(model=TopicBoard, alliance=alliance, text=title, max_length=120),
        description=description,
    )


def _contact(topic: Topic, email: str, language: str, *, is_proposer: bool) -> None:
    email = (email or "").strip().lower()
    if email:
        TopicContact.objects.get_or_create(
            topic=topic,
            email=email,
            defaults={
                "alliance_id": topic.alliance_id,
                "language": language,
                "is_proposer": is_proposer,
            },
        )


@transaction.atomic
def topic_propose(
    *, board: TopicBoard, title: str, description: str = "", email: str = "", language: str = "de"
) -> Topic:
    """A parent's proposal; it waits for the coordination before it shows on the board."""
    if not board.is_open:
        raise ValidationError(_("This board takes no new topics at the moment."))
    topic = Topic.objects.create(
        alliance_id=board.alliance_id,
        board=board,
        title=title.strip(),
        description=description.strip(),
        language=language,
        supporters=1,
    )
    _contact(topic, email, language, is_proposer=True)
    return topic


@transaction.atomic
def topic_support(*, topic: Topic, email: str = "", language: str = "de") -> None:
    """ "Me too": one more supporter (counted atomically), optionally to be told as well."""
    if topic.state != State.VISIBLE:
        raise ValidationError(_("This topic cannot be supported."))
    Topic.objects.filter(pk=topic.pk).update(supporters=F("supporters") + 1)
    _contact(topic, email, language, is_proposer=False)


@transaction.atomic
def topic_moderate(*, topic: Topic, state: str) -> Topic:
    """Show a proposal on the board or not; a rejected topic's contacts are deleted."""
    if state not in (State.VISIBLE, State.REJECTED, State.PROPOSED):
        raise ValidationError(_("Unknown status."))
    topic.state = state
    topic.save(update_fields=["state", "updated_at"])
    if state == State.REJECTED:
        topic.contacts.all().delete()
    return topic


@transaction.atomic
def topic_schedule(
    *,
    topic: Topic,
    organisation,
    starts_at: dt.datetime,
    ends_at: dt.datetime | None = None,
    location=None,
    capacity: int | None = None,
    title: str = "",
    summary: str = "",
    user=None,
) -> Event:
    """Turn ``topic`` into a published calendar event with registration (the family
    calendar's own services materialise its date) and tell the people who left an e-mail."""
    if topic.state == State.SCHEDULED and topic.event_id:
        raise ValidationError(_("This topic already became an evening."))
    if organisation.alliance_id != topic.alliance_id:
        raise ValidationError(_("The organiser belongs to another network."))
    if ends_at is not None and ends_at < starts_at:
        raise ValidationError(_("An event cannot end before it starts."))
    title = (title or topic.title).strip()
    # The calendar's one write path (slug, "last checked", history, its dates).
    outcome = entry_save(
        entry=Event(alliance_id=topic.alliance_id, organisation=organisation),
        changes=EntryChanges(
            fields={
                "title": title,
                "summary": (summary or topic.description)[:400],
                "description": topic.description,
                "location": location,
                "starts_at": starts_at,
                "ends_at": ends_at,
                "status": Status.PUBLISHED,
                "requires_registration": True,
                "capacity": capacity,
                "has_waiting_list": True,
            }
        ),
        user=user,
        reason=_("from a topic board"),
    )
    event = outcome.entry
    topic.state = State.SCHEDULED
    topic.event = event
    topic.save(update_fields=["state", "event", "updated_at"])
    transaction.on_commit(lambda: notify_topic_contacts.enqueue(topic_id=topic.pk))
    return event


def topic_contacts_purge(*, now: dt.datetime | None = None, dry_run: bool = False) -> int:
    """Delete e-mail addresses older than ``TOPIC_CONTACT_RETENTION_DAYS``: the daily
    ``purge_personal_data`` job runs it (personal_data.py)."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=settings.TOPIC_CONTACT_RETENTION_DAYS)
    due = TopicContact.objects.filter(created_at__lt=cutoff)
    if dry_run:
        return due.count()
    deleted, _detail = due.delete()
    return deleted
