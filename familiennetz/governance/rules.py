"""Permissions of governance (docs/dev/roles.md, section "Governance").

Alliance-level permissions are checked against the alliance, row-level ones against the row.
The state office has none of them: governance is the network's internal work.
"""

from __future__ import annotations

import rules

from familiennetz.alliances.predicates import (
    access_of,
    alliance_id_of,
    is_alliance_coordinator,
    is_alliance_provider,
    is_alliance_steering_member,
    is_alliance_viewer,
    is_instance_admin,
)

from .access import governance_access

takes_part = (
    is_instance_admin
    | is_alliance_coordinator
    | is_alliance_steering_member
    | is_alliance_provider
    | is_alliance_viewer
)
manages = is_instance_admin | is_alliance_coordinator | is_alliance_steering_member
contributes = manages | is_alliance_provider
reads_money = manages | is_alliance_viewer


def _body_of(obj):
    name = obj._meta.model_name
    if name == "body":
        return obj
    if name in ("meeting", "meetingseries"):
        return obj.body
    if name in ("agendaitem", "minutes", "decision"):
        return obj.meeting.body
    return None


@rules.predicate
def sees_body(user, obj) -> bool:
    body = _body_of(obj)
    if body is None:
        return False
    access = governance_access(user, body.alliance_id)
    return access.takes_part and (access.manages or body.is_open or access.is_member(body.pk))


@rules.predicate
def is_body_officer(user, obj) -> bool:
    body = _body_of(obj)
    return body is not None and governance_access(user, body.alliance_id).is_officer(body.pk)


@rules.predicate
def owns_action(user, obj) -> bool:
    if obj is None or obj._meta.model_name != "actionitem" or obj.owner_id is None:
        return False
    return obj.owner_id in governance_access(user, obj.alliance_id).contact_ids


@rules.predicate
def may_see_action(user, obj) -> bool:
    if obj is None or obj._meta.model_name != "actionitem":
        return False
    if obj.body_id is None:
        return takes_part(user, obj)
    return sees_body(user, obj.body)


@rules.predicate
def approves_for_room(user, obj) -> bool:
    """A provider editor of the organisation that offers the room (or the booking's room)."""
    room = obj.room if obj._meta.model_name == "booking" else obj
    if room.organisation_id is None:
        return False
    alliance_id = alliance_id_of(room)
    return room.organisation_id in access_of(user).provider_organisations(alliance_id)


@rules.predicate
def requested_booking(user, obj) -> bool:
    return obj._meta.model_name == "booking" and obj.requested_by_id == user.pk


rules.add_perm("governance.view_governance", takes_part)
rules.add_perm("governance.manage_governance", manages)
rules.add_perm("governance.view_budgets", reads_money)
rules.add_perm("governance.book_room", contributes)
rules.add_perm("governance.rate_quality", contributes)
rules.add_perm("governance.add_document", contributes)
rules.add_perm("governance.send_announcement", manages)

rules.add_perm("governance.view_body", sees_body)
rules.add_perm("governance.change_meeting", manages | (sees_body & is_body_officer))
rules.add_perm("governance.approve_minutes", manages | (sees_body & is_body_officer))
rules.add_perm("governance.view_action", manages | may_see_action | owns_action)
rules.add_perm("governance.change_action", manages | owns_action)
rules.add_perm("governance.decide_booking", manages | approves_for_room)
rules.add_perm("governance.cancel_booking", manages | approves_for_room | requested_booking)
