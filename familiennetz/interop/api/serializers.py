"""Model instances → plain dicts in the shapes of schemas.py (no queries: callers prefetch)."""

from __future__ import annotations

from django.urls import reverse

from familiennetz.alliances.models import Alliance
from familiennetz.alliances.pagecache import alliance_cached
from familiennetz.directory.models import Location, Offer, Organisation, Schedule
from familiennetz.directory.recurrence import describe_schedule, weekday_codes
from familiennetz.events.models import Event
from familiennetz.events.selectors import Entry, effective_status
from familiennetz.interop.hsds.ids import IdMap, Kind
from familiennetz.interop.hsds.vocabulary import age_bands
from familiennetz.socialspace.models import District


class Serializer:
    """Turns one alliance's records into API dicts; absolute links for ``request``."""

    def __init__(self, request, alliance: Alliance):
        self.request = request
        self.alliance = alliance
        self._ids: IdMap | None = None
        self._districts: dict[int, str] | None = None
        # Many dates share an event and a place: their links and place dicts are built once.
        self._links: dict[tuple[str, str], str] = {}
        self._places: dict[int, dict] = {}

    def district_slug(self, pk: int | None) -> str | None:
        if pk is None:
            return None
        if self._districts is None:  # reference data: cached until the next edit
            self._districts = alliance_cached(
                self.alliance,
                "district-slugs",
                lambda: dict(
                    District.objects.for_alliance(self.alliance).values_list("pk", "slug")
                ),
            )
        return self._districts.get(pk)

    def hsds_id(self, kind: str, pk: int) -> str:
        if self._ids is None:  # stored ids change with imports, which change the version
            self._ids = alliance_cached(self.alliance, "hsds-ids", lambda: IdMap(self.alliance.pk))
        return self._ids.hsds_id(kind, pk)

    def link(self, name: str, slug: str) -> str:
        url = self._links.get((name, slug))
        if url is None:
            path = reverse(name, kwargs={"alliance_slug": self.alliance.slug, "slug": slug})
            url = self._links[name, slug] = self.request.build_absolute_uri(path)
        return url

    # --- small parts ----------------------------------------------------------------------

    @staticmethod
    def schedule(schedule: Schedule) -> dict:
        return {
            "kind": schedule.kind,
            "rrule": schedule.rrule,
            "weekdays": weekday_codes(schedule.rrule),
            "opens_at": schedule.opens_at.strftime("%H:%M") if schedule.opens_at else None,
            "closes_at": schedule.closes_at.strftime("%H:%M") if schedule.closes_at else None,
            "valid_from": schedule.valid_from,
            "valid_to": schedule.valid_to,
            "description": schedule.description,
            "text": describe_schedule(schedule),
        }

    @staticmethod
    def age(obj) -> dict:
        lo, hi = obj.age_min_months, obj.age_max_months
        return {
            "min_months": lo,
            "max_months": hi,
            "for_pregnancy": obj.for_pregnancy,
            "bands": age_bands(obj.for_pregnancy, lo, hi),
            "label": Offer.age_label.fget(obj),
        }

    def place(self, location: Location) -> dict:
        return {
            "slug": location.slug,
            "name": location.name,
            "address": {
                "street": location.street,
                "postal_code": location.postal_code,
                "city": location.city,
            },
            "latitude": location.latitude,
            "longitude": location.longitude,
            "district": self.district_slug(location.district_id),
            "url": self.link("directory:location-detail", location.slug),
        }

    def organisation_brief(self, org: Organisation) -> dict:
        return {
            "slug": org.slug,
            "name": org.name,
            "url": self.link("directory:organisation-detail", org.slug),
        }

    # --- records --------------------------------------------------------------------------

    def location(self, location: Location) -> dict:
        return {
            **self.place(location),
            "description": location.description,
            "organisation": location.organisation.slug if location.organisation_id else None,
            "is_wheelchair_accessible": location.is_wheelchair_accessible,
            "is_pram_accessible": location.is_pram_accessible,
            "accessibility_notes": location.accessibility_notes,
            "transport_notes": location.transport_notes,
            "opening_hours": [self.schedule(s) for s in location.schedules.all()],
            "country": location.country or "DE",
            "external_identifier": location.external_identifier,
            "external_identifier_type": location.external_identifier_type,
            "updated_at": location.updated_at,
            "hsds_id": self.hsds_id(Kind.LOCATION, location.pk),
        }

    def organisation(self, org: Organisation) -> dict:
        return {
            **self.organisation_brief(org),
            "kind": org.kind,
            "operator": org.operator,
            "description": org.description,
            "website": org.website,
            "email": org.email,
            "phone": org.phone,
            "identifiers": [
                {
                    "identifier_scheme": str(item.get("identifier_scheme") or ""),
                    "identifier_type": str(item.get("identifier_type") or ""),
                    "identifier": str(item.get("identifier") or ""),
                }
                for item in org.identifiers or []
                if isinstance(item, dict)
            ],
            "funding": [str(source) for source in org.funding or []],
            "updated_at": org.updated_at,
            "hsds_id": self.hsds_id(Kind.ORGANISATION, org.pk),
        }

    def offer(self, offer: Offer, distance_km: float | None = None) -> dict:
        return {
            "slug": offer.slug,
            "name": offer.name,
            "summary": offer.summary,
            "description": offer.description,
            "url": self.link("directory:offer-detail", offer.slug),
            "organisation": self.organisation_brief(offer.organisation),
            "categories": sorted(c.slug for c in offer.categories.all()),
            "languages": sorted(lang.code for lang in offer.languages.all()),
            "age": self.age(offer),
            "is_free": offer.is_free,
            "costs": offer.fee_description,
            "fee_amount": f"{offer.fee_amount:.2f}" if offer.fee_amount is not None else None,
            "fee_currency": offer.fee_currency or ("EUR" if offer.fee_amount is not None else ""),
            "service_area": {
                "districts": sorted(d.slug for d in offer.service_districts.all()),
                "description": offer.service_area,
            },
            "funding": [str(source) for source in offer.funding or []],
            "participation": offer.participation,
            "participation_notes": offer.participation_notes,
            "is_online": offer.is_online,
            "accessibility_notes": offer.accessibility_notes,
            "email": offer.email,
            "phone": offer.phone,
            "website": offer.website,
            "places": [
                {
                    "location": self.place(ol.location),
                    "notes": ol.notes,
                    "sessions": [self.schedule(s) for s in ol.schedules.all()],
                }
                for ol in offer.offer_locations.all()
            ],
            "sessions": [self.schedule(s) for s in offer.schedules.all()],
            "distance_km": round(distance_km, 3) if distance_km is not None else None,
            "last_checked_at": offer.last_checked_at,
            "updated_at": offer.updated_at,
            "hsds_id": self.hsds_id(Kind.OFFER, offer.pk),
        }

    def event(self, event: Event) -> dict:
        return {
            "slug": event.slug,
            "title": event.title,
            "summary": event.summary,
            "description": event.description,
            "url": self.link("events:event-detail", event.slug),
            "organisation": self.organisation_brief(event.organisation),
            "location": self.place(event.location) if event.location_id else None,
            "offer": event.offer.slug if event.offer_id else None,
            "starts_at": event.starts_at,
            "ends_at": event.ends_at,
            "is_all_day": event.is_all_day,
            "rrule": event.rrule,
            "status": event.event_status,
            "status_note": event.status_note,
            "categories": sorted(c.slug for c in event.categories.all()),
            "languages": sorted(lang.code for lang in event.languages.all()),
            "age": self.age(event),
            "is_free": event.is_free,
            "costs": event.fee_description,
            "requires_registration": event.requires_registration,
            "online_url": event.online_url,
            "updated_at": event.updated_at,
        }

    def occurrence(self, entry: Entry) -> dict:
        occurrence, event = entry.occurrence, entry.occurrence.event
        return {
            "id": occurrence.pk,
            "event": event.slug,
            "title": event.title,
            "starts_at": occurrence.starts_at,
            "ends_at": occurrence.ends_at,
            "is_all_day": event.is_all_day,
            "status": effective_status(occurrence),
            "status_note": occurrence.status_note or event.status_note,
            "url": self.link("events:event-detail", event.slug) + f"?termin={occurrence.pk}",
            "location": self._place_of(event) if event.location_id else None,
        }

    def _place_of(self, event: Event) -> dict:
        place = self._places.get(event.location_id)
        if place is None:
            place = self._places[event.location_id] = self.place(event.location)
        return place
