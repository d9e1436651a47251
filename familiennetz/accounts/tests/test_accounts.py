"""Login with lockout, two-factor authentication, invitations, personal data rights."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import PASSWORD
from familiennetz.accounts.models import User
from familiennetz.accounts.services import invitation_create
from familiennetz.alliances.models import Membership

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/anmelden/"


@pytest.fixture(autouse=True)
def clean_state():
    cache.clear()
    yield
    cache.clear()


def login(client, email, password=PASSWORD, **extra):
    return client.post(LOGIN, {"username": email, "password": password, **extra})


def dashboard(alliance):
    return reverse("workspace:manage-dashboard", kwargs={"alliance_slug": alliance.slug})


def test_coordinator_logs_in_with_email_and_password(client, coordinator):
    response = login(client, coordinator.user.email)
    assert response.status_code == 302
    assert client.get(dashboard(coordinator.alliance)).status_code == 200


def test_wrong_password_shows_an_error_and_keeps_the_email(client, coordinator):
    response = login(client, coordinator.user.email, "falsch")
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert f'value="{coordinator.user.email}"' in response.content.decode()


def test_login_is_locked_after_five_failures(client, coordinator):
    for _i in range(5):
        login(client, coordinator.user.email, "falsch")
    response = login(client, coordinator.user.email)  # even the right password now
    assert response.status_code == 429
    assert client.get(dashboard(coordinator.alliance)).status_code == 302


def test_two_factor_setup_and_login(client, coordinator):
    client.force_login(coordinator.user)
    setup = reverse("accounts:two-factor-setup")
    client.get(setup)
    device = TOTPDevice.objects.get(user=coordinator.user)
    assert not device.confirmed
    response = client.post(setup, {"token": "000000"})
    assert response.status_code == 200 and response.context["form"].errors
    device.refresh_from_db()
    device.throttle_reset()  # a wrong code slows down the next attempt
    response = client.post(setup, {"token": f"{totp(device.bin_key):06d}"})
    assert len(response.context["codes"]) == 10
    client.logout()
    response = login(client, coordinator.user.email)
    assert reverse("accounts:two-factor-verify") in response["Location"]
    # Without the second step the workspace stays closed.
    assert (
        reverse("accounts:two-factor-verify")
        in client.get(dashboard(coordinator.alliance))["Location"]
    )
    device.refresh_from_db()
    device.last_t = -1
    device.save()
    client.post(reverse("accounts:two-factor-verify"), {"token": f"{totp(device.bin_key):06d}"})
    assert client.get(dashboard(coordinator.alliance)).status_code == 200


def test_alliance_can_require_two_factor_for_sensitive_roles(client, coordinator, viewer):
    coordinator.alliance.settings = {"require_two_factor": True}
    coordinator.alliance.save()
    client.force_login(coordinator.user)
    response = client.get(dashboard(coordinator.alliance))
    assert reverse("accounts:two-factor-setup") in response["Location"]
    client.force_login(viewer.user)  # viewers see no personal data
    assert client.get(dashboard(viewer.alliance)).status_code == 200


def test_invitation_creates_an_account_with_the_role(
    client, coordinator, provider_organisation, committed
):
    client.force_login(coordinator.user)
    with committed():
        client.post(
            reverse(
                "workspace:manage-member-list", kwargs={"alliance_slug": coordinator.alliance.slug}
            ),
            {
                "email": "kita@example.org",
                "role": "provider",
                "organisations": [provider_organisation.pk],
            },
        )
    message = mail.outbox[-1]
    assert message.to == ["kita@example.org"]
    link = re.search(r"http://\S+/einladung/\S+/", message.body).group(0).split("localhost:8000")[1]
    client.logout()
    form_page = client.get(link)
    assert form_page.status_code == 200
    response = client.post(
        link,
        {
            "first_name": "Katrin",
            "last_name": "Kita",
            "preferred_language": "de",
            "password1": "ein-sehr-gutes-passwort-2026",
            "password2": "ein-sehr-gutes-passwort-2026",
        },
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user__email="kita@example.org")
    assert membership.role == "provider"
    assert list(membership.organisations.all()) == [provider_organisation]
    assert client.get(link).status_code == 404  # used up


def test_invitation_for_an_existing_user_asks_to_log_in(
    client, coordinator, viewer, other_alliance
):
    _invitation, token = invitation_create(
        alliance=other_alliance, email=viewer.user.email, role="viewer", invited_by=None
    )
    link = reverse("accounts:invitation-accept", kwargs={"token": token})
    assert reverse("accounts:login") in client.get(link)["Location"]
    client.force_login(viewer.user)
    client.post(link)
    assert Membership.objects.filter(user=viewer.user, alliance=other_alliance).exists()


def test_bad_invitation_token_is_404(client):
    assert (
        client.get(reverse("accounts:invitation-accept", kwargs={"token": "nope"})).status_code
        == 404
    )


def test_password_reset_sends_a_link(client, coordinator):
    client.post(reverse("accounts:password-reset"), {"email": coordinator.user.email})
    assert "/accounts/passwort/neu/" in mail.outbox[0].body
    client.post(reverse("accounts:password-reset"), {"email": "unbekannt@example.org"})
    assert len(mail.outbox) == 1  # nothing reveals whether an address has an account


def test_user_downloads_own_data(client, provider):
    client.force_login(provider.user)
    response = client.get(reverse("accounts:data-export"))
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["account"]["email"] == provider.user.email
    assert data["memberships"][0]["organisations"] == [provider.organisation.name]


def test_user_deletes_own_account(client, provider):
    client.force_login(provider.user)
    response = client.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(email=provider.user.email).exists()


def test_last_coordinator_cannot_delete_the_account(client, coordinator):
    client.force_login(coordinator.user)
    response = client.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert response.status_code == 200
    assert response.context["blockers"]
    assert User.objects.filter(pk=coordinator.user.pk).exists()


def test_session_ends_after_the_absolute_lifetime(client, coordinator, settings):
    settings.SESSION_MAX_AGE = 60
    client.force_login(coordinator.user)
    session = client.session
    session["familiennetz_login_at"] = 0
    session.save()
    assert client.get(dashboard(coordinator.alliance)).status_code == 302


def test_retention_task_removes_old_invitations_and_login_failures(coordinator):
    import datetime as dt

    from axes.models import AccessAttempt
    from django.utils import timezone

    from familiennetz.accounts.models import Invitation
    from familiennetz.accounts.tasks import purge_personal_data

    old, _token = invitation_create(
        alliance=coordinator.alliance, email="alt@example.org", role="viewer", invited_by=None
    )
    Invitation.objects.filter(pk=old.pk).update(expires_at=timezone.now() - dt.timedelta(days=100))
    fresh, _token = invitation_create(
        alliance=coordinator.alliance, email="neu@example.org", role="viewer", invited_by=None
    )
    attempt = AccessAttempt.objects.create(
        username="x@example.org", ip_address="192.0.2.1", user_agent="", failures_since_start=1
    )
    AccessAttempt.objects.filter(pk=attempt.pk).update(
        attempt_time=timezone.now() - dt.timedelta(days=31)
    )
    result = purge_personal_data.enqueue().return_value
    assert result["invitations"] == 1 and result["login_failures"] == 1
    assert list(Invitation.objects.all()) == [fresh]


def test_account_page_lists_a_providers_organisations_in_every_network(client, provider):
    client.force_login(provider.user)
    page = client.get(reverse("accounts:profile"))
    assert page.status_code == 200
    assert "Kita Sonnenschein" in page.content.decode()
