"""manage.py import_districts FILE --alliance SLUG --code-property P --name-property P
[--parent-code-property P | --parent-code-prefix N] [--kind K] [--dry-run]"""

from django.core.management.base import BaseCommand

from familiennetz.socialspace.models import DataImport, District

from ._common import run_import


class Command(BaseCommand):
    help = "Import or update district boundaries from a GeoJSON file (all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--alliance", required=True, help="slug of the alliance")
        parser.add_argument("--code-property", required=True, help="property with the code")
        parser.add_argument("--name-property", required=True, help="property with the name")
        parser.add_argument(
            "--parent-code-property", default="", help="property with the parent's code"
        )
        parser.add_argument(
            "--parent-code-prefix",
            type=int,
            default=0,
            help="the parent's code is the first N characters of the code (e.g. Berlin LOR: 6)",
        )
        parser.add_argument("--kind", default=District.Kind.STADTTEIL, choices=District.Kind.values)
        parser.add_argument("--dry-run", action="store_true", help="check only, write nothing")

    def handle(self, *args, **opts):
        run_import(
            self,
            kind=DataImport.Kind.DISTRICTS,
            path=opts["file"],
            slug=opts["alliance"],
            dry_run=opts["dry_run"],
            options={
                "code_property": opts["code_property"],
                "name_property": opts["name_property"],
                "parent_code_property": opts["parent_code_property"],
                "parent_code_prefix": opts["parent_code_prefix"],
                "kind": opts["kind"],
            },
        )
