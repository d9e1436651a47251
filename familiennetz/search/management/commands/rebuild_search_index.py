"""Rebuild the search index: ``manage.py rebuild_search_index [--alliance SLUG] [--dry-run]``."""

import time

from django.core.management.base import BaseCommand, CommandError

from familiennetz.alliances.models import Alliance
from familiennetz.alliances.scopes import command_scope
from familiennetz.directory.models import Offer
from familiennetz.search.api import reindex_alliance


class Command(BaseCommand):
    help = "Rebuild the full-text search index of one alliance or of all alliances."

    def add_arguments(self, parser):
        parser.add_argument("--alliance", metavar="SLUG", help="Only this alliance.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count the offers that would be indexed."
        )

    def handle(self, *args, **options):
        with command_scope(options.get("alliance")):
            return self._handle(*args, **options)

    def _handle(self, *args, alliance=None, dry_run=False, **options):
        alliances = Alliance.objects.order_by("slug")
        if alliance:
            alliances = alliances.filter(slug=alliance)
            if not alliances.exists():
                raise CommandError(f"There is no alliance with the slug {alliance!r}.")
        total = 0
        for each in alliances:
            started = time.monotonic()
            if dry_run:
                count = Offer.objects.for_alliance(each).count()
                self.stdout.write(f"{each.slug}: would index {count} offers")
            else:
                count = reindex_alliance(alliance=each)
                seconds = time.monotonic() - started
                self.stdout.write(f"{each.slug}: indexed {count} offers in {seconds:.1f} s")
            total += count
        verb = "Would index" if dry_run else "Indexed"
        self.stdout.write(
            self.style.SUCCESS(f"{verb} {total} offers in {len(alliances)} alliances.")
        )
