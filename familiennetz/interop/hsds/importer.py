"""HSDS import into one alliance: dry run with a report, then all-or-nothing commit.

Records are matched by their HSDS ids (``ExternalId``; our own generated ids decode to their
primary keys; categories also by code), so importing the same data again updates instead of
duplicating. Writes use bulk operations: a fixed number of queries per table and batch.

    report = hsds_import(alliance=alliance, tables=read_path(path), dry_run=True)
    if not report.has_errors:
        hsds_import(alliance=alliance, tables=read_path(path))
"""

from __future__ import annotations

import logging
from collections import defaultdict
from functools import cached_property

from django.db import DatabaseError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from familiennetz.alliances.models import Alliance
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
from familiennetz.directory.recurrence import weekday_codes
from familiennetz.directory.services import german_ascii
from familiennetz.events.models import Event
from familiennetz.events.services import event_sync_occurrences
from familiennetz.interop.models import ExternalId
from familiennetz.interop.report import Report
from familiennetz.search.api import deferred_indexing
from familiennetz.socialspace.models import District

from . import mapping
from .context import Context
from .ids import IdMap, Kind
from .sources import normalise_ids, validate
from .tables import EVENT, Tables
from .vocabulary import ATTRIBUTE_TAXONOMY_ID, default_terms

logger = logging.getLogger(__name__)
BATCH = 500


class SlugAllocator:
    """Free slugs for many new rows of one model with one query."""

    def __init__(self, model, alliance: Alliance, max_length: int):
        self.max_length = max_length
        self.taken = set(model.objects.filter(alliance=alliance).values_list("slug", flat=True))

    def allocate(self, text: str) -> str:
        base = (slugify(german_ascii(text)) or "eintrag")[: self.max_length].strip("-") or "eintrag"
        slug, n = base, 2
        while slug in self.taken:
            suffix = f"-{n}"
            slug = f"{base[: self.max_length - len(suffix)]}{suffix}"
            n += 1
        self.taken.add(slug)
        return slug


def hsds_import(
    *, alliance: Alliance, tables: Tables, dry_run: bool = False, strict: bool = False
) -> Report:
    """Import ``tables`` into ``alliance``. Writes only if not ``dry_run`` and the report has
    no errors (with ``strict`` also no warnings); otherwise everything is rolled back."""
    report = Report(dry_run=dry_run)
    normalise_ids(tables)
    validate(tables)
    report.extend(tables.issues)
    try:
        with transaction.atomic(), deferred_indexing() as touched:
            _Writer(alliance, tables, report).write()
            if strict and report.warnings:
                report.error(
                    _("Strict mode: %(n)d warning(s) count as errors.")
                    % {"n": len(report.warnings)}
                )
            if dry_run or report.has_errors:
                transaction.set_rollback(True)
            else:
                if _changed(report):
                    touched.add(alliance.pk)  # rebuild the search index once, at the end
                report.committed = True
    except DatabaseError as exc:
        logger.exception("HSDS import into alliance %s failed", alliance.pk)
        report.committed = False
        report.error(
            _("The database refused the data; nothing was saved (%(error)s).") % {"error": exc}
        )
    return report


