"""The lexicon: which words an alliance's index holds, in how many documents.

It answers "is this query word known?", finds the closest known word for a misspelt one
("Hebame" → "Hebamme", "Beratnug" → "Beratung") and gives the written form for "did you mean".
Words are compared folded ("strasse"), so umlauts and case never count as typos.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from django.db.models import F
from rapidfuzz import process
from rapidfuzz.distance import OSA

from .backends import get_backend
from .models import MAX_TERM_LENGTH, SearchTerm
from .text import to_term

MIN_CORRECTION_LENGTH = 4
LONG_WORD_LENGTH = 8


def max_edits(folded: str) -> int:
    """Edits allowed when correcting a word: none for short words, two for long ones."""
    if len(folded) < MIN_CORRECTION_LENGTH or not folded.isalpha():
        return 0
    return 1 if len(folded) < LONG_WORD_LENGTH else 2


def known_terms(alliance_id: int, terms: Iterable[str]) -> dict[str, str]:
    """The given index terms that occur in the alliance's index, with a written form."""
    rows = SearchTerm.objects.filter(alliance_id=alliance_id, term__in=set(terms))
    return dict(rows.values_list("term", "word"))


def has_word_starting_with(alliance_id: int, folded: str) -> bool:
    # A range instead of LIKE, so SQLite and PostgreSQL both use the (alliance, folded) index.
    return SearchTerm.objects.filter(
        alliance_id=alliance_id, folded__gte=folded, folded__lt=folded + "\U0010ffff"
    ).exists()


def closest_word(
    alliance_id: int, folded: str, extra: Mapping[str, tuple[str, str]] | None = None
) -> tuple[str, str] | None:
    """(term, written form) of the known word nearest to ``folded``: fewest edits, then
    most documents. ``extra`` adds words that need not be indexed (synonyms):
    folded word → (written form, term)."""
    limit = max_edits(folded)
    if not limit:
        return None
    rows = get_backend().similar_words(alliance_id=alliance_id, folded=folded, max_distance=limit)
    indexed = {row[0] for row in rows}
    rows += [
        (other, word, term, 0)
        for other, (word, term) in (extra or {}).items()
        if other not in indexed and abs(len(other) - len(folded)) <= limit
    ]
    matches = process.extract(
        folded, [row[0] for row in rows], scorer=OSA.distance, score_cutoff=limit, limit=None
    )
    ranked = sorted(
        (distance, -rows[index][3], rows[index][0], index)
        for _choice, distance, index in matches
        if distance > 0
    )
    if not ranked:
        return None
    _folded, word, term, _count = rows[ranked[0][3]]
    return term, word


def _rows(alliance_id: int, words: Mapping[str, str], counts: Mapping[str, int]):
    return [
        SearchTerm(
            alliance_id=alliance_id,
            folded=folded,
            word=word[:MAX_TERM_LENGTH],
            term=to_term(word)[:MAX_TERM_LENGTH],
            length=len(folded),
            document_count=counts.get(folded, 0),
        )
        for folded, word in words.items()
    ]


def add_words(alliance_id: int, words: Mapping[str, str]) -> None:
    """Count one more document for each word (``words``: folded → written form)."""
    if not words:
        return
    SearchTerm.objects.bulk_create(_rows(alliance_id, words, {}), ignore_conflicts=True)
    SearchTerm.objects.filter(alliance_id=alliance_id, folded__in=list(words)).update(
        document_count=F("document_count") + 1
    )


def remove_words(alliance_id: int, folded_words: Iterable[str]) -> None:
    """Count one document less for each word; forget words no document uses any more."""
    folded_words = list(folded_words)
    if not folded_words:
        return
    rows = SearchTerm.objects.filter(alliance_id=alliance_id, folded__in=folded_words)
    rows.filter(document_count__gt=0).update(document_count=F("document_count") - 1)
    rows.filter(document_count__lte=0).delete()


def replace_all(alliance_id: int, counts: Counter[str], words: Mapping[str, str]) -> None:
    """Replace the alliance's lexicon (after a full reindex)."""
    SearchTerm.objects.filter(alliance_id=alliance_id).delete()
    SearchTerm.objects.bulk_create(_rows(alliance_id, words, counts), batch_size=2000)
