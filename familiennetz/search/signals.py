"""The index's own housekeeping. What keeps it current when the indexed data changes lives
with that data (``directory/search_index.py``): receivers only schedule work
(``indexing.schedule_offer_ids``); documents are rebuilt when the transaction commits."""

from __future__ import annotations

from django.db.models.signals import post_delete, pre_delete
from django.dispatch import receiver

from familiennetz.alliances.models import Alliance

from .indexing import forget_alliance, forget_document
from .models import SearchDocument


@receiver(pre_delete, sender=Alliance)
def alliance_deleted(sender, instance, **kwargs):
    forget_alliance(instance.pk)


@receiver(post_delete, sender=SearchDocument)
def document_deleted(sender, instance, **kwargs):
    forget_document(instance)
