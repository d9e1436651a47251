"""Permissions of the network app (docs/dev/roles.md). Each part declares its own rules in
its own module; this module is what django-rules discovers."""

from . import care_rules  # noqa: F401  (case consultations, contact matrix, stakeholder grid)
