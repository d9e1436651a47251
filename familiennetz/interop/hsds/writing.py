"""Writing offers and what hangs off them (places, schedules, contacts, events) during an
HSDS import; the identity and bulk machinery is in importer.py (``_Writer``)."""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from familiennetz.directory.models import (
    Category,
    Contact,
    Language,
    Location,
    Offer,
    OfferLocation,
    Organisation,
    Schedule,
    Status,
)
from familiennetz.events.models import Event

from . import mapping
from .ids import Kind
from .tables import EVENT

BATCH = 500


class RecordWriter:
    # --- offers ---------------------------------------------------------------------------

    def offers(self) -> None:
        languages = {lang.code.lower(): lang.pk for lang in Language.objects.all()}
        language_names = {
            name.casefold(): lang.pk
            for lang in Language.objects.all()
            for name in (lang.name_de, lang.name_en, lang.endonym)
            if name
        }
        items, relations = [], {}
        for rec in self.tables.table("service"):
            values = mapping.offer_values(rec, self.ctx)
            if values.get("last_checked_at") is None:
                values.pop("last_checked_at", None)  # not given: entry_save's own date
            org = self._organisation_pk(rec, rec.data.get("organization_id"), required=True)
            if org is None:
                continue
            values["organisation_id"] = org
            sals = self.ctx.records_where("service_at_location", "service_id", rec.id)
            if any(sal.data.get("location_id") in self.virtual for sal in sals):
                values["is_online"] = True
            districts, values["service_area"] = self._service_areas(rec)
            items.append((rec, values))
            relations[rec.id] = (
                self._category_pks(rec),
                self._language_pks(rec, languages, language_names),
                districts,
            )
        objects = self.upsert(Kind.OFFER, Offer, items, on_create=self._published_at)
        created = self.created
        # (entry_save sets the publication date of offers that are published now)
        changed = self._set_m2m(Offer.categories.through, "category_id", objects, relations, 0)
        changed |= self._set_m2m(Offer.languages.through, "language_id", objects, relations, 1)
        changed |= self._set_m2m(
            Offer.service_districts.through, "district_id", objects, relations, 2
        )
        changed -= created | self.changed
        if changed:  # a changed category or language is a change of the offer
            Offer.objects.filter(pk__in=changed).update(updated_at=self.now)
            self.report.count(Kind.OFFER, "updated", len(changed))
            self.report.count(Kind.OFFER, "unchanged", -len(changed))
        self.offer_org = {offer.pk: offer.organisation_id for _rec, offer in objects}

    def _service_areas(self, rec) -> tuple[set[int], str]:
        """HSDS service areas: the alliance's districts by name, the rest as a described
        area (text)."""
        districts, texts = set(), []
        for area in self.ctx.records_where("service_area", "service_id", rec.id):
            name = str(area.data.get("name") or area.data.get("description") or "").strip()
            pk = self.districts.get(name.casefold()) if name else None
            if pk:
                districts.add(pk)
            elif name:
                texts.append(name)
        return districts, self.ctx.clip(rec, "service_areas", "; ".join(texts), 300)

    def _published_at(self, offer: Offer) -> None:
        if offer.status == Status.PUBLISHED:
            offer.published_at = self.now

    @cached_property
    def virtual(self) -> set[str]:
        return {
            rec.id
            for rec in self.tables.table("location")
            if rec.data.get("location_type") == "virtual"
        }

    def _category_pks(self, rec) -> set[int]:
        pks = set()
        for term_id in self.ctx.category_term_ids(rec.id):
            pk = self.lookup(Kind.CATEGORY, Category, term_id)
            if pk is None:
                self.ctx.warn(
                    rec,
                    _("The taxonomy term %(id)s was not found; the category was left out.")
                    % {"id": term_id},
                    field="attributes",
                )
            else:
                pks.add(pk)
        return pks

    def _language_pks(self, rec, by_code: dict, by_name: dict) -> set[int]:
        pks = set()
        for row in self.ctx.rows_where("language", "service_id", rec.id):
            code, name = str(row.get("code") or "").lower(), str(row.get("name") or "")
            pk = by_code.get(code) or by_name.get(name.casefold())
            if pk is None:
                self.ctx.warn(
                    rec,
                    _("The language “%(language)s” is not known here and was left out.")
                    % {"language": name or code},
                    field="languages",
                )
            else:
                pks.add(pk)
        return pks

    def _set_m2m(
        self, through, field: str, objects, relations, index: int, owner: str = "offer_id"
    ) -> set[int]:
        """Bring one many-to-many relation of the offers (or, with ``owner="event_id"``, the
        events) in line with a fixed number of queries; returns the changed owners' pks."""
        owner_pks = [obj.pk for _rec, obj in objects]
        current = defaultdict(set)
        rows = through.objects.filter(**{f"{owner}__in": owner_pks}).values_list(owner, field)
        for owner_pk, other in rows:
            current[owner_pk].add(other)
        add, remove, changed = [], Q(pk__in=[]), set()
        for rec, obj in objects:
            wanted, have = relations[rec.id][index], current[obj.pk]
            add += [through(**{owner: obj.pk, field: pk}) for pk in wanted - have]
            if have - wanted:
                remove |= Q(**{owner: obj.pk, f"{field}__in": have - wanted})
            if wanted != have:
                changed.add(obj.pk)
        through.objects.filter(remove).delete()
        through.objects.bulk_create(add, batch_size=BATCH)
        return changed

    def offer_locations(self) -> None:
        items = []
        for rec in self.tables.table("service_at_location"):
            offer = self.lookup(Kind.OFFER, Offer, rec.data.get("service_id"))
            location = self.lookup(Kind.LOCATION, Location, rec.data.get("location_id"))
            if offer is None or location is None:
                if rec.data.get("location_id") not in self.virtual:
                    self.ctx.warn(
                        rec, _("The service or the location is missing; the link was left out.")
                    )
                continue
            notes = self.ctx.clip(rec, "description", rec.data.get("description") or "", 300)
            items.append((rec, {"offer_id": offer, "location_id": location, "notes": notes}))
        # An offer meets a place only once: reuse an existing link that has another id.
        by_pair = {
            (ol.offer_id, ol.location_id): ol
            for ol in OfferLocation.objects.for_alliance(self.alliance).filter(
                offer_id__in={values["offer_id"] for _rec, values in items}
            )
        }
        existing = self.existing(Kind.OFFER_LOCATION, OfferLocation, [rec for rec, _v in items])
        created, changed, pairs = [], [], []
        for rec, values in items:
            pair = (values["offer_id"], values["location_id"])
            obj = existing.get(rec.id) or by_pair.get(pair)
            if obj is None:
                obj = by_pair[pair] = OfferLocation(alliance=self.alliance, **values)
                created.append(obj)
            elif obj in created or obj in changed:
                pass
            elif assign(obj, values):
                obj.updated_at = self.now
                changed.append(obj)
            else:
                self.report.count(Kind.OFFER_LOCATION, "unchanged")
            pairs.append((rec, obj))
        OfferLocation.objects.bulk_create(created, batch_size=BATCH)
        OfferLocation.objects.bulk_update(
            changed, ["offer", "location", "notes", "updated_at"], batch_size=BATCH
        )
        for rec, obj in pairs:
            self.remember(Kind.OFFER_LOCATION, rec.id, obj.pk)
        if created:
            self.report.count(Kind.OFFER_LOCATION, "created", len(created))
        if changed:
            self.report.count(Kind.OFFER_LOCATION, "updated", len(changed))

    # --- schedules and contacts -----------------------------------------------------------

    @cached_property
    def links_of_offer(self) -> dict[int, list[tuple[int, int]]]:
        """offer pk → [(offer location pk, location pk)] (after offer_locations())."""
        links = defaultdict(list)
        rows = (
            OfferLocation.objects.for_alliance(self.alliance)
            .order_by("pk")
            .values_list("offer_id", "pk", "location_id")
        )
        for offer_id, pk, location_id in rows:
            links[offer_id].append((pk, location_id))
        return links

    def _schedule_parent(self, rec) -> tuple[dict, str] | None:
        """Where a schedule goes: an offer at a place (sessions), a place (opening hours) or
        the offer itself (a service's schedule without a place, ADR 1540)."""
        data = rec.data
        sal = self.lookup(Kind.OFFER_LOCATION, OfferLocation, data.get("service_at_location_id"))
        if sal:
            return _parent(offer_location_id=sal), Schedule.Kind.SESSION
        service_id = data.get("service_id")
        link = self.tables.get("service_at_location", data.get("service_at_location_id"))
        if not service_id and link is not None and not link.data.get("location_id"):
            # A service_at_location without a location: the schedule is its service's.
            service_id = link.data.get("service_id")
        offer = self.lookup(Kind.OFFER, Offer, service_id)
        location = self.lookup(Kind.LOCATION, Location, data.get("location_id"))
        if offer:
            links = [
                pk
                for pk, location_pk in self.links_of_offer.get(offer, [])
                if location is not None and location_pk == location
            ]
            if links:  # a service's schedule naming one of its places
                return _parent(offer_location_id=links[0]), Schedule.Kind.SESSION
            return _parent(offer_id=offer), Schedule.Kind.SESSION
        if location:
            return _parent(location_id=location), Schedule.Kind.OPENING_HOURS
        self.ctx.warn(
            rec, _("The schedule belongs to no known service or location; it was left out.")
        )
        return None

    def schedules(self) -> None:
        items = []
        for rec in self.tables.table("schedule"):
            parent = self._schedule_parent(rec)
            if parent is None:
                continue
            links, default_kind = parent
            values = mapping.schedule_values(rec, self.ctx, default_kind=default_kind)
            if values is not None:
                items.append((rec, {**values, **links}))
        self.upsert(Kind.SCHEDULE, Schedule, items, title=None)

    def _contact_owner(self, rec) -> tuple[int | None, int | None]:
        """(organisation pk, offer pk) of a contact."""
        data = rec.data
        offer = self.lookup(Kind.OFFER, Offer, data.get("service_id"))
        if offer is None and data.get("service_at_location_id"):
            sal = self.lookup(Kind.OFFER_LOCATION, OfferLocation, data["service_at_location_id"])
            offer = next(
                (o for o, links in self.links_of_offer.items() for pk, _l in links if pk == sal),
                None,
            )
        org = self.lookup(Kind.ORGANISATION, Organisation, data.get("organization_id"))
        if offer is not None:
            offer_org = self.offer_org.get(offer) or (
                Offer.objects.filter(pk=offer).values_list("organisation_id", flat=True).first()
            )
            if data.get("organization_id") and org != offer_org:
                self.ctx.info(
                    rec,
                    _("The contact is linked to the organisation of its service."),
                    field="organization_id",
                )
            return offer_org, offer
        if org is None and data.get("location_id"):
            location = self.lookup(Kind.LOCATION, Location, data["location_id"])
            org = (
                Location.objects.filter(pk=location)
                .values_list("organisation_id", flat=True)
                .first()
                if location
                else None
            )
        return org, None

    def contacts(self) -> None:
        items = []
        for rec in self.tables.table("contact"):
            org, offer = self._contact_owner(rec)
            if org is None:
                self.ctx.warn(
                    rec,
                    _("The contact belongs to no known organization or service; it was left out."),
                )
                continue
            values = mapping.contact_values(rec, self.ctx)
            items.append((rec, {**values, "organisation_id": org, "offer_id": offer}))
        self.upsert(Kind.CONTACT, Contact, items, title=None)

    # --- events ---------------------------------------------------------------------------

    def events(self) -> None:
        items, relations = [], {}
        languages = {lang.code.lower(): lang.pk for lang in Language.objects.all()}
        for rec in self.tables.table(EVENT):
            values = mapping.event_values(rec, self.ctx)
            values["organisation_id"] = self._organisation_pk(
                rec, rec.data.get("organization_id"), required=True
            )
            values["offer_id"] = self.lookup(Kind.OFFER, Offer, rec.data.get("service_id"))
            values["location_id"] = self.lookup(
                Kind.LOCATION, Location, rec.data.get("location_id")
            )
            values["status"] = Status.PUBLISHED
            lo, hi = values["age_min_months"], values["age_max_months"]
            if lo is not None and hi is not None and lo > hi:
                self.ctx.warn(
                    rec,
                    _("The minimum age is above the maximum age; both were left out."),
                    field="minimum_age_months",
                )
                values["age_min_months"] = values["age_max_months"] = None
            ends = values["ends_at"]
            if ends and values["starts_at"] and ends < values["starts_at"]:
                self.ctx.warn(rec, _("The end is before the start; it was left out."), field="end")
                values["ends_at"] = None
            if values["organisation_id"] is None or values["starts_at"] is None:
                continue
            items.append((rec, values))
            categories = {
                self.lookup(Kind.CATEGORY, Category, t)
                for t in rec.data.get("taxonomy_term_ids") or []
            }
            codes = {languages.get(str(c).lower()) for c in rec.data.get("language_codes") or []}
            relations[rec.id] = (categories - {None}, codes - {None})
        # entry_save brings each new or changed event's dates in line (event_apply_related)
        objects = self.upsert(Kind.EVENT, Event, items, title="title")
        # Categories and languages in bulk, as for offers (per event, these were 2–4 queries
        # and a history record each: half the import time of a town's 124 events).
        for through, field, index in (
            (Event.categories.through, "category_id", 0),
            (Event.languages.through, "language_id", 1),
        ):
            self._set_m2m(through, field, objects, relations, index, owner="event_id")


def assign(obj, values: dict) -> bool:
    changed = False
    for name, value in values.items():
        if not same(name, getattr(obj, name), value):
            setattr(obj, name, value)
            changed = True
    return changed


def same(name: str, old, new) -> bool:
    if name == "last_checked_at" and old and new:
        # HSDS carries the day ("assured_date"); the same day is no change.
        return timezone.localdate(old) == timezone.localdate(new)
    return old == new


def _parent(**link) -> dict:
    """A schedule's parent columns: the one given, the other two empty."""
    return {"location_id": None, "offer_location_id": None, "offer_id": None, **link}
