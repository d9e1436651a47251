"""Helpers shared by the registration tests (test_registration*.py)."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from django.core import mail
from django.utils import timezone

from familiennetz.events import registration as services
from familiennetz.events.models import Registration

from .factories import BERLIN, EventFactory, OccurrenceFactory, RegistrationFactory

LINK = re.compile(r"https?://\S+/anmeldung/\S+/")


def registration_date(
    *,
    alliance=None,
    capacity: int | None = 10,
    has_waiting_list: bool = True,
    closes_hours: int = 0,
    starts_at: dt.datetime | None = None,
    **event_fields,
):
    """An occurrence of a published event that requires registration."""
    starts_at = starts_at or (timezone.now() + dt.timedelta(days=7)).astimezone(BERLIN).replace(
        hour=15, minute=0, second=0, microsecond=0
    )
    fields = {
        "requires_registration": True,
        "capacity": capacity,
        "has_waiting_list": has_waiting_list,
        "registration_closes_hours": closes_hours,
        "starts_at": starts_at,
        "ends_at": starts_at + dt.timedelta(hours=2),
        **event_fields,
    }
    if alliance is not None:
        fields["alliance"] = alliance
    event = EventFactory(**fields)
    return OccurrenceFactory(event=event)


def confirmed(occurrence, *, adults: int = 1, children: int = 0, **fields) -> Registration:
    """A registration that went through the real confirmation (seat accounting)."""
    registration = RegistrationFactory(
        occurrence=occurrence, adults=adults, children=children, **fields
    )
    services.registration_confirm(registration_id=registration.pk)
    registration.refresh_from_db()
    return registration


def links_in(message) -> list[str]:
    """Site-relative paths of the registration links in an e-mail."""
    return [urlsplit(url).path for url in LINK.findall(message.body)]


def link_in(message, kind: str) -> str:
    """The confirm ("bestaetigen") or cancel ("absagen") link in an e-mail."""
    (path,) = [path for path in links_in(message) if f"/{kind}/" in path]
    return path


def mails_to(address: str) -> list:
    return [message for message in mail.outbox if address in message.to]


def de(msgid: str, *, plural: str | None = None, n: int = 1, **values) -> str:
    """``msgid`` as a German visitor reads it: right before and after the lead translates the
    catalogue (tests must not depend on which strings are translated yet)."""
    from django.utils import translation

    with translation.override("de"):
        text = translation.ngettext(msgid, plural, n) if plural else translation.gettext(msgid)
    return text % values if values else text


def de_html(msgid: str, **kwargs) -> str:
    """``de()`` as it appears in an HTML page (escaped)."""
    from django.utils.html import escape

    return escape(de(msgid, **kwargs))
