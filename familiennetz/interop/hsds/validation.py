"""Validation of export files against the official HSDS 3.0 schemas (used by the
``export_hsds --validate`` command and the tests)."""

from __future__ import annotations

import json

from . import schema
from .tables import EVENT, Tables
from .tabular import all_specs, load_csv

FOLDER_SCHEMAS = {
    "services": "service.json",
    "organizations": "organization.json",
    "locations": "location.json",
    "taxonomies": "taxonomy.json",
    "taxonomy_terms": "taxonomy_term.json",
    "x_familiennetz_events": "familiennetz_event.json",
}


def schema_name(table: str) -> str:
    return "familiennetz_event.json" if table == EVENT else f"{table}.json"


def validate_files(files: dict[str, bytes]) -> list[str]:
    """Every schema violation in ``files`` (JSON documents or CSV tables), as text."""
    problems = []
    for name, content in sorted(files.items()):
        if name == "datapackage.json":
            continue
        if name.endswith(".json"):
            folder = name.split("/", 1)[0]
            document = json.loads(content)
            problems += [f"{name}: {e}" for e in schema.errors(FOLDER_SCHEMAS[folder], document)]
        elif name.endswith(".csv"):
            problems += _csv_problems(name, content)
    return problems


def _csv_problems(name: str, content: bytes) -> list[str]:
    tables = Tables()
    load_csv(content, name=name, tables=tables)
    problems = [str(issue) for issue in tables.issues]
    header = content.decode("utf-8").split("\r\n", 1)[0].split(",")
    for table, records in tables.records.items():
        spec = all_specs()[table]
        if header != spec.column_names:
            problems.append(f"{name}: columns differ from the data package")
        document = schema.document(schema_name(table))
        required = document.get("tabular_required", [])
        for record in records.values():
            problems += [
                f"{name} {record.id}: {e}" for e in schema.errors(schema_name(table), record.data)
            ]
            problems += [
                f"{name} {record.id}: {field} is required in the table"
                for field in required
                if field not in record.data
            ]
    return problems
