"""The official HSDS 3.0 JSON schemas (vendored in ``schema/3.0``) and validation against them.

Every schema file is registered under its file name, so the relative ``$ref``s between them
("organization.json") resolve without network access. ``datapackage.json`` describes the
tabular (CSV) serialisation: table names, file names, column order and column types.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMA_DIR = Path(__file__).parent / "schema" / "3.0"
EXTENSION_SCHEMA = Path(__file__).parent / "schema" / "familiennetz_event.json"
HSDS_VERSION = "3.0"
# The OpenAPI file refers to the schemas by their GitHub address; map those to our copies.
REMOTE_BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # string, number, integer, boolean, …
    required: bool
    format: str = ""  # uuid, email, uri, …


@dataclass(frozen=True)
class TableSpec:
    name: str  # "service"
    path: str  # "services.csv"
    columns: tuple[Column, ...]

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]

    @property
    def uuid_columns(self) -> set[str]:
        return {column.name for column in self.columns if column.format == "uuid"}


@cache
def _documents() -> dict[str, dict]:
    documents = {}
    for path in sorted(SCHEMA_DIR.glob("*.json")) + sorted((SCHEMA_DIR / "compiled").glob("*")):
        if path.name in {"openapi.json", "datapackage.json"}:
            continue
        key = f"compiled/{path.name}" if path.parent.name == "compiled" else path.name
        documents[key] = json.loads(path.read_text(encoding="utf-8"))
    documents["familiennetz_event.json"] = json.loads(EXTENSION_SCHEMA.read_text(encoding="utf-8"))
    return documents


@cache
def registry() -> Registry:
    resources = []
    for key, document in _documents().items():
        resource = Resource.from_contents(document, default_specification=DRAFT202012)
        resources += [(key, resource), (REMOTE_BASE + key, resource)]
    return Registry().with_resources(resources)


@cache
def validator(name: str) -> Draft202012Validator:
    """A validator for one schema file, e.g. ``validator("service.json")`` or
    ``validator("compiled/service_list.json")``; formats (uuid, email, date-time) are checked."""
    return Draft202012Validator(
        _documents()[name], registry=registry(), format_checker=FormatChecker()
    )


def errors(name: str, instance, *, formats: bool = True) -> list[str]:
    """Readable validation errors of ``instance`` against schema ``name``: "phones/0/id: …".

    ``formats=False`` skips format checks (e-mail, URI, date-time): the import checks the
    values it uses itself and only drops a bad one with a warning."""
    found = []
    for error in sorted(validator(name).iter_errors(instance), key=lambda e: list(e.path)):
        if not formats and error.validator == "format":
            continue
        where = "/".join(str(part) for part in error.absolute_path)
        found.append(f"{where}: {error.message}" if where else error.message)
    return found


_TYPES = {
    "string": lambda v: isinstance(v, str),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "integer": lambda v: (
        (isinstance(v, int) and not isinstance(v, bool))
        or (isinstance(v, float) and v.is_integer())
    ),
    "boolean": lambda v: isinstance(v, bool),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}
_SIMPLE_KEYWORDS = {"type", "enum", "minimum", "items", "format"}
_NOTES = {"name", "title", "description", "constraints", "example", "core", "datapackage_type"}


@cache
def _row_rules(name: str) -> tuple[list[str], dict[str, dict | None]]:
    document = _documents()[name]
    rules = {}
    for key, prop in document.get("properties", {}).items():
        keywords = set(prop) - _NOTES
        items = prop.get("items", {})
        simple = keywords <= _SIMPLE_KEYWORDS and set(items) <= {"type", "format"}
        rules[key] = prop if simple else None
    return document.get("required", []), rules


def row_errors(name: str, row: dict) -> list[str]:
    """``errors(name, row, formats=False)`` for a flat record, without the cost of a general
    validator (imports check hundreds of thousands of rows). Falls back to the validator for
    anything beyond type, enum, minimum and simple item types."""
    required, rules = _row_rules(name)
    found = [f"'{key}' is a required property" for key in required if key not in row]
    for key, value in row.items():
        if key not in rules:
            continue  # HSDS allows additional properties
        prop = rules[key]
        if prop is None:
            return errors(name, row, formats=False)
        kind = prop.get("type")
        if kind and not _TYPES[kind](value):
            found.append(f"{key}: {value!r} is not of type {kind!r}")
        elif "enum" in prop and value not in prop["enum"]:
            found.append(f"{key}: {value!r} is not one of {prop['enum']!r}")
        elif "minimum" in prop and value < prop["minimum"]:
            found.append(f"{key}: {value!r} is less than the minimum of {prop['minimum']!r}")
        elif kind == "array" and "type" in prop.get("items", {}):
            item_kind = prop["items"]["type"]
            if not all(_TYPES[item_kind](item) for item in value):
                found.append(f"{key}: all items must be of type {item_kind!r}")
    return found


def document(name: str) -> dict:
    """A schema document by file name ("service.json", "familiennetz_event.json")."""
    return _documents()[name]


@cache
def table_specs() -> dict[str, TableSpec]:
    """The tables of the HSDS 3.0 data package, by table name, in the package's order."""
    package = json.loads((SCHEMA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    specs = {}
    for resource in package["resources"]:
        columns = tuple(
            Column(
                name=field["name"],
                type=field.get("type", "string"),
                required=bool(field.get("constraints", {}).get("required")),
                format=field.get("format", ""),
            )
            for field in resource["schema"]["fields"]
        )
        specs[resource["name"]] = TableSpec(resource["name"], resource["path"], columns)
    return specs


@cache
def datapackage() -> dict:
    return json.loads((SCHEMA_DIR / "datapackage.json").read_text(encoding="utf-8"))


@cache
def openapi() -> dict:
    return json.loads((SCHEMA_DIR / "openapi.json").read_text(encoding="utf-8"))
