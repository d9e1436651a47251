"""Historical models of the directory and the calendar (django-simple-history, ADR 0103).

The history tables live in this app so that the directory's and the calendar's migrations stay
theirs. Every save through the ORM (workspace, admin, imports, services) records a version:
who, when, the full row and the many-to-many sets. Registrations (families' personal data)
are never registered here.
"""

from simple_history import register
from simple_history.models import HistoricalRecords

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


class EntryHistory(HistoricalRecords):
    """HistoricalRecords that also records many-to-many changes made from the other side
    (``category.offers.add(offer)``), which django-simple-history 3.13 does not handle."""

    def m2m_changed(self, instance, action, attr, pk_set, reverse, **kwargs):
        if not reverse:
            return super().m2m_changed(instance, action, attr, pk_set, reverse, **kwargs)
        if action == "pre_clear":
            instance._history_cleared_ids = list(
                self.cls._default_manager.filter(**{attr: instance}).values_list("pk", flat=True)
            )
            return None
        if action == "post_clear":
            pk_set = getattr(instance, "_history_cleared_ids", [])
        if action in {"post_add", "post_remove", "post_clear"}:
            for row in self.cls._default_manager.filter(pk__in=pk_set or []):
                super().m2m_changed(row, action, attr, None, False, **kwargs)
        return None


def track(model, **options):
    register(model, app=APP, excluded_fields=EXCLUDED, records_class=EntryHistory, **options)


track(Organisation)
track(Location)
track(Offer, m2m_fields=[Offer.categories.field, Offer.languages.field])
track(OfferLocation)
track(Schedule)
track(Contact)
track(Event, m2m_fields=[Event.categories.field, Event.languages.field])
track(Occurrence)

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
