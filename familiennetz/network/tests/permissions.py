"""Network URLs in the permission matrix (tests/test_permission_matrix.py).

Coordinators and the steering group manage the network; viewers and provider editors read
it; a provider editor changes only the partner record of their own organisation (the world's
partner is the provider's Kita); the state office sees none of it (403)."""

from __future__ import annotations

import datetime as dt

from django.core.files.base import ContentFile

from familiennetz.core.tests.matrix import only

from .. import services
from . import factories as f

NET = {"coordinator", "steering", "provider", "viewer", "admin"}
MANAGE = {"coordinator", "steering", "admin"}


def extend_world(world) -> None:
    alliance = world.alliance
    services.ensure_default_sectors(alliance)
    own = f.PartnerFactory(alliance=alliance, organisation=world.organisation)
    other = f.partner(alliance, "Familienzentrum Regenbogen", "familienzentrum")
    contact = f.ContactPersonFactory(alliance=alliance, partner=own, name="Frau Sonne")
    item = f.contribution(own)
    tie = services.tie_save(
        alliance=alliance,
        values={"partner_a": own, "partner_b": other, "intensity": 3, "topics": "Übergang"},
        agreement_file=ContentFile(b"Kooperationsvereinbarung", name="vereinbarung.txt"),
    )
    snapshot = services.snapshot_take(alliance=alliance, taken_on=dt.date(2025, 12, 31))
    world.network = {
        "own": own,
        "other": other,
        "contact": contact,
        "item": item,
        "tie": tie,
        "snapshot": snapshot,
        "sector": other.sector,
    }


def n(name):
    return lambda w: {"pk": w.network[name].pk}


MATRIX = {
    "network:manage-map": ("get", lambda w: {}, only(NET)),
    "network:manage-map-graph": ("get", lambda w: {}, only(NET)),
    "network:manage-map-svg": ("get", lambda w: {}, only(NET)),
    "network:manage-map-graphml": ("get", lambda w: {}, only(NET)),
    "network:manage-analysis": ("get", lambda w: {}, only(NET)),
    "network:manage-snapshot-list": ("get", lambda w: {}, only(NET)),
    "network:manage-snapshot-compare": ("get", n("snapshot"), only(NET)),
    "network:manage-partner-list": ("get", lambda w: {}, only(NET)),
    "network:manage-partner-create": ("get", lambda w: {}, only(MANAGE)),
    "network:manage-partner-detail": ("get", n("own"), only(NET)),
    "network:manage-partner-update": ("get", n("own"), only(MANAGE | {"provider"})),
    "network:manage-partner-contact-create": ("get", n("own"), only(MANAGE | {"provider"})),
    "network:manage-partner-contact-update": (
        "get",
        lambda w: {"pk": w.network["own"].pk, "contact": w.network["contact"].pk},
        only(MANAGE | {"provider"}),
    ),
    "network:manage-partner-contribution-create": ("get", n("own"), only(MANAGE | {"provider"})),
    "network:manage-partner-contribution-update": (
        "get",
        lambda w: {"pk": w.network["own"].pk, "item": w.network["item"].pk},
        only(MANAGE | {"provider"}),
    ),
    "network:manage-sector-list": ("get", lambda w: {}, only(NET)),
    "network:manage-sector-update": ("get", n("sector"), only(MANAGE)),
    "network:manage-tie-list": ("get", lambda w: {}, only(NET)),
    "network:manage-tie-create": ("get", lambda w: {}, only(MANAGE)),
    "network:manage-tie-update": ("get", n("tie"), only(MANAGE)),
    "network:manage-tie-agreement": ("get", n("tie"), only(NET)),
}
