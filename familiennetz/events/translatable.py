"""The calendar's events in the content translations (``translations.registry``)."""

from __future__ import annotations

from familiennetz.translations.registry import TranslatableKind, register

from .models import Event


def register_kinds() -> None:
    register(
        TranslatableKind(
            Event,
            "veranstaltung",
            ("title", "summary", "description", "status_note"),
            name_field="title",
            rows=lambda queryset: queryset.exclude(status="archived"),
        )
    )
