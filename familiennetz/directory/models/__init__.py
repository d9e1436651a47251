"""Directory data model, shaped after Open Referral HSDS 3 (organization, location, service,
service_at_location, schedule, contact, taxonomy_term), German first."""

from .base import Checked, Status
from .locations import Location
from .offers import AgeBand, Offer, OfferLocation, OfferQuerySet
from .organisations import Contact, Organisation
from .schedules import Schedule
from .taxonomy import Category, Language

__all__ = [
    "AgeBand",
    "Category",
    "Checked",
    "Contact",
    "Language",
    "Location",
    "Offer",
    "OfferLocation",
    "OfferQuerySet",
    "Organisation",
    "Schedule",
    "Status",
]
