"""Personal data kept by other apps: how it is purged (retention) and what belongs in a user's
data export ("Meine Daten herunterladen", Art. 15/20 GDPR).

Apps register their parts when they are ready; the daily ``purge_personal_data`` job and the
export run them all, so accounts never imports the apps that keep the data::

    register_retention(RetentionJob("suggestion_contacts", purge_contacts,
                                    {"suggestion_contacts": "suggestion contact(s) removed"}))
    register_export(PersonalDataExport("review_items", review_items_of))
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class RetentionJob:
    key: str
    purge: Callable[..., dict[str, int] | int]  # purge(dry_run=…) → counts (or one count)
    labels: dict[str, str]  # count name → how the command's summary says it (English)


@dataclass(frozen=True)
class PersonalDataExport:
    key: str
    rows: Callable[[Any], list[dict]]  # rows(user) → JSON-ready rows about the user


_retention: dict[str, RetentionJob] = {}
_exports: dict[str, PersonalDataExport] = {}


def register_retention(job: RetentionJob) -> RetentionJob:
    _retention[job.key] = job
    return job


def register_export(export: PersonalDataExport) -> PersonalDataExport:
    _exports[export.key] = export
    return export


def retention_jobs() -> list[RetentionJob]:
    return list(_retention.values())


def exports() -> list[PersonalDataExport]:
    return list(_exports.values())


def run_retention(*, dry_run: bool) -> dict[str, int]:
    """Every registered job once; the counts of all of them."""
    counts: dict[str, int] = {}
    for job in retention_jobs():
        result = job.purge(dry_run=dry_run)
        counts.update(result if isinstance(result, dict) else {job.key: result})
    return counts


def count_labels() -> dict[str, str]:
    labels: dict[str, str] = {}
    for job in retention_jobs():
        labels.update(job.labels)
    return labels
