"""What the search engine indexes, as the app that owns the data describes it.

The engine (query parsing, stemming, typo correction, ranking, the lexicon, the database
backends) knows no app by name. The directory registers its offers as the document source
(``directory/search_index.py``): which rows, which text goes into which weighted field, and
the taxonomy's synonyms. Documents are keyed by the source row's primary key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.db import models


@dataclass(frozen=True)
class DocumentSource:
    model: type[models.Model]
    rows: Callable[[], models.QuerySet]  # the rows with every relation ``texts`` reads
    texts: Callable[[models.Model], dict[str, str]]  # name, categories, places, body
    synonyms: Callable[[int], Iterable[tuple[str, str]]]  # (term, synonyms) of an alliance


_source: DocumentSource | None = None


def register_source(source: DocumentSource) -> DocumentSource:
    global _source
    _source = source
    return source


def source() -> DocumentSource:
    if _source is None:
        raise ImproperlyConfigured("No search document source is registered.")
    return _source
