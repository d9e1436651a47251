"""manage.py import_indicators FILE --alliance SLUG [--layout wide|long] …

Wide form (one column per indicator, or per indicator and year):
  --district-column C  --year 2016 | --year-column C
  | --column-pattern '(?P<year>\\d{4})_(?P<indicator>.+)'
  [--columns "A;B;C"]
Long form (one value per line):
  --layout long --district-column C --indicator-column C --value-column C
  (--year Y | --year-column C)
Common: --match auto|code|name|code_name  --kind K  --duplicates sum|reject|first
  --decimal auto|comma|point  --header-row N  --sheet NAME  --dry-run
"""

from django.core.management.base import BaseCommand

from familiennetz.socialspace.models import DataImport, District

from ._common import run_import


class Command(BaseCommand):
    help = "Import indicator values per district and year from CSV or XLSX (all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--alliance", required=True)
        parser.add_argument("--layout", choices=["wide", "long"], default="wide")
        parser.add_argument("--district-column", default="", help="default: the first column")
        parser.add_argument(
            "--match", choices=["auto", "code", "name", "code_name"], default="auto"
        )
        parser.add_argument(
            "--kind",
            default="",
            choices=["", *District.Kind.values],
            help="match only districts of this kind",
        )
        parser.add_argument("--year", type=int, default=None)
        parser.add_argument("--year-column", default="")
        parser.add_argument("--indicator-column", default="")
        parser.add_argument("--value-column", default="")
        parser.add_argument(
            "--columns", default="", help="wide form: only these columns, separated by ;"
        )
        parser.add_argument(
            "--column-pattern",
            default="",
            help="regular expression with (?P<year>…) and/or (?P<indicator>…)",
        )
        parser.add_argument("--duplicates", choices=["sum", "reject", "first"], default="reject")
        parser.add_argument("--decimal", choices=["auto", "comma", "point"], default="auto")
        parser.add_argument("--header-row", type=int, default=None)
        parser.add_argument("--sheet", default="")
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, **opts):
        run_import(
            self,
            kind=DataImport.Kind.INDICATORS,
            path=opts["file"],
            slug=opts["alliance"],
            dry_run=opts["dry_run"],
            options={
                "layout": opts["layout"],
                "district_column": opts["district_column"],
                "match": opts["match"],
                "kind": opts["kind"],
                "year": opts["year"],
                "year_column": opts["year_column"],
                "indicator_column": opts["indicator_column"],
                "value_column": opts["value_column"],
                "columns": [c.strip() for c in opts["columns"].split(";") if c.strip()],
                "column_pattern": opts["column_pattern"],
                "duplicates": opts["duplicates"],
                "decimal": opts["decimal"],
                "header_row": opts["header_row"],
                "sheet": opts["sheet"],
            },
        )
