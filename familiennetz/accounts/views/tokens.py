"""The user's API tokens for the write side of the JSON API (docs/dev/api.md)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from familiennetz.accounts.two_factor import two_factor_redirect

from .. import services
from ..forms import ApiTokenForm
from ..models import ApiToken


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def token_list(request):
    """List the tokens and create one; a new token is shown in this answer only."""
    if (response := two_factor_redirect(request)) is not None:
        return response
    user = request.user
    form = ApiTokenForm(request.POST or None, alliances=services.api_token_alliances(user=user))
    created = None
    if request.method == "POST" and form.is_valid():
        token, raw = services.api_token_create(
            user=user,
            name=form.cleaned_data["name"],
            alliance=form.cleaned_data["alliance"],
            valid_days=form.cleaned_data["valid_days"],
        )
        created = {"token": token, "raw": raw}
        form = ApiTokenForm(alliances=services.api_token_alliances(user=user))
    tokens = ApiToken.objects.filter(user=user).select_related("alliance")
    return render(
        request,
        "accounts/api_tokens.html",
        {"form": form, "tokens": tokens, "created": created},
        status=201 if created else 200,
    )


@login_required
@require_POST
def token_revoke(request, pk: int):
    if (response := two_factor_redirect(request)) is not None:
        return response
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    services.api_token_revoke(token=token)
    messages.success(request, _("The token “%(name)s” was revoked.") % {"name": token.name})
    return redirect("accounts:api-tokens")
