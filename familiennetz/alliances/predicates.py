"""django-rules predicates for roles per alliance (docs/dev/roles.md, docs/adr/0100).

Every predicate takes ``(user, obj)`` where ``obj`` is an ``Alliance`` or a tenant-owned row
(anything with ``alliance_id``). The user's memberships and state-office alliances are loaded
once per user object and cached on it, so a page that checks many rows costs three queries.

The same predicates back the rules in each app's ``rules.py``, the querysets'
``visible_to(user)`` / ``editable_by(user)`` and (later) the API's write endpoints.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import rules

from .models import Alliance, Membership, Role
from .scopes import all_alliances

FULL_EDIT_ROLES = frozenset({Role.COORDINATOR, Role.STEERING})
FULL_VIEW_ROLES = frozenset({Role.COORDINATOR, Role.STEERING, Role.VIEWER})
# Roles that may see personal data (event participants, suggestion e-mails): an alliance may
# require two-factor authentication for them.
SENSITIVE_ROLES = frozenset({Role.COORDINATOR, Role.PROVIDER})

# How to get from a row to the organisation that owns it ("pk" for organisations).
ORGANISATION_PATHS: dict[str, str] = {
    "directory.organisation": "pk",
    "directory.location": "organisation",
    "directory.offer": "organisation",
    "directory.contact": "organisation",
    "directory.offerlocation": "offer__organisation",
    "events.event": "organisation",
    "events.occurrence": "event__organisation",
    "events.registration": "occurrence__event__organisation",
}


@dataclass(frozen=True)
class Access:
    """What one user may do, per alliance id."""

    is_superuser: bool = False
    roles: dict[int, str] = field(default_factory=dict)
    organisations: dict[int, frozenset[int]] = field(default_factory=dict)
    state_office_alliances: frozenset[int] = frozenset()

    def role(self, alliance_id: int) -> str | None:
        return self.roles.get(alliance_id)

    def can_enter(self, alliance_id: int) -> bool:
        return (
            self.is_superuser
            or alliance_id in self.roles
            or alliance_id in self.state_office_alliances
        )

    def sees_all(self, alliance_id: int) -> bool:
        return (
            self.is_superuser
            or self.roles.get(alliance_id) in FULL_VIEW_ROLES
            or alliance_id in self.state_office_alliances
        )

    def edits_all(self, alliance_id: int) -> bool:
        return self.is_superuser or self.roles.get(alliance_id) in FULL_EDIT_ROLES

    def provider_organisations(self, alliance_id: int) -> frozenset[int]:
        if self.roles.get(alliance_id) == Role.PROVIDER:
            return self.organisations.get(alliance_id, frozenset())
        return frozenset()

    def alliance_ids(self) -> set[int]:
        return set(self.roles) | set(self.state_office_alliances)


ANONYMOUS = Access()
_CACHE_ATTR = "_familiennetz_access"


def access_of(user) -> Access:
    """The user's roles, organisations and state-office alliances (cached on the user)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return ANONYMOUS
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    roles: dict[int, str] = {}
    organisations: dict[int, set[int]] = {}
    # The user's own rights in every alliance: read across alliances on purpose.
    with all_alliances():
        memberships = list(Membership.objects.filter(user=user).prefetch_related("organisations"))
    for membership in memberships:
        roles[membership.alliance_id] = membership.role
        organisations[membership.alliance_id] = {o.pk for o in membership.organisations.all()}
    state_ids = frozenset(
        Alliance.objects.filter(state_offices__members=user).values_list("pk", flat=True)
    )
    access = Access(
        is_superuser=user.is_superuser,
        roles=roles,
        organisations={k: frozenset(v) for k, v in organisations.items()},
        state_office_alliances=state_ids,
    )
    setattr(user, _CACHE_ATTR, access)
    return access


def forget_access(user) -> None:
    """Drop the cached access (after memberships changed in the same request)."""
    if user is not None and hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def alliance_id_of(obj) -> int | None:
    if obj is None:
        return None
    if isinstance(obj, Alliance):
        return obj.pk
    return getattr(obj, "alliance_id", None)


