"""Reports benchmark (issue 13): the state office's overview over 600 alliances (≤ 300 ms
p95, from the cached aggregates) and the annual report PDF of a 10,000-offer alliance built
by the background task (≤ 10 s).

    python -m bench.reports_bench [--alliances 600] [--offers 10000] [--requests 50]

A fresh SQLite database in a temporary directory (settings ``bench.settings``). The 600
alliances get cached aggregates (``AllianceSummary``) and a report each; the measured
alliance gets ``--offers`` offers from ``bench.generate``. Requests go through Django's test
client with a logged-in state office member; the PDF is timed as the task runs it
(``reports.tasks.build_report_pdf``). Results: Markdown on stdout and
``bench/results/reports-<date>.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def measure(alliances: int, offers: int, requests: int) -> dict:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from bench.generate import generate
    from bench.search_bench import summarise
    from familiennetz.accounts.models import User
    from familiennetz.alliances.models import Alliance, StateOffice
    from familiennetz.alliances.scopes import all_alliances, alliance_scope
    from familiennetz.reports import tasks
    from familiennetz.reports.models import AllianceSummary, AnnualReport

    call_command("migrate", verbosity=0)
    rng = random.Random(13)
    now = timezone.now()
    started = time.perf_counter()
    with all_alliances():
        generate(offers=offers, alliance_slug="bench")
        big = Alliance.objects.get(slug="bench")
        rows = Alliance.objects.bulk_create(
            Alliance(
                name=f"Netzwerk {i:03d}",
                slug=f"netz-{i:03d}",
                latitude=50.2 + rng.random() * 1.5,
                longitude=11.5 + rng.random() * 3,
            )
            for i in range(alliances - 1)
        )
        members = [big, *rows]
        office = StateOffice.objects.create(name="Landesstelle Bench")
        office.alliances.add(*members)
        user = User.objects.create_user(email="lks@bench.example", password="bench-2026-lang")
        office.members.add(user)
        AllianceSummary.objects.bulk_create(
            AllianceSummary(
                alliance=a,
                computed_at=now,
                data={
                    "offers": rng.randint(20, 400),
                    "confirmed": 10,
                    "confirmed_share": round(rng.random(), 3),
                    "offers_by_age": {"0-3": rng.randint(0, 80)},
                    "meetings": rng.randint(0, 30),
                    "partners": rng.randint(5, 60),
                    "partners_by_sector": {"Kita": 5, "Jugendhilfe": 3},
                },
            )
            for a in rows
        )
        AnnualReport.objects.bulk_create(
            AnnualReport(alliance=a, year=now.year - 1, status="submitted") for a in rows
        )
    build_seconds = round(time.perf_counter() - started, 1)
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    path = f"/manage/landesstelle/{office.pk}/"
    for _ in range(3):
        assert client.get(path).status_code == 200
    times = []
    for _ in range(requests):
        t0 = time.perf_counter()
        client.get(path)
        times.append(time.perf_counter() - t0)
    overview = summarise(times)
    with alliance_scope(big):
        report = AnnualReport.objects.create(alliance=big, year=now.year - 1)
    t0 = time.perf_counter()
    tasks.build_report_pdf.call(report.pk)
    pdf_seconds = round(time.perf_counter() - t0, 2)
    with all_alliances():
        report.refresh_from_db()
        size = report.pdf.size
    return {
        "vendor": connection.vendor,
        "alliances": alliances,
        "offers": offers,
        "build_seconds": build_seconds,
        "overview": overview,
        "pdf_seconds": pdf_seconds,
        "pdf_bytes": size,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--alliances", type=int, default=600)
    parser.add_argument("--offers", type=int, default=10000)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(measure(args.alliances, args.offers, args.requests)))
        return
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "TASKS_BACKEND": "immediate"}
    with tempfile.TemporaryDirectory() as tmp:
        env["DATABASE_URL"] = f"sqlite:///{Path(tmp) / 'reports.sqlite3'}"
        env["PRIVATE_MEDIA_ROOT"] = str(Path(tmp) / "private")
        out = subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.reports_bench",
                "--worker",
                "--alliances",
                str(args.alliances),
                "--offers",
                str(args.offers),
                "--requests",
                str(args.requests),
            ],
            env=env,
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
        )
    if out.returncode != 0:
        sys.exit(out.stderr[-5000:])
    data = json.loads(out.stdout.strip().splitlines()[-1])
    data["machine"] = {"nproc": os.cpu_count(), "loadavg": [round(x, 2) for x in os.getloadavg()]}
    results_dir = REPO / "bench" / "results"
    results_dir.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
    (results_dir / f"reports-{stamp}.json").write_text(json.dumps(data, indent=2))
    o = data["overview"]
    print(
        f"{data['vendor']}: {data['alliances']} alliances, {data['offers']} offers "
        f"(built in {data['build_seconds']} s)\n"
    )
    print("| measurement | p50 | p95 | target |\n|---|---:|---:|---|")
    print(f"| state overview | {o['p50_ms']} ms | {o['p95_ms']} ms | ≤ 300 ms p95 |")
    print(f"| annual report PDF (task) | {data['pdf_seconds']} s | | ≤ 10 s |")


if __name__ == "__main__":
    main()
