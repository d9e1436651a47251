"""Writing entries from the workspace, the review queue and public suggestions.

``entry_save`` is the one door for workspace edits: it applies a change at once when the user
may publish (or the entry is not live yet), and otherwise files it as a ``change`` for review.
Accepting, editing-and-accepting and rejecting go through ``review_*``. Every applied change is
recorded by the history (django-simple-history) with the reviewing user.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from familiennetz.alliances.models import Alliance
from familiennetz.core.mail import absolute_url
from familiennetz.directory.services import unique_slug

from .entries import STATUS_FIELDS, form_class_for, form_payload, is_live, payload_data, perm_name
from .models import ChangeRequest

logger = logging.getLogger("familiennetz.moderation")
Kind, State = ChangeRequest.Kind, ChangeRequest.State

APPLIED, QUEUED = "applied", "queued"


@dataclass
class SaveOutcome:
    entry: object
    result: str  # APPLIED or QUEUED
    item: ChangeRequest | None = None


def _target_fields(entry) -> dict:
    return {
        "content_type": ContentType.objects.get_for_model(entry),
        "object_id": entry.pk,
    }


def _apply(form, *, user, reason: str):
    """Save a valid entry form (and its related rows) and mark the entry as checked."""
    entry = form.instance
    is_new = entry.pk is None
    if is_new:
        text = getattr(entry, "name", None) or getattr(entry, "title", "")
        entry.slug = unique_slug(
            model=type(entry), alliance=form.alliance, text=text, max_length=120
        )
    entry.last_checked_at = timezone.now()
    entry.last_checked_by = user if user is not None and user.is_authenticated else None
    if getattr(entry, "status", None) == "published" and hasattr(entry, "published_at"):
        entry.published_at = entry.published_at or timezone.now()
    entry._change_reason = reason
    entry = form.save()
    if hasattr(form, "save_related"):
        form.save_related(entry)
    return entry


@transaction.atomic
def entry_save(*, form, user) -> SaveOutcome:
    """Create or change an entry from a valid workspace form (see module docstring)."""
    entry = form.instance
    if entry.pk is None:
        status_field = STATUS_FIELDS.get(entry._meta.label_lower)
        if status_field and status_field not in form.fields:
            setattr(entry, status_field, "draft")
        entry = _apply(form, user=user, reason=_("created"))
        return SaveOutcome(entry, APPLIED)
    if not is_live(entry) or user.has_perm(perm_name(entry, "publish"), entry):
        entry = _apply(form, user=user, reason=_("changed"))
        _close_superseded(entry, user=user)
        return SaveOutcome(entry, APPLIED)
    # A provider's change to a published entry waits for review; a newer one replaces it.
    ChangeRequest.objects.pending().filter(
        kind=Kind.CHANGE, author=user, **_target_fields(entry)
    ).update(state=State.WITHDRAWN, decided_at=timezone.now())
    item = ChangeRequest.objects.create(
        alliance_id=entry.alliance_id,
        kind=Kind.CHANGE,
        payload=form_payload(form),
        base_updated_at=entry.updated_at,
        author=user,
        language=getattr(user, "preferred_language", "de"),
        **_target_fields(entry),
    )
    transaction.on_commit(lambda: _notify_coordination(item.pk))
    return SaveOutcome(entry, QUEUED, item)


def _close_superseded(entry, *, user) -> None:
    """A direct edit by the coordination settles the pending publication request."""
    if STATUS_FIELDS.get(entry._meta.label_lower) and is_live(entry):
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
def entry_set_status(*, entry, status: str, user):
    """Publish or archive an offer or event."""
    field = STATUS_FIELDS[entry._meta.label_lower]
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


def review_form(item: ChangeRequest, *, user, data=None):
    """The entry form bound to the proposal (or to ``data`` when the coordinator edits it)."""
    entry = item.target
    form_class = form_class_for(entry)
    # The same fields the author had: a provider's proposal never contains the status.
    status_field = STATUS_FIELDS.get(entry._meta.label_lower)
    return form_class(
        data if data is not None else payload_data(item.payload),
        instance=entry,
        alliance=item.alliance,
        user=user,
        can_publish=bool(status_field and status_field in item.payload),
    )


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
def review_accept(*, item: ChangeRequest, user, message: str = "", form=None):
    """Accept a pending item. For a change, ``form`` (valid, possibly edited by the
    coordinator) is applied; without it the proposal itself is. Returns the entry (if any)."""
    _require_pending(item)
    entry = item.target
    if item.kind == Kind.CHANGE:
        if entry is None:
            raise ValidationError(_("The entry no longer exists."))
        form = form or review_form(item, user=user)
        if not form.is_valid():
            raise ValidationError(_("The proposal is no longer valid: edit it before accepting."))
        entry = _apply(form, user=user, reason=_("review #%(pk)s accepted") % {"pk": item.pk})
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
    from .tasks import notify_coordination

    notify_coordination.enqueue(item_id)


def _notify_author(item_id: int) -> None:
    from .tasks import notify_author

    notify_author.enqueue(item_id)


def review_url(item: ChangeRequest) -> str:
    return absolute_url(
        reverse(
            "moderation:manage-review-detail",
            kwargs={"alliance_slug": item.alliance.slug, "pk": item.pk},
        )
    )


# --- retention ------------------------------------------------------------------------------------


def purge_contacts(*, now=None, dry_run: bool = False) -> int:
    """Remove names and e-mail addresses left with suggestions and reports
    SUGGESTION_CONTACT_RETENTION_DAYS after the decision."""
    import datetime as dt

    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=settings.SUGGESTION_CONTACT_RETENTION_DAYS)
    due = ChangeRequest.objects.exclude(state=State.PENDING).filter(decided_at__lt=cutoff)
    due = due.exclude(contact_email="", contact_name="")
    if dry_run:
        return due.count()
    return due.update(contact_email="", contact_name="", contact_purged_at=now, updated_at=now)
