"""Background jobs of the calendar import: refresh the partners' .ics feeds.

Run from cron with ``manage.py refresh_calendar_sources`` (or ``--enqueue`` to hand it to the
task worker). Task arguments are IDs (docs/adr/0005-background-jobs.md).
"""

from __future__ import annotations

import logging

from django.utils import timezone
from django_tasks import task

from familiennetz.alliances.scopes import all_alliances, alliance_scope
from familiennetz.events.ical_import import IcalImportError, calendar_source_refresh
from familiennetz.events.models import CalendarSource

logger = logging.getLogger(__name__)


def _refresh(source: CalendarSource) -> bool:
    with alliance_scope(source.alliance_id):
        return _refresh_in_scope(source)


def _refresh_in_scope(source: CalendarSource) -> bool:
    try:
        calendar_source_refresh(source=source)
    except IcalImportError as exc:
        logger.warning("Calendar source %s could not be imported: %s", source.pk, exc)
        return False
    except Exception:  # one broken source must not stop the others
        logger.exception("Calendar source %s failed", source.pk)
        source.last_report = {
            "source_id": source.pk,
            "error": "internal error (see the server log)",
            "finished_at": timezone.now().isoformat(),
        }
        source.save(update_fields=["last_report", "updated_at"])
        return False
    return True


@task()
def refresh_calendar_sources() -> dict[str, int]:
    """Import every calendar source that has a feed URL; returns counts of ok/failed."""
    counts = {"ok": 0, "failed": 0}
    with all_alliances():
        ids = list(
            CalendarSource.objects.exclude(url="").order_by("pk").values_list("pk", flat=True)
        )
    for source_id in ids:
        with all_alliances():
            source = (
                CalendarSource.objects.select_related("alliance", "organisation")
                .filter(pk=source_id)
                .first()
            )
        if source is None:  # deleted meanwhile
            continue
        counts["ok" if _refresh(source) else "failed"] += 1
    return counts


@task()
def refresh_calendar_source(source_id: int) -> bool:
    """Import one calendar source now (e.g. right after a coordinator added it)."""
    with all_alliances():
        source = (
            CalendarSource.objects.select_related("alliance", "organisation")
            .filter(pk=source_id)
            .exclude(url="")
            .first()
        )
    return _refresh(source) if source is not None else False
