"""Permissions of the network's care work (docs/dev/roles.md, section "Network: case
consultations, contact matrix, stakeholder grid"); imported by ``rules.py``.

- Case consultations: coordinators and the steering group see and record all of them; a
  provider editor sees those of her own organisation(s) (as the requesting or the counselling
  partner) and records and corrects those her organisation asked for. Viewers and the state
  office see the counts only (counts below 5 suppressed, ADR 0620).
- The contact matrix names professionals: everyone with a role in the alliance reads it in the
  workspace, the state office does not (no personal data); the coordinator edits it.
- The stakeholder grid is the coordination's strategic view: coordinators, the steering group
  and viewers read it, coordinators and the steering group place partners on it.
- "Unser Netzwerk" is the page of a provider editor's own organisation.
"""

from __future__ import annotations

import rules

from familiennetz.alliances.predicates import (
    access_of,
    alliance_id_of,
    has_provider_organisations,
    is_alliance_coordinator,
    is_alliance_provider,
    is_alliance_steering_member,
    is_alliance_viewer,
    is_instance_admin,
    is_state_office_for,
)

manages = is_instance_admin | is_alliance_coordinator | is_alliance_steering_member
coordinates = is_instance_admin | is_alliance_coordinator
member = manages | is_alliance_provider | is_alliance_viewer


@rules.predicate
def requested_by_own_organisation(user, obj) -> bool:
    """A provider editor of the requesting partner's organisation (she recorded it)."""
    if obj is None or obj._meta.model_name != "caseconsultation":
        return False
    own = access_of(user).provider_organisations(alliance_id_of(obj))
    return obj.requesting_partner.organisation_id in own


rules.add_perm("network.view_all_consultations", manages)
rules.add_perm("network.view_consultations", manages | has_provider_organisations)
rules.add_perm("network.add_consultation", manages | has_provider_organisations)
rules.add_perm("network.change_consultation", manages | requested_by_own_organisation)
rules.add_perm(
    "network.view_consultation_counts",
    member | is_state_office_for,
)
rules.add_perm("network.view_contact_matrix", member)
rules.add_perm("network.change_contact_matrix", coordinates)
rules.add_perm("network.view_stakeholders", manages | is_alliance_viewer)
rules.add_perm("network.change_stakeholders", manages)
rules.add_perm("network.view_own_network", has_provider_organisations)
