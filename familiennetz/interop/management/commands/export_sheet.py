"""manage.py export_sheet --output FILE.xlsx|.csv [--alliance SLUG | --template]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from familiennetz.alliances.models import Alliance
from familiennetz.alliances.scopes import command_scope
from familiennetz.interop.sheets import sheet_export, sheet_template


class Command(BaseCommand):
    help = (
        "Write the offers of an alliance as a spreadsheet in the import columns, or the empty "
        "import template (--template). The format follows the file name (.xlsx or .csv)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, required=True)
        parser.add_argument("--alliance", help="Short name of the alliance.")
        parser.add_argument("--template", action="store_true", help="The empty template.")

    def handle(self, *args, **options):
        with command_scope(options.get("alliance")):
            return self._handle(*args, **options)

    def _handle(self, *args, output, alliance, template, **options):
        fmt = output.suffix.lower().lstrip(".")
        if fmt not in ("xlsx", "csv"):
            raise CommandError("The output file must end in .xlsx or .csv.")
        if template:
            content = sheet_template(fmt)
        else:
            target = Alliance.objects.filter(slug=alliance or "").first()
            if target is None:
                raise CommandError("Give an existing --alliance (or --template).")
            content = sheet_export(alliance=target, fmt=fmt)
        output.write_bytes(content)
        self.stdout.write(f"Written to {output}")
