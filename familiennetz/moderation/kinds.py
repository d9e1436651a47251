"""The kinds of entries the review queue knows: directory and calendar entries register
themselves here (``directory/entry_kinds.py``, ``events/entry_kinds.py``), so moderation —
and the history and review-cycle screens above it — never import the apps by name and never
tell entries apart by ``hasattr``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.urls import reverse


@dataclass(frozen=True)
class EntryKind:
    model: type[models.Model]
    word: str  # the German URL word: reports /melden/<word>/, history /verlauf/<word>/
    form_class: type  # the workspace form (validation only)
    manage_url_name: str  # the entry's workspace page (kwargs: alliance_slug, pk)
    public_url_name: str  # its public page (kwargs: alliance_slug, slug)
    status_field: str | None = None  # offers and events: draft → published → archived
    create_url_name: str | None = None  # the workspace's "new" page
    suggestion_subject: str | None = None  # public suggestions of this subject become one
    name_field: str = "name"
    # Called after every applied save with ``EntryChanges.related`` (may be empty): writes the
    # rows that belong to the entry (places, sessions, opening hours; an event's dates).
    apply_related: Callable[[Any, dict], None] | None = None

    @property
    def label(self) -> str:
        return self.model._meta.label_lower

    @property
    def verbose_name(self) -> Any:
        return self.model._meta.verbose_name

    def is_live(self, entry) -> bool:
        """Published (organisations and places have no draft state: always live)."""
        return self.status_field is None or getattr(entry, self.status_field) == "published"

    def perm(self, action: str) -> str:
        """``<app>.<action>_<model>`` (rules.py of the entry's app)."""
        meta = self.model._meta
        return f"{meta.app_label}.{action}_{meta.model_name}"

    def manage_url(self, entry) -> str:
        return reverse(
            self.manage_url_name, kwargs={"alliance_slug": entry.alliance.slug, "pk": entry.pk}
        )

    def public_url(self, entry) -> str:
        return reverse(
            self.public_url_name, kwargs={"alliance_slug": entry.alliance.slug, "slug": entry.slug}
        )

    def display_name(self, entry) -> str:
        return getattr(entry, self.name_field)


_kinds: dict[str, EntryKind] = {}


def register(kind: EntryKind) -> EntryKind:
    _kinds[kind.label] = kind
    return kind


def kinds() -> Iterator[EntryKind]:
    return iter(_kinds.values())


def kind_for(entry_or_model) -> EntryKind:
    """The kind of an entry (or entry model); KeyError for anything else."""
    return _kinds[entry_or_model._meta.label_lower]


def kind_or_none(entry_or_model) -> EntryKind | None:
    return _kinds.get(entry_or_model._meta.label_lower)


def kind_by_word(word: str) -> EntryKind | None:
    return next((kind for kind in _kinds.values() if kind.word == word), None)


def kind_for_suggestion(subject: str) -> EntryKind | None:
    return next((kind for kind in _kinds.values() if kind.suggestion_subject == subject), None)
