"""Imports from the workspace: an uploaded file is stored, checked (preview, nothing written)
and then committed — exactly the checked bytes, all or nothing.

    upload = import_upload_create(alliance=a, user=u, kind="sheet", filename=…, data=…)
    check = import_upload_check(upload=upload)      # report + issue table; writes nothing
    if check.can_commit:
        report = import_upload_commit(upload=upload)  # raises ImportRefused otherwise

The first check of a spreadsheet asks the geocoder and records its answers on the upload;
later checks and the commit replay them, so the commit writes what the preview showed. If the
alliance's data changed in between (another import, a deleted category) the commit refuses
and the preview shows the new state. See docs/dev/imports.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from familiennetz.alliances.models import Alliance
from familiennetz.core.sandbox import Budget, BudgetExceeded, limited_call
from familiennetz.directory.models import Status

from .geocoding import Geocoder, GeocodingError, Place, get_geocoder
from .hsds.conformance import conformance_check
from .hsds.importer import hsds_import
from .hsds.sources import read_files, read_upload, unpack
from .models import ImportUpload
from .report import Level, Report
from .sheets import SheetImport, sheet_commit, sheet_parse
from .sheets.parse import read_sheet

logger = logging.getLogger(__name__)

UPLOAD_LIFETIME = dt.timedelta(hours=24)
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_ISSUES_SHOWN = 1000
MAX_CHECK_UNPACKED_BYTES = 100 * 1024 * 1024  # a ZIP sent to the public validator, unpacked


class ImportRefused(Exception):
    """The upload cannot be imported (now); ``str(exc)`` says why, for the coordinator."""


class ImportBudgetExceeded(ImportRefused):
    """Reading the file needed more memory or time than imports may use (ADR 1520)."""

    def __init__(self, limit: str, value: float):
        self.limit, self.value = limit, value
        super().__init__(budget_message(limit, value))


def budget_message(limit: str | None, value: float | None) -> str:
    """The coordinator's explanation of a refused parse, naming the limit."""
    if limit == "memory":
        return _(
            "Reading the file needed more than %(mb)s MB of memory (the memory limit of "
            "imports). Nothing was saved; please split the file into smaller ones."
        ) % {"mb": int(value or 0)}
    if limit in ("cpu", "wall"):
        return _(
            "Reading the file took longer than %(seconds)s seconds (the time limit of "
            "imports). Nothing was saved; please split the file into smaller ones."
        ) % {"seconds": int(value or 0)}
    return _("The file could not be read. Nothing was saved; please check the file.")


def parse_budget() -> Budget:
    return Budget(
        memory_mb=settings.IMPORT_PARSE_MEMORY_MB,
        cpu_seconds=settings.IMPORT_PARSE_CPU_SECONDS,
        wall_seconds=settings.IMPORT_PARSE_WALL_SECONDS,
    )


def _read_limited(func, *args):
    """``func(*args)`` — reading the untrusted bytes — in a child process with the budget of
    imports (``core.sandbox``); inline only if ``IMPORT_PARSE_ISOLATED`` is off."""
    if not settings.IMPORT_PARSE_ISOLATED:
        return func(*args)
    try:
        return limited_call(func, *args, budget=parse_budget())
    except BudgetExceeded as exc:
        logger.warning("import parse stopped: %s", exc)
        raise ImportBudgetExceeded(exc.limit, exc.value) from exc


@dataclass
class UploadCheck:
    upload: ImportUpload
    report: Report
    sheet: SheetImport | None = None  # spreadsheets only
    issues: list[dict] = field(default_factory=list)  # for the report table, by line

    @property
    def can_commit(self) -> bool:
        if self.upload.committed_at is not None or self.report.has_errors:
            return False
        return self.sheet.can_commit if self.sheet is not None else True

    @property
    def problem_lines(self) -> list[int]:
        return self.report.rows_with(Level.ERROR)


def import_upload_create(
    *,
    alliance: Alliance,
    user,
    kind: str,
    filename: str,
    data: bytes,
    publish: bool = False,
    geocode: bool = False,
) -> ImportUpload:
    """Keep an uploaded file for its uploader until ``UPLOAD_LIFETIME`` has passed."""
    return ImportUpload.objects.create(
        alliance=alliance,
        user=user,
        kind=kind,
        filename=filename[:255],
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        options={"publish": bool(publish), "geocode": bool(geocode)},
        expires_at=timezone.now() + UPLOAD_LIFETIME,
    )


def import_upload_get(*, alliance: Alliance, user, pk) -> ImportUpload | None:
    """The user's own, unexpired upload in ``alliance``; None for anything else."""
    return ImportUpload.objects.for_alliance(alliance).usable_by(user).filter(pk=pk).first()


