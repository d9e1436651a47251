"""Receivers: a place gets its district from its coordinates whenever it is saved (forms,
imports, the API, plain ORM saves), because the directory, below us, must not know about
boundaries (docs/dev/socialspace.md)."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from familiennetz.directory.models import Location

from .models import District
from .services import boundaries_changed, place_assign_district

_CHANGED = "_socialspace_district_changed"


@receiver(pre_save, sender=Location, dispatch_uid="socialspace-place-district")
def place_district_from_coordinates(
    sender, instance: Location, raw=False, update_fields=None, **kwargs
):
    if raw:
        return
    if update_fields is not None and not {"latitude", "longitude"} & set(update_fields):
        return
    setattr(instance, _CHANGED, place_assign_district(instance))


@receiver(post_save, sender=Location, dispatch_uid="socialspace-place-district-saved")
def place_district_saved(sender, instance: Location, update_fields=None, **kwargs):
    # A save limited to the coordinates (update_fields) would not write the new district.
    if (
        getattr(instance, _CHANGED, False)
        and update_fields is not None
        and "district" not in update_fields
    ):
        Location.objects.filter(pk=instance.pk).update(district_id=instance.district_id)
    setattr(instance, _CHANGED, False)


@receiver([post_save, post_delete], sender=District, dispatch_uid="socialspace-boundary-cache")
def district_saved(sender, instance: District, **kwargs):
    boundaries_changed(instance.alliance_id)
