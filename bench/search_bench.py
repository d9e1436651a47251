"""Search benchmark: server time of the search at N offers on SQLite and PostgreSQL.

    python -m bench.search_bench [--offers 5000] [--database sqlite|postgres|both] [--requests 200]

For each database a worker subprocess (its own DATABASE_URL, settings ``bench.settings``: DEBUG
off, all middleware, cached templates) migrates a fresh database – an SQLite file in a temporary
directory, or the PostgreSQL database ``familiennetz_bench`` on 127.0.0.1, created and dropped
here – generates the data (``bench.generate``), builds the search index and measures:

* ``search_offers``  – ``familiennetz.search.api.search_offers`` alone;
* ``selector_query`` – the ``offer_search`` selector with text + 2 filters (no form, no HTML),
                       to tell query work from page rendering;
* ``page_query``     – the whole search page, ``/<alliance>/suche/?q=…&kategorie=…&alter=…``;
* ``page_filters``   – the search page with filters only (``kategorie`` and ``alter``).

Pages are requests through Django's WSGI handler in-process (middleware, view, template
rendering, response), so "server time" is what a gunicorn worker spends, minus HTTP parsing
and the network. Each scenario rotates through a fixed list of realistic German queries, runs
one warm-up round, then ``--requests`` timed requests one after another; SQL queries per request
are counted in a separate round (counting slows queries down a little). Results: a Markdown
table on stdout and ``bench/results/search-<date>.json``. Loopback only, bounded work.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from bench.cli import (
    RESULTS_DIR,
    across_alliances,
    add_common_arguments,
    dated_results_path,
    run_per_database,
)

REPO = Path(__file__).resolve().parent.parent
DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/familiennetz_bench"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}

# (query, kategorie, alter): typos, synonyms, compounds, a missing umlaut, lower case.
QUERIES = [
    ("Krabbelgruppe", "elternbildung", "0-3"),
    ("Hebame", "schwangerschaft", "schwangerschaft"),
    ("Beratung Trennung", "beratung", "6-10"),
    ("Familienzentrum Sud", "elternbildung", "3-6"),
    ("kita", "betreuung", "3-6"),
    ("Schwimmkurs", "freizeit", "6-10"),
    ("Elterncafe", "elternbildung", "0-3"),
    ("Trauer", "beratung", "10-14"),
    ("Spielplatz", "freizeit", "3-6"),
    ("Jugendklub", "freizeit", "14-18"),
    ("Tagesmutter", "betreuung", "0-3"),
    ("Logopädie", "gesundheit", "3-6"),
]
# Filters only (kategorie, alter): what a parent clicks from the home page.
FILTERS = [
    ("betreuung", "3-6"),
    ("freizeit", "10-14"),
    ("beratung", "0-3"),
    ("schwangerschaft", "schwangerschaft"),
    ("gesundheit", "0-3"),
    ("elternbildung", "0-3"),
    ("freizeit", "6-10"),
    ("finanzen", "6-10"),
    ("kita", "3-6"),
    ("eltern-kind-gruppe", "0-3"),
    ("jugend", "14-18"),
    ("notfall", "10-14"),
]
SCENARIOS = ["search_offers", "selector_query", "page_query", "page_filters"]
SCENARIO_LABELS = {
    "search_offers": "`search_offers()` alone",
    "selector_query": "`offer_search()` selector, text + 2 filters",
    "page_query": "search page, text + 2 filters",
    "page_filters": "search page, 2 filters, no text",
}


# --- statistics ------------------------------------------------------------------------------


def percentile(sorted_values: list[float], p: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    if not sorted_values:
        return float("nan")
    rank = max(1, -(-len(sorted_values) * p // 100))  # ceil(n * p / 100), at least 1
    return sorted_values[int(rank) - 1]


def summarise(seconds: list[float]) -> dict:
    ms = sorted(s * 1000 for s in seconds)
    return {
        "n": len(ms),
        "mean_ms": round(statistics.fmean(ms), 2),
        "p50_ms": round(percentile(ms, 50), 2),
        "p95_ms": round(percentile(ms, 95), 2),
        "p99_ms": round(percentile(ms, 99), 2),
        "min_ms": round(ms[0], 2),
        "max_ms": round(ms[-1], 2),
    }


# --- worker: runs inside one database's Django process -------------------------------------


def _environ(path: str, query_string: str, body) -> dict:
    return {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": query_string,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": "127.0.0.1:8000",
        "HTTP_ACCEPT": "text/html,application/xhtml+xml",
        "HTTP_ACCEPT_LANGUAGE": "de-DE,de;q=0.9",
        "HTTP_USER_AGENT": "familiennetz-bench",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": body,
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


class PageClient:
    """Calls the WSGI application the way gunicorn does, and times the whole response."""

    def __init__(self):
        from django.core.wsgi import get_wsgi_application

        self.app = get_wsgi_application()

    def get(self, path: str, params: dict) -> tuple[float, str, int]:
        import io

        status: list[str] = []

        def start_response(value, headers, exc_info=None):
            status.append(value)
            return lambda data: None

        environ = _environ(path, urlencode(params), io.BytesIO(b""))
        t0 = time.perf_counter()
        result = self.app(environ, start_response)
        try:
            size = sum(len(chunk) for chunk in result)
        finally:
            close = getattr(result, "close", None)
            if close:
                close()  # fires request_finished, as a real server does
        return time.perf_counter() - t0, status[0] if status else "", size


def _calls(alliance, client: PageClient, path: str):
    """One callable per scenario and rotation slot; each returns (seconds, hits_or_bytes)."""
    from familiennetz.directory.selectors import offer_search
    from familiennetz.search.api import search_offers

    def search_call(q):
        def call():
            t0 = time.perf_counter()
            result = search_offers(alliance=alliance, query=q)
            return time.perf_counter() - t0, len(result.offer_ids)

        return call

    def selector_call(filters):
        def call():
            t0 = time.perf_counter()
            outcome = offer_search(alliance=alliance, filters=filters)
            return time.perf_counter() - t0, outcome.total

        return call

    def page_call(params):
        def call():
            seconds, status, size = client.get(path, params)
            if not status.startswith("200"):
                raise RuntimeError(f"GET {path}?{urlencode(params)} answered {status!r}")
            return seconds, size

        return call

    return {
        "search_offers": [search_call(q) for q, _c, _a in QUERIES],
        "selector_query": [
            selector_call({"q": q, "kategorie": c, "alter": a}) for q, c, a in QUERIES
        ],
        "page_query": [page_call({"q": q, "kategorie": c, "alter": a}) for q, c, a in QUERIES],
        "page_filters": [page_call({"kategorie": c, "alter": a}) for c, a in FILTERS],
    }


def _count_queries(calls) -> list[int]:
    """SQL queries per call (Django's debug cursor; kept out of the timed rounds)."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    counts = []
    for call in calls:
        reset_queries()
        with CaptureQueriesContext(connection) as ctx:
            call()
        counts.append(len(ctx.captured_queries))
    return counts


def _measure(calls, requests: int) -> dict:
    for call in calls:  # warm-up: caches, cached template loader, prepared plans
        call()
    seconds, cpu, extras = [], [], []
    for i in range(requests):
        c0 = time.process_time()
        s, extra = calls[i % len(calls)]()
        cpu.append(time.process_time() - c0)
        seconds.append(s)
        extras.append(extra)
    counts = _count_queries(calls)
    result = summarise(seconds)
    cpu_ms = sorted(c * 1000 for c in cpu)
    result["cpu_p50_ms"] = round(percentile(cpu_ms, 50), 2)
    result["cpu_p95_ms"] = round(percentile(cpu_ms, 95), 2)
    result["queries"] = {
        "min": min(counts),
        "median": statistics.median(counts),
        "max": max(counts),
        "per_slot": counts,
    }
    result["extra_mean"] = round(statistics.fmean(extras), 1)
    return result


def _profile(calls, path: Path) -> None:
    """One round of ``calls`` under cProfile (CPU time of this process, so neither other
    processes nor waiting for PostgreSQL count); the 40 most expensive functions to ``path``."""
    import cProfile
    import io
    import pstats

    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    for call in calls:
        call()
    profiler.disable()
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(40)
    path.write_text(text.getvalue(), encoding="utf-8")


def _search_code() -> dict:
    """Which search code this process runs (the backend is being built next door)."""
    from familiennetz.search import api

    doc = (api.__doc__ or "").strip()

    def git(*cmd):
        return subprocess.run(
            ["git", *cmd, "--", "familiennetz", "config"],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout.splitlines()

    # Files under familiennetz/ and config/ that differ from the commit: changed or new.
    dirty = git("diff", "--name-only", "HEAD") + git("ls-files", "--others", "--exclude-standard")
    return {
        "api_doc": doc.split("\n", 1)[0],
        "is_stub": "Stub" in doc.split("\n", 1)[0],
        "uncommitted_changes": dirty,
    }


def _database_info() -> dict:
    import sqlite3

    from django.db import connection

    info = {"vendor": connection.vendor}
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            info["server_version"] = cursor.fetchone()[0]
    else:
        info["server_version"] = sqlite3.sqlite_version
    return info


@across_alliances
def worker(args) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench.generate import ALLIANCE_SLUG, generate
    from familiennetz.alliances.models import Alliance

    def log(msg):
        print(f"[{connection.vendor}] {msg}", file=sys.stderr, flush=True)

    out: dict = {"database": _database_info(), "search_code": _search_code()}
    if out["search_code"]["is_stub"]:
        log("familiennetz/search/api.py is the stub")
    t0 = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    out["migrate_s"] = round(time.perf_counter() - t0, 2)
    log(f"migrated in {out['migrate_s']:.1f} s")

    out["generation"] = generate(offers=args.offers, seed=args.seed, log=log).as_dict()
    if connection.vendor == "postgresql":
        # Fresh tables have no planner statistics; autovacuum would add them within a minute.
        t0 = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        out["analyze_s"] = round(time.perf_counter() - t0, 2)

    alliance = Alliance.objects.get(slug=ALLIANCE_SLUG)
    calls = _calls(alliance, PageClient(), f"/{ALLIANCE_SLUG}/suche/")
    out["scenarios"] = {}
    for name in SCENARIOS:
        t0 = time.perf_counter()
        out["scenarios"][name] = _measure(calls[name], args.requests)
        r = out["scenarios"][name]
        log(
            f"{name}: p50 {r['p50_ms']} ms, p95 {r['p95_ms']} ms, "
            f"{r['queries']['median']} queries ({time.perf_counter() - t0:.1f} s)"
        )
        if args.profile and name != "search_offers":
            path = RESULTS_DIR / f"profile-{connection.vendor}-{name}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            _profile(calls[name], path)
            log(f"profile: {path}")
    Path(args.result_file).write_text(json.dumps(out, indent=2), encoding="utf-8")
    return 0


# --- parent: one subprocess per database ---------------------------------------------------


def _postgres_admin(url: str, action: str) -> None:
    """CREATE or DROP the benchmark database (through the 'postgres' maintenance database)."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    conninfo = {
        "host": parts.hostname,
        "port": parts.port or 5432,
        "user": parts.username or "postgres",
        "password": parts.password,
        "dbname": "postgres",
        "connect_timeout": 5,
    }
    with psycopg.connect(**{k: v for k, v in conninfo.items() if v}, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if action == "create":
            conn.execute(f'CREATE DATABASE "{name}"')


def _check_postgres_url(url: str) -> str | None:
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if parts.scheme not in {"postgres", "postgresql"}:
        return f"not a PostgreSQL URL: {url}"
    if parts.hostname not in LOOPBACK:
        return f"refusing a non-loopback database host: {parts.hostname}"
    if not re.fullmatch(r"[a-z0-9_]*bench[a-z0-9_]*", name):
        return f"refusing to create/drop '{name}': the name must contain 'bench'"
    return None


def run_database(kind: str, args) -> dict:
    """Run the worker for one database; returns its results or {'error': …}."""
    if kind == "postgres":
        url = args.postgres_url
        problem = _check_postgres_url(url)
        if problem:
            return {"error": problem}
        try:
            _postgres_admin(url, "create")
        except Exception as exc:  # report it and go on with the other database
            return {"error": f"PostgreSQL not usable at {url}: {exc}"}
    tmp = Path(tempfile.mkdtemp(prefix=f"familiennetz-bench-{kind}-"))
    if kind == "sqlite":
        url = f"sqlite:///{tmp / 'bench.sqlite3'}"
    result_file = tmp / "result.json"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    cmd = [sys.executable, "-m", "bench.search_bench", "--worker", *_worker_args(args)]
    cmd += ["--result-file", str(result_file)]
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, cwd=REPO, env=env, timeout=args.timeout, check=False)
        if proc.returncode != 0:
            return {"error": f"worker exited with {proc.returncode}"}
        result = json.loads(result_file.read_text(encoding="utf-8"))
        result["wall_s"] = round(time.perf_counter() - t0, 1)
        return result
    except subprocess.TimeoutExpired:  # subprocess.run has killed the worker
        return {"error": f"worker did not finish within {args.timeout} s"}
    finally:
        result_file.unlink(missing_ok=True)
        if args.keep:
            print(f"kept the {kind} database: {url}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
            if kind == "postgres":
                try:
                    _postgres_admin(url, "drop")
                except Exception as exc:
                    print(f"could not drop {url}: {exc}", file=sys.stderr)


def _worker_args(args) -> list[str]:
    return [
        f"--offers={args.offers}",
        f"--requests={args.requests}",
        f"--seed={args.seed}",
        *(["--profile"] if args.profile else []),
    ]


def markdown(report: dict) -> str:
    lines = [
        f"Search benchmark: {report['params']['offers']} offers, "
        f"{report['params']['requests']} timed requests per scenario, "
        f"{report['date']}, commit {report['code']['commit']}",
        "",
        "| database | scenario | p50 ms | p95 ms | p99 ms | mean ms | CPU p50 ms "
        "| SQL queries/request |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    notes = []
    for db, res in report["databases"].items():
        if "error" in res:
            lines.append(f"| {db} | **not run**: {res['error']} | | | | | | |")
            continue
        label = f"{db} {res['database']['server_version'].split()[0]}"
        for name in SCENARIOS:
            r = res["scenarios"][name]
            q = r["queries"]
            queries = f"{q['median']:g}" if q["min"] == q["max"] else f"{q['min']}–{q['max']}"
            lines.append(
                f"| {label} | {SCENARIO_LABELS[name]} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} "
                f"| {r['p99_ms']:.1f} | {r['mean_ms']:.1f} | {r['cpu_p50_ms']:.1f} | {queries} |"
            )
        code = res["search_code"]
        if code["is_stub"]:
            notes.append(f"{db}: familiennetz/search/api.py was the STUB (icontains).")
        if code["uncommitted_changes"]:
            notes.append(
                f"{db}: measured with uncommitted changes in "
                + ", ".join(code["uncommitted_changes"][:8])
                + (" …" if len(code["uncommitted_changes"]) > 8 else "")
            )
    lines += [
        "",
        "| database | offers (published) | generate s | reindex_alliance s | indexed | migrate s |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for db, res in report["databases"].items():
        if "error" in res:
            continue
        g = res["generation"]
        lines.append(
            f"| {db} | {g['offers']} ({g['published']}) | {g['generate_s']:.1f} "
            f"| {g['index_s']:.2f} | {g['indexed']} | {res['migrate_s']:.1f} |"
        )
    load = report["machine"]
    notes.append(
        "CPU p50: CPU time of the Django process alone (not PostgreSQL's); wall time well above "
        "it on SQLite means the process waited for a CPU"
    )
    notes.append(
        f"machine: {load['nproc']} CPUs, load average {load['loadavg_start'][0]} at the start, "
        f"{load.get('loadavg_end', ['?'])[0]} at the end"
    )
    return "\n".join([*lines, "", *(f"* {n}" for n in notes)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search_bench", description=__doc__)
    parser.add_argument("--offers", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=200, help="timed requests per scenario")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark databases")
    parser.add_argument(
        "--profile", action="store_true", help="also write cProfile listings to bench/results/"
    )
    add_common_arguments(parser, postgres_url=DEFAULT_POSTGRES_URL, seed=20261121, timeout=900)
    args = parser.parse_args(argv)
    if args.offers < 1 or args.requests < 1:
        parser.error("--offers and --requests must be positive")
    if args.worker:
        return worker(args)
    return run_per_database(
        args,
        params={
            "offers": args.offers,
            "requests": args.requests,
            "seed": args.seed,
            "queries": QUERIES,
            "filters": FILTERS,
        },
        describe=f"{args.offers} offers, {args.requests} requests",
        run_database=run_database,
        markdown=markdown,
        results_path=lambda now: dated_results_path("search", now),
    )


if __name__ == "__main__":
    sys.exit(main())