class ReplayGeocoder(Geocoder):
    """Asks ``inner`` and records each answer in ``answers`` (JSON-able); without ``inner``
    only replays what was recorded (an address never asked counts as not found)."""

    FAILED = "failed"

    def __init__(self, inner: Geocoder | None, answers: dict):
        self.inner, self.answers = inner, answers

    def geocode(self, *, street: str, postal_code: str, city: str, country: str = "de"):
        key = json.dumps([street, postal_code, city, country], ensure_ascii=False)
        if key in self.answers:
            answer = self.answers[key]
            if answer == self.FAILED:
                raise GeocodingError("the service did not answer during the check")
            return Place(*answer) if answer else None
        if self.inner is None:
            return None
        try:
            place = self.inner.geocode(
                street=street, postal_code=postal_code, city=city, country=country
            )
        except GeocodingError:
            self.answers[key] = self.FAILED
            raise
        self.answers[key] = [place.latitude, place.longitude, place.label] if place else []
        return place


def _fingerprint(report: Report) -> dict:
    """What the coordinator saw: the planned counts and the number of problems."""
    return {
        "counts": {kind: dict(counter) for kind, counter in sorted(report.counts.items())},
        "errors": len(report.errors),
        "warnings": len(report.warnings),
    }


def _run(
    upload: ImportUpload, *, dry_run: bool, first: bool, strict: bool = False
) -> tuple[Report, SheetImport | None]:
    data = bytes(upload.data)
    if upload.kind == ImportUpload.Kind.HSDS:
        files, tables = _read_limited(read_upload, data, upload.filename)
        # The conformance report reads the file as it is, before the import fills defaults.
        conformance = conformance_check(files, alliance=upload.alliance, tables=tables)
        report = hsds_import(
            alliance=upload.alliance,
            tables=tables,
            dry_run=dry_run,
            strict=strict,
            conformance=conformance,
        )
        return report, None
    answers = upload.checked.get("geocoder", {}) if not first else {}
    inner = get_geocoder() if first and upload.options.get("geocode") else None
    geocoder = ReplayGeocoder(inner, answers) if upload.options.get("geocode") else None
    sheet = sheet_parse(
        alliance=upload.alliance,
        data=data,
        filename=upload.filename,
        geocoder=geocoder,
        default_status=Status.PUBLISHED if upload.options.get("publish") else Status.DRAFT,
        sheet=_read_limited(read_sheet, data, upload.filename),
    )
    if first and geocoder is not None:
        upload.checked["geocoder"] = answers
    return sheet.report, sheet


def _issue_rows(report: Report, sheet: SheetImport | None) -> list[dict]:
    """Issues for the report table: line, column as in the file, the cell, message, level."""
    order = {Level.ERROR: 0, Level.WARNING: 1, Level.INFO: 2}
    issues = sorted(
        report.issues,
        key=lambda i: (i.row is None, i.row or 0, order.get(i.level, 3), i.field),
    )
    rows = []
    for issue in issues[:MAX_ISSUES_SHOWN]:
        value: object = ""
        if sheet is not None and issue.row is not None and issue.field:
            value = sheet.values.get(issue.row, {}).get(issue.field, "")
        rows.append(
            {
                "row": issue.row,
                "column": issue.field,
                "record": issue.record,
                "source": issue.source,
                "value": "" if value is None else str(value),
                "message": issue.message,
                "level": issue.level,
                "level_label": issue.level_label,
            }
        )
    return rows


def import_upload_pending(upload: ImportUpload) -> bool:
    """The first check (a background task, ``tasks.check_import_upload``) has not run yet."""
    return upload.committed_at is None and not upload.checked


def _failure_key(pk) -> str:
    return f"interop:upload-failed:{pk}"


def import_upload_fail(*, upload: ImportUpload, limit: str | None = None, value=None) -> None:
    """Delete a file whose check failed (nothing is left behind) and remember, for its
    uploader only and for a day, why: the preview page of the gone upload says so."""
    cache.set(
        _failure_key(upload.pk),
        {
            "alliance": upload.alliance_id,
            "user": upload.user_id,
            "filename": upload.filename,
            "limit": limit,
            "value": value,
        },
        timeout=int(UPLOAD_LIFETIME.total_seconds()),
    )
    upload.delete()


def import_upload_failure(*, alliance: Alliance, user, pk) -> dict | None:
    """Why the check of the user's upload ``pk`` failed: file name and message; or None."""
    failure = cache.get(_failure_key(pk))
    if not failure or failure["alliance"] != alliance.pk or failure["user"] != user.pk:
        return None
    return {
        "filename": failure["filename"],
        "message": budget_message(failure["limit"], failure["value"]),
    }


