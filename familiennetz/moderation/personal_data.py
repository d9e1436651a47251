"""The review queue's personal data: contacts left with suggestions and reports (retention)
and a user's own review items (data export)."""

from familiennetz.accounts.personal_data import (
    PersonalDataExport,
    RetentionJob,
    register_export,
    register_retention,
)

from .models import ChangeRequest
from .retention import purge_contacts


def review_items_of(user) -> list[dict]:
    return [
        {
            "id": item.pk,
            "alliance": item.alliance.name,
            "kind": item.get_kind_display(),
            "state": item.get_state_display(),
            "message": item.message,
            "created_at": item.created_at.isoformat() if item.created_at else None,
        }
        for item in ChangeRequest.objects.filter(author=user).select_related("alliance")
    ]


def register() -> None:
    register_retention(
        RetentionJob(
            "suggestion_contacts",
            lambda *, dry_run: {"suggestion_contacts": purge_contacts(dry_run=dry_run)},
            {"suggestion_contacts": "suggestion and report contact(s) removed"},
        )
    )
    register_export(PersonalDataExport("review_items", review_items_of))
