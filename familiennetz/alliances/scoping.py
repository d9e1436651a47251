"""Queryset filters that match the predicates: which rows a user may see or edit.

Used through ``AllianceOwnedQuerySet.visible_to(user)`` / ``.editable_by(user)`` (core.models),
so that lists, forms and the API can never show more than the rules allow.
"""

from __future__ import annotations

from django.db.models import Q

from .predicates import ORGANISATION_PATHS, access_of

NOTHING = Q(pk__in=[])


def _organisation_lookup(model) -> str | None:
    path = ORGANISATION_PATHS.get(model._meta.label_lower)
    if path is None:
        return None
    return "pk__in" if path == "pk" else f"{path}__in"


def scope_q(user, model, *, edit: bool = False) -> Q:
    """A filter for ``model`` rows that ``user`` may see (or, with ``edit``, change)."""
    access = access_of(user)
    if access.is_superuser:
        return Q()
    whole = [
        alliance_id
        for alliance_id in access.alliance_ids()
        if (access.edits_all(alliance_id) if edit else access.sees_all(alliance_id))
    ]
    condition = Q(alliance_id__in=whole) if whole else NOTHING
    lookup = _organisation_lookup(model)
    if lookup is not None:
        for alliance_id in access.roles:
            organisation_ids = access.provider_organisations(alliance_id)
            if organisation_ids:
                condition |= Q(alliance_id=alliance_id, **{lookup: organisation_ids})
    return condition
