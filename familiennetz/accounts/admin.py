from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import ApiToken, Invitation, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_staff", "is_active", "last_login"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal info"), {"fields": ["first_name", "last_name", "preferred_language"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "alliance", "role", "created_at", "expires_at", "accepted_at"]
    list_filter = ["alliance", "role"]
    search_fields = ["email"]
    readonly_fields = ["token_hash", "created_at", "accepted_at", "accepted_by", "revoked_at"]
    autocomplete_fields = ["organisations", "invited_by"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Administrators can see and revoke tokens (set "revoked at"), never read them."""

    list_display = [
        "name",
        "user",
        "prefix",
        "alliance",
        "created_at",
        "last_used_at",
        "expires_at",
    ]
    list_filter = ["alliance"]
    search_fields = ["name", "user__email", "prefix"]
    readonly_fields = ["user", "prefix", "token_hash", "created_at", "last_used_at"]
    fields = [
        *("user", "name", "alliance", "prefix"),
        *("created_at", "last_used_at", "expires_at", "revoked_at"),
    ]

    def has_add_permission(self, request) -> bool:
        return False
