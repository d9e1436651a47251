"""The conformance report: is a file HSDS 3.0 conformant? Separate from the import decision.

The import drops what it cannot use and goes on (lenient) or refuses (strict); this report
says, independent of that, what is wrong with the file as HSDS:

* every schema error, validated against the official HSDS 3.0 schemas with all schema files
  registered by name for ``$ref`` resolution, and formats checked (e-mail, URI, date, …);
  each error with its JSON pointer in the file (``/contents/0/phones/1/email``) or, for CSV
  tables, its line and column;
* when the file declares a profile (``"profile": "…uk…"``, the Open Referral UK profile),
  the profile's schema files applied as a JSON merge patch (RFC 7396) over the HSDS ones,
  where the operator provides them (``HSDS_PROFILE_DIR/<name>/``, or
  ``manage.py check_hsds --profile-dir``; no registry package ships them, ADR 1541);
* semantic checks the schemas cannot express: coordinates in range and inside the
  alliance's area (where its districts have boundaries), plausible dates, phone numbers
  that can be dialled.

    report = conformance_check(files, alliance=alliance)   # files: name → bytes
    report.schema_errors, report.semantic, report.conformant
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from familiennetz.interop.report import Level
from familiennetz.socialspace.services import district_index_for

from . import schema
from .sources import read_files
from .tables import EVENT, Tables, guess_table

# Words in a declared profile URI → the profile's folder in the profile directory
# (settings.HSDS_PROFILE_DIR; not in the repository: third-party files, ADR 1541).
PROFILE_MARKERS = {"uk": ("openreferraluk", "uk-profile", "profile-uk", "/uk/", "oruk")}
MAX_ERRORS = 5000  # a broken file of a million rows: the first errors tell enough
TABLE_SCHEMAS = {
    table: f"{table}.json"
    for table in (
        "service",
        "organization",
        "location",
        "service_at_location",
        "taxonomy",
        "taxonomy_term",
    )
}


@dataclass(frozen=True)
class Finding:
    """One problem: where (file, JSON pointer or line/column, record) and what."""

    kind: str  # "schema" or "semantic"
    message: str
    source: str = ""
    pointer: str = ""  # JSON pointer in the file (JSON) or "/column" (CSV)
    row: int | None = None  # CSV line
    record: str = ""
    level: str = Level.ERROR
    field: str = ""  # semantic findings: the field of the record

    def __str__(self) -> str:
        where = self.source
        if self.row is not None:
            where += f":{self.row}"
        if self.pointer:
            where += f"#{self.pointer}"
        detail = ", ".join(part for part in (self.record, self.field) if part)
        if detail:
            where += f" ({detail})"
        return f"{where.strip()}: {self.message}" if where else self.message

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v not in ("", None)}


@dataclass
class ConformanceReport:
    findings: list[Finding] = field(default_factory=list)
    profile: str = ""  # declared profile ("uk"), if any
    profile_applied: bool = False
    records: int = 0  # HSDS objects or rows checked
    truncated: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def schema_errors(self) -> list[Finding]:
        return [f for f in self.findings if f.kind == "schema"]

    @property
    def semantic(self) -> list[Finding]:
        return [f for f in self.findings if f.kind == "semantic"]

    @property
    def conformant(self) -> bool:
        """No schema error (semantic findings are about plausibility, not conformance)."""
        return not self.schema_errors

    def add(self, finding: Finding) -> None:
        if len(self.findings) >= MAX_ERRORS:
            self.truncated = True
            return
        self.findings.append(finding)

    def headline(self) -> str:
        if self.records == 0:
            return _("No HSDS records were found.")
        if self.conformant:
            return _("HSDS-conformant: no schema errors in %(n)d records.") % {"n": self.records}
        return _("Not HSDS-conformant: %(n)d schema errors.") % {"n": len(self.schema_errors)}

    def as_dict(self) -> dict:
        return {
            "conformant": self.conformant,
            "headline": self.headline(),
            "hsds_version": schema.HSDS_VERSION,
            "profile": self.profile or None,
            "profile_applied": self.profile_applied,
            "records": self.records,
            "schema_errors": [f.as_dict() for f in self.schema_errors],
            "semantic": [f.as_dict() for f in self.semantic],
            "truncated": self.truncated,
            "notes": self.notes,
        }

    def lines(self) -> list[str]:
        """The report as text (the command prints it)."""
        out = [self.headline(), *self.notes]
        for finding in self.schema_errors:
            out.append(f"[schema] {finding}")
        for finding in self.semantic:
            out.append(f"[{finding.level}] {finding}")
        if self.truncated:
            out.append(_("Only the first %(n)d findings are listed.") % {"n": MAX_ERRORS})
        return out


# --- formats jsonschema leaves unchecked without extra packages ---------------------------

_FORMATS = FormatChecker()
_DATE_TIME = re.compile(r"\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d(:\d\d(\.\d+)?)?([Zz]|[+-]\d\d:\d\d)?")


@_FORMATS.checks("uri", raises=ValueError)
def _is_uri(value) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*", parts.scheme or ""):
        return False
    if any(c.isspace() for c in value):
        return False
    if parts.scheme in ("http", "https"):
        return bool(parts.netloc)
    return bool(parts.path or parts.netloc)


@_FORMATS.checks("date-time", raises=ValueError)
def _is_date_time(value) -> bool:
    if not isinstance(value, str):
        return True
    if not _DATE_TIME.fullmatch(value):
        return False
    dt.datetime.fromisoformat(value.replace("z", "Z").replace("Z", "+00:00"))
    return True


# --- schemas and profiles -----------------------------------------------------------------


def merge_patch(target, patch):
    """RFC 7396 JSON merge patch: ``patch`` applied to ``target`` (neither is changed)."""
    if not isinstance(patch, dict):
        return patch
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


def profile_of(document) -> str:
    """The profile a document declares ("uk"), or ""."""
    if not isinstance(document, dict):
        return ""
    declared = document.get("profile")
    if not isinstance(declared, str):
        return ""
    lower = declared.lower()
    for name, markers in PROFILE_MARKERS.items():
        if any(marker in lower for marker in markers):
            return name
    return ""


class ProfileError(ValueError):
    """A profile's schema file cannot be used (not JSON, not an object)."""


