"""manage.py export_hsds --alliance SLUG --output PATH [--format json|csv] [--validate]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from familiennetz.alliances.models import Alliance
from familiennetz.alliances.scopes import command_scope
from familiennetz.interop.hsds.export import (
    export_tables,
    files_for,
    write_directory,
    write_zip,
)
from familiennetz.interop.hsds.validation import validate_files


class Command(BaseCommand):
    help = (
        "Export an alliance's published offers, organisations, places, categories and events "
        "as Open Referral HSDS 3.0: one JSON document per object (--format json) or the "
        "tabular CSV data package (--format csv), into a ZIP file or a folder."
    )

    def add_arguments(self, parser):
        parser.add_argument("--alliance", required=True, help="Short name of the alliance.")
        parser.add_argument(
            "--output", type=Path, required=True, help="A .zip file or a folder to write into."
        )
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument(
            "--validate",
            action="store_true",
            help="Validate every document against the official HSDS 3.0 schemas first.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Build and count; write nothing."
        )

    def handle(self, *args, **options):
        with command_scope(options.get("alliance")):
            return self._handle(*args, **options)

    def _handle(self, *args, alliance, output, format, validate, dry_run, **options):
        target = Alliance.objects.filter(slug=alliance).first()
        if target is None:
            raise CommandError(f"Alliance {alliance!r} does not exist.")
        export = export_tables(alliance=target)
        files = files_for(export, format)
        if validate:
            problems = validate_files(files)
            for problem in problems[:50]:
                self.stderr.write(problem)
            if problems:
                raise CommandError(f"{len(problems)} schema violation(s); nothing was written.")
        counts = ", ".join(f"{table} {len(rows)}" for table, rows in sorted(export.tables.items()))
        self.stdout.write(f"{len(files)} file(s): {counts}")
        if dry_run:
            return
        if output.suffix.lower() == ".zip":
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_bytes(write_zip(files))
        else:
            write_directory(files, output)
        self.stdout.write(f"Written to {output}")
