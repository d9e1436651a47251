"""HSDS 3.0 export of a whole alliance: its published offers with their organisations, places,
schedules, contacts and categories, plus published events (extension).

A fixed number of queries however large the alliance (no N+1): every table is read once and
joined in Python. ``export_tables`` gives flat tables; ``json_documents`` nests them into one
HSDS object per service, organization, location, taxonomy and taxonomy term (the shape of the
official examples); ``write_zip``/``write_directory`` write either serialisation.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.db.models import Prefetch, Q
from django.utils import timezone

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
)
from familiennetz.events.models import Event, Occurrence

from . import mapping, schema
from .ids import IdMap, Kind
from .tables import CHILDREN, EVENT, PARENTS
from .tabular import all_specs, csv_bytes, datapackage_descriptor

UPCOMING_DATES = 20  # occurrences per event in the JSON documents


@dataclass
class Export:
    alliance: Alliance
    tables: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))
    occurrences: dict[str, list[dict]] = field(default_factory=dict)  # event id → dates

    def emit(self, table: str, row: dict) -> None:
        keep = _required(table)
        self.tables[table].append(
            {k: v for k, v in row.items() if k in keep or v not in (None, "", [])}
        )

    def rows(self, table: str) -> list[dict]:
        return self.tables.get(table, [])


@cache
def _required(table: str) -> frozenset[str]:
    name = "familiennetz_event.json" if table == EVENT else f"{table}.json"
    return frozenset(schema.document(name).get("required", []))


@dataclass(frozen=True)
class Scope:
    """Part of an alliance for the HSDS API: these offers (published only), organisations
    and places, and what they need (their providers, places, schedules, contacts). ``None``
    everywhere: the whole alliance."""

    offers: frozenset[int] | None = None
    organisations: frozenset[int] = frozenset()
    locations: frozenset[int] = frozenset()
    events: bool = False

    @property
    def whole(self) -> bool:
        return self.offers is None


WHOLE = Scope(events=True)


def export_tables(*, alliance: Alliance, scope: Scope = WHOLE, now=None) -> Export:
    """Everything public of ``alliance`` (or of ``scope``) as HSDS tables, in a stable order."""
    out = Export(alliance)
    ids = IdMap(alliance.pk)
    oid = ids.hsds_id
    emit = out.emit

    categories = list(Category.objects.for_alliance(alliance))
    categories.sort(key=lambda c: (c.parent_id is not None, c.position, c.name, c.pk))
    mapping.taxonomy_rows(emit, categories, lambda pk: oid(Kind.CATEGORY, pk))
    category_code = {c.pk: c.code for c in categories}

    offers_qs = Offer.objects.for_alliance(alliance).published()
    links_qs = OfferLocation.objects.for_alliance(alliance)
    if not scope.whole:
        offers_qs = offers_qs.filter(pk__in=scope.offers)
        links_qs = links_qs.filter(offer_id__in=scope.offers)
    offers = list(
        offers_qs.prefetch_related(
            Prefetch("categories", queryset=Category.objects.only("pk")),
            Prefetch("languages", queryset=Language.objects.order_by("code")),
        ).order_by("name", "pk")
    )
    offer_ids = {offer.pk for offer in offers}
    offer_locations = [ol for ol in links_qs.order_by("offer_id", "pk") if ol.offer_id in offer_ids]

    locations_qs = Location.objects.for_alliance(alliance).select_related("district")
    organisations_qs = Organisation.objects.for_alliance(alliance)
    if not scope.whole:
        location_pks = set(scope.locations) | {ol.location_id for ol in offer_locations}
        locations_qs = locations_qs.filter(pk__in=location_pks)
    locations = list(locations_qs.order_by("name", "pk"))
    if not scope.whole:
        organisation_pks = (
            set(scope.organisations)
            | {offer.organisation_id for offer in offers}
            | {loc.organisation_id for loc in locations if loc.organisation_id}
        )
        organisations_qs = organisations_qs.filter(pk__in=organisation_pks)
    organisations = list(organisations_qs.order_by("name", "pk"))
    organisation_ids = {org.pk for org in organisations}

    for org in organisations:
        mapping.organization_rows(emit, org, oid(Kind.ORGANISATION, org.pk))
    for location in locations:
        org_id = (
            oid(Kind.ORGANISATION, location.organisation_id) if location.organisation_id else None
        )
        mapping.location_rows(emit, location, oid(Kind.LOCATION, location.pk), org_id=org_id)

    for offer in offers:
        terms = sorted(
            (category_code[c.pk], oid(Kind.CATEGORY, c.pk)) for c in offer.categories.all()
        )
        mapping.service_rows(
            emit,
            offer,
            oid(Kind.OFFER, offer.pk),
            org_id=oid(Kind.ORGANISATION, offer.organisation_id),
            categories=terms,
            languages=list(offer.languages.all()),
        )
    for ol in offer_locations:
        mapping.service_at_location_row(
            emit,
            oid(Kind.OFFER_LOCATION, ol.pk),
            oid(Kind.OFFER, ol.offer_id),
            oid(Kind.LOCATION, ol.location_id),
            ol.notes,
        )

    exported_ols = {ol.pk for ol in offer_locations}
    location_ids = {loc.pk for loc in locations}
    schedules = Schedule.objects.for_alliance(alliance)
    if not scope.whole:
        schedules = schedules.filter(
            Q(location_id__in=location_ids) | Q(offer_location_id__in=exported_ols)
        )
    for schedule in schedules.order_by("pk"):
        if schedule.location_id in location_ids:
            link, link_id = "location_id", oid(Kind.LOCATION, schedule.location_id)
        elif schedule.offer_location_id in exported_ols:
            link, link_id = (
                "service_at_location_id",
                oid(Kind.OFFER_LOCATION, schedule.offer_location_id),
            )
        else:
            continue
        mapping.schedule_rows(
            emit, schedule, oid(Kind.SCHEDULE, schedule.pk), link=link, link_id=link_id
        )

    contacts = Contact.objects.for_alliance(alliance)
    if not scope.whole:
        contacts = contacts.filter(
            Q(offer_id__in=offer_ids) | Q(offer__isnull=True, organisation_id__in=organisation_ids)
        )
    for contact in contacts.order_by("pk"):
        if contact.offer_id and contact.offer_id not in offer_ids:
            continue
        mapping.contact_rows(
            emit,
            contact,
            oid(Kind.CONTACT, contact.pk),
            org_id=oid(Kind.ORGANISATION, contact.organisation_id),
            service_id=oid(Kind.OFFER, contact.offer_id) if contact.offer_id else None,
        )

    if scope.events:
        _export_events(out, alliance, ids, offer_ids, now or timezone.now())
    return out


def _export_events(out: Export, alliance, ids: IdMap, offer_ids: set[int], now) -> None:
    oid = ids.hsds_id
    events = list(
        Event.objects.for_alliance(alliance)
        .published()
        .prefetch_related(
            Prefetch("categories", queryset=Category.objects.only("pk")),
            Prefetch("languages", queryset=Language.objects.only("code")),
        )
        .order_by("starts_at", "pk")
    )
    upcoming = defaultdict(list)
    dates = (
        Occurrence.objects.for_alliance(alliance)
        .filter(starts_at__gte=now, event__status="published")
        .order_by("starts_at", "pk")
        .values_list("event_id", "starts_at", "ends_at", "event_status")
    )
    for event_pk, starts_at, ends_at, status in dates:
        if len(upcoming[event_pk]) < UPCOMING_DATES:
            upcoming[event_pk].append(
                {
                    k: v
                    for k, v in {
                        "start": mapping._iso(starts_at),
                        "end": mapping._iso(ends_at),
                        "status": status,
                    }.items()
                    if v
                }
            )
    for event in events:
        event_id = oid(Kind.EVENT, event.pk)
        out.emit(
            EVENT,
            mapping.event_row(
                event,
                event_id,
                org_id=oid(Kind.ORGANISATION, event.organisation_id),
                service_id=oid(Kind.OFFER, event.offer_id) if event.offer_id in offer_ids else None,
                location_id=oid(Kind.LOCATION, event.location_id) if event.location_id else None,
                languages=list(event.languages.all()),
                term_ids=[oid(Kind.CATEGORY, c.pk) for c in event.categories.all()],
            ),
        )
        out.occurrences[event_id] = upcoming.get(event.pk, [])


# --- nesting ------------------------------------------------------------------------------

# Which nested arrays the JSON documents carry (the rest of HSDS we have no data for).
NESTED = {
    "service": ["phones", "schedules", "service_at_locations", "languages", "contacts"],
    "service_at_location": ["contacts", "phones", "schedules"],
    "location": ["languages", "addresses", "contacts", "accessibility", "phones", "schedules"],
    "organization": ["contacts", "phones"],
    "contact": ["phones"],
    "phone": ["languages"],
    "schedule": [],
}


class Index:
    def __init__(self, export: Export):
        self.by_link: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
        self.by_id: dict[tuple[str, str], dict] = {}
        for table, rows in export.tables.items():
            for row in rows:
                self.by_id[(table, row["id"])] = row
                for key, value in row.items():
                    if key.endswith("_id") and key != "id" and isinstance(value, str):
                        self.by_link[(table, key, value)].append(row)


def nest(index: Index, table: str, row: dict, *, flat: bool = False) -> dict:
    document = dict(row)
    if flat:
        return document
    for prop in NESTED.get(table, []):
        child_table, link = CHILDREN[table][prop]
        children = [
            nest(index, child_table, child)
            for child in index.by_link[(child_table, link, row["id"])]
        ]
        if children:
            document[prop] = children
    for prop, (parent_table, link) in PARENTS.get(table, {}).items():
        if prop == "taxonomy_term" and row.get("value"):
            continue  # our attribute vocabulary: the term is in taxonomy_terms/, by id
        if prop in ("organization", "location", "taxonomy_term") and row.get(link):
            parent = index.by_id.get((parent_table, row[link]))
            if parent:
                document[prop] = nest(index, parent_table, parent, flat=prop != "location")
    if table in NESTED:
        attributes = [
            nest(index, "attribute", attribute)
            for attribute in index.by_link[("attribute", "link_id", row["id"])]
        ]
        if attributes:
            document["attributes"] = [
                {k: v for k, v in a.items() if k not in ("link_id", "link_entity")}
                for a in attributes
            ]
    return document


def json_documents(export: Export) -> dict[str, list[dict]]:
    """One nested HSDS document per service, organization, location, taxonomy, term and event."""
    index = Index(export)
    documents = {
        "services": [nest(index, "service", row) for row in export.rows("service")],
        "organizations": [nest(index, "organization", row) for row in export.rows("organization")],
        "locations": [nest(index, "location", row) for row in export.rows("location")],
        "taxonomies": [dict(row) for row in export.rows("taxonomy")],
        "taxonomy_terms": [dict(row) for row in export.rows("taxonomy_term")],
        "x_familiennetz_events": [
            {**row, "occurrences": export.occurrences.get(row["id"], [])}
            for row in export.rows(EVENT)
        ],
    }
    return documents


def csv_files(export: Export) -> dict[str, bytes]:
    """The tabular serialisation: one CSV per table (all tables, also empty) + datapackage."""
    files = {}
    for name, spec in all_specs().items():
        files[spec.path] = csv_bytes(spec, export.rows(name))
    descriptor = datapackage_descriptor(title=f"HSDS 3.0 – {export.alliance.name}")
    files["datapackage.json"] = _json_bytes(descriptor)
    return files


def json_files(export: Export) -> dict[str, bytes]:
    files = {}
    for folder, documents in json_documents(export).items():
        for document in documents:
            files[f"{folder}/{document['id']}.json"] = _json_bytes(document)
    return files


def _json_bytes(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def files_for(export: Export, fmt: str) -> dict[str, bytes]:
    return csv_files(export) if fmt == "csv" else json_files(export)


def write_zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in sorted(files.items()):
            archive.writestr(name, content)
    return buffer.getvalue()


def write_directory(files: dict[str, bytes], target: Path) -> None:
    for name, content in files.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
