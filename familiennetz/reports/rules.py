"""Permissions of the reports app (docs/dev/roles.md, section "Reports and the state office").

Alliance-level permissions are checked against the alliance. The state office reads its
alliances' submitted reports and aggregates (``view_reports``, ``export_planning``) but never
the lists behind the figures, the handover page or drafts; its own pages are checked against
the ``StateOffice`` (``view_state_office``).
"""

from __future__ import annotations

import rules

from familiennetz.alliances.predicates import (
    is_alliance_coordinator,
    is_alliance_steering_member,
    is_alliance_viewer,
    is_instance_admin,
    is_state_office_for,
)


@rules.predicate
def is_state_office_member(user, office) -> bool:
    return (
        office is not None and user.is_authenticated and office.members.filter(pk=user.pk).exists()
    )


members_reading = (
    is_instance_admin | is_alliance_coordinator | is_alliance_steering_member | is_alliance_viewer
)
rules.add_perm("reports.view_reports", members_reading | is_state_office_for)
rules.add_perm("reports.view_figure_lists", members_reading)
rules.add_perm(
    "reports.change_report",
    is_instance_admin | is_alliance_coordinator | is_alliance_steering_member,
)
rules.add_perm("reports.submit_report", is_instance_admin | is_alliance_coordinator)
rules.add_perm(
    "reports.view_handover",
    is_instance_admin | is_alliance_coordinator | is_alliance_steering_member,
)
rules.add_perm("reports.export_planning", members_reading | is_state_office_for)
rules.add_perm("reports.view_state_office", is_instance_admin | is_state_office_member)
