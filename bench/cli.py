"""The command line and report scaffolding the in-process benchmarks share (search, calendar,
and the workspace apps' benches): common arguments, machine and code facts, waiting for an
idle machine, one run per database, the JSON results file and the Markdown summary."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESULTS_DIR = Path(__file__).resolve().parent / "results"


def add_common_arguments(
    parser: argparse.ArgumentParser, *, postgres_url: str, seed: int, timeout: int
) -> None:
    """--database, --postgres-url, --seed, --timeout, --out, --wait-idle (and the hidden
    --worker/--result-file of the per-database subprocess)."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--postgres-url", default=postgres_url)
    parser.add_argument("--seed", type=int, default=seed)
    parser.add_argument("--timeout", type=int, default=timeout, help="seconds per database")
    parser.add_argument("--out", type=Path, help="results file (default bench/results/…)")
    parser.add_argument(
        "--wait-idle",
        type=int,
        default=0,
        metavar="S",
        help="wait up to S seconds for the 1-minute load average to drop below 1",
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--result-file", help=argparse.SUPPRESS)


def run_per_database(
    args: argparse.Namespace,
    *,
    params: dict,
    describe: str,
    run_database: Callable[[str, argparse.Namespace], dict],
    markdown: Callable[[dict], str],
    results_path: Callable[[dt.datetime], Path],
) -> int:
    """Run ``run_database`` for each chosen database, write the JSON report and print the
    Markdown summary; 1 if any database failed."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    now = dt.datetime.now().astimezone()
    kinds = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    report = {
        "date": now.isoformat(timespec="seconds"),
        "params": params,
        "machine": machine(),
        "code": code_version(),
        "databases": {},
    }
    wait_idle(args.wait_idle)
    report["machine"]["loadavg_start"] = [round(x, 2) for x in os.getloadavg()]
    t0 = time.perf_counter()
    for kind in kinds:
        print(f"--- {kind}: {describe}", file=sys.stderr)
        report["databases"][kind] = run_database(kind, args)
    report["wall_s"] = round(time.perf_counter() - t0, 1)
    report["machine"]["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    out = args.out or results_path(now)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(markdown(report))
    print(f"\n{report['wall_s']} s in all; results: {out}")
    failed = [k for k, r in report["databases"].items() if "error" in r]
    for kind in failed:
        print(f"{kind}: {report['databases'][kind]['error']}", file=sys.stderr)
    return 1 if failed else 0


def dated_results_path(prefix: str, now: dt.datetime) -> Path:
    """bench/results/<prefix>-<date>.json, numbered if taken."""
    base = RESULTS_DIR / f"{prefix}-{now:%Y-%m-%d}"
    path, n = base.with_suffix(".json"), 2
    while path.exists():
        path = base.with_name(f"{base.name}-{n}.json")
        n += 1
    return path


def machine() -> dict:
    import django

    info = {
        "nproc": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "loadavg_start": [round(x, 2) for x in os.getloadavg()],
    }
    try:
        meminfo = Path("/proc/meminfo").read_text()
        kb = int(re.search(r"MemTotal:\s+(\d+)", meminfo).group(1))
        info["ram_gib"] = round(kb / 1024 / 1024, 1)
        cpuinfo = Path("/proc/cpuinfo").read_text()
        model = re.search(r"model name\s*:\s*(.+)", cpuinfo)
        info["cpu"] = model.group(1).strip() if model else platform.processor()
    except (OSError, AttributeError):
        pass
    return info


def code_version() -> dict:
    def git(*cmd):
        try:
            return subprocess.run(
                ["git", *cmd], cwd=REPO, capture_output=True, text=True, timeout=10, check=False
            ).stdout.strip()
        except (OSError, subprocess.TimeoutExpired):
            return ""

    api = (REPO / "familiennetz" / "search" / "api.py").read_text(encoding="utf-8")
    first_line = api.split("\n", 1)[0]
    return {
        "commit": git("rev-parse", "--short", "HEAD"),
        "commit_date": git("log", "-1", "--format=%cI"),
        "search_api_at_start": first_line.strip('"'),
    }


def wait_idle(limit: int) -> None:
    deadline = time.monotonic() + limit
    while os.getloadavg()[0] >= 1.0 and time.monotonic() < deadline:
        print(f"waiting for an idle machine (load {os.getloadavg()[0]:.2f})", file=sys.stderr)
        time.sleep(min(15, max(1, deadline - time.monotonic())))


def across_alliances(function: Callable) -> Callable:
    """For a benchmark's in-process work after ``django.setup()``: generating and measuring
    data of every alliance is instance-wide on purpose (ADR 0501)."""

    def wrapper(*args, **kwargs):
        # django_scopes directly (what familiennetz.alliances.scopes.all_alliances does):
        # the workers call django.setup() inside the wrapped function.
        from django_scopes import scopes_disabled

        with scopes_disabled():
            return function(*args, **kwargs)

    wrapper.__name__ = function.__name__
    wrapper.__doc__ = function.__doc__
    return wrapper
