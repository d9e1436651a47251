"""Reading an HSDS source into tables: a JSON file (object, list, API page, tabular JSON), a
CSV file, a folder or ZIP of JSON documents and/or CSV tables (a data package), HSDS 3.0 or
1.1 table names. Then every record is validated against the official schema of its table.
Nothing here raises for bad input; problems are issues in ``Tables.issues``."""

from __future__ import annotations

import io
import json
import posixpath
import zipfile
from pathlib import Path

from django.utils.translation import gettext as _

from familiennetz.core.archives import ArchiveLimitError, ZipLimits, check_zip
from familiennetz.interop.report import Level

from . import schema
from .ids import is_uuid, source_uuid
from .mapping import MAPPED_FIELDS
from .tables import EVENT, Tables, flatten, guess_table, type_of
from .tabular import all_specs, descriptor_tables, load_csv, read_rows

MAX_FILES = 100_000
MAX_TOTAL_BYTES = 500 * 1024 * 1024  # uncompressed, for ZIP files
# Checked before anything is unpacked (core.archives: sizes as declared, ratio of large members).
ZIP_LIMITS = ZipLimits(
    max_members=MAX_FILES, max_member_bytes=MAX_TOTAL_BYTES, max_total_bytes=MAX_TOTAL_BYTES
)
IMPORTED_TABLES = set(MAPPED_FIELDS) | {EVENT}
MAX_RECORD_NOTES = 2000  # "not kept" notes per record; beyond, one summary per table
# Links that flattening adds to nested records (the parent's id): not data of their own.
LINKS = {
    "service_id",
    "organization_id",
    "location_id",
    "service_at_location_id",
    "contact_id",
    "phone_id",
    "link_id",
    "link_entity",
    "resource_id",
    "resource_type",
}


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
                _("Expected an HSDS object, found %(type)s.") % type_of(item),
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


def read_files(files: dict[str, bytes]) -> Tables:
    """``files``: name (may contain folders) → content."""
    tables = Tables()
    names = sorted(files, key=_order)
    if not names:
        tables.issue(Level.ERROR, _("No files were given."))
    described = descriptor_tables(files)
    for name in names:
        lower = name.lower()
        if lower.endswith("datapackage.json"):
            continue  # the descriptor: read above (which file holds which table)
        if lower.endswith(".csv"):
            resource, legacy = described.get(posixpath.normpath(name), ("", False))
            load_csv(files[name], name=name, tables=tables, resource=resource, legacy=legacy)
        elif lower.endswith(".json"):
            load_json(files[name], source=name, tables=tables, hint=name)
        elif lower.endswith(".ndjson"):
            for number, line in enumerate(files[name].splitlines(), start=1):
                if line.strip():
                    load_json(line, source=f"{name}:{number}", tables=tables, hint=name)
        elif not name.endswith("/"):
            tables.issue(
                Level.INFO, _("This file is neither JSON nor CSV and was ignored."), source=name
            )
    return tables


def _order(name: str):
    # Taxonomies first, so that attributes find their terms in the report order.
    return ("taxonom" not in name.lower(), name)


def read_bytes(data: bytes, *, name: str) -> Tables:
    if zipfile.is_zipfile(io.BytesIO(data)):
        return read_zip(data, name=name)
    return read_files({name: data})


