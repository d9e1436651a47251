"""Calendar benchmark: month view with 20,000 dates in range, .ics feed of 1,000 dates.

    python -m bench.calendar_bench [--dates 20000] [--database sqlite|postgres|both]
                                   [--requests 100]

For each database a worker subprocess (settings ``bench.settings``: DEBUG off, all middleware,
cached templates) migrates a fresh database – an SQLite file in a temporary directory, or the
PostgreSQL database ``fn_calendar_bench`` on 127.0.0.1, created and dropped here – builds the
directory of the generated town with ``bench.generate`` (300 offers; organisations, places,
districts, taxonomy), then the calendar (``generate_calendar``): recurring events of the town's
organisers – weekday sessions, weekly groups, twice-weekly courses, monthly meetings – until
the measured month (the month after today) holds ``--dates`` dates, materialised through the
real ``event_sync_occurrences``; one date in 40 cancelled. Then it times, one request after
another after a warm-up round, through Django's WSGI handler in-process:

* ``month_all``        – ``/bench/kalender/?ansicht=monat&von=<month>``: every date of the month
                         in range (the grid shows 4 per day and counts the rest);
* ``month_filtered``   – the same month with a category and an age band (rotating);
* ``week``             – the busiest week of that month (30 dates per day shown);
* ``list``             – the upcoming list, first page (30 dates);
* ``ics_1000``         – ``/bench/kalender/feed.ics``: 1,000 VEVENTs (the feed's cap), with the
                         feed cache emptied before every request (full build);
* ``ics_1000_cached``  – the same feed as a phone polling it again (cache warm);
* ``ics_filtered``     – the feed with a category and an age band, cache emptied (rotating).

Percentiles are nearest-rank; CPU time is this process's (on PostgreSQL the database server's
work is not in it). SQL queries per request are counted in a separate round. Results: a
Markdown table on stdout and ``bench/results/calendar-<date>.json``. Loopback only.

The generic helpers (percentiles, the WSGI client, database set-up) come from
``bench.search_bench``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.cli import RESULTS_DIR, across_alliances, add_common_arguments, run_per_database
from bench.search_bench import (
    LOOPBACK,
    PageClient,
    _check_postgres_url,
    _database_info,
    _postgres_admin,
    percentile,
    summarise,
)

REPO = Path(__file__).resolve().parent.parent
DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/fn_calendar_bench"
DEFAULT_SEED = 20261125
DIRECTORY_OFFERS = 300
CANCEL_ONE_IN = 40
# (kategorie, alter) pairs for the filtered scenarios: what a parent clicks.
FILTERS = [
    ("elternbildung", "0-3"),
    ("freizeit", "6-10"),
    ("beratung", "3-6"),
    ("gesundheit", "0-3"),
    ("freizeit", "3-6"),
    ("elternbildung", "6-10"),
]
SCENARIOS = [
    "month_all",
    "month_filtered",
    "week",
    "list",
    "ics_1000",
    "ics_1000_cached",
    "ics_filtered",
]
SCENARIO_LABELS = {
    "month_all": "month view, all {dates} dates in range",
    "month_filtered": "month view, category + age",
    "week": "week view, busiest week",
    "list": "upcoming list, first page",
    "ics_1000": "**.ics feed, 1,000 VEVENTs, built**",
    "ics_1000_cached": ".ics feed, 1,000 VEVENTs, from the feed cache",
    "ics_filtered": ".ics feed, category + age, built",
}

# Series of the generated calendar: (RRULE template, share, title pattern, minutes)
SERIES = [
    ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", 0.35, "Offener Treff {place}", 180),
    ("FREQ=WEEKLY;BYDAY={day}", 0.35, "{theme} am {weekday}", 90),
    ("FREQ=WEEKLY;BYDAY={day},{day2}", 0.2, "Kurs {theme}", 60),
    ("FREQ=MONTHLY;BYDAY=2{day}", 0.1, "Sprechstunde {theme}", 120),
]
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA"]
WEEKDAYS_DE = {
    "MO": "Montag",
    "TU": "Dienstag",
    "WE": "Mittwoch",
    "TH": "Donnerstag",
    "FR": "Freitag",
    "SA": "Samstag",
}
THEMES = [
    "Krabbelgruppe",
    "Elterncafé",
    "Babymassage",
    "Vorlesestunde",
    "Kinderturnen",
    "Familienberatung",
    "Spielkreis",
    "Hausaufgabenhilfe",
    "Musikgarten",
    "Elternkurs",
    "Stillgruppe",
    "Bastelnachmittag",
]
AGES = [(0, 35), (0, 12), (36, 71), (72, 119), (120, 167), (None, None), (None, None)]


# --- data ------------------------------------------------------------------------------------


def measured_month(today: dt.date) -> dt.date:
    """The month after today's (a full month of future dates)."""
    return (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)


