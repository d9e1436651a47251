"""Entry types the workspace edits, and how to read their forms: payloads and diffs.

A change waiting for review stores the submitted form data (``form_payload``); accepting it
binds the same form to that data against the entry as it is now, so the usual validation runs
again. The review screen compares, field by field, the entry as published with the proposal.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django import forms
from django.utils import formats, timezone
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _

from .kinds import kind_for


def form_class_for(entry) -> type[forms.ModelForm]:
    return kind_for(entry).form_class


def perm_name(entry_or_model, action: str) -> str:
    return kind_for(entry_or_model).perm(action)


def status_field(entry_or_model) -> str | None:
    return kind_for(entry_or_model).status_field


def is_live(entry) -> bool:
    """Published entries (and organisations and places, which have no draft state)."""
    return kind_for(entry).is_live(entry)


def form_payload(form) -> dict[str, list[str]]:
    """The submitted data of the form's own fields, JSON-ready."""
    data = form.data
    payload = {}
    for name, field in form.fields.items():
        key = form.add_prefix(name)
        if getattr(field.widget, "allow_multiple_selected", False):  # also model multi-choice
            payload[name] = [str(v) for v in data.getlist(key)]
        elif key in data:
            payload[name] = [str(data.get(key))]
    return payload


def payload_data(payload: dict) -> MultiValueDict:
    return MultiValueDict({name: list(values) for name, values in payload.items()})


# --- diff -------------------------------------------------------------------------------------


@dataclass
class DiffRow:
    name: str
    label: str
    old: str
    new: str

    @property
    def changed(self) -> bool:
        return self.old != self.new


def display_value(field: forms.Field, value) -> str:
    if value in (None, "", [], ()):
        return "—"
    if isinstance(field, forms.MultipleChoiceField):
        labels = dict(field.choices)
        return ", ".join(str(labels.get(v, v)) for v in value)
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(field, forms.ModelMultipleChoiceField):
        pks = [getattr(v, "pk", v) for v in value]
        names = sorted(str(o) for o in field.queryset.model._default_manager.filter(pk__in=pks))
        return ", ".join(names) or "—"
    if isinstance(field, forms.ModelChoiceField):
        if hasattr(value, "pk"):
            return str(value)
        obj = field.queryset.model._default_manager.filter(pk=value).first()
        return str(obj) if obj else "—"
    if isinstance(field, forms.BooleanField):
        return _("yes") if value else _("no")
    if isinstance(field, forms.ChoiceField):
        return str(dict(field.choices).get(value, value))
    if isinstance(value, dt.datetime):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, dt.date):
        return formats.date_format(value, "DATE_FORMAT")
    return str(value)


def entry_values(entry, form_class, **form_kwargs) -> dict[str, str]:
    """Display values of ``entry`` for every field of the (unbound) form."""
    form = form_class(instance=entry, **form_kwargs)
    values = {}
    for name, field in form.fields.items():
        values[name] = display_value(field, form[name].initial)
    return values


def form_values(form) -> dict[str, str]:
    """Display values of a valid bound form."""
    return {
        name: display_value(field, form.cleaned_data.get(name))
        for name, field in form.fields.items()
    }


def diff_rows(old: dict[str, str], new: dict[str, str], form) -> list[DiffRow]:
    rows = []
    for name, field in form.fields.items():
        if name not in new:
            continue
        rows.append(DiffRow(name, str(field.label), old.get(name, "—"), new[name]))
    return rows


def proposal_form(item, *, user, data=None):
    """The entry's form bound to a queued change (or to ``data`` when the coordinator edits
    it): the same fields the author had — a provider's proposal never contains the status."""
    entry = item.target
    kind = kind_for(entry)
    return kind.form_class(
        data if data is not None else payload_data(item.payload),
        instance=entry,
        alliance=item.alliance,
        user=user,
        can_publish=bool(kind.status_field and kind.status_field in item.payload),
    )
