"""Permissions of content translations (docs/dev/roles.md, section "Content translations").

Editing a record's translations needs the permission to edit the record (the kind's own
permission, checked against the row: a provider editor translates their organisation's
entries). The overview and review of waiting translations, and asking the machine translation
for a draft, are the coordination's."""

import rules

from familiennetz.alliances.predicates import (
    can_enter_workspace,
    coordinates,
    edits_whole_alliance,
)

rules.add_perm("translations.view_translations", can_enter_workspace)
rules.add_perm("translations.review_translations", coordinates)
rules.add_perm("translations.request_machine_translation", coordinates)
# Shared texts that are no entry (category names): who edits the whole alliance's guide.
rules.add_perm("translations.edit_shared_texts", edits_whole_alliance)
