"""Review cycle: remind providers, remind again, escalate to the coordination (run daily)."""

from django.core.management.base import BaseCommand

from familiennetz.alliances.scopes import command_scope
from familiennetz.freshness.services import reminders_run


class Command(BaseCommand):
    help = (
        "Send review reminders for entries not confirmed within the alliance's review cycle: "
        "a first reminder, a second one after N days, then tell the coordination. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count, send nothing.")

    def handle(self, *args, **options):
        with command_scope():
            return self._handle(*args, **options)

    def _handle(self, *args, dry_run: bool = False, **options):
        result = reminders_run(dry_run=dry_run)
        summary = (
            f"{result.first} first reminder(s), {result.second} second reminder(s), "
            f"{result.escalated} escalation(s), {result.closed} reminder(s) closed."
        )
        self.stdout.write(f"Dry run: {summary}" if dry_run else self.style.SUCCESS(summary))
