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
from pathlib import Path

from django.db.models import Prefetch
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
from .tables import CHILDREN, EVENT, PARENTS, all_specs, csv_bytes, datapackage_descriptor

UPCOMING_DATES = 20  # occurrences per event in the JSON documents


@dataclass
class Export:
    alliance: Alliance
    tables: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))
    occurrences: dict[str, list[dict]] = field(default_factory=dict)  # event id → dates

    def emit(self, table: str, row: dict) -> None:
        keep = set(_required(table))
        self.tables[table].append(
            {k: v for k, v in row.items() if k in keep or v not in (None, "", [])}
        )

    def rows(self, table: str) -> list[dict]:
        return self.tables.get(table, [])


def _required(table: str) -> list[str]:
    name = "familiennetz_event.json" if table == EVENT else f"{table}.json"
    return schema.document(name).get("required", [])


def export_tables(*, alliance: Alliance, now=None) -> Export:
    """Everything public of ``alliance`` as HSDS tables (rows in a stable order)."""
    out = Export(alliance)
    ids = IdMap(alliance.pk)
    oid = ids.hsds_id
    emit = out.emit

    categories = list(
        Category.objects.for_alliance(alliance).order_by("parent_id", "position", "name", "pk")
    )
    categories.sort(key=lambda c: (c.parent_id is not None, c.position, c.name, c.pk))
    mapping.taxonomy_rows(emit, categories, lambda pk: oid(Kind.CATEGORY, pk))
    category_code = {c.pk: c.code for c in categories}

    organisations = list(Organisation.objects.for_alliance(alliance).order_by("name", "pk"))
    for org in organisations:
        mapping.organization_rows(emit, org, oid(Kind.ORGANISATION, org.pk))

    locations = list(
        Location.objects.for_alliance(alliance).select_related("district").order_by("name", "pk")
    )
    for location in locations:
        org_id = (
            oid(Kind.ORGANISATION, location.organisation_id) if location.organisation_id else None
        )
        mapping.location_rows(emit, location, oid(Kind.LOCATION, location.pk), org_id=org_id)

    offers = list(
        Offer.objects.for_alliance(alliance)
        .published()
        .prefetch_related(
            Prefetch("categories", queryset=Category.objects.only("pk")),
            Prefetch("languages", queryset=Language.objects.order_by("code")),
        )
        .order_by("name", "pk")
    )
    offer_ids = {offer.pk for offer in offers}
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

    offer_locations = [
        ol
        for ol in OfferLocation.objects.for_alliance(alliance).order_by("offer_id", "pk")
        if ol.offer_id in offer_ids
    ]
    for ol in offer_locations:
        mapping.service_at_location_row(
            emit,
            oid(Kind.OFFER_LOCATION, ol.pk),
            oid(Kind.OFFER, ol.offer_id),
            oid(Kind.LOCATION, ol.location_id),
            ol.notes,
        )
    exported_ols = {ol.pk for ol in offer_locations}
    for schedule in Schedule.objects.for_alliance(alliance).order_by("pk"):
        if schedule.location_id:
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

    for contact in Contact.objects.for_alliance(alliance).order_by("pk"):
        if contact.offer_id and contact.offer_id not in offer_ids:
            continue
        mapping.contact_rows(
            emit,
            contact,
            oid(Kind.CONTACT, contact.pk),
            org_id=oid(Kind.ORGANISATION, contact.organisation_id),
            service_id=oid(Kind.OFFER, contact.offer_id) if contact.offer_id else None,
        )

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


class _Index:
    def __init__(self, export: Export):
        self.by_link: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
        self.by_id: dict[tuple[str, str], dict] = {}
        for table, rows in export.tables.items():
            for row in rows:
                self.by_id[(table, row["id"])] = row
                for key, value in row.items():
                    if key.endswith("_id") and key != "id" and isinstance(value, str):
                        self.by_link[(table, key, value)].append(row)


def _nest(index: _Index, table: str, row: dict, *, flat: bool = False) -> dict:
    document = dict(row)
    if flat:
        return document
    for prop in NESTED.get(table, []):
        child_table, link = CHILDREN[table][prop]
        children = [
            _nest(index, child_table, child)
            for child in index.by_link[(child_table, link, row["id"])]
        ]
        if children:
            document[prop] = children
    for prop, (parent_table, link) in PARENTS.get(table, {}).items():
        if prop in ("organization", "location", "taxonomy_term") and row.get(link):
            parent = index.by_id.get((parent_table, row[link]))
            if parent:
                document[prop] = _nest(index, parent_table, parent, flat=prop != "location")
    if table in NESTED:
        attributes = [
            _nest(index, "attribute", attribute)
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
    index = _Index(export)
    documents = {
        "services": [_nest(index, "service", row) for row in export.rows("service")],
        "organizations": [_nest(index, "organization", row) for row in export.rows("organization")],
        "locations": [_nest(index, "location", row) for row in export.rows("location")],
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
    return json.dumps(value, ensure_ascii=False, indent=1).encode("utf-8")


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
