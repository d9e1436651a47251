"""SQLite: an FTS5 table of Python-stemmed terms, ranked with bm25 column weights."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection

from familiennetz.search.expressions import (
    MIN_PART_PREFIX_LENGTH,
    Alternative,
    Group,
    direct_groups,
)
from familiennetz.search.models import SearchDocument, SearchTerm
from familiennetz.search.text import to_term

FTS_TABLE = "search_offer_fts"
# bm25 weights of the columns name, categories, places, body.
WEIGHTS = (10.0, 5.0, 2.0, 1.0)
FIELDS = ("name", "categories", "places", "body")


def _terms(words: str) -> str:
    return " ".join(to_term(word) for word in words.split())


def write_documents(documents: Iterable[SearchDocument]) -> None:
    rows = [(doc.pk, *(_terms(getattr(doc, name)) for name in FIELDS)) for doc in documents]
    if not rows:
        return
    with connection.cursor() as cursor:
        cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [(row[0],) for row in rows])
        cursor.executemany(
            f"INSERT INTO {FTS_TABLE} (rowid, {', '.join(FIELDS)}) VALUES (%s, %s, %s, %s, %s)",
            rows,
        )


def delete_documents(offer_ids: Iterable[int]) -> None:
    with connection.cursor() as cursor:
        cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [(pk,) for pk in offer_ids])


def delete_alliance(alliance_id: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {FTS_TABLE} WHERE rowid IN "
            f"(SELECT offer_id FROM {SearchDocument._meta.db_table} WHERE alliance_id = %s)",
            [alliance_id],
        )


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _alternative(alt: Alternative) -> str:
    if len(alt.terms) == 1:
        return _quote(alt.terms[0]) + ("*" if alt.prefix else "")
    if alt.phrase:
        return _quote(" ".join(alt.terms))
    return (
        "("
        + " AND ".join(
            _quote(term) + ("*" if alt.prefix and len(term) >= MIN_PART_PREFIX_LENGTH else "")
            for term in alt.terms
        )
        + ")"
    )


def compile_query(groups: list[Group], *, require_all: bool) -> str:
    """FTS5 query syntax; every term is quoted, so no input is read as an operator."""
    parts = ["(" + " OR ".join(_alternative(alt) for alt in g.alternatives) + ")" for g in groups]
    return (" AND " if require_all else " OR ").join(parts)


def match(
    *,
    alliance_id: int,
    groups: list[Group],
    require_all: bool,
    limit: int,
    within: tuple[str, tuple] | None = None,
) -> list[int]:
    """Offer ids ordered by the best field with a hit (name with what was typed, name,
    categories, places, body), then by bm25; with ``within`` (SQL selecting offer ids, and its
    parameters) only those offers are ranked."""
    restrict, restrict_params = ("", [])
    if within:
        restrict, restrict_params = f"AND doc.offer_id IN ({within[0]}) ", list(within[1])
    any_group = compile_query(groups, require_all=False)
    tier_queries = [f"{{{field}}} : ({any_group})" for field in FIELDS[:-1]]
    direct = direct_groups(groups)
    if direct:  # a name with the typed words ranks above a name with only a synonym
        tier_queries.insert(0, f"{{name}} : ({compile_query(direct, require_all=False)})")
    tiers = " ".join(
        f"WHEN {FTS_TABLE}.rowid IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s) "
        f"THEN {tier}"
        for tier in range(len(tier_queries))
    )
    sql = (
        f"SELECT {FTS_TABLE}.rowid FROM {FTS_TABLE} "
        f"JOIN {SearchDocument._meta.db_table} AS doc ON doc.offer_id = {FTS_TABLE}.rowid "
        f"WHERE {FTS_TABLE} MATCH %s AND doc.alliance_id = %s {restrict}"
        f"ORDER BY CASE {tiers} ELSE {len(tier_queries)} END, "
        f"bm25({FTS_TABLE}, {', '.join(map(str, WEIGHTS))}), {FTS_TABLE}.rowid "
        "LIMIT %s"
    )
    params = [
        compile_query(groups, require_all=require_all),
        alliance_id,
        *restrict_params,
        *tier_queries,
        limit,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def similar_words(
    *, alliance_id: int, folded: str, max_distance: int
) -> list[tuple[str, str, str, int]]:
    """Lexicon rows (folded, word, term, count) of a similar length that share the first or
    the last two letters with ``folded`` (one or two typos rarely hit both ends)."""
    sql = (
        f"SELECT folded, word, term, document_count FROM {SearchTerm._meta.db_table} "
        "WHERE alliance_id = %s AND length BETWEEN %s AND %s "
        "AND (substr(folded, 1, 2) = %s OR substr(folded, -2) = %s)"
    )
    params = [
        alliance_id,
        len(folded) - max_distance,
        len(folded) + max_distance,
        folded[:2],
        folded[-2:],
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())
