"""Issue 16: compounds split with the lexicon, typed words above synonyms, crisis words,
and the same understanding for short texts outside the index (the calendar's events)."""

import pytest

from familiennetz.directory.tests import factories as f
from familiennetz.search.api import search_offers, text_matcher
from familiennetz.search.crisis import is_crisis_query
from familiennetz.search.lexicon import split_by_lexicon

from .conftest import names


@pytest.fixture
def swimming(alliance, committed):
    with committed():
        return {
            "baby": f.OfferFactory(
                alliance=alliance,
                name="Eltern-Kind-Schwimmen",
                summary="Wassergewöhnung für Babys und Kleinkinder mit einem Elternteil.",
            ),
            "kids": f.OfferFactory(
                alliance=alliance, name="Schwimmkurs Seepferdchen", summary="Für Kinder ab fünf."
            ),
            "massage": f.OfferFactory(
                alliance=alliance, name="Babymassage", summary="Für Eltern mit Babys."
            ),
        }


def test_a_compound_nobody_wrote_finds_offers_with_both_parts(alliance, swimming):
    assert names(alliance, "Babyschwimmen") == ["Eltern-Kind-Schwimmen"]
    result = search_offers(alliance=alliance, query="Babyschwimmen")
    assert result.suggestion is None  # split, not "corrected" into another word


def test_lexicon_split_uses_only_indexed_words(alliance, swimming):
    search_offers(alliance=alliance, query="Schwimmen")  # indexes what is missing
    assert "zauber" not in split_by_lexicon(alliance.pk, "zauberschwimmen")
    assert split_by_lexicon(alliance.pk, "baby") == ()


def test_typo_in_a_compound_is_still_corrected(alliance, swimming):
    result = search_offers(alliance=alliance, query="Babymasage")
    assert result.suggestion and "Babymassage" in result.suggestion


@pytest.mark.parametrize(
    "query",
    ["Trennung", "trennungsberatung", "Schulden", "Schreibaby", "Oma gestorben", "Gewalt", "Sucht"],
)
def test_crisis_words_are_recognised(query):
    assert is_crisis_query(query)


@pytest.mark.parametrize("query", ["Krabbelgruppe", "Schwimmen", "Kita", "", "Schule"])
def test_everyday_words_are_no_crisis(query):
    assert not is_crisis_query(query)


def test_crisis_flag_is_on_the_result(alliance, swimming):
    assert search_offers(alliance=alliance, query="Trennung").crisis
    assert not search_offers(alliance=alliance, query="Schwimmen").crisis


def test_text_matcher_understands_stems_and_compounds(alliance, swimming):
    matches = text_matcher(alliance=alliance, query="Babyschwimmen")
    assert matches("Schwimmen für Babys im warmen Becken")
    assert not matches("Schwimmen für Schulkinder")
    assert text_matcher(alliance=alliance, query="Wassergewöhnung")(
        "Wassergewöhnung für Kleinkinder"
    )
    assert text_matcher(alliance=alliance, query="und") is None
