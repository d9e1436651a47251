"""manage.py import_hsds PATH --alliance SLUG [--create-alliance] [--dry-run] [--strict]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.text import slugify

from familiennetz.alliances.models import RESERVED_SLUGS, Alliance
from familiennetz.alliances.scopes import command_scope
from familiennetz.interop.hsds.conformance import conformance_check
from familiennetz.interop.hsds.importer import hsds_import
from familiennetz.interop.hsds.sources import path_files, read_files, unpack
from familiennetz.interop.report import Level


class Command(BaseCommand):
    help = (
        "Import Open Referral HSDS data (3.0 JSON, a ZIP or folder of JSON documents, or the "
        "CSV data package; HSDS 1.1 table names are understood) into an alliance. Records are "
        "matched by their ids: importing again updates them. All or nothing: with any error "
        "nothing is saved."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="JSON/CSV file, ZIP file or folder.")
        parser.add_argument("--alliance", required=True, help="Short name of the alliance.")
        parser.add_argument(
            "--create-alliance", metavar="NAME", help="Create the alliance with this name."
        )
        parser.add_argument("--dry-run", action="store_true", help="Report only; save nothing.")
        parser.add_argument(
            "--strict",
            action="store_true",
            help="Save nothing if the file is not HSDS-conformant or any value would be "
            "dropped (default: drop invalid values with a warning).",
        )
        parser.add_argument(
            "--quiet-notes", action="store_true", help="Do not list notes (info), only counts."
        )

    def handle(self, *args, **options):
        with command_scope(options.get("alliance")):
            return self._handle(*args, **options)

    def _handle(self, *args, path, alliance, create_alliance, dry_run, strict, quiet_notes, **o):
        if not path.exists():
            raise CommandError(f"No such file or folder: {path}")
        target = Alliance.objects.filter(slug=alliance).first()
        if target is None:
            if not create_alliance:
                raise CommandError(
                    f"Alliance {alliance!r} does not exist. Pass --create-alliance NAME."
                )
            if alliance in RESERVED_SLUGS or slugify(alliance) != alliance:
                raise CommandError(f"{alliance!r} cannot be the short name of an alliance.")
            target = Alliance(slug=alliance, name=create_alliance)
            if dry_run:
                raise CommandError("--dry-run needs an existing alliance.")
            target.save()
        files, broken = (
            (path_files(path), None) if path.is_dir() else unpack(path.read_bytes(), name=path.name)
        )
        tables = broken or read_files(files)
        conformance = conformance_check(files, alliance=target, tables=tables)
        self.stdout.write(conformance.headline())
        report = hsds_import(
            alliance=target,
            tables=tables,
            dry_run=dry_run,
            strict=strict,
            conformance=conformance,
        )
        for issue in report.issues:
            if issue.level != Level.INFO or not quiet_notes:
                self.stdout.write(str(issue))
        for line in report.summary_lines():
            self.stdout.write(line)
        if report.has_errors:
            raise CommandError("Nothing was saved: the data has errors (see above).")
        self.stdout.write(
            "Dry run: nothing was saved." if dry_run else f"Saved into alliance {alliance!r}."
        )
