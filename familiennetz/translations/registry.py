"""What can be translated: the apps that own the records register their kinds here (the
directory's offers, organisations, places and categories, the calendar's events, the network's
own pages), so this app — below them all — never imports them by name.

    # familiennetz/directory/translatable.py
    register(TranslatableKind(Offer, "angebot", ("name", "summary", "description")))

A kind names the German text fields that get a translation, the URL word of its workspace
page, and who may edit its translations: the record's own change permission
(``<app>.change_<model>``, checked against the row) unless ``perm`` names another one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.db import models


@dataclass(frozen=True)
class TranslatableKind:
    model: type[models.Model]
    word: str  # the German URL word: /manage/<alliance>/uebersetzungen/<word>/<pk>/
    fields: tuple[str, ...]
    perm: str | None = None  # default: "<app>.change_<model>" on the row
    name_field: str = "name"
    # A translation the record brings itself (a category's English name), by language.
    builtin: Callable[[models.Model, str, str], str] | None = None
    # The rows worth translating (default: all rows of the alliance).
    rows: Callable[[models.QuerySet], models.QuerySet] | None = None

    @property
    def label(self) -> str:
        return self.model._meta.label_lower

    @property
    def verbose_name(self):
        return self.model._meta.verbose_name

    @property
    def verbose_name_plural(self):
        return self.model._meta.verbose_name_plural

    def edit_perm(self) -> str:
        meta = self.model._meta
        return self.perm or f"{meta.app_label}.change_{meta.model_name}"

    def field(self, name: str) -> models.Field:
        return self.model._meta.get_field(name)  # type: ignore[return-value]

    def field_label(self, name: str) -> str:
        return str(self.field(name).verbose_name)

    def max_length(self, name: str) -> int:
        """The German field's limit; long texts (no limit of their own) get MAX_TEXT."""
        field = self.field(name)
        return field.max_length or MAX_TEXT

    def is_long(self, name: str) -> bool:
        return isinstance(self.field(name), models.TextField)

    def display_name(self, obj) -> str:
        return str(getattr(obj, self.name_field))

    def queryset(self, alliance) -> models.QuerySet:
        queryset = self.model._default_manager.filter(alliance=alliance)
        return self.rows(queryset) if self.rows else queryset


# A long text (description) of a translation may be at most this many characters.
MAX_TEXT = 10_000

_kinds: dict[str, TranslatableKind] = {}


def register(kind: TranslatableKind) -> TranslatableKind:
    _kinds[kind.label] = kind
    return kind


def kinds() -> Iterator[TranslatableKind]:
    return iter(_kinds.values())


def kind_for(obj_or_model) -> TranslatableKind:
    return _kinds[obj_or_model._meta.label_lower]


def kind_or_none(obj_or_model) -> TranslatableKind | None:
    return _kinds.get(obj_or_model._meta.label_lower)


def kind_by_word(word: str) -> TranslatableKind | None:
    return next((kind for kind in _kinds.values() if kind.word == word), None)
