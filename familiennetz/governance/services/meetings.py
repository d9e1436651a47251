"""Meetings: planning (one-off or recurring), agenda and attachments, invitations,
attendance, minutes with decisions and action items, approval and amendments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from familiennetz.alliances.models import Alliance
from familiennetz.core.files import DOCUMENTS, IMAGES, check_upload
from familiennetz.events import occurrences as rec
from familiennetz.network.models import ContactPerson

from ..models import (
    ActionItem,
    AgendaAttachment,
    AgendaItem,
    Attendance,
    Body,
    Decision,
    Meeting,
    MeetingSeries,
    Minutes,
)
from ..tasks import send_meeting_invitation
from .common import same_alliance

# How far ahead a recurring meeting is planned (and at most how many dates at once).
SERIES_MONTHS = 12
SERIES_LIMIT = 60
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
ATTACHMENT_KINDS = (*DOCUMENTS, *IMAGES)


def _check_times(starts_at, ends_at) -> None:
    if starts_at and ends_at and ends_at <= starts_at:
        raise ValidationError({"ends_at": _("A meeting has to end after it starts.")})


@transaction.atomic
def meeting_create(
    *,
    body: Body,
    title: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    place: str = "",
    video_url: str = "",
    rrule: str = "",
) -> Meeting:
    """One meeting, or with ``rrule`` a series whose dates for the next 12 months are
    planned at once (the calendar's recurrence: events.occurrences.expand)."""
    _check_times(starts_at, ends_at)
    common = {
        "alliance": body.alliance,
        "body": body,
        "title": title,
        "place": place,
        "video_url": video_url,
    }
    if not rrule:
        return Meeting.objects.create(**common, starts_at=starts_at, ends_at=ends_at)
    try:
        rule = rec.normalise_rrule(rrule)
    except rec.RecurrenceError as exc:
        raise ValidationError({"rrule": str(exc)}) from exc
    series = MeetingSeries.objects.create(
        **common, starts_at=starts_at, ends_at=ends_at, rrule=rule
    )
    # One year of dates: up to the day before the first date comes round again.
    end = starts_at + relativedelta(months=SERIES_MONTHS, days=-1)
    window = rec.Window(start=starts_at, end=end)
    slots = rec.expand(
        starts_at=starts_at, ends_at=ends_at, rrule=rule, window=window, limit=SERIES_LIMIT
    )
    meetings = Meeting.objects.bulk_create(
        [
            Meeting(
                **common,
                series=series,
                original_start=slot.original_start,
                starts_at=slot.starts_at,
                ends_at=slot.ends_at,  # type: ignore[misc]  # set: meetings have an end
            )
            for slot in slots
        ]
    )
    return meetings[0]


@transaction.atomic
def meeting_update(*, meeting: Meeting, values: dict) -> Meeting:
    _check_times(values.get("starts_at"), values.get("ends_at"))
    for name, value in values.items():
        setattr(meeting, name, value)
    meeting.save()
    return meeting


def _check_files(files) -> None:
    for upload in files:
        try:
            check_upload(upload, kinds=ATTACHMENT_KINDS, max_bytes=ATTACHMENT_MAX_BYTES)
        except ValidationError as exc:
            raise ValidationError(
                {"files": [f"{upload.name}: {message}" for message in exc.messages]}
            ) from exc


@transaction.atomic
def agenda_item_add(
    *,
    meeting: Meeting,
    title: str,
    description: str = "",
    owner=None,
    minutes: int | None = None,
    files=(),
    actor=None,
    from_action: ActionItem | None = None,
    from_item: AgendaItem | None = None,
) -> AgendaItem:
    """Add an item at the end of the agenda, with its attachments (all or nothing: every
    file is checked before anything is stored)."""
    same_alliance(meeting.alliance, "owner", owner)
    _check_files(files)
    position = (meeting.agenda.aggregate(top=Max("position"))["top"] or 0) + 1
    item = AgendaItem.objects.create(
        alliance=meeting.alliance,
        meeting=meeting,
        position=position,
        title=title,
        description=description,
        owner=owner,
        minutes=minutes,
        from_action=from_action,
        from_item=from_item,
    )
    _store_files(item, files, actor)
    return item


def _store_files(item: AgendaItem, files, actor) -> None:
    for upload in files:
        AgendaAttachment.objects.create(
            alliance=item.alliance,
            item=item,
            file=upload,
            filename=upload.name[:200],
            size=upload.size,
            uploaded_by=actor,
        )


@transaction.atomic
def agenda_item_update(*, item: AgendaItem, values: dict, files=(), actor=None) -> AgendaItem:
    same_alliance(item.alliance, "owner", values.get("owner"))
    _check_files(files)
    for name, value in values.items():
        setattr(item, name, value)
    item.save()
    _store_files(item, files, actor)
    return item


def previous_meeting(meeting: Meeting) -> Meeting | None:
    return (
        Meeting.objects.filter(body_id=meeting.body_id, starts_at__lt=meeting.starts_at)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("-starts_at")
        .first()
    )


@transaction.atomic
def agenda_from_open_items(*, meeting: Meeting) -> int:
    """Start the agenda from what is still open: the body's open action items and the
    previous meeting's deferred items. Items already on the agenda are not added twice."""
    present_actions = set(meeting.agenda.values_list("from_action_id", flat=True))
    present_items = set(meeting.agenda.values_list("from_item_id", flat=True))
    added = 0
    previous = previous_meeting(meeting)
    if previous is not None:
        for item in previous.agenda.filter(outcome=AgendaItem.Outcome.DEFERRED):
            if item.pk in present_items:
                continue
            agenda_item_add(
                meeting=meeting,
                title=item.title,
                description=item.description,
                owner=item.owner,
                from_item=item,
            )
            added += 1
    actions = ActionItem.objects.filter(
        body_id=meeting.body_id, status__in=ActionItem.OPEN_STATES
    ).select_related("owner")
    for action in actions.order_by("due_on", "pk"):
        if action.pk in present_actions:
            continue
        agenda_item_add(
            meeting=meeting,
            title=_("Status: %(action)s") % {"action": action.title},
            owner=action.owner,
            from_action=action,
        )
        added += 1
    return added


@transaction.atomic
def invitation_send(*, meeting: Meeting) -> None:
    meeting.invitation_sent_at = timezone.now()
    meeting.save(update_fields=["invitation_sent_at", "updated_at"])
    meeting_id = meeting.pk
    transaction.on_commit(lambda: send_meeting_invitation.enqueue(meeting_id=meeting_id))


@transaction.atomic
def attendance_save(*, meeting: Meeting, statuses: dict) -> int:
    """``statuses``: {contact person: present|excused|absent|""} ("" removes the entry)."""
    saved = 0
    for contact, status in statuses.items():
        same_alliance(meeting.alliance, "attendance", contact)
        if not status:
            Attendance.objects.filter(meeting=meeting, contact=contact).delete()
            continue
        Attendance.objects.update_or_create(
            meeting=meeting,
            contact=contact,
            defaults={
                "alliance": meeting.alliance,
                "partner_id": contact.partner_id,
                "status": status,
            },
        )
        saved += 1
    return saved


@dataclass
class NewAction:
    title: str
    owner: ContactPerson | None = None
    due_on: dt.date | None = None
    description: str = ""


def _next_decision_number(alliance: Alliance, year: int) -> int:
    # The alliance row is the lock for numbering (SQLite: the write lock of BEGIN IMMEDIATE).
    Alliance.objects.select_for_update().filter(pk=alliance.pk).first()
    top = Decision.objects.filter(alliance=alliance, year=year).aggregate(top=Max("number"))
    return (top["top"] or 0) + 1


def _validate_actions(meeting: Meeting, actions: list[NewAction], prefix: str) -> None:
    meeting_day = timezone.localtime(meeting.starts_at).date()
    errors = {}
    for index, action in enumerate(actions):
        same_alliance(meeting.alliance, f"{prefix}-{index}-owner", action.owner)
        if action.due_on is not None and action.due_on < meeting_day:
            errors[f"{prefix}-{index}-due_on"] = _(
                "The due date lies before the meeting (%(day)s)."
            ) % {"day": meeting_day.strftime("%d.%m.%Y")}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def minutes_save(
    *,
    meeting: Meeting,
    text: str,
    actor,
    decisions: Sequence[str] = (),
    actions: Sequence[NewAction] = (),
    reason: str = "",
    action_prefix: str = "actions",
) -> Minutes:
    """Save the minutes with new decisions (numbered) and action items, all or nothing.

    Approved minutes are locked: their text changes only as an amendment with a reason
    (recorded in the history); decisions are not added to approved minutes."""
    minutes = Minutes.objects.select_for_update().filter(meeting=meeting).first()
    if minutes is None:
        minutes = Minutes(alliance=meeting.alliance, meeting=meeting)
    actions = list(actions)
    decisions = [d.strip() for d in decisions if d and d.strip()]
    if minutes.is_locked:
        if decisions or actions:
            raise ValidationError(
                _("The minutes are approved: decisions and actions cannot be added any more.")
            )
        if not reason.strip():
            raise ValidationError(
                {"reason": _("Approved minutes change only with a reason for the amendment.")}
            )
    _validate_actions(meeting, actions, action_prefix)
    if text != minutes.text or minutes.pk is None:
        minutes.text = text
        minutes._change_reason = reason.strip() or None  # type: ignore[attr-defined]
        minutes.save()
    if decisions:
        year = timezone.localtime(meeting.starts_at).year
        number = _next_decision_number(meeting.alliance, year)
        for offset, decision in enumerate(decisions):
            Decision.objects.create(
                alliance=meeting.alliance,
                meeting=meeting,
                year=year,
                number=number + offset,
                text=decision,
            )
    for action in actions:
        ActionItem.objects.create(
            alliance=meeting.alliance,
            meeting=meeting,
            body_id=meeting.body_id,
            title=action.title,
            description=action.description,
            owner=action.owner,
            due_on=action.due_on,
        )
    return minutes


@transaction.atomic
def minutes_approve(*, meeting: Meeting, actor) -> Minutes:
    minutes = Minutes.objects.select_for_update().filter(meeting=meeting).first()
    if minutes is None or not minutes.text.strip():
        raise ValidationError(_("There are no minutes to approve yet."))
    if minutes.is_locked:
        return minutes
    minutes.status = Minutes.Status.APPROVED
    minutes.approved_at = timezone.now()
    minutes.approved_by = actor
    minutes._change_reason = _("approved")  # type: ignore[attr-defined]
    minutes.save()
    if meeting.status == Meeting.Status.PLANNED:
        meeting.status = Meeting.Status.HELD
        meeting.save(update_fields=["status", "updated_at"])
    return minutes


@transaction.atomic
def action_save(*, alliance, values: dict, action: ActionItem | None = None) -> ActionItem:
    action = action or ActionItem(alliance=alliance)
    same_alliance(alliance, "owner", values.get("owner"))
    same_alliance(alliance, "project", values.get("project"))
    meeting = values.get("meeting", action.meeting)
    due_on = values.get("due_on", action.due_on)
    if meeting is not None and due_on is not None:
        day = timezone.localtime(meeting.starts_at).date()
        if due_on < day:
            raise ValidationError(
                {
                    "due_on": _("The due date lies before the meeting (%(day)s).")
                    % {"day": day.strftime("%d.%m.%Y")}
                }
            )
    for name, value in values.items():
        setattr(action, name, value)
    _track_done(action)
    action.save()
    return action


def _track_done(action: ActionItem) -> None:
    if action.status == ActionItem.Status.DONE and action.done_at is None:
        action.done_at = timezone.now()
    elif action.status != ActionItem.Status.DONE:
        action.done_at = None


@transaction.atomic
def action_set_status(*, action: ActionItem, status: str) -> ActionItem:
    if status not in ActionItem.Status.values:
        raise ValidationError({"status": _("Choose a status.")})
    action.status = status
    _track_done(action)
    action.save(update_fields=["status", "done_at", "updated_at"])
    return action
