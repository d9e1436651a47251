"""Accounts: invitations, personal data export and account deletion."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from familiennetz.alliances.models import Alliance, Membership, Role
from familiennetz.alliances.predicates import access_of, forget_access
from familiennetz.alliances.scopes import all_alliances
from familiennetz.core.mail import absolute_url, send_templated_mail

from .models import ApiToken, Invitation, User
from .personal_data import exports, run_retention


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_url(token: str) -> str:
    return reverse("accounts:invitation-accept", kwargs={"token": token})


@transaction.atomic
def invitation_create(
    *, alliance, email: str, role: str, organisations=(), invited_by: User | None
) -> tuple[Invitation, str]:
    """Create an invitation and e-mail its link; returns the invitation and the raw token."""
    if role not in Role.values:
        raise ValidationError({"role": _("Unknown role.")})
    if role == Role.PROVIDER and not organisations:
        raise ValidationError(
            {"organisations": _("A provider editor needs at least one organisation.")}
        )
    email = User.objects.normalize_email(email).strip()
    if Membership.objects.filter(alliance=alliance, user__email__iexact=email).exists():
        raise ValidationError({"email": _("This person is already a member of the network.")})
    # A new invitation replaces open ones for the same address.
    Invitation.objects.open().filter(alliance=alliance, email__iexact=email).update(
        revoked_at=timezone.now()
    )
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        alliance=alliance,
        email=email,
        role=role,
        token_hash=_hash(token),
        invited_by=invited_by,
        expires_at=timezone.now() + dt.timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    invitation.organisations.set(organisations if role == Role.PROVIDER else [])
    url = absolute_url(invitation_url(token))
    transaction.on_commit(
        lambda: send_templated_mail(
            template="accounts/emails/invitation",
            to=[email],
            context={
                "invitation": invitation,
                "url": url,
                "role": Role(role).label,
                "inviter": invited_by,
                "organisations": list(invitation.organisations.all()),
            },
            language=getattr(invited_by, "preferred_language", "de"),
        )
    )
    return invitation, token


def invitation_get_by_token(token: str) -> Invitation | None:
    """The open invitation for ``token`` (None if unknown, used, revoked or expired)."""
    invitation = (
        Invitation.objects.filter(token_hash=_hash(token)).select_related("alliance").first()
    )
    if invitation is None or not invitation.is_open:
        return None
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> Membership:
    """Give ``user`` the invited role (an existing membership is upgraded, never narrowed)."""
    if not invitation.is_open:
        raise ValidationError(_("This invitation is no longer valid."))
    membership, created = Membership.objects.get_or_create(
        user=user,
        alliance=invitation.alliance,
        defaults={"role": invitation.role, "invited_by": invitation.invited_by},
    )
    if not created and membership.role == Role.PROVIDER and invitation.role != Role.PROVIDER:
        membership.role = invitation.role
        membership.save(update_fields=["role", "updated_at"])
    if membership.role == Role.PROVIDER:
        membership.organisations.add(*invitation.organisations.all())
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    forget_access(user)
    return membership


@transaction.atomic
def user_register_from_invitation(
    *, invitation: Invitation, first_name: str, last_name: str, password: str, language: str
) -> User:
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(_("An account with this e-mail address exists already: log in."))
    user = User.objects.create_user(
        email=invitation.email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        preferred_language=language,
    )
    invitation_accept(invitation=invitation, user=user)
    return user


@transaction.atomic
def invitation_revoke(*, invitation: Invitation) -> Invitation:
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    return invitation


def invitations_purge(*, now: dt.datetime | None = None, days: int = 90) -> int:
    """Delete invitations (and so the invited addresses) ``days`` after they ended."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=days)
    deleted, _detail = (
        Invitation.objects.filter(expires_at__lt=cutoff)
        .exclude(accepted_at__gte=cutoff)
        .exclude(revoked_at__gte=cutoff)
        .delete()
    )
    return deleted


# --- API tokens (docs/adr/0201-api-tokens.md) ---------------------------------------------------

API_TOKEN_PREFIX = "fn_"
API_TOKEN_VALID_DAYS = (30, 90, 365)
# How often last_used_at is written (not on every request).
API_TOKEN_TOUCH_SECONDS = 60


def api_token_alliances(*, user: User):
    """The networks a token of ``user`` may be limited to: those where the user has a role."""

    alliances = Alliance.objects.active().order_by("name")
    if user.is_superuser:
        return alliances
    return alliances.filter(pk__in=access_of(user).alliance_ids())


