"""``Alliance.content_version``: one token per alliance that changes with every edit.

Cached public pages and feeds are keyed by it (familiennetz/alliances/pagecache.py), so an edit
shows up at once, in every server process, whatever the cache backend: the alliance row is
read on every request anyway (AllianceMiddleware), so checking the version costs nothing.

Any saved, deleted or re-linked row of a model that belongs to an alliance (``AllianceOwned``)
changes the version, in the same transaction as the edit: readers see the new data and the new
version together. Within one transaction the version changes once per alliance (an import of
1,000 offers updates the alliance row once, not 1,000 times). Changes that send no signals
(``bulk_create``, ``QuerySet.update``) call ``bump()`` themselves.
"""

from __future__ import annotations

from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from familiennetz.alliances.owned import AllianceOwned

from .models import Alliance, new_content_version

# Rows that no public page shows, or that change very often without changing what the public
# pages show (registrations: the pages with a registration form are never cached).
IGNORED_MODELS = {
    "search.searchdocument",
    "search.searchterm",
    "events.registration",
    # Workspace-only rows: the review queue, review reminders.
    "moderation.changerequest",
    "freshness.reviewreminder",
    # (Ids of imported records, interop.externalid, are public: the APIs show them.)
}


class _Marker:
    """A no-op on-commit hook that records 'this alliance's version changed in this
    transaction'. Rolling back (also to a savepoint) discards it with the change. Once a page
    was cached under the new version (``version_used``), the marker is spent: a later change in
    the same transaction needs a version of its own."""

    def __init__(self, alliance_id: int):
        self.alliance_id = alliance_id
        self.spent = False

    def __call__(self) -> None:
        pass


def _markers(alliance_id: int) -> list[_Marker]:
    if not connection.in_atomic_block:
        return []
    hooks = [entry[1] for entry in connection.run_on_commit]  # (savepoints, hook, robust)
    return [hook for hook in hooks if isinstance(hook, _Marker) and hook.alliance_id == alliance_id]


def version_used(alliance_id: int) -> None:
    """A cache entry was read or written under the alliance's current version."""
    for marker in _markers(alliance_id):
        marker.spent = True


def bump(alliance_id: int | None) -> None:
    """Give the alliance a new content version (once per transaction, unless the version was
    used for caching in between)."""
    if alliance_id is None:
        return
    if connection.in_atomic_block:
        if any(not marker.spent for marker in _markers(alliance_id)):
            return
        transaction.on_commit(_Marker(alliance_id))
    Alliance.objects.filter(pk=alliance_id).update(content_version=new_content_version())


def _watched(sender) -> bool:
    return sender is Alliance or (
        issubclass(sender, AllianceOwned) and sender._meta.label_lower not in IGNORED_MODELS
    )


def _row_changed(sender, instance, **kwargs) -> None:
    if kwargs.get("raw"):  # loaddata
        return
    if sender is Alliance:
        bump(instance.pk)
    elif _watched(sender):
        bump(instance.alliance_id)


def _relation_changed(sender, instance, action, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear") and _watched(type(instance)):
        bump(instance.pk if isinstance(instance, Alliance) else instance.alliance_id)


def connect() -> None:
    post_save.connect(_row_changed, dispatch_uid="content_version_saved")
    post_delete.connect(_row_changed, dispatch_uid="content_version_deleted")
    m2m_changed.connect(_relation_changed, dispatch_uid="content_version_relations")
