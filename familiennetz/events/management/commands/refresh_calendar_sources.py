"""manage.py refresh_calendar_sources [--enqueue] — for cron (e.g. every 6 hours)."""

from django.core.management.base import BaseCommand

from familiennetz.events.import_tasks import refresh_calendar_sources


class Command(BaseCommand):
    help = (
        "Re-import every calendar source that has a feed URL. Each source's report is stored "
        "on the source; failures of one source do not stop the others."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Hand the job to the task backend (db_worker) instead of running it here.",
        )

    def handle(self, *args, enqueue, **options):
        if enqueue:
            result = refresh_calendar_sources.enqueue()
            self.stdout.write(f"Enqueued as task {result.id}.")
            return
        counts = refresh_calendar_sources.call()
        self.stdout.write(
            f"Calendar sources refreshed: {counts['ok']} ok, {counts['failed']} failed "
            "(details in each source's last report)."
        )
