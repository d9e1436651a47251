"""Map viewport benchmark (issue 16: ≤ 40 KB and ≤ 100 ms p95 at concurrency 4 for the
state-scale viewport): the open-data GeoJSON of a viewport against the guide's cells (ADR 1202).

    python -m bench.map_bench [--offers 10000] [--database sqlite|postgres] [--duration 8]

A fresh database (an SQLite file in a temporary directory, or the PostgreSQL database
``fn_map_bench`` on 127.0.0.1, dropped and recreated) gets the generated alliance ``bench``
(``bench.generate``: the size of the state scale's measured alliance, 10,000 offers, by
default). gunicorn serves it the production way (bench/settings.py, 2 sync workers); the
driver (bench/driver.py) loads each scenario at concurrency 1 and 4 for ``--duration`` seconds
each; every request has a new ``b=<n>`` so no cache answers. Scenarios:

- ``geojson``: ``/api/v1/bench/offers.geojson?bbox=…`` — the ~7 × 7 km box of ``make bench``;
- ``cells_z13``: ``/bench/karte/ansicht.json?bbox=…&zoom=13`` — the same box as the guide's map
  asks for it on a phone;
- ``cells_town``: the whole town's extent at zoom 11 (what the home page's map asks first);
- ``place``: ``/bench/karte/ort/<id>.json`` — a tapped place (60 different places).

Results: a Markdown table on stdout and ``bench/results/map-<database>-<date>.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import driver, server

REPO = Path(__file__).resolve().parent.parent
DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/fn_map_bench"


def _generate(offers: int) -> None:
    """In the child process (DATABASE_URL set): migrate and fill the alliance ``bench``; print
    the scenario context as JSON."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db.models import Max, Min

    from bench.generate import ALLIANCE_SLUG, generate
    from familiennetz.alliances.models import Alliance
    from familiennetz.alliances.scopes import all_alliances
    from familiennetz.directory.models import Location

    call_command("migrate", verbosity=0)
    with all_alliances():
        generate(offers=offers, seed=20261216, index=False)
        alliance = Alliance.objects.get(slug=ALLIANCE_SLUG)
        places = Location.objects.for_alliance(alliance).filter(latitude__isnull=False)
        extent = places.aggregate(
            west=Min("longitude"),
            south=Min("latitude"),
            east=Max("longitude"),
            north=Max("latitude"),
        )
        place_ids = list(
            places.filter(offer_locations__offer__status="published")
            .order_by("pk")
            .values_list("pk", flat=True)
            .distinct()
        )
        step = max(1, len(place_ids) // 60)
        context = {
            "centre": [alliance.latitude, alliance.longitude],
            "extent": extent,
            "places": place_ids[::step][:60],
            "offers": offers,
        }
        context["cpu_ms"] = _cpu_per_request(context)
    print(json.dumps(context))


def _cpu_per_request(context: dict, runs: int = 20) -> dict:
    """Process CPU time of one request per scenario, in-process through Django's test client
    (p50 of ``runs``): what a request costs the server, less sensitive than wall-clock time to
    other jobs on a shared machine. Places that answer 404 (every offer there hidden) are
    dropped from ``context`` here."""
    import time

    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    context["places"] = [
        pk
        for pk in context["places"]
        if client.get(f"/bench/karte/ort/{pk}.json").status_code == 200
    ]
    cpu = {}
    for name, paths in _scenarios(context).items():
        client.get(paths[0])
        samples = []
        for path in paths[1 : runs + 1]:
            started = time.process_time()
            response = client.get(path)
            samples.append((time.process_time() - started) * 1000)
            assert response.status_code == 200, (path, response.status_code)
        samples.sort()
        cpu[name] = round(samples[len(samples) // 2], 1)
    return cpu


def _database(kind: str, tmp: Path) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp / 'map-bench.sqlite3'}"
    url = os.environ.get("BENCH_MAP_POSTGRES_URL", DEFAULT_POSTGRES_URL)
    admin, name = url.rsplit("/", 1)
    if "bench" not in name:
        raise SystemExit("the PostgreSQL database name must contain 'bench' (it is dropped)")
    import psycopg

    with psycopg.connect(f"{admin}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return url


def _scenarios(context: dict) -> dict[str, list[str]]:
    lat, lon = context["centre"]
    box = f"{lon - 0.05:.4f},{lat - 0.03:.4f},{lon + 0.05:.4f},{lat + 0.03:.4f}"
    e = context["extent"]
    town = f"{e['west']:.4f},{e['south']:.4f},{e['east']:.4f},{e['north']:.4f}"
    many = range(1, 2001)
    return {
        "geojson": [f"/api/v1/bench/offers.geojson?bbox={box}&b={n}" for n in many],
        "cells_z13": [f"/bench/karte/ansicht.json?bbox={box}&zoom=13&b={n}" for n in many],
        "cells_town": [f"/bench/karte/ansicht.json?bbox={town}&zoom=11&b={n}" for n in many],
        "place": [f"/bench/karte/ort/{pk}.json?b={n}" for n in many for pk in context["places"]][
            :2000
        ],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offers", type=int, default=10_000)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--duration", type=float, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--generate-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.generate_only:
        _generate(args.offers)
        return 0

    with tempfile.TemporaryDirectory(prefix="fn-map-bench-") as tmpdir:
        tmp = Path(tmpdir)
        env = server.bench_env(_database(args.database, tmp), static_root=str(tmp / "static"))
        server.collectstatic(env)  # an error page in the in-process run needs the manifest
        print(f"generating {args.offers} offers ({args.database}) …", file=sys.stderr)
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.map_bench",
                "--generate-only",
                "--offers",
                str(args.offers),
            ],
            cwd=REPO,
            env=env,
            check=True,
            stdout=subprocess.PIPE,
            text=True,
        )
        context = json.loads(done.stdout.strip().splitlines()[-1])
        results = {}
        with server.Gunicorn(
            env, port=0, workers=args.workers, log_path=tmp / "gunicorn.log"
        ) as gunicorn:
            for name, paths in _scenarios(context).items():
                for path in paths[:3]:  # warm every worker
                    driver.get(gunicorn.base, path)
                results[name] = {
                    f"c{c}": driver.run(
                        gunicorn.base, paths, concurrency=c, duration=args.duration
                    ).as_dict()
                    for c in (1, 4)
                }
    load = os.getloadavg()
    lines = [
        f"Map viewport, {args.offers} offers, {args.database}, {args.workers} workers, "
        f"load {load[0]:.1f} after the run",
        "",
        "| scenario | bytes | CPU ms / request (p50, in-process) | p50 / p95 ms (c=1) | "
        "p50 / p95 ms (c=4) | req/s (c=4) | errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, runs in results.items():
        one, four = runs["c1"], runs["c4"]
        lines.append(
            f"| {name} | {four['bytes_mean']:,} | {context['cpu_ms'][name]} | "
            f"{one['p50_ms']:.0f} / {one['p95_ms']:.0f} | "
            f"{four['p50_ms']:.0f} / {four['p95_ms']:.0f} | {four['rps']:.0f} | "
            f"{one['errors'] + four['errors']} |"
        )
    print("\n".join(lines))
    out = REPO / "bench" / "results"
    out.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
    (out / f"map-{args.database}-{stamp}.json").write_text(
        json.dumps({"context": context, "results": results, "load": load}, indent=1)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
