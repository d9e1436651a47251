"""Who may read and restore the history of an entry."""

import rules

from familiennetz.alliances.predicates import can_view_entry, coordinates

rules.add_perm("history.view_history", can_view_entry)
rules.add_perm("history.restore_version", coordinates)
