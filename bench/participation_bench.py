"""Participation benchmark: 200 respondents submitting to one survey at the same moment, and
the results of 10,000 responses × 30 questions.

    python -m bench.participation_bench [--database sqlite|postgres|both]
        [--respondents 200] [--responses 10000] [--workers 4]

For each database a fresh one is made (an SQLite file in WAL mode in a temporary directory, or
the PostgreSQL database ``fn_participation_bench`` on 127.0.0.1, created and dropped here) and
a survey of 30 questions (district, age, 10 single choice, 5 multiple choice, 5 rating scales,
4 smiley scales, 2 rankings, a number, a free text) is built through the services.

1. **Load** — gunicorn (sync workers, ``bench.settings``: DEBUG off, all middleware) serves the
   survey on 127.0.0.1. ``--respondents`` threads each load the survey page, then all are
   released together by a barrier and POST their answers (each with its own
   ``X-Forwarded-For`` from the benchmarking range 198.18.0.0/15 and ``RATELIMIT_PROXY_COUNT=1``,
   so the rate limit sees distinct people, as in the field). Reported: errors (anything but
   the redirect to the thank-you page), lost responses and lost answer rows (the database is
   counted afterwards against what was sent), POST latency percentiles (nearest rank).
2. **Results** — ``--responses`` responses are added with bulk inserts (same survey, random
   answers), then ``selectors.survey_results`` (every question's suppressed figures, with the
   charts) and the whole workspace results page (rendered through Django's test client,
   in-process) are timed, 5 rounds after a warm-up; also a cross table and the CSV export.

Loopback only; every loop is bounded in count and time. Results: a Markdown table on stdout and
``bench/results/participation-<date>-<time>.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from .search_bench import _check_postgres_url, _postgres_admin, percentile
from .server import Gunicorn

REPO = Path(__file__).resolve().parent.parent
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/fn_participation_bench"
ROUNDS = 5


# --- inside Django (subprocess with DJANGO_SETTINGS_MODULE=bench.settings) -------------------


def _django():
    import django

    django.setup()


def build_survey() -> dict:
    """Migrate, then an alliance with 8 districts and the 30-question survey; its layout."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from familiennetz.alliances.models import Alliance
    from familiennetz.alliances.scopes import all_alliances
    from familiennetz.participation import services
    from familiennetz.participation.models import Question, Survey
    from familiennetz.socialspace.models import District

    Kind = Question.Kind
    with all_alliances():
        alliance = Alliance.objects.create(slug="bench", name="Benchmark-Bündnis")
        for n in range(8):
            District.objects.create(alliance=alliance, name=f"Ortsteil {n + 1}", slug=f"ot-{n + 1}")
        survey = services.survey_create(
            alliance=alliance, title="Große Familienbefragung", languages=["de"]
        )
        plan = (
            [(Kind.DISTRICT, 0), (Kind.AGE, 0)]
            + [(Kind.SINGLE, 3 + n % 3) for n in range(10)]
            + [(Kind.MULTIPLE, 5)] * 5
            + [(Kind.RATING, 0)] * 5
            + [(Kind.SMILEY, 0)] * 4
            + [(Kind.RANKING, 4)] * 2
            + [(Kind.NUMBER, 0), (Kind.TEXT, 0)]
        )
        for index, (kind, options) in enumerate(plan, start=1):
            services.question_save(
                survey=survey,
                kind=kind,
                texts={"de": {"text": f"Frage {index}: {Kind(kind).label}?"}},
                option_lines={"de": [f"Antwort {index}.{o + 1}" for o in range(options)]},
                is_required=kind in (Kind.DISTRICT, Kind.SINGLE),
                scale_size=5,
                min_value=0 if kind == Kind.NUMBER else None,
                max_value=20 if kind == Kind.NUMBER else None,
            )
        services.survey_set_state(survey=survey, state=Survey.State.OPEN)
        layout = [
            {
                "id": q.pk,
                "kind": q.kind,
                "options": list(q.options.order_by("position").values_list("pk", flat=True)),
                "scale": q.scale_size,
            }
            for q in survey.questions.order_by("position")
        ]
        return {"survey_id": survey.pk, "path": survey.get_absolute_url(), "questions": layout}


