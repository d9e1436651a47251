"""Permissions on the review queue: the coordination decides."""

import rules

from familiennetz.alliances.predicates import coordinates

rules.add_perm("moderation.review", coordinates)
