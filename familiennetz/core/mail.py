"""Templated plain-text e-mails, rendered in the recipient's language.

    send_templated_mail(template="accounts/emails/invitation", to=["a@example.org"],
                        context={...}, language="de")

renders ``<template>_subject.txt`` and ``<template>.txt``. ``attachments`` are
``(filename, content, mimetype)`` triples (e.g. an .ics invitation). Links in e-mails are absolute:
build them with ``absolute_url(path)`` (SITE_URL, since jobs run outside a request).
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation


def absolute_url(path: str) -> str:
    return settings.SITE_URL + path


def send_templated_mail(
    *,
    template: str,
    to: list[str],
    context: dict,
    language: str = "de",
    reply_to=None,
    attachments=(),
) -> int:
    recipients = [address for address in dict.fromkeys(to) if address]
    if not recipients:
        return 0
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {"instance_name": settings.FAMILIENNETZ["INSTANCE_NAME"], **context}
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients,
        reply_to=reply_to or None,
    )
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    return message.send()
