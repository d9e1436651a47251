"""The directory's offers in the search: what is searchable in which weighted field, the
taxonomy's synonyms, and the receivers that keep the index current when an offer or what it
shows (its categories, languages, places, organisation) changes. Registered with the search
engine when the app is ready (``apps.py``)."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from familiennetz.search.indexing import schedule_offer_ids
from familiennetz.search.sources import DocumentSource, register_source
from familiennetz.translations.models import ContentTranslation

from .models import Category, Location, Offer, OfferLocation, Organisation


def _published_translations():
    return Prefetch("translations", queryset=ContentTranslation.objects.exclude(text=""))


def offers_for_indexing() -> QuerySet[Offer]:
    return Offer.objects.select_related("organisation").prefetch_related(
        Prefetch(
            "categories", queryset=Category.objects.prefetch_related(_published_translations())
        ),
        "languages",
        Prefetch("offer_locations", queryset=OfferLocation.objects.select_related("location")),
        _published_translations(),
    )


def _translated(obj, *fields: str) -> list[str]:
    """The obj's translated texts of ``fields`` in every language (prefetched): a query in
    Arabic finds the offer by its Arabic text, one in Ukrainian by its Ukrainian text."""
    return [row.text for row in obj.translations.all() if row.field in fields]


def offer_texts(offer: Offer) -> dict[str, str]:
    """The text of each field, from the offer and its (prefetched) relations."""
    categories = list(offer.categories.all())
    locations = [offer_location.location for offer_location in offer.offer_locations.all()]
    organisation = offer.organisation
    return {
        "name": "\n".join([offer.name, *_translated(offer, "name")]),
        # Synonyms are not indexed: queries are expanded with them (synonyms.py), which
        # keeps long synonym lists from outweighing a match in the name.
        "categories": "\n".join(
            text for c in categories for text in (c.name, c.name_en, *_translated(c, "name"))
        ),
        "places": "\n".join(
            [organisation.name, organisation.operator]
            + [f"{loc.name}\n{loc.street}\n{loc.postal_code} {loc.city}" for loc in locations]
        ),
        "body": "\n".join(
            [offer.summary, offer.description, offer.fee_description]
            + _translated(offer, "summary", "description", "fee_description")
            + [f"{lang.name_de}\n{lang.name_en}\n{lang.endonym}" for lang in offer.languages.all()]
        ),
    }


def category_synonyms(alliance_id: int):
    return Category.objects.filter(alliance_id=alliance_id).values_list("name", "synonyms")


def register() -> None:
    register_source(
        DocumentSource(
            model=Offer, rows=offers_for_indexing, texts=offer_texts, synonyms=category_synonyms
        )
    )


# Fields whose change alters the documents of related offers.
WATCHED_FIELDS = {
    Category: ("name", "name_en", "synonyms"),
    Organisation: ("name", "operator"),
    Location: ("name", "street", "postal_code", "city"),
}


def _related_offer_ids(instance) -> list[int]:
    if isinstance(instance, Category):
        return list(instance.offers.values_list("pk", flat=True))
    if isinstance(instance, Organisation):
        return list(instance.offers.values_list("pk", flat=True))
    return list(instance.offer_locations.values_list("offer_id", flat=True))


@receiver(post_save, sender=Offer)
def offer_saved(sender, instance, **kwargs):
    schedule_offer_ids([instance.pk], alliance_id=instance.alliance_id)


@receiver(m2m_changed, sender=Offer.categories.through)
@receiver(m2m_changed, sender=Offer.languages.through)
def offer_relations_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not reverse:
        if action in {"post_add", "post_remove", "post_clear"}:
            schedule_offer_ids([instance.pk], alliance_id=instance.alliance_id)
    elif action in {"post_add", "post_remove"}:  # category.offers.add(…): pk_set are offers
        schedule_offer_ids(pk_set)
    elif action == "pre_clear":
        schedule_offer_ids(instance.offers.values_list("pk", flat=True))


@receiver(post_save, sender=OfferLocation)
@receiver(post_delete, sender=OfferLocation)
def offer_location_changed(sender, instance, **kwargs):
    schedule_offer_ids([instance.offer_id], alliance_id=instance.alliance_id)


@receiver(pre_save, sender=Category)
@receiver(pre_save, sender=Organisation)
@receiver(pre_save, sender=Location)
def remember_watched_fields(sender, instance, update_fields=None, **kwargs):
    fields = WATCHED_FIELDS[sender]
    instance._search_old_values = None
    if instance.pk is None or (update_fields is not None and not set(fields) & update_fields):
        return
    instance._search_old_values = sender.objects.filter(pk=instance.pk).values_list(*fields).first()


@receiver(post_save, sender=Category)
@receiver(post_save, sender=Organisation)
@receiver(post_save, sender=Location)
def reindex_when_watched_fields_change(sender, instance, created, **kwargs):
    old = getattr(instance, "_search_old_values", None)
    if created or old is None:
        return
    if old != tuple(getattr(instance, name) for name in WATCHED_FIELDS[sender]):
        schedule_offer_ids(_related_offer_ids(instance), alliance_id=instance.alliance_id)


@receiver(pre_delete, sender=Category)
def category_deleted(sender, instance, **kwargs):
    # The offers stay but lose the category; the m2m rows go without an m2m_changed signal.
    schedule_offer_ids(_related_offer_ids(instance), alliance_id=instance.alliance_id)


@receiver(post_save, sender=ContentTranslation)
@receiver(post_delete, sender=ContentTranslation)
def translation_changed(sender, instance, **kwargs):
    """A translation of an offer or of a category changes what the offers' documents say."""
    model = ContentType.objects.get_for_id(instance.content_type_id).model_class()
    if model is Offer:
        schedule_offer_ids([instance.object_id], alliance_id=instance.alliance_id)
    elif model is Category:
        schedule_offer_ids(
            Offer.categories.through.objects.filter(category_id=instance.object_id).values_list(
                "offer_id", flat=True
            ),
            alliance_id=instance.alliance_id,
        )
