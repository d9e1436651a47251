"""Permissions on calendar entries (docs/dev/roles.md). Participant lists hold families'
personal data: only the coordination and the organiser's provider editors see them."""

import rules

from familiennetz.alliances.predicates import (
    add_entry_perms,
    coordinates,
    edits_whole_alliance,
    has_provider_organisations,
    is_organisation_editor,
)

add_entry_perms("events", "event", add=edits_whole_alliance | has_provider_organisations)
rules.add_perm("events.view_registrations", coordinates | is_organisation_editor)
