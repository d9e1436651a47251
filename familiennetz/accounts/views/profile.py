"""The user's own account: profile, two-factor authentication, data export, deletion."""

from __future__ import annotations

import base64
import json

import segno
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from familiennetz.alliances.scopes import all_alliances

from .. import sections, services
from ..forms import PasswordConfirmForm, ProfileForm, TokenForm
from .auth import _safe_next

BACKUP_CODES = 10


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    user = request.user
    form = ProfileForm(
        request.POST or None,
        initial={
            "first_name": user.first_name,
            "last_name": user.last_name,
            "preferred_language": user.preferred_language,
        },
    )
    if request.method == "POST" and form.is_valid():
        for name, value in form.cleaned_data.items():
            setattr(user, name, value)
        user.save(update_fields=["first_name", "last_name", "preferred_language"])
        messages.success(request, _("Your profile was saved."))
        return redirect("accounts:profile")
    with all_alliances():  # the user's own roles, in every network
        memberships = list(
            user.memberships.select_related("alliance").prefetch_related("organisations")
        )
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "memberships": memberships,
            "state_offices": user.state_offices.prefetch_related("alliances"),
            "has_two_factor": user_has_device(user),
            "backup_codes_left": StaticToken.objects.filter(
                device__user=user, device__confirmed=True
            ).count(),
            "is_verified": user.is_verified(),
            "sections": sections.for_request(request),
        },
    )


@login_required
def data_export(request):
    data = services.user_export_data(user=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="familiennetz-meine-daten-{timezone.localdate():%Y-%m-%d}.json"'
    )
    return response


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request):
    user = request.user
    blockers = services.user_deletion_blockers(user=user)
    form = PasswordConfirmForm(request.POST or None, user=user)
    if request.method == "POST" and not blockers and form.is_valid():
        try:
            services.user_delete(user=user)
        except ValidationError as exc:
            blockers = exc.messages
        else:
            logout(request)
            messages.success(request, _("Your account was deleted."))
            return redirect("accounts:login")
    return render(request, "accounts/delete.html", {"form": form, "blockers": blockers})


# --- two-factor authentication ------------------------------------------------------------------


def _totp_secret(device: TOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode().rstrip("=")


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_setup(request):
    user = request.user
    if user_has_device(user) and not user.is_verified():
        return redirect(f"{reverse('accounts:two-factor-verify')}?next={request.path}")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save()
            TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
            backup = StaticDevice.objects.create(user=user, name=_("Backup codes"), confirmed=True)
            StaticDevice.objects.filter(user=user).exclude(pk=backup.pk).delete()
            codes = [StaticToken.random_token() for _i in range(BACKUP_CODES)]
            for code in codes:
                backup.token_set.create(token=code)
            otp_login(request, device)
            return render(
                request,
                "accounts/two_factor_done.html",
                {"codes": codes, "next": _safe_next(request, reverse("accounts:profile"))},
            )
        form.add_error("token", _("This code is not correct. Check the time on your phone."))
    qr = segno.make(device.config_url, error="m").svg_inline(scale=5, border=2, title="QR")
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_svg": qr,
            "secret": _totp_secret(device),
            "next": _safe_next(request, ""),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_verify(request):
    user = request.user
    next_url = _safe_next(request, reverse("workspace:manage-home"))
    if not user_has_device(user) or user.is_verified():
        return redirect(next_url)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["token"]
        for device in devices_for_user(user):
            if device.verify_is_allowed()[0] and device.verify_token(token):
                otp_login(request, device)
                return redirect(next_url)
        form.add_error("token", _("This code is not correct."))
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": next_url})


@login_required
@require_POST
def two_factor_disable(request):
    user = request.user
    form = PasswordConfirmForm(request.POST, user=user)
    if not user.is_verified():
        return redirect(
            f"{reverse('accounts:two-factor-verify')}?next={reverse('accounts:profile')}"
        )
    if form.is_valid():
        for device in devices_for_user(user, confirmed=None):
            device.delete()
        messages.success(request, _("Two-factor authentication is switched off."))
    else:
        messages.error(request, _("The password is not correct; nothing was changed."))
    return redirect("accounts:profile")
