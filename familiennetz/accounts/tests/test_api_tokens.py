"""Personal API tokens: created on the account page and shown once, stored as a hash,
revocable, expiring, dead with a deactivated user or a removed membership, never logged."""

import datetime as dt
import hashlib
import json
import logging

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from django.views.debug import ExceptionReporter

from familiennetz.accounts.models import ApiToken
from familiennetz.accounts.services import api_token_create
from familiennetz.alliances.models import Membership

URL = "/api/v1/hainichen/organisations"


def write(client, raw: str, name: str = "Verein Spielmobil"):
    return client.post(
        URL,
        json.dumps({"name": name}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )


def test_token_page_shows_a_new_token_once_and_stores_its_hash(client, coordinator):
    client.force_login(coordinator.user)
    page = client.post(
        reverse("accounts:api-tokens"),
        {"name": "Kita-Software", "alliance": coordinator.alliance.pk, "valid_days": 90},
    )
    assert page.status_code == 201
    raw = page.context["created"]["raw"]
    assert raw.startswith("fn_") and len(raw) > 40
    assert raw in page.content.decode()
    assert page["Cache-Control"].startswith("max-age=0")
    token = ApiToken.objects.get(user=coordinator.user)
    assert token.token_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert raw not in {token.name, token.prefix, token.token_hash}
    assert token.alliance == coordinator.alliance
    assert dt.timedelta(days=89) < token.expires_at - timezone.now() <= dt.timedelta(days=90)
    again = client.get(reverse("accounts:api-tokens"))
    assert raw not in again.content.decode()
    assert token.prefix in again.content.decode()
    assert write(client, raw).status_code == 201


def test_token_form_errors_name_the_field(client, coordinator):
    client.force_login(coordinator.user)
    page = client.post(reverse("accounts:api-tokens"), {"name": "", "valid_days": 90})
    assert page.status_code == 200
    assert "name" in page.context["form"].errors
    assert not ApiToken.objects.exists()


def test_network_choices_are_the_users_networks(client, coordinator, other_alliance):
    client.force_login(coordinator.user)
    page = client.post(
        reverse("accounts:api-tokens"),
        {"name": "Fremd", "alliance": other_alliance.pk, "valid_days": 30},
    )
    assert "alliance" in page.context["form"].errors
    assert not ApiToken.objects.exists()


def test_revoked_token_stops_working(client, coordinator):
    token, raw = api_token_create(user=coordinator.user, name="Alt", valid_days=30)
    client.force_login(coordinator.user)
    response = client.post(reverse("accounts:api-token-revoke", kwargs={"pk": token.pk}))
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    client.logout()
    assert write(client, raw).status_code == 401


def test_nobody_else_can_revoke_a_token(client, coordinator, provider):
    token, _raw = api_token_create(user=coordinator.user, name="Meins", valid_days=30)
    client.force_login(provider.user)
    response = client.post(reverse("accounts:api-token-revoke", kwargs={"pk": token.pk}))
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_expired_token_is_401(client, coordinator):
    token, raw = api_token_create(user=coordinator.user, name="Alt", valid_days=30)
    token.expires_at = timezone.now() - dt.timedelta(seconds=1)
    token.save()
    assert write(client, raw).status_code == 401


def test_token_of_a_deactivated_user_is_401(client, coordinator):
    _token, raw = api_token_create(user=coordinator.user, name="Alt", valid_days=30)
    coordinator.user.is_active = False
    coordinator.user.save()
    assert write(client, raw).status_code == 401


def test_removed_membership_ends_the_tokens_rights(client, coordinator):
    _scoped, scoped_raw = api_token_create(
        user=coordinator.user, name="Nur Hainichen", valid_days=30, alliance=coordinator.alliance
    )
    _token, raw = api_token_create(user=coordinator.user, name="Alle", valid_days=30)
    Membership.objects.filter(user=coordinator.user).delete()
    assert write(client, scoped_raw).status_code == 401
    assert write(client, raw).status_code == 404  # like the workspace: not yours


def test_last_use_is_recorded(client, coordinator):
    token, raw = api_token_create(user=coordinator.user, name="Neu", valid_days=30)
    assert token.last_used_at is None
    write(client, raw)
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_token_page_needs_login(client):
    response = client.get(reverse("accounts:api-tokens"))
    assert response.status_code == 302


@pytest.mark.parametrize("header", ["Bearer fn_geheim123", "Basic fn_geheim123", "fn_geheim123"])
def test_rejected_tokens_are_not_logged(client, alliance, caplog, header):
    caplog.set_level(logging.DEBUG)
    response = client.post(URL, "{}", content_type="application/json", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert "fn_geheim123" not in caplog.text


def test_error_reports_hide_the_token():
    request = RequestFactory().post(URL, HTTP_AUTHORIZATION="Bearer fn_geheim123")
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        report = ExceptionReporter(request, type(exc), exc, exc.__traceback__)
        text = report.get_traceback_text()
    assert "HTTP_AUTHORIZATION" in text
    assert "fn_geheim123" not in text


def test_data_export_lists_tokens_without_the_secret(client, coordinator):
    token, raw = api_token_create(user=coordinator.user, name="Kita-Software", valid_days=30)
    client.force_login(coordinator.user)
    export = client.get(reverse("accounts:data-export"))
    assert raw not in export.content.decode()
    assert token.token_hash not in export.content.decode()
    assert json.loads(export.content)["api_tokens"][0]["name"] == "Kita-Software"
