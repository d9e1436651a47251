"""Both backends compile the same query safely and rank the test corpus alike.

The whole suite runs on SQLite and on PostgreSQL (DATABASE_URL); the expected orders below
are therefore the same for both.
"""

import pytest
from django.db import connection

from familiennetz.search.backends import get_backend, postgresql, sqlite
from familiennetz.search.expressions import Alternative, Group

from .conftest import names

GROUPS = [
    Group(
        [
            Alternative(words=("Kinderärzte",), terms=("kinderarzt",)),
            Alternative(words=("Kinderärzte",), terms=("kinderarzt",), prefix=True),
            Alternative(words=("kinder", "arzte"), terms=("kind", "arzt"), phrase=False),
        ]
    ),
    Group([Alternative(words=("Allgemeiner", "Dienst"), terms=("allgemein", "dien"))]),
]


def test_sqlite_query_quotes_every_term():
    assert sqlite.compile_query(GROUPS, require_all=True) == (
        '("kinderarzt" OR "kinderarzt"* OR ("kind" AND "arzt")) AND ("allgemein dien")'
    )


def test_sqlite_query_escapes_double_quotes_in_terms():
    groups = [Group([Alternative(words=('a"b',), terms=('a"b',))])]
    assert sqlite.compile_query(groups, require_all=True) == '("a""b")'


def test_postgresql_query_quotes_every_word():
    assert postgresql.compile_query(GROUPS, require_all=False) == (
        "('Kinderärzte' | 'Kinderärzte':* | ('kinder' & 'arzte')) | (('Allgemeiner' <-> 'Dienst'))"
    )


def test_postgresql_query_drops_quotes_and_backslashes_from_words():
    groups = [Group([Alternative(words=("a'b\\c",), terms=("abc",))])]
    assert postgresql.compile_query(groups, require_all=True) == "('abc')"


def test_backend_follows_the_database_in_use():
    expected = postgresql if connection.vendor == "postgresql" else sqlite
    assert get_backend() is expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Kinderarzt", ["Kinderarztpraxis Dr. Lange", "Praxis Dr. Yilmaz"]),
        ("Kindergarten", ["Kindergarten Pusteblume", "Kita Sonnenschein"]),
        ("Kindergärten", ["Kindergarten Pusteblume", "Kita Sonnenschein"]),
        ("Kita", ["Kita Sonnenschein", "Kindergarten Pusteblume"]),
        ("Krippe", ["Kita Sonnenschein", "Kindergarten Pusteblume"]),
        ("Familienzentrum", ["Familienzentrum Süd", "Zentrum für Familien und Nachbarschaft"]),
        ("Zentrum", ["Zentrum für Familien und Nachbarschaft", "Familienzentrum Süd"]),
        ("Eltern", ["Beratung für Eltern", "Zwergentreff", "Familienzentrum Süd"]),
        ("Treff", ["Zwergentreff", "Familienzentrum Süd"]),
        ("Praxis", ["Praxis Dr. Yilmaz", "Kinderarztpraxis Dr. Lange"]),
        ("Markt", ["Beratung für Eltern", "Familienzentrum Süd"]),
        ("Hebame Geburt", ["Hebamme Anja Krause"]),
        ("Elterncafe", ["Familienzentrum Süd"]),
    ],
)
def test_both_backends_give_the_same_top_results(alliance, corpus, query, expected):
    assert names(alliance, query) == expected
