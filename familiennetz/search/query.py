"""Turn what a parent typed into groups of alternatives (see expressions.py).

For each query word the alternatives are: the word itself, longer words starting with it
(German compounds: "Kinderarzt" → "Kinderarztpraxis"), its compound parts ("Familienzentrum"
→ "Familien" and "Zentrum"), taxonomy synonyms, and, for a word the index does not know,
the closest known word ("Hebame" → "Hebamme"), which also becomes the "did you mean" query.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from . import lexicon
from .expressions import Alternative, Group
from .synonyms import SynonymIndex, synonym_index
from .text import WORD_RE, content_words, fold, split_compound, to_term

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 12
MAX_ALTERNATIVES = 32
MIN_PREFIX_LENGTH = 4


@dataclass
class ParsedQuery:
    groups: list[Group] = field(default_factory=list)
    corrections: dict[str, str] = field(default_factory=dict)  # typed word → corrected word
    suggestion: str | None = None


def clean_query(text: str) -> str:
    text = (text or "")[:MAX_QUERY_LENGTH]
    return "".join(char if char.isprintable() else " " for char in text)


def _unique(words: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for word in words:
        seen.setdefault(to_term(word), word)
    return list(seen.values())


def _is_plural_of(word: str, other: str) -> bool:
    """True for "Kitas" and "Kita": such corrections need no "did you mean"."""
    return fold(word) == fold(other) + "s"


def _closest_known(word: str, alliance_id: int, synonyms: SynonymIndex) -> tuple[str, str] | None:
    """The known (term, word) a word not in the index probably meant; None if it is the
    beginning of a known word ("Kinderarzt" of "Kinderarztpraxis") or nothing is close."""
    folded = fold(word)
    if lexicon.has_word_starting_with(alliance_id, folded):
        return None
    return lexicon.closest_word(alliance_id, folded, extra=synonyms.words)


def _word_group(
    word: str, known: dict[str, str], synonyms: SynonymIndex, alliance_id: int
) -> tuple[Group, str | None]:
    """Alternatives for one query word, and its correction if it looked misspelt."""
    term = to_term(word)
    group = Group()
    # PostgreSQL stems by itself: give it a written form that occurs in the index if known.
    group.add(Alternative(words=(known.get(term, word),), terms=(term,)))
    if len(term) >= MIN_PREFIX_LENGTH:
        group.add(Alternative(words=(word,), terms=(term,), prefix=True))
    expansions = synonyms.expand((term,))
    correction = None
    corrected: list[Alternative] = []
    if term not in known and not expansions:
        closest = _closest_known(word, alliance_id, synonyms)
        if closest:
            corrected_term, correction = closest
            corrected = [Alternative(words=(correction,), terms=(corrected_term,))]
            corrected += synonyms.expand((corrected_term,))
    parts = split_compound(word)
    if not parts and term not in known and not correction:
        # "Babyschwimmen": split into words the index knows ("Baby" + "Schwimmen").
        parts = lexicon.split_by_lexicon(alliance_id, fold(word))
    if parts:
        terms = tuple(map(to_term, parts))
        group.add(Alternative(words=parts, terms=terms, phrase=False, prefix=True))
        for member in synonyms.expand(terms[-1:]):  # the head: "Wald|kindergarten" → Kita
            if len(member.terms) == 1 and len(terms) > 1:
                group.add(
                    Alternative(
                        words=(*parts[:-1], *member.words),
                        terms=(*terms[:-1], *member.terms),
                        phrase=False,
                        prefix=True,
                        direct=False,
                    )
                )
    for member in [*expansions, *corrected]:
        group.add(member)
    group.alternatives = group.alternatives[:MAX_ALTERNATIVES]
    return group, correction


def parse_query(
    *, alliance_id: int, text: str, synonyms_of: Callable[[], SynonymIndex] | None = None
) -> ParsedQuery:
    """``synonyms_of``: where the alliance's synonyms come from (default: the database;
    search_offers passes the per-alliance cache)."""
    text = clean_query(text)
    words = _unique(content_words(text))[:MAX_QUERY_WORDS]
    if not words:
        return ParsedQuery()
    terms = [to_term(word) for word in words]
    synonyms = synonyms_of() if synonyms_of else synonym_index(alliance_id)
    known = lexicon.known_terms(alliance_id, terms)

    parsed = ParsedQuery()
    position = 0
    while position < len(words):
        length = synonyms.longest_match(terms, position)
        if length:  # a multi-word synonym such as "Allgemeiner Sozialer Dienst"
            span = slice(position, position + length)
            group = Group()
            group.add(Alternative(words=tuple(words[span]), terms=tuple(terms[span])))
            for member in synonyms.expand(tuple(terms[span])):
                group.add(member)
            group.alternatives = group.alternatives[:MAX_ALTERNATIVES]
            position += length
        else:
            group, correction = _word_group(words[position], known, synonyms, alliance_id)
            if correction and not _is_plural_of(words[position], correction):
                parsed.corrections[words[position]] = correction
            position += 1
        parsed.groups.append(group)

    if parsed.corrections:
        parsed.suggestion = " ".join(
            parsed.corrections.get(word, word) for word in WORD_RE.findall(text)
        )
    return parsed
