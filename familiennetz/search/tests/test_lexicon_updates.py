"""The lexicon keeps exact document counts and is updated in batches, one statement per word
and batch, each finding its row through the unique (alliance, folded word) index."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from familiennetz.search import lexicon
from familiennetz.search.models import SearchTerm

TERM_TABLE = SearchTerm._meta.db_table


def count(alliance, folded: str) -> int | None:
    row = SearchTerm.objects.filter(alliance=alliance, folded=folded).first()
    return row.document_count if row else None


def lexicon_writes(queries) -> list[str]:
    return [
        q["sql"]
        for q in queries
        if TERM_TABLE in q["sql"] and not q["sql"].lstrip().upper().startswith("SELECT")
    ]


def test_counts_go_up_and_down_and_unused_words_are_forgotten(alliance, other_alliance):
    lexicon.apply_counts(alliance.pk, {"strasse": 2, "kita": 1}, {"strasse": "Straße"})
    lexicon.apply_counts(other_alliance.pk, {"strasse": 1}, {"strasse": "Strasse"})
    assert count(alliance, "strasse") == 2
    assert SearchTerm.objects.get(alliance=alliance, folded="strasse").word == "Straße"

    lexicon.apply_counts(alliance.pk, {"strasse": -1, "kita": -1}, {})
    assert count(alliance, "strasse") == 1
    assert count(alliance, "kita") is None  # no document uses it any more
    assert count(other_alliance, "strasse") == 1  # another alliance's word is untouched

    lexicon.remove_words(alliance.pk, ["strasse", "unbekannt"])  # unknown words: no error
    assert count(alliance, "strasse") is None


def test_saving_many_offers_in_one_transaction_updates_each_word_once(
    alliance, offer_factory, committed
):
    with CaptureQueriesContext(connection) as queries, committed():
        for number in range(25):
            offer_factory(alliance=alliance, name=f"Krabbelgruppe Regenbogen {number}")
    # One batch for the commit: not one INSERT/UPDATE round per saved offer.
    assert len(lexicon_writes(queries.captured_queries)) <= 3
    assert count(alliance, "krabbelgruppe") == 25
    assert count(alliance, "regenbogen") == 25


@pytest.mark.postgres
def test_lexicon_statements_use_the_unique_index_without_statistics(alliance):
    """Regression: ``folded IN (…)`` was planned as a scan over all of an alliance's terms
    (through the (alliance, length) index) while the table had no statistics yet, as in tests
    and right after a bulk load; with many offers indexed in one transaction that was
    quadratic and ran for minutes."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL query plans")
    lexicon.apply_counts(alliance.pk, {f"wort{n}": 1 for n in range(3000)}, {})
    statements = {
        lexicon.decrement_sql(): [1, 1, alliance.pk, "wort7"],
        lexicon.delete_unused_sql(): [alliance.pk, "wort7"],
    }
    with connection.cursor() as cursor:
        for sql, params in statements.items():
            cursor.execute("EXPLAIN " + sql, params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            assert "searchterm_unique_word" in plan, plan
