"""Outreach's part of the daily retention job (``purge_personal_data``): the stored
notice-board sheets, private files that expire after ``notices.NOTICE_FILE_HOURS``."""

from familiennetz.accounts.personal_data import RetentionJob, register_retention

from . import notices


def register() -> None:
    register_retention(
        RetentionJob(
            "notice_sheets",
            lambda *, dry_run: {"notice_sheets": notices.purge_expired_files(dry_run=dry_run)},
            {"notice_sheets": "expired notice-board sheet(s) deleted"},
        )
    )
