"""Network URLs in the permission matrix (tests/test_permission_matrix.py).

Each part of the network app keeps its own block below; ``MATRIX``, ``POST_DATA`` and
``extend_world`` collect them.
"""

from __future__ import annotations

from familiennetz.core.tests.matrix import COORDINATION, READERS, only

from .care_factories import (
    ConsultationFactory,
    ContactPersonFactory,
    PartnerFactory,
    RatingFactory,
    SectorFactory,
)

MATRIX: dict = {}
POST_DATA: dict = {}
_WORLD_PARTS: list = []


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
    kitas = SectorFactory(alliance=alliance, code="kita", name="Kita")
    asd_sector = SectorFactory(alliance=alliance, code="jugendhilfe-asd", name="ASD")
    kita = PartnerFactory(alliance=alliance, organisation=world.organisation, sector=kitas)
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
