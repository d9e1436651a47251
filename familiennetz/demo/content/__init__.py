"""Demo content: two fictional alliances written as plain data (see ``types``)."""

from . import hainichen, prohlis
from .types import AllianceSpec

DEMO_ALLIANCES: tuple[AllianceSpec, ...] = (hainichen.ALLIANCE, prohlis.ALLIANCE)

__all__ = ["DEMO_ALLIANCES"]
