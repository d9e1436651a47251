"""Permissions of the network area (docs/dev/roles.md, section "Network").

Everybody with a role in the alliance reads the network (contact persons included: they are
professionals, shown in the workspace only); coordinators and the steering group manage it;
a provider editor changes only the partner record of their own organisation(s). The state
office sees none of it: the network's internal work and its contact persons.
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

takes_part = (
    is_instance_admin
    | is_alliance_coordinator
    | is_alliance_steering_member
    | is_alliance_provider
    | is_alliance_viewer
)
manages = is_instance_admin | is_alliance_coordinator | is_alliance_steering_member


@rules.predicate
def is_own_partner(user, obj) -> bool:
    """A provider editor of the partner's organisation."""
    if obj is None or obj._meta.label_lower != "network.partner":
        return False
    return obj.organisation_id in access_of(user).provider_organisations(alliance_id_of(obj))


rules.add_perm("network.view_network", takes_part)
rules.add_perm("network.manage_network", manages)
rules.add_perm("network.change_partner", manages | (is_alliance_provider & is_own_partner))

from . import care_rules  # noqa: E402, F401  (case consultations, contact matrix, grid)
