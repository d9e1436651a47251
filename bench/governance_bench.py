"""Governance benchmark: the workspace dashboard with 10 years of meetings (issue 12: ≤ 100 ms
p95), and the meeting page.

    python -m bench.governance_bench [--years 10] [--requests 200] [--database sqlite|postgres]

A fresh database (an SQLite file in a temporary directory, or the PostgreSQL database
``fn_governance_bench`` on 127.0.0.1, created and dropped here) gets the generated town's
directory (``bench.generate``, 300 offers) and a network that has run itself for ``--years``:
six bodies (steering group monthly, four working groups and the leaders' round quarterly),
every past meeting with agenda, attendance, approved minutes, one or two decisions and two
action items (nine in ten done, the rest open and many overdue), 40 partners with contact
persons, three rooms with a booking every working day (some requests open), two budget pots
per year and a project per year with budget lines. Settings ``bench.settings`` (DEBUG off,
all middleware). Requests go through Django's test client in-process (a logged-in session,
the full middleware stack), one after another after a warm-up round; percentiles are
nearest-rank. Results: a Markdown table on stdout and ``bench/results/governance-<date>.json``.
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
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/fn_governance_bench"


def build(years: int):
    from django.utils import timezone

    from bench.generate import ALLIANCE_SLUG, generate
    from familiennetz.accounts.models import User
    from familiennetz.alliances.models import Alliance, Membership
    from familiennetz.directory.models import Organisation
    from familiennetz.governance import services
    from familiennetz.governance.models import (
        ActionItem,
        AgendaItem,
        Attendance,
        Body,
        BodyMembership,
        Booking,
        BudgetLine,
        ContactAccount,
        Decision,
        Meeting,
        Minutes,
        PotContribution,
        Project,
        Room,
    )
    from familiennetz.network.models import ContactPerson, Partner

    rng = random.Random(20261207)
    generate(offers=300, seed=20261207, index=False)
    alliance = Alliance.objects.get(slug=ALLIANCE_SLUG)
    coordinator = User.objects.create_user(email="koordination@bench.invalid", password="x")
    Membership.objects.create(user=coordinator, alliance=alliance, role="coordinator")
    provider = User.objects.create_user(email="anbieter@bench.invalid", password="x")
    organisations = list(Organisation.objects.filter(alliance=alliance)[:40])
    Membership.objects.create(user=provider, alliance=alliance, role="provider").organisations.add(
        organisations[0]
    )
    contacts = []
    for index, organisation in enumerate(organisations):
        partner = Partner.objects.create(alliance=alliance, organisation=organisation)
        contacts.append(
            ContactPerson.objects.create(
                alliance=alliance,
                partner=partner,
                name=f"Fachkraft {index}",
                email=f"f{index}@bench.invalid",
            )
        )
    ContactAccount.objects.create(alliance=alliance, contact=contacts[0], user=provider)
    ContactAccount.objects.create(alliance=alliance, contact=contacts[1], user=coordinator)
    bodies = [Body.objects.create(alliance=alliance, name="Steuerungsgruppe", kind="steering")]
    bodies += [
        Body.objects.create(alliance=alliance, name=f"AG {n}", kind="working_group")
        for n in range(4)
    ]
    bodies.append(
        Body.objects.create(alliance=alliance, name="Leitungsrunde", kind="leaders_round")
    )
    members = {}
    for body in bodies:
        chosen = [*rng.sample(contacts[2:], 6), contacts[0], contacts[1]]
        members[body.pk] = chosen
        BodyMembership.objects.bulk_create(
            [BodyMembership(alliance=alliance, body=body, contact=c, role="member") for c in chosen]
        )
    now = timezone.now()
    start = now - dt.timedelta(days=365 * years)
    meetings, agenda, attendance, minutes, decisions, actions = [], [], [], [], [], []
    decision_numbers: dict[int, int] = {}
    for body_index, body in enumerate(bodies):
        step = 30 if body_index == 0 else 91
        moment = start + dt.timedelta(days=body_index * 3)
        while moment < now + dt.timedelta(days=180):
            meetings.append(
                Meeting(
                    alliance=alliance,
                    body=body,
                    title=f"Sitzung {body.name}",
                    starts_at=moment,
                    ends_at=moment + dt.timedelta(hours=2),
                    status="held" if moment < now else "planned",
                )
            )
            moment += dt.timedelta(days=step)
    Meeting.objects.bulk_create(meetings, batch_size=500)
    meetings = list(Meeting.objects.filter(alliance=alliance))
    for meeting in meetings:
        people = members[meeting.body_id]
        for position in range(4):
            agenda.append(
                AgendaItem(
                    alliance=alliance,
                    meeting=meeting,
                    position=position,
                    title=f"TOP {position}",
                    owner=people[position],
                )
            )
        if meeting.starts_at > now:
            continue
        for person in people:
            attendance.append(
                Attendance(
                    alliance=alliance,
                    meeting=meeting,
                    contact=person,
                    partner_id=person.partner_id,
                    status=rng.choice(["present", "present", "excused"]),
                )
            )
        minutes.append(
            Minutes(
                alliance=alliance,
                meeting=meeting,
                text="## Protokoll\n\nText " * 20,
                status="approved",
                approved_at=meeting.ends_at,
            )
        )
        year = meeting.starts_at.year
        for _n in range(rng.choice((1, 2))):
            decision_numbers[year] = decision_numbers.get(year, 0) + 1
            decisions.append(
                Decision(
                    alliance=alliance,
                    meeting=meeting,
                    year=year,
                    number=decision_numbers[year],
                    text="Beschlossen.",
                )
            )
        for n in range(2):
            due = (meeting.starts_at + dt.timedelta(days=28)).date()
            done = rng.random() < 0.9 and due < now.date() - dt.timedelta(days=60)
            actions.append(
                ActionItem(
                    alliance=alliance,
                    meeting=meeting,
                    body_id=meeting.body_id,
                    title=f"Aufgabe {n}",
                    owner=people[(n + 3) % len(people)],
                    due_on=due,
                    status="done" if done else "open",
                )
            )
    AgendaItem.objects.bulk_create(agenda, batch_size=1000)
    Attendance.objects.bulk_create(attendance, batch_size=1000)
    Minutes.objects.bulk_create(minutes, batch_size=500)
    Decision.objects.bulk_create(decisions, batch_size=1000)
    ActionItem.objects.bulk_create(actions, batch_size=1000)
    rooms = [
        Room.objects.create(alliance=alliance, name=f"Raum {n}", organisation=organisations[n])
        for n in range(3)
    ]
    bookings = []
    day = (now - dt.timedelta(days=365 * min(years, 3))).date()
    while day < (now + dt.timedelta(days=120)).date():
        if day.weekday() < 5:
            for room in rooms:
                begin = timezone.make_aware(dt.datetime.combine(day, dt.time(17)))
                status = "requested" if begin > now and rng.random() < 0.1 else "approved"
                bookings.append(
                    Booking(
                        alliance=alliance,
                        room=room,
                        starts_at=begin,
                        ends_at=begin + dt.timedelta(hours=2),
                        title="Kurs",
                        status=status,
                    )
                )
        day += dt.timedelta(days=1)
    Booking.objects.bulk_create(bookings, batch_size=1000)
    for year in range(now.year - years, now.year + 1):
        for n in range(2):
            pot = services.pot_save(
                alliance=alliance,
                values={
                    "name": f"Topf {year}-{n}",
                    "starts_on": dt.date(year, 1, 1),
                    "ends_on": dt.date(year, 12, 31),
                },
            )
            PotContribution.objects.create(
                alliance=alliance, pot=pot, amount=Decimal("5000"), source="Land"
            )
            project = Project.objects.create(
                alliance=alliance, title=f"Projekt {year}-{n}", goal="Ziel"
            )
            for m in range(5):
                BudgetLine.objects.create(
                    alliance=alliance,
                    project=project,
                    pot=pot,
                    label=f"Position {m}",
                    planned=Decimal("950"),
                )
    counts = {
        "meetings": len(meetings),
        "agenda_items": len(agenda),
        "decisions": len(decisions),
        "action_items": len(actions),
        "open_action_items": sum(a.status == "open" for a in actions),
        "bookings": len(bookings),
    }
    return alliance, {"coordinator": coordinator, "provider": provider}, counts


def measure(requests: int, years: int) -> dict:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test import Client

    from bench.search_bench import summarise
    from familiennetz.governance.models import Meeting

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    alliance, users, counts = build(years)
    build_seconds = round(time.perf_counter() - started, 1)
    meeting = (
        Meeting.objects.filter(alliance=alliance, status="held").order_by("-starts_at").first()
    )
    paths = {
        "dashboard_coordinator": ("coordinator", f"/manage/{alliance.slug}/"),
        "dashboard_provider": ("provider", f"/manage/{alliance.slug}/"),
        "meeting_page": ("coordinator", f"/manage/{alliance.slug}/sitzungen/{meeting.pk}/"),
        "action_list": ("coordinator", f"/manage/{alliance.slug}/aufgaben/?zeigen=offen"),
        "decision_search": ("coordinator", f"/manage/{alliance.slug}/beschluesse/?q=Beschlossen"),
    }
    results = {}
    for name, (role, path) in [
        *paths.items(),
        ("dashboard_governance_only", paths["dashboard_coordinator"]),
    ]:
        if name == "dashboard_governance_only":
            # The same page with only governance's panels: what this app adds to journey 9.
            from familiennetz.workspace import registry

            for part in [*registry.registry.panels, *registry.registry.tiles]:
                if not part.startswith("governance-"):
                    registry.remove(part)
        client = Client(HTTP_HOST="localhost")
        client.force_login(users[role])
        for _ in range(10):
            assert client.get(path).status_code == 200, path
        statements: list[str] = []

        def count(execute, sql, params, many, context, statements=statements):
            statements.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            client.get(path)
        times = []
        for _ in range(requests):
            t0 = time.perf_counter()
            client.get(path)
            times.append(time.perf_counter() - t0)
        reset_queries()
        results[name] = summarise(times) | {
            "queries": len(statements),
            "governance_queries": sum("governance_" in sql for sql in statements),
        }
        if os.environ.get("BENCH_SQL") == name:
            for sql in statements:
                print(sql[:160], file=sys.stderr)
    return {
        "vendor": connection.vendor,
        "counts": counts,
        "build_seconds": build_seconds,
        "results": results,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(measure(args.requests, args.years)))
        return
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "TASKS_BACKEND": "immediate"}
    with tempfile.TemporaryDirectory() as tmp:
        if args.database == "sqlite":
            env["DATABASE_URL"] = f"sqlite:///{Path(tmp) / 'governance.sqlite3'}"
        else:
            subprocess.run(
                [
                    "dropdb",
                    "-h",
                    "127.0.0.1",
                    "-U",
                    "postgres",
                    "--if-exists",
                    "fn_governance_bench",
                ],
                check=True,
            )
            subprocess.run(
                ["createdb", "-h", "127.0.0.1", "-U", "postgres", "fn_governance_bench"], check=True
            )
            env["DATABASE_URL"] = DEFAULT_POSTGRES_URL
        out = subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.governance_bench",
                "--worker",
                "--requests",
                str(args.requests),
                "--years",
                str(args.years),
            ],
            env=env,
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
        )
        if args.database == "postgres":
            subprocess.run(
                [
                    "dropdb",
                    "-h",
                    "127.0.0.1",
                    "-U",
                    "postgres",
                    "--if-exists",
                    "fn_governance_bench",
                ],
                check=False,
            )
    if out.returncode != 0:
        sys.exit(out.stderr[-5000:])
    if os.environ.get("BENCH_SQL"):
        print(out.stderr[-20000:])
    data = json.loads(out.stdout.strip().splitlines()[-1])
    data["machine"] = {"nproc": os.cpu_count(), "loadavg": [round(x, 2) for x in os.getloadavg()]}
    results_dir = REPO / "bench" / "results"
    results_dir.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
    (results_dir / f"governance-{args.database}-{stamp}.json").write_text(
        json.dumps(data, indent=2)
    )
    print(f"{data['vendor']}: {data['counts']} (built in {data['build_seconds']} s)\n")
    print("| page | p50 ms | p95 ms | p99 ms | queries (governance) |")
    print("|---|---:|---:|---:|---:|")
    for name, row in data["results"].items():
        print(
            f"| {name} | {row['p50_ms']} | {row['p95_ms']} | {row['p99_ms']} "
            f"| {row['queries']} ({row['governance_queries']}) |"
        )


if __name__ == "__main__":
    main()
