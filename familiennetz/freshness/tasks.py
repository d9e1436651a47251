"""Background jobs of the review cycle (django-tasks; run daily, see docs/dev/freshness.md)."""

from __future__ import annotations

from dataclasses import asdict

from django_tasks import task

from familiennetz.alliances.scopes import all_alliances


@task()
def send_review_reminders() -> dict[str, int]:
    """First and second reminders to providers, escalations to the coordination."""
    from .services import reminders_run

    with all_alliances():  # every alliance's review cycle, deliberately
        return asdict(reminders_run())
