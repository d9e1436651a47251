"""Multi-process failure run: two gunicorn app servers and two ``db_worker`` processes on one
PostgreSQL and one Redis; a load driver spreads registrations and searches over both servers;
half-way through one app server and one worker are killed with SIGKILL.

Afterwards it checks, and reports:
- every registration the servers accepted (302) is in the database exactly once, none twice;
- confirmed seats never exceed an event's capacity;
- no task is lost: the killed worker's tasks are put back (``requeue_stale_tasks --worker-id``,
  as the systemd unit does on restart) and every queued task finishes on the surviving worker;
- the error rate (a request that fails on the killed server is retried once on the other,
  as a person would press again);
- the registration rate limit counts once across both servers (Redis): one client address
  sending 2 × the limit to one event alternately through both servers gets exactly the limit.

CI runs a short version (``familiennetz/ops/tests/test_multiproc.py``, PostgreSQL step);
``python -m bench.multiproc --duration 60`` runs it against a fresh database (needs
PostgreSQL and Redis on loopback).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .server import ROOT, Gunicorn, free_port

RATE_LIMIT = 10
# What a client sees when the server dies under its request.
CUT = (OSError, http.client.HTTPException)


@dataclass
class Fixture:
    """What the driver needs to know about the data (made by ``make_fixture``)."""

    alliance: str
    events: list[str]  # slugs of events with registration
    rate_event: str  # the event for the rate-limit check
    search_terms: list[str]


@dataclass
class Outcome:
    accepted: list[str] = field(default_factory=list)  # e-mails answered with 302
    full: int = 0  # 409: no places left, an honest answer
    errors: int = 0  # after the retry
    retried: int = 0
    requests: int = 0
    searches: int = 0
    search_errors: int = 0
    latencies: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def request(port: int, method: str, path: str, body: dict | None = None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        data = urllib.parse.urlencode(body).encode() if body else None
        all_headers = {"Host": "127.0.0.1", **(headers or {})}
        if data:
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=data, headers=all_headers)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def register(ports, index: int, fixture: Fixture, outcome: Outcome) -> None:
    event = fixture.events[index % len(fixture.events)]
    email = f"familie-{index}@multiproc.example"
    body = {
        "name": f"Familie {index}",
        "email": email,
        "adults": "1",
        "children": "1",
        "note": "",
        "website": "",
        "privacy": "on",
    }
    # Each family comes from its own address (the proxy appends it; RATELIMIT_PROXY_COUNT=1).
    headers = {"X-Forwarded-For": f"10.{index // 65536 % 256}.{index // 256 % 256}.{index % 256}"}
    path = f"/{fixture.alliance}/termine/{event}/anmelden/"
    order = [ports[index % 2], ports[(index + 1) % 2]]
    started = time.perf_counter()
    status = None
    for attempt, port in enumerate(order):
        try:
            status = request(port, "POST", path, body, headers)
            break
        except CUT:
            if attempt == 0:
                with outcome.lock:
                    outcome.retried += 1
    with outcome.lock:
        outcome.requests += 1
        outcome.latencies.append(time.perf_counter() - started)
        if status == 302:
            outcome.accepted.append(email)
        elif status == 409:
            outcome.full += 1
        else:
            outcome.errors += 1


def search(ports, index: int, fixture: Fixture, outcome: Outcome) -> None:
    term = urllib.parse.quote(fixture.search_terms[index % len(fixture.search_terms)])
    path = f"/{fixture.alliance}/suche/?q={term}"
    ok = False
    for port in (ports[index % 2], ports[(index + 1) % 2]):
        try:
            ok = request(port, "GET", path) == 200
            break
        except CUT:
            continue
    with outcome.lock:
        outcome.searches += 1
        outcome.search_errors += not ok


def rate_limit_check(ports, fixture: Fixture) -> dict:
    """One client address, 2 × the limit on one event, alternating between the servers."""
    statuses = []
    for index in range(2 * RATE_LIMIT):
        body = {
            "name": "Familie Grenzwert",
            "email": f"grenze-{index}@multiproc.example",
            "adults": "1",
            "children": "0",
            "website": "",
            "privacy": "on",
        }
        statuses.append(
            request(
                ports[index % 2],
                "POST",
                f"/{fixture.alliance}/termine/{fixture.rate_event}/anmelden/",
                body,
                {"X-Forwarded-For": "192.0.2.77"},
            )
        )
    return {
        "limit": RATE_LIMIT,
        "sent": len(statuses),
        "accepted": statuses.count(302),
        "refused_429": statuses.count(429),
    }


class Worker:
    """``manage.py task_worker`` (db_worker with a lease, ADR 1521): the survivor requeues the
    tasks of a killed worker after LEASE_TIMEOUT seconds, without a restart."""

    def __init__(self, env: dict, worker_id: str, log: Path):
        self.worker_id = worker_id
        self.log = open(log, "ab")  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "task_worker",
                "--heartbeat",
                str(HEARTBEAT),
                "--lease-timeout",
                str(LEASE_TIMEOUT),
                "--queue-name",
                "*",
                "--worker-id",
                worker_id,
                "--interval",
                "0.2",
                "--no-startup-delay",
                "--no-reload",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.log.close()


HEARTBEAT = 1
LEASE_TIMEOUT = 5


def import_failover(
    *, database_url: str, redis_url: str, folder: Path, task_id: str, timeout: float = 300
) -> dict:
    """Two task workers; the one that takes the import check ``task_id`` is killed with
    SIGKILL while it holds it; the other must find the expired lease, requeue the task and
    finish it. Returns what happened (the caller checks the upload)."""
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    env = run_env(database_url, redis_url, folder)
    workers = [Worker(env, f"import-{i}", folder / f"import-worker{i}.log") for i in (1, 2)]
    by_id = {worker.worker_id: worker for worker in workers}
    killed = None
    started = time.monotonic()
    try:
        while time.monotonic() - started < timeout:
            task = DBTaskResult.objects.get(pk=task_id)
            if task.status == TaskResultStatus.RUNNING and task.worker_ids:
                killed = task.worker_ids[-1]
                by_id[killed].kill()
                break
            if task.status in (TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED):
                break  # finished before it could be caught: the caller fails the run
            time.sleep(0.05)
        killed_after = round(time.monotonic() - started, 1)
        while time.monotonic() - started < timeout:
            task = DBTaskResult.objects.get(pk=task_id)
            if task.status in (TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED):
                break
            time.sleep(0.2)
    finally:
        for worker in workers:
            worker.stop()
    return {
        "killed": killed,
        "killed_after_s": killed_after,
        "finished_after_s": round(time.monotonic() - started, 1),
        "status": str(task.status),
        "worker_ids": task.worker_ids,
        "return_value": task.return_value,
    }


def run_env(database_url: str, redis_url: str, folder: Path) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.multiproc_settings",
        DATABASE_URL=database_url,
        CACHE_URL=redis_url,
        TASKS_BACKEND="database",
        RATELIMIT_PROXY_COUNT="1",
        REGISTRATION_RATE_LIMIT=str(RATE_LIMIT),
        PYTHONPATH=str(ROOT),
        MULTIPROC_MAIL_DIR=str(folder / "mail"),
        DATABASE_CONN_MAX_AGE="0",
    )
    from django.conf import settings  # the caller's key signs the confirmation links

    env["SECRET_KEY"] = settings.SECRET_KEY
    return env


def drive(
    *,
    database_url: str,
    redis_url: str,
    fixture: Fixture,
    registrations: int,
    searches: int,
    concurrency: int,
    folder: Path,
    workers_per_server: int = 2,
) -> dict:
    """Start everything, run the load, kill one server and one worker half-way through, stop
    what is left; return the figures the caller checks against the database."""
    env = run_env(database_url, redis_url, folder)
    subprocess.run(
        [sys.executable, "-c", f"import redis; redis.Redis.from_url({redis_url!r}).flushdb()"],
        check=True,
        env=env,
    )
    outcome = Outcome()
    killed: dict = {}
    servers = [
        Gunicorn(env, port=free_port(), workers=workers_per_server, log_path=folder / f"web{i}.log")
        for i in (1, 2)
    ]
    workers: list[Worker] = []
    started = time.monotonic()
    try:
        for server in servers:
            server.__enter__()
        workers = [Worker(env, f"multiproc-{i}", folder / f"worker{i}.log") for i in (1, 2)]
        ports = [server.port for server in servers]
        jobs = [("register", i) for i in range(registrations)]
        step = max(1, registrations // max(1, searches))
        for n in range(searches):
            jobs.insert(min(len(jobs), n * (step + 1)), ("search", n))
        kill_at = len(jobs) // 2
        with ThreadPoolExecutor(max_workers=concurrency) as pool:
            futures = [
                pool.submit(
                    register if kind == "register" else search, ports, index, fixture, outcome
                )
                for kind, index in jobs
            ]
            # Half of the load answered, the other half queued or in flight: kill.
            while sum(future.done() for future in futures) < kill_at:
                time.sleep(0.02)
            doomed = servers[0].worker_pids()
            servers[0].process.send_signal(signal.SIGKILL)
            for pid in doomed:
                os.kill(pid, signal.SIGKILL)
            servers[0].process.wait(timeout=10)
            workers[0].kill()
            killed = {
                "server_port": servers[0].port,
                "worker_id": workers[0].worker_id,
                "after_jobs": sum(future.done() for future in futures),
                "of_jobs": len(jobs),
            }
            for future in futures:
                future.result()
        # The orchestrator starts the killed server again; from now on both serve.
        servers[0].process = None
        servers[0] = Gunicorn(
            env, port=free_port(), workers=workers_per_server, log_path=folder / "web1b.log"
        )
        servers[0].__enter__()
        ports = [server.port for server in servers]
        confirmations = confirm_all(ports, outcome.accepted, concurrency)
        rate = rate_limit_check([servers[0].port, servers[1].port], fixture)
        # The killed worker comes back the way systemd restarts it: requeue first.
        requeue = subprocess.run(
            [
                sys.executable,
                "manage.py",
                "requeue_stale_tasks",
                "--worker-id",
                workers[0].worker_id,
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        for server in servers:
            if server.process is not None:
                server.stop()
    elapsed = time.monotonic() - started
    latencies = sorted(outcome.latencies)
    p95 = latencies[int(0.95 * (len(latencies) - 1))] if latencies else None
    report = {
        "registrations_sent": outcome.requests,
        "registrations_accepted": len(outcome.accepted),
        "registrations_full_409": outcome.full,
        "registration_errors": outcome.errors,
        "retried_on_other_server": outcome.retried,
        "searches": outcome.searches,
        "search_errors": outcome.search_errors,
        "error_rate": round(
            (outcome.errors + outcome.search_errors) / max(1, outcome.requests + outcome.searches),
            4,
        ),
        "registration_p95_ms": round(p95 * 1000, 1) if p95 else None,
        "killed": killed,
        "rate_limit": rate,
        "confirm_answers": confirmations,
        "requeued": requeue.stdout.strip(),
        "seconds": round(elapsed, 1),
    }
    return {"report": report, "accepted": outcome.accepted, "workers": workers}


def confirm_all(ports, emails: list[str], concurrency: int) -> dict:
    """Every family clicks its confirmation link, all at once, spread over both servers."""
    from django.urls import reverse

    from familiennetz.events import registration as services
    from familiennetz.events.models import Registration

    links = []
    for registration in Registration.objects.filter(email__in=emails).select_related("alliance"):
        links.append(
            reverse(
                "registration:confirm",
                kwargs={
                    "alliance_slug": registration.alliance.slug,
                    "token": registration.token,
                    "signature": services.link_signature(
                        registration=registration, purpose=services.CONFIRM
                    ),
                },
            )
        )
    answers: dict[str, int] = {}
    lock = threading.Lock()

    def click(index: int, path: str) -> None:
        try:
            status = str(request(ports[index % 2], "POST", path))
        except CUT:
            status = "connection error"
        with lock:
            answers[status] = answers.get(status, 0) + 1

    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(click, range(len(links)), links))
    return answers


def drain(workers: list[Worker], *, timeout: float = 60) -> None:
    """Wait until the surviving worker has run every queued task, then stop it."""
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pending = DBTaskResult.objects.filter(
            status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]
        ).count()
        if not pending:
            break
        time.sleep(0.3)
    for worker in workers:
        worker.stop()


def make_fixture(*, events: int = 4, capacity: int = 40) -> Fixture:
    """An alliance with published events that take registrations, and offers to search."""
    from familiennetz.alliances.tests.factories import AllianceFactory
    from familiennetz.directory.tests.factories import OfferFactory
    from familiennetz.events.tests.registration_support import registration_date

    alliance = AllianceFactory(slug="mehrprozess", name="Netzwerk Mehrprozess")
    slugs = []
    for number in range(events + 1):
        occurrence = registration_date(
            alliance=alliance,
            capacity=capacity,
            title=f"Familienfest {number}",
            slug=f"familienfest-{number}",
        )
        slugs.append(occurrence.event.slug)
    for title in ("Krabbelgruppe", "Babyschwimmen", "Elterncafé", "Hausaufgabenhilfe"):
        OfferFactory(alliance=alliance, name=title)
    return Fixture(
        alliance=alliance.slug,
        events=slugs[:-1],
        rate_event=slugs[-1],
        search_terms=["krabbel", "schwimmen", "eltern", "hausaufgaben", "familie"],
    )


def check(result: dict, fixture: Fixture, capacity: int) -> dict:
    """The database after the run: lost, duplicated, overbooked, tasks."""
    from django.db.models import Count, Sum
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from familiennetz.events.models import Registration

    rows = Registration.objects.filter(email__endswith="@multiproc.example").exclude(
        email__startswith="grenze-"
    )
    by_email = dict(rows.values_list("email").annotate(n=Count("pk")))
    accepted = set(result["accepted"])
    confirmed = (
        Registration.objects.filter(state=Registration.State.CONFIRMED)
        .values("occurrence")
        .annotate(seats=Sum("adults") + Sum("children"))
    )
    tasks = dict(DBTaskResult.objects.values_list("status").annotate(n=Count("pk")))
    return {
        "lost": len(accepted - set(by_email)),
        "duplicated": sum(1 for n in by_email.values() if n > 1),
        "rows_without_accepted_answer": len(set(by_email) - accepted),
        "overbooked_dates": sum(1 for row in confirmed if row["seats"] > capacity),
        "tasks": {str(k): v for k, v in tasks.items()},
        "tasks_unfinished": sum(
            v for k, v in tasks.items() if k in (TaskResultStatus.READY, TaskResultStatus.RUNNING)
        ),
        "tasks_failed": tasks.get(TaskResultStatus.FAILED, 0),
        "mails_written": len(
            list(Path(os.environ.get("MULTIPROC_MAIL_DIR", "/nonexistent")).glob("*"))
        ),
    }


def main() -> None:  # pragma: no cover - the CI version is the pytest wrapper
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--registrations", type=int, default=400)
    parser.add_argument("--searches", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/fn_multiproc")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/4")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="familiennetz-multiproc-"))
    env = run_env(args.database, args.redis, folder)
    name = args.database.rsplit("/", 1)[1]
    admin = args.database.rsplit("/", 1)[0] + "/postgres"
    subprocess.run(
        ["psql", admin, "-c", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'], check=True
    )
    subprocess.run(["psql", admin, "-c", f'CREATE DATABASE "{name}"'], check=True)
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    os.environ.update(env)
    import django

    django.setup()
    from familiennetz.alliances.scopes import all_alliances

    with all_alliances():
        fixture = make_fixture(capacity=40)
        result = drive(
            database_url=args.database,
            redis_url=args.redis,
            fixture=fixture,
            registrations=args.registrations,
            searches=args.searches,
            concurrency=args.concurrency,
            folder=folder,
        )
        drain(result["workers"])
        print(json.dumps({**result["report"], **check(result, fixture, 40)}, indent=1))


if __name__ == "__main__":
    main()
