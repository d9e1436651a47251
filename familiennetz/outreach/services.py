"""Writes of the network's pages: Erste-Hilfe-Box lines, rallies, stations, completions."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from familiennetz.core import files
from familiennetz.core.slugs import unique_slug

from .models import HelpContact, NewsItem, Rally, RallyStation, TransitionStep

HELP_FIELDS = ("group", "name", "phone", "hours", "note", "position")
RALLY_FIELDS = ("title", "intro", "is_published")
STATION_FIELDS = ("location", "number", "title", "task", "picture_text")


@transaction.atomic
def help_contact_save(*, alliance, values: dict, contact: HelpContact | None = None) -> HelpContact:
    contact = contact or HelpContact(alliance=alliance)
    for name in HELP_FIELDS:
        if name in values:
            setattr(contact, name, values[name])
    if contact.position == 0 and contact.pk is None:
        last = HelpContact.objects.filter(alliance=alliance, group=contact.group).count()
        contact.position = (last + 1) * 10
    contact.full_clean()
    contact.save()
    return contact


@transaction.atomic
def help_contact_delete(*, contact: HelpContact) -> None:
    contact.delete()


@transaction.atomic
def rally_save(*, alliance, values: dict, rally: Rally | None = None) -> Rally:
    rally = rally or Rally(alliance=alliance)
    for name in RALLY_FIELDS:
        if name in values:
            setattr(rally, name, values[name])
    if not rally.slug:
        rally.slug = unique_slug(model=Rally, alliance=alliance, text=rally.title)
    if rally.is_published and rally.pk and not rally.stations.exists():
        raise ValidationError({"is_published": _("Add at least one station before publishing.")})
    if rally.is_published and not rally.pk:
        raise ValidationError({"is_published": _("Add at least one station before publishing.")})
    rally.full_clean()
    rally.save()
    return rally


@transaction.atomic
def station_save(
    *, rally: Rally, values: dict, picture=None, station: RallyStation | None = None
) -> RallyStation:
    """Save a station; ``picture`` (an upload, checked by the form) is stored without its
    metadata (a phone photo's location) in the private storage."""
    station = station or RallyStation(alliance=rally.alliance, rally=rally)
    location = values.get("location")
    if location is None:
        raise ValidationError({"location": _("Choose the place of this station.")})
    if location.alliance_id != rally.alliance_id:
        raise ValidationError({"location": _("This place is not one of this network's places.")})
    for name in STATION_FIELDS:
        if name in values:
            setattr(station, name, values[name])
    taken = RallyStation.objects.filter(rally=rally, number=station.number).exclude(pk=station.pk)
    if taken.exists():
        raise ValidationError({"number": _("Another station already has this number.")})
    if picture:
        files.check_upload(picture, kinds=files.IMAGES)
        clean = files.strip_image_metadata(picture, max_side=1600)
        if station.picture:
            station.picture.delete(save=False)
        station.picture.save(clean.name or "station.jpg", clean, save=False)
    station.full_clean()
    station.save()
    return station


@transaction.atomic
def station_delete(*, station: RallyStation) -> None:
    if station.picture:
        station.picture.delete(save=False)
    station.delete()


def station_complete(*, station: RallyStation) -> None:
    """Count one completion (no person, no time: just the number)."""
    RallyStation.objects.filter(pk=station.pk).update(completions=F("completions") + 1)


@transaction.atomic
def news_save(*, alliance, values: dict, item: NewsItem | None = None) -> NewsItem:
    """Save a news item; ``is_published`` publishes it (keeping the first publication time)
    or takes it back to a draft."""
    item = item or NewsItem(alliance=alliance)
    for name in ("title", "summary", "text"):
        if name in values:
            setattr(item, name, values[name])
    if not item.slug:
        item.slug = unique_slug(model=NewsItem, alliance=alliance, text=item.title, max_length=120)
    if "is_published" in values:
        if values["is_published"] and item.published_at is None:
            item.published_at = timezone.now()
        elif not values["is_published"]:
            item.published_at = None
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def news_delete(*, item: NewsItem) -> None:
    item.delete()


# --- Kita → school ---------------------------------------------------------------------------

TRANSITION_FIELDS = ("phase", "when", "title", "text", "offer", "location", "position")


@transaction.atomic
def transition_step_save(
    *, alliance, values: dict, step: TransitionStep | None = None
) -> TransitionStep:
    """Create or change a step; its contact must be an offer or place of the same network."""
    step = step or TransitionStep(alliance=alliance)
    for name in TRANSITION_FIELDS:
        if name in values:
            setattr(step, name, values[name])
    for name in ("offer", "location"):
        linked = getattr(step, name)
        if linked is not None and linked.alliance_id != alliance.pk:
            raise ValidationError({name: _("Choose an offer or place of this network.")})
    if step.position == 0 and step.pk is None:
        step.position = (TransitionStep.objects.filter(alliance=alliance).count() + 1) * 10
    step.full_clean()
    step.save()
    return step


@transaction.atomic
def transition_step_delete(*, step: TransitionStep) -> None:
    step.delete()
