"""Soak run (opt-in, not in CI): the production layout of bench/multiproc.py — two gunicorn
servers, two ``task_worker`` processes, PostgreSQL + Redis — under a steady mixed load for
``--duration`` seconds; reports p95 latency and errors per minute and the resident memory of
every app-server worker and task worker once a minute.

Load: ``--clients`` closed-loop clients (default 8: twice the benchmark's middle level of 4
concurrent clients) spread over both servers, each request one of: search (50 %), the
alliance's home page (20 %), the calendar (10 %), a registration form POST (20 %, each a new
family from its own address; the confirmation mails go through the task workers).

    python -m bench.soak --duration 1800            # the issue's 30 minutes
    python -m bench.soak --duration 300 --out soak.json
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

from .multiproc import CUT, ROOT, Gunicorn, Worker, free_port, make_fixture, request, run_env
from .server import rss_mb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=1800, help="seconds")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/fn_soak_bench")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/4")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="familiennetz-soak-"))
    name = args.database.rsplit("/", 1)[1]
    if "bench" not in name:
        raise SystemExit("the database is dropped and recreated: its name must contain 'bench'")
    admin = args.database.rsplit("/", 1)[0] + "/postgres"
    subprocess.run(
        ["psql", "-q", admin, "-c", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'], check=True
    )
    subprocess.run(["psql", "-q", admin, "-c", f'CREATE DATABASE "{name}"'], check=True)
    os.environ.update(DJANGO_SETTINGS_MODULE="bench.multiproc_settings", DATABASE_URL=args.database)
    import django

    django.setup()
    env = run_env(args.database, args.redis, folder)
    env["REGISTRATION_RATE_LIMIT"] = "1000000"
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run(
        [sys.executable, "-c", f"import redis; redis.Redis.from_url({args.redis!r}).flushdb()"],
        check=True,
    )
    from familiennetz.alliances.scopes import all_alliances

    with all_alliances():
        fixture = make_fixture(events=6, capacity=100_000)
    servers = [
        Gunicorn(env, port=free_port(), workers=args.workers, log_path=folder / f"web{i}.log")
        for i in (1, 2)
    ]
    workers: list[Worker] = []
    samples: list[tuple[float, float, int]] = []  # (seconds since start, latency, status)
    rss: list[dict] = []
    lock = threading.Lock()
    counter = iter(range(10**9))
    try:
        for server in servers:
            server.__enter__()
        workers = [Worker(env, f"soak-{i}", folder / f"worker{i}.log") for i in (1, 2)]
        ports = [server.port for server in servers]
        started = time.monotonic()
        stop_at = started + args.duration

        def client(seed: int) -> None:
            rng = random.Random(seed)
            while time.monotonic() < stop_at:
                number = next(counter)
                port = ports[number % 2]
                roll = rng.random()
                began = time.perf_counter()
                try:
                    if roll < 0.5:
                        term = urllib.parse.quote(rng.choice(fixture.search_terms))
                        status = request(port, "GET", f"/{fixture.alliance}/suche/?q={term}")
                    elif roll < 0.7:
                        status = request(port, "GET", f"/{fixture.alliance}/")
                    elif roll < 0.8:
                        status = request(port, "GET", f"/{fixture.alliance}/kalender/")
                    else:
                        event = rng.choice(fixture.events)
                        status = request(
                            port,
                            "POST",
                            f"/{fixture.alliance}/termine/{event}/anmelden/",
                            {
                                "name": f"Familie {number}",
                                "email": f"soak-{number}@soak.example",
                                "adults": "1",
                                "children": "1",
                                "website": "",
                                "privacy": "on",
                            },
                            {"X-Forwarded-For": f"10.9.{number // 256 % 256}.{number % 256}"},
                        )
                        status = 200 if status == 302 else status
                except CUT:
                    status = 0
                with lock:
                    samples.append(
                        (time.monotonic() - started, time.perf_counter() - began, status)
                    )

        threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
        for thread in threads:
            thread.start()
        minute = 0
        while time.monotonic() < stop_at:
            time.sleep(min(60, max(0.1, started + 60 * (minute + 1) - time.monotonic())))
            minute += 1
            rss.append(
                {
                    "minute": minute,
                    "app_workers_mb": [
                        mb for s in servers for pid in s.worker_pids() if (mb := rss_mb(pid))
                    ],
                    "task_workers_mb": [rss_mb(w.process.pid) for w in workers],
                }
            )
        for thread in threads:
            thread.join(timeout=120)
    finally:
        for server in servers:
            server.stop()
        for worker in workers:
            worker.stop()
    per_minute = []
    for m in range(max(1, (args.duration + 59) // 60)):
        window = sorted(lat for t, lat, _ in samples if m * 60 <= t < (m + 1) * 60)
        errors = sum(1 for t, _, s in samples if m * 60 <= t < (m + 1) * 60 and s != 200)
        per_minute.append(
            {
                "minute": m + 1,
                "requests": len(window),
                "p95_ms": round(window[int(0.95 * (len(window) - 1))] * 1000, 1)
                if window
                else None,
                "errors": errors,
            }
        )
    report = {
        "duration_s": args.duration,
        "clients": args.clients,
        "gunicorn_workers_per_server": args.workers,
        "requests": len(samples),
        "errors": sum(1 for *_, s in samples if s != 200),
        "per_minute": per_minute,
        "rss": rss,
    }
    text = json.dumps(report, indent=1)
    print(text)
    if args.out:
        args.out.write_text(text)


if __name__ == "__main__":
    main()