def unpack(
    data: bytes, *, name: str, max_total: int = MAX_TOTAL_BYTES
) -> tuple[dict[str, bytes], Tables | None]:
    """The files of an upload (name → content): a ZIP's members or the file itself; with
    the tables holding the error instead if a ZIP cannot be read."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        return {name: data}, None
    files = _zip_members(data, name=name, max_total=max_total)
    return (files, None) if isinstance(files, dict) else ({}, files)


def read_upload(data: bytes, name: str) -> tuple[dict[str, bytes], Tables]:
    """The files of an upload and their tables (the errors if a ZIP cannot be read): the
    part of an import that reads untrusted bytes, run with a budget (``core.sandbox``)."""
    files, broken = unpack(data, name=name)
    return files, broken or read_files(files)


def read_zip(data: bytes, *, name: str = "") -> Tables:
    files = _zip_members(data, name=name)
    return read_files(files) if isinstance(files, dict) else files


def _zip_members(
    data: bytes, *, name: str = "", max_total: int = MAX_TOTAL_BYTES
) -> dict[str, bytes] | Tables:
    try:
        infos = check_zip(data, ZIP_LIMITS)
    except ArchiveLimitError as exc:
        tables = Tables()
        tables.issue(Level.ERROR, str(exc), source=name)
        return tables
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        if sum(i.file_size for i in infos if not i.is_dir()) > max_total:
            tables = Tables()
            tables.issue(Level.ERROR, _("The ZIP file is too large."), source=name)
            return tables
        files = {
            info.filename: archive.read(info)
            for info in infos
            if not info.filename.startswith(("__MACOSX/", "."))
        }
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        tables = Tables()
        tables.issue(
            Level.ERROR, _("The ZIP file cannot be read: %(error)s") % {"error": exc}, source=name
        )
        return tables
    return files


def read_path(path: Path) -> Tables:
    if path.is_dir():
        return read_files(path_files(path))
    return read_bytes(path.read_bytes(), name=path.name)


def path_files(path: Path) -> dict[str, bytes]:
    """The JSON and CSV files of a folder (name relative to it → content)."""
    return {
        str(p.relative_to(path)): p.read_bytes()
        for p in sorted(path.rglob("*"))
        if p.is_file() and p.suffix.lower() in (".json", ".csv", ".ndjson")
    }


def normalise_ids(tables: Tables) -> None:
    """Ids that are no UUIDs (allowed in HSDS 1.1) become UUIDs derived from them, in the
    records and in every reference to them, so that a re-import finds the same records."""
    specs = all_specs()
    for table, records in list(tables.records.items()):
        changed, rekey = 0, False
        references = specs[table].uuid_columns | {"id"} if table in specs else {"id"}
        for record in list(records.values()):
            for key, value in list(record.data.items()):
                if key in references and isinstance(value, str):
                    if not is_uuid(value):
                        record.data[key] = source_uuid(value)
                        changed += 1
                    elif value != value.lower():
                        record.data[key] = value.lower()
                    rekey = rekey or record.data[key] != value
        if rekey:
            tables.records[table] = {record.id: record for record in records.values()}
        if changed:
            tables.issue(
                Level.WARNING,
                _("%(n)d identifier(s) in “%(table)s” are not UUIDs; UUIDs derived from them "
                  "are used.") % {"n": changed, "table": table},
            )  # fmt: skip


# Required by the schema but harmless to assume when missing (older and sparse sources).
DEFAULTS = {
    "organization": {"description": ""},
    "taxonomy": {"description": ""},
    "taxonomy_term": {"description": ""},
    "location": {"location_type": "physical"},
    "service": {"status": "active"},
    "address": {
        "address_1": "",
        "city": "",
        "state_province": "",
        "postal_code": "",
        "country": "",
        "address_type": "physical",
    },
}


def fill_defaults(tables: Tables) -> None:
    for table, defaults in DEFAULTS.items():
        filled: dict[str, int] = {}
        for record in tables.records.get(table, {}).values():
            for key, value in defaults.items():
                if key not in record.data:
                    record.data[key] = value
                    filled[key] = filled.get(key, 0) + 1
        for key, n in filled.items():
            tables.issue(
                Level.INFO,
                _("%(n)d record(s) of “%(table)s” have no “%(field)s”; “%(value)s” is assumed.")
                % {"n": n, "table": table, "field": key, "value": defaults[key]},
            )


def validate(tables: Tables) -> None:
    """Check each record against the official schema of its table (flat, without nesting);
    note the tables and fields the import does not use."""
    fill_defaults(tables)
    if not any(tables.records.values()) and not any(
        issue.level == Level.ERROR for issue in tables.issues
    ):
        tables.issue(Level.ERROR, _("No HSDS records were found."))
    noted = 0
    for table, records in tables.records.items():
        if table == "taxonomy":
            tables.issue(
                Level.INFO,
                _("%(n)d taxonomy record(s) read; their terms become the alliance's categories.")
                % {"n": len(records)},
            )
        if table not in IMPORTED_TABLES:
            tables.issue(
                Level.INFO,
                _("%(n)d record(s) of the HSDS table “%(table)s” are not imported: familiennetz "
                  "has no place for them.") % {"n": len(records), "table": table},
            )  # fmt: skip
            continue
        name = "familiennetz_event.json" if table == EVENT else f"{table}.json"
        unused: set[str] = set()
        for record in records.values():
            for message in schema.row_errors(name, record.data):
                tables.issue(Level.ERROR, message, **record.where())
                tables.invalid.add((table, record.id))
            left = set(record.data) - MAPPED_FIELDS.get(table, set(record.data)) - LINKS
            left = {key for key in left if record.data.get(key) not in (None, "", [], {})}
            if left and noted < MAX_RECORD_NOTES:
                noted += 1
                tables.issue(
                    Level.INFO,
                    _("Not kept: %(fields)s") % {"fields": ", ".join(sorted(left))},
                    **record.where(),
                )
            elif left:
                unused |= left
        if unused:
            tables.issue(
                Level.INFO,
                _("Fields of further records of “%(table)s” that are not kept: %(fields)s")
                % {"table": table, "fields": ", ".join(sorted(unused))},
            )
