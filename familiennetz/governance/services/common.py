"""Small helpers shared by the service modules."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def same_alliance(alliance, field: str, *rows) -> None:
    """Refuse rows of another alliance (a forged form value), naming the field."""
    for row in rows:
        if row is not None and row.alliance_id != alliance.pk:
            raise ValidationError({field: _("Choose an entry of this network.")})


def save_fields(instance, *, alliance, values: dict):
    """Set ``values`` on ``instance`` (a new or existing row of ``alliance``) and save it."""
    instance.alliance = alliance
    many = {}
    for name, value in values.items():
        field = instance._meta.get_field(name)
        if field.many_to_many:
            many[name] = value
        else:
            setattr(instance, name, value)
    instance.full_clean(exclude=["alliance", *many])
    instance.save()
    for name, value in many.items():
        getattr(instance, name).set(value)
    return instance
