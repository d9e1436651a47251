"""The search evaluation set (familiennetz/search/tests/eval_queries.yaml) on the demo data.

Each query names the offers a parent hopes to see first. The mean precision@3 and the mean
reciprocal rank (first relevant offer within ten) may only go up: raise the floors below when
the search gets better (docs/dev/search.md has the history).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection, transaction

from familiennetz.alliances.models import Alliance, StateOffice
from familiennetz.demo.content.reports import remove_generated
from familiennetz.directory.selectors import offer_search

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("seeded")]

EVAL_FILE = Path(__file__).resolve().parents[2] / "search" / "tests" / "eval_queries.yaml"
# Before issue 16: precision@3 0.783, MRR 0.884 (82 queries); see docs/dev/search.md.
# The two engines rank ties differently: floors as recorded on each (they may only go up).
# (precision@3, MRR). PostgreSQL's MRR went from 0.951 to 0.945 when the search documents took in
# the offers' translated texts (issue 14): more words per document dilute its ranking a little.
FLOORS = {"sqlite": (0.82, 0.93), "postgresql": (0.81, 0.94)}
MIN_QUERIES = 60


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        offices = set(StateOffice.objects.values_list("pk", flat=True))
        users = set(get_user_model().objects.values_list("pk", flat=True))
        call_command("seed_demo", "--quiet")
        yield
        # The seed outlives this module's transactions: remove all of it, or later tests on
        # this worker meet a demo state office and demo users.
        with transaction.atomic():
            Alliance.objects.filter(slug__in=["hainichen", "prohlis"]).delete()
            remove_generated()  # the state office's generated demo networks
            StateOffice.objects.exclude(pk__in=offices).delete()
            get_user_model().objects.exclude(pk__in=users).delete()


def load_cases() -> list[dict]:
    return yaml.safe_load(EVAL_FILE.read_text(encoding="utf-8"))


def score(cases: list[dict]) -> tuple[float, float, list[tuple[str, float, float, list[str]]]]:
    """(mean precision@3, mean reciprocal rank, per-query rows)."""
    alliances = {slug: Alliance.objects.get(slug=slug) for slug in {c["alliance"] for c in cases}}
    rows = []
    for case in cases:
        outcome = offer_search(alliance=alliances[case["alliance"]], filters={"q": case["q"]})
        slugs = [offer.slug for offer in outcome.offers[:10]]
        expected = set(case["expect"])
        hits = sum(slug in expected for slug in slugs[:3])
        precision = hits / min(3, len(expected))
        rank = next((i for i, slug in enumerate(slugs, 1) if slug in expected), None)
        rows.append((case["q"], precision, 1 / rank if rank else 0.0, slugs[:3]))
    count = len(rows)
    return sum(r[1] for r in rows) / count, sum(r[2] for r in rows) / count, rows


def test_the_evaluation_set_scores_at_least_the_recorded_floor(db):
    cases = load_cases()
    assert len(cases) >= MIN_QUERIES
    slugs = {(c["alliance"], s) for c in cases for s in c["expect"]}
    known = {
        (a.slug, s)
        for a in Alliance.objects.filter(slug__in={a for a, _ in slugs})
        for s in a.offers.values_list("slug", flat=True)
    }
    assert slugs <= known, f"expected offers missing in the demo data: {sorted(slugs - known)}"
    precision, mrr, rows = score(cases)
    report = "\n".join(f"{p:.2f} {rr:.2f} {q!r} → {top}" for q, p, rr, top in rows if p < 1)
    print(f"\nprecision@3 {precision:.3f}  MRR {mrr:.3f}  ({len(rows)} queries)\n{report}")
    floor_precision, floor_mrr = FLOORS[connection.vendor]
    assert precision >= floor_precision, report
    assert mrr >= floor_mrr, report
