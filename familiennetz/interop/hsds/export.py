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
import time
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
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
from familiennetz.socialspace.models import District

from . import mapping, schema
from .ids import IdMap, Kind
from .tables import CHILDREN, EVENT, PARENTS
from .tabular import all_specs, csv_chunks, datapackage_descriptor

UPCOMING_DATES = 20  # occurrences per event in the JSON documents
CHUNK = 2000  # rows per database fetch (and per prefetch) while exporting


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
    # The whole alliance reads its large tables with iterators (model instances one chunk at a
    # time; only the HSDS rows are kept): the export of 10,000 services must fit into a worker.
    offer_org = dict(offers_qs.values_list("pk", "organisation_id"))
    offer_ids = set(offer_org)
    offer_locations = [
        row
        for row in links_qs.order_by("offer_id", "pk")
        .values_list("pk", "offer_id", "location_id", "notes")
        .iterator(chunk_size=CHUNK)
        if row[1] in offer_ids
    ]

    locations_qs = Location.objects.for_alliance(alliance).select_related("district")
    organisations_qs = Organisation.objects.for_alliance(alliance)
    if not scope.whole:
        location_pks = set(scope.locations) | {row[2] for row in offer_locations}
        locations_qs = locations_qs.filter(pk__in=location_pks)
        location_orgs = dict(locations_qs.values_list("pk", "organisation_id"))
        organisation_pks = (
            set(scope.organisations)
            | set(offer_org.values())
            | {org for org in location_orgs.values() if org}
        )
        organisations_qs = organisations_qs.filter(pk__in=organisation_pks)
    organisation_ids = set()
    for org in organisations_qs.order_by("name", "pk").iterator(chunk_size=CHUNK):
        organisation_ids.add(org.pk)
        mapping.organization_rows(emit, org, oid(Kind.ORGANISATION, org.pk))
    location_ids = set()
    for location in locations_qs.order_by("name", "pk").iterator(chunk_size=CHUNK):
        location_ids.add(location.pk)
        org_id = (
            oid(Kind.ORGANISATION, location.organisation_id) if location.organisation_id else None
        )
        mapping.location_rows(emit, location, oid(Kind.LOCATION, location.pk), org_id=org_id)

    offers = offers_qs.prefetch_related(
        Prefetch("categories", queryset=Category.objects.only("pk")),
        Prefetch("languages", queryset=Language.objects.order_by("code")),
        Prefetch("service_districts", queryset=District.objects.only("pk", "name")),
    ).order_by("name", "pk")
    for offer in offers.iterator(chunk_size=CHUNK):
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
            districts=sorted(offer.service_districts.all(), key=lambda d: (d.name, d.pk)),
        )
    for ol_pk, offer_pk, location_pk, notes in offer_locations:
        mapping.service_at_location_row(
            emit,
            oid(Kind.OFFER_LOCATION, ol_pk),
            oid(Kind.OFFER, offer_pk),
            oid(Kind.LOCATION, location_pk),
            notes,
        )

    exported_ols = {row[0] for row in offer_locations}
    del offer_locations
    schedules = Schedule.objects.for_alliance(alliance)
    if not scope.whole:
        schedules = schedules.filter(
            Q(location_id__in=location_ids)
            | Q(offer_location_id__in=exported_ols)
            | Q(offer_id__in=offer_ids)
        )
    for schedule in schedules.order_by("pk").iterator(chunk_size=CHUNK):
        if schedule.location_id in location_ids:
            link, link_id = "location_id", oid(Kind.LOCATION, schedule.location_id)
        elif schedule.offer_location_id in exported_ols:
            link, link_id = (
                "service_at_location_id",
                oid(Kind.OFFER_LOCATION, schedule.offer_location_id),
            )
        elif schedule.offer_id in offer_ids:  # the offer's own times: the service's
            link, link_id = "service_id", oid(Kind.OFFER, schedule.offer_id)
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
    for contact in contacts.order_by("pk").iterator(chunk_size=CHUNK):
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
    events = (
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
    for event_pk, starts_at, ends_at, status in dates.iterator(chunk_size=CHUNK):
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
    for event in events.iterator(chunk_size=CHUNK):
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
    "service": [
        "phones",
        "schedules",
        "service_at_locations",
        "languages",
        "contacts",
        "cost_options",
        "service_areas",
        "funding",
    ],
    "service_at_location": ["contacts", "phones", "schedules"],
    "location": ["languages", "addresses", "contacts", "accessibility", "phones", "schedules"],
    "organization": ["contacts", "phones", "organization_identifiers", "funding"],
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
            for child in index.by_link.get((child_table, link, row["id"]), ())
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
            for attribute in index.by_link.get(("attribute", "link_id", row["id"]), ())
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
    return {
        folder: [build(index, export, row) for row in export.rows(table)]
        for folder, (table, build) in JSON_FOLDERS.items()
    }


def _nested(table: str):
    return lambda index, export, row: nest(index, table, row)


def _event_document(index, export: Export, row: dict) -> dict:
    return {**row, "occurrences": export.occurrences.get(row["id"], [])}


# folder of the ZIP → (table, document builder)
JSON_FOLDERS = {
    "services": ("service", _nested("service")),
    "organizations": ("organization", _nested("organization")),
    "locations": ("location", _nested("location")),
    "taxonomies": ("taxonomy", lambda index, export, row: dict(row)),
    "taxonomy_terms": ("taxonomy_term", lambda index, export, row: dict(row)),
    "x_familiennetz_events": (EVENT, _event_document),
}


def json_members(export: Export) -> Iterator[tuple[str, bytes]]:
    """The JSON documents as ZIP members in name order, each built and serialised only when
    it is written (only one document's bytes at a time, not all of them)."""
    index = Index(export)
    names = sorted(
        (f"{folder}/{row['id']}.json", folder, position)
        for folder, (table, _build) in JSON_FOLDERS.items()
        for position, row in enumerate(export.rows(table))
    )
    for i, (name, folder, position) in enumerate(names):
        if i + 1 < len(names) and names[i + 1][0] == name:
            continue  # the same id twice: the last one wins, as in a dict of files
        table, build = JSON_FOLDERS[folder]
        yield name, _json_bytes(build(index, export, export.rows(table)[position]))


def csv_members(export: Export) -> Iterator[tuple[str, Iterable[bytes]]]:
    """The tabular serialisation as ZIP members in name order: every table's CSV as a stream
    of chunks (also empty tables), and the data package descriptor."""
    members = {spec.path: (spec, name) for name, spec in all_specs().items()}
    members["datapackage.json"] = None
    for path in sorted(members):
        if members[path] is None:
            descriptor = datapackage_descriptor(title=f"HSDS 3.0 – {export.alliance.name}")
            yield path, [_json_bytes(descriptor)]
        else:
            spec, name = members[path]
            yield path, csv_chunks(spec, export.rows(name))


def csv_files(export: Export) -> dict[str, bytes]:
    """The tabular serialisation: one CSV per table (all tables, also empty) + datapackage."""
    return {name: b"".join(chunks) for name, chunks in csv_members(export)}


def json_files(export: Export) -> dict[str, bytes]:
    return dict(json_members(export))


def _json_bytes(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def files_for(export: Export, fmt: str) -> dict[str, bytes]:
    return csv_files(export) if fmt == "csv" else json_files(export)


def members_for(export: Export, fmt: str) -> Iterator[tuple[str, bytes | Iterable[bytes]]]:
    return csv_members(export) if fmt == "csv" else json_members(export)


def write_zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    write_zip_stream(sorted(files.items()), buffer)
    return buffer.getvalue()


def write_zip_stream(members: Iterable[tuple[str, bytes | Iterable[bytes]]], target) -> None:
    """Write ``(name, content)`` members into a ZIP on the binary file ``target`` one after
    the other; ``content`` is bytes or an iterable of byte chunks (streamed into the member)."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members:
            if isinstance(content, bytes):
                archive.writestr(name, content)
                continue
            info = zipfile.ZipInfo(name, date_time=time.localtime(time.time())[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, "w") as member:
                for chunk in content:
                    member.write(chunk)


def write_directory(files: dict[str, bytes], target: Path) -> None:
    for name, content in files.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
