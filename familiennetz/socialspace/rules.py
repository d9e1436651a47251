"""Permissions of the district analysis (docs/dev/roles.md, section "District analysis").

Reading: everybody who sees the whole alliance (coordinator, steering group, viewer, state
office). Changing indicators, indices and walks: coordinator and steering group. Imports:
coordinator. Walk photos (they may show people or houses): not the state office.
"""

import rules

from familiennetz.alliances.predicates import (
    coordinates,
    edits_whole_alliance,
    is_alliance_coordinator,
    is_alliance_steering_member,
    is_alliance_viewer,
    is_instance_admin,
    sees_whole_alliance,
)

rules.add_perm("socialspace.view_socialspace", sees_whole_alliance)
rules.add_perm("socialspace.change_indicators", edits_whole_alliance)
rules.add_perm("socialspace.import_data", coordinates)
rules.add_perm("socialspace.change_walks", edits_whole_alliance)
rules.add_perm(
    "socialspace.view_walk_photos",
    is_instance_admin | is_alliance_coordinator | is_alliance_steering_member | is_alliance_viewer,
)
