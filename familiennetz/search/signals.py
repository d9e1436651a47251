"""Keep the search index current when offers or what they show change.

Receivers only schedule work (indexing.schedule_offer_ids); offers are indexed when the
transaction commits. Deleting an offer deletes its document in the same transaction.
"""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from familiennetz.alliances.models import Alliance
from familiennetz.directory.models import Category, Location, Offer, OfferLocation, Organisation

from .indexing import forget_alliance, forget_document, schedule_offer_ids
from .models import SearchDocument

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


@receiver(pre_delete, sender=Alliance)
def alliance_deleted(sender, instance, **kwargs):
    forget_alliance(instance.pk)


@receiver(post_delete, sender=SearchDocument)
def document_deleted(sender, instance, **kwargs):
    forget_document(instance)


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
