"""Registration e-mails, rendered in the registrant's language, sent after commit by a task."""

from __future__ import annotations

import logging
import re
from functools import partial
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from familiennetz.alliances.scopes import all_alliances, alliance_scope
from familiennetz.events.models import Registration
from familiennetz.events.selectors import effective_status

from .links import CANCEL, CONFIRM, absolute_url, registration_link

logger = logging.getLogger("familiennetz.events.registration")
State = Registration.State


def mail_on_commit(registration_id: int, kind: str) -> None:
    """Enqueue ``send_registration_mail`` once the current transaction has committed."""
    transaction.on_commit(
        partial(send_registration_mail.enqueue, registration_id=registration_id, kind=kind)
    )


MAIL_KINDS = frozenset(
    {
        "confirm_request",  # please confirm (double opt-in)
        "already_registered",  # repeated sign-up of a confirmed or waiting address
        "confirmed",
        "waiting",
        "promoted",
        "cancelled",
        "reminder",
        "date_changed",  # the date was cancelled, postponed, moved online or moved
    }
)


_BLANK_LINES = re.compile(r"\n\s*\n(\s*\n)+")


class MailDeliveryError(Exception):
    """Sending failed; the message names the registration ID only (no address in logs)."""


def registration_send_mail(*, registration: Registration, kind: str) -> None:
    """Render and send one registration e-mail in the registrant's language."""
    if kind not in MAIL_KINDS:
        raise ValueError(f"unknown registration mail {kind!r}")
    if not registration.email:  # anonymised after the retention period
        return
    occurrence = registration.occurrence
    event = occurrence.event
    alliance = event.alliance
    language = registration.language or settings.LANGUAGE_CODE
    with translation.override(language), timezone.override(ZoneInfo(settings.TIME_ZONE)):
        context = {
            "registration": registration,
            "occurrence": occurrence,
            "event": event,
            "alliance": alliance,
            "location": event.location,
            "event_url": absolute_url(occurrence.get_absolute_url()),
            "cancel_url": absolute_url(
                registration_link(registration=registration, purpose=CANCEL)
            ),
            "confirm_hours": settings.REGISTRATION_CONFIRM_HOURS,
            "retention_days": settings.REGISTRATION_RETENTION_DAYS,
        }
        if kind == "date_changed":
            context["date_status"] = effective_status(occurrence)
            context["date_note"] = occurrence.status_note or (
                event.status_note if event.event_status != "scheduled" else ""
            )
        if (
            kind in ("confirm_request", "already_registered")
            and registration.state == State.PENDING
        ):
            context["confirm_url"] = absolute_url(
                registration_link(registration=registration, purpose=CONFIRM)
            )
        subject = render_to_string(f"events/emails/registration_{kind}_subject.txt", context)
        body = render_to_string(f"events/emails/registration_{kind}.txt", context)
        try:
            html = render_to_string(f"events/emails/registration_{kind}.html", context)
        except TemplateDoesNotExist:
            html = None
    subject = " ".join(subject.split())
    body = _BLANK_LINES.sub("\n\n", body).strip() + "\n"
    message = EmailMultiAlternatives(
        subject=f"[{alliance.name}] {subject}",
        body=body,
        to=[registration.email],
        reply_to=[alliance.contact_email] if alliance.contact_email else None,
        headers={"Auto-Submitted": "auto-generated"},
    )
    if html:
        message.attach_alternative(html, "text/html")
    try:
        message.send()
    except Exception as exc:
        raise MailDeliveryError(
            f"registration {registration.pk}: {kind} mail failed ({type(exc).__name__})"
        ) from None
    logger.info("registration %s: %s mail sent", registration.pk, kind)


@task()
def send_registration_mail(registration_id: int, kind: str) -> bool:
    """One registration e-mail (confirmation link, confirmed, waiting list, moved up, …)."""
    try:
        with all_alliances():
            registration = Registration.objects.select_related(
                "alliance", "occurrence__event__alliance", "occurrence__event__location"
            ).get(pk=registration_id)
    except Registration.DoesNotExist:  # deleted or purged in the meantime
        return False
    with alliance_scope(registration.alliance_id):
        registration_send_mail(registration=registration, kind=kind)
    return True
