"""Access to the workspace (/manage/<alliance>/…): access, 2FA, object lookup.

Every workspace view is wrapped in ``workspace_view``: anonymous visitors go to the login page
(302), users without a role in the alliance get a 404 (another alliance's workspace does not
exist for them), users whose alliance requires two-factor authentication set it up first.
Inside, ``entry_or_404`` reads rows through ``visible_to(user)`` and ``check_perm`` answers 403.
"""

from __future__ import annotations

import functools

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from familiennetz.accounts.two_factor import two_factor_redirect


def workspace_view(view):
    """Login, membership in ``request.alliance`` and two-factor checks for a workspace view."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        alliance = request.alliance
        if alliance is None or not request.user.has_perm("alliances.view_workspace", alliance):
            raise Http404(_("There is no workspace with this name for you."))
        if (response := two_factor_redirect(request, alliance)) is not None:
            return response
        return view(request, *args, **kwargs)

    wrapper.is_workspace_view = True  # type: ignore[attr-defined]
    return wrapper


def check_perm(request, perm: str, obj=None) -> None:
    """403 unless the user has ``perm`` (on ``obj``, by default the alliance)."""
    if not request.user.has_perm(perm, request.alliance if obj is None else obj):
        raise PermissionDenied(_("You are not allowed to do this."))


def entry_or_404(request, queryset, **lookup):
    """One row of the current alliance that the user may see; 404 otherwise."""
    obj = queryset.for_alliance(request.alliance).visible_to(request.user).filter(**lookup).first()
    if obj is None:
        raise Http404(_("This entry does not exist or is not yours to see."))
    return obj


def manage_url(name: str, alliance, **kwargs) -> str:
    return reverse(name, kwargs={"alliance_slug": alliance.slug, **kwargs})


def redirect_manage(name: str, alliance, **kwargs):
    return redirect(manage_url(name, alliance, **kwargs))
