"""The one search interface the rest of the code uses.

German full-text search over an alliance's offers: stemming, umlaut folding, compounds,
taxonomy synonyms and typo correction, on SQLite (FTS5) or PostgreSQL (tsvector), picked
from the database in use. See docs/adr/0002-search.md.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.exceptions import EmptyResultSet
from django.db import DatabaseError

from familiennetz.alliances.pagecache import alliance_cached

from . import indexing
from .backends import get_backend
from .crisis import is_crisis_query
from .expressions import MIN_PART_PREFIX_LENGTH, Alternative
from .query import parse_query
from .synonyms import SynonymIndex, synonym_index
from .text import document_words, to_term

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from familiennetz.alliances.models import Alliance

logger = logging.getLogger(__name__)

MAX_RESULTS = 1000


@dataclass
class SearchResult:
    offer_ids: list[int] = field(default_factory=list)  # best first
    suggestion: str | None = None  # "did you mean" query, if the query looked misspelt
    corrected_terms: dict[str, str] = field(default_factory=dict)  # typed → corrected word
    is_partial: bool = False  # no offer matched every word; these match some of them
    crisis: bool = False  # a word of the crisis lexicon: show emergency numbers, counselling first


def search_offers(
    *, alliance: Alliance, query: str, within: QuerySet | None = None
) -> SearchResult:
    """Offers of ``alliance`` matching ``query``, best first (all statuses, at most
    ``MAX_RESULTS``). With ``within`` (a queryset of offers, e.g. the search filters) only
    those are ranked and returned: the same order as filtering the unrestricted result.

    Never raises for odd input: empty, stop-word-only or very long queries and query-syntax
    characters give an empty or sensible result.
    """
    crisis = is_crisis_query(query)
    try:
        result = _search(alliance.pk, query, within, synonyms_of=lambda: _synonyms(alliance))
    except DatabaseError:
        logger.exception("Search failed for alliance %s", alliance.pk)
        result = SearchResult()
    result.crisis = crisis
    return result


def _synonyms(alliance: Alliance) -> SynonymIndex:
    """The taxonomy's synonyms, cached until the alliance's content changes (a category's
    synonyms are edited like any other row: the content version changes with them)."""
    return alliance_cached(alliance, "search-synonyms", lambda: synonym_index(alliance.pk))


def _search(
    alliance_id: int, query: str, within: QuerySet | None = None, *, synonyms_of=None
) -> SearchResult:
    indexing.index_missing_offers(alliance_id)
    parsed = parse_query(alliance_id=alliance_id, text=query, synonyms_of=synonyms_of)
    if not parsed.groups:
        return SearchResult()
    backend = get_backend()
    restrict = None
    if within is not None:
        try:
            restrict = within.order_by().values("pk").query.sql_with_params()
        except EmptyResultSet:  # the filters leave no offer (e.g. ``pk__in=[]``): nothing to rank
            return SearchResult()
    ids = backend.match(
        alliance_id=alliance_id,
        groups=parsed.groups,
        require_all=True,
        limit=MAX_RESULTS,
        within=restrict,
    )
    is_partial = False
    # Words matched only partly: offers with some of the words, if no offer at all has every
    # word (an offer outside ``within`` that has them all means "nothing here", as before).
    if not ids and len(parsed.groups) > 1:
        complete_elsewhere = restrict is not None and backend.match(
            alliance_id=alliance_id, groups=parsed.groups, require_all=True, limit=1
        )
        if not complete_elsewhere:
            ids = backend.match(
                alliance_id=alliance_id,
                groups=parsed.groups,
                require_all=False,
                limit=MAX_RESULTS,
                within=restrict,
            )
            is_partial = bool(ids)
    return SearchResult(
        offer_ids=ids,
        suggestion=parsed.suggestion,
        corrected_terms=parsed.corrections,
        is_partial=is_partial,
    )


def index_offer(offer) -> None:
    """(Re)index one offer now. Saves do this by themselves (on commit); call it directly
    only after changes that send no signals."""
    indexing.index_offers([offer.pk])


def reindex_alliance(*, alliance: Alliance) -> int:
    """Rebuild the index of one alliance; returns the number of offers indexed."""
    return indexing.reindex_alliance_id(alliance.pk)


deferred_indexing = indexing.deferred_indexing


def _alternative_in(alt: Alternative, terms: set[str]) -> bool:
    def has(term: str, prefix: bool) -> bool:
        return term in terms or (prefix and any(t.startswith(term) for t in terms))

    if len(alt.terms) == 1:
        return has(alt.terms[0], alt.prefix)
    return all(has(t, alt.prefix and len(t) >= MIN_PART_PREFIX_LENGTH) for t in alt.terms)


def text_matcher(*, alliance: Alliance, query: str):
    """A test ``matches(text) -> bool`` with the search's understanding of ``query`` (stems,
    compounds, synonyms, corrections), for short texts that are not in the index (the
    calendar's events): every query word must match, phrases in any order. None for a query
    without words."""
    parsed = parse_query(
        alliance_id=alliance.pk, text=query, synonyms_of=lambda: _synonyms(alliance)
    )
    if not parsed.groups:
        return None

    def matches(text: str) -> bool:
        terms = {to_term(word) for word in document_words(text)}
        return all(
            any(_alternative_in(alt, terms) for alt in g.alternatives) for g in parsed.groups
        )

    return matches
