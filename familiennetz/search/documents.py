"""A search document from the texts its source gives (``sources.py``)."""

from __future__ import annotations

from django.db import models

from .models import MAX_TERM_LENGTH, SearchDocument
from .sources import source
from .text import document_words, fold


def rows_for_indexing() -> models.QuerySet:
    return source().rows()


def build_document(offer) -> tuple[SearchDocument, dict[str, str]]:
    """The unsaved document of ``offer`` and its distinct words (folded → written form)."""
    texts = source().texts(offer)
    fields = {name: " ".join(document_words(text)) for name, text in texts.items()}
    words: dict[str, str] = {}
    for text in fields.values():  # name first, so its spelling wins
        for word in text.split():
            words.setdefault(fold(word)[:MAX_TERM_LENGTH], word)
    document = SearchDocument(
        offer_id=offer.pk, alliance_id=offer.alliance_id, words=" ".join(sorted(words)), **fields
    )
    return document, words
