"""manage.py import_holidays --alliance SLUG --file PATH [--dry-run]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from familiennetz.alliances.models import Alliance
from familiennetz.alliances.scopes import command_scope
from familiennetz.events.holidays import holiday_periods_import
from familiennetz.events.ical_import import MAX_BYTES, IcalImportError


class Command(BaseCommand):
    help = (
        "Import school holidays (or other closures) from an .ics file into an alliance's "
        "holiday calendar. Idempotent: periods are matched by UID, or by their dates. Events "
        "marked 'not during school holidays' get their dates regenerated."
    )

    def add_arguments(self, parser):
        parser.add_argument("--alliance", required=True, help="Short name (slug) of the alliance.")
        parser.add_argument("--file", required=True, type=Path, help="The .ics file.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would happen; save nothing."
        )

    def handle(self, *args, **options):
        with command_scope(options.get("alliance")):
            return self._handle(*args, **options)

    def _handle(self, *args, alliance, file, dry_run, **options):
        alliance_obj = Alliance.objects.filter(slug=alliance).first()
        if alliance_obj is None:
            raise CommandError(f"No alliance {alliance!r}.")
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        if file.stat().st_size > MAX_BYTES:
            raise CommandError(f"{file} is larger than {MAX_BYTES // (1024 * 1024)} MB.")
        try:
            report = holiday_periods_import(
                alliance=alliance_obj, data=file.read_bytes(), dry_run=dry_run
            )
        except IcalImportError as exc:
            raise CommandError(f"Import failed, nothing was changed: {exc}") from exc
        self.stdout.write(str(report))
