"""Permissions of the import and export pages in the workspace (docs/dev/roles.md)."""

import rules

from familiennetz.alliances.predicates import coordinates

# Imports create and change entries of the whole alliance at once; exports include drafts.
rules.add_perm("interop.import_data", coordinates)
rules.add_perm("interop.export_data", coordinates)
