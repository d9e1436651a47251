from django.contrib import admin

from .models import Alliance


@admin.register(Alliance)
class AllianceAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "region", "is_demo", "is_active"]
    list_filter = ["is_active", "is_demo"]
    search_fields = ["name", "slug", "region"]
    prepopulated_fields = {"slug": ["name"]}
