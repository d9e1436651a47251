"""Public suggestions and error reports: no account, honeypot, rate limit, retention."""

import datetime as dt

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from familiennetz.directory.tests.factories import OfferFactory
from familiennetz.moderation.models import ChangeRequest
from familiennetz.moderation.retention import purge_contacts

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def suggest_url(alliance):
    return reverse("moderation:suggest", kwargs={"alliance_slug": alliance.slug})


def report_url(offer):
    return reverse(
        "moderation:report",
        kwargs={"alliance_slug": offer.alliance.slug, "kind": "angebot", "slug": offer.slug},
    )


SUGGESTION = {
    "name": "Spielplatzfest",
    "organisation": "Elternverein",
    "summary": "Ein Fest für alle Familien im Park.",
    "when_where": "Samstag, 14 Uhr, Stadtpark",
    "contact_email": "mama@example.org",
}


def test_anybody_can_suggest_an_offer_and_it_reaches_the_queue(
    visitor, alliance, coordinator, committed
):
    with committed():
        response = visitor.post(suggest_url(alliance), SUGGESTION)
    assert response.status_code == 302
    item = ChangeRequest.objects.get()
    assert item.kind == "suggestion" and item.subject == "offer" and item.state == "pending"
    assert item.payload["name"] == "Spielplatzfest"
    assert item.contact_email == "mama@example.org"
    assert coordinator.user.email in mail.outbox[0].to


def test_a_suggestion_becomes_a_draft_offer(client, alliance, coordinator):
    client.post(suggest_url(alliance), SUGGESTION)
    item = ChangeRequest.objects.get()
    client.force_login(coordinator.user)
    url = reverse("directory:manage-offer-create", kwargs={"alliance_slug": alliance.slug})
    form = client.get(f"{url}?vorschlag={item.pk}").context["form"]
    assert form.initial["name"] == "Spielplatzfest"
    organisation = coordinator.alliance.organisations.create(name="Elternverein", slug="ev")
    client.post(
        f"{url}?vorschlag={item.pk}",
        {
            "organisation": organisation.pk,
            "name": "Spielplatzfest",
            "participation": "open",
            "status": "draft",
        },
    )
    item.refresh_from_db()
    assert item.state == "accepted"
    assert item.target.name == "Spielplatzfest" and item.target.status == "draft"


def test_honeypot_thanks_the_bot_but_stores_nothing(visitor, alliance):
    response = visitor.post(suggest_url(alliance), {**SUGGESTION, "homepage": "http://spam"})
    assert response.status_code == 302
    assert not ChangeRequest.objects.exists()


def test_suggestions_are_rate_limited(visitor, alliance, settings):
    settings.SUGGESTION_RATE_LIMIT = 2
    statuses = [visitor.post(suggest_url(alliance), SUGGESTION).status_code for _i in range(3)]
    assert statuses == [302, 302, 429]
    assert ChangeRequest.objects.count() == 2


def test_invalid_suggestion_keeps_the_input_and_names_the_field(visitor, alliance):
    response = visitor.post(
        suggest_url(alliance), {**SUGGESTION, "summary": "", "contact_email": "kaputt"}
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"summary", "contact_email"}
    assert 'value="Spielplatzfest"' in response.content.decode()
    assert not ChangeRequest.objects.exists()


def test_error_report_on_an_offer_page_reaches_the_queue(visitor, alliance, coordinator):
    offer = OfferFactory(alliance=alliance, name="Elterncafé", slug="elterncafe")
    page = visitor.get(offer.get_absolute_url())
    assert report_url(offer) in page.content.decode()
    response = visitor.post(report_url(offer), {"message": "Das Café ist umgezogen."})
    assert response.status_code == 302
    item = ChangeRequest.objects.get()
    assert item.kind == "report" and item.target == offer
    assert item.message == "Das Café ist umgezogen."


def test_reports_about_drafts_or_other_alliances_are_404(visitor, alliance, other_alliance):
    draft = OfferFactory(alliance=alliance, status="draft")
    foreign = OfferFactory(alliance=other_alliance)
    assert visitor.get(report_url(draft)).status_code == 404
    url = reverse(
        "moderation:report",
        kwargs={"alliance_slug": alliance.slug, "kind": "angebot", "slug": foreign.slug},
    )
    assert visitor.get(url).status_code == 404


def test_contact_data_is_removed_after_the_retention_period(alliance, settings):
    settings.SUGGESTION_CONTACT_RETENTION_DAYS = 90
    now = timezone.now()
    old = ChangeRequest.objects.create(
        alliance=alliance,
        kind="suggestion",
        contact_email="alt@example.org",
        contact_name="Anna",
        state="rejected",
        decided_at=now - dt.timedelta(days=91),
    )
    recent = ChangeRequest.objects.create(
        alliance=alliance,
        kind="suggestion",
        contact_email="neu@example.org",
        state="accepted",
        decided_at=now - dt.timedelta(days=10),
    )
    pending = ChangeRequest.objects.create(
        alliance=alliance, kind="report", contact_email="offen@example.org"
    )
    assert purge_contacts(dry_run=True) == 1
    call_command("purge_personal_data")
    old.refresh_from_db()
    recent.refresh_from_db()
    pending.refresh_from_db()
    assert (old.contact_email, old.contact_name) == ("", "")
    assert old.contact_purged_at is not None
    assert recent.contact_email == "neu@example.org"
    assert pending.contact_email == "offen@example.org"


def test_the_review_page_shows_a_suggestion_with_field_labels(client, alliance, coordinator):
    client.post(suggest_url(alliance), SUGGESTION)
    item = ChangeRequest.objects.get()
    client.force_login(coordinator.user)
    rows = dict(client.get(item.get_absolute_url()).context["suggestion_rows"])
    assert "when_where" not in rows
    assert "Samstag, 14 Uhr, Stadtpark" in rows.values()
