"""Outreach benchmark: the notice-board sheet of a district as a PDF (issue 14: ≤ 2 s), the
Stadtteilplan and the Erste-Hilfe-Box PDFs.

    python -m bench.outreach_bench [--dates 1000] [--requests 20] [--database sqlite|postgres]

A fresh database (an SQLite file in a temporary directory, or the PostgreSQL database
``fn_outreach_bench`` on 127.0.0.1, created and dropped here) gets the generated town's
directory (``bench.generate``, 300 offers in its districts) and its calendar
(``bench.calendar_bench.generate_calendar``: recurring events until the month after today holds
``--dates`` dates). The page cache is off (``PAGE_CACHE_SECONDS=0``): every request renders the
PDF (WeasyPrint) from the live data. Requests go through Django's test client in-process, one
after another after two warm-up requests; percentiles are nearest-rank; the CPU column is the
process time of a request (less sensitive than wall time to other jobs on a shared machine).
Results: a Markdown table on stdout and ``bench/results/outreach-<database>-<date>.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/fn_outreach_bench"


def measure(requests: int, dates: int) -> dict:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Count
    from django.test import Client

    from bench.calendar_bench import generate_calendar
    from bench.generate import ALLIANCE_SLUG, generate
    from bench.search_bench import summarise
    from familiennetz.alliances.models import Alliance
    from familiennetz.alliances.scopes import all_alliances
    from familiennetz.directory.models import Location
    from familiennetz.outreach import services
    from familiennetz.socialspace.models import District

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    with all_alliances():
        generate(offers=300, seed=20261207, index=False)
        generate_calendar(dates=dates)
        alliance = Alliance.objects.get(slug=ALLIANCE_SLUG)
        for position, (group, name, phone) in enumerate(
            [
                ("notfall", "Feuerwehr und Rettungsdienst", "112"),
                ("notfall", "Polizei", "110"),
                ("beratung", "Elterntelefon", "0800 111 0 550"),
                ("nachts", "Ärztlicher Bereitschaftsdienst", "116 117"),
            ]
        ):
            services.help_contact_save(
                alliance=alliance,
                values={"group": group, "name": name, "phone": phone, "position": position},
            )
        busiest = (
            Location.objects.filter(alliance=alliance, district__isnull=False)
            .values("district")
            .annotate(n=Count("pk"))
            .order_by("-n")
            .first()
        )
        district = District.objects.get(pk=busiest["district"])
    build_seconds = round(time.perf_counter() - started, 1)
    slug = alliance.slug
    paths = {
        "notice_district": f"/{slug}/aushang.pdf?ortsteil={district.slug}",
        "notice_district_age": f"/{slug}/aushang.pdf?ortsteil={district.slug}&alter=3-6",
        "notice_town_too_large": f"/{slug}/aushang.pdf",
        "plan_a4": f"/{slug}/stadtteilplan.pdf",
        "plan_page": f"/{slug}/stadtteilplan/",
        "help_box_pdf": f"/{slug}/erste-hilfe.pdf",
    }
    results = {}
    client = Client(HTTP_HOST="localhost")
    for name, path in paths.items():
        for _ in range(2):
            response = client.get(path)
            assert response.status_code in (200, 422), (path, response.status_code)
        statements: list[str] = []

        def count(execute, sql, params, many, context, statements=statements):
            statements.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            response = client.get(path)
        times, cpu = [], []
        for _ in range(requests):
            t0, c0 = time.perf_counter(), time.process_time()
            client.get(path)
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        results[name] = summarise(times) | {
            "cpu_p50_ms": summarise(cpu)["p50_ms"],
            "status": response.status_code,
            "queries": len(statements),
            "bytes": len(response.content),
        }
    return {
        "vendor": connection.vendor,
        "district": district.name,
        "dates": dates,
        "build_seconds": build_seconds,
        "results": results,
    }


def _postgres(*command: str) -> None:
    subprocess.run([command[0], "-h", "127.0.0.1", "-U", "postgres", *command[1:]], check=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dates", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(measure(args.requests, args.dates)))
        return
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "TASKS_BACKEND": "immediate",
        "PAGE_CACHE_SECONDS": "0",
    }
    with tempfile.TemporaryDirectory() as tmp:
        if args.database == "sqlite":
            env["DATABASE_URL"] = f"sqlite:///{Path(tmp) / 'outreach.sqlite3'}"
        else:
            _postgres("dropdb", "--if-exists", "fn_outreach_bench")
            _postgres("createdb", "fn_outreach_bench")
            env["DATABASE_URL"] = DEFAULT_POSTGRES_URL
        out = subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.outreach_bench",
                "--worker",
                "--requests",
                str(args.requests),
                "--dates",
                str(args.dates),
            ],
            env=env,
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
        )
        if args.database == "postgres":
            _postgres("dropdb", "--if-exists", "fn_outreach_bench")
    if out.returncode != 0:
        sys.exit(out.stderr[-5000:])
    data = json.loads(out.stdout.strip().splitlines()[-1])
    data["machine"] = {"nproc": os.cpu_count(), "loadavg": [round(x, 2) for x in os.getloadavg()]}
    results_dir = REPO / "bench" / "results"
    results_dir.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
    (results_dir / f"outreach-{args.database}-{stamp}.json").write_text(json.dumps(data, indent=2))
    print(
        f"{data['vendor']}: district {data['district']}, {data['dates']} dates in the month "
        f"(built in {data['build_seconds']} s), load {data['machine']['loadavg']}\n"
    )
    print("| request | status | p50 ms | p95 ms | max ms | CPU p50 ms | queries | bytes |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, row in data["results"].items():
        print(
            f"| {name} | {row['status']} | {row['p50_ms']} | {row['p95_ms']} "
            f"| {row['max_ms']} | {row['cpu_p50_ms']} | {row['queries']} | {row['bytes']} |"
        )


if __name__ == "__main__":
    main()
