"""The crisis lexicon: queries of a family in crisis ("Trennung", "Schulden", "Schreibaby").

The results page then shows the emergency numbers and puts counselling first (the directory
decides what counselling is). Words in data/crisis_de.txt, compared as index terms; a
compound counts when it starts with a crisis word ("Trennungsberatung").
"""

from __future__ import annotations

from functools import cache

from .text import _read_word_list, content_words, fold, split_compound, to_term

MIN_PREFIX_LENGTH = 5


@cache
def crisis_terms() -> frozenset[str]:
    return frozenset(to_term(word) for word in _read_word_list("crisis_de.txt"))


def is_crisis_query(text: str) -> bool:
    terms = crisis_terms()
    for word in content_words(text or ""):
        folded = fold(word)
        if to_term(word) in terms or any(to_term(part) in terms for part in split_compound(word)):
            return True
        if any(len(term) >= MIN_PREFIX_LENGTH and folded.startswith(term) for term in terms):
            return True
    return False