class _Writer:
    def __init__(self, alliance: Alliance, tables: Tables, report: Report):
        self.alliance = alliance
        self.tables = tables
        self.report = report
        self.ctx = Context(tables, report)
        self.ids = IdMap(alliance.pk)
        self.pk: dict[str, dict[str, int]] = defaultdict(dict)  # kind → hsds id → pk
        self.new_ids: list[ExternalId] = []
        self.stale: dict[str, set[str]] = defaultdict(set)
        self.mapped: dict[str, set[int]] = defaultdict(set)
        self.offer_org: dict[int, int] = {}
        self.created: set[int] = set()
        self.changed: set[int] = set()
        self.now = timezone.now()

    def write(self) -> None:
        self.categories()
        self.districts = self._districts()
        self.upsert(Kind.ORGANISATION, Organisation, self._organisations())
        self.upsert(Kind.LOCATION, Location, self._locations())
        self.offers()
        self.offer_locations()
        self.schedules()
        self.contacts()
        self.events()
        self.save_ids()

    # --- identity -------------------------------------------------------------------------

    def existing(self, kind: str, model, records) -> dict[str, object]:
        """Objects of this alliance the records already stand for, by HSDS id."""
        wanted = {rec.id: self.ids.resolve(kind, rec.id) for rec in records}
        found = model.objects.filter(
            alliance=self.alliance, pk__in=[pk for pk in wanted.values() if pk]
        ).in_bulk()
        result = {}
        for record_id, pk in wanted.items():
            if pk in found:
                result[record_id] = found[pk]
            elif pk:
                self.stale[kind].add(record_id)  # mapped to a record that was deleted
        return result

    def remember(self, kind: str, record_id: str, pk: int) -> None:
        self.pk[kind][record_id] = pk
        if pk in self.mapped[kind]:
            return  # two records of the file stand for one of ours; the first keeps its id
        self.mapped[kind].add(pk)
        if self.ids.hsds_id(kind, pk) != record_id:
            if self.ids.by_object[kind].get(pk) not in (None, record_id):
                ExternalId.objects.filter(
                    alliance=self.alliance, scheme=self.ids.scheme, kind=kind, object_id=pk
                ).delete()
            self.new_ids.append(
                ExternalId(alliance=self.alliance, kind=kind, object_id=pk, value=record_id)
            )
            self.ids.by_object[kind][pk] = record_id

    def lookup(self, kind: str, model, record_id) -> int | None:
        """Our pk for an HSDS id: from this import, else an existing record of the alliance."""
        if not record_id:
            return None
        if record_id in self.pk[kind]:
            return self.pk[kind][record_id]
        pk = self.ids.resolve(kind, str(record_id))
        if pk and model.objects.filter(alliance=self.alliance, pk=pk).exists():
            self.pk[kind][record_id] = pk
            return pk
        return None

    def save_ids(self) -> None:
        for kind, values in self.stale.items():
            ExternalId.objects.filter(
                alliance=self.alliance, scheme=self.ids.scheme, kind=kind, value__in=values
            ).delete()
        ExternalId.objects.bulk_create(self.new_ids, batch_size=BATCH)

    # --- generic upsert -------------------------------------------------------------------

    def upsert(
        self, kind: str, model, items, *, title: str | None = "name", on_create=None
    ) -> list:
        """Create or update ``model`` rows from (record, values) pairs; returns the objects."""
        items = [(rec, values) for rec, values in items if values is not None]
        existing = self.existing(kind, model, [rec for rec, _values in items])
        slugs = None
        created, changed, objects = [], [], []
        for rec, values in items:
            obj = existing.get(rec.id)
            if obj is None:
                obj = model(alliance=self.alliance, **values)
                if title:
                    slugs = slugs or SlugAllocator(
                        model, self.alliance, model._meta.get_field("slug").max_length
                    )
                    obj.slug = slugs.allocate(values[title])
                if on_create:
                    on_create(obj)
                created.append(obj)
            elif _assign(obj, values):
                obj.updated_at = self.now
                changed.append(obj)
            else:
                self.report.count(kind, "unchanged")
            objects.append((rec, obj))
        if model is Schedule:
            for obj in created + changed:
                obj.byday = ",".join(weekday_codes(obj.rrule))
        model.objects.bulk_create(created, batch_size=BATCH)
        if changed:
            fields = sorted(
                {*next(iter(items))[1].keys(), "updated_at"}
                | ({"byday"} if model is Schedule else set())
            )
            model.objects.bulk_update(changed, fields, batch_size=BATCH)
        if created:
            self.report.count(kind, "created", len(created))
        if changed:
            self.report.count(kind, "updated", len(changed))
        for rec, obj in objects:
            self.remember(kind, rec.id, obj.pk)
        self.created = {obj.pk for obj in created}
        self.changed = {obj.pk for obj in changed}
        return objects

    # --- categories -----------------------------------------------------------------------

    def categories(self) -> None:
        records = [
            rec
            for rec in self.tables.table("taxonomy_term")
            if rec.data.get("taxonomy_id") != ATTRIBUTE_TAXONOMY_ID
            and not self.ctx.is_attribute_term(rec.id)
        ]
        existing = self.existing(Kind.CATEGORY, Category, records)
        by_code = {c.code: c for c in Category.objects.for_alliance(self.alliance)}
        defaults = default_terms()
        slugs = SlugAllocator(Category, self.alliance, 100)
        codes_in_file: set[str] = set()
        created, changed, objects = [], [], []
        siblings: dict[str | None, int] = defaultdict(int)
        for rec in records:
            values = mapping.category_values(rec, self.ctx)
            code = values["code"]
            obj = existing.get(rec.id) or (by_code.get(code) if rec.id not in existing else None)
            if code in codes_in_file:
                code = values["code"] = f"{code[:60]}-{rec.id[:8]}"
                obj = None if obj and obj.code != code else obj
            codes_in_file.add(code)
            parent_key = rec.data.get("parent_id")
            values["position"] = siblings[parent_key]
            siblings[parent_key] += 1
            if obj is None:
                default = defaults.get(code, {})
                slug_text = default.get("slug") or code.split(".")[-1] or values["name"]
                obj = Category(
                    alliance=self.alliance,
                    slug=slugs.allocate(slug_text),
                    name_en=default.get("name_en", ""),
                    synonyms="\n".join(default.get("synonyms", [])),
                    **values,
                )
                created.append(obj)
            elif _assign(obj, values):
                obj.updated_at = self.now
                changed.append(obj)
            else:
                self.report.count(Kind.CATEGORY, "unchanged")
            objects.append((rec, obj))
        Category.objects.bulk_create(created, batch_size=BATCH)
        for rec, obj in objects:
            self.remember(Kind.CATEGORY, rec.id, obj.pk)
        for rec, obj in objects:
            parent_id = rec.data.get("parent_id")
            parent_pk = self.lookup(Kind.CATEGORY, Category, parent_id)
            if parent_id and parent_pk is None:
                self.ctx.warn(
                    rec,
                    _("The parent term %(id)s was not found; the term is placed at the top.")
                    % {"id": parent_id},
                    field="parent_id",
                )
            if parent_pk == obj.pk:
                parent_pk = None
            if obj.parent_id != parent_pk:
                obj.parent_id = parent_pk
                if obj not in created and obj not in changed:
                    changed.append(obj)
        if changed or created:
            Category.objects.bulk_update(
                changed + created,
                ["code", "name", "description", "position", "parent", "updated_at"],
                batch_size=BATCH,
            )
        if created:
            self.report.count(Kind.CATEGORY, "created", len(created))
        if changed:
            self.report.count(Kind.CATEGORY, "updated", len(changed))

    # --- places and providers -------------------------------------------------------------

    def _districts(self) -> dict[str, int]:
        """District names used by the locations → pk; missing districts are created."""
        names = {
            v
            for rec in self.tables.table("location")
            for v in self.ctx.attribute_values(rec.id).get("district", [])
            if v.strip()
        }
        known = {d.name.casefold(): d.pk for d in District.objects.for_alliance(self.alliance)}
        known |= {
            d.slug: d.pk for d in District.objects.for_alliance(self.alliance).only("slug", "pk")
        }
        missing = sorted(n for n in names if n.casefold() not in known and n not in known)
        if missing:
            slugs = SlugAllocator(District, self.alliance, 100)
            new = [
                District(alliance=self.alliance, name=name[:200], slug=slugs.allocate(name))
                for name in missing
            ]
            District.objects.bulk_create(new)
            known |= {d.name.casefold(): d.pk for d in new}
            self.report.count("district", "created", len(new))
        return known

    def _organisations(self):
        for rec in self.tables.table("organization"):
            yield rec, mapping.organisation_values(rec, self.ctx)

    def _locations(self):
        for rec in self.tables.table("location"):
            if rec.data.get("location_type") == "virtual":
                self.ctx.info(
                    rec,
                    _("Virtual locations are not places; services there are marked “also online”."),
                )
                continue
            values = mapping.location_values(rec, self.ctx)
            district = values.pop("district")
            values["district_id"] = self.districts.get(district.casefold()) if district else None
            values["organisation_id"] = self._organisation_pk(
                rec, rec.data.get("organization_id"), required=False
            )
            yield rec, values

    def _organisation_pk(self, rec, org_id, *, required: bool) -> int | None:
        pk = self.lookup(Kind.ORGANISATION, Organisation, org_id)
        if pk is None and (org_id or required):
            message = (
                _("The organization %(id)s was not found.") % {"id": org_id}
                if org_id
                else _("No organization is given.")
            )
            if required:
                self.ctx.error(rec, message, field="organization_id")
            else:
                self.ctx.warn(
                    rec, message + " " + _("The link was left out."), field="organization_id"
                )
        return pk

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
            org = self._organisation_pk(rec, rec.data.get("organization_id"), required=True)
            if org is None:
                continue
            values["organisation_id"] = org
            sals = self.ctx.records_where("service_at_location", "service_id", rec.id)
            if any(sal.data.get("location_id") in self.virtual for sal in sals):
                values["is_online"] = True
            items.append((rec, values))
            relations[rec.id] = (
                self._category_pks(rec),
                self._language_pks(rec, languages, language_names),
            )
        objects = self.upsert(Kind.OFFER, Offer, items, on_create=self._published_at)
        created = self.created
        newly_published = [
            offer
            for _rec, offer in objects
            if offer.status == Status.PUBLISHED and offer.published_at is None
        ]
        for offer in newly_published:  # existing offers that are published now
            offer.published_at = self.now
        Offer.objects.bulk_update(newly_published, ["published_at"], batch_size=BATCH)
        changed = self._set_m2m(Offer.categories.through, "category_id", objects, relations, 0)
        changed |= self._set_m2m(Offer.languages.through, "language_id", objects, relations, 1)
        changed -= created | self.changed
        if changed:  # a changed category or language is a change of the offer
            Offer.objects.filter(pk__in=changed).update(updated_at=self.now)
            self.report.count(Kind.OFFER, "updated", len(changed))
            self.report.count(Kind.OFFER, "unchanged", -len(changed))
        self.offer_org = {offer.pk: offer.organisation_id for _rec, offer in objects}

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

    def _set_m2m(self, through, field: str, objects, relations, index: int) -> set[int]:
        """Bring one many-to-many relation of the offers in line; returns changed offer pks."""
        offer_pks = [offer.pk for _rec, offer in objects]
        current = defaultdict(set)
        rows = through.objects.filter(offer_id__in=offer_pks).values_list("offer_id", field)
        for offer_id, other in rows:
            current[offer_id].add(other)
        add, remove, changed = [], Q(pk__in=[]), set()
        for rec, offer in objects:
            wanted, have = relations[rec.id][index], current[offer.pk]
            add += [through(offer_id=offer.pk, **{field: pk}) for pk in wanted - have]
            if have - wanted:
                remove |= Q(offer_id=offer.pk, **{f"{field}__in": have - wanted})
            if wanted != have:
                changed.add(offer.pk)
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
            elif _assign(obj, values):
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
        data = rec.data
        sal = self.lookup(Kind.OFFER_LOCATION, OfferLocation, data.get("service_at_location_id"))
        if sal:
            return {"offer_location_id": sal, "location_id": None}, Schedule.Kind.SESSION
        offer = self.lookup(Kind.OFFER, Offer, data.get("service_id"))
        location = self.lookup(Kind.LOCATION, Location, data.get("location_id"))
        if offer:
            links = [
                pk
                for pk, location_pk in self.links_of_offer.get(offer, [])
                if location is None or location_pk == location
            ]
            if links:
                return {"offer_location_id": links[0], "location_id": None}, Schedule.Kind.SESSION
            self.ctx.warn(
                rec, _("The service has no location to hold this schedule; it was left out.")
            )
            return None
        if location:
            return (
                {"location_id": location, "offer_location_id": None},
                Schedule.Kind.OPENING_HOURS,
            )
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
        objects = self.upsert(Kind.EVENT, Event, items, title="title")
        touched = self.created | self.changed
        for rec, event in objects:
            wanted_categories, wanted_languages = relations[rec.id]
            if set(event.categories.values_list("pk", flat=True)) != wanted_categories:
                event.categories.set(wanted_categories)
            if set(event.languages.values_list("pk", flat=True)) != wanted_languages:
                event.languages.set(wanted_languages)
            if event.pk in touched:
                event_sync_occurrences(event=event)


def _changed(report: Report) -> bool:
    return any(counts.get("created") or counts.get("updated") for counts in report.counts.values())


def _assign(obj, values: dict) -> bool:
    changed = False
    for name, value in values.items():
        if not _same(name, getattr(obj, name), value):
            setattr(obj, name, value)
            changed = True
    return changed


def _same(name: str, old, new) -> bool:
    if name == "last_checked_at" and old and new:
        # HSDS carries the day ("assured_date"); the same day is no change.
        return timezone.localdate(old) == timezone.localdate(new)
    return old == new
