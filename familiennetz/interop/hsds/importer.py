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

from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from familiennetz.alliances import content_version
from familiennetz.alliances.models import Alliance
from familiennetz.core.slugs import german_ascii
from familiennetz.directory.models import (
    Category,
    Location,
    Offer,
    Organisation,
    Schedule,
)
from familiennetz.directory.recurrence import weekday_codes
from familiennetz.events.models import Event
from familiennetz.interop.models import ExternalId
from familiennetz.interop.report import Report
from familiennetz.moderation.changes import EntryChanges
from familiennetz.moderation.services import entries_save
from familiennetz.search.api import deferred_indexing
from familiennetz.socialspace.models import District

from . import mapping
from .conformance import ConformanceReport, conformance_check
from .context import Context
from .ids import IdMap, Kind
from .sources import normalise_ids, validate
from .tables import Tables
from .vocabulary import ATTRIBUTE_TAXONOMY_ID, default_terms
from .writing import BATCH, RecordWriter, assign

logger = logging.getLogger(__name__)
ENTRY_MODELS = (Organisation, Location, Offer, Event)


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
    *,
    alliance: Alliance,
    tables: Tables,
    dry_run: bool = False,
    strict: bool = False,
    conformance: ConformanceReport | None = None,
) -> Report:
    """Import ``tables`` into ``alliance``. Writes only if not ``dry_run`` and the report has
    no errors; otherwise everything is rolled back. Lenient (default): invalid values are
    dropped with a warning. ``strict``: any warning, and any schema error of the file's
    ``conformance`` report (checked here if not given), refuses the import."""
    report = Report(dry_run=dry_run)
    if strict and conformance is None:
        conformance = conformance_check({}, alliance=alliance, tables=tables)
    report.conformance = conformance
    if strict and conformance is not None and not conformance.conformant:
        report.error(
            _("Strict mode: the file is not HSDS-conformant (%(n)d schema errors); nothing is "
              "saved.") % {"n": len(conformance.schema_errors)}
        )  # fmt: skip
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
                touched.clear()  # entry_save's signals asked for indexing; nothing is kept
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


class _Writer(RecordWriter):
    """Writes the tables; the identity and upsert machinery lives here, the records that hang
    off offers in writing.py."""

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
        if self.new_ids or self.stale:  # the APIs show these ids (cached per version)
            content_version.bump(self.alliance.pk)

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
            elif assign(obj, values):
                obj.updated_at = self.now
                changed.append(obj)
            else:
                self.report.count(kind, "unchanged")
            objects.append((rec, obj))
        if model is Schedule:
            for obj in created + changed:
                obj.byday = ",".join(weekday_codes(obj.rrule))
        if model in ENTRY_MODELS:
            # Entries go through the one write path (history, checked date, publication).
            pairs = zip(items, objects, strict=True)
            values_of = {id(obj): values for (_rec, values), (_r, obj) in pairs}
            self.save_entries([(obj, values_of[id(obj)]) for obj in created + changed])
        else:
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

    def save_entries(self, entries: list[tuple[object, dict]]) -> None:
        """Save new or changed organisations, places, offers or events with
        ``moderation.services.entries_save`` — the one write path, in batches (no user: the
        import acts for the coordination, so changes apply at once; history rows and the
        settling of publication requests per batch, no savepoint per entry: the import is one
        transaction anyway). The source's checked date is kept where it gives one."""
        for start in range(0, len(entries), BATCH):
            entries_save(
                [
                    (entry, EntryChanges(fields=values, checked_at=values.get("last_checked_at")))
                    for entry, values in entries[start : start + BATCH]
                ],
                user=None,
                reason=_("HSDS import"),
            )

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
            elif assign(obj, values):
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


def _changed(report: Report) -> bool:
    return any(counts.get("created") or counts.get("updated") for counts in report.counts.values())
