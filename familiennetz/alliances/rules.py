"""Permissions on the alliance itself: entering its workspace, members, settings."""

import rules

from .predicates import can_enter_workspace, coordinates

rules.add_perm("alliances.view_workspace", can_enter_workspace)
rules.add_perm("alliances.manage_members", coordinates)
rules.add_perm("alliances.change_settings", coordinates)
