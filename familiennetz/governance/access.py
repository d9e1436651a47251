"""Who sees and changes what in governance (docs/dev/roles.md, section "Governance").

Alliance roles decide the broad lines (coordinators and the steering group run governance,
viewers read, provider editors take part); membership in a body adds rights on that body's
meetings. A user is a member of a body through the contact person linked to their account
(``ContactAccount``). The state office sees none of governance.

Body memberships are loaded once per user and alliance and cached on the user object, like
``alliances.predicates.access_of``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q

from familiennetz.alliances.models import Role
from familiennetz.alliances.predicates import access_of, alliance_id_of

from .models import BodyMembership, ContactAccount

MANAGING_ROLES = frozenset({Role.COORDINATOR, Role.STEERING})
TAKING_PART_ROLES = frozenset({Role.COORDINATOR, Role.STEERING, Role.PROVIDER, Role.VIEWER})
_CACHE_ATTR = "_familiennetz_governance"


@dataclass(frozen=True)
class GovernanceAccess:
    alliance_id: int
    is_superuser: bool = False
    role: str | None = None
    contact_ids: frozenset[int] = frozenset()
    body_roles: dict[int, str] = field(default_factory=dict)  # current memberships only

    @property
    def takes_part(self) -> bool:
        return self.is_superuser or self.role in TAKING_PART_ROLES

    @property
    def manages(self) -> bool:
        return self.is_superuser or self.role in MANAGING_ROLES

    def is_member(self, body_id: int) -> bool:
        return body_id in self.body_roles

    def is_officer(self, body_id: int) -> bool:
        return self.body_roles.get(body_id) in BodyMembership.OFFICER_ROLES


def governance_access(user, alliance) -> GovernanceAccess:
    """What ``user`` may do in governance of ``alliance`` (an Alliance, row or id)."""
    alliance_id = alliance if isinstance(alliance, int) else alliance_id_of(alliance)
    access = access_of(user)
    authenticated = user is not None and user.is_authenticated
    cache = getattr(user, _CACHE_ATTR, None) if authenticated else None
    if cache is not None and alliance_id in cache:
        return cache[alliance_id]
    role = access.role(alliance_id)
    contact_ids: frozenset[int] = frozenset()
    body_roles: dict[int, str] = {}
    if role is not None or access.is_superuser:
        contact_ids = frozenset(
            ContactAccount.objects.filter(alliance_id=alliance_id, user=user).values_list(
                "contact_id", flat=True
            )
        )
        if contact_ids:
            body_roles = dict(
                BodyMembership.objects.filter(
                    alliance_id=alliance_id, contact_id__in=contact_ids, left_on__isnull=True
                ).values_list("body_id", "role")
            )
    result = GovernanceAccess(
        alliance_id=alliance_id,
        is_superuser=access.is_superuser,
        role=role,
        contact_ids=contact_ids,
        body_roles=body_roles,
    )
    if authenticated:
        cache = getattr(user, _CACHE_ATTR, None) or {}
        cache[alliance_id] = result
        setattr(user, _CACHE_ATTR, cache)
    return result


def forget_governance_access(user) -> None:
    if user is not None and hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def visible_bodies_q(access: GovernanceAccess) -> Q:
    """Bodies the user may see: all for the coordination and the steering group, open ones
    and their own for everybody else who takes part."""
    if not access.takes_part:
        return Q(pk__in=[])
    if access.manages:
        return Q()
    return Q(is_open=True) | Q(pk__in=list(access.body_roles))
