"""``make bench``: generate a scale, serve it the production way, run every HTTP scenario at
concurrency 1, 4 and 20, measure page weight in Chromium and (optionally) the peer, and write
one JSON result plus a Markdown table to bench/results/.

    python -m bench.run --scale town --db sqlite          # make bench
    python -m bench.run --scale state --db both --peer    # the full reference run

Each database runs in a child process (its own DATABASE_URL): migrate → generate → (PostgreSQL:
VACUUM ANALYZE) → collectstatic into a temporary directory → gunicorn (N sync workers,
bench/settings.py) on 127.0.0.1 → scenarios → page weight → our side of the peer comparison →
stop. The peer (pretix) runs once afterwards with the same worker count and concurrency.
See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from bench.cli import across_alliances

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
DEFAULT_PG = "postgres://postgres@127.0.0.1:5432/familiennetz_bench"
CONCURRENCY = [1, 4, 20]
# Seconds per timed run (one scenario at one concurrency) and per static-file run.
DURATIONS = {"town": 3, "city": 6, "state": 8}

_T0 = time.monotonic()


def log(message: str) -> None:
    elapsed = int(time.monotonic() - _T0)
    print(f"[bench {elapsed // 60:02d}:{elapsed % 60:02d}] {message}", flush=True)


# --- machine and code ----------------------------------------------------------------------


def _git(*args: str) -> str:
    try:
        return subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=20
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def machine() -> dict:
    info = {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "loadavg": [round(x, 2) for x in os.getloadavg()],
    }
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
        info["cpu_model"] = next(
            line.split(":", 1)[1].strip()
            for line in cpuinfo.splitlines()
            if line.startswith("model name")
        )
        meminfo = Path("/proc/meminfo").read_text().splitlines()[0]
        info["ram_gb"] = round(int(meminfo.split()[1]) / 1024 / 1024, 1)
    except (OSError, StopIteration):
        pass
    return info


def code() -> dict:
    return {
        "commit": _git("rev-parse", "--short", "HEAD"),
        "branch": _git("rev-parse", "--abbrev-ref", "HEAD"),
        "uncommitted": _git(
            "status", "--porcelain", "--", "familiennetz", "config", "bench"
        ).splitlines()[:20],
    }


# --- databases -----------------------------------------------------------------------------


def _check_pg_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.hostname not in {"127.0.0.1", "localhost", "::1"}:
        raise SystemExit(f"refusing a non-loopback PostgreSQL host: {parts.hostname}")
    if "bench" not in parts.path:
        raise SystemExit("the PostgreSQL database name must contain 'bench' (it is dropped)")


def recreate_postgres(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True, connect_timeout=10) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


# --- one database (child process) ----------------------------------------------------------


def _static_twins(scenarios, ctx, static_root: Path) -> dict[str, dict]:
    """Copy each page's body into STATIC_ROOT, so WhiteNoise serves a file of the same size."""
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    twins = {}
    folder = static_root / "bench-twin"
    folder.mkdir(parents=True, exist_ok=True)
    for scenario in scenarios:
        if not scenario.static_twin:
            continue
        path = scenario.paths(ctx)[0].replace("{n}", "probe")
        response = client.get(path)
        body = response.content
        (folder / f"{scenario.key}.html").write_bytes(body)
        twins[scenario.key] = {
            "path": f"/static/bench-twin/{scenario.key}.html",
            "bytes": len(body),
        }
    return twins


