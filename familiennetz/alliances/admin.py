from django.contrib import admin

from .models import Alliance, Membership, StateOffice


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "alliance"
    extra = 0
    autocomplete_fields = ["user", "organisations"]
    fields = ["user", "role", "organisations"]


@admin.register(Alliance)
class AllianceAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "region", "is_demo", "is_active"]
    list_filter = ["is_active", "is_demo"]
    search_fields = ["name", "slug", "region"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "alliance", "role"]
    list_filter = ["alliance", "role"]
    search_fields = ["user__email", "user__last_name", "alliance__name"]
    autocomplete_fields = ["user", "organisations", "invited_by"]


@admin.register(StateOffice)
class StateOfficeAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name"]
    filter_horizontal = ["alliances"]
    autocomplete_fields = ["members"]
