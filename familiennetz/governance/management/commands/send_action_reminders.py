"""Remind owners of action items shortly before and after the due date (run daily)."""

from django.core.management.base import BaseCommand

from familiennetz.governance.reminders import action_reminders_run


class Command(BaseCommand):
    help = (
        "E-mail the owners of open action items: a few days before the due date and once when "
        "it has passed. Each reminder is sent once; safe to run repeatedly."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count, send nothing.")

    def handle(self, *args, dry_run: bool = False, **options):
        result = action_reminders_run(dry_run=dry_run)
        summary = (
            f"{result.soon} reminder(s) before the due date, {result.overdue} overdue "
            f"reminder(s), {result.without_address} owner(s) without an e-mail address."
        )
        self.stdout.write(f"Dry run: {summary}" if dry_run else self.style.SUCCESS(summary))
