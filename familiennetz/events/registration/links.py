"""Signed confirm and cancel links (django.core.signing, no login needed)."""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.core import signing
from django.urls import reverse

from familiennetz.events.models import Registration


class LinkError(Exception):
    """A confirm/cancel link that cannot be used; ``reason`` is invalid, expired or unknown."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


CONFIRM = "confirm"
CANCEL = "cancel"
_SEP = "."  # not in the URL-safe base64 alphabet, safe in a path segment


def _signer(purpose: str) -> signing.Signer:
    salt = f"familiennetz.events.registration.{purpose}"
    if purpose == CONFIRM:
        return signing.TimestampSigner(salt=salt, sep=_SEP)
    if purpose == CANCEL:
        # A cancel link must work until the date, weeks later: no expiry, own salt.
        return signing.Signer(salt=salt, sep=_SEP)
    raise ValueError(purpose)


def link_signature(*, registration: Registration, purpose: str) -> str:
    token = str(registration.token)
    return _signer(purpose).sign(token)[len(token) + len(_SEP) :]


def registration_get_by_link(
    *, alliance, token: uuid.UUID | str, signature: str, purpose: str
) -> Registration:
    """The registration a signed link points to; raises LinkError."""
    signer = _signer(purpose)
    value = f"{token}{_SEP}{signature}"
    try:
        if purpose == CONFIRM:
            signer.unsign(value, max_age=dt.timedelta(hours=settings.REGISTRATION_CONFIRM_HOURS))
        else:
            signer.unsign(value)
    except signing.SignatureExpired:
        raise LinkError("expired") from None
    except signing.BadSignature:
        raise LinkError("invalid") from None
    try:
        return (
            Registration.objects.for_alliance(alliance)
            .select_related("occurrence__event__alliance", "occurrence__event__location")
            .get(token=token)
        )
    except Registration.DoesNotExist:
        raise LinkError("unknown") from None


def registration_link(*, registration: Registration, purpose: str) -> str:
    """Site-relative URL of the confirm or cancel link, in the active language."""
    name = "registration:confirm" if purpose == CONFIRM else "registration:cancel"
    return reverse(
        name,
        kwargs={
            "alliance_slug": registration.alliance.slug,
            "token": registration.token,
            "signature": link_signature(registration=registration, purpose=purpose),
        },
    )


def absolute_url(path: str) -> str:
    return settings.SITE_URL + path
