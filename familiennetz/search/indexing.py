"""Keeping the index current: index offers, forget deleted ones, rebuild an alliance.

Signal receivers (signals.py) call ``schedule_offer_ids``; the offers are indexed once when the
transaction commits. Inside ``deferred_indexing()`` nothing is indexed one by one; the touched
alliances are rebuilt when the block ends.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial

from django.db import connection, transaction

from familiennetz.alliances.models import Alliance

from . import lexicon
from .backends import get_backend
from .documents import build_document, rows_for_indexing
from .models import SearchDocument, SearchTerm
from .sources import source

logger = logging.getLogger(__name__)

REINDEX_CHUNK_SIZE = 500
# More missing offers than this are indexed by rebuilding the alliance (bulk is faster).
MAX_MISSING_ONE_BY_ONE = 50

# Alliance ids touched inside deferred_indexing(); None outside of it.
_deferred: ContextVar[set[int] | None] = ContextVar("search_deferred_alliances", default=None)
# Offer ids waiting for a commit, so that an offer changed five times is indexed once.
_pending = threading.local()


def _pending_ids() -> set[int]:
    if not hasattr(_pending, "ids"):
        _pending.ids = set()
    return _pending.ids


# --- indexing ---------------------------------------------------------------------------


def _index_one(offer, deltas: dict[int, Counter[str]], written: dict[int, dict]) -> None:
    """Write the offer's document; add its lexicon changes to ``deltas`` (per alliance)."""
    document, words = build_document(offer)
    old = SearchDocument.objects.filter(pk=offer.pk).only("alliance_id", "words").first()
    if old and old.alliance_id != offer.alliance_id:
        deltas[old.alliance_id].subtract(old.word_set())
        old.words = ""
    old_words = old.word_set() if old else set()
    deltas[offer.alliance_id].subtract(old_words - words.keys())
    added = {key: word for key, word in words.items() if key not in old_words}
    deltas[offer.alliance_id].update(added.keys())
    written[offer.alliance_id].update(added)
    if old:
        fields = ["alliance", "name", "categories", "places", "body", "words"]
        document.save(update_fields=[*fields, "updated_at"])
    else:
        document.save(force_insert=True)
    get_backend().write_documents([document])


def index_offers(offer_ids: Iterable[int]) -> int:
    """(Re)index the given offers now; ids of deleted offers are skipped."""
    deltas: dict[int, Counter[str]] = defaultdict(Counter)
    written: dict[int, dict] = defaultdict(dict)
    with transaction.atomic():
        # Lock the offers (PostgreSQL) so two processes do not count the same terms twice.
        offers = list(
            rows_for_indexing()
            .select_for_update(of=("self",))
            .filter(pk__in=set(offer_ids))
            .order_by("pk")
        )
        for offer in offers:
            _index_one(offer, deltas, written)
        # One batch of lexicon changes for all offers, not one per offer and word.
        for alliance_id in sorted(deltas):
            lexicon.apply_counts(alliance_id, deltas[alliance_id], written[alliance_id])
    return len(offers)


def forget_document(document: SearchDocument) -> None:
    """Called when a document row is deleted (with its offer): clean up the rest."""
    get_backend().delete_documents([document.pk])
    lexicon.remove_words(document.alliance_id, document.word_set())


def forget_alliance(alliance_id: int) -> None:
    """Drop an alliance's whole index in bulk (before the alliance is deleted), so the cascade
    does not clean up the lexicon document by document."""
    get_backend().delete_alliance(alliance_id)
    with connection.cursor() as cursor:  # in bulk, without a signal per row
        table = connection.ops.quote_name(SearchDocument._meta.db_table)
        cursor.execute(f"DELETE FROM {table} WHERE alliance_id = %s", [alliance_id])
    SearchTerm.objects.filter(alliance_id=alliance_id).delete()


