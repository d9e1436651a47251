"""Review cycle: reminders, second reminder, escalation, signed links, expired entries."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from familiennetz.directory.tests.factories import (
    LocationFactory,
    OfferFactory,
    OrganisationFactory,
)
from familiennetz.freshness.models import ReviewReminder
from familiennetz.freshness.services import reminder_get_by_link, reminder_link, reminders_run

pytestmark = pytest.mark.django_db
YEAR_AND_A_BIT = dt.timedelta(days=400)


@pytest.fixture
def stale_organisation(provider):
    old = timezone.now() - YEAR_AND_A_BIT
    organisation = provider.organisation
    organisation.last_checked_at = timezone.now()
    organisation.save()
    offer = OfferFactory(
        alliance=provider.alliance, organisation=organisation, last_checked_at=old, name="Turnen"
    )
    location = LocationFactory(
        alliance=provider.alliance, organisation=organisation, last_checked_at=old
    )
    return organisation, offer, location


def test_first_reminder_goes_to_the_provider_editors_with_signed_links(
    provider, stale_organisation
):
    result = reminders_run()
    assert result.first == 1
    reminder = ReviewReminder.objects.get()
    assert sorted(label for label, _pk in reminder.entries) == [
        "directory.location",
        "directory.offer",
    ]
    assert mail.outbox[0].to == [provider.user.email]
    assert "Turnen" in mail.outbox[0].body
    # The signature carries a timestamp: compare the link's path, then check the signature.
    link = re.search(r"/hainichen/aktuell/(\d+)/([^/\s]+)/", mail.outbox[0].body)
    assert link is not None, mail.outbox[0].body
    assert reminder_link(reminder).rsplit("/", 2)[0] == link.group(0).rsplit("/", 2)[0]
    assert (
        reminder_get_by_link(
            alliance=reminder.alliance, pk=int(link.group(1)), signature=link.group(2)
        )
        == reminder
    )
    # Idempotent: a second run the same day sends nothing.
    assert reminders_run().first == 0
    assert len(mail.outbox) == 1


def test_without_editors_the_organisation_address_is_asked(alliance):
    organisation = OrganisationFactory(alliance=alliance, email="info@kita.example")
    OfferFactory(
        alliance=alliance,
        organisation=organisation,
        last_checked_at=timezone.now() - YEAR_AND_A_BIT,
    )
    reminders_run()
    assert mail.outbox[0].to == ["info@kita.example"]


def test_second_reminder_after_three_weeks_then_escalation(
    provider, coordinator, stale_organisation
):
    start = timezone.now()
    reminders_run(now=start)
    assert reminders_run(now=start + dt.timedelta(days=20)).second == 0
    assert reminders_run(now=start + dt.timedelta(days=22)).second == 1
    assert "Reminder" in mail.outbox[-1].subject or "Erinnerung" in mail.outbox[-1].subject
    assert reminders_run(now=start + dt.timedelta(days=30)).escalated == 0
    result = reminders_run(now=start + dt.timedelta(days=37))
    assert result.escalated == 1
    assert mail.outbox[-1].to == [coordinator.user.email]
    assert reminders_run(now=start + dt.timedelta(days=60)).escalated == 0


def test_all_still_correct_link_updates_the_checked_dates_without_login(
    visitor, stale_organisation
):
    _organisation, offer, location = stale_organisation
    reminders_run()
    url = re.search(r"http://\S+/aktuell/\S+", mail.outbox[0].body).group(0)
    path = url.split("localhost:8000", 1)[1]
    page = visitor.get(path)  # opening the link (or a mail scanner) changes nothing
    assert page.status_code == 200
    offer.refresh_from_db()
    assert offer.is_stale
    response = visitor.post(path, {"action": "confirm"})
    assert response.status_code == 200
    assert "Vielen Dank" in response.content.decode() or "Thank you" in response.content.decode()
    offer.refresh_from_db()
    location.refresh_from_db()
    assert not offer.is_stale and not location.is_stale
    assert offer.last_checked_by is None
    reminder = ReviewReminder.objects.get()
    assert reminder.outcome == "confirmed" and reminder.closed_at is not None


def test_a_changed_link_is_refused(visitor, stale_organisation):
    reminders_run()
    reminder = ReviewReminder.objects.get()
    url = reverse(
        "freshness:confirm",
        kwargs={"alliance_slug": reminder.alliance.slug, "pk": reminder.pk, "signature": "x" * 27},
    )
    assert visitor.post(url, {"action": "confirm"}).status_code == 404
    other = reminder_link(reminder).replace(f"/{reminder.pk}/", f"/{reminder.pk + 1}/")
    assert visitor.get(other).status_code == 404


def test_reporting_changes_from_the_link_page_files_a_report(visitor, stale_organisation):
    from familiennetz.moderation.models import ChangeRequest

    reminders_run()
    path = reminder_link(ReviewReminder.objects.get())
    visitor.post(path, {"action": "changes", "message": "Neue Öffnungszeiten ab März."})
    item = ChangeRequest.objects.get()
    assert item.kind == "report" and item.message == "Neue Öffnungszeiten ab März."


def test_confirming_in_the_workspace_closes_the_reminder(client, provider, stale_organisation):
    _organisation, offer, location = stale_organisation
    reminders_run()
    client.force_login(provider.user)
    for name, entry in [
        ("directory:manage-offer-confirm", offer),
        ("directory:manage-location-confirm", location),
    ]:
        client.post(reverse(name, kwargs={"alliance_slug": entry.alliance.slug, "pk": entry.pk}))
    offer.refresh_from_db()
    assert offer.last_checked_by == provider.user
    assert ReviewReminder.objects.get().closed_at is not None


def test_expired_offer_shows_a_notice_or_is_hidden(visitor, alliance):
    offer = OfferFactory(
        alliance=alliance, last_checked_at=timezone.now() - dt.timedelta(days=365 + 61)
    )
    page = visitor.get(offer.get_absolute_url())
    assert page.status_code == 200
    assert "checked--expired" in page.content.decode()  # "nicht mehr bestätigt seit …"
    alliance.settings = {"expired_action": "hide"}
    alliance.save()
    assert visitor.get(offer.get_absolute_url()).status_code == 404
    search = visitor.get(reverse("directory:search", kwargs={"alliance_slug": alliance.slug}))
    assert offer.name not in search.content.decode()


def test_dashboard_counts_due_entries(client, coordinator, alliance):
    OfferFactory(alliance=alliance, last_checked_at=timezone.now() - YEAR_AND_A_BIT)
    OfferFactory(alliance=alliance)
    client.force_login(coordinator.user)
    response = client.get(
        reverse("workspace:manage-dashboard", kwargs={"alliance_slug": alliance.slug})
    )
    tiles = {str(tile.label): tile.number for tile in response.context["tiles"]}
    assert tiles["Einträge, die im Prüfzyklus nicht bestätigt wurden"] == 1


def test_command_dry_run_counts_and_the_task_sends(stale_organisation, capsys):
    from django.core.management import call_command

    from familiennetz.freshness.tasks import send_review_reminders

    call_command("send_review_reminders", "--dry-run")
    assert "Dry run: 1 first reminder(s)" in capsys.readouterr().out
    assert not mail.outbox
    result = send_review_reminders.enqueue()
    assert result.return_value["first"] == 1
    assert len(mail.outbox) == 1
