"""Receivers: a translated record's translations go when the record is deleted."""

from __future__ import annotations

from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import ContentTranslation
from .registry import kind_or_none


@receiver(post_delete)
def forget_translations(sender, instance, **kwargs):
    if kind_or_none(sender) is not None and instance.pk is not None:
        ContentTranslation.objects.for_object(instance).delete()
