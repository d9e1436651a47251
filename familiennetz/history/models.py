"""Historical models of the directory and the calendar (django-simple-history, ADR 0103).

The history tables live in this app so that the directory's and the calendar's migrations stay
theirs. Every save through the ORM (workspace, admin, imports, services) records a version:
who, when, the full row and the many-to-many sets. Registrations (families' personal data)
are never registered here.
"""

from simple_history import register

from familiennetz.directory.models import (
    Contact,
    Location,
    Offer,
    OfferLocation,
    Organisation,
    Schedule,
)
from familiennetz.events.models import Event, Occurrence

APP = "familiennetz.history"
EXCLUDED = ["updated_at"]

register(Organisation, app=APP, excluded_fields=EXCLUDED)
register(Location, app=APP, excluded_fields=EXCLUDED)
register(
    Offer,
    app=APP,
    excluded_fields=EXCLUDED,
    m2m_fields=[Offer.categories.field, Offer.languages.field],
)
register(OfferLocation, app=APP, excluded_fields=EXCLUDED)
register(Schedule, app=APP, excluded_fields=EXCLUDED)
register(Contact, app=APP, excluded_fields=EXCLUDED)
register(
    Event,
    app=APP,
    excluded_fields=EXCLUDED,
    m2m_fields=[Event.categories.field, Event.languages.field],
)
register(Occurrence, app=APP, excluded_fields=EXCLUDED)

TRACKED_MODELS = (
    Organisation,
    Location,
    Offer,
    OfferLocation,
    Schedule,
    Contact,
    Event,
    Occurrence,
)
