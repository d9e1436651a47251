"""Importing boundaries and indicator tables: upload with options → check with a report →
import all or nothing (only the uploader sees the upload)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from familiennetz.workspace.access import check_perm, redirect_manage, workspace_view

from .. import services
from ..forms import DistrictImportForm, IndicatorImportForm
from ..models import DataImport
from ..report import LEVEL_LABELS, Report

IMPORT = "socialspace.import_data"


@workspace_view
def import_start(request):
    check_perm(request, IMPORT)
    alliance = request.alliance
    district_form = DistrictImportForm(prefix="gebiete")
    indicator_form = IndicatorImportForm(prefix="werte")
    if request.method == "POST":
        kind = request.POST.get("art")
        if kind == "gebiete":
            district_form = DistrictImportForm(request.POST, request.FILES, prefix="gebiete")
            form, data_kind = district_form, DataImport.Kind.DISTRICTS
        else:
            indicator_form = IndicatorImportForm(request.POST, request.FILES, prefix="werte")
            form, data_kind = indicator_form, DataImport.Kind.INDICATORS
        if form.is_valid():
            file = form.cleaned_data["file"]
            upload = services.data_import_create(
                alliance=alliance,
                user=request.user,
                kind=data_kind,
                filename=file.name,
                data=file.read(),
                options=form.options(),
            )
            return redirect_manage("socialspace:manage-dataimport-check", alliance, pk=upload.pk)
    return render(
        request,
        "socialspace/workspace/import_start.html",
        {
            "district_form": district_form,
            "indicator_form": indicator_form,
            "open": request.POST.get("art", ""),
        },
    )


def _upload_or_404(request, pk) -> DataImport:
    upload = (
        DataImport.objects.for_alliance(request.alliance)
        .usable_by(request.user)
        .filter(pk=pk)
        .first()
    )
    if upload is None:
        raise Http404(_("This upload does not exist or has expired."))
    return upload


@workspace_view
def import_check(request, pk):
    check_perm(request, IMPORT)
    upload = _upload_or_404(request, pk)
    report = Report.from_dict(upload.report)
    issues = [
        {
            "level": i.level,
            "label": LEVEL_LABELS.get(i.level, i.level),
            "where": i.where,
            "message": i.message,
        }
        for i in report.issues
    ]
    return render(
        request,
        "socialspace/workspace/import_check.html",
        {
            "upload": upload,
            "report": report,
            "issues": issues,
            "error_count": len(report.errors),
            "result": upload.report.get("result"),
        },
    )


@workspace_view
def import_commit(request, pk):
    check_perm(request, IMPORT)
    upload = _upload_or_404(request, pk)
    if request.method != "POST":
        return redirect_manage("socialspace:manage-dataimport-check", request.alliance, pk=pk)
    try:
        services.data_import_commit(upload=upload)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The file was imported."))
    return redirect_manage("socialspace:manage-dataimport-check", request.alliance, pk=pk)
