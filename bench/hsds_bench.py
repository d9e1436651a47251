"""HSDS export and import of the measured alliance, timed in-process (a step of bench/run.py).

1. **Export**: the whole public directory of ``bench`` as the HSDS 3.0 JSON ZIP that
   ``/<alliance>/offene-daten/hsds-json.zip`` serves (``export_tables`` → ``files_for`` →
   ``write_zip``). So that the dataset holds as many services as the scale's target (10,000 at
   state scale), the alliance's unpublished offers are published first, inside the same
   transaction.
2. **Import**: that ZIP read back (``read_zip``) and imported with ``hsds_import`` (commit mode,
   including the search index rebuild at its end) into a new, empty alliance.

Everything runs in one transaction that is rolled back at the end, so the generated data stays
as it was (``--reuse``); only the final COMMIT of the import is not part of the figure.

Standalone (issue 17: the import's cost through ``entry_save``), on a database filled by
``python -m bench.generate --offers N``::

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 python -m bench.hsds_bench [--runs 2]

prints the export and import wall and CPU seconds and the import's SQL statement count.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable

from bench.cli import across_alliances


@across_alliances
def measure(*, services: int, log: Callable[[str], None]) -> dict:
    from django.db import connection, transaction
    from django.utils import timezone

    from familiennetz.alliances.models import Alliance
    from familiennetz.directory.models import Offer, Status
    from familiennetz.interop.hsds.export import export_tables, files_for, write_zip
    from familiennetz.interop.hsds.importer import hsds_import
    from familiennetz.interop.hsds.sources import read_zip

    result: dict = {"services_wanted": services}
    with transaction.atomic():
        source = Alliance.objects.get(slug="bench")
        offers = Offer.objects.for_alliance(source)
        missing = services - offers.published().count()
        if missing > 0:
            pks = list(
                offers.exclude(status=Status.PUBLISHED).order_by("pk").values_list("pk", flat=True)
            )[:missing]
            Offer.objects.filter(pk__in=pks).update(
                status=Status.PUBLISHED, published_at=timezone.now()
            )
            result["published_for_the_run"] = len(pks)

        t = time.monotonic()
        export = export_tables(alliance=source)
        data = write_zip(files_for(export, "json"))
        result["export_s"] = round(time.monotonic() - t, 2)
        result["services"] = len(export.rows("service"))
        result["zip_bytes"] = len(data)
        log(
            f"  HSDS export: {result['services']:,} services, {len(data) / 1e6:.1f} MB ZIP "
            f"in {result['export_s']} s"
        )

        target = Alliance.objects.create(name="HSDS-Import (Benchmark)", slug="bench-hsds-import")
        statements = _Counter()
        t, cpu = time.monotonic(), time.process_time()
        with connection.execute_wrapper(statements):
            report = hsds_import(alliance=target, tables=read_zip(data, name="bench.zip"))
        result["import_s"] = round(time.monotonic() - t, 2)
        result["import_cpu_s"] = round(time.process_time() - cpu, 2)
        result["import_statements"] = statements.count
        result["import_committed"] = report.committed
        result["import_errors"] = [str(issue) for issue in report.errors[:5]]
        result["import_warnings"] = len(report.warnings)
        result["imported_offers"] = Offer.objects.for_alliance(target).count()
        log(
            f"  HSDS import: {result['imported_offers']:,} offers in {result['import_s']} s "
            f"(committed: {report.committed}, {len(report.errors)} errors, "
            f"{result['import_warnings']} warnings)"
        )
        transaction.set_rollback(True)
    return result


class _Counter:
    """A database execute wrapper that counts statements."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.hsds_bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args(argv)
    if "DATABASE_URL" not in os.environ:
        parser.error("set DATABASE_URL explicitly (a database filled by bench.generate)")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    results = []
    for _run in range(args.runs):
        services = _services_in_bench()
        results.append(measure(services=services, log=lambda m: print(m, file=sys.stderr)))
    print(json.dumps({"loadavg": [round(x, 2) for x in os.getloadavg()], "runs": results}))
    return 0


@across_alliances
def _services_in_bench() -> int:
    from familiennetz.directory.models import Offer

    return Offer.objects.filter(alliance__slug="bench").count()


if __name__ == "__main__":
    sys.exit(main())
