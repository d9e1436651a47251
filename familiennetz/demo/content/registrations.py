"""Demo sign-ups, so that the registration panel and the participant list (admin) show
something: the parents' evening is half full, the first date of the toddler swimming course is
booked out with two families on the waiting list. Fictional people at ``demo.invalid`` (a
domain that can never receive mail, RFC 2606); created as rows, so seeding sends no e-mail.
"""

from __future__ import annotations

import datetime as dt
import random

from familiennetz.events.models import Event, Registration

FIRST_NAMES = [
    "Anna", "Lukas", "Mia", "Jonas", "Lea", "Felix", "Emma", "Paul", "Hannah", "Ben",
    "Olena", "Yusuf", "Amira", "Dmytro", "Sophie", "Karim", "Marie", "Tim", "Lina", "Noah",
]  # fmt: skip
SURNAMES = [
    "Müller", "Schmidt", "Fischer", "Weber", "Wagner", "Becker", "Hoffmann", "Schulz",
    "Koch", "Richter", "Kovalenko", "Yılmaz", "Haddad", "Nguyen", "Lehmann", "Krause",
]  # fmt: skip
NOTES = ["", "", "", "Kinder 4 und 7 Jahre", "Bitte Kinderbetreuung", "Wir kommen etwas später."]

State = Registration.State


def _person(rng: random.Random, used: set[str]) -> tuple[str, str]:
    while True:
        first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
        email = f"{first}.{last}@demo.invalid".lower().replace("ı", "i")
        if email not in used:
            used.add(email)
            return f"{first} {last}", email


def _sign_ups(occurrence, rng, *, places: list[tuple[int, int]], waiting: list[tuple[int, int]]):
    """Confirmed registrations with the given (adults, children), then waiting ones."""
    used: set[str] = set()
    rows = []
    confirmed_at = occurrence.starts_at - dt.timedelta(days=10)
    for state, groups in ((State.CONFIRMED, places), (State.WAITING, waiting)):
        for adults, children in groups:
            name, email = _person(rng, used)
            confirmed_at += dt.timedelta(hours=rng.randint(2, 20))
            rows.append(
                Registration(
                    alliance_id=occurrence.alliance_id,
                    occurrence=occurrence,
                    name=name,
                    email=email,
                    adults=adults,
                    children=children,
                    note=rng.choice(NOTES),
                    language="en" if rng.random() < 0.15 else "de",
                    state=state,
                    confirmed_at=min(confirmed_at, occurrence.starts_at),
                )
            )
    Registration.objects.bulk_create(rows)
    return len(rows)


def install_demo_registrations(*, alliance, now: dt.datetime) -> int:
    """Sign-ups for the demo events that take registrations; returns how many."""
    rng = random.Random(f"registrations-{alliance.slug}")
    created = 0
    for event in Event.objects.for_alliance(alliance).filter(requires_registration=True):
        first = event.occurrences.filter(starts_at__gt=now).order_by("starts_at").first()
        if first is None or event.capacity is None:
            continue
        if event.capacity >= 20:  # the parents' evening: about half full
            groups = [(rng.choice([1, 1, 2]), 0) for _ in range(event.capacity // 3)]
            created += _sign_ups(first, rng, places=groups, waiting=[])
        else:  # the swimming course: booked out, two families waiting
            groups = [(1, 1)] * (event.capacity // 2)
            created += _sign_ups(first, rng, places=groups, waiting=[(1, 1), (1, 2)])
    return created
