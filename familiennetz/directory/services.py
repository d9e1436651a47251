"""Writes to the directory. Views and commands call these; they own transactions."""

from __future__ import annotations

import json
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from familiennetz.alliances.models import Alliance

from .models import Category, Offer, Status

DEFAULT_TAXONOMY = Path(__file__).parent / "data" / "taxonomy_de.json"


_GERMAN_ASCII = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def german_ascii(text: str) -> str:
    """German transliteration for URLs: "Krabbelkäfer" -> "Krabbelkaefer" (not "krabbelkafer")."""
    return text.translate(_GERMAN_ASCII)


def unique_slug(*, model, alliance: Alliance, text: str, max_length: int = 100) -> str:
    """A slug for ``text`` that is free in ``alliance`` ("kita-sonnenschein-2" if taken)."""
    base = (slugify(german_ascii(text)) or "eintrag")[:max_length].strip("-")
    taken = set(
        model.objects.filter(alliance=alliance, slug__startswith=base).values_list(
            "slug", flat=True
        )
    )
    slug, n = base, 2
    while slug in taken:
        suffix = f"-{n}"
        slug = f"{base[: max_length - len(suffix)]}{suffix}"
        n += 1
    return slug


@transaction.atomic
def taxonomy_install(*, alliance: Alliance, path: Path = DEFAULT_TAXONOMY) -> int:
    """Copy a taxonomy file into ``alliance``; existing terms (by code) are updated.

    Returns the number of terms in the file.
    """
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    count = 0

    def install(terms, parent):
        nonlocal count
        for position, term in enumerate(terms):
            category, _created = Category.objects.update_or_create(
                alliance=alliance,
                code=term["code"],
                defaults={
                    "parent": parent,
                    "slug": term.get("slug") or slugify(term["code"].split(".")[-1]),
                    "name": term["name"],
                    "name_en": term.get("name_en", ""),
                    "description": term.get("description", ""),
                    "synonyms": "\n".join(term.get("synonyms", [])),
                    "position": position,
                },
            )
            count += 1
            install(term.get("children", []), category)

    install(data["terms"], None)
    return count


@transaction.atomic
def offer_publish(*, offer: Offer) -> Offer:
    offer.status = Status.PUBLISHED
    offer.published_at = offer.published_at or timezone.now()
    offer.save(update_fields=["status", "published_at", "updated_at"])
    return offer


@transaction.atomic
def offer_archive(*, offer: Offer) -> Offer:
    offer.status = Status.ARCHIVED
    offer.save(update_fields=["status", "updated_at"])
    return offer