def reindex_alliance_id(alliance_id: int) -> int:
    """Rebuild the whole index of one alliance; returns the number of offers indexed."""
    backend = get_backend()
    counts: Counter[str] = Counter()
    words: dict[str, str] = {}
    total = 0
    with transaction.atomic():
        # One rebuild per alliance at a time (PostgreSQL; SQLite serialises writers anyway).
        list(Alliance.objects.select_for_update().filter(pk=alliance_id).values_list("pk"))
        backend.delete_alliance(alliance_id)
        with connection.cursor() as cursor:  # in bulk, without a signal per row
            table = connection.ops.quote_name(SearchDocument._meta.db_table)
            cursor.execute(f"DELETE FROM {table} WHERE alliance_id = %s", [alliance_id])
        offers = rows_for_indexing().filter(alliance_id=alliance_id).order_by("pk")
        for chunk in _chunks(offers.iterator(chunk_size=REINDEX_CHUNK_SIZE)):
            built = [build_document(offer) for offer in chunk]
            documents = SearchDocument.objects.bulk_create([document for document, _ in built])
            backend.write_documents(documents)
            for _document, document_words in built:
                counts.update(document_words.keys())
                for folded, word in document_words.items():
                    words.setdefault(folded, word)
            total += len(built)
        lexicon.replace_all(alliance_id, counts, words)
    return total


def _chunks(offers: Iterator) -> Iterator[list]:
    chunk: list = []
    for offer in offers:
        chunk.append(offer)
        if len(chunk) == REINDEX_CHUNK_SIZE:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def index_missing_offers(alliance_id: int) -> int:
    """Index offers that have no document yet (created by bulk_create, or before the search
    app existed, or in a transaction whose on_commit hooks never ran)."""
    # Two counts over indexes are cheaper than an anti-join on every search.
    offers = source().model.objects.filter(alliance_id=alliance_id)
    if offers.count() == SearchDocument.objects.filter(alliance_id=alliance_id).count():
        return 0
    missing = list(offers.filter(search_document__isnull=True).values_list("pk", flat=True))
    if len(missing) > MAX_MISSING_ONE_BY_ONE:
        return reindex_alliance_id(alliance_id)
    return index_offers(missing)


# --- scheduling -------------------------------------------------------------------------


def _index_pending(offer_ids: frozenset[int]) -> None:
    # The first hook of a commit indexes every offer waiting so far, in one batch: the lexicon
    # then changes each word once per commit rather than once per saved offer (on PostgreSQL,
    # updating one row many times in a transaction makes every later look-up of it walk all
    # its row versions). The later hooks of the same commit find nothing left to do.
    pending = _pending_ids()
    if not offer_ids & pending:
        return
    due = set(pending)
    pending.clear()
    index_offers(due)


def schedule_offer_ids(offer_ids: Iterable[int], *, alliance_id: int | None = None) -> None:
    """Index these offers when the current transaction commits (at once outside of one)."""
    offer_ids = frozenset(offer_ids)
    if not offer_ids:
        return
    touched = _deferred.get()
    if touched is not None:
        if alliance_id is None:
            touched.update(
                source()
                .model.objects.filter(pk__in=offer_ids)
                .values_list("alliance_id", flat=True)
            )
        else:
            touched.add(alliance_id)
        return
    _pending_ids().update(offer_ids)
    # robust: a failure to index is logged and must not fail the save that was committed.
    transaction.on_commit(partial(_index_pending, offer_ids), robust=True)


@contextmanager
def deferred_indexing() -> Iterator[set[int]]:
    """Collect the alliances touched inside the block and rebuild each once at the end.

    Yields the set of touched alliance ids; add to it for changes that send no signals
    (``bulk_create``). Nested blocks join the outermost one.
    """
    touched = _deferred.get()
    if touched is not None:
        yield touched
        return
    touched = set()
    token = _deferred.set(touched)
    try:
        yield touched
    except BaseException:
        logger.warning(
            "Search indexing was deferred for alliances %s and the block failed; "
            "run rebuild_search_index if data was saved.",
            sorted(touched),
        )
        raise
    finally:
        _deferred.reset(token)
    for alliance_id in sorted(touched):
        reindex_alliance_id(alliance_id)
