"""Background jobs of the review cycle (django-tasks; run daily, see docs/dev/freshness.md)."""

from __future__ import annotations

from dataclasses import asdict

from django_tasks import task

from familiennetz.alliances.scopes import all_alliances

from .services import reminders_run


@task()
def send_review_reminders() -> dict[str, int]:
    """First and second reminders to providers, escalations to the coordination."""

    with all_alliances():  # every alliance's review cycle, deliberately
        return asdict(reminders_run())