def generate_calendar(*, dates: int, seed: int = DEFAULT_SEED, log=None) -> dict:
    """Recurring events of the ``bench`` alliance until the measured month holds ``dates``."""
    from django.db import transaction
    from django.utils import timezone

    from bench.generate import ALLIANCE_SLUG
    from familiennetz.alliances.models import Alliance
    from familiennetz.directory.models import Category, Language, Location, Status
    from familiennetz.events import occurrences as rec
    from familiennetz.events.models import Event, Occurrence
    from familiennetz.events.services import event_sync_occurrences

    log = log or (lambda msg: None)
    rng = random.Random(seed)
    alliance = Alliance.objects.get(slug=ALLIANCE_SLUG)
    today = timezone.localdate()
    month = measured_month(today)
    month_end = (month + dt.timedelta(days=32)).replace(day=1)
    month_window = rec.Window(rec.local_midnight(month), rec.local_midnight(month_end))
    until = (month_end + dt.timedelta(days=31)).strftime("%Y%m%d")  # runs into the next month
    first_day = today - dt.timedelta(days=21)
    places = list(Location.objects.for_alliance(alliance).select_related("organisation"))
    categories = list(Category.objects.for_alliance(alliance).filter(parent__isnull=False))
    languages = list(Language.objects.exclude(code="de"))
    german = Language.objects.get(code="de")
    t0 = time.perf_counter()
    count = in_month = 0
    events = []
    with transaction.atomic():
        while in_month < dates:
            rule, _share, pattern, minutes = rng.choices(SERIES, [s[1] for s in SERIES])[0]
            day, day2 = rng.sample(DAYS[:5], 2)
            place = rng.choice(places)
            theme = rng.choice(THEMES)
            start = dt.datetime.combine(
                first_day + dt.timedelta(days=rng.randrange(7)),
                dt.time(rng.choice([9, 10, 14, 15, 16, 17]), rng.choice([0, 30])),
                tzinfo=rec.BERLIN,
            )
            rrule = rule.format(day=day, day2=day2) + f";UNTIL={until}"
            age_min, age_max = rng.choice(AGES)
            count += 1
            event = Event(
                alliance=alliance,
                organisation=place.organisation,
                location=place,
                title=pattern.format(place=place.name[:60], theme=theme, weekday=WEEKDAYS_DE[day]),
                slug=f"termin-{count}",
                summary=f"{theme} für Familien in {place.name[:80]}.",
                starts_at=start,
                ends_at=start + dt.timedelta(minutes=minutes),
                rrule=rrule,
                age_min_months=age_min,
                age_max_months=age_max,
                is_free=rng.random() < 0.7,
                fee_description="" if rng.random() < 0.7 else "2 € pro Familie",
                status=Status.PUBLISHED,
                last_checked_at=timezone.now(),
            )
            in_month += len(rec.event_slots(event, window=month_window))
            events.append(event)
        Event.objects.bulk_create(events, batch_size=500)
        links_category, links_language = [], []
        for event in events:
            links_category.append(
                Event.categories.through(event_id=event.pk, category_id=rng.choice(categories).pk)
            )
            links_language.append(Event.languages.through(event_id=event.pk, language_id=german.pk))
            if rng.random() < 0.2:
                links_language.append(
                    Event.languages.through(event_id=event.pk, language_id=rng.choice(languages).pk)
                )
        Event.categories.through.objects.bulk_create(links_category, batch_size=1000)
        Event.languages.through.objects.bulk_create(links_language, batch_size=1000)
    generate_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for event in Event.objects.filter(alliance=alliance).select_related("alliance"):
        event_sync_occurrences(event=event, notify=False)
    sync_s = time.perf_counter() - t0
    dates_in_month = Occurrence.objects.filter(
        alliance=alliance,
        starts_at__gte=month_window.start,
        starts_at__lt=month_window.end,
    )
    cancel_ids = list(dates_in_month.values_list("pk", flat=True)[::CANCEL_ONE_IN])
    Occurrence.objects.filter(pk__in=cancel_ids).update(
        event_status="cancelled", status_note="Fällt aus.", is_modified=True
    )
    result = {
        "events": count,
        "occurrences": Occurrence.objects.filter(alliance=alliance).count(),
        "in_month": dates_in_month.count(),
        "cancelled_in_month": len(cancel_ids),
        "month": month.isoformat(),
        "generate_s": round(generate_s, 2),
        "sync_s": round(sync_s, 2),
    }
    log(
        f"calendar: {result['events']} events, {result['occurrences']} dates, "
        f"{result['in_month']} in {month:%Y-%m} (insert {generate_s:.1f} s, "
        f"materialise {sync_s:.1f} s)"
    )
    return result


