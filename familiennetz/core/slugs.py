"""Slugs for URLs that are printed on flyers and QR codes: made once, German-readable."""

from __future__ import annotations

from django.utils.text import slugify

_GERMAN_ASCII = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def german_ascii(text: str) -> str:
    """German transliteration for URLs: "Krabbelkäfer" -> "Krabbelkaefer" (not "krabbelkafer")."""
    return text.translate(_GERMAN_ASCII)


def unique_slug(*, model, alliance, text: str, max_length: int = 100) -> str:
    """A slug for ``text`` that is free in ``alliance`` ("kita-sonnenschein-2" if taken)."""
    base = (slugify(german_ascii(text)) or "eintrag")[:max_length].strip("-")
    taken = set(
        model._base_manager.filter(alliance=alliance, slug__startswith=base).values_list(
            "slug", flat=True
        )
    )
    slug, n = base, 2
    while slug in taken:
        suffix = f"-{n}"
        slug = f"{base[: max_length - len(suffix)]}{suffix}"
        n += 1
    return slug