def profile_dir(override: str | Path | None = None) -> str:
    """Where profiles' schema files are: ``override`` (``check_hsds --profile-dir``), else
    ``settings.HSDS_PROFILE_DIR`` (empty: none available)."""
    return str(override or getattr(settings, "HSDS_PROFILE_DIR", "") or "")


@cache
def profile_patches(name: str, directory: str = "") -> dict[str, dict]:
    """The merge patches of a profile by schema file name (empty if not available here).

    ``directory/<name>/`` holds the profile's schema files (``service.json`` patches
    ``service.json``, …), either directly or in a ``schema/`` folder, as a profile's
    repository lays them out."""
    if not directory or not name:
        return {}
    folder = Path(directory) / name
    if (folder / "schema").is_dir():
        folder = folder / "schema"
    if not folder.is_dir():
        return {}
    patches = {}
    for path in sorted(folder.glob("*.json")):
        try:
            patch = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise ProfileError(f"{path.name}: not JSON ({exc})") from exc
        if not isinstance(patch, dict):
            raise ProfileError(f"{path.name}: not a JSON object")
        patches[path.name] = patch
    return patches


@cache
def _validators(profile: str, directory: str = "") -> dict[str, Draft202012Validator]:
    documents = dict(schema._documents())
    for file_name, patch in profile_patches(profile, directory).items() if profile else ():
        if file_name in documents:
            documents[file_name] = merge_patch(documents[file_name], patch)
    resources = []
    for key, document in documents.items():
        resource = Resource.from_contents(document, default_specification=DRAFT202012)
        resources += [(key, resource), (schema.REMOTE_BASE + key, resource)]
    registry: Registry = Registry().with_resources(resources)
    return {
        key: Draft202012Validator(document, registry=registry, format_checker=_FORMATS)
        for key, document in documents.items()
    }


def _pointer(parts) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def schema_findings(
    instance,
    schema_name: str,
    *,
    profile: str = "",
    source: str = "",
    base: str = "",
    directory: str = "",
) -> Iterator[Finding]:
    validator = _validators(profile, directory if profile else "")[schema_name]
    for error in sorted(validator.iter_errors(instance), key=lambda e: list(map(str, e.path))):
        yield Finding(
            "schema",
            error.message if len(error.message) < 300 else error.message[:297] + "…",
            source=source,
            pointer=base + _pointer(error.absolute_path),
            record=str(instance.get("id", "")) if isinstance(instance, dict) else "",
        )


