"""Django admin: foreign identifiers (read-only) and, until the workspace exists, a page to
check and import a spreadsheet (two steps: check, then import the same file again)."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from familiennetz.alliances.models import Alliance
from familiennetz.directory.models import Status

from .geocoding import get_geocoder
from .models import ExternalId
from .sheets import CONTENT_TYPES, sheet_commit, sheet_parse, sheet_template

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class SheetImportForm(forms.Form):
    alliance = forms.ModelChoiceField(
        queryset=Alliance.objects.order_by("name"), label=_("Network")
    )
    file = forms.FileField(label=_("CSV or Excel file (.csv, .xlsx)"))
    publish = forms.BooleanField(
        label=_("Publish rows without a status (otherwise they become drafts)"), required=False
    )
    save = forms.BooleanField(
        label=_("Save now (only if the check finds no errors)"), required=False
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        return upload


@admin.register(ExternalId)
class ExternalIdAdmin(admin.ModelAdmin):
    list_display = ["value", "scheme", "kind", "object_id", "alliance"]
    list_filter = ["scheme", "kind", "alliance"]
    search_fields = ["value"]
    change_list_template = "admin/interop/externalid/change_list.html"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path(
                "tabelle-importieren/",
                self.admin_site.admin_view(self.import_sheet_view),
                name="interop_import_sheet",
            ),
            path(
                "vorlage.xlsx",
                self.admin_site.admin_view(self.template_view),
                name="interop_sheet_template",
            ),
            *super().get_urls(),
        ]

    def _check_permission(self, request):
        if not request.user.has_perm("directory.add_offer"):
            raise PermissionDenied

    def template_view(self, request):
        self._check_permission(request)
        response = HttpResponse(sheet_template("xlsx"), content_type=CONTENT_TYPES["xlsx"])
        response["Content-Disposition"] = 'attachment; filename="angebote-vorlage.xlsx"'
        return response

    def import_sheet_view(self, request):
        self._check_permission(request)
        result = None
        form = SheetImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            result = sheet_parse(
                alliance=form.cleaned_data["alliance"],
                data=upload.read(),
                filename=upload.name,
                geocoder=get_geocoder(),
                default_status=Status.PUBLISHED if form.cleaned_data["publish"] else Status.DRAFT,
            )
            if form.cleaned_data["save"] and result.can_commit:
                sheet_commit(result)
                messages.success(request, _("The file was imported."))
            elif form.cleaned_data["save"]:
                messages.error(request, _("Nothing was saved: the file has errors."))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import offers from a spreadsheet"),
            "form": form,
            "result": result,
            "template_url": reverse("admin:interop_sheet_template"),
            "opts": self.model._meta,
        }
        return render(request, "admin/interop/import_sheet.html", context)
