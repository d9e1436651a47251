"""What of an offer is searchable, and in which weighted field."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from familiennetz.directory.models import Offer, OfferLocation

from .models import MAX_TERM_LENGTH, SearchDocument
from .text import document_words, fold


def offers_for_indexing() -> QuerySet[Offer]:
    return Offer.objects.select_related("organisation").prefetch_related(
        "categories",
        "languages",
        Prefetch("offer_locations", queryset=OfferLocation.objects.select_related("location")),
    )


def offer_texts(offer: Offer) -> dict[str, str]:
    """The text of each field, from the offer and its (prefetched) relations."""
    categories = list(offer.categories.all())
    locations = [offer_location.location for offer_location in offer.offer_locations.all()]
    organisation = offer.organisation
    return {
        "name": offer.name,
        # Synonyms are not indexed: queries are expanded with them (synonyms.py), which
        # keeps long synonym lists from outweighing a match in the name.
        "categories": "\n".join(text for c in categories for text in (c.name, c.name_en)),
        "places": "\n".join(
            [organisation.name, organisation.operator]
            + [f"{loc.name}\n{loc.street}\n{loc.postal_code} {loc.city}" for loc in locations]
        ),
        "body": "\n".join(
            [offer.summary, offer.description, offer.fee_description]
            + [f"{lang.name_de}\n{lang.name_en}\n{lang.endonym}" for lang in offer.languages.all()]
        ),
    }


def build_document(offer: Offer) -> tuple[SearchDocument, dict[str, str]]:
    """The unsaved document of ``offer`` and its distinct words (folded → written form)."""
    fields = {name: " ".join(document_words(text)) for name, text in offer_texts(offer).items()}
    words: dict[str, str] = {}
    for text in fields.values():  # name first, so its spelling wins
        for word in text.split():
            words.setdefault(fold(word)[:MAX_TERM_LENGTH], word)
    document = SearchDocument(
        offer_id=offer.pk, alliance_id=offer.alliance_id, words=" ".join(sorted(words)), **fields
    )
    return document, words
