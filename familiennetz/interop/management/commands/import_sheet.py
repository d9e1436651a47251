"""manage.py import_sheet PATH --alliance SLUG [--dry-run] [--publish] [--no-geocoding]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from familiennetz.alliances.models import Alliance
from familiennetz.alliances.scopes import command_scope
from familiennetz.directory.models import Status
from familiennetz.interop.geocoding import get_geocoder
from familiennetz.interop.sheets import sheet_commit, sheet_parse


class Command(BaseCommand):
    help = (
        "Import offers from a spreadsheet (CSV or XLSX, German column headers as in the "
        "template) into an alliance. Every row is checked first; with any error nothing is "
        "saved and the report names line and column."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--alliance", required=True, help="Short name of the alliance.")
        parser.add_argument("--dry-run", action="store_true", help="Check and report only.")
        parser.add_argument(
            "--publish", action="store_true", help="Publish rows without a status (else: drafts)."
        )
        parser.add_argument(
            "--no-geocoding", action="store_true", help="Do not look up coordinates."
        )

    def handle(self, *args, **options):
        with command_scope(options.get("alliance")):
            return self._handle(*args, **options)

    def _handle(self, *args, path, alliance, dry_run, publish, no_geocoding, **options):
        target = Alliance.objects.filter(slug=alliance).first()
        if target is None:
            raise CommandError(f"Alliance {alliance!r} does not exist.")
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        result = sheet_parse(
            alliance=target,
            data=path.read_bytes(),
            filename=path.name,
            geocoder=None if no_geocoding else get_geocoder(),
            default_status=Status.PUBLISHED if publish else Status.DRAFT,
        )
        for issue in result.report.issues:
            self.stdout.write(str(issue))
        for line in result.report.summary_lines():
            self.stdout.write(line)
        if result.report.has_errors:
            raise CommandError("Nothing was saved: fix the lines above and import again.")
        if dry_run:
            self.stdout.write("Dry run: nothing was saved.")
            return
        report = sheet_commit(result)
        for line in report.summary_lines()[:-1]:
            self.stdout.write(f"saved – {line}")