def random_answers(layout: list[dict], rng: random.Random) -> tuple[dict, dict]:
    """Form data for one respondent, and ``{question id: value}`` for the services."""
    form: dict[str, object] = {"sprache": "de"}
    values: dict[int, object] = {}
    for q in layout:
        name, kind, options = f"q{q['id']}", q["kind"], q["options"]
        if kind in ("single", "district"):
            value = rng.choice(options)
            form[name] = value
        elif kind in ("multiple", "age"):
            value = rng.sample(options, rng.randint(1, min(3, len(options))))
            form[name] = value
        elif kind in ("rating", "smiley"):
            value = rng.randint(1, q["scale"])
            form[name] = value
        elif kind == "ranking":
            value = rng.sample(options, rng.randint(1, len(options)))
            for rank, option in enumerate(value, start=1):
                form[f"{name}_{option}"] = rank
        elif kind == "number":
            value = rng.randint(0, 6)
            form[name] = value
        else:
            if rng.random() < 0.2:
                value = rng.choice(["Mehr Angebote am Nachmittag", "Ein Spielplatz mit Schatten"])
                form[name] = value
            else:
                continue
        values[q["id"]] = value
    return form, values


def answer_rows(values: dict, layout: list[dict]) -> int:
    kinds = {q["id"]: q["kind"] for q in layout}
    rows = 0
    for qid, value in values.items():
        rows += len(value) if kinds[qid] in ("multiple", "age", "ranking") else 1
    return rows


def count_rows(survey_id: int) -> dict:
    from familiennetz.alliances.scopes import all_alliances
    from familiennetz.participation.models import Answer, Response

    with all_alliances():
        return {
            "responses": Response.objects.filter(survey_id=survey_id).count(),
            "answers": Answer.objects.filter(response__survey_id=survey_id).count(),
        }


def add_responses(survey_id: int, layout: list[dict], count: int, seed: int) -> float:
    """``count`` responses by bulk insert (the shape response_submit writes); seconds taken."""
    from django.db import transaction

    from familiennetz.alliances.scopes import all_alliances
    from familiennetz.participation.models import Answer, Response, Survey
    from familiennetz.participation.services.surveys import _answer_rows

    rng = random.Random(seed)
    started = time.perf_counter()
    with all_alliances():
        survey = Survey.objects.get(pk=survey_id)
        languages = ["de"] * 8 + ["ar", "uk"]
        for start in range(0, count, 1000):
            with transaction.atomic():
                batch = []
                for _ in range(min(1000, count - start)):
                    _form, values = random_answers(layout, rng)
                    batch.append(
                        (
                            Response(
                                alliance_id=survey.alliance_id,
                                survey=survey,
                                submitted_on=dt.date(2026, 11, 1)
                                + dt.timedelta(days=rng.randint(0, 30)),
                                channel="paper" if rng.random() < 0.15 else "online",
                                language=rng.choice(languages),
                            ),
                            values,
                        )
                    )
                responses = Response.objects.bulk_create([r for r, _v in batch])
                rows = []
                for response, (_r, values) in zip(responses, batch, strict=True):
                    answers, district_id = _answer_rows(survey, response, values)
                    response.district_id = district_id
                    rows.extend(answers)
                Response.objects.bulk_update(responses, ["district_id"])
                Answer.objects.bulk_create(rows, batch_size=5000)
    return time.perf_counter() - started


