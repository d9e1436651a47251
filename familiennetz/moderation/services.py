"""Writing entries (workspace, API, review queue, imports) and public suggestions.

``entry_save`` is the one door for changes of entries: it applies them at once when the user
may publish (or the entry is not live yet), and otherwise files them as a ``change`` for review.
Accepting, editing-and-accepting and rejecting go through ``review_*``. Every applied change is
recorded by the history (django-simple-history) with the reviewing user.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.models import HistoricalRecords
from simple_history.utils import get_m2m_field_name

from familiennetz.alliances.models import Alliance
from familiennetz.core.slugs import unique_slug

from .changes import EntryChanges, changes_from_submission
from .entries import is_live, perm_name, status_field
from .kinds import kind_for
from .models import ChangeRequest
from .signals import entry_confirmed
from .tasks import notify_author, notify_coordination

logger = logging.getLogger("familiennetz.moderation")
Kind, State = ChangeRequest.Kind, ChangeRequest.State

APPLIED, QUEUED = "applied", "queued"


@dataclass
class SaveOutcome:
    entry: Any  # the organisation, place, offer or event as saved
    result: str  # APPLIED or QUEUED
    item: ChangeRequest | None = None


def _target_fields(entry) -> dict:
    return {
        "content_type": ContentType.objects.get_for_model(entry),
        "object_id": entry.pk,
    }


def _apply(entry, changes: EntryChanges, *, user, reason: str):
    """Write ``changes`` to ``entry`` (and its related rows) and mark it as checked."""
    kind = kind_for(entry)
    for name, value in changes.fields.items():
        setattr(entry, name, value)
    if entry.pk is None and not entry.slug:  # made once: slugs are printed on flyers
        entry.slug = unique_slug(
            model=type(entry),
            alliance=entry.alliance_id,
            text=kind.display_name(entry),
            max_length=120,
        )
    entry.last_checked_at = changes.checked_at or timezone.now()
    entry.last_checked_by = user if user is not None and user.is_authenticated else None
    if kind.status_field and kind.is_live(entry) and hasattr(entry, "published_at"):
        entry.published_at = entry.published_at or timezone.now()
    entry._change_reason = reason
    entry.save()
    for name, values in changes.many.items():
        getattr(entry, name).set(values)
    if kind.apply_related is not None:
        kind.apply_related(entry, changes.related)
    return entry


@transaction.atomic
def entries_save(
    pairs: list[tuple[Any, EntryChanges]], *, user, reason: str | None = None
) -> list[SaveOutcome]:
    """``entry_save`` for many entries at once (imports and connectors acting for the
    coordination, ADR 1542): the same writes, checked dates and publication dates, but in one
    transaction without a savepoint per entry (all or nothing, as the caller's import is), the
    history records written in bulk (with the many-to-many sets, as one save would record
    them) and the pending publication requests of live entries settled with one statement.
    Every change must apply at once (no user, or one who may publish)."""
    outcomes: list[SaveOutcome] = []
    created: list[Any] = []
    changed: list[Any] = []
    for entry, changes in pairs:
        if entry.pk is not None and is_live(entry) and not _may_publish(user, entry):
            raise ValueError("entries_save applies changes at once; this one needs review")
        new = entry.pk is None
        if new:
            field = status_field(entry)
            if field and field not in changes.fields:
                setattr(entry, field, "draft")
        entry.skip_history_when_saving = True
        try:
            entry = _apply(
                entry, changes, user=user, reason=reason or (_("created") if new else _("changed"))
            )
        finally:
            del entry.skip_history_when_saving
        (created if new else changed).append(entry)
        outcomes.append(SaveOutcome(entry, APPLIED))
    _record_history(created, update=False, user=user)
    _record_history(changed, update=True, user=user)
    _close_superseded_many([entry for entry in changed if status_field(entry) and is_live(entry)],
                           user=user)  # fmt: skip
    return outcomes


def _record_history(entries: list, *, update: bool, user) -> None:
    """The history records ``entry.save()`` would have written, in bulk: one row per entry and
    the rows of its tracked many-to-many sets (django-simple-history's own tables)."""
    by_model: dict[type, list] = {}
    for entry in entries:
        by_model.setdefault(type(entry), []).append(entry)
    for model, objects in by_model.items():
        manager = getattr(model, "history", None)
        if manager is None:
            continue
        history_user = user if user is not None and user.is_authenticated else None
        rows = manager.bulk_history_create(
            objects, update=update, default_user=history_user, default_date=timezone.now()
        )
        for field in getattr(manager.model, "_history_m2m_fields", ()):
            m2m_history = HistoricalRecords.m2m_models[field]
            through = getattr(model, field.name).through
            name = get_m2m_field_name(field)
            current: dict[int, list] = {}
            for link in through.objects.filter(**{f"{name}__in": [o.pk for o in objects]}):
                current.setdefault(getattr(link, f"{name}_id"), []).append(link)
            fields = [f.name for f in through._meta.fields]
            m2m_history.objects.bulk_create(
                [
                    m2m_history(history=row, **{f: getattr(link, f) for f in fields})
                    for row, entry in zip(rows, objects, strict=True)
                    for link in current.get(entry.pk, ())
                ]
            )


def _close_superseded_many(entries: list, *, user) -> None:
    """``_close_superseded`` for many live entries: one statement per model."""
    by_model: dict[type, list[int]] = {}
    for entry in entries:
        by_model.setdefault(type(entry), []).append(entry.pk)
    for model, pks in by_model.items():
        ChangeRequest.objects.pending().filter(
            kind=Kind.PUBLICATION,
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=pks,
        ).update(state=State.ACCEPTED, decided_at=timezone.now(), decided_by=user)


@transaction.atomic
def entry_save(*, entry, changes: EntryChanges, user, reason: str | None = None) -> SaveOutcome:
    """Create or change an entry — the one write path of organisations, places, offers and
    events (workspace, API, review queue, imports, connectors).

    ``entry`` is the entry as stored (a new, unsaved instance with its alliance for a new one).
    New entries are saved at once (as drafts unless ``changes`` set a status); a change is
    applied at once when the entry is not live or the user may publish it, and otherwise filed
    as a change waiting for review (``changes.submitted`` is kept; the public page stays).
    """
    if entry.pk is None:
        field = status_field(entry)
        if field and field not in changes.fields:
            setattr(entry, field, "draft")
        entry = _apply(entry, changes, user=user, reason=reason or _("created"))
        return SaveOutcome(entry, APPLIED)
    if not is_live(entry) or _may_publish(user, entry):
        entry = _apply(entry, changes, user=user, reason=reason or _("changed"))
        _close_superseded(entry, user=user)
        return SaveOutcome(entry, APPLIED)
    # A provider's change to a published entry waits for review; a newer one replaces it.
    ChangeRequest.objects.pending().filter(
        kind=Kind.CHANGE, author=user, **_target_fields(entry)
    ).update(state=State.WITHDRAWN, decided_at=timezone.now())
    item = ChangeRequest.objects.create(
        alliance_id=entry.alliance_id,
        kind=Kind.CHANGE,
        payload=changes.submitted or {},
        base_updated_at=entry.updated_at,
        author=user,
        language=getattr(user, "preferred_language", "de"),
        **_target_fields(entry),
    )
    transaction.on_commit(lambda: _notify_coordination(item.pk))
    return SaveOutcome(entry, QUEUED, item)


def _may_publish(user, entry) -> bool:
    """Imports and connectors run without a user: they act for the coordination."""
    return user is None or user.has_perm(perm_name(entry, "publish"), entry)


def _close_superseded(entry, *, user) -> None:
    """A direct edit by the coordination settles the pending publication request."""
    if status_field(entry) and is_live(entry):
        ChangeRequest.objects.pending().filter(
            kind=Kind.PUBLICATION, **_target_fields(entry)
        ).update(state=State.ACCEPTED, decided_at=timezone.now(), decided_by=user)


@transaction.atomic
def publication_request(*, entry, user, message: str = "") -> ChangeRequest:
    """A provider asks the coordination to publish a draft."""
    existing = (
        ChangeRequest.objects.pending()
        .filter(kind=Kind.PUBLICATION, **_target_fields(entry))
        .first()
    )
    if existing:
        return existing
    item = ChangeRequest.objects.create(
        alliance_id=entry.alliance_id,
        kind=Kind.PUBLICATION,
        author=user,
        message=message,
        base_updated_at=entry.updated_at,
        language=getattr(user, "preferred_language", "de"),
        **_target_fields(entry),
    )
    transaction.on_commit(lambda: _notify_coordination(item.pk))
    return item


@transaction.atomic
def entry_confirm(*, entry, user=None, now=None):
    """ "Still correct": set the checked date (and who checked) of one entry."""
    entry.last_checked_at = now or timezone.now()
    entry.last_checked_by = user if user is not None and user.is_authenticated else None
    entry._change_reason = "confirmed"
    entry.save(update_fields=["last_checked_at", "last_checked_by", "updated_at"])
    entry_confirmed.send(sender=type(entry), entry=entry, user=user)
    return entry


@transaction.atomic
def entry_set_status(*, entry, status: str, user):
    """Publish or archive an offer or event."""
    field = status_field(entry)
    if field is None:
        raise ValueError(f"{entry._meta.label} has no publication status")
    setattr(entry, field, status)
    update = [field, "updated_at"]
    if status == "published" and hasattr(entry, "published_at") and not entry.published_at:
        entry.published_at = timezone.now()
        update.append("published_at")
    entry._change_reason = _("status: %(status)s") % {"status": status}
    entry.save(update_fields=update)
    if status == "published":
        _close_superseded(entry, user=user)
    return entry


# --- review --------------------------------------------------------------------------------------


def _decide(item: ChangeRequest, *, state: str, user, message: str) -> None:
    item.state = state
    item.decided_at = timezone.now()
    item.decided_by = user
    item.decision_message = message
    item.save(update_fields=["state", "decided_at", "decided_by", "decision_message", "updated_at"])
    transaction.on_commit(lambda: _notify_author(item.pk))


def _require_pending(item: ChangeRequest) -> None:
    if not item.is_pending:
        raise ValidationError(_("This item was decided already."))


@transaction.atomic
def review_accept(
    *, item: ChangeRequest, user, message: str = "", changes: EntryChanges | None = None
):
    """Accept a pending item. For a change, ``changes`` (as the coordinator may have edited
    them) are applied; without them the proposal itself, validated again against the entry as
    it is now. Returns the entry (if any)."""
    _require_pending(item)
    entry = item.target
    if item.kind == Kind.CHANGE:
        if entry is None:
            raise ValidationError(_("The entry no longer exists."))
        if changes is None:
            changes = changes_from_submission(
                entry, item.payload, user=user, alliance=item.alliance
            )
        reason = _("review #%(pk)s accepted") % {"pk": item.pk}
        entry = _apply(entry, changes, user=user, reason=reason)
    elif item.kind == Kind.PUBLICATION:
        if entry is None:
            raise ValidationError(_("The entry no longer exists."))
        entry = entry_set_status(entry=entry, status="published", user=user)
    _decide(item, state=State.ACCEPTED, user=user, message=message)
    return entry


@transaction.atomic
def review_reject(*, item: ChangeRequest, user, message: str = "") -> ChangeRequest:
    _require_pending(item)
    _decide(item, state=State.REJECTED, user=user, message=message)
    return item


@transaction.atomic
def suggestion_link_entry(*, item: ChangeRequest, entry, user) -> ChangeRequest:
    """A suggestion was turned into a (draft) entry: accept it and point it at the entry."""
    _require_pending(item)
    item.content_type = ContentType.objects.get_for_model(entry)
    item.object_id = entry.pk
    item.save(update_fields=["content_type", "object_id", "updated_at"])
    _decide(item, state=State.ACCEPTED, user=user, message="")
    return item


# --- public suggestions and reports ---------------------------------------------------------------


@transaction.atomic
def suggestion_create(
    *,
    alliance: Alliance,
    subject: str,
    payload: dict,
    message: str = "",
    contact_name: str = "",
    contact_email: str = "",
    language: str = "de",
) -> ChangeRequest:
    item = ChangeRequest.objects.create(
        alliance=alliance,
        kind=Kind.SUGGESTION,
        subject=subject,
        payload=payload,
        message=message,
        contact_name=contact_name,
        contact_email=contact_email,
        language=language,
    )
    transaction.on_commit(lambda: _notify_coordination(item.pk))
    return item


@transaction.atomic
def report_create(
    *, alliance: Alliance, target, message: str, contact_email: str = "", language: str = "de"
) -> ChangeRequest:
    item = ChangeRequest.objects.create(
        alliance=alliance,
        kind=Kind.REPORT,
        message=message,
        contact_email=contact_email,
        language=language,
        base_updated_at=getattr(target, "updated_at", None),
        **_target_fields(target),
    )
    transaction.on_commit(lambda: _notify_coordination(item.pk))
    return item


# --- notifications --------------------------------------------------------------------------------


def _notify_coordination(item_id: int) -> None:
    notify_coordination.enqueue(item_id)


def _notify_author(item_id: int) -> None:
    notify_author.enqueue(item_id)