# --- the check ----------------------------------------------------------------------------


def conformance_check(
    files: dict[str, bytes],
    *,
    alliance=None,
    area=None,
    tables: Tables | None = None,
    profiles: str | Path | None = None,
) -> ConformanceReport:
    """Check ``files`` (name → content; a ZIP already unpacked). ``area`` (a
    ``socialspace`` district index) or ``alliance`` (whose index is used) for the area check;
    ``tables`` the files as read for the import (read again if not given); ``profiles`` the
    profile directory (default: ``settings.HSDS_PROFILE_DIR``)."""
    report = ConformanceReport()
    directory = profile_dir(profiles)
    documents: list[tuple[str, object]] = []
    for name, content in sorted(files.items()):
        if not name.lower().endswith((".json", ".ndjson")):
            continue
        try:
            text = content.decode("utf-8-sig")
            if name.lower().endswith(".ndjson"):
                for number, line in enumerate(text.splitlines(), start=1):
                    if line.strip():
                        documents.append((f"{name}:{number}", json.loads(line)))
            else:
                documents.append((name, json.loads(text)))
        except (UnicodeDecodeError, ValueError, RecursionError):
            continue  # reading reports it (an error of the tables)
    profile = next((p for _n, d in documents if (p := profile_of(d))), "")
    report.profile = profile
    if profile:
        try:
            report.profile_applied = bool(profile_patches(profile, directory))
        except ProfileError as exc:  # the operator's files: said in the report, not a 500
            report.notes.append(
                _("The %(profile)s profile's schema files cannot be used (%(error)s).")
                % {"profile": profile.upper(), "error": exc}
            )
        if not report.profile_applied:
            report.notes.append(
                _("The file declares the %(profile)s profile; its schema files are not "
                  "available here, so it was checked against HSDS 3.0 only.")
                % {"profile": profile.upper()}
            )  # fmt: skip
    used = profile if report.profile_applied else ""
    for name, document in documents:
        if name.lower().endswith("datapackage.json"):
            continue
        _check_document(report, name, document, used, directory)
    if tables is None:
        tables = read_files(files)
    nested = {name for name, document in documents if not _is_tabular_json(document)}
    _check_tables(report, tables, used, skip_sources=nested, directory=directory)
    if area is None and alliance is not None:
        area = _area_of(alliance)
    _semantic(report, tables, area)
    return report


def _check_document(
    report: ConformanceReport, name: str, document, profile: str, directory: str = ""
) -> None:
    base = ""
    if isinstance(document, dict) and "contents" in document and "id" not in document:
        document, base = document["contents"], "/contents"
    if _is_tabular_json(document):
        return  # the tabular JSON: its rows are checked with the tables
    if isinstance(document, dict) and "version" in document and "profile" in document:
        return  # the API root ("base.json"): no records
    items = document if isinstance(document, list) else [document]
    for index, item in enumerate(items):
        pointer = f"{base}/{index}" if isinstance(document, list) else base
        table = guess_table(item, name)
        if table is None or table == EVENT or table not in TABLE_SCHEMAS:
            if table == EVENT:
                continue
            report.add(
                Finding("schema", _("Not an HSDS object."), source=name, pointer=pointer or "/")
            )
            continue
        report.records += 1
        for finding in schema_findings(
            item,
            TABLE_SCHEMAS[table],
            profile=profile,
            source=name,
            base=pointer,
            directory=directory,
        ):
            report.add(finding)


def _is_tabular_json(document) -> bool:
    return isinstance(document, dict) and any(str(k).endswith(".csv") for k in document)


