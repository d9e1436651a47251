"""Participants' personal data in the calendar: the retention of registrations."""

from familiennetz.accounts.personal_data import RetentionJob, register_retention

from .registration import registration_purge


def _purge(*, dry_run: bool) -> dict[str, int]:
    result = registration_purge(dry_run=dry_run)
    return {"registrations_anonymised": result.anonymised, "registrations_deleted": result.deleted}


def register() -> None:
    register_retention(
        RetentionJob(
            "registrations",
            _purge,
            {
                "registrations_anonymised": "registration(s) anonymised",
                "registrations_deleted": "unconfirmed registration(s) deleted",
            },
        )
    )
