"""German text handling shared by indexing and querying, for both database backends.

A text becomes a list of *words* (surface forms, stop words dropped); a word becomes a *term*
by folding (lower case, "ä" → "a", "ß" → "ss", "é" → "e") and Snowball-German stemming, so
"Beratungen" and "Beratung" share the term "berat", and "Süd" and "Sud" share "sud".

Compounds get extra words at the end of a text: hyphenated compounds are also written joined
("Eltern-Kind-Gruppe" → "ElternKindGruppe"), and closed compounds made of known parts are
also written split ("Familienzentrum" → "familien zentrum"; parts in data/compound_parts_de.txt).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

import Stemmer

DATA_DIR = Path(__file__).parent / "data"

# A word is a run of letters and digits; everything else (hyphens, quotes, FTS and tsquery
# syntax) separates words, so no user input reaches a query parser unescaped.
WORD_RE = re.compile(r"[^\W_]+")
HYPHENATED_RE = re.compile(r"[^\W_]+(?:-[^\W_]+)+")

MAX_WORD_LENGTH = 60
MIN_COMPOUND_LENGTH = 7
MIN_PART_LENGTH = 3
MIN_UNKNOWN_HEAD_LENGTH = 4
# Linking elements ("Fugen") between the parts of a compound: Erziehung-s-beratung.
LINKING_ELEMENTS = ("s", "es", "n", "en", "er", "e")

_FOLD_EXTRA = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ı": "i"})
_local = threading.local()


def _stemmer() -> Stemmer.Stemmer:
    # PyStemmer objects must not be shared between threads.
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = Stemmer.Stemmer("german")
    return stemmer


def _read_word_list(name: str) -> list[str]:
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Lower case without diacritics: "Straße" → "strasse", "Süd" → "sud", "Café" → "cafe"."""
    decomposed = unicodedata.normalize("NFKD", word.casefold().translate(_FOLD_EXTRA))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=200_000)
def to_term(word: str) -> str:
    """The index term of a word: folded, then stemmed (as PostgreSQL's unaccent + german_stem)."""
    return _stemmer().stemWord(fold(word)[:MAX_WORD_LENGTH])


@cache
def stop_words() -> frozenset[str]:
    return frozenset(fold(word) for word in _read_word_list("stopwords_de.txt"))


@cache
def compound_part_terms() -> frozenset[str]:
    return frozenset(to_term(word) for word in _read_word_list("compound_parts_de.txt"))


def is_content_word(word: str) -> bool:
    """False for stop words and single letters; digits ("3", "09661") are kept."""
    folded = fold(word)
    if len(folded) < 2 and not folded.isdigit():
        return False
    return folded not in stop_words()


def content_words(text: str) -> list[str]:
    """The words of ``text`` that are worth indexing or searching for, in order."""
    return [word for word in WORD_RE.findall(text) if is_content_word(word)]


def _is_known_part(part: str) -> bool:
    return len(part) >= MIN_PART_LENGTH and to_term(part) in compound_part_terms()


def _known_head(part: str) -> str | None:
    """``part`` (or ``part`` without a linking element) if it can start a compound."""
    if _is_known_part(part):
        return part
    for link in LINKING_ELEMENTS:
        if part.endswith(link) and _is_known_part(part[: -len(link)]):
            return part[: -len(link)]
    return None


@lru_cache(maxsize=50_000)
def _cover(word: str) -> tuple[str, ...] | None:
    """Split ``word`` completely into known parts, with as few parts as possible."""
    if _is_known_part(word):
        return (word,)
    best: tuple[str, ...] | None = None
    for end in range(len(word) - MIN_PART_LENGTH, MIN_PART_LENGTH - 1, -1):
        head = _known_head(word[:end])
        rest = _cover(word[end:]) if head else None
        if head and rest and (best is None or len(rest) + 1 < len(best)):
            best = (head, *rest)
    return best


@lru_cache(maxsize=50_000)
def split_compound(word: str) -> tuple[str, ...]:
    """Parts of a closed compound ("Kinderarztpraxis" → kinder, arzt, praxis), else ().

    Every part must be a known part, except a first part of four letters or more followed by
    known parts ("Müllerstraße" → muller, strasse). Parts are folded surface words.
    """
    folded = fold(word)
    if not (MIN_COMPOUND_LENGTH <= len(folded) <= MAX_WORD_LENGTH) or not folded.isalpha():
        return ()
    if _is_known_part(folded):
        return ()
    parts = _cover(folded)
    if parts and len(parts) > 1:
        return parts
    for end in range(MIN_UNKNOWN_HEAD_LENGTH, len(folded) - MIN_UNKNOWN_HEAD_LENGTH + 1):
        rest = _cover(folded[end:])
        if rest:
            return (folded[:end], *rest)
    return ()


def compound_extras(text: str, words: list[str]) -> list[str]:
    """Extra words that make compounds findable by their parts and in their joined form."""
    extras = ["".join(WORD_RE.findall(match)) for match in HYPHENATED_RE.findall(text)]
    for word in words:
        extras.extend(part for part in split_compound(word) if is_content_word(part))
    return extras


def document_words(text: str) -> list[str]:
    """Words to index for ``text``: its content words, then the compound extras."""
    words = content_words(text)
    return words + compound_extras(text, words)
