"""The daily retention job as a task (django-tasks, ADR 0005)."""

from __future__ import annotations

from django_tasks import task

from familiennetz.alliances.scopes import all_alliances

from .services import personal_data_purge


@task()
def purge_personal_data() -> dict[str, int]:

    with all_alliances():  # retention applies to every alliance
        return personal_data_purge()
