"""When a user must set up or confirm two-factor authentication before going on."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django_otp import user_has_device

from familiennetz.alliances.config import alliance_config
from familiennetz.alliances.predicates import SENSITIVE_ROLES, access_of


def two_factor_redirect(request, alliance=None):
    """Where a logged-in user must go before using the workspace (None: nowhere)."""
    user = request.user
    verified = getattr(user, "is_verified", lambda: False)()
    if user_has_device(user):
        if not verified:
            return redirect_to_login(request.get_full_path(), reverse("accounts:two-factor-verify"))
        return None
    if alliance is not None and alliance_config(alliance).require_two_factor:
        access = access_of(user)
        if user.is_superuser or access.role(alliance.pk) in SENSITIVE_ROLES:
            return redirect_to_login(request.get_full_path(), reverse("accounts:two-factor-setup"))
    return None