def time_results(survey_id: int) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from familiennetz.accounts.models import User
    from familiennetz.alliances.models import Membership
    from familiennetz.alliances.scopes import all_alliances
    from familiennetz.participation.models import Question, Survey
    from familiennetz.participation.selectors import (
        aggregate_rows,
        survey_crosstab,
        survey_questions,
        survey_results,
    )

    timings: dict[str, list[float]] = {"selector": [], "page": [], "crosstab": [], "csv": []}
    with all_alliances():
        survey = Survey.objects.select_related("alliance").get(pk=survey_id)
        user, _created = User.objects.get_or_create(email="bench@example.org")
        Membership.objects.get_or_create(
            user=user, alliance=survey.alliance, defaults={"role": "coordinator"}
        )
        questions = survey_questions(survey)
        district = next(q for q in questions if q.kind == Question.Kind.DISTRICT)
        single = next(q for q in questions if q.kind == Question.Kind.SINGLE)
    client = Client(HTTP_HOST="localhost")  # bench.settings allows loopback hosts only
    client.force_login(user)
    page = reverse(
        "participation:manage-survey-results",
        kwargs={"alliance_slug": survey.alliance.slug, "pk": survey.pk},
    )
    assert client.get(page).status_code == 200  # warm-up
    for _ in range(ROUNDS):
        with all_alliances():
            t0 = time.perf_counter()
            results = survey_results(survey=survey, questions=survey_questions(survey))
            timings["selector"].append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            survey_crosstab(survey=survey, row_question=district, column_question=single)
            timings["crosstab"].append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            rows = aggregate_rows(survey_results(survey=survey, charts=False))
            timings["csv"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page).status_code == 200
        timings["page"].append(time.perf_counter() - t0)
    return {
        "respondents_shown": results.respondents,
        "csv_rows": len(rows),
        "page_queries": len(queries),
        **{
            name: {
                "median_ms": round(statistics.median(values) * 1000, 1),
                "max_ms": round(max(values) * 1000, 1),
            }
            for name, values in timings.items()
        },
    }


def worker(args) -> int:
    _django()
    out: dict
    if args.step == "setup":
        out = build_survey()
    elif args.step == "count":
        out = count_rows(args.survey)
    else:
        layout = json.loads(Path(args.layout).read_text())
        existing = count_rows(args.survey)["responses"]
        seconds = add_responses(args.survey, layout, args.responses - existing, args.seed)
        out = {
            "insert_s": round(seconds, 1),
            **count_rows(args.survey),
            **time_results(args.survey),
        }
    Path(args.result_file).write_text(json.dumps(out), encoding="utf-8")
    return 0


# --- outside Django: the load driver ----------------------------------------------------------


def _post(base: str, path: str, body: bytes, forwarded: str, timeout: float) -> tuple[int, float]:
    parts = urlsplit(base)
    started = time.perf_counter()
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        connection.request(
            "POST",
            path,
            body=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "X-Forwarded-For": forwarded,
                "Origin": base,
                "Sec-Fetch-Site": "same-origin",
            },
        )
        response = connection.getresponse()
        response.read()
        return response.status, time.perf_counter() - started
    finally:
        connection.close()


def _get(base: str, path: str, timeout: float) -> int:
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def run_load(base: str, setup: dict, respondents: int, seed: int, timeout: float) -> dict:
    if urlsplit(base).hostname not in ("127.0.0.1", "localhost"):
        raise SystemExit("loopback only")
    rng = random.Random(seed)
    payloads = [random_answers(setup["questions"], rng) for _ in range(respondents)]
    expected_rows = sum(answer_rows(values, setup["questions"]) for _form, values in payloads)
    barrier = threading.Barrier(respondents, timeout=timeout)
    results: list[tuple[int, float] | None] = [None] * respondents
    page_errors = []

    def respondent(index: int) -> None:
        form, _values = payloads[index]
        body = urlencode(form, doseq=True).encode()
        forwarded = f"198.18.{index // 250}.{index % 250 + 1}"
        try:
            status = _get(base, setup["path"], timeout)
            if status != 200:
                page_errors.append(status)
            barrier.wait()
            results[index] = _post(base, setup["path"], body, forwarded, timeout)
        except Exception as exc:  # counted as an error
            results[index] = (0, 0.0)
            page_errors.append(repr(exc))

    started = time.perf_counter()
    threads = [threading.Thread(target=respondent, args=(i,)) for i in range(respondents)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout + 30)
    wall = time.perf_counter() - started
    statuses = [r[0] if r else 0 for r in results]
    latencies = sorted(r[1] * 1000 for r in results if r and r[0] == 302)
    return {
        "respondents": respondents,
        "errors": sum(1 for s in statuses if s != 302) + len(page_errors),
        "statuses": {str(s): statuses.count(s) for s in sorted(set(statuses))},
        "expected_answer_rows": expected_rows,
        "wall_s": round(wall, 2),
        "p50_ms": round(percentile(latencies, 50), 1) if latencies else None,
        "p95_ms": round(percentile(latencies, 95), 1) if latencies else None,
        "max_ms": round(latencies[-1], 1) if latencies else None,
    }