@transaction.atomic
def api_token_create(
    *, user: User, name: str, valid_days: int, alliance=None
) -> tuple[ApiToken, str]:
    """A new token for ``user``; returns it and the plain token (shown once, never stored)."""
    if valid_days not in API_TOKEN_VALID_DAYS:
        raise ValidationError({"valid_days": _("Choose one of the offered periods.")})
    if alliance is not None and not api_token_alliances(user=user).filter(pk=alliance.pk).exists():
        raise ValidationError({"alliance": _("You have no role in this network.")})
    raw = API_TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        alliance=alliance,
        name=name.strip(),
        prefix=raw[: len(API_TOKEN_PREFIX) + 6],
        token_hash=_hash(raw),
        expires_at=timezone.now() + dt.timedelta(days=valid_days),
    )
    return token, raw


@transaction.atomic
def api_token_revoke(*, token: ApiToken) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def api_token_authenticate(raw: str) -> ApiToken | None:
    """The usable token for ``raw`` (None if unknown, revoked, expired, of a deactivated user,
    or limited to a network in which the user no longer has a role)."""

    if not raw or not raw.startswith(API_TOKEN_PREFIX) or len(raw) > 100:
        return None
    token = (
        ApiToken.objects.usable()
        .filter(token_hash=_hash(raw))
        .select_related("user", "alliance")
        .first()
    )
    if token is None:
        return None
    if token.alliance_id is not None and (
        not token.alliance.is_active or not access_of(token.user).can_enter(token.alliance_id)
    ):
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > (
        API_TOKEN_TOUCH_SECONDS
    ):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


# --- personal data rights ---------------------------------------------------------------------


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def user_export_data(*, user: User) -> dict:
    """Everything stored about ``user`` (Art. 15/20 GDPR), as JSON-ready data: from every
    alliance the user belongs to."""
    with all_alliances():
        return _user_export_data(user=user)


def _user_export_data(*, user: User) -> dict:
    from django_otp import devices_for_user

    memberships = Membership.objects.filter(user=user).select_related("alliance")
    return {
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "preferred_language": user.preferred_language,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
            "is_instance_administrator": user.is_superuser,
        },
        "memberships": [
            {
                "alliance": m.alliance.name,
                "role": m.get_role_display(),
                "organisations": [o.name for o in m.organisations.all()],
                "since": _iso(m.created_at),
            }
            for m in memberships
        ],
        "state_offices": [office.name for office in user.state_offices.all()],
        "two_factor_devices": [
            {"type": device.__class__.__name__, "name": device.name}
            for device in devices_for_user(user, confirmed=None)
        ],
        "invitations_sent": [
            {"email": i.email, "alliance": i.alliance.name, "created_at": _iso(i.created_at)}
            for i in user.invitations_sent.select_related("alliance")
        ],
        **{export.key: export.rows(user) for export in exports()},
        "api_tokens": [
            {
                "name": t.name,
                "beginning": t.prefix,
                "network": t.alliance.name if t.alliance else None,
                "created_at": _iso(t.created_at),
                "last_used_at": _iso(t.last_used_at),
                "expires_at": _iso(t.expires_at),
                "revoked_at": _iso(t.revoked_at),
            }
            for t in user.api_tokens.select_related("alliance")
        ],
        "exported_at": timezone.now().isoformat(),
    }


def user_deletion_blockers(*, user: User) -> list[str]:
    """Reasons why the account cannot be deleted yet (the last coordinator of a network)."""
    blockers = []
    for membership in Membership.objects.filter(user=user, role=Role.COORDINATOR).select_related(
        "alliance"
    ):
        others = (
            Membership.objects.filter(alliance=membership.alliance, role=Role.COORDINATOR)
            .exclude(user=user)
            .filter(user__is_active=True)
        )
        if not others.exists():
            blockers.append(
                _("You are the only coordinator of %(alliance)s: hand the role over first.")
                % {"alliance": membership.alliance.name}
            )
    return blockers


@transaction.atomic
def user_delete(*, user: User) -> None:
    """Delete the account. Memberships and 2FA devices go with it; history entries and review
    items keep their content but no longer name the person (SET_NULL)."""
    if blockers := user_deletion_blockers(user=user):
        raise ValidationError(blockers)
    from django_otp import devices_for_user

    for device in devices_for_user(user, confirmed=None):
        device.delete()
    user.delete()


def personal_data_purge(*, dry_run: bool = False) -> dict[str, int]:
    """The daily retention run: what the apps registered (registrations, contacts left with
    suggestions and reports, expired import uploads, …) plus the accounts' own: ended
    invitations and login-failure records older than 30 days."""
    from axes.models import AccessAttempt

    counts = run_retention(dry_run=dry_run)
    attempts = AccessAttempt.objects.filter(attempt_time__lt=timezone.now() - dt.timedelta(days=30))
    if dry_run:
        counts.update(invitations=0, login_failures=attempts.count())
    else:
        counts.update(invitations=invitations_purge(), login_failures=attempts.delete()[0])
    return counts
