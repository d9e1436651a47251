"""Writes to the family calendar: materialising occurrences, single-date changes, event status.

Whoever saves an event (admin, workspace, import, demo data) calls
``event_sync_occurrences(event=...)`` afterwards; ``refresh_occurrences`` (daily) moves the
window forward. See docs/adr/0008-occurrences.md.

Every service here that cancels, postpones, moves or reinstates a date that people registered
for tells them by e-mail (``registration.registrations_notify_date_change``, after commit).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, fields

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from familiennetz.alliances import content_version
from familiennetz.alliances.models import Alliance

from . import occurrences as rec
from .models import Event, EventStatus, HolidayPeriod, Occurrence, Registration
from .registration import registrations_notify_date_change


@dataclass
class SyncResult:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    cancelled: int = 0  # dropped from the series but kept (they have registrations)
    events: int = 0
    # Dates whose time changed or that were cancelled: registrants hear about these.
    changed_ids: set[int] = field(default_factory=set)

    def __add__(self, other: SyncResult) -> SyncResult:
        counts = {
            f.name: getattr(self, f.name) + getattr(other, f.name)
            for f in fields(self)
            if f.name != "changed_ids"
        }
        return SyncResult(**counts, changed_ids=self.changed_ids | other.changed_ids)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted or self.cancelled)


def holiday_ranges(*, alliance: Alliance) -> list[tuple[dt.date, dt.date]]:
    return list(
        HolidayPeriod.objects.for_alliance(alliance)
        .order_by("starts_on")
        .values_list("starts_on", "ends_on")
    )


def _same(a: dt.datetime | None, b: dt.datetime | None) -> bool:
    return a == b  # aware datetimes compare by instant


def _pair_rows_with_slots(
    rows: list[Occurrence], slots: list[rec.Slot]
) -> tuple[list[tuple[Occurrence, rec.Slot]], list[Occurrence], list[rec.Slot]]:
    """Match stored rows to the rule's slots: by original start first, then by local day.

    The second pass keeps a date's row (its id, registrations and single-date changes) when
    the series' time of day changes, e.g. from 15:00 to 16:00.
    """
    slot_by_key = {slot.original_start.astimezone(rec.UTC): slot for slot in slots}
    pairs, loose_rows = [], []
    taken: set[dt.datetime] = set()
    for row in rows:
        key = row.original_start.astimezone(rec.UTC)
        if key in slot_by_key and key not in taken:
            pairs.append((row, slot_by_key[key]))
            taken.add(key)
        else:
            loose_rows.append(row)
    free_by_day: dict[dt.date, list[rec.Slot]] = defaultdict(list)
    for slot in slots:
        if slot.original_start.astimezone(rec.UTC) not in taken:
            free_by_day[slot.local_date].append(slot)
    unmatched_rows = []
    for row in sorted(loose_rows, key=lambda r: r.original_start):
        day = row.original_start.astimezone(rec.BERLIN).date()
        if free_by_day.get(day):
            pairs.append((row, free_by_day[day].pop(0)))
        else:
            unmatched_rows.append(row)
    unmatched_slots = [slot for day_slots in free_by_day.values() for slot in day_slots]
    return pairs, unmatched_rows, unmatched_slots


@transaction.atomic
def event_sync_occurrences(
    *,
    event: Event,
    today: dt.date | None = None,
    window: rec.Window | None = None,
    notify: bool = True,
) -> SyncResult:
    """Create, update and delete ``event``'s generated occurrences inside the window.

    - Rows with ``is_modified=True`` (a single date changed or cancelled) are kept; if the
      series' time changes they move along unless they were moved by hand.
    - A date that the rule no longer gives is deleted — unless somebody registered for it:
      then it is kept as cancelled, so nobody loses a registration silently.
    - Rows that started before the window are history and never touched.
    - People registered for a date that moved or was cancelled get an e-mail (``notify``;
      a caller that collects changes from several steps passes False and notifies once).
    """
    window = window or rec.materialisation_window(today)
    # Serialise concurrent syncs of one event (PostgreSQL; SQLite serialises writers anyway).
    Event.objects.select_for_update().filter(pk=event.pk).values_list("pk").first()
    slots = rec.event_slots(event, window=window, holidays=holiday_ranges(alliance=event.alliance))
    rows = list(Occurrence.objects.filter(event=event, original_start__gte=window.start))
    pairs, unmatched_rows, unmatched_slots = _pair_rows_with_slots(rows, slots)
    now = timezone.now()
    result = SyncResult(events=1)

    changed = []
    for row, slot in pairs:
        before = (row.original_start, row.starts_at, row.ends_at)
        if row.is_modified:
            if _same(row.starts_at, row.original_start):  # not moved by hand: follow the series
                row.starts_at, row.ends_at = slot.starts_at, slot.ends_at
            row.original_start = slot.original_start
        else:
            row.original_start, row.starts_at, row.ends_at = (
                slot.original_start,
                slot.starts_at,
                slot.ends_at,
            )
        after = (row.original_start, row.starts_at, row.ends_at)
        if not all(_same(a, b) for a, b in zip(before, after, strict=True)):
            row.updated_at = now
            changed.append(row)
            if not (_same(before[1], after[1]) and _same(before[2], after[2])):
                result.changed_ids.add(row.pk)
    if changed:
        Occurrence.objects.bulk_update(
            changed, ["original_start", "starts_at", "ends_at", "updated_at"]
        )
        result.updated = len(changed)

    generated = [row for row in unmatched_rows if not row.is_modified]
    if generated:
        ids = [row.pk for row in generated]
        with_registrations = set(
            Registration.objects.filter(occurrence_id__in=ids).values_list(
                "occurrence_id", flat=True
            )
        )
        if with_registrations:
            result.cancelled = Occurrence.objects.filter(pk__in=with_registrations).update(
                event_status=EventStatus.CANCELLED, is_modified=True, updated_at=now
            )
            result.changed_ids |= with_registrations
        doomed = [pk for pk in ids if pk not in with_registrations]
        if doomed:
            result.deleted, _detail = Occurrence.objects.filter(pk__in=doomed).delete()

    if unmatched_slots:
        Occurrence.objects.bulk_create(
            [
                Occurrence(
                    alliance_id=event.alliance_id,
                    event=event,
                    original_start=slot.original_start,
                    starts_at=slot.starts_at,
                    ends_at=slot.ends_at,
                )
                for slot in unmatched_slots
            ]
        )
        result.created = len(unmatched_slots)
    if result.changed:  # bulk writes send no signals: cached calendar pages must change
        content_version.bump(event.alliance_id)
    if notify:
        registrations_notify_date_change(occurrence_ids=result.changed_ids)
    return result


def occurrences_refresh(
    *,
    alliance: Alliance | None = None,
    today: dt.date | None = None,
    only_holiday_skipping: bool = False,
) -> SyncResult:
    """Sync every event (of one alliance or all) for the current window; run daily."""
    window = rec.materialisation_window(today)
    events = Event.objects.select_related("alliance").order_by("pk")
    if alliance is not None:
        events = events.for_alliance(alliance)
    if only_holiday_skipping:
        events = events.filter(skips_school_holidays=True)
    total = SyncResult()
    for event in events.iterator(chunk_size=500):
        if rec.can_reach_window(event, window):
            total = total + event_sync_occurrences(event=event, window=window)
    return total


def alliance_holidays_changed(*, alliance: Alliance) -> SyncResult:
    """Call after adding, changing or deleting holiday periods (admin, .ics import)."""
    return occurrences_refresh(alliance=alliance, only_holiday_skipping=True)


# --- single dates --------------------------------------------------------------------------


def _date_state(occurrence: Occurrence) -> tuple:
    """What registrants care about: when, and whether it takes place."""
    return (occurrence.starts_at, occurrence.ends_at, occurrence.event_status)


@transaction.atomic
def occurrence_cancel(*, occurrence: Occurrence, note: str = "") -> Occurrence:
    """Cancel one date; it stays visible (and in feeds) as cancelled and survives regeneration.
    People registered for it get an e-mail."""
    was_cancelled = occurrence.event_status == EventStatus.CANCELLED
    occurrence.event_status = EventStatus.CANCELLED
    occurrence.status_note = note
    occurrence.is_modified = True
    occurrence.save(update_fields=["event_status", "status_note", "is_modified", "updated_at"])
    if not was_cancelled:
        registrations_notify_date_change(occurrence_ids=[occurrence.pk])
    return occurrence


_UNCHANGED = object()


@transaction.atomic
def occurrence_update(
    *,
    occurrence: Occurrence,
    starts_at: dt.datetime | None = None,
    ends_at=_UNCHANGED,
    event_status: str | None = None,
    status_note: str | None = None,
) -> Occurrence:
    """Change one date (move it, give it a status or a notice); kept on regeneration.

    Moving the start moves the end along unless ``ends_at`` is given. If the time or the status
    changed, people registered for the date get an e-mail.
    """
    before = _date_state(occurrence)
    if starts_at is not None:
        if ends_at is _UNCHANGED and occurrence.ends_at is not None:
            ends_at = starts_at + (occurrence.ends_at - occurrence.starts_at)
        occurrence.starts_at = starts_at
    if ends_at is not _UNCHANGED:
        occurrence.ends_at = ends_at
    if occurrence.ends_at is not None and occurrence.ends_at < occurrence.starts_at:
        raise ValidationError(_("A date cannot end before it starts."))
    if event_status is not None:
        occurrence.event_status = event_status
    if status_note is not None:
        occurrence.status_note = status_note
    occurrence.is_modified = True
    occurrence.save()
    if _date_state(occurrence) != before:
        registrations_notify_date_change(occurrence_ids=[occurrence.pk])
    return occurrence


@transaction.atomic
def occurrence_reset(*, occurrence: Occurrence) -> Occurrence:
    """Undo single-date changes: the date follows the series again (registrants are told if
    that changes its time or reinstates it)."""
    event = occurrence.event
    before = _date_state(occurrence)
    occurrence.event_status = EventStatus.SCHEDULED
    occurrence.status_note = ""
    occurrence.is_modified = False
    occurrence.starts_at = occurrence.original_start
    if event.ends_at is not None and not event.is_all_day:
        occurrence.ends_at = occurrence.original_start + (event.ends_at - event.starts_at)
    occurrence.save()
    pk = occurrence.pk
    result = event_sync_occurrences(event=event, notify=False)
    try:
        occurrence.refresh_from_db()
    except Occurrence.DoesNotExist:  # the series no longer has this date
        occurrence.pk = None
    else:
        if _date_state(occurrence) != before:
            result.changed_ids.add(pk)
    registrations_notify_date_change(occurrence_ids=result.changed_ids)
    return occurrence


def event_future_date_ids(*, event: Event, now: dt.datetime | None = None) -> list[int]:
    now = now or timezone.now()
    return list(
        Occurrence.objects.filter(event=event, starts_at__gt=now).values_list("pk", flat=True)
    )


def _date_status(event_status: str, date_status: str) -> str:
    """What a date shows (selectors.effective_status, on plain values)."""
    if event_status == EventStatus.CANCELLED:
        return EventStatus.CANCELLED
    return date_status if date_status != EventStatus.SCHEDULED else event_status


def event_status_change_date_ids(
    *, event: Event, old_status: str, new_status: str, now: dt.datetime | None = None
) -> list[int]:
    """Future dates of ``event`` whose shown status changes with the event's status (a date
    cancelled on its own stays cancelled when the event moves online: no news for it)."""
    now = now or timezone.now()
    dates = Occurrence.objects.filter(event=event, starts_at__gt=now).values_list(
        "pk", "event_status"
    )
    return [
        pk
        for pk, date_status in dates
        if _date_status(old_status, date_status) != _date_status(new_status, date_status)
    ]


@transaction.atomic
def event_set_status(*, event: Event, event_status: str, note: str = "") -> Event:
    """Cancel, postpone or move a whole event online (or back); every date shows the notice.
    People registered for a future date get an e-mail when what that date shows changes."""
    old_status = event.event_status
    event.event_status = event_status
    event.status_note = note
    event.save(update_fields=["event_status", "status_note", "updated_at"])
    registrations_notify_date_change(
        occurrence_ids=event_status_change_date_ids(
            event=event, old_status=old_status, new_status=event_status
        )
    )
    return event


def event_apply_related(event, related: dict) -> None:
    """After every applied save of an event (``moderation.services.entry_save``): its dates."""
    event_sync_occurrences(event=event)
