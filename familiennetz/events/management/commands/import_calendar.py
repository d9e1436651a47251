"""manage.py import_calendar --source ID [--file PATH] | --file PATH --alliance SLUG
--organisation SLUG [--dry-run]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from familiennetz.alliances.models import Alliance
from familiennetz.alliances.scopes import command_scope
from familiennetz.directory.models import Organisation
from familiennetz.events.ical_import import (
    MAX_BYTES,
    IcalImportError,
    calendar_file_import,
    calendar_import,
    calendar_source_refresh,
)
from familiennetz.events.models import CalendarSource


class Command(BaseCommand):
    help = (
        "Import an iCalendar (.ics) calendar into the events of one organiser: refresh a "
        "calendar source from its feed URL (--source), or import a file (--file with "
        "--alliance and --organisation, or with --source). Events are matched by UID; "
        "re-importing updates them, and future events no longer in the calendar are removed "
        "(or cancelled if people registered)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--source", type=int, help="ID of the calendar source.")
        parser.add_argument("--file", type=Path, help="An .ics file instead of the feed URL.")
        parser.add_argument("--alliance", help="Short name (slug) of the alliance.")
        parser.add_argument("--organisation", help="Short name (slug) of the organiser.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would happen; save nothing."
        )

    def handle(self, *args, **options):
        with command_scope(options.get("alliance")):
            return self._handle(*args, **options)

    def _handle(self, *args, source, file, alliance, organisation, dry_run, **options):
        try:
            if source is not None:
                if alliance or organisation:
                    raise CommandError("--source takes the alliance and organiser from the source.")
                calendar_source = (
                    CalendarSource.objects.select_related("alliance", "organisation")
                    .filter(pk=source)
                    .first()
                )
                if calendar_source is None:
                    raise CommandError(f"No calendar source with ID {source}.")
                if file is None:
                    report = calendar_source_refresh(source=calendar_source, dry_run=dry_run)
                else:
                    report = calendar_import(
                        source=calendar_source, data=self._read(file), dry_run=dry_run
                    )
            elif file is not None:
                if not (alliance and organisation):
                    raise CommandError("--file needs --alliance and --organisation (or --source).")
                alliance_obj = Alliance.objects.filter(slug=alliance).first()
                if alliance_obj is None:
                    raise CommandError(f"No alliance {alliance!r}.")
                organisation_obj = (
                    Organisation.objects.for_alliance(alliance_obj)
                    .filter(slug=organisation)
                    .first()
                )
                if organisation_obj is None:
                    raise CommandError(f"No organisation {organisation!r} in {alliance!r}.")
                report = calendar_file_import(
                    alliance=alliance_obj,
                    organisation=organisation_obj,
                    data=self._read(file),
                    dry_run=dry_run,
                )
            else:
                raise CommandError(
                    "Give --source ID, or --file PATH with --alliance/--organisation."
                )
        except IcalImportError as exc:
            raise CommandError(f"Import failed, nothing was changed: {exc}") from exc
        self.stdout.write(str(report))

    def _read(self, path: Path) -> bytes:
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        if path.stat().st_size > MAX_BYTES:
            raise CommandError(f"{path} is larger than {MAX_BYTES // (1024 * 1024)} MB.")
        return path.read_bytes()
