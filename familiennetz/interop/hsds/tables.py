"""HSDS data in one shape for import and export: flat tables of records keyed by id.

Nested JSON (a service with its phones, schedules, locations …) is flattened into tables and
the links between records become ``*_id`` fields; the CSV data package already is tables.
Export goes the other way: tables → nested JSON per object, or → CSV files + datapackage.json.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from functools import cache

from django.utils.translation import gettext as _

from familiennetz.interop.report import Issue, Level
from familiennetz.interop.tabular_io import parse_bool, parse_number, read_csv

from . import schema

EVENT = "event"  # our extension table
MAX_TABLE_ROWS = 2_000_000
EVENT_PATH = "x_familiennetz_events.csv"
ATTRIBUTES, METADATA = "attributes", "metadata"

# Nested arrays: property → (child table, link field on the child).
CHILDREN: dict[str, dict[str, tuple[str, str]]] = {
    "service": {
        "phones": ("phone", "service_id"),
        "schedules": ("schedule", "service_id"),
        "service_areas": ("service_area", "service_id"),
        "service_at_locations": ("service_at_location", "service_id"),
        "languages": ("language", "service_id"),
        "funding": ("funding", "service_id"),
        "cost_options": ("cost_option", "service_id"),
        "required_documents": ("required_document", "service_id"),
        "contacts": ("contact", "service_id"),
    },
    "organization": {
        "funding": ("funding", "organization_id"),
        "contacts": ("contact", "organization_id"),
        "phones": ("phone", "organization_id"),
        "locations": ("location", "organization_id"),
        "programs": ("program", "organization_id"),
        "organization_identifiers": ("organization_identifier", "organization_id"),
        "services": ("service", "organization_id"),
    },
    "service_at_location": {
        "contacts": ("contact", "service_at_location_id"),
        "phones": ("phone", "service_at_location_id"),
        "schedules": ("schedule", "service_at_location_id"),
    },
    "location": {
        "languages": ("language", "location_id"),
        "addresses": ("address", "location_id"),
        "contacts": ("contact", "location_id"),
        "accessibility": ("accessibility", "location_id"),
        "phones": ("phone", "location_id"),
        "schedules": ("schedule", "location_id"),
    },
    "contact": {"phones": ("phone", "contact_id")},
    "phone": {"languages": ("language", "phone_id")},
}
# Nested single objects: property → (table, link field on the *parent*).
PARENTS: dict[str, dict[str, tuple[str, str]]] = {
    "service": {
        "organization": ("organization", "organization_id"),
        "program": ("program", "program_id"),
    },
    "service_at_location": {
        "location": ("location", "location_id"),
        "service": ("service", "service_id"),
    },
    "attribute": {"taxonomy_term": ("taxonomy_term", "taxonomy_term_id")},
    "taxonomy_term": {"taxonomy_detail": ("taxonomy", "taxonomy_id")},
}
NO_ATTRIBUTES = {"attribute", "metadata", "taxonomy", "taxonomy_term"}

# HSDS 1.1 tables: file stem → (3.0 table, renamed fields, fixed values). None: not imported.
V11_TABLES: dict[str, tuple[str, dict[str, str], dict] | None] = {
    "organizations": ("organization", {"url": "website"}, {}),
    "programs": ("program", {}, {}),
    "services": ("service", {}, {}),
    "services_at_location": ("service_at_location", {}, {}),
    "locations": ("location", {}, {"location_type": "physical"}),
    "phones": ("phone", {}, {}),
    "contacts": ("contact", {}, {}),
    "physical_addresses": ("address", {}, {"address_type": "physical"}),
    "postal_addresses": ("address", {}, {"address_type": "postal"}),
    "regular_schedules": ("schedule", {"weekday": "byday"}, {"freq": "WEEKLY"}),
    "funding": ("funding", {}, {}),
    "service_areas": ("service_area", {"service_area": "name"}, {}),
    "required_documents": ("required_document", {}, {}),
    "languages": ("language", {"language": "name"}, {}),
    "accessibility_for_disabilities": ("accessibility", {"accessibility": "description"}, {}),
    "taxonomy": ("taxonomy_term", {"vocabulary": "taxonomy"}, {}),
    "services_taxonomy": (
        "attribute",
        {"service_id": "link_id", "taxonomy_id": "taxonomy_term_id"},
        {"link_entity": "service"},
    ),
    "metadata": ("metadata", {}, {}),
    "meta_table_descriptions": ("meta_table_description", {}, {}),
    "holiday_schedules": None,
    "eligibility": None,
    "payments_accepted": None,
}


@dataclass
class Record:
    table: str
    data: dict
    source: str = ""
    line: int | None = None

    @property
    def id(self) -> str:
        return str(self.data.get("id", ""))

    def where(self) -> dict:
        return {"source": self.source, "row": self.line, "record": f"{self.table} {self.id}"}


@dataclass
class Tables:
    records: dict[str, dict[str, Record]] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    invalid: set[tuple[str, str]] = field(default_factory=set)  # (table, id) failing the schema

    def table(self, name: str) -> list[Record]:
        """The records of a table that passed validation."""
        return [r for r in self.records.get(name, {}).values() if (name, r.id) not in self.invalid]

    def get(self, table: str, record_id) -> Record | None:
        if record_id in (None, ""):
            return None
        return self.records.get(table, {}).get(str(record_id))

    def rows(self, name: str) -> list[dict]:
        return [record.data for record in self.table(name)]

    def issue(self, level: str, message: str, **where) -> None:
        self.issues.append(Issue(level, message, **where))

    def add(self, table: str, data: dict, *, source: str = "", line=None, strict=False) -> None:
        data = {k: v for k, v in data.items() if v not in (None, "")}
        record_id = data.get("id")
        where = {"source": source, "row": line, "record": table}
        if record_id in (None, "") or not isinstance(record_id, str | int):
            self.issue(Level.ERROR, _("The record has no id."), **where)
            return
        data["id"] = record_id = str(record_id)
        existing = self.records.setdefault(table, {}).get(record_id)
        if existing is None:
            self.records[table][record_id] = Record(table, data, source, line)
            return
        if strict:
            self.issue(
                Level.ERROR,
                _("The id %(id)s appears twice in this table (first in line %(line)s).")
                % {"id": record_id, "line": existing.line},
                **where,
            )
            return
        for key, value in data.items():
            if key not in existing.data:
                existing.data[key] = value
            elif existing.data[key] != value:
                self.issue(
                    Level.WARNING,
                    _(
                        "The record %(id)s appears more than once with different values for "
                        "“%(field)s”; the first value is kept."
                    )
                    % {"id": record_id, "field": key},
                    **where,
                )


# --- JSON ---------------------------------------------------------------------------------


def flatten(obj, table: str, tables: Tables, *, source: str, pointer: str = "") -> None:
    """Add ``obj`` (an HSDS object of ``table``, possibly nested) and everything nested in it."""
    where = {"source": source, "record": f"{table} {pointer}".strip()}
    if not isinstance(obj, dict):
        tables.issue(Level.ERROR, _("Expected an object, found %(type)s.") % _type(obj), **where)
        return
    children = CHILDREN.get(table, {})
    parents = PARENTS.get(table, {})
    nested = set(children) | set(parents) | {ATTRIBUTES, METADATA}
    row = {key: value for key, value in obj.items() if key not in nested}
    record_id = row.get("id")
    for prop, (child_table, link) in children.items():
        for index, child in enumerate(_array(obj, prop, tables, where)):
            if isinstance(child, dict) and record_id is not None:
                child = {**child, link: child.get(link) or record_id}
            flatten(child, child_table, tables, source=source, pointer=f"{pointer}/{prop}/{index}")
    for prop, (parent_table, link) in parents.items():
        parent = obj.get(prop)
        if parent is None:
            continue
        if isinstance(parent, dict) and parent.get("id") and not row.get(link):
            row[link] = parent["id"]
        flatten(parent, parent_table, tables, source=source, pointer=f"{pointer}/{prop}")
    if table not in NO_ATTRIBUTES:
        for index, item in enumerate(_array(obj, ATTRIBUTES, tables, where)):
            if isinstance(item, dict) and record_id is not None:
                item = {"link_id": record_id, "link_entity": table, **item}
            flatten(
                item, "attribute", tables, source=source, pointer=f"{pointer}/attributes/{index}"
            )
    for index, item in enumerate(_array(obj, METADATA, tables, where)):
        if isinstance(item, dict) and record_id is not None:
            item = {"resource_id": record_id, "resource_type": table, **item}
        flatten(item, "metadata", tables, source=source, pointer=f"{pointer}/metadata/{index}")
    tables.add(table, row, source=source)


def _array(obj: dict, prop: str, tables: Tables, where: dict) -> list:
    value = obj.get(prop)
    if value is None:
        return []
    if not isinstance(value, list):
        tables.issue(
            Level.ERROR,
            _("“%(field)s” must be a list, found %(type)s.") % {"field": prop, **_type(value)},
            **where,
        )
        return []
    return value


def _type(value) -> dict:
    return {"type": type(value).__name__}


def guess_table(obj, hint: str = "") -> str | None:
    """The HSDS object type of a JSON object, from a file/folder name hint or its fields."""
    hint = hint.lower()
    for table in ("service_at_location", "taxonomy_term", "organization", "service", "location",
                  "taxonomy", EVENT):  # fmt: skip
        if table in hint or f"{table}s" in hint:
            return table
    if not isinstance(obj, dict):
        return None
    keys = set(obj)
    if "location_type" in keys:
        return "location"
    if {"status", "name"} <= keys:
        return "service"
    if keys & {"service", "location"} or {"service_id", "location_id"} <= keys:
        return "service_at_location"
    if keys & {"code", "parent_id", "taxonomy", "taxonomy_detail", "taxonomy_id", "term_uri"}:
        return "taxonomy_term"
    if {"start", "organization_id"} <= keys:
        return EVENT
    if keys & {"version", "uri"} and "website" not in keys and "email" not in keys:
        return "taxonomy"
    if "name" in keys:
        return "organization"
    return None


def unique_keys_hook(pairs):
    """``json.loads`` hook that refuses objects with the same key twice."""
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise DuplicateKeyError(key, seen.get("id") or dict(pairs).get("id"))
        seen[key] = value
    return seen


class DuplicateKeyError(ValueError):
    def __init__(self, key: str, record_id=None):
        super().__init__(key)
        self.key, self.record_id = key, record_id


def load_json(data: bytes, *, source: str, tables: Tables, hint: str = "") -> None:
    """Read one JSON file (an object, a list, an API page, a tabular JSON) into ``tables``."""
    where = {"source": source}
    try:
        text = data.decode("utf-8-sig")
        document = json.loads(text, object_pairs_hook=unique_keys_hook)
    except UnicodeDecodeError:
        tables.issue(Level.ERROR, _("The file is not UTF-8 encoded JSON."), **where)
        return
    except DuplicateKeyError as exc:
        record = _(" (record %(id)s)") % {"id": exc.record_id} if exc.record_id else ""
        tables.issue(
            Level.ERROR,
            _("The key “%(key)s” appears twice in one object%(record)s; which value is meant "
              "cannot be told.") % {"key": exc.key, "record": record},
            **where,
        )  # fmt: skip
        return
    except (ValueError, RecursionError) as exc:
        tables.issue(
            Level.ERROR, _("The file is not valid JSON: %(error)s") % {"error": exc}, **where
        )
        return
    if isinstance(document, dict) and "contents" in document and "id" not in document:
        document = document["contents"]
    elif isinstance(document, dict) and any(k.endswith(".csv") for k in document):
        for name, rows in document.items():
            read_rows(name, rows if isinstance(rows, list) else [], tables, source=source)
        return
    items = document if isinstance(document, list) else [document]
    for index, item in enumerate(items):
        pointer = f"[{index}]" if isinstance(document, list) else ""
        if not isinstance(item, dict):
            tables.issue(
                Level.ERROR,
                _("Expected an HSDS object, found %(type)s.") % _type(item),
                source=source,
                record=pointer,
            )
            continue
        table = guess_table(item, hint)
        if table is None:
            tables.issue(
                Level.INFO,
                _("An object that is no HSDS service, organization, location or taxonomy was "
                  "ignored."),
                source=source, record=pointer,
            )  # fmt: skip
            continue
        flatten(item, table, tables, source=source, pointer=pointer)


# --- CSV ----------------------------------------------------------------------------------


def table_for_file(name: str) -> tuple[str | None, dict, dict, bool]:
    """(table, renames, fixed values, known) for a CSV file name of HSDS 3.0 or 1.1.

    Where 1.1 and 3.0 share a file name (organizations.csv), the 1.1 column names are
    renamed unless 3.0 has a column of that name."""
    stem = name.rsplit("/", 1)[-1].removesuffix(".csv").lower()
    for spec in all_specs().values():
        if spec.path.removesuffix(".csv") == stem or spec.name == stem:
            legacy = V11_TABLES.get(stem)
            renames = {
                old: new
                for old, new in (legacy[1] if legacy else {}).items()
                if old not in spec.column_names
            }
            return spec.name, renames, {}, True
    if stem in V11_TABLES:
        mapped = V11_TABLES[stem]
        if mapped is None:
            return None, {}, {}, True
        return mapped[0], mapped[1], mapped[2], True
    return None, {}, {}, False


def all_specs() -> dict[str, schema.TableSpec]:
    return {**schema.table_specs(), EVENT: event_spec()}


@cache
def event_spec() -> schema.TableSpec:
    document = schema.document("familiennetz_event.json")
    columns = tuple(
        schema.Column(
            name, prop.get("type", "string"), name in document["required"], prop.get("format", "")
        )
        for name, prop in document["properties"].items()
        if name != "occurrences"
    )
    return schema.TableSpec(EVENT, EVENT_PATH, columns)


def load_csv(data: bytes, *, name: str, tables: Tables) -> None:
    table, renames, fixed, known = table_for_file(name)
    if table is None:
        message = (
            _("This HSDS 1.1 table is not imported.")
            if known
            else _("This file is not an HSDS table and was ignored.")
        )
        tables.issue(Level.INFO, message, source=name)
        return
    sheet = read_csv(data, source=name, max_rows=MAX_TABLE_ROWS)
    tables.issues.extend(sheet.issues)
    if not sheet.ok:
        return
    rows = []
    for line, record in sheet.records():
        row = {renames.get(key, key): value for key, value in record.items()}
        rows.append((line, {**fixed, **row}))
    read_rows(name, rows, tables, source=name, table=table, with_lines=True)


def read_rows(name, rows, tables: Tables, *, source, table=None, with_lines=False) -> None:
    """Typed rows of one table into ``tables`` (strings from CSV become numbers, booleans …)."""
    if table is None:
        table, _renames, _fixed, _known = table_for_file(name)
        if table is None:
            tables.issue(Level.INFO, _("This table is not imported."), source=name)
            return
    spec = all_specs()[table]
    types = {column.name: column.type for column in spec.columns}
    unknown: set[str] = set()
    for item in rows:
        line, row = item if with_lines else (None, item)
        if not isinstance(row, dict):
            tables.issue(Level.ERROR, _("Expected an object."), source=source, row=line)
            continue
        typed = {}
        for key, value in row.items():
            if key not in types:
                unknown.add(key)
                continue
            converted = _convert(value, types[key])
            if converted is _INVALID:
                tables.issue(
                    Level.ERROR,
                    _("“%(value)s” is not a valid %(type)s.")
                    % {"value": str(value)[:80], "type": types[key]},
                    source=source, row=line, field=key, record=f"{table} {row.get('id', '')}",
                )  # fmt: skip
                continue
            typed[key] = converted
        tables.add(table, typed, source=source, line=line, strict=True)
    for key in sorted(unknown):
        tables.issue(
            Level.INFO,
            _("The column “%(column)s” is not part of HSDS 3.0 and was ignored.")
            % {"column": key},
            source=source, field=key,
        )  # fmt: skip


_INVALID = object()


def _convert(value, kind: str):
    if not isinstance(value, str):
        return value
    text = value.strip()
    if not text:
        return None
    if kind == "string":
        return text
    try:
        if kind == "number":
            number = parse_number(text)
            return int(number) if number.is_integer() and abs(number) < 2**53 else number
        if kind == "integer":
            number = parse_number(text)
            if not number.is_integer():
                return _INVALID
            return int(number)
        if kind == "boolean":
            return parse_bool(text)
        if kind == "array":
            items = json.loads(text)
            return items if isinstance(items, list) else _INVALID
    except (ValueError, RecursionError):
        return _INVALID
    return text


# --- writing ------------------------------------------------------------------------------


def csv_bytes(spec: schema.TableSpec, rows: list[dict]) -> bytes:
    """One table as CSV (UTF-8, comma, header = the data package's column order)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(spec.column_names)
    for row in rows:
        writer.writerow([_cell(row.get(name)) for name in spec.column_names])
    return out.getvalue().encode("utf-8")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def datapackage_descriptor(*, title: str) -> dict:
    """The official descriptor plus our event extension resource."""
    package = json.loads(json.dumps(schema.datapackage()))
    package["title"] = title
    extension = schema.document("familiennetz_event.json")
    package["resources"].append(
        {
            "name": "x_familiennetz_event",
            "path": EVENT_PATH,
            "description": extension["description"],
            "format": "csv",
            "mediatype": "text/csv",
            "profile": "tabular-data-resource",
            "schema": {
                "primaryKey": "id",
                "fields": [
                    {
                        "name": name,
                        "type": prop.get("type", "string"),
                        "description": prop.get("description", ""),
                        "constraints": {"required": name in extension["required"]},
                    }
                    for name, prop in extension["properties"].items()
                    if name != "occurrences"
                ],
            },
        }
    )
    return package
