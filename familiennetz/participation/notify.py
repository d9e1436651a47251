"""E-mails of participation: the people who proposed or supported a topic hear that it became
a parents' evening, with the link to register. Their addresses are deleted once told."""

from __future__ import annotations

import logging

from django.db import transaction

from familiennetz.alliances.scopes import all_alliances, alliance_scope
from familiennetz.core.mail import absolute_url, send_templated_mail

from .models import Topic

logger = logging.getLogger("familiennetz.participation")


def topic_contacts_notify(*, topic_id: int) -> int:
    """Tell every contact of the topic about its event; returns the number of e-mails."""
    # Runs as a background task, outside any request: find the topic's alliance, then work
    # inside its scope only.
    with all_alliances():
        alliance_id = (
            Topic.objects.filter(pk=topic_id).values_list("alliance_id", flat=True).first()
        )
    if alliance_id is None:
        return 0
    with alliance_scope(alliance_id):
        return _notify(topic_id)


def _notify(topic_id: int) -> int:
    topic = Topic.objects.select_related("event__alliance", "board").filter(pk=topic_id).first()
    if topic is None or topic.event is None:
        return 0
    event = topic.event
    sent = 0
    for contact in list(topic.contacts.all()):
        sent += send_templated_mail(
            template="participation/emails/topic_scheduled",
            to=[contact.email],
            language=contact.language,
            context={
                "topic": topic,
                "event": event,
                "is_proposer": contact.is_proposer,
                "event_url": absolute_url(event.get_absolute_url()),
                "alliance": event.alliance,
            },
        )
    with transaction.atomic():
        topic.contacts.all().delete()
    logger.info("topic %s: %s contacts told, addresses deleted", topic.pk, sent)
    return sent
