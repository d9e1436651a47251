"""What a write to an entry consists of, independent of where it came from (a workspace form,
the API, an import, the review queue): ``EntryChanges``.

A form (validation only) turns its cleaned data into changes with ``changes_from_form``; the
services (``services.entry_save``) apply them — directly, or as a change waiting for review,
in which case the raw submission is kept and validated again when it is accepted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .entries import form_payload, payload_data
from .kinds import kind_for


@dataclass
class EntryChanges:
    """Field values to set, many-to-many sets to replace, kind-specific related rows (places,
    sessions, opening hours: ``EntryKind.apply_related``), the raw submission, and when the
    content was last checked (default: now; an import may give its source's date)."""

    fields: dict[str, Any] = field(default_factory=dict)
    many: dict[str, Iterable] = field(default_factory=dict)
    related: dict[str, Any] = field(default_factory=dict)
    submitted: dict[str, list[str]] | None = None
    checked_at: dt.datetime | None = None


def changes_from_form(form) -> EntryChanges:
    """The changes a valid entry form stands for (only the fields it shows; a field left out
    of a partial submission keeps its value, as a ModelForm would keep it)."""
    cleaned = form.cleaned_data
    model_meta = form._meta.model._meta
    fields: dict[str, Any] = {}
    many: dict[str, Iterable] = {}
    for name, form_field in form.fields.items():
        if name not in cleaned or form_field.disabled:
            continue
        try:
            model_field = model_meta.get_field(name)
        except Exception:  # a form-only field (places, schedule rows): see related_changes()
            continue
        if not getattr(model_field, "editable", False):
            continue
        if (
            model_field.has_default()
            and form_field.widget.value_omitted_from_data(
                form.data, form.files, form.add_prefix(name)
            )
            and cleaned[name] in form_field.empty_values
        ):
            continue
        if model_field.many_to_many:
            many[name] = list(cleaned[name])
        else:
            fields[name] = cleaned[name]
    related = form.related_changes() if hasattr(form, "related_changes") else {}
    return EntryChanges(fields=fields, many=many, related=related, submitted=form_payload(form))


def changes_from_submission(entry, submitted: dict, *, user, alliance) -> EntryChanges:
    """A stored submission, validated again against the entry as it is now (review queue)."""
    kind = kind_for(entry)
    form = kind.form_class(
        payload_data(submitted),
        instance=entry,
        alliance=alliance,
        user=user,
        can_publish=bool(kind.status_field and kind.status_field in submitted),
    )
    if not form.is_valid():
        raise ValidationError(_("The proposal is no longer valid: edit it before accepting."))
    return changes_from_form(form)
