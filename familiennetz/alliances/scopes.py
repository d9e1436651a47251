"""Tenancy that fails loudly (django-scopes, ADR 0501).

Every tenant-owned model (``AllianceOwned``) is queried through a scoped manager: inside
``alliance_scope(alliance)`` its queries are filtered to that alliance automatically; outside
any scope they raise ``ScopeError`` instead of quietly reading every alliance's rows.

- Requests: the middleware opens the scope of the URL's alliance (``/<alliance>/…``,
  ``/manage/<alliance>/…``); other URLs run without one and must choose explicitly.
- Commands and background tasks: ``with alliance_scope(alliance):`` per alliance, or
  ``with all_alliances():`` where a job is instance-wide on purpose (the retention jobs, the
  state office's figures over *its* alliances use ``alliance_scope([id, …])``).
- Tests: the test body runs with scopes disabled (fixtures create rows of several alliances);
  requests made through the test client are scoped as in production.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django_scopes import ScopeError, get_scope, scope, scopes_disabled
from django_scopes.state import state

__all__ = [
    "ScopeError",
    "all_alliances",
    "alliance_scope",
    "current_alliance_scope",
    "exact_scope",
]


@contextmanager
def alliance_scope(alliance) -> Iterator[None]:
    """Queries of tenant-owned rows see ``alliance`` only (an Alliance, its id, or a list of
    ids for a state office's alliances)."""
    if isinstance(alliance, (list, tuple, set, frozenset)):
        value = [getattr(a, "pk", a) for a in alliance]
    else:
        value = getattr(alliance, "pk", alliance)
    with scope(alliance=value):
        yield


@contextmanager
def all_alliances() -> Iterator[None]:
    """Explicitly across every alliance (instance-wide jobs, the Django admin)."""
    with scopes_disabled():
        yield


def current_alliance_scope():
    """The alliance id (or ids) the current scope is limited to; None if unscoped or disabled."""
    state = get_scope()
    if not state.get("_enabled", True):
        return None
    return state.get("alliance")


@contextmanager
def exact_scope(alliance_id: int | None) -> Iterator[None]:
    """Exactly this scope, whatever was active before: the alliance's, or (None) enforced
    without an alliance. Requests start from here (``AllianceMiddleware``)."""
    token = state.set({"_enabled": True, **({"alliance": alliance_id} if alliance_id else {})})
    try:
        yield
    finally:
        state.reset(token)


@contextmanager
def command_scope(alliance_slug: str | None = None) -> Iterator[None]:
    """The scope of a management command: the alliance named by ``--alliance SLUG`` when it
    exists, otherwise every alliance (instance-wide commands, and commands that create the
    alliance they are given)."""
    from .models import Alliance

    alliance_id = (
        Alliance.objects.filter(slug=alliance_slug).values_list("pk", flat=True).first()
        if alliance_slug
        else None
    )
    if alliance_id is None:
        with all_alliances():
            yield
    else:
        with alliance_scope(alliance_id):
            yield


def narrow_request_scope(alliance) -> None:
    """Inside a request that started without an alliance (the APIs resolve theirs from their
    own path parameters): from now on, tenant queries of this request see ``alliance`` only.
    ``AllianceMiddleware`` restores the previous scope when the response is done."""
    state.set({"_enabled": True, "alliance": getattr(alliance, "pk", alliance)})
