"""Background jobs of the family calendar (django-tasks backport, docs/adr/0005).

Arguments are IDs and plain strings, never model instances. The periodic jobs
(``refresh_occurrences``, ``send_event_reminders``, ``purge_registrations``, and
``import_tasks.refresh_calendar_sources``) are started by the management commands of the same
name from cron / a systemd timer (``--enqueue`` hands them to the task worker instead), or
enqueued from anywhere with ``.enqueue()``. See docs/dev/calendar-operations.md.
"""

from __future__ import annotations

from django_tasks import task

from familiennetz.alliances.scopes import all_alliances, alliance_scope

from . import registration as services
from .models import Registration
from .services import occurrences_refresh


@task()
def send_registration_mail(registration_id: int, kind: str) -> bool:
    """One registration e-mail (confirmation link, confirmed, waiting list, moved up, …)."""
    try:
        with all_alliances():
            registration = Registration.objects.select_related(
                "alliance", "occurrence__event__alliance", "occurrence__event__location"
            ).get(pk=registration_id)
    except Registration.DoesNotExist:  # deleted or purged in the meantime
        return False
    with alliance_scope(registration.alliance_id):
        services.registration_send_mail(registration=registration, kind=kind)
    return True


@task()
def send_event_reminders() -> int:
    """The reminder the day before, once per confirmed registration."""
    with all_alliances():
        return services.registration_send_reminders()


@task()
def purge_registrations() -> dict[str, int]:
    """Delete participants' personal data REGISTRATION_RETENTION_DAYS after the date."""
    with all_alliances():
        result = services.registration_purge()
    return {"anonymised": result.anonymised, "deleted": result.deleted}


@task()
def refresh_occurrences() -> dict[str, int]:
    """Move the materialised window of event dates forward (daily; docs/adr/0008)."""
    with all_alliances():
        result = occurrences_refresh()
    return {
        "events": result.events,
        "created": result.created,
        "updated": result.updated,
        "deleted": result.deleted,
        "cancelled": result.cancelled,
    }
