"""Retention: remove participants' personal data after the date (run daily, e.g. from cron)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from familiennetz.alliances.scopes import command_scope
from familiennetz.events.registration import registration_purge
from familiennetz.events.tasks import purge_registrations

from ._enqueue import add_enqueue_argument, enqueue_task


class Command(BaseCommand):
    help = (
        "Anonymise registrations for dates that ended more than REGISTRATION_RETENTION_DAYS "
        "ago (name, e-mail and note removed; counts kept) and delete registrations that were "
        "never confirmed once their confirmation link expired."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count, change nothing.")
        add_enqueue_argument(parser)

    def handle(self, *args, **options):
        with command_scope():
            return self._handle(*args, **options)

    def _handle(self, *args, dry_run: bool = False, enqueue: bool = False, **options):
        if enqueue and not dry_run:
            enqueue_task(self, purge_registrations)
            return
        result = registration_purge(dry_run=dry_run)
        days = settings.REGISTRATION_RETENTION_DAYS
        summary = (
            f"{result.anonymised} registration(s) older than {days} days anonymised, "
            f"{result.deleted} unconfirmed registration(s) deleted."
        )
        if dry_run:
            self.stdout.write(f"Dry run: {summary}")
        else:
            self.stdout.write(self.style.SUCCESS(summary))