# --- worker ----------------------------------------------------------------------------------


def _busiest_week(month: dt.date) -> dt.date:
    """A Monday inside the month (the second week: five full weekdays)."""
    first_monday = month + dt.timedelta(days=(7 - month.weekday()) % 7)
    return first_monday + dt.timedelta(days=7)


def _calls(client: PageClient, month: dt.date, base: str):
    from django.core.cache import cache

    def page(params, *, clear_cache=False, expect=None):
        def call():
            if clear_cache:
                cache.clear()  # outside the timed part
            seconds, status, size = client.get(f"{base}{params[0]}", params[1])
            if not status.startswith("200"):
                raise RuntimeError(f"GET {params} answered {status!r}")
            return seconds, size

        return call

    month_params = {"ansicht": "monat", "von": month.isoformat()}
    return {
        "month_all": [page(("", month_params))],
        "month_filtered": [
            page(("", {**month_params, "kategorie": c, "alter": a})) for c, a in FILTERS
        ],
        "week": [page(("", {"ansicht": "woche", "von": _busiest_week(month).isoformat()}))],
        "list": [page(("", {}))],
        "ics_1000": [page(("feed.ics", {}), clear_cache=True)],
        "ics_1000_cached": [page(("feed.ics", {}))],
        "ics_filtered": [
            page(("feed.ics", {"kategorie": c, "alter": a}), clear_cache=True) for c, a in FILTERS
        ],
    }


def _count_queries(calls) -> list[int]:
    from django.core.cache import cache
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    counts = []
    for call in calls:
        cache.clear()
        call()  # fills the cache for the "cached" scenario, like its warm-up round
        reset_queries()
        with CaptureQueriesContext(connection) as ctx:
            call()
        counts.append(len(ctx.captured_queries))
    return counts


def _measure(calls, requests: int) -> dict:
    for call in calls:  # warm-up
        call()
    seconds, cpu, sizes = [], [], []
    for i in range(requests):
        c0 = time.process_time()
        s, size = calls[i % len(calls)]()
        cpu.append(time.process_time() - c0)
        seconds.append(s)
        sizes.append(size)
    counts = _count_queries(calls)
    result = summarise(seconds)
    cpu_ms = sorted(c * 1000 for c in cpu)
    result["cpu_p50_ms"] = round(percentile(cpu_ms, 50), 2)
    result["cpu_p95_ms"] = round(percentile(cpu_ms, 95), 2)
    result["queries"] = {"min": min(counts), "max": max(counts), "per_slot": counts}
    result["bytes_mean"] = round(statistics.fmean(sizes))
    return result


def _check_feed(client: PageClient, base: str) -> int:
    """The number of VEVENTs in the unfiltered feed (must be the cap: 1,000)."""
    import io

    from django.core.cache import cache

    cache.clear()
    body = io.BytesIO()

    def start_response(status, headers, exc_info=None):
        return body.write

    from bench.search_bench import _environ

    result = client.app(_environ(f"{base}feed.ics", "", io.BytesIO(b"")), start_response)
    try:
        for chunk in result:
            body.write(chunk)
    finally:
        result.close()
    return body.getvalue().count(b"BEGIN:VEVENT")


@across_alliances
def worker(args) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench.generate import ALLIANCE_SLUG, generate

    def log(msg):
        print(f"[{connection.vendor}] {msg}", file=sys.stderr, flush=True)

    out: dict = {"database": _database_info()}
    t0 = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    out["migrate_s"] = round(time.perf_counter() - t0, 2)
    directory = generate(offers=DIRECTORY_OFFERS, seed=args.seed, index=False, log=log)
    out["directory"] = {"offers": directory.offers, "locations": directory.locations}
    out["calendar"] = generate_calendar(dates=args.dates, seed=args.seed, log=log)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")

    client = PageClient()
    base = f"/{ALLIANCE_SLUG}/kalender/"
    out["calendar"]["feed_vevents"] = _check_feed(client, base)
    log(f"unfiltered feed: {out['calendar']['feed_vevents']} VEVENTs")
    month = dt.date.fromisoformat(out["calendar"]["month"])
    calls = _calls(client, month, base)
    out["scenarios"] = {}
    for name in SCENARIOS:
        t0 = time.perf_counter()
        out["scenarios"][name] = r = _measure(calls[name], args.requests)
        log(
            f"{name}: p50 {r['p50_ms']} ms, p95 {r['p95_ms']} ms, "
            f"{r['queries']['min']}–{r['queries']['max']} queries "
            f"({time.perf_counter() - t0:.1f} s)"
        )
    Path(args.result_file).write_text(json.dumps(out, indent=2), encoding="utf-8")
    return 0


