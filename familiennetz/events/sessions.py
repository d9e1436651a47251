"""An offer's regular sessions as dates in the calendar (issue 16).

Each published offer's session schedule (``directory.Schedule``, kind "session", with a
rule and a start time) is mirrored by one event (``Event.schedule``) whose dates the
calendar's views, feeds and widget show like any other; "not during school holidays" is the
schedule's rule ``skips_school_holidays``, applied with the alliance's holiday calendar
(``HolidayPeriod``) when the dates are generated. The mirror follows the schedule and the
offer (signal receivers below, on commit); it is not edited as an event.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from functools import partial

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from familiennetz.core.slugs import unique_slug
from familiennetz.directory.models import Offer, OfferLocation, Schedule
from familiennetz.directory.recurrence import next_dates

from . import occurrences as rec
from .models import Event
from .occurrences import BERLIN
from .services import event_sync_occurrences

logger = logging.getLogger(__name__)

MIRRORED_STATUS = "published"


def _wanted(offer: Offer) -> list[Schedule]:
    if offer.status != MIRRORED_STATUS:
        return []
    # Sessions at a place, and the offer's own times (no place, ADR 1540).
    at_places = [s for link in offer.offer_locations.all() for s in link.schedules.all()]
    return [
        schedule
        for schedule in [*at_places, *offer.schedules.all()]
        if schedule.kind == Schedule.Kind.SESSION and schedule.rrule and schedule.opens_at
    ]


def _start(schedule: Schedule, today: dt.date) -> tuple[dt.datetime, dt.datetime | None]:
    # The series starts on the rule's first day (RFC 5545 counts DTSTART as a date), from a
    # week ago or from the schedule's first day.
    after = max(schedule.valid_from or dt.date.min, today - dt.timedelta(days=7))
    first = next(iter(next_dates(schedule, after, count=1)), after)
    starts = dt.datetime.combine(first, schedule.opens_at, tzinfo=BERLIN)
    ends = None
    if schedule.closes_at:
        ends = dt.datetime.combine(first, schedule.closes_at, tzinfo=BERLIN)
    return starts, ends


def _rule(schedule: Schedule) -> str:
    rule = rec.normalise_rrule(schedule.rrule)
    if schedule.valid_to and "UNTIL=" not in rule and "COUNT=" not in rule:
        rule += f";UNTIL={schedule.valid_to:%Y%m%d}T235959"
    return rule


def offer_sessions_sync(*, offer: Offer, today: dt.date | None = None) -> int:
    """Create, update or delete the calendar events of ``offer``'s sessions; returns how many
    sessions are in the calendar afterwards."""
    today = today or timezone.localdate()
    offer = (
        Offer.objects.filter(pk=offer.pk)
        .select_related("organisation")
        .prefetch_related("categories", "languages", "offer_locations__schedules", "schedules")
        .first()
    )
    if offer is None:
        return 0
    wanted = {schedule.pk: schedule for schedule in _wanted(offer)}
    existing = {
        event.schedule_id: event
        for event in Event.objects.filter(
            Q(schedule__offer_location__offer=offer) | Q(schedule__offer=offer)
        )
    }
    for schedule_id, event in existing.items():
        if schedule_id not in wanted:
            event.delete()
    for schedule in wanted.values():
        try:
            rule = _rule(schedule)
        except rec.RecurrenceError:
            logger.warning("Schedule %s has a rule the calendar cannot use", schedule.pk)
            continue
        event = existing.get(schedule.pk) or Event(
            alliance_id=offer.alliance_id,
            schedule=schedule,
            slug=unique_slug(model=Event, alliance=offer.alliance, text=offer.name),
        )
        starts, ends = _start(schedule, today)
        event.organisation = offer.organisation
        event.offer = offer
        event.title = offer.name
        event.summary = offer.summary[:400]
        event.description = offer.description
        # The offer's own times have no place: the event has none either.
        event.location_id = (
            schedule.offer_location.location_id if schedule.offer_location_id else None
        )
        event.starts_at, event.ends_at = starts, ends
        event.rrule = rule
        event.skips_school_holidays = schedule.skips_school_holidays
        event.status = MIRRORED_STATUS
        for name in ("for_pregnancy", "age_min_months", "age_max_months", "is_free"):
            setattr(event, name, getattr(offer, name))
        event.fee_description = offer.fee_description[:300]
        event.last_checked_at = offer.last_checked_at
        event.save()
        event.categories.set(offer.categories.all())
        event.languages.set(offer.languages.all())
        event_sync_occurrences(event=event, today=today, notify=False)
    return len(wanted)


_pending = threading.local()


def _pending_ids() -> set[int]:
    if not hasattr(_pending, "ids"):
        _pending.ids = set()
    return _pending.ids


def _sync_pending(offer_id: int) -> None:
    # The first hook of a commit syncs every offer touched in it, once each.
    pending = _pending_ids()
    if offer_id not in pending:
        return
    due = sorted(pending)
    pending.clear()
    for offer in Offer.objects.filter(pk__in=due):
        offer_sessions_sync(offer=offer)


def schedule_sync(offer_id: int | None) -> None:
    """Sync ``offer_id``'s sessions when the current transaction commits."""
    if offer_id:
        _pending_ids().add(offer_id)
        transaction.on_commit(partial(_sync_pending, offer_id), robust=True)


@receiver(post_save, sender=Offer)
def offer_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule_sync(instance.pk)


@receiver(post_save, sender=Schedule)
@receiver(post_delete, sender=Schedule)
def schedule_changed(sender, instance, raw=False, **kwargs):
    if not raw and instance.offer_id:
        schedule_sync(instance.offer_id)
    elif not raw and instance.offer_location_id:
        offer_id = (
            OfferLocation.objects.filter(pk=instance.offer_location_id)
            .values_list("offer_id", flat=True)
            .first()
        )
        schedule_sync(offer_id)
