"""Permissions of participation (docs/dev/roles.md, section "Participation").

- Surveys and topic boards belong to the network or to one institution: the coordination and
  the steering group run the network's, an institution's provider editors their own
  (``ORGANISATION_PATHS``, registered in apps.py). Raw answers, free texts waiting for review
  and publishing results are for the coordination only.
- Complaints of children are seen by their institution only (its provider editors; the
  instance administrator for support); the network sees counts per category and year.
- Needs are reported by anybody who works in the network and answered by the coordination.
"""

import rules

from familiennetz.alliances.predicates import (
    can_edit_entry,
    can_enter_workspace,
    can_view_entry,
    coordinates,
    edits_whole_alliance,
    has_provider_organisations,
    is_instance_admin,
    is_organisation_editor,
    sees_whole_alliance,
)


@rules.predicate
def is_shared_template(user, obj) -> bool:
    """A complaint procedure offered to every institution of the network as a template."""
    return bool(getattr(obj, "is_template", False))


# Overview and lists (checked on the alliance).
rules.add_perm("participation.view_participation", can_enter_workspace)
rules.add_perm("participation.add_survey", edits_whole_alliance | has_provider_organisations)
rules.add_perm("participation.add_topicboard", edits_whole_alliance | has_provider_organisations)
rules.add_perm("participation.add_need", edits_whole_alliance | has_provider_organisations)
rules.add_perm("participation.view_needs", can_enter_workspace)
rules.add_perm("participation.answer_need", coordinates)
rules.add_perm("participation.view_complaint_statistics", sees_whole_alliance)
rules.add_perm("participation.add_complaint", is_instance_admin | has_provider_organisations)
rules.add_perm(
    "participation.add_complaintprocedure", edits_whole_alliance | has_provider_organisations
)

# Rows.
rules.add_perm("participation.view_survey", can_view_entry)
rules.add_perm("participation.change_survey", can_edit_entry)
rules.add_perm("participation.view_raw_answers", coordinates)
rules.add_perm("participation.review_free_text", coordinates)
rules.add_perm("participation.publish_results", coordinates)
rules.add_perm("participation.view_topicboard", can_view_entry)
rules.add_perm("participation.change_topicboard", can_edit_entry)
rules.add_perm("participation.moderate_topic", can_edit_entry)
rules.add_perm(
    "participation.view_complaintprocedure",
    can_view_entry | (can_enter_workspace & is_shared_template),
)
rules.add_perm("participation.change_complaintprocedure", can_edit_entry)
rules.add_perm("participation.view_complaint", is_instance_admin | is_organisation_editor)
rules.add_perm("participation.change_complaint", is_instance_admin | is_organisation_editor)
