"""Move the materialised window forward: run daily (cron, systemd timer or the task worker)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from familiennetz.alliances.models import Alliance
from familiennetz.alliances.scopes import command_scope
from familiennetz.events.services import occurrences_refresh
from familiennetz.events.tasks import refresh_occurrences

from ._enqueue import add_enqueue_argument, enqueue_task


class Command(BaseCommand):
    help = "Create, update and delete event dates for the rolling window (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--alliance", help="Slug of one alliance (default: all).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; write nothing."
        )
        add_enqueue_argument(parser)

    def handle(self, *args, **options):
        with command_scope(options.get("alliance")):
            return self._handle(*args, **options)

    def _handle(self, *args, alliance=None, dry_run=False, enqueue=False, **options):
        if enqueue:
            if alliance or dry_run:
                raise CommandError("--enqueue refreshes every alliance; no --alliance/--dry-run.")
            enqueue_task(self, refresh_occurrences)
            return
        target = None
        if alliance:
            target = Alliance.objects.filter(slug=alliance).first()
            if target is None:
                raise CommandError(f"No alliance with slug {alliance!r}.")
        with transaction.atomic():
            result = occurrences_refresh(alliance=target)
            if dry_run:
                transaction.set_rollback(True)
        prefix = "Dry run: would have " if dry_run else ""
        self.stdout.write(
            f"{prefix}synced {result.events} events: created {result.created}, "
            f"updated {result.updated}, deleted {result.deleted}, "
            f"cancelled (had registrations) {result.cancelled} dates."
        )
