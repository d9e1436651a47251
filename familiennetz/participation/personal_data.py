"""Participation's personal data: e-mail addresses left on topic boards (retention). Survey
answers and children's complaints hold none (ADR 0800, 0802)."""

from familiennetz.accounts.personal_data import RetentionJob, register_retention

from .services import topic_contacts_purge


def register() -> None:
    register_retention(
        RetentionJob(
            "topic_contacts",
            lambda *, dry_run: {"topic_contacts": topic_contacts_purge(dry_run=dry_run)},
            {"topic_contacts": "e-mail address(es) left on topic boards deleted"},
        )
    )