@across_alliances
def _context(scale):
    from django.utils import timezone

    from bench.scenarios import Context
    from familiennetz.alliances.models import Alliance
    from familiennetz.directory.models import Offer

    alliance = Alliance.objects.get(slug="bench")
    slugs = list(
        Offer.objects.for_alliance(alliance)
        .published()
        .order_by("pk")
        .values_list("slug", flat=True)[:: max(1, scale.bench_offers // 60)][:60]
    )
    today = timezone.localdate()
    month = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    lat, lon = alliance.latitude, alliance.longitude
    bbox = f"{lon - 0.05:.4f},{lat - 0.03:.4f},{lon + 0.05:.4f},{lat + 0.03:.4f}"
    return Context(alliance="bench", offer_slugs=slugs, month=month, bbox=bbox)


def _measure_scenario(scenario, ctx, server, args, driver) -> dict:
    paths = scenario.paths(ctx)
    entry = {
        "key": scenario.key,
        "label": scenario.label,
        "notes": scenario.notes,
        "example": paths[0].replace("{n}", "1"),
        "runs": {},
    }
    headers = None
    probe = driver.get(server.base, paths[0].replace("{n}", "probe"))
    if scenario.conditional:
        etag = probe.headers.get("etag")
        if probe.status != 200 or not etag:
            return {**entry, "status": "error", "reason": f"no ETag (HTTP {probe.status})"}
        headers = {"If-None-Match": etag}
        probe = driver.get(server.base, paths[0], headers=headers)
    if probe.status not in scenario.expect:
        return {**entry, "status": "error", "reason": f"HTTP {probe.status} for {paths[0]}"}
    entry["bytes"] = probe.size
    # Warm every worker (imports, template cache, connections) before timing.
    driver.run(
        server.base,
        paths,
        concurrency=args.workers,
        duration=5,
        max_requests=min(len(paths), 24) + 4 * args.workers,
        headers=headers,
        expect=scenario.expect,
    )
    levels = [1] if scenario.heavy else CONCURRENCY
    for concurrency in levels:
        result = driver.run(
            server.base,
            paths,
            concurrency=concurrency,
            duration=args.duration,
            max_requests=3 if scenario.heavy else args.max_requests,
            headers=headers,
            expect=scenario.expect,
            timeout=300,
        )
        entry["runs"][str(concurrency)] = result.as_dict()
        log(
            f"  {scenario.key:<18} c={concurrency:<2} p50 {result.p50_ms} ms, "
            f"p95 {result.p95_ms} ms, {result.rps} req/s, {result.errors} errors, "
            f"SQL {result.queries_median}"
        )
    entry["rss_mb"] = server.worker_rss()
    entry["status"] = "ok" if all(r["errors"] == 0 for r in entry["runs"].values()) else "errors"
    return entry


def _static_runs(twin: dict, server, args, driver) -> dict:
    runs = {}
    for concurrency in CONCURRENCY:
        result = driver.run(
            server.base,
            [twin["path"]],
            concurrency=concurrency,
            duration=max(1, args.duration * 2 // 3),
            max_requests=args.max_requests,
        )
        runs[str(concurrency)] = result.as_dict()
    return runs


def _fingerprint(scale) -> str:
    """Changes with the scale, the generator, the migrations and the day (dates are relative
    to today)."""
    import hashlib

    parts = [json.dumps(scale.as_dict()), (ROOT / "bench" / "generate.py").read_text()]
    parts += sorted(str(p.relative_to(ROOT)) for p in ROOT.glob("familiennetz/*/migrations/0*.py"))
    parts.append(dt.date.today().isoformat())
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def _has_fingerprint(database_url: str, fingerprint: str) -> bool:
    """Whether the database holds a generated scale with this fingerprint (read directly,
    before Django is set up)."""
    query = "SELECT settings FROM alliances_alliance WHERE slug = 'bench'"
    try:
        if database_url.startswith("sqlite"):
            import sqlite3

            with sqlite3.connect(database_url.removeprefix("sqlite:///")) as conn:
                row = conn.execute(query).fetchone()
            stored = json.loads(row[0]) if row else {}
        else:
            import psycopg

            with psycopg.connect(database_url, connect_timeout=10) as conn:
                row = conn.execute(query).fetchone()
            stored = row[0] if row else {}
    except Exception:  # no such database or table: generate
        return False
    return (stored or {}).get("bench_fingerprint") == fingerprint


def child(args) -> dict:
    """Measure one database; returns the result dictionary."""
    from bench.scales import SCALES

    scale = SCALES[args.scale]
    work = Path(tempfile.mkdtemp(prefix=f"fn-bench-{args.db}-"))
    static_root = work / "static"
    fingerprint = _fingerprint(scale)
    reused = False
    if args.db == "sqlite":
        path = work / "bench.sqlite3"
        if args.reuse:  # a kept file per scale; used again while the fingerprint matches
            (RESULTS / "db").mkdir(parents=True, exist_ok=True)
            path = RESULTS / "db" / f"{scale.name}.sqlite3"
            reused = _has_fingerprint(f"sqlite:///{path}", fingerprint) if path.exists() else False
            if not reused:
                for old in path.parent.glob(f"{scale.name}.sqlite3*"):
                    old.unlink()
        database_url = f"sqlite:///{path}"
    else:
        database_url = args.postgres_url
        _check_pg_url(database_url)
        reused = args.reuse and _has_fingerprint(database_url, fingerprint)
        if not reused:
            recreate_postgres(database_url)
    if args.cache_url:
        os.environ["CACHE_URL"] = args.cache_url
    os.environ.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DATABASE_URL=database_url,
        BENCH_STATIC_ROOT=str(static_root),
    )
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench import driver, generate, peer, server
    from bench.scenarios import is_available, scenarios

    result = {
        "database": args.db,
        "vendor": connection.vendor,
        "scale": scale.as_dict(),
        "workers": args.workers,
        "duration_s": args.duration,
        "concurrency": CONCURRENCY,
        "cache": os.environ.get("CACHE_URL", "locmem://"),
        "timings": {},
    }
    t = time.monotonic()
    log(f"{args.db}: migrate")
    call_command("migrate", interactive=False, verbosity=0)
    result["timings"]["migrate_s"] = round(time.monotonic() - t, 1)
    with connection.cursor() as cursor:
        cursor.execute("select sqlite_version()" if args.db == "sqlite" else "show server_version")
        result["database_version"] = cursor.fetchone()[0]

    t = time.monotonic()
    if reused:
        log(f"{args.db}: reusing the data generated earlier today (--reuse, same fingerprint)")
        result["generation"] = {"reused": True, "fingerprint": fingerprint}
    else:
        log(
            f"{args.db}: generating scale '{scale.name}': {scale.alliances} alliance(s), "
            f"{scale.offers:,} offers, {scale.occurrences:,} event dates"
        )
        report = generate.generate_scale(scale, log=lambda msg: log("  " + msg))
        result["generation"] = report.as_dict()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        from familiennetz.alliances.models import Alliance

        # Recorded in the alliance's settings (a JSON field), so --reuse can find it again.
        Alliance.objects.filter(slug="bench").update(settings={"bench_fingerprint": fingerprint})
    result["timings"]["generate_s"] = round(time.monotonic() - t, 1)
    log(f"{args.db}: data ready in {result['timings']['generate_s']} s")

    call_command("collectstatic", interactive=False, verbosity=0)
    ctx = _context(scale)
    all_scenarios = scenarios()
    twins = _static_twins(all_scenarios, ctx, static_root)
    connection.close()  # the server has its own connections

    env = server.bench_env(database_url, str(static_root))
    result["scenarios"], result["static"] = [], {}
    with server.Gunicorn(
        env, port=args.port, workers=args.workers, log_path=work / "gunicorn.log"
    ) as srv:
        log(f"{args.db}: gunicorn with {args.workers} workers on {srv.base}")
        result["rss_mb_idle"] = srv.worker_rss()
        for scenario in all_scenarios:
            if scenario.external and not is_available(scenario.paths(ctx)[0]):
                result["scenarios"].append(
                    {
                        "key": scenario.key,
                        "label": scenario.label,
                        "status": "n/a",
                        "reason": "endpoint not on this branch",
                        "example": scenario.paths(ctx)[0].replace("{n}", "1"),
                    }
                )
                log(f"  {scenario.key:<18} n/a: endpoint not on this branch")
                continue
            entry = _measure_scenario(scenario, ctx, srv, args, driver)
            if entry["status"] == "error":
                log(f"  {scenario.key:<18} ERROR: {entry['reason']}")
            result["scenarios"].append(entry)
            if scenario.key in twins and entry["status"] != "error":
                twin = twins[scenario.key]
                twin["runs"] = _static_runs(twin, srv, args, driver)
                result["static"][scenario.key] = twin
                log(
                    f"  {'(static twin)':<18} {twin['bytes']:,} bytes: "
                    + ", ".join(f"c={c} {r['rps']} req/s" for c, r in twin["runs"].items())
                )
        result["rss_mb_end"] = srv.worker_rss()

        if args.pageweight:
            log(f"{args.db}: page weight and first paint in Chromium at 360 px")
            pages = {
                "home": f"/{ctx.alliance}/",
                "results": "/bench/suche/?q=Krabbelgruppe&kategorie=elternbildung&alter=0-3",
                "offer": f"/{ctx.alliance}/angebote/{ctx.offer_slugs[0]}/",
                "calendar": f"/{ctx.alliance}/kalender/?ansicht=monat&von={ctx.month}",
            }
            done = subprocess.run(
                [sys.executable, "-m", "bench.pageweight", "--base", srv.base]
                + [f"{k}={v}" for k, v in pages.items()],
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=300,
            )
            if done.returncode == 0:
                result["page_weight"] = json.loads(done.stdout.strip().splitlines()[-1])
                for row in result["page_weight"]:
                    log(
                        f"  {row['page']:<9} {row['transferred_kb']} KB in {row['requests']} "
                        f"requests, FCP {row['fcp_ms']} ms"
                    )
            else:
                result["page_weight_error"] = done.stderr[-800:]
                log("  page weight failed: " + done.stderr.strip().splitlines()[-1][:200])

        if args.peer:
            result["peer_ours"] = _peer_ours(result, srv, args, ctx, peer)
    if args.hsds:  # after the server has stopped: the machine's cores to itself
        from bench import hsds_bench

        log(f"{args.db}: HSDS export and import of {scale.bench_offers:,} services (in-process)")
        result["hsds"] = hsds_bench.measure(
            services=scale.bench_offers, log=lambda msg: log("  " + msg.strip())
        )
        connection.close()
    return result


def _peer_ours(result, srv, args, ctx, peer) -> dict:
    """Our side of the peer comparison, through the peer's own measure.py."""
    why = peer.available()
    if why:
        return {"error": why}
    out = Path(tempfile.mkdtemp(prefix="fn-peer-ours-")) / "ours.jsonl"
    ours = {}
    by_key = {s["key"]: s for s in result["scenarios"]}
    wanted = {
        "events_month_json": by_key.get("events_month_json", {}),
        "calendar_month": by_key.get("calendar_month", {}),
    }
    for key, entry in wanted.items():
        if entry.get("status") in (None, "n/a", "error"):
            ours[key] = {"status": entry.get("status", "n/a"), "reason": entry.get("reason", "")}
            continue
        url = srv.base + entry["example"].replace("b=1", "b=peer")
        log(f"  peer (ours): {key} with measure.py, c={args.peer_concurrency}")
        ours[key] = peer.measure_ours(
            url,
            label=f"familiennetz {key}",
            seq=args.peer_seq,
            duration=args.peer_duration,
            concurrency=args.peer_concurrency,
            out=out,
        )
    return ours


# --- reporting -----------------------------------------------------------------------------


def _fmt(value, digits: int = 1) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def _run(entry: dict, concurrency: int) -> dict:
    return (entry.get("runs") or {}).get(str(concurrency)) or {}


def targets(db: dict, peer_result: dict | None) -> list[dict]:
    """The issue's targets with this run's figure (stated at the scale measured)."""
    by_key = {s["key"]: s for s in db["scenarios"]}
    static = db.get("static", {})
    rows = []

    def add(target, figure, met, note=""):
        rows.append({"target": target, "figure": figure, "met": met, "note": note})

    def latency(key, concurrency, field, limit, target):
        entry = by_key.get(key, {})
        if entry.get("status") == "n/a":
            add(target, "n/a", None, entry.get("reason", ""))
            return
        run = _run(entry, concurrency)
        value = run.get(field)
        if value is None:
            add(target, "n/a", None, entry.get("reason", "not measured"))
            return
        ok = value <= limit and run.get("errors", 1) == 0
        add(target, f"{value} ms, {run.get('errors')} errors", ok)

    latency("search_page", 4, "p95_ms", 150, "Search page p95 ≤ 150 ms at c=4, no errors")
    latency("search_api", 4, "p95_ms", 150, "Search API p95 ≤ 150 ms at c=4, no errors")
    latency("offer_page", 4, "p95_ms", 50, "Offer page p95 ≤ 50 ms (c=4)")
    latency("offer_page", 1, "p95_ms", 50, "Offer page p95 ≤ 50 ms (c=1)")
    home, twin = by_key.get("home_cached", {}), static.get("home_cached")
    if twin and home.get("runs"):
        for concurrency in (4, 20):
            dyn = _run(home, concurrency).get("rps")
            stat = twin["runs"].get(str(concurrency), {}).get("rps")
            if dyn and stat:
                share = dyn / stat
                add(
                    f"Home page (cached) ≥ 25 % of static throughput (c={concurrency})",
                    f"{share:.0%} ({dyn} vs {stat} req/s)",
                    share >= 0.25,
                )
    latency("events_month_json", 1, "p50_ms", 100, "Events month JSON p50 ≤ 100 ms")
    ratio = (peer_result or {}).get("ratios", {}).get(db["database"], {}).get("events_month_json")
    add(
        "Events month JSON ≥ 20 × pretix req/s",
        f"{ratio:.1f} ×" if isinstance(ratio, float) else "n/a",
        ratio >= 20 if isinstance(ratio, float) else None,
        "" if isinstance(ratio, float) else "needs the events JSON endpoint and --peer",
    )
    latency("ics_feed", 1, "p50_ms", 300, ".ics feed ≤ 300 ms uncached (p50, c=1)")
    latency("ics_feed_304", 1, "p50_ms", 10, ".ics feed ≤ 10 ms on a 304 (p50, c=1)")
    hsds = db.get("hsds")
    if hsds:
        n = f"{hsds['services']:,} services"
        add(f"HSDS export ≤ 30 s ({n})", f"{hsds['export_s']} s", hsds["export_s"] <= 30)
        imported = hsds["import_committed"] and not hsds["import_errors"]
        add(
            f"HSDS import ≤ 60 s ({n})",
            f"{hsds['import_s']} s, {hsds['imported_offers']:,} offers imported",
            hsds["import_s"] <= 60 and imported,
            "" if imported else f"import failed: {hsds['import_errors']}",
        )
    else:
        add("HSDS export and import ≤ 30 s / 60 s", "n/a", None, "not run (--no-hsds)")
    for row in db.get("page_weight", []):
        add(
            f"{row['page']}: ≤ 150 KB transferred, FCP ≤ 1 s",
            f"{row['transferred_kb']} KB, {row['requests']} requests, FCP {row['fcp_ms']} ms",
            row["transferred_kb"] <= 150 and (row["fcp_ms"] or 1e9) <= 1000,
        )
    rss = max(
        [*db.get("rss_mb_end", []), *[m for s in db["scenarios"] for m in s.get("rss_mb", [])]]
        or [0]
    )
    add("Worker RSS ≤ 200 MB", f"{rss} MB (max over scenarios)", rss <= 200 if rss else None)
    return rows


def markdown(data: dict) -> str:
    lines = [
        f"# Benchmark: scale {data['scale']['name']} — {data['started']}",
        "",
        f"Code {data['code']['commit']} ({data['code']['branch']}); machine: "
        f"{data['machine'].get('cpus')} CPUs ({data['machine'].get('cpu_model', '?')}), "
        f"{data['machine'].get('ram_gb', '?')} GB RAM; load average before "
        f"{data['machine']['loadavg']}, after {data['loadavg_after']}. "
        f"Scale: {data['scale']['alliances']} alliance(s), {data['scale']['offers']:,} offers, "
        f"{data['scale']['occurrences']:,} event dates; measured alliance `bench`: "
        f"{data['scale']['bench_offers']:,} offers, {data['scale']['bench_occurrences']:,} dates.",
        "",
    ]
    if data["code"]["uncommitted"]:
        lines += [f"Uncommitted changes: {', '.join(data['code']['uncommitted'])}", ""]
    for db in data["databases"]:
        if "error" in db:
            lines += [f"## {db['database']}: FAILED", "", "```", db["error"][-2000:], "```", ""]
            continue
        lines += [
            f"## {db['database']} {db.get('database_version', '')} — {db['workers']} gunicorn "
            f"workers, {db['duration_s']} s per run, cache {db['cache']}",
            "",
            f"Generation {db['timings'].get('generate_s')} s (index "
            f"{db['generation'].get('index_s')} s), migrate {db['timings'].get('migrate_s')} s. "
            f"Worker RSS idle {db.get('rss_mb_idle')} MB, at the end {db.get('rss_mb_end')} MB.",
            "",
            "| scenario | c | p50 ms | p95 ms | p99 ms | req/s | errors | SQL/req | KB | "
            "dynamic / static |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for entry in db["scenarios"]:
            if entry["status"] in ("n/a", "error"):
                lines.append(
                    f"| {entry['label']} | | | | | | | | | {entry['status']}: {entry['reason']} |"
                )
                continue
            twin = db.get("static", {}).get(entry["key"])
            for c, run in entry["runs"].items():
                ratio = ""
                if twin and twin["runs"].get(c, {}).get("rps"):
                    ratio = f"{run['rps'] / twin['runs'][c]['rps']:.2f}"
                lines.append(
                    f"| {entry['label'] if c in ('1',) or len(entry['runs']) == 1 else ''} | {c} "
                    f"| {_fmt(run['p50_ms'])} | {_fmt(run['p95_ms'])} | {_fmt(run['p99_ms'])} "
                    f"| {_fmt(run['rps'])} | {run['errors']} | {_fmt(run['queries_median'])} "
                    f"| {_fmt(run['bytes_mean'] / 1024)} | {ratio} |"
                )
        if db.get("static"):
            lines += ["", "Static twins (WhiteNoise, same server, same size as the page):", ""]
            for key, twin in db["static"].items():
                runs = ", ".join(f"c={c}: {r['rps']} req/s" for c, r in twin["runs"].items())
                lines.append(f"* `{key}` ({twin['bytes']:,} bytes): {runs}")
        if db.get("page_weight"):
            lines += [
                "",
                "| page (360 px, Chromium) | transferred KB | requests | FCP ms | load ms |",
                "|---|---:|---:|---:|---:|",
            ]
            for row in db["page_weight"]:
                lines.append(
                    f"| {row['page']} | {row['transferred_kb']} | {row['requests']} | "
                    f"{_fmt(row['fcp_ms'])} | {_fmt(row['load_ms'])} |"
                )
        if db.get("hsds"):
            hsds = db["hsds"]
            lines += [
                "",
                f"HSDS in-process (rolled back afterwards): export of {hsds['services']:,} "
                f"services to a {hsds['zip_bytes'] / 1e6:.1f} MB JSON ZIP {hsds['export_s']} s; "
                f"import of that ZIP into an empty alliance {hsds['import_s']} s "
                f"({hsds['imported_offers']:,} offers, {hsds['import_warnings']} warnings"
                + (
                    f", {hsds['published_for_the_run']} drafts published for the run"
                    if hsds.get("published_for_the_run")
                    else ""
                )
                + ").",
            ]
        lines += ["", "| target | figure | met |", "|---|---|---|"]
        for row in db.get("targets", []):
            met = {True: "yes", False: "**no**", None: "n/a"}[row["met"]]
            note = f" ({row['note']})" if row["note"] else ""
            lines.append(f"| {row['target']} | {row['figure']}{note} | {met} |")
        lines.append("")
    peer = data.get("peer")
    if peer:
        lines += ["## Peer: pretix (same workers, same concurrency, measure.py)", ""]
        if "error" in peer:
            lines += [f"Peer run failed: {peer['error']}", ""]
        else:
            lines += [
                "| endpoint | unloaded median ms | loaded p50 ms | req/s |",
                "|---|---:|---:|---:|",
            ]
            for name, row in peer.get("endpoints", {}).items():
                loaded = row.get("loaded") or {}
                lines.append(
                    f"| pretix n={peer.get('events')} {name} | {row['unloaded']['median_ms']} | "
                    f"{loaded.get('p50_ms', '–')} | {loaded.get('rps', '–')} |"
                )
            for db_name, ours in peer.get("ours", {}).items():
                for key, row in ours.items():
                    if row and "unloaded" in row:
                        loaded = row.get("loaded") or {}
                        lines.append(
                            f"| ours ({db_name}) {key} | {row['unloaded']['median_ms']} | "
                            f"{loaded.get('p50_ms', '–')} | {loaded.get('rps', '–')} |"
                        )
                    else:
                        lines.append(f"| ours ({db_name}) {key} | n/a | | |")
            lines.append("")
            for db_name, ratios in peer.get("ratios", {}).items():
                for key, value in ratios.items():
                    shown = f"{value:.1f} ×" if isinstance(value, float) else value
                    lines.append(f"* {db_name}: ours `{key}` / pretix `month_json` req/s: {shown}")
            lines.append("")
    lines.append(f"Whole run: {data['elapsed_s']} s.")
    return "\n".join(lines) + "\n"


# --- main ----------------------------------------------------------------------------------


def parse(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m bench.run", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--scale", choices=["town", "city", "state"], default="town")
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="sqlite")
    parser.add_argument("--postgres-url", default=os.environ.get("BENCH_POSTGRES_URL", DEFAULT_PG))
    parser.add_argument(
        "--cache-url",
        default=os.environ.get("BENCH_CACHE_URL", ""),
        help="CACHE_URL for the server, e.g. redis://127.0.0.1:6379/6 (default: local memory)",
    )
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WORKERS", 0)) or 2)
    parser.add_argument(
        "--port",
        type=int,
        default=int(os.environ.get("BENCH_PORT", 0)),
        help="port of the measured server (default 0: any free port; a busy port is an error)",
    )
    parser.add_argument("--duration", type=int, help="seconds per timed run (scale default)")
    parser.add_argument("--max-requests", type=int, default=20_000, help="per timed run")
    parser.add_argument("--no-pageweight", dest="pageweight", action="store_false")
    parser.add_argument(
        "--no-hsds", dest="hsds", action="store_false", help="skip the HSDS export/import step"
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        default=os.environ.get("REUSE") == "1",
        help="keep the generated data and use it again today (same scale and code); REUSE=1",
    )
    peer_default = None
    parser.add_argument(
        "--peer",
        dest="peer",
        action="store_true",
        default=peer_default,
        help="run the pretix peer (default: on at state scale)",
    )
    parser.add_argument("--no-peer", dest="peer", action="store_false")
    parser.add_argument("--peer-concurrency", type=int, default=4)
    parser.add_argument("--peer-duration", type=int, default=20)
    parser.add_argument("--peer-seq", type=int, default=10)
    parser.add_argument(
        "--out", help="result file stem (default bench/results/bench-<scale>-<time>)"
    )
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 if any scenario failed or had errors (CI)"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)  # JSON path: measure --db only
    args = parser.parse_args(argv)
    if args.duration is None:
        args.duration = DURATIONS[args.scale]
    if args.peer is None:
        args.peer = args.scale == "state"
    return args


def main(argv=None) -> int:
    args = parse(argv)
    if args.child:
        result = child(args)
        Path(args.child).write_text(json.dumps(result, ensure_ascii=False, default=str))
        return 0

    RESULTS.mkdir(parents=True, exist_ok=True)
    started = dt.datetime.now().astimezone()
    stem = args.out or str(RESULTS / f"bench-{args.scale}-{started:%Y%m%d-%H%M%S}")
    data = {
        "harness": "bench.run",
        "started": started.isoformat(timespec="seconds"),
        "machine": machine(),
        "code": code(),
        "args": {k: v for k, v in vars(args).items() if k != "child"},
        "databases": [],
    }
    from bench.scales import SCALES

    data["scale"] = SCALES[args.scale].as_dict()
    log(
        f"scale {args.scale}, database(s) {args.db}, {args.workers} workers, {args.duration} s "
        f"per run, concurrency {CONCURRENCY}; load average {data['machine']['loadavg']}"
    )
    if data["machine"]["loadavg"][0] > 1.0:
        log("note: the machine is busy (load average > 1): timings will be noisy")
    databases = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    ok = True
    for db in databases:
        out = Path(tempfile.mkdtemp(prefix="fn-bench-")) / f"{db}.json"
        command = [
            sys.executable, "-m", "bench.run", "--scale", args.scale, "--db", db,
            "--postgres-url", args.postgres_url, "--workers", str(args.workers),
            *(["--cache-url", args.cache_url] if args.cache_url else []),
            "--port", str(args.port), "--duration", str(args.duration),
            "--max-requests", str(args.max_requests),
            "--peer" if args.peer else "--no-peer",
            "--peer-concurrency", str(args.peer_concurrency),
            "--peer-duration", str(args.peer_duration), "--peer-seq", str(args.peer_seq),
            *([] if args.pageweight else ["--no-pageweight"]),
            *([] if args.hsds else ["--no-hsds"]),
            *(["--reuse"] if args.reuse else []),
            "--child", str(out),
        ]  # fmt: skip
        log(f"=== {db} ===")
        done = subprocess.run(command, cwd=ROOT, timeout=3 * 3600)
        if done.returncode == 0 and out.exists():
            db_result = json.loads(out.read_text())
        else:
            ok = False
            db_result = {
                "database": db,
                "error": f"child exited with {done.returncode}",
                "scenarios": [],
            }
        data["databases"].append(db_result)

    if args.peer:
        data["peer"] = _run_peer(args, data)
    for db in data["databases"]:
        if "error" not in db:
            db["targets"] = targets(db, data.get("peer"))
    data["loadavg_after"] = [round(x, 2) for x in os.getloadavg()]
    data["elapsed_s"] = round(time.monotonic() - _T0)
    Path(stem + ".json").write_text(json.dumps(data, ensure_ascii=False, indent=1, default=str))
    Path(stem + ".md").write_text(markdown(data))
    print()
    print(markdown(data))
    log(f"results: {stem}.json and {stem}.md")
    if args.strict:
        failed = [
            f"{db['database']}/{entry['key']}"
            for db in data["databases"]
            for entry in db["scenarios"]
            if entry["status"] in ("error", "errors")
        ]
        failed += [
            f"{db['database']}/hsds_import"
            for db in data["databases"]
            if db.get("hsds")
            and (db["hsds"]["import_errors"] or not db["hsds"]["import_committed"])
        ]
        if failed:
            log("FAILED scenarios: " + ", ".join(failed))
            ok = False
    return 0 if ok else 1


def _run_peer(args, data) -> dict:
    from bench import peer
    from bench.scales import SCALES

    why = peer.available()
    if why:
        log(f"peer: skipped, {why}")
        return {"error": why}
    events = min(10_000, max(1_000, SCALES[args.scale].bench_occurrences))
    result = peer.run_pretix(
        events=events,
        workers=args.workers,
        concurrency=args.peer_concurrency,
        duration=args.peer_duration,
        seq=args.peer_seq,
        log=log,
    )
    result["ours"] = {db["database"]: db.get("peer_ours", {}) for db in data["databases"]}
    pretix_rps = peer.rps(result.get("endpoints", {}).get("month_json"))
    result["ratios"] = {}
    for db_name, ours in result["ours"].items():
        result["ratios"][db_name] = {}
        for key, row in ours.items():
            mine = peer.rps(row)
            result["ratios"][db_name][key] = (
                round(mine / pretix_rps, 2) if mine and pretix_rps else "n/a"
            )
    return result


if __name__ == "__main__":
    sys.exit(main())