# --- parent ----------------------------------------------------------------------------------


def run_database(kind: str, args) -> dict:
    if kind == "postgres":
        url = args.postgres_url
        problem = _check_postgres_url(url)
        if problem:
            return {"error": problem}
        try:
            _postgres_admin(url, "create")
        except Exception as exc:  # report it and go on with the other database
            return {"error": f"PostgreSQL not usable at {url}: {exc}"}
    tmp = Path(tempfile.mkdtemp(prefix=f"familiennetz-calbench-{kind}-"))
    if kind == "sqlite":
        url = f"sqlite:///{tmp / 'bench.sqlite3'}"
    result_file = tmp / "result.json"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    cmd = [
        sys.executable,
        "-m",
        "bench.calendar_bench",
        "--worker",
        f"--dates={args.dates}",
        f"--requests={args.requests}",
        f"--seed={args.seed}",
        "--result-file",
        str(result_file),
    ]
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, cwd=REPO, env=env, timeout=args.timeout, check=False)
        if proc.returncode != 0:
            return {"error": f"worker exited with {proc.returncode}"}
        result = json.loads(result_file.read_text(encoding="utf-8"))
        result["wall_s"] = round(time.perf_counter() - t0, 1)
        return result
    except subprocess.TimeoutExpired:
        return {"error": f"worker did not finish within {args.timeout} s"}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if kind == "postgres":
            try:
                _postgres_admin(url, "drop")
            except Exception as exc:
                print(f"could not drop {url}: {exc}", file=sys.stderr)


def markdown(report: dict) -> str:
    lines = [
        f"Calendar benchmark: {report['params']['dates']} dates in the measured month, "
        f"{report['params']['requests']} timed requests per scenario, {report['date']}, "
        f"commit {report['code']['commit']}",
        "",
        "| database | scenario | p50 ms | p95 ms | p99 ms | CPU p50 ms | SQL queries | KB |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for db, res in report["databases"].items():
        if "error" in res:
            lines.append(f"| {db} | **not run**: {res['error']} | | | | | | |")
            continue
        label = f"{db} {res['database']['server_version'].split()[0]}"
        for name in SCENARIOS:
            r = res["scenarios"][name]
            q = r["queries"]
            queries = f"{q['min']}" if q["min"] == q["max"] else f"{q['min']}–{q['max']}"
            lines.append(
                f"| {label} | {SCENARIO_LABELS[name].format(dates=res['calendar']['in_month'])} "
                f"| {r['p50_ms']:.1f} | {r['p95_ms']:.1f} "
                f"| {r['p99_ms']:.1f} | {r['cpu_p50_ms']:.1f} | {queries} "
                f"| {r['bytes_mean'] / 1024:.0f} |"
            )
    lines += [
        "",
        "| database | events | dates stored | dates in the month | feed VEVENTs | insert s "
        "| materialise s |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for db, res in report["databases"].items():
        if "error" in res:
            continue
        c = res["calendar"]
        lines.append(
            f"| {db} | {c['events']} | {c['occurrences']} | {c['in_month']} "
            f"| {c['feed_vevents']} | {c['generate_s']:.1f} | {c['sync_s']:.1f} |"
        )
    load = report["machine"]
    lines += [
        "",
        f"* machine: {load['nproc']} CPUs, load average {load['loadavg_start'][0]} at the start, "
        f"{load.get('loadavg_end', ['?'])[0]} at the end (shared with other work)",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.calendar_bench", description=__doc__)
    parser.add_argument("--dates", type=int, default=20000, help="dates in the measured month")
    parser.add_argument("--requests", type=int, default=100, help="timed requests per scenario")
    add_common_arguments(parser, postgres_url=DEFAULT_POSTGRES_URL, seed=DEFAULT_SEED, timeout=1200)
    args = parser.parse_args(argv)
    if args.dates < 1 or args.requests < 1:
        parser.error("--dates and --requests must be positive")
    if args.worker:
        return worker(args)
    return run_per_database(
        args,
        params={
            "dates": args.dates,
            "requests": args.requests,
            "seed": args.seed,
            "filters": FILTERS,
        },
        describe=f"{args.dates} dates, {args.requests} requests",
        run_database=run_database,
        markdown=markdown,
        results_path=lambda now: RESULTS_DIR / f"calendar-{now:%Y-%m-%d-%H%M}.json",
    )


if __name__ == "__main__":
    assert LOOPBACK  # the PostgreSQL URL check (search_bench) refuses other hosts
    sys.exit(main())
