"""The one search interface the rest of the code uses.

German full-text search over an alliance's offers: stemming, umlaut folding, compounds,
taxonomy synonyms and typo correction, on SQLite (FTS5) or PostgreSQL (tsvector), picked
from the database in use. See docs/adr/0002-search.md.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db import DatabaseError

from . import indexing
from .backends import get_backend
from .query import parse_query

if TYPE_CHECKING:
    from familiennetz.alliances.models import Alliance
    from familiennetz.directory.models import Offer

logger = logging.getLogger(__name__)

MAX_RESULTS = 1000


@dataclass
class SearchResult:
    offer_ids: list[int] = field(default_factory=list)  # best first
    suggestion: str | None = None  # "did you mean" query, if the query looked misspelt
    corrected_terms: dict[str, str] = field(default_factory=dict)  # typed → corrected word
    is_partial: bool = False  # no offer matched every word; these match some of them


def search_offers(*, alliance: Alliance, query: str) -> SearchResult:
    """Offers of ``alliance`` matching ``query``, best first (all statuses, at most
    ``MAX_RESULTS``).

    Never raises for odd input: empty, stop-word-only or very long queries and query-syntax
    characters give an empty or sensible result.
    """
    try:
        return _search(alliance.pk, query)
    except DatabaseError:
        logger.exception("Search failed for alliance %s", alliance.pk)
        return SearchResult()


def _search(alliance_id: int, query: str) -> SearchResult:
    indexing.index_missing_offers(alliance_id)
    parsed = parse_query(alliance_id=alliance_id, text=query)
    if not parsed.groups:
        return SearchResult()
    backend = get_backend()
    ids = backend.match(
        alliance_id=alliance_id, groups=parsed.groups, require_all=True, limit=MAX_RESULTS
    )
    is_partial = False
    if not ids and len(parsed.groups) > 1:
        ids = backend.match(
            alliance_id=alliance_id, groups=parsed.groups, require_all=False, limit=MAX_RESULTS
        )
        is_partial = bool(ids)
    return SearchResult(
        offer_ids=ids,
        suggestion=parsed.suggestion,
        corrected_terms=parsed.corrections,
        is_partial=is_partial,
    )


def index_offer(offer: Offer) -> None:
    """(Re)index one offer now. Saves do this by themselves (on commit); call it directly
    only after changes that send no signals."""
    indexing.index_offers([offer.pk])


def reindex_alliance(*, alliance: Alliance) -> int:
    """Rebuild the index of one alliance; returns the number of offers indexed."""
    return indexing.reindex_alliance_id(alliance.pk)


deferred_indexing = indexing.deferred_indexing
