"""The lexicon: which words an alliance's index holds, in how many documents.

It answers "is this query word known?", finds the closest known word for a misspelt one
("Hebame" → "Hebamme", "Beratnug" → "Beratung") and gives the written form for "did you mean".
Words are compared folded ("strasse"), so umlauts and case never count as typos.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from django.db import connection
from django.utils import timezone
from rapidfuzz import process
from rapidfuzz.distance import OSA

from .backends import get_backend
from .models import MAX_TERM_LENGTH, SearchTerm
from .text import LINKING_ELEMENTS, MIN_COMPOUND_LENGTH, MIN_PART_LENGTH, to_term

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


def _term_table() -> str:
    return connection.ops.quote_name(SearchTerm._meta.db_table)


def upsert_sql() -> str:
    """Count a word up by n (params: alliance, folded, word, term, length, n, now, now)."""
    table = _term_table()
    return (
        f"INSERT INTO {table} (alliance_id, folded, word, term, length, document_count, "
        "created_at, updated_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s) "
        "ON CONFLICT (alliance_id, folded) DO UPDATE "
        f"SET document_count = {table}.document_count + excluded.document_count"
    )


def decrement_sql() -> str:
    """Count a word down by n, not below 0 (params: n, n, alliance, folded)."""
    return (
        f"UPDATE {_term_table()} SET document_count = CASE WHEN document_count > %s "
        "THEN document_count - %s ELSE 0 END WHERE alliance_id = %s AND folded = %s"
    )


def delete_unused_sql() -> str:
    """Forget a word no document uses (params: alliance, folded)."""
    return (
        f"DELETE FROM {_term_table()} WHERE alliance_id = %s AND folded = %s AND document_count = 0"
    )


def _forms(word: str) -> tuple[str, str]:
    """(written form, index term) as stored."""
    return word[:MAX_TERM_LENGTH], to_term(word)[:MAX_TERM_LENGTH]


def apply_counts(alliance_id: int, deltas: Mapping[str, int], words: Mapping[str, str]) -> None:
    """Change the document counts of folded words by ``deltas`` (+n: n more documents use the
    word, -n: n fewer); forget words no document uses any more. ``words`` gives the written
    form of each word that is counted up (folded → written form).

    Every statement names one word by the whole unique key (alliance, folded word), so each is
    one look-up in that index on any database and with any table statistics. (An earlier
    ``folded IN (…)`` UPDATE was planned on PostgreSQL as a scan over *all* of the alliance's
    terms, including the dead row versions of the running transaction: quadratic when many
    offers were indexed in one transaction.) psycopg sends ``executemany`` as one pipeline.
    Words are handled in sorted order, so two writers lock rows in the same order.
    """
    up = sorted((folded, delta) for folded, delta in deltas.items() if delta > 0)
    down = sorted((folded, -delta) for folded, delta in deltas.items() if delta < 0)
    if not up and not down:
        return
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        if up:
            rows = [
                (
                    alliance_id,
                    folded,
                    *_forms(words.get(folded, folded)),
                    len(folded),
                    delta,
                    now,
                    now,
                )
                for folded, delta in up
            ]
            cursor.executemany(upsert_sql(), rows)
        if down:
            cursor.executemany(decrement_sql(), [(n, n, alliance_id, folded) for folded, n in down])
            cursor.executemany(delete_unused_sql(), [(alliance_id, folded) for folded, _ in down])


def add_words(alliance_id: int, words: Mapping[str, str]) -> None:
    """Count one more document for each word (``words``: folded → written form)."""
    apply_counts(alliance_id, dict.fromkeys(words, 1), words)


def remove_words(alliance_id: int, folded_words: Iterable[str]) -> None:
    """Count one document less for each word; forget words no document uses any more."""
    apply_counts(alliance_id, dict.fromkeys(folded_words, -1), {})


def replace_all(alliance_id: int, counts: Counter[str], words: Mapping[str, str]) -> None:
    """Replace the alliance's lexicon (after a full reindex)."""
    SearchTerm.objects.filter(alliance_id=alliance_id).delete()
    SearchTerm.objects.bulk_create(_rows(alliance_id, words, counts), batch_size=2000)


def split_by_lexicon(alliance_id: int, folded: str) -> tuple[str, ...]:
    """Two parts of ``folded`` that both occur in the alliance's index, else ().

    The dictionary of this decompounder is the lexicon of indexed words (ADR 1200): a query
    for "Babyschwimmen" becomes "baby" + "schwimmen" when offers say "Baby" and "Schwimmen".
    The head may end in a linking element ("Erziehungs|beratung"). Of several splits the most
    balanced wins (longest shorter part). One look-up of all candidate terms.
    """
    if len(folded) < MIN_COMPOUND_LENGTH or not folded.isalpha():
        return ()
    candidates: list[tuple[str, str]] = []
    for end in range(MIN_PART_LENGTH, len(folded) - MIN_PART_LENGTH + 1):
        head, tail = folded[:end], folded[end:]
        candidates.append((head, tail))
        for link in LINKING_ELEMENTS:
            if head.endswith(link) and len(head) - len(link) >= MIN_PART_LENGTH:
                candidates.append((head[: -len(link)], tail))
    terms = {to_term(part) for pair in candidates for part in pair}
    known = set(
        SearchTerm.objects.filter(alliance_id=alliance_id, term__in=terms).values_list(
            "term", flat=True
        )
    )
    splits = [pair for pair in candidates if {to_term(part) for part in pair} <= known]
    if not splits:
        return ()
    return max(splits, key=lambda pair: (min(map(len, pair)), len(pair[0])))
