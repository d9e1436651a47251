"""Writes to alliances: memberships and settings."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .config import alliance_config
from .models import Alliance, Membership, Role


def _other_coordinators(membership: Membership):
    return Membership.objects.filter(
        alliance_id=membership.alliance_id, role=Role.COORDINATOR, user__is_active=True
    ).exclude(pk=membership.pk)


@transaction.atomic
def membership_update(*, membership: Membership, role: str, organisations) -> Membership:
    if (
        membership.role == Role.COORDINATOR
        and role != Role.COORDINATOR
        and not _other_coordinators(membership).exists()
    ):
        raise ValidationError(_("A network needs at least one coordinator."))
    membership.role = role
    membership.save(update_fields=["role", "updated_at"])
    membership.organisations.set(organisations if role == Role.PROVIDER else [])
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership) -> None:
    if membership.role == Role.COORDINATOR and not _other_coordinators(membership).exists():
        raise ValidationError(_("A network needs at least one coordinator."))
    membership.delete()


@transaction.atomic
def alliance_settings_update(*, alliance: Alliance, values: dict) -> Alliance:
    current = alliance_config(alliance).as_settings()
    stored = dict(alliance.settings) if isinstance(alliance.settings, dict) else {}
    stored.update({key: values[key] for key in current if key in values})
    alliance.settings = stored
    alliance.save(update_fields=["settings", "updated_at"])
    return alliance
