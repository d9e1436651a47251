"""The review-cycle rule, written once: when an entry is *due* for review and when it has
*expired*, and what the public guide does with expired entries.

An entry is *due* when its last confirmation is older than the alliance's review cycle (or it
was never confirmed), and *expired* when it is older than cycle + grace period: then the public
page shows "no longer confirmed since …" or the entry is hidden (alliance setting). The
``freshness`` app (reminders, confirmation links) and the calendar build on this module.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.utils import timezone

from familiennetz.alliances.config import alliance_config

OK, DUE, EXPIRED = "ok", "due", "expired"


def due_before(alliance, *, now: dt.datetime | None = None) -> dt.datetime:
    return (now or timezone.now()) - alliance_config(alliance).review_cycle


def expired_before(alliance, *, now: dt.datetime | None = None) -> dt.datetime:
    return (now or timezone.now()) - alliance_config(alliance).expiry_age


def due_q(alliance, *, now=None) -> Q:
    return Q(last_checked_at__isnull=True) | Q(last_checked_at__lt=due_before(alliance, now=now))


def expired_q(alliance, *, now=None) -> Q:
    return Q(last_checked_at__isnull=True) | Q(
        last_checked_at__lt=expired_before(alliance, now=now)
    )


def public_hidden_q(alliance, *, now=None) -> Q | None:
    """Rows the public guide hides (None: the alliance shows expired entries with a notice)."""
    if not alliance_config(alliance).hides_expired:
        return None
    return expired_q(alliance, now=now)


def publicly_visible(queryset, alliance, *, now=None):
    """``queryset`` without the entries the alliance hides because they expired."""
    hidden = public_hidden_q(alliance, now=now)
    return queryset if hidden is None else queryset.exclude(hidden)


def entry_state(entry, *, now: dt.datetime | None = None) -> str:
    """OK, DUE or EXPIRED for one entry with ``last_checked_at``."""
    config = alliance_config(entry.alliance)
    now = now or timezone.now()
    checked = entry.last_checked_at
    if checked is None or now - checked > config.expiry_age:
        return EXPIRED
    if now - checked > config.review_cycle:
        return DUE
    return OK
