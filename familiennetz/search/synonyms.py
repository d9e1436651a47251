"""Synonyms from the alliance's taxonomy: each category is a group of words that mean alike.

A category "Kita" with synonyms "Kindergarten" and "Krippe" makes a query for any of
"Kita", "Kindergarten" or "Krippe" also search for the others. Names joined by "&" count
part by part ("Trennung & Scheidung" → "Trennung", "Scheidung").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .expressions import Alternative
from .sources import source
from .text import content_words, fold, to_term

NAME_PARTS_RE = re.compile(r"\s*(?:&|/|,|\bund\b)\s*")
MAX_PHRASE_WORDS = 4


def phrase(text: str) -> Alternative | None:
    words = tuple(content_words(text))
    if not words:
        return None
    return Alternative(words=words, terms=tuple(to_term(word) for word in words), direct=False)


@lru_cache(maxsize=4096)
def category_members(name: str, synonyms: str) -> tuple[Alternative, ...]:
    texts = [name, *NAME_PARTS_RE.split(name), *synonyms.replace(",", "\n").splitlines()]
    # "Erziehungs- & Familienberatung": the dangling "Erziehungs-" is not a word of its own.
    texts = [text for text in texts if text.strip() and not text.strip().endswith("-")]
    members = {alt.key: alt for alt in map(phrase, texts) if alt}
    return tuple(members.values())


@dataclass
class SynonymIndex:
    groups: list[tuple[Alternative, ...]] = field(default_factory=list)
    by_terms: dict[tuple[str, ...], list[int]] = field(default_factory=dict)
    # folded word → (written form, term): typo correction may also land on a synonym
    words: dict[str, tuple[str, str]] = field(default_factory=dict)

    def add_group(self, members: tuple[Alternative, ...]) -> None:
        index = len(self.groups)
        self.groups.append(members)
        for member in members:
            if len(member.terms) <= MAX_PHRASE_WORDS:
                self.by_terms.setdefault(member.terms, []).append(index)
            for term, word in zip(member.terms, member.words, strict=True):
                self.words.setdefault(fold(word), (word, term))

    def expand(self, terms: tuple[str, ...]) -> list[Alternative]:
        """All members of the groups that contain ``terms`` (empty if none)."""
        return [m for index in self.by_terms.get(terms, []) for m in self.groups[index]]

    def longest_match(self, terms: list[str], start: int) -> int:
        """Number of query terms from ``start`` that form a multi-word synonym (0 if none)."""
        for length in range(min(MAX_PHRASE_WORDS, len(terms) - start), 1, -1):
            if tuple(terms[start : start + length]) in self.by_terms:
                return length
        return 0


def synonym_index(alliance_id: int) -> SynonymIndex:
    index = SynonymIndex()
    for name, synonyms in source().synonyms(alliance_id):
        index.add_group(category_members(name, synonyms))
    return index
