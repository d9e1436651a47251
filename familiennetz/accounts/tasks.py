"""The daily retention job as a task (django-tasks, ADR 0005)."""

from __future__ import annotations

from dataclasses import asdict

from django_tasks import task


@task()
def purge_personal_data() -> dict[str, int]:
    from .services import personal_data_purge

    return asdict(personal_data_purge())
