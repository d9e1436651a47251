"""The daily retention job as a task (django-tasks, ADR 0005)."""

from __future__ import annotations

from dataclasses import asdict

from django_tasks import task

from familiennetz.alliances.scopes import all_alliances


@task()
def purge_personal_data() -> dict[str, int]:
    from .services import personal_data_purge

    with all_alliances():  # retention applies to every alliance
        return asdict(personal_data_purge())
