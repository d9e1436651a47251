"""The directory's records in the content translations (``translations.registry``): which
German texts of offers, organisations, places and categories get translations."""

from __future__ import annotations

from familiennetz.translations.registry import TranslatableKind, register

from .models import Category, Location, Offer, Organisation


def _category_builtin(category, name: str, language: str) -> str:
    """Categories carry their English name themselves."""
    return category.name_en if name == "name" and language == "en" else ""


def register_kinds() -> None:
    register(
        TranslatableKind(
            Offer,
            "angebot",
            (
                "name",
                "summary",
                "description",
                "participation_notes",
                "fee_description",
                "accessibility_notes",
            ),
            rows=lambda queryset: queryset.exclude(status="archived"),
        )
    )
    register(TranslatableKind(Organisation, "organisation", ("description",)))
    register(
        TranslatableKind(Location, "ort", ("description", "accessibility_notes", "transport_notes"))
    )
    register(
        TranslatableKind(
            Category,
            "kategorie",
            ("name", "description"),
            perm="translations.edit_shared_texts",
            builtin=_category_builtin,
        )
    )
