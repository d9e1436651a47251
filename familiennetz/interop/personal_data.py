"""Uploaded import files may name contact persons: they expire (``UPLOAD_LIFETIME``)."""

from familiennetz.accounts.personal_data import RetentionJob, register_retention

from .services import import_upload_purge


def register() -> None:
    register_retention(
        RetentionJob(
            "import_uploads",
            lambda *, dry_run: {"import_uploads": import_upload_purge(dry_run=dry_run)},
            {"import_uploads": "expired import upload(s) deleted"},
        )
    )
