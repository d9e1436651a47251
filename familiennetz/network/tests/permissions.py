"""Network URLs in the permission matrix (tests/test_permission_matrix.py).

Coordinators and the steering group manage the network; viewers and provider editors read
it; a provider editor changes only the partner record of their own organisation (the world's
partner is the provider's Kita); the state office sees none of it (403).

Each part of the network app keeps its own block; ``MATRIX``, ``POST_DATA`` and
``extend_world`` collect them."""

from __future__ import annotations

import datetime as dt

from django.core.files.base import ContentFile

from familiennetz.core.tests.matrix import COORDINATION, READERS, only

from .. import services
from ..models import Sector
from . import factories as f
from .care_factories import (
    ConsultationFactory,
    ContactPersonFactory,
    PartnerFactory,
    RatingFactory,
)

NET = {"coordinator", "steering", "provider", "viewer", "admin"}
MANAGE = {"coordinator", "steering", "admin"}


def _extend_world_network(world) -> None:
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


_NETWORK_MATRIX = {
    "network:manage-map": ("get", lambda w: {}, only(NET)),
    "network:manage-map-graph": ("get", lambda w: {}, only(NET)),
    "network:manage-map-svg": ("get", lambda w: {}, only(NET)),
    "network:manage-map-png": ("get", lambda w: {}, only(NET)),
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


MATRIX: dict = {}
POST_DATA: dict = {}
_WORLD_PARTS: list = [_extend_world_network]
MATRIX |= _NETWORK_MATRIX


def extend_world(world) -> None:
    for part in _WORLD_PARTS:
        part(world)


# --- care: case consultations, contact matrix, stakeholder grid, "Unser Netzwerk" ------------
# Case consultations: the coordination and provider editors (their own) see records; viewers
# and the state office only the counts (the list redirects them there). The contact matrix
# names professionals: not for the state office. The stakeholder grid is the coordination's
# (viewers read it). "Unser Netzwerk" is a provider editor's page.

CARE_RECORDS = {"coordinator", "steering", "provider", "admin"}
CARE_MEMBERS = {"coordinator", "steering", "provider", "viewer", "admin"}
CARE_GRID = {"coordinator", "steering", "viewer", "admin"}
CARE_GRID_EDIT = {"coordinator", "steering", "admin"}


def _extend_world_care(world) -> None:
    alliance = world.alliance
    kitas = Sector.objects.get(alliance=alliance, code="kita")
    asd_sector = Sector.objects.get(alliance=alliance, code="jugendhilfe-asd")
    kita = world.network["own"]  # the provider's Kita (the network part made it)
    kita.sector = kitas
    kita.save(update_fields=["sector"])
    asd = PartnerFactory(alliance=alliance, sector=asd_sector)
    ContactPersonFactory(partner=asd)
    world.care = {
        "kita": kita,
        "consultation": ConsultationFactory(requesting_partner=kita, counsellor_partner=asd),
        "rating": RatingFactory(partner=asd),
    }


def _care(name):
    return lambda w: {"pk": w.care[name].pk}


_WORLD_PARTS.append(_extend_world_care)
MATRIX |= {
    "network:manage-consultation-list": (
        "get",
        lambda w: {},
        only(CARE_RECORDS) | {"viewer": 302, "state_office": 302},
    ),
    "network:manage-consultation-create": ("get", lambda w: {}, only(CARE_RECORDS)),
    "network:manage-consultation-update": ("get", _care("consultation"), only(CARE_RECORDS)),
    "network:manage-consultation-counts": ("get", lambda w: {}, only(READERS)),
    "network:manage-matrix-show": ("get", lambda w: {}, only(CARE_MEMBERS)),
    "network:manage-matrix-pdf": ("get", lambda w: {}, only(CARE_MEMBERS)),
    "network:manage-matrix-edit": ("get", _care("kita"), only(COORDINATION)),
    "network:manage-stakeholder-grid": ("get", lambda w: {}, only(CARE_GRID)),
    "network:manage-stakeholder-rate": ("get", _care("kita"), only(CARE_GRID_EDIT)),
    "network:manage-ownnetwork-show": ("get", lambda w: {}, only({"provider", "admin"})),
}

# --- end of care ----------------------------------------------------------------------------
