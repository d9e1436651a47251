"""E-mails of the review queue (django-tasks; arguments are IDs)."""

from __future__ import annotations

from django_tasks import task

from familiennetz.alliances.scopes import all_alliances, alliance_scope
from familiennetz.core.mail import send_templated_mail

from .models import ChangeRequest


@task()
def notify_coordination(item_id: int) -> int:
    """Tell the coordinators that something waits in the review queue."""
    from familiennetz.freshness.services import coordinator_addresses

    from .services import review_url

    with all_alliances():
        item = ChangeRequest.objects.select_related("alliance").filter(pk=item_id).first()
    if item is None or not item.is_pending:
        return 0
    with alliance_scope(item.alliance_id):
        return send_templated_mail(
            template="moderation/emails/new_item",
            to=coordinator_addresses(item.alliance),
            context={"item": item, "alliance": item.alliance, "url": review_url(item)},
        )


@task()
def notify_author(item_id: int) -> int:
    """Tell the author (account or e-mail left with a suggestion) how it was decided."""
    with all_alliances():
        item = ChangeRequest.objects.select_related("alliance", "author").filter(pk=item_id).first()
    if item is None or not item.reply_address:
        return 0
    with alliance_scope(item.alliance_id):
        return send_templated_mail(
            template="moderation/emails/decision",
            to=[item.reply_address],
            context={"item": item, "alliance": item.alliance, "target": item.target},
            language=item.language,
        )


@task()
def purge_suggestion_contacts() -> int:
    from .services import purge_contacts

    with all_alliances():
        return purge_contacts()