def _check_tables(
    report: ConformanceReport,
    tables: Tables,
    profile: str,
    *,
    skip_sources: set[str],
    directory: str = "",
) -> None:
    """Rows of CSV tables and tabular JSON (nested JSON documents are checked as documents);
    reading errors (not JSON, unreadable CSV, a row without id) count as schema errors."""
    for issue in tables.issues:
        if issue.level == Level.ERROR and issue.source not in skip_sources:
            report.add(
                Finding("schema", issue.message, source=issue.source, row=issue.row,
                        pointer=f"/{issue.field}" if issue.field else "", record=issue.record)
            )  # fmt: skip
    for table, records in tables.records.items():
        name = f"{table}.json"
        if table == EVENT or name not in schema._documents():
            continue
        for record in records.values():
            if record.source in skip_sources:
                continue
            report.records += 1
            for finding in schema_findings(record.data, name, profile=profile, directory=directory):
                report.add(
                    Finding("schema", finding.message, source=record.source, row=record.line,
                            pointer=finding.pointer, record=f"{table} {record.id}")
                )  # fmt: skip


def _area_of(alliance):
    return district_index_for(alliance.pk)


# --- semantic checks ----------------------------------------------------------------------

_PHONE_CHARS = re.compile(r"[\s()./\-–]")
_EXTENSION = re.compile(r"\s*(?:ext\.?|x|extension|durchwahl|dw\.?)\s*\d+\s*$", re.IGNORECASE)
DATE_FIELDS = {
    "service": ("assured_date", "last_modified"),
    "schedule": ("valid_from", "valid_to", "dtstart", "until"),
    "funding": (),
    "metadata": ("last_action_date",),
}


def phone_problem(number) -> str:
    """Why ``number`` cannot be dialled ("" if it can): digits, spaces, ( ) - / . and a
    leading + only, 3–15 digits (E.164), an extension at the end allowed."""
    if not isinstance(number, str) or not number.strip():
        return _("The phone number is empty.")
    text = _EXTENSION.sub("", number.strip())
    text = _PHONE_CHARS.sub("", text)
    if text.startswith("+"):
        text = text[1:]
    if not text.isdigit():
        return _("The phone number contains characters that cannot be dialled.")
    if not 3 <= len(text) <= 15:
        return _("A phone number has 3 to 15 digits.")
    return ""


def _parse_date(value) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _semantic(report: ConformanceReport, tables: Tables, area) -> None:
    today = timezone.localdate()

    def note(record, message, column, level=Level.WARNING):
        report.add(
            Finding("semantic", message, source=record.source, row=record.line,
                    field=column, record=f"{record.table} {record.id}", level=level)
        )  # fmt: skip

    for record in tables.records.get("location", {}).values():
        lat, lon = record.data.get("latitude"), record.data.get("longitude")
        if lat is None and lon is None:
            continue
        try:
            lat, lon = float(lat), float(lon)
        except (TypeError, ValueError):
            note(record, _("Latitude and longitude must both be numbers."), "latitude")
            continue
        if not -90 <= lat <= 90:
            note(record, _("The latitude %(v)s is outside −90…90.") % {"v": lat}, "latitude")
        if not -180 <= lon <= 180:
            note(record, _("The longitude %(v)s is outside −180…180.") % {"v": lon}, "longitude")
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            continue
        if area is not None and area.locate(lon, lat) is None:
            note(
                record,
                _("The coordinates %(lat)s, %(lon)s are outside the network's area.")
                % {"lat": lat, "lon": lon},
                "latitude",
            )
    for record in tables.records.get("phone", {}).values():
        problem = phone_problem(record.data.get("number"))
        if problem:
            note(record, problem, "number")
    for table, names in DATE_FIELDS.items():
        for record in tables.records.get(table, {}).values():
            for name in names:
                value = record.data.get(name)
                if value in (None, ""):
                    continue
                day = _parse_date(value)
                if day is None:
                    continue  # the schema's format check reports it
                if not 1900 <= day.year <= today.year + 10:
                    note(record, _("The date %(d)s is not plausible.") % {"d": value}, name)
                elif name in ("assured_date", "last_modified", "last_action_date") and (
                    day > today + dt.timedelta(days=1)
                ):
                    note(record, _("The date %(d)s is in the future.") % {"d": value}, name)
            start = _parse_date(record.data.get("valid_from"))
            end = _parse_date(record.data.get("valid_to"))
            if start and end and end < start:
                note(record, _("“valid_to” is before “valid_from”."), "valid_to")
    for record in tables.records.get("organization", {}).values():
        year = record.data.get("year_incorporated")
        if isinstance(year, int | float) and not 1500 <= year <= today.year:
            note(
                record,
                _("The year %(y)s is not plausible.") % {"y": year},
                "year_incorporated",
            )