def import_upload_check(*, upload: ImportUpload) -> UploadCheck:
    """Check the upload (nothing is written). The first check records what the coordinator
    is shown; after the commit the stored result is returned instead."""
    if upload.committed_at is not None:
        report = Report(dry_run=False, committed=True)
        for kind, outcomes in upload.result.get("counts", {}).items():
            for outcome, n in outcomes.items():
                report.count(kind, outcome, n)
        return UploadCheck(upload=upload, report=report)
    first = not upload.checked
    report, sheet = _run(upload, dry_run=True, first=first)
    if first:
        upload.checked["fingerprint"] = _fingerprint(report)
        upload.save(update_fields=["checked", "updated_at"])
    check = UploadCheck(upload=upload, report=report, sheet=sheet)
    check.issues = _issue_rows(report, sheet)
    return check


def import_upload_commit(*, upload: ImportUpload, strict: bool = False, checked_at=None) -> Report:
    """Import exactly the checked file, all or nothing. Raises ImportRefused if it has
    errors, was imported already, or would now do something else than the preview showed.
    ``strict`` (HSDS): nothing is written if the file is not HSDS-conformant or the import
    would drop or correct any value; lenient (default) drops invalid values, as the check
    listed them."""
    changed = None
    with transaction.atomic():
        upload = ImportUpload.objects.select_for_update().get(pk=upload.pk)
        if upload.committed_at is not None:
            raise ImportRefused(_("This file was imported already."))
        if hashlib.sha256(bytes(upload.data)).hexdigest() != upload.sha256:
            raise ImportRefused(_("The stored file is damaged; please upload it again."))
        if not upload.checked:
            raise ImportRefused(_("Please check the file first."))
        planned, sheet = _run(upload, dry_run=True, first=False, strict=strict)
        if planned.has_errors or (sheet is not None and not sheet.can_commit):
            raise ImportRefused(
                _("Strict import: the file is not HSDS-conformant or values would be dropped; "
                  "nothing was saved.")
                if strict and sheet is None
                else _("The file has errors; nothing was saved.")
            )  # fmt: skip
        if _fingerprint(planned) != upload.checked.get("fingerprint"):
            changed = _fingerprint(planned)
        else:
            report = _write(upload, sheet, checked_at=checked_at)
            upload.result = {
                "counts": {kind: dict(counter) for kind, counter in report.counts.items()},
                "created": {kind: list(pks) for kind, pks in report.created.items()},
            }
            upload.committed_at = timezone.now()
            upload.data = b""  # not needed any more; the result page reads ``result``
            upload.save(update_fields=["result", "committed_at", "data", "updated_at"])
    if changed is not None:
        upload.checked["fingerprint"] = changed
        upload.save(update_fields=["checked", "updated_at"])
        raise ImportRefused(
            _(
                "The data of the network changed since the check, so the import would now do "
                "something else. Nothing was saved; please look at the updated check and "
                "import again."
            )
        )
    logger.info(
        "import %s (%s) committed into alliance %s by user %s",
        upload.pk,
        upload.kind,
        upload.alliance_id,
        upload.user_id,
    )
    return report


def _write(upload: ImportUpload, sheet: SheetImport | None, *, checked_at=None) -> Report:
    """``checked_at``: the checked date of a spreadsheet's entries (an HSDS file brings its
    own ``assured_date`` per service)."""
    if sheet is not None:
        return sheet_commit(sheet, checked_at=checked_at)
    report, _sheet = _run(upload, dry_run=False, first=False)
    if not report.committed:  # the database refused; hsds_import rolled back
        raise ImportRefused(_("The file has errors; nothing was saved."))
    return report


def hsds_conformance(
    *, data: bytes, name: str, alliance: Alliance | None = None, profiles: str | None = None
):
    """The conformance report of an HSDS file (JSON, CSV or ZIP) — the public validation
    endpoint and ``manage.py check_hsds``; nothing is imported. ``profiles``: the profile
    directory (default ``settings.HSDS_PROFILE_DIR``)."""
    files, broken = unpack(data, name=name, max_total=MAX_CHECK_UNPACKED_BYTES)
    tables = broken or read_files(files)
    return conformance_check(files, alliance=alliance, tables=tables, profiles=profiles)


def import_upload_purge(*, dry_run: bool = False, now=None) -> int:
    """Delete expired uploads (the daily retention job). Returns how many."""
    expired = ImportUpload.objects.expired(now)
    if dry_run:
        return expired.count()
    deleted, _detail = expired.delete()
    return deleted
