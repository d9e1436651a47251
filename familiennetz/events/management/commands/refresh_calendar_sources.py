"""manage.py refresh_calendar_sources [--enqueue] — for cron (e.g. every 6 hours)."""

from django.core.management.base import BaseCommand

from familiennetz.alliances.scopes import command_scope
from familiennetz.events.import_tasks import refresh_calendar_sources

from ._enqueue import add_enqueue_argument, enqueue_task


class Command(BaseCommand):
    help = (
        "Re-import every calendar source that has a feed URL. Each source's report is stored "
        "on the source; failures of one source do not stop the others."
    )

    def add_arguments(self, parser):
        add_enqueue_argument(parser)

    def handle(self, *args, **options):
        with command_scope():
            return self._handle(*args, **options)

    def _handle(self, *args, enqueue, **options):
        if enqueue:
            enqueue_task(self, refresh_calendar_sources)
            return
        counts = refresh_calendar_sources.call()
        self.stdout.write(
            f"Calendar sources refreshed: {counts['ok']} ok, {counts['failed']} failed "
            "(details in each source's last report)."
        )
