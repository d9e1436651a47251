"""Reads of the review queue."""

from __future__ import annotations

from .models import ChangeRequest


def review_count_pending(*, alliance) -> int:
    return ChangeRequest.objects.for_alliance(alliance).pending().count()


def review_counts(*, alliance) -> dict[str, int]:
    counts = dict.fromkeys(ChangeRequest.Kind.values, 0)
    rows = ChangeRequest.objects.for_alliance(alliance).pending().values_list("kind").order_by()
    for (kind,) in rows:
        counts[kind] += 1
    return counts


def review_list(*, alliance, state: str = ChangeRequest.State.PENDING, kind: str = ""):
    items = (
        ChangeRequest.objects.for_alliance(alliance)
        .select_related("author", "content_type", "decided_by")
        .order_by("created_at" if state == ChangeRequest.State.PENDING else "-decided_at")
    )
    if state:
        items = items.filter(state=state)
    if kind:
        items = items.filter(kind=kind)
    items = list(items[:200])
    _attach_targets(items)
    return items


def _attach_targets(items) -> None:
    """Load the entries of many items with one query per entry type."""
    by_type: dict = {}
    for item in items:
        if item.content_type_id and item.object_id:
            by_type.setdefault(item.content_type, set()).add(item.object_id)
    loaded = {}
    for content_type, ids in by_type.items():
        model = content_type.model_class()
        for row in model._default_manager.filter(pk__in=ids):
            loaded[(content_type.pk, row.pk)] = row
    for item in items:
        item._target_cache = loaded.get((item.content_type_id, item.object_id))


def pending_for_entry(entry):
    return ChangeRequest.objects.pending().for_object(entry).select_related("author")
