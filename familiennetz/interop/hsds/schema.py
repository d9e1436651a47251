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
