"""Permissions of the network's own pages and print products (docs/dev/roles.md, section
"Outreach"): the coordinator (and the instance administrator) edits the Erste-Hilfe-Box and
composes rallies; everybody in the workspace may make QR codes of the network's pages."""

import rules

from familiennetz.alliances.predicates import coordinates

rules.add_perm("outreach.manage_outreach", coordinates)
