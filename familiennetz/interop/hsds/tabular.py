"""The tabular serialisation of HSDS: CSV tables of the data package (3.0, and 1.1 names),
typed on reading, written in the data package's column order."""

from __future__ import annotations

import csv
import io
import json
import posixpath
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import cache

from django.utils.translation import gettext as _

from familiennetz.core.spreadsheet import neutralise_cell
from familiennetz.interop.report import Level
from familiennetz.interop.tabular_io import parse_bool, parse_number, read_csv

from . import schema
from .tables import EVENT, Tables

MAX_TABLE_ROWS = 2_000_000
EVENT_PATH = "x_familiennetz_events.csv"
EVENT_RESOURCE = "x_familiennetz_event"  # its name in our data package descriptor

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


# HSDS 1.1 / ORUK 1.x data package resource names (singular) → their file stems above.
V11_RESOURCES = {
    "organization": "organizations",
    "program": "programs",
    "service": "services",
    "service_taxonomy": "services_taxonomy",
    "service_at_location": "services_at_location",
    "location": "locations",
    "phone": "phones",
    "contact": "contacts",
    "physical_address": "physical_addresses",
    "postal_address": "postal_addresses",
    "regular_schedule": "regular_schedules",
    "holiday_schedule": "holiday_schedules",
    "service_area": "service_areas",
    "required_document": "required_documents",
    "payment_accepted": "payments_accepted",
    "language": "languages",
    "meta_table_description": "meta_table_descriptions",
}
# Resource names only HSDS 1.1 / ORUK 1.x packages have: such a descriptor is read as 1.1.
V11_ONLY = {"physical_address", "postal_address", "regular_schedule", "holiday_schedule",
            "service_taxonomy", "payment_accepted", "eligibility",
            "accessibility_for_disabilities"} | {
    stem for stem in V11_TABLES if stem not in {"organizations", "programs", "services",
    "locations", "phones", "contacts", "funding", "service_areas", "required_documents",
    "languages", "taxonomy", "metadata", "meta_table_descriptions"}}  # fmt: skip


def descriptor_tables(files: dict[str, bytes]) -> dict[str, tuple[str, bool]]:
    """CSV file name → (table key for ``table_for_file``, is HSDS 1.1) from the data package
    descriptors (``datapackage.json``) among ``files``: the descriptor, not the file name,
    says which table a CSV file holds."""
    found: dict[str, tuple[str, bool]] = {}
    for name, content in files.items():
        if not name.lower().endswith("datapackage.json"):
            continue
        try:
            package = json.loads(content.decode("utf-8-sig"))
            resources = [r for r in package.get("resources", []) if isinstance(r, dict)]
        except (UnicodeDecodeError, ValueError, AttributeError, RecursionError):
            continue
        names = {str(r.get("name", "")).lower() for r in resources}
        legacy = bool(names & V11_ONLY)
        folder = name.rsplit("/", 1)[0] + "/" if "/" in name else ""
        for resource in resources:
            path, resource_name = resource.get("path"), str(resource.get("name", "")).lower()
            if not isinstance(path, str) or not resource_name:
                continue
            key = V11_RESOURCES.get(resource_name, resource_name) if legacy else resource_name
            if resource_name == EVENT_RESOURCE:
                key = EVENT
            found[posixpath.normpath(folder + path)] = (key, legacy)
    return found


def table_for_file(name: str, *, legacy: bool = False) -> tuple[str | None, dict, dict, bool]:
    """(table, renames, fixed values, known) for a CSV file name (or a data package resource
    name) of HSDS 3.0 or 1.1; ``legacy``: the data package says it is HSDS 1.1.

    Where 1.1 and 3.0 share a file name (organizations.csv), the 1.1 column names are
    renamed unless 3.0 has a column of that name."""
    stem = name.rsplit("/", 1)[-1].removesuffix(".csv").lower()
    if legacy and stem in V11_TABLES and stem not in {s.path[:-4] for s in all_specs().values()}:
        mapped = V11_TABLES[stem]
        if mapped is None:
            return None, {}, {}, True
        return mapped[0], mapped[1], mapped[2], True
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


def load_csv(
    data: bytes, *, name: str, tables: Tables, resource: str = "", legacy: bool = False
) -> None:
    """One CSV table; ``resource``: its table as the data package names it (else the file
    name decides)."""
    table, renames, fixed, known = table_for_file(resource or name, legacy=legacy)
    if resource and not known:  # a resource name we do not know: the file name may tell
        table, renames, fixed, known = table_for_file(name, legacy=legacy)
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
    return b"".join(csv_chunks(spec, rows))


def csv_chunks(spec: schema.TableSpec, rows: Iterable[dict], size: int = 16384) -> Iterator[bytes]:
    """``csv_bytes`` in chunks of about ``size`` characters: a large table is never one
    string."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(spec.column_names)
    for row in rows:
        writer.writerow([_cell(row.get(name)) for name in spec.column_names])
        if out.tell() >= size:
            yield out.getvalue().encode("utf-8")
            out.seek(0)
            out.truncate()
    yield out.getvalue().encode("utf-8")


def _cell(value) -> str:
    """Numbers as numbers; texts escaped against formula injection (reversed on reading:
    ``tabular_io.read_csv``; docs/dev/hsds.md, docs/adr/1100)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return neutralise_cell(json.dumps(value, ensure_ascii=False))
    if isinstance(value, int | float | Decimal):
        return str(value)  # a negative number is a value, not a formula
    return neutralise_cell(str(value))


def datapackage_descriptor(*, title: str) -> dict:
    """The official descriptor plus our event extension resource."""
    package = json.loads(json.dumps(schema.datapackage()))
    package["title"] = title
    extension = schema.document("familiennetz_event.json")
    package["resources"].append(
        {
            "name": EVENT_RESOURCE,
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
