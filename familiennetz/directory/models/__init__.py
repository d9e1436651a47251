"""Directory data model, shaped after Open Referral HSDS 3 (organization, location, service,
service_at_location, schedule, contact, taxonomy_term), German first."""

from .audience import AgeBand, Audience, AudienceQuerySet
from .base import Checked, Status
from .locations import Location, district_model
from .offers import Offer, OfferLocation, OfferQuerySet
from .organisations import Contact, Organisation
from .schedules import Schedule
from .taxonomy import Category, Language

__all__ = [
    "AgeBand",
    "Audience",
    "AudienceQuerySet",
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
    "district_model",
]
