"""Login (with the second factor), logout, password reset, invitations."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from familiennetz.alliances.scopes import narrow_request_scope
from familiennetz.core.ratelimit import RateLimit

from .. import services
from ..forms import InvitationRegisterForm, LoginForm
from ..models import User


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        from django_otp import user_has_device

        response = super().form_valid(form)
        if user_has_device(form.get_user()):
            verify = reverse("accounts:two-factor-verify")
            return redirect(f"{verify}?{urlencode({'next': self.get_success_url()})}")
        return response


class LogoutView(auth_views.LogoutView):
    http_method_names = ["post", "options"]


password_reset_limit = RateLimit(
    scope="password-reset", limit=5, window=3600
)  # per client and hour: no mail bombing through the reset form


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/emails/password_reset.txt"
    subject_template_name = "accounts/emails/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password-reset-done")

    def post(self, request, *args, **kwargs):
        if password_reset_limit.hit(request):
            return render(request, "accounts/ratelimited.html", status=429)
        return super().post(request, *args, **kwargs)

    def get_extra_email_context(self):
        return {"site_url": settings.SITE_URL}

    def form_valid(self, form):
        form.save(
            domain_override=settings.SITE_URL.split("://", 1)[-1],
            use_https=settings.SITE_URL.startswith("https"),
            subject_template_name=self.subject_template_name,
            email_template_name=self.email_template_name,
            from_email=settings.DEFAULT_FROM_EMAIL,
            request=self.request,
            extra_email_context=self.get_extra_email_context(),
        )
        return redirect(self.get_success_url())


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password-reset-complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        messages.success(self.request, _("Your password was changed."))
        return super().form_valid(form)


invitation_limit = RateLimit(scope="invitation", limit=20, window=3600)
INVALID_INVITATION = gettext_lazy(
    "This invitation link is not valid (any more). Ask the coordination of the network for a "
    "new invitation."
)


@require_http_methods(["GET", "POST"])
def invitation_accept(request, token: str):
    if request.method == "POST" and invitation_limit.hit(request):
        return render(request, "accounts/ratelimited.html", status=429)
    invitation = services.invitation_get_by_token(token)
    if invitation is not None:  # an invitation is to one network: work in its scope
        narrow_request_scope(invitation.alliance_id)
    if invitation is None:
        return render(
            request, "accounts/invitation_invalid.html", {"reason": INVALID_INVITATION}, status=404
        )
    dashboard = reverse(
        "workspace:manage-dashboard", kwargs={"alliance_slug": invitation.alliance.slug}
    )
    user = request.user
    if user.is_authenticated:
        if user.email.casefold() != invitation.email.casefold():
            return render(
                request,
                "accounts/invitation_invalid.html",
                {
                    "reason": _(
                        "This invitation is for another e-mail address. Log out and open the "
                        "link again."
                    )
                },
                status=403,
            )
        if request.method == "POST":
            services.invitation_accept(invitation=invitation, user=user)
            messages.success(
                request, _("Welcome to %(alliance)s.") % {"alliance": invitation.alliance.name}
            )
            return redirect(dashboard)
        return render(request, "accounts/invitation_accept.html", {"invitation": invitation})

    if User.objects.filter(email__iexact=invitation.email).exists():
        login_url = reverse("accounts:login")
        messages.info(request, _("You have an account already: log in to accept the invitation."))
        return redirect(f"{login_url}?next={request.path}")

    form = InvitationRegisterForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        user = services.user_register_from_invitation(
            invitation=invitation,
            first_name=form.cleaned_data["first_name"],
            last_name=form.cleaned_data["last_name"],
            password=form.cleaned_data["password1"],
            language=form.cleaned_data["preferred_language"],
        )
        auth_login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request, _("Welcome to %(alliance)s.") % {"alliance": invitation.alliance.name}
        )
        return redirect(dashboard)
    return render(
        request, "accounts/invitation_register.html", {"invitation": invitation, "form": form}
    )
