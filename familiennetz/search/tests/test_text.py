"""Folding, stemming, stop words and compounds (no database)."""

import pytest

from familiennetz.search.text import (
    content_words,
    document_words,
    fold,
    split_compound,
    to_term,
)


@pytest.mark.parametrize(
    ("written", "folded"),
    [("Straße", "strasse"), ("Süd", "sud"), ("Elterncafé", "elterncafe"), ("ØRESUND", "oresund")],
)
def test_fold_removes_case_umlauts_and_sharp_s(written, folded):
    assert fold(written) == folded


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Beratungen", "Beratung"),
        ("Spielplätze", "Spielplatz"),
        ("Straße", "Strasse"),
        ("Süd", "Sud"),
        ("Kindergärten", "Kindergarten"),
    ],
)
def test_inflected_and_folded_words_share_a_term(one, other):
    assert to_term(one) == to_term(other)


def test_stop_words_and_single_letters_are_not_content_words():
    assert content_words("Die Beratung für Eltern und Kinder in der Stadt: U 3") == [
        "Beratung",
        "Eltern",
        "Kinder",
        "Stadt",
        "3",
    ]


@pytest.mark.parametrize(
    ("compound", "parts"),
    [
        ("Familienzentrum", ("familien", "zentrum")),
        ("Kinderarztpraxis", ("kinder", "arzt", "praxis")),
        ("Abenteuerspielplatz", ("abenteuer", "spiel", "platz")),
        ("Müllerstraße", ("muller", "strasse")),
    ],
)
def test_closed_compounds_split_into_known_parts(compound, parts):
    assert split_compound(compound) == parts


@pytest.mark.parametrize("word", ["Familie", "Sonnenschein", "Trennung", "Kita", "12345678"])
def test_simple_words_are_not_split(word):
    assert split_compound(word) == ()


def test_document_words_append_joined_hyphen_compounds_and_compound_parts():
    words = document_words("Eltern-Kind-Gruppe im Familienzentrum")
    assert words[:4] == ["Eltern", "Kind", "Gruppe", "Familienzentrum"]
    assert words[4:] == ["ElternKindGruppe", "familien", "zentrum"]
