"""What parents find: stemming, folding, synonyms, compounds, typos and ranking."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from familiennetz.core.tests.sql import statements
from familiennetz.directory.models import Status
from familiennetz.search.api import search_offers

from .conftest import names


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Beratungen", "Beratung für Eltern"),
        ("Spielplätze", "Spielplatz am Teich"),
        ("Familienzentrum Sud", "Familienzentrum Süd"),
        ("familienzentrum SÜD", "Familienzentrum Süd"),
        ("Familienzentrum Sued", "Familienzentrum Süd"),
        ("Strasse des Friedens", "Zwergentreff"),  # at "Straße des Friedens 5"
    ],
)
def test_inflected_and_folded_queries_find_the_offer_first(alliance, corpus, query, expected):
    assert names(alliance, query)[0] == expected


def test_query_for_a_synonym_finds_offers_in_that_category(alliance, corpus):
    # "Krabbelgruppe" is a synonym of the category "Eltern-Kind-Gruppe".
    assert names(alliance, "Krabbelgruppe") == ["Zwergentreff"]


def test_query_for_a_synonym_also_finds_offers_that_use_the_category_name(alliance, corpus):
    assert set(names(alliance, "Kindergarten")) == {"Kindergarten Pusteblume", "Kita Sonnenschein"}


def test_query_for_a_category_name_finds_offers_that_use_a_synonym(alliance, corpus):
    # "Kindergarten Pusteblume" has no category; "Kindergarten" is a synonym of "Kita".
    assert set(names(alliance, "Kita")) == {"Kita Sonnenschein", "Kindergarten Pusteblume"}


def test_multi_word_synonym_is_matched_as_a_phrase(alliance, corpus):
    # "Mutter-Kind-Gruppe" is a synonym of "Eltern-Kind-Gruppe".
    assert names(alliance, "Mutter-Kind-Gruppe") == ["Zwergentreff"]


def test_beginning_of_a_compound_finds_the_compound(alliance, corpus):
    found = names(alliance, "Kinderarzt")
    assert set(found) == {"Kinderarztpraxis Dr. Lange", "Praxis Dr. Yilmaz"}


def test_compound_query_finds_its_parts_written_apart(alliance, corpus):
    found = names(alliance, "Familienzentrum")
    assert found[0] == "Familienzentrum Süd"
    assert "Zentrum für Familien und Nachbarschaft" in found


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Arzt", "Kinderarztpraxis Dr. Lange"), ("Zentrum", "Familienzentrum Süd")],
)
def test_part_of_a_compound_finds_the_compound(alliance, corpus, query, expected):
    assert expected in names(alliance, query)


@pytest.mark.parametrize(
    ("query", "expected", "suggestion"),
    [
        ("Hebame", "Hebamme Anja Krause", "Hebamme"),
        ("Beratnug", "Beratung für Eltern", "Beratung"),
        ("Hebame Krause", "Hebamme Anja Krause", "Hebamme Krause"),
        ("Krabelgruppe", "Zwergentreff", "Krabbelgruppe"),  # a synonym, not in any offer
    ],
)
def test_misspelt_word_is_corrected_and_suggested(alliance, corpus, query, expected, suggestion):
    result = search_offers(alliance=alliance, query=query)
    assert names(alliance, query)[0] == expected
    assert result.suggestion == suggestion


def test_corrected_terms_map_typed_to_corrected_words(alliance, corpus):
    result = search_offers(alliance=alliance, query="Hebame")
    assert result.corrected_terms == {"Hebame": "Hebamme"}


@pytest.mark.parametrize("query", ["Hebamme", "Kinderarzt", "Beratungen", "Kitas", "Krabbelgruppe"])
def test_known_words_and_beginnings_of_words_get_no_suggestion(alliance, corpus, query):
    assert search_offers(alliance=alliance, query=query).suggestion is None


def test_unknown_word_without_close_match_finds_nothing(alliance, corpus):
    result = search_offers(alliance=alliance, query="Xylophon")
    assert result.offer_ids == []
    assert result.suggestion is None


def test_all_words_must_match(alliance, corpus):
    assert names(alliance, "Hebamme Krause") == ["Hebamme Anja Krause"]
    assert search_offers(alliance=alliance, query="Hebamme Krause").is_partial is False


def test_offers_matching_some_words_are_a_partial_result_when_none_match_all(alliance, corpus):
    result = search_offers(alliance=alliance, query="Hebamme Zwergentreff")
    assert set(names(alliance, "Hebamme Zwergentreff")) == {"Hebamme Anja Krause", "Zwergentreff"}
    assert result.is_partial is True


def test_search_runs_a_fixed_handful_of_queries(alliance, corpus):
    with CaptureQueriesContext(connection) as captured:
        search_offers(alliance=alliance, query="Beratung Eltern")
    # Missing-offer check (2), synonyms (1), known words (1), matching (1); PostgreSQL adds
    # a savepoint around the match.
    assert len(statements(captured)) == 5


def test_drafts_are_returned_for_the_caller_to_filter(alliance, corpus, offer_factory, committed):
    with committed():
        offer_factory(alliance=alliance, name="Entwurf Babyschwimmen", status=Status.DRAFT)
    assert names(alliance, "Babyschwimmen") == ["Entwurf Babyschwimmen"]


@pytest.fixture
def wichtel(
    alliance, committed, offer_factory, category_factory, organisation_factory, location_factory
):
    """The word "Wichtel" in a different field of each offer."""
    with committed():
        offer_factory(alliance=alliance, name="Singen", summary="Lieder über Wichtel.")
        offer_factory(
            alliance=alliance,
            name="Tanzen",
            locations=[location_factory(alliance=alliance, name="Haus Wichtel")],
        )
        offer_factory(
            alliance=alliance,
            name="Basteln",
            organisation=organisation_factory(alliance=alliance, name="Wichtel e.V."),
        )
        offer_factory(
            alliance=alliance,
            name="Turnen",
            categories=[category_factory(alliance=alliance, name="Wichtel")],
        )
        offer_factory(alliance=alliance, name="Wichtel")


def test_ranking_is_name_then_category_then_organisation_or_place_then_description(
    alliance, wichtel
):
    found = names(alliance, "Wichtel")
    assert found[0] == "Wichtel"
    assert found[1] == "Turnen"
    assert set(found[2:4]) == {"Basteln", "Tanzen"}
    assert found[4] == "Singen"


def test_deleting_an_alliance_drops_its_index_in_bulk(alliance, other_alliance, offer_factory):
    from familiennetz.search.api import reindex_alliance, search_offers
    from familiennetz.search.models import SearchDocument, SearchTerm

    for i in range(3):
        offer_factory(alliance=alliance, name=f"Krabbelgruppe {i}")
    kept = offer_factory(alliance=other_alliance, name="Krabbelgruppe Prohlis")
    reindex_alliance(alliance=alliance)
    reindex_alliance(alliance=other_alliance)
    alliance.delete()
    assert not SearchDocument.objects.filter(alliance_id=alliance.pk).exists()
    assert not SearchTerm.objects.filter(alliance_id=alliance.pk).exists()
    assert search_offers(alliance=other_alliance, query="Krabbelgruppe").offer_ids == [kept.pk]
