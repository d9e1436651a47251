"""Send the day-before reminder to confirmed registrations (run daily, e.g. from cron)."""

from django.core.management.base import BaseCommand

from familiennetz.events.registration import registration_send_reminders


class Command(BaseCommand):
    help = (
        "E-mail a reminder to every confirmed registration for a date that starts tomorrow. "
        "Idempotent: each registration is reminded once (reminded_at)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count the reminders that are due."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        count = registration_send_reminders(dry_run=dry_run)
        if dry_run:
            self.stdout.write(f"{count} reminder(s) due (dry run, nothing sent).")
        else:
            self.stdout.write(self.style.SUCCESS(f"{count} reminder(s) sent."))
