"""PostgreSQL: a weighted tsvector (German Snowball + unaccent), pg_trgm on the lexicon."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import nullcontext

from django.db import connection, transaction

from familiennetz.search.expressions import (
    MIN_PART_PREFIX_LENGTH,
    Alternative,
    Group,
    direct_groups,
)
from familiennetz.search.models import SearchDocument, SearchTerm

CONFIG = "familiennetz_german"
# ts_rank weights of D (body), C (places), B (categories), A (name).
WEIGHTS = "{0.1, 0.2, 0.5, 1.0}"
# ts_rank normalisation 1: divide by 1 + log(document length), as bm25 favours short fields.
NORMALISATION = 1
# Unweighted vectors of the fields name, categories and places, in ranking order.
TIER_VECTORS = ("name_vector", "categories_vector", "places_vector")


def write_documents(documents: Iterable[SearchDocument]) -> None:
    """Nothing to do: the ``vector`` column is generated from the document fields."""


def delete_documents(offer_ids: Iterable[int]) -> None:
    """Nothing to do: the vector lives in the document row."""


def delete_alliance(alliance_id: int) -> None:
    """Nothing to do: the vectors live in the document rows."""


def _lexeme(word: str, *, prefix: bool = False) -> str:
    # Words contain letters and digits only (text.WORD_RE); strip quotes defensively anyway.
    cleaned = word.replace("'", "").replace("\\", "")
    return f"'{cleaned}'" + (":*" if prefix else "")


def _alternative(alt: Alternative) -> str:
    if len(alt.words) == 1:
        return _lexeme(alt.words[0], prefix=alt.prefix)
    operator = " <-> " if alt.phrase else " & "
    return (
        "("
        + operator.join(
            _lexeme(word, prefix=alt.prefix and len(word) >= MIN_PART_PREFIX_LENGTH)
            for word in alt.words
        )
        + ")"
    )


def compile_query(groups: list[Group], *, require_all: bool) -> str:
    """``to_tsquery`` syntax over written words; PostgreSQL folds and stems them."""
    parts = ["(" + " | ".join(_alternative(alt) for alt in g.alternatives) + ")" for g in groups]
    return (" & " if require_all else " | ").join(parts)


def match(
    *,
    alliance_id: int,
    groups: list[Group],
    require_all: bool,
    limit: int,
    within: tuple[str, tuple] | None = None,
) -> list[int]:
    """Offer ids ordered by the best field with a hit (name, categories, places, body),
    then by ts_rank; with ``within`` (SQL selecting offer ids, and its parameters) only
    those offers are ranked."""
    direct = direct_groups(groups)
    # A name with the typed words ranks above a name with only a synonym (issue 16).
    tiers = (
        f"WHEN name_vector @@ to_tsquery('{CONFIG}', %s) THEN -1 " if direct else ""
    ) + " ".join(
        f"WHEN {vector} @@ any_word THEN {tier}" for tier, vector in enumerate(TIER_VECTORS)
    )
    restrict, restrict_params = (
        (f"AND offer_id IN ({within[0]}) ", list(within[1])) if within else ("", [])
    )
    sql = (
        f"SELECT offer_id FROM {SearchDocument._meta.db_table}, "
        f"to_tsquery('{CONFIG}', %s) AS query, to_tsquery('{CONFIG}', %s) AS any_word "
        f"WHERE alliance_id = %s AND vector @@ query {restrict}"
        f"ORDER BY CASE {tiers} ELSE {len(TIER_VECTORS)} END, "
        f"ts_rank('{WEIGHTS}', vector, query, {NORMALISATION}) DESC, offer_id "
        "LIMIT %s"
    )
    params = [
        compile_query(groups, require_all=require_all),
        compile_query(groups, require_all=False),
        alliance_id,
        *restrict_params,
        *([compile_query(direct, require_all=False)] if direct else []),
        limit,
    ]
    # Inside a transaction, a failing statement must not poison the caller's transaction.
    savepoint = transaction.atomic() if connection.in_atomic_block else nullcontext()
    with savepoint, connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def similar_words(
    *, alliance_id: int, folded: str, max_distance: int
) -> list[tuple[str, str, str, int]]:
    """Lexicon rows (folded, word, term, count) of a similar length that share enough
    trigrams with ``folded`` (pg_trgm.similarity_threshold), found with the trigram index."""
    sql = (
        f"SELECT folded, word, term, document_count FROM {SearchTerm._meta.db_table} "
        "WHERE alliance_id = %s AND length BETWEEN %s AND %s AND folded %% %s"
    )
    params = [alliance_id, len(folded) - max_distance, len(folded) + max_distance, folded]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())
