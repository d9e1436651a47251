"""Reading and restoring versions of directory and calendar entries (ADR 0103)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db import models, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from familiennetz.events.services import event_sync_occurrences

# Fields a restore leaves alone: identity, tenant, bookkeeping and the freshness stamp.
NOT_RESTORED = {
    "id",
    "alliance",
    "slug",
    "created_at",
    "updated_at",
    "last_checked_at",
    "last_checked_by",
    "uid",
    "source",
}
GROUP_SECONDS = 5  # a form save and its many-to-many updates count as one version


@dataclass
class FieldChange:
    name: str
    label: str
    old: str
    new: str


@dataclass
class Version:
    record: Any  # a historical record of django-simple-history
    changes: list[FieldChange]

    @property
    def history_id(self) -> int:
        return self.record.history_id


def _display(field, value) -> str:
    if value in (None, ""):
        return "—"
    if isinstance(field, models.ManyToManyField):
        model = field.related_model
        reverse_name = field.m2m_reverse_field_name()
        ids = sorted({row[reverse_name] for row in value})
        names = sorted(str(o) for o in model._default_manager.filter(pk__in=ids))
        return ", ".join(names) or "—"
    if isinstance(field, models.ForeignKey):
        obj = field.related_model._default_manager.filter(pk=value).first()
        return str(obj) if obj else f"#{value}"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, dt.datetime):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, dt.date):
        return formats.date_format(value, "DATE_FORMAT")
    return str(value)


def record_changes(record, previous) -> list[FieldChange]:
    """What changed from ``previous`` to ``record`` (everything, for the first version)."""
    model = record.instance_type
    changes = []
    if previous is None:
        for field in model._meta.concrete_fields:
            if field.name in NOT_RESTORED or not field.editable:
                continue
            value = getattr(record, field.attname)
            if value not in (None, "", False):
                changes.append(
                    FieldChange(field.name, str(field.verbose_name), "—", _display(field, value))
                )
        return changes
    delta = record.diff_against(previous, excluded_fields=["updated_at"])
    for change in delta.changes:
        field = model._meta.get_field(change.field)
        changes.append(
            FieldChange(
                change.field,
                str(field.verbose_name),
                _display(field, change.old),
                _display(field, change.new),
            )
        )
    return changes


def version_list(entry, *, limit: int = 100) -> list[Version]:
    """Versions of ``entry``, newest first; a save and its m2m updates are grouped."""
    records = list(
        entry.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : limit + 1
        ]
    )
    grouped: list[Any] = []
    for record in records:
        newer = grouped[-1] if grouped else None
        if (
            newer is not None
            and newer.history_user_id == record.history_user_id
            and (newer.history_date - record.history_date).total_seconds() < GROUP_SECONDS
            and newer.history_type == "~"
        ):
            continue  # part of the same save as the newer record
        grouped.append(record)
    versions = []
    for index, record in enumerate(grouped[:limit]):
        previous = grouped[index + 1] if index + 1 < len(grouped) else None
        versions.append(Version(record, record_changes(record, previous)))
    return versions


def version_get(entry, history_id: int):
    try:
        return entry.history.get(history_id=history_id)
    except ObjectDoesNotExist:
        return None


@transaction.atomic
def version_restore(*, entry, record, user=None):
    """Bring back the field values (and many-to-many sets) of ``record``."""
    for field in entry._meta.concrete_fields:
        if field.name in NOT_RESTORED or field.primary_key:
            continue
        if field.name in record._history_excluded_fields:
            continue
        setattr(entry, field.attname, getattr(record, field.attname))
    entry._change_reason = _("restored version of %(date)s") % {
        "date": formats.date_format(timezone.localtime(record.history_date), "DATETIME_FORMAT")
    }
    entry.save()
    for field in record._history_m2m_fields:
        reverse_name = field.m2m_reverse_field_name()
        ids = [getattr(row, f"{reverse_name}_id") for row in getattr(record, field.name).all()]
        getattr(entry, field.name).set(ids)
    if entry._meta.label_lower == "events.event":
        event_sync_occurrences(event=entry)
    return entry
