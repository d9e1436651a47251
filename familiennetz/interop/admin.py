"""Django admin: foreign identifiers (read-only). Coordinators import and export in the
workspace (/manage/<alliance>/daten/importieren/, interop/views/workspace.py)."""

from __future__ import annotations

from django.contrib import admin

from .models import ExternalId


@admin.register(ExternalId)
class ExternalIdAdmin(admin.ModelAdmin):
    list_display = ["value", "scheme", "kind", "object_id", "alliance"]
    list_filter = ["scheme", "kind", "alliance"]
    search_fields = ["value"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
