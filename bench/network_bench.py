"""Network benchmark (issue 9): 2,000 partners and 20,000 declared ties; the analysis, the map's
JSON and the server-side SVG layout must take ≤ 2 s together in one process.

    python -m bench.network_bench [--partners 2000] [--ties 20000] [--runs 5]
                                  [--database sqlite|postgres]

A worker subprocess (settings ``bench.settings``: DEBUG off) migrates a fresh database (an
SQLite file in a temporary directory, or ``fn_network_bench`` on 127.0.0.1, created and dropped
here), creates one alliance with the default sectors, ``--partners`` organisations as partners
(sectors and roles at random, fixed seed) and ``--ties`` random declared ties (intensity 0–4,
one or two topics), plus 300 offers held at another partner's place (derived ties). Then, per
run, with the layout cache emptied first (a cold map):

* ``data``     – ``selectors.network_data``: partners, declared and derived ties from the database;
* ``analysis`` – ``analysis.analyse``: degree, betweenness (estimated above 400 partners),
                 brokers, components, density, sector gaps, sentences;
* ``json``     – graph.json's body (``json.dumps`` of nodes with degree and edges);
* ``layout``   – ``layout.positions`` (force-directed, fixed seed);
* ``svg``      – ``layout.render_svg``;
* ``total``    – all of the above, one after another (the budget: ≤ 2,000 ms);
* ``total_cpu`` – the same in this process's CPU time (fairer on a shared, loaded machine).

Also the map page and graph.json through the test client (logged in, full middleware) with a
cold and a warm layout cache. Results: a Markdown table on stdout and
``bench/results/network-<database>-<date>.json``. Medians of ``--runs`` runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/fn_network_bench"


def build(partners: int, ties: int):
    from familiennetz.accounts.models import User
    from familiennetz.alliances.models import Alliance, Membership
    from familiennetz.alliances.scopes import all_alliances
    from familiennetz.directory.models import Location, Offer, OfferLocation, Organisation
    from familiennetz.network import services
    from familiennetz.network.models import Partner, Tie

    rng = random.Random(9)
    with all_alliances():
        alliance = Alliance.objects.create(slug="netzbench", name="Netzwerk Benchstadt")
        sectors = services.ensure_default_sectors(alliance)
        orgs = Organisation.objects.bulk_create(
            Organisation(alliance=alliance, name=f"Partner {n:04d}", slug=f"partner-{n:04d}")
            for n in range(partners)
        )
        rows = Partner.objects.bulk_create(
            Partner(
                alliance=alliance,
                organisation=org,
                sector=rng.choice(sectors),
                role=rng.choice(["core", "partner", "partner", "contact", "to_approach"]),
            )
            for org in orgs
        )
        ids = [p.pk for p in rows]
        pairs: set[tuple[int, int]] = set()
        while len(pairs) < ties:
            a, b = rng.sample(ids, 2)
            pairs.add((min(a, b), max(a, b)))
        topics = ["Kinderschutz", "Übergang Kita–Schule", "Frühe Hilfen", "Sprachförderung"]
        Tie.objects.bulk_create(
            (
                Tie(
                    alliance=alliance,
                    partner_a_id=a,
                    partner_b_id=b,
                    intensity=rng.randint(0, 4),
                    topics=", ".join(rng.sample(topics, rng.choice([1, 2]))),
                )
                for a, b in sorted(pairs)
            ),
            batch_size=2000,
        )
        places = Location.objects.bulk_create(
            Location(alliance=alliance, organisation=org, name=f"Haus {org.name}", slug=org.slug)
            for org in orgs[:300]
        )
        offers = Offer.objects.bulk_create(
            Offer(
                alliance=alliance,
                organisation=rng.choice(orgs),
                name=f"Angebot {n}",
                slug=f"angebot-{n}",
                status="published",
            )
            for n in range(300)
        )
        OfferLocation.objects.bulk_create(
            OfferLocation(alliance=alliance, offer=offer, location=place)
            for offer, place in zip(offers, places, strict=True)
        )
        user = User.objects.create_user(email="koordination@bench.example", password="x" * 20)
        Membership.objects.create(user=user, alliance=alliance, role="coordinator")
    return alliance, user


def measure(partners: int, ties: int, runs: int) -> dict:
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from familiennetz.alliances.scopes import alliance_scope
    from familiennetz.network import analysis, layout, selectors

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    alliance, user = build(partners, ties)
    build_seconds = round(time.perf_counter() - started, 1)
    phases: dict[str, list[float]] = {
        k: [] for k in ("data", "analysis", "json", "layout", "svg", "total", "total_cpu")
    }
    with alliance_scope(alliance):
        for _ in range(runs):
            cache.clear()
            cpu0 = time.process_time()
            t0 = time.perf_counter()
            data = selectors.network_data(alliance)
            t1 = time.perf_counter()
            graph = analysis.build_graph(data.nodes, data.edges)
            result = analysis.analyse(graph)
            t2 = time.perf_counter()
            for node in data.nodes:
                node["degree"] = result.degrees.get(node["id"], 0)
            body = json.dumps({"nodes": data.nodes, "edges": data.edges}, ensure_ascii=False)
            t3 = time.perf_counter()
            pos = layout.positions(data.nodes, data.edges)
            t4 = time.perf_counter()
            svg = layout.render_svg(
                data.nodes,
                data.edges,
                pos,
                degrees=result.degrees,
                colours={},
                title="Karte",
                link=lambda pk: f"/p/{pk}/",
            )
            t5 = time.perf_counter()
            cpu = time.process_time() - cpu0
            for key, value in zip(
                phases, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t5 - t0, cpu), strict=True
            ):
                phases[key].append(value)
    sizes = {
        "json_kb": round(len(body.encode()) / 1024),
        "svg_kb": round(len(svg.encode()) / 1024),
        "derived_ties": sum(e["kind"] == "derived" for e in data.edges),
    }
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    pages = {}
    for name, path in [
        ("map_page", f"/manage/{alliance.slug}/netzwerk/"),
        ("graph_json", f"/manage/{alliance.slug}/netzwerk/graph.json"),
        ("analysis_page", f"/manage/{alliance.slug}/netzwerk/analyse/"),
    ]:
        cache.clear()
        t0 = time.perf_counter()
        assert client.get(path).status_code == 200, path
        cold = time.perf_counter() - t0
        t0 = time.perf_counter()
        client.get(path)
        warm = time.perf_counter() - t0
        pages[name] = {"cold_ms": round(cold * 1000), "warm_ms": round(warm * 1000)}
    return {
        "vendor": connection.vendor,
        "partners": partners,
        "ties": ties,
        "build_seconds": build_seconds,
        "phases_ms": {k: round(statistics.median(v) * 1000) for k, v in phases.items()},
        "max_total_ms": round(max(phases["total"]) * 1000),
        "sizes": sizes,
        "pages": pages,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--partners", type=int, default=2000)
    parser.add_argument("--ties", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(measure(args.partners, args.ties, args.runs)))
        return
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "TASKS_BACKEND": "immediate"}
    pg = ["-h", "127.0.0.1", "-U", "postgres"]
    with tempfile.TemporaryDirectory() as tmp:
        if args.database == "sqlite":
            env["DATABASE_URL"] = f"sqlite:///{Path(tmp) / 'network.sqlite3'}"
        else:
            subprocess.run(["dropdb", *pg, "--if-exists", "fn_network_bench"], check=True)
            subprocess.run(["createdb", *pg, "fn_network_bench"], check=True)
            env["DATABASE_URL"] = POSTGRES_URL
        out = subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.network_bench",
                "--worker",
                *("--partners", str(args.partners), "--ties", str(args.ties)),
                *("--runs", str(args.runs)),
            ],
            env=env,
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
        )
        if args.database == "postgres":
            subprocess.run(["dropdb", *pg, "--if-exists", "fn_network_bench"], check=False)
    if out.returncode != 0:
        sys.exit(out.stderr[-5000:])
    data = json.loads(out.stdout.strip().splitlines()[-1])
    data["machine"] = {"nproc": os.cpu_count(), "loadavg": [round(x, 2) for x in os.getloadavg()]}
    results = REPO / "bench" / "results"
    results.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
    (results / f"network-{args.database}-{stamp}.json").write_text(json.dumps(data, indent=2))
    print(
        f"{data['vendor']}: {data['partners']} partners, {data['ties']} ties "
        f"(+{data['sizes']['derived_ties']} derived), built in {data['build_seconds']} s, "
        f"load {data['machine']['loadavg']}\n"
    )
    print("| phase | median ms |")
    print("|---|---:|")
    for name, ms in data["phases_ms"].items():
        print(f"| {name} | {ms} |")
    print(f"\nslowest total: {data['max_total_ms']} ms; sizes: {data['sizes']}\n")
    print("| page (test client) | cold ms | warm ms |")
    print("|---|---:|---:|")
    for name, row in data["pages"].items():
        print(f"| {name} | {row['cold_ms']} | {row['warm_ms']} |")


if __name__ == "__main__":
    main()
