"""Background jobs of participation (django-tasks backport, docs/adr/0005). Arguments are IDs."""

from __future__ import annotations

from django_tasks import task

from .notify import topic_contacts_notify


@task()
def notify_topic_contacts(topic_id: int) -> int:
    """E-mail the proposers and supporters of a topic that became an evening."""
    return topic_contacts_notify(topic_id=topic_id)
