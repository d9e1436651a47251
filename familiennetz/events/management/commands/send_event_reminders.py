"""Send the day-before reminder to confirmed registrations (run daily, e.g. from cron)."""

from django.core.management.base import BaseCommand

from familiennetz.alliances.scopes import command_scope
from familiennetz.events.registration import registration_send_reminders
from familiennetz.events.tasks import send_event_reminders

from ._enqueue import add_enqueue_argument, enqueue_task


class Command(BaseCommand):
    help = (
        "E-mail a reminder to every confirmed registration for a date that starts tomorrow. "
        "Idempotent: each registration is reminded once (reminded_at)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count the reminders that are due."
        )
        add_enqueue_argument(parser)

    def handle(self, *args, **options):
        with command_scope():
            return self._handle(*args, **options)

    def _handle(self, *args, dry_run: bool = False, enqueue: bool = False, **options):
        if enqueue and not dry_run:
            enqueue_task(self, send_event_reminders)
            return
        count = registration_send_reminders(dry_run=dry_run)
        if dry_run:
            self.stdout.write(f"{count} reminder(s) due (dry run, nothing sent).")
        else:
            self.stdout.write(self.style.SUCCESS(f"{count} reminder(s) sent."))
