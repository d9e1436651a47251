from django.contrib import admin

from .models import ChangeRequest


@admin.register(ChangeRequest)
class ChangeRequestAdmin(admin.ModelAdmin):
    """Read-only overview for instance administrators; decisions are made in the workspace."""

    list_display = ["__str__", "alliance", "kind", "state", "created_at", "decided_at"]
    list_filter = ["alliance", "kind", "state"]
    search_fields = ["message"]
    readonly_fields = [f.name for f in ChangeRequest._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
