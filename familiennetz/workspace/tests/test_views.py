"""Dashboard, members, settings, participant lists and the admin pages of the new models."""

import csv
import io

import pytest
from django.urls import reverse

from familiennetz.alliances.config import alliance_config
from familiennetz.alliances.models import Membership
from familiennetz.events.tests.factories import EventFactory, OccurrenceFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def url(name, alliance, **kwargs):
    return reverse(name, kwargs={"alliance_slug": alliance.slug, **kwargs})


def test_workspace_is_available_in_english(client, coordinator):
    client.force_login(coordinator.user)
    response = client.get("/en" + url("workspace:manage-dashboard", coordinator.alliance))
    assert response.status_code == 200
    assert '<html lang="en" dir="ltr">' in response.content.decode()


def test_invitation_form_names_the_missing_organisation(client, coordinator):
    client.force_login(coordinator.user)
    response = client.post(
        url("workspace:manage-member-list", coordinator.alliance),
        {"email": "kita@example.org", "role": "provider"},
    )
    assert response.status_code == 200
    assert "organisations" in response.context["form"].errors
    assert 'value="kita@example.org"' in response.content.decode()


def test_inviting_a_member_twice_is_refused(client, coordinator, viewer):
    client.force_login(coordinator.user)
    response = client.post(
        url("workspace:manage-member-list", coordinator.alliance),
        {"email": viewer.user.email, "role": "viewer"},
    )
    assert response.status_code == 200
    assert "email" in response.context["form"].errors


def test_the_last_coordinator_cannot_be_demoted_or_removed(client, coordinator):
    client.force_login(coordinator.user)
    target = url(
        "workspace:manage-member-update", coordinator.alliance, pk=coordinator.membership.pk
    )
    response = client.post(target, {"role": "viewer"})
    assert response.status_code == 200 and response.context["form"].errors
    client.post(target, {"remove": "1"})
    assert Membership.objects.get(pk=coordinator.membership.pk).role == "coordinator"


def test_coordinator_changes_a_providers_organisations(client, coordinator, provider):
    from familiennetz.directory.tests.factories import OrganisationFactory

    second = OrganisationFactory(alliance=coordinator.alliance)
    client.force_login(coordinator.user)
    target = url("workspace:manage-member-update", coordinator.alliance, pk=provider.membership.pk)
    client.post(
        target, {"role": "provider", "organisations": [provider.organisation.pk, second.pk]}
    )
    assert set(provider.membership.organisations.all()) == {provider.organisation, second}


def test_settings_are_validated_and_saved(client, coordinator):
    client.force_login(coordinator.user)
    target = url("workspace:manage-settings", coordinator.alliance)
    data = {
        "review_cycle_days": "5",
        "publication_workflow": "direct",
        "second_reminder_after_days": "21",
        "escalation_after_days": "14",
        "grace_days": "30",
        "expired_action": "hide",
        "require_two_factor": "on",
    }
    response = client.post(target, data)
    assert "review_cycle_days" in response.context["form"].errors
    client.post(target, {**data, "review_cycle_days": "180"})
    coordinator.alliance.refresh_from_db()
    config = alliance_config(coordinator.alliance)
    assert config.review_cycle_days == 180 and config.hides_expired and config.require_two_factor
    assert not config.providers_need_review


def test_organiser_downloads_the_participant_list(client, provider):
    event = EventFactory(
        alliance=provider.alliance, organisation=provider.organisation, requires_registration=True
    )
    occurrence = OccurrenceFactory(event=event)
    RegistrationFactory(occurrence=occurrence, name="=Familie Muster", state="confirmed", adults=2)
    client.force_login(provider.user)
    page = client.get(
        url("events:manage-participant-list", provider.alliance, pk=event.pk)
        + f"?termin={occurrence.pk}"
    )
    assert "=Familie Muster" in page.content.decode()
    response = client.get(url("events:manage-participant-export", provider.alliance, pk=event.pk))
    assert response["Content-Type"].startswith("text/csv")
    assert response["Cache-Control"] == "private, no-store"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[1][4] == "'=Familie Muster"  # spreadsheet formulas neutralised


def test_provider_dashboard_shows_her_pending_changes_not_the_queue(client, provider):
    client.force_login(provider.user)
    response = client.get(url("workspace:manage-dashboard", provider.alliance))
    assert response.status_code == 200
    panels = [panel.key for panel, _context in response.context["panels"]]
    assert "review-mine" in panels
    assert "review-waiting" not in panels
    assert 'id="dash-mine"' in response.content.decode()


def test_instance_admin_sees_the_new_models_in_the_admin(client, instance_admin, coordinator):
    client.force_login(instance_admin.user)
    for name in [
        "admin:alliances_membership_changelist",
        "admin:alliances_stateoffice_changelist",
        "admin:accounts_invitation_changelist",
        "admin:moderation_changerequest_changelist",
        "admin:freshness_reviewreminder_changelist",
    ]:
        assert client.get(reverse(name)).status_code == 200, name


def test_state_office_overview_lists_its_alliances_with_figures(
    client, state_office_user, other_alliance
):
    import datetime as dt

    from django.utils import timezone

    from familiennetz.alliances.models import StateOffice
    from familiennetz.directory.tests.factories import OfferFactory

    StateOffice.objects.get(members=state_office_user.user).alliances.add(other_alliance)
    OfferFactory(alliance=other_alliance, last_checked_at=timezone.now() - dt.timedelta(days=400))
    OfferFactory(alliance=other_alliance)
    client.force_login(state_office_user.user)
    response = client.get(reverse("workspace:manage-home"))
    figures = {
        a.slug: tuple(value for _column, value in cells) for a, cells in response.context["rows"]
    }
    assert figures == {"hainichen": (0, 0), "prohlis": (2, 1)}
