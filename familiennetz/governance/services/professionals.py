"""Events for professionals, the document library, announcements, the meetings feed."""

from __future__ import annotations

import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from familiennetz.core.files import DOCUMENTS, check_upload

from ..models import (
    Announcement,
    Document,
    DocumentVersion,
    MeetingFeedToken,
    ProfessionalEvent,
    ProfessionalRegistration,
)
from ..selectors import announcement_recipients
from ..tasks import send_announcement
from .common import same_alliance, save_fields

DOCUMENT_MAX_BYTES = 20 * 1024 * 1024


@transaction.atomic
def pro_event_save(*, alliance, values: dict, event: ProfessionalEvent | None = None):
    if (
        values.get("starts_at")
        and values.get("ends_at")
        and values["ends_at"] <= values["starts_at"]
    ):
        raise ValidationError({"ends_at": _("An event has to end after it starts.")})
    same_alliance(alliance, "project", values.get("project"))
    return save_fields(event or ProfessionalEvent(), alliance=alliance, values=values)


@transaction.atomic
def pro_event_register(*, event: ProfessionalEvent, user) -> ProfessionalRegistration:
    """Register a professional; the event row is the lock for its places."""
    event = ProfessionalEvent.objects.select_for_update().get(pk=event.pk)
    existing = ProfessionalRegistration.objects.filter(event=event, user=user).first()
    if existing is not None:
        return existing
    if event.starts_at <= timezone.now():
        raise ValidationError(_("This event has started; registration is closed."))
    if event.capacity is not None and event.registrations.count() >= event.capacity:
        raise ValidationError(_("All places are taken."))
    return ProfessionalRegistration.objects.create(alliance=event.alliance, event=event, user=user)


@transaction.atomic
def pro_event_unregister(*, event: ProfessionalEvent, user) -> None:
    ProfessionalRegistration.objects.filter(event=event, user=user).delete()


def _check_document(upload) -> None:
    try:
        check_upload(upload, kinds=DOCUMENTS, max_bytes=DOCUMENT_MAX_BYTES)
    except ValidationError as exc:
        raise ValidationError({"file": exc.messages}) from exc


@transaction.atomic
def document_add(*, alliance, values: dict, file, note: str = "", user) -> Document:
    _check_document(file)
    same_alliance(alliance, "body", values.get("body"))
    same_alliance(alliance, "organisation", values.get("organisation"))
    document = save_fields(Document(), alliance=alliance, values=values)
    _version(document, file, note or _("first version"), user, number=1)
    return document


def _version(document, file, note, user, *, number) -> DocumentVersion:
    return DocumentVersion.objects.create(
        alliance=document.alliance,
        document=document,
        number=number,
        file=file,
        filename=file.name[:200],
        size=file.size,
        note=note,
        uploaded_by=user,
    )


@transaction.atomic
def document_add_version(*, document: Document, file, note: str, user) -> DocumentVersion:
    _check_document(file)
    Document.objects.select_for_update().filter(pk=document.pk).first()
    top = document.versions.aggregate(top=Max("number"))["top"] or 0
    return _version(document, file, note, user, number=top + 1)


@transaction.atomic
def announcement_send(*, alliance, title: str, text: str, body=None, actor) -> Announcement:
    same_alliance(alliance, "body", body)
    recipients = announcement_recipients(alliance=alliance, body=body)
    if not recipients:
        raise ValidationError({"body": _("Nobody would receive this announcement.")})
    announcement = Announcement.objects.create(
        alliance=alliance,
        title=title,
        text=text,
        body=body,
        sent_at=timezone.now(),
        sent_by=actor,
        recipient_count=len(recipients),
    )
    pk = announcement.pk
    transaction.on_commit(lambda: send_announcement.enqueue(announcement_id=pk))
    return announcement


def feed_token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def feed_token_create(*, user) -> str:
    """A new secret for the user's meetings feed (the old link stops working)."""
    raw = secrets.token_urlsafe(32)
    MeetingFeedToken.objects.update_or_create(
        user=user, defaults={"token_hash": feed_token_hash(raw)}
    )
    return raw