def _step(env: dict, step: str, tmp: Path, *extra: str) -> dict:
    result = tmp / f"{step}.json"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.participation_bench",
            "--worker",
            step,
            "--result-file",
            str(result),
            *extra,
        ],
        cwd=REPO,
        env=env,
        check=True,
        timeout=3600,
    )
    return json.loads(result.read_text(encoding="utf-8"))


def run_database(kind: str, args) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix=f"participation-bench-{kind}-"))
    if kind == "postgres":
        url = args.postgres_url
        problem = _check_postgres_url(url)
        if problem:
            return {"error": problem}
        _postgres_admin(url, "create")
    else:
        url = f"sqlite:///{tmp / 'bench.sqlite3'}"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "RATELIMIT_PROXY_COUNT": "1",
        "BENCH_COUNT_QUERIES": "0",
        "PYTHONPATH": str(REPO),
    }
    try:
        setup = _step(env, "setup", tmp)
        (tmp / "layout.json").write_text(json.dumps(setup["questions"]))
        with Gunicorn(env, port=0, workers=args.workers, log_path=tmp / "gunicorn.log") as server:
            load = run_load(server.base, setup, args.respondents, args.seed, args.timeout)
        counted = _step(env, "count", tmp, "--survey", str(setup["survey_id"]))
        load["stored_responses"] = counted["responses"]
        load["stored_answer_rows"] = counted["answers"]
        load["lost_responses"] = load["statuses"].get("302", 0) - counted["responses"]
        load["lost_answer_rows"] = load["expected_answer_rows"] - counted["answers"]
        results = _step(
            env,
            "results",
            tmp,
            "--survey",
            str(setup["survey_id"]),
            "--layout",
            str(tmp / "layout.json"),
            "--responses",
            str(args.responses),
            "--seed",
            str(args.seed + 1),
        )
        return {"load": load, "results": results}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if kind == "postgres":
            try:
                _postgres_admin(url, "drop")
            except Exception as exc:  # report, do not hide the benchmark's own result
                print(f"could not drop {url}: {exc}", file=sys.stderr)


def markdown(report: dict) -> str:
    lines = [
        f"Participation benchmark, {report['date']}, {report['respondents']} respondents at once, "
        f"{report['responses']} responses × 30 questions, {report['workers']} gunicorn workers.",
        "",
        "| database | errors | lost responses | lost answer rows | POST p50 | POST p95 | max | "
        "results selector | results page | cross table | CSV rows |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for kind, data in report["databases"].items():
        if "error" in data:
            lines.append(f"| {kind} | {data['error']} |")
            continue
        load, res = data["load"], data["results"]
        lines.append(
            f"| {kind} | {load['errors']} | {load['lost_responses']} "
            f"| {load['lost_answer_rows']} | "
            f"{load['p50_ms']} ms | {load['p95_ms']} ms | {load['max_ms']} ms | "
            f"{res['selector']['median_ms']} ms | {res['page']['median_ms']} ms | "
            f"{res['crosstab']['median_ms']} ms | {res['csv']['median_ms']} ms |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--postgres-url", default=POSTGRES_URL)
    parser.add_argument("--respondents", type=int, default=200)
    parser.add_argument("--responses", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--worker", dest="step", choices=["setup", "count", "results"])
    parser.add_argument("--result-file")
    parser.add_argument("--survey", type=int)
    parser.add_argument("--layout")
    args = parser.parse_args(argv)
    if args.step:
        return worker(args)
    kinds = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    report = {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "respondents": args.respondents,
        "responses": args.responses,
        "workers": args.workers,
        "databases": {kind: run_database(kind, args) for kind in kinds},
    }
    text = markdown(report)
    print(text)
    out = REPO / "bench" / "results"
    out.mkdir(exist_ok=True)
    name = f"participation-{dt.datetime.now():%Y%m%d-%H%M%S}.json"
    (out / name).write_text(json.dumps(report, indent=2), encoding="utf-8")
    ok = all(
        "error" not in d
        and d["load"]["errors"] == 0
        and d["load"]["lost_responses"] == 0
        and d["load"]["lost_answer_rows"] == 0
        for d in report["databases"].values()
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