def organisation_id_of(obj) -> int | None:
    """The id of the organisation that owns ``obj`` (None if it has none)."""
    path = ORGANISATION_PATHS.get(obj._meta.label_lower)
    if path is None:
        return None
    if path == "pk":
        return obj.pk
    parts = path.split("__")
    target = obj
    for part in parts[:-1]:
        target = getattr(target, part, None)
        if target is None:
            return None
    return getattr(target, f"{parts[-1]}_id", None)


# --- predicates ------------------------------------------------------------------------------


@rules.predicate
def is_instance_admin(user) -> bool:
    return bool(user and user.is_active and user.is_superuser)


def _role_predicate(*allowed: str):
    allowed_set = frozenset(allowed)

    def check(user, obj) -> bool:
        alliance_id = alliance_id_of(obj)
        return alliance_id is not None and access_of(user).role(alliance_id) in allowed_set

    return check


is_alliance_coordinator = rules.predicate(
    _role_predicate(Role.COORDINATOR), name="is_alliance_coordinator"
)
is_alliance_steering_member = rules.predicate(
    _role_predicate(Role.STEERING), name="is_alliance_steering_member"
)
is_alliance_provider = rules.predicate(_role_predicate(Role.PROVIDER), name="is_alliance_provider")
is_alliance_viewer = rules.predicate(_role_predicate(Role.VIEWER), name="is_alliance_viewer")
is_alliance_member = rules.predicate(_role_predicate(*Role.values), name="is_alliance_member")


@rules.predicate
def is_state_office_for(user, obj) -> bool:
    alliance_id = alliance_id_of(obj)
    return alliance_id is not None and alliance_id in access_of(user).state_office_alliances


@rules.predicate
def is_organisation_editor(user, obj) -> bool:
    """A provider editor of the organisation that owns ``obj`` (an entry, not an alliance)."""
    if obj is None or isinstance(obj, Alliance):
        return False
    alliance_id = alliance_id_of(obj)
    organisation_id = organisation_id_of(obj)
    if alliance_id is None or organisation_id is None:
        return False
    return organisation_id in access_of(user).provider_organisations(alliance_id)


@rules.predicate
def has_provider_organisations(user, obj) -> bool:
    """A provider editor in the alliance of ``obj`` who has at least one organisation."""
    alliance_id = alliance_id_of(obj)
    return alliance_id is not None and bool(access_of(user).provider_organisations(alliance_id))


@rules.predicate
def providers_publish_directly(user, obj) -> bool:
    """The alliance lets provider editors' changes go live without review."""
    from .config import alliance_config

    alliance = obj if isinstance(obj, Alliance) else getattr(obj, "alliance", None)
    return alliance is not None and not alliance_config(alliance).providers_need_review


# Composite predicates used by several apps' rules.py.
can_enter_workspace = is_instance_admin | is_alliance_member | is_state_office_for
sees_whole_alliance = (
    is_instance_admin
    | is_alliance_coordinator
    | is_alliance_steering_member
    | is_alliance_viewer
    | is_state_office_for
)
edits_whole_alliance = is_instance_admin | is_alliance_coordinator | is_alliance_steering_member
coordinates = is_instance_admin | is_alliance_coordinator
can_view_entry = sees_whole_alliance | is_organisation_editor
can_edit_entry = edits_whole_alliance | is_organisation_editor
can_publish_entry = edits_whole_alliance | (is_organisation_editor & providers_publish_directly)


def add_entry_perms(app_label: str, model_name: str, *, add) -> None:
    """The standard permissions of a directory or calendar entry type.

    ``<app>.add_<model>`` is checked against the alliance; the others against the row:
    ``view`` (workspace), ``change`` (edit; may need review), ``publish`` (a change goes live
    without review, publish/archive), ``confirm`` ("still correct", freshness).
    """
    prefix = f"{app_label}."
    rules.add_perm(f"{prefix}add_{model_name}", add)
    rules.add_perm(f"{prefix}view_{model_name}", can_view_entry)
    rules.add_perm(f"{prefix}change_{model_name}", can_edit_entry)
    rules.add_perm(f"{prefix}publish_{model_name}", can_publish_entry)
    rules.add_perm(f"{prefix}confirm_{model_name}", can_edit_entry)
