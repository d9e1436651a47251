"""Database-specific parts of the search, picked from ``connection.vendor``.

Each backend module provides:

- ``write_documents(documents)``: put (new or changed) documents into the full-text index;
- ``delete_documents(offer_ids)`` and ``delete_alliance(alliance_id)``;
- ``match(alliance_id=, groups=, require_all=, limit=, within=None)``: offer ids, best
  first; ``within`` = (SQL selecting offer ids, parameters) ranks only those offers;
- ``similar_words(alliance_id=, folded=, max_distance=)``: lexicon rows
  (folded, word, term, count) that may lie within ``max_distance`` edits of ``folded``
  (the caller measures and ranks them).
"""

from types import ModuleType

from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from . import postgresql, sqlite


def get_backend() -> ModuleType:
    if connection.vendor == "postgresql":
        return postgresql
    if connection.vendor == "sqlite":
        return sqlite
    raise ImproperlyConfigured(f"No search backend for database vendor {connection.vendor!r}.")
