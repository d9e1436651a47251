"""Workspace pages for coordinators: import (upload → check → commit) and export.

/manage/<alliance>/daten/importieren/ … and /manage/<alliance>/daten/exportieren/ …
The logic lives in ``interop.services`` (uploads) and ``interop.sheets``/``interop.hsds``.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from familiennetz.directory.models import Offer
from familiennetz.workspace.access import check_perm, redirect_manage, workspace_view

from ..forms import CheckedDateForm, HsdsUploadForm, SheetUploadForm
from ..geocoding import get_geocoder
from ..hsds.export import export_tables, json_documents
from ..hsds.storage import hsds_zip_path
from ..models import ImportUpload
from ..services import (
    UPLOAD_LIFETIME,
    ImportBudgetExceeded,
    ImportRefused,
    import_upload_check,
    import_upload_commit,
    import_upload_create,
    import_upload_fail,
    import_upload_failure,
    import_upload_get,
    import_upload_pending,
)
from ..sheets import CONTENT_TYPES, sheet_export, sheet_template
from ..tasks import check_import_upload

MAX_LINKS = 50


def _upload_or_404(request, pk) -> ImportUpload:
    upload = import_upload_get(alliance=request.alliance, user=request.user, pk=pk)
    if upload is None:
        raise Http404(_("This upload does not exist or has expired. Please upload the file again."))
    return upload


def _check_failed(request, failure: dict):
    """The check of an upload stopped (over the budget, unreadable): the file is gone."""
    return render(request, "interop/workspace/import_failed.html", {"failure": failure}, status=422)


def _download(content: bytes | Path, content_type: str, filename: str) -> HttpResponse:
    if isinstance(content, Path):  # a built file: streamed from disk
        response = FileResponse(content.open("rb"), content_type=content_type)
    else:
        response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@workspace_view
def import_start(request):
    """The two upload forms (spreadsheet, HSDS); a valid upload is stored and checked in a
    background task (a child process with a memory and time budget, ADR 1520); the preview
    page says "being checked" until the check is done."""
    check_perm(request, "interop.import_data")
    geocoding_available = get_geocoder() is not None
    kind = request.POST.get("kind") if request.method == "POST" else None
    sheet_form = SheetUploadForm(
        request.POST if kind == SheetUploadForm.KIND else None,
        request.FILES if kind == SheetUploadForm.KIND else None,
        prefix="sheet",
        geocoding_available=geocoding_available,
    )
    hsds_form = HsdsUploadForm(
        request.POST if kind == HsdsUploadForm.KIND else None,
        request.FILES if kind == HsdsUploadForm.KIND else None,
        prefix="hsds",
    )
    form = {SheetUploadForm.KIND: sheet_form, HsdsUploadForm.KIND: hsds_form}.get(kind)
    if form is not None and form.is_valid():
        data = form.cleaned_data
        upload = import_upload_create(
            alliance=request.alliance,
            user=request.user,
            kind=kind,
            filename=data["file"].name,
            data=data["data"],
            publish=data.get("status") == "published",
            geocode=bool(data.get("geocode")) and geocoding_available,
        )
        check_import_upload.enqueue(str(upload.pk))
        return redirect_manage("interop:manage-import-preview", request.alliance, pk=upload.pk)
    return render(
        request,
        "interop/workspace/import.html",
        {"sheet_form": sheet_form, "hsds_form": hsds_form},
        status=400 if form is not None else 200,
    )


@workspace_view
def import_template(request, fmt: str):
    check_perm(request, "interop.import_data")
    if fmt not in CONTENT_TYPES:
        raise Http404
    return _download(sheet_template(fmt), CONTENT_TYPES[fmt], f"angebote-vorlage.{fmt}")


@workspace_view
def import_preview(request, pk):
    """What the import would do, and every problem by line and column; writes nothing."""
    check_perm(request, "interop.import_data")
    upload = import_upload_get(alliance=request.alliance, user=request.user, pk=pk)
    if upload is None:
        failure = import_upload_failure(alliance=request.alliance, user=request.user, pk=pk)
        if failure is not None:
            return _check_failed(request, failure)
        upload = _upload_or_404(request, pk)
    if upload.committed_at is not None:
        return redirect_manage("interop:manage-import-result", request.alliance, pk=upload.pk)
    if import_upload_pending(upload):
        return render(
            request, "interop/workspace/import_checking.html", {"upload": upload}, status=202
        )
    try:
        check = import_upload_check(upload=upload)
    except ImportBudgetExceeded as exc:
        import_upload_fail(upload=upload, limit=exc.limit, value=exc.value)
        return _check_failed(request, {"filename": upload.filename, "message": str(exc)})
    context = {
        "check": check,
        "lifetime_hours": int(UPLOAD_LIFETIME.total_seconds() // 3600),
        "checked_form": CheckedDateForm() if upload.kind == ImportUpload.Kind.SHEET else None,
    }
    return render(request, "interop/workspace/import_preview.html", context)


@require_POST
@workspace_view
def import_commit(request, pk):
    check_perm(request, "interop.import_data")
    upload = _upload_or_404(request, pk)
    checked_at = None
    if upload.kind == ImportUpload.Kind.SHEET:
        checked_form = CheckedDateForm(request.POST)
        if not checked_form.is_valid():
            for errors in checked_form.errors.values():
                messages.error(request, " ".join(errors))
            return redirect_manage("interop:manage-import-preview", request.alliance, pk=upload.pk)
        checked_at = checked_form.checked_at()
    try:
        import_upload_commit(
            upload=upload, strict=request.POST.get("mode") == "strict", checked_at=checked_at
        )
    except ImportRefused as exc:
        messages.error(request, str(exc))
        return redirect_manage("interop:manage-import-preview", request.alliance, pk=upload.pk)
    messages.success(request, _("The file was imported."))
    return redirect_manage("interop:manage-import-result", request.alliance, pk=upload.pk)


@workspace_view
def import_result(request, pk):
    check_perm(request, "interop.import_data")
    upload = _upload_or_404(request, pk)
    if upload.committed_at is None:
        return redirect_manage("interop:manage-import-preview", request.alliance, pk=upload.pk)
    check = import_upload_check(upload=upload)
    created = upload.result.get("created", {}).get("offer", [])
    new_offers = list(
        Offer.objects.for_alliance(request.alliance)
        .filter(pk__in=created)
        .only("pk", "name", "slug", "status")
        .order_by("name", "pk")[:MAX_LINKS]
    )
    context = {
        "check": check,
        "upload": upload,
        "new_offers": new_offers,
        "more_offers": max(0, len(created) - len(new_offers)),
        "drafts": any(offer.status != "published" for offer in new_offers),
    }
    return render(request, "interop/workspace/import_result.html", context)


def _hsds_json(alliance) -> bytes:
    """One JSON list of HSDS objects (taxonomies, organizations, locations, services) that
    the HSDS import reads back; events are only in the ZIP (an extension of HSDS)."""
    documents = json_documents(export_tables(alliance=alliance))
    folders = ("taxonomies", "taxonomy_terms", "organizations", "locations", "services")
    objects = [document for folder in folders for document in documents[folder]]
    return json.dumps(objects, ensure_ascii=False, indent=1).encode("utf-8")


def _hsds_zip(fmt: str):
    """The public HSDS ZIP of the alliance: the same file the open-data page offers."""
    return lambda alliance: hsds_zip_path(alliance=alliance, fmt=fmt)


EXPORTS = {
    # file name → (content type, builder(alliance) -> bytes, or the Path of a built file)
    "angebote.xlsx": (CONTENT_TYPES["xlsx"], lambda a: sheet_export(alliance=a, fmt="xlsx")),
    "angebote.csv": (CONTENT_TYPES["csv"], lambda a: sheet_export(alliance=a, fmt="csv")),
    "hsds.json": ("application/json", _hsds_json),
    "hsds-json.zip": ("application/zip", _hsds_zip("json")),
    "hsds-csv.zip": ("application/zip", _hsds_zip("csv")),
}


@workspace_view
def export_page(request):
    check_perm(request, "interop.export_data")
    return render(request, "interop/workspace/export.html", {"exports": list(EXPORTS)})


@workspace_view
def export_download(request, filename: str):
    check_perm(request, "interop.export_data")
    if filename not in EXPORTS:
        raise Http404
    content_type, build = EXPORTS[filename]
    return _download(build(request.alliance), content_type, f"{request.alliance.slug}-{filename}")
