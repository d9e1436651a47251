"""Odd input never raises: syntax characters, huge, empty and stop-word-only queries."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from familiennetz.core.tests.examples import examples
from familiennetz.search.api import search_offers
from familiennetz.search.query import MAX_QUERY_WORDS, parse_query

from .conftest import names

NASTY_QUERIES = [
    "",
    "   ",
    "\x00",
    "Hebamme\x00",
    '"',
    '"Hebamme',
    "*",
    "Hebamme*",
    "(",
    "Hebamme)",
    "NEAR",
    "NEAR(Hebamme Krause, 2)",
    "AND",
    "Hebamme AND OR NOT",
    "'",
    "Hebamme'; DROP TABLE search_offer_fts;--",
    ";--",
    "name:Hebamme",
    "{name}: Hebamme",
    "^Hebamme",
    "Hebamme & | ! <-> :*",
    "\\",
    "%_%",
    "ünïcödé ßß ﬁ ½",
    "مرحبا Привет 你好",
    "🙂👶",
]


def search_errors(caplog) -> list[str]:
    """search_offers logs and swallows database errors; the tests want to see none."""
    return [r.getMessage() for r in caplog.records if r.name.startswith("familiennetz.search")]


@pytest.mark.parametrize("query", NASTY_QUERIES)
def test_syntax_characters_and_odd_input_never_raise(alliance, corpus, caplog, query):
    result = search_offers(alliance=alliance, query=query)
    assert isinstance(result.offer_ids, list)
    assert search_errors(caplog) == []


def test_syntax_characters_are_ignored_around_real_words(alliance, corpus):
    for query in ['"Hebamme"', "Hebamme*", "(Hebamme)", "Hebamme'; --", "NEAR(Hebamme)"]:
        assert names(alliance, query) == ["Hebamme Anja Krause"], query


@pytest.mark.parametrize("query", ["", "   ", "\t\n", "und der die das", "für mit von"])
def test_empty_and_stop_word_queries_find_nothing(alliance, corpus, query):
    result = search_offers(alliance=alliance, query=query)
    assert result.offer_ids == []
    assert result.suggestion is None


def test_very_long_query_is_truncated_and_still_searches(alliance, corpus):
    query = "Hebamme " + "Vorsorge " * 5000
    assert names(alliance, query) == ["Hebamme Anja Krause"]


def test_query_uses_at_most_twelve_words(alliance, corpus):
    words = " ".join(f"Wort{n}" for n in range(50))
    assert len(parse_query(alliance_id=alliance.pk, text=words).groups) == MAX_QUERY_WORDS


@settings(
    max_examples=examples(150),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(query=st.text(max_size=300))
def test_random_text_never_raises(alliance, corpus, caplog, query):
    result = search_offers(alliance=alliance, query=query)
    assert len(result.offer_ids) == len(set(result.offer_ids))
    assert search_errors(caplog) == []
