"""Permissions on directory entries (docs/dev/roles.md)."""

import rules

from familiennetz.alliances.predicates import (
    add_entry_perms,
    can_enter_workspace,
    edits_whole_alliance,
    has_provider_organisations,
)

rules.add_perm("directory.view_entries", can_enter_workspace)
add_entry_perms("directory", "organisation", add=edits_whole_alliance)
add_entry_perms("directory", "location", add=edits_whole_alliance | has_provider_organisations)
add_entry_perms("directory", "offer", add=edits_whole_alliance | has_provider_organisations)
