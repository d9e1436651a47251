"""HSDS data in one shape for import and export: flat tables of records keyed by id.

Nested JSON (a service with its phones, schedules, locations …) is flattened into tables and
the links between records become ``*_id`` fields; the CSV data package already is tables
(tabular.py). Export goes the other way (export.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from familiennetz.interop.report import Issue, Level

EVENT = "event"  # our extension table
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
        tables.issue(Level.ERROR, _("Expected an object, found %(type)s.") % type_of(obj), **where)
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
            _("“%(field)s” must be a list, found %(type)s.") % {"field": prop, **type_of(value)},
            **where,
        )
        return []
    return value


def type_of(value) -> dict:
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
