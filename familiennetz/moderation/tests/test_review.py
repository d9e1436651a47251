"""Provider edits, the review queue with its diff, accept / edit / reject."""

import pytest
from django.core import mail
from django.urls import reverse

from familiennetz.directory.models import Offer
from familiennetz.directory.tests.factories import CategoryFactory, OfferFactory
from familiennetz.moderation.models import ChangeRequest

pytestmark = pytest.mark.django_db


def offer_form_data(offer, **changes):
    data = {
        "organisation": offer.organisation_id,
        "name": offer.name,
        "summary": offer.summary,
        "description": offer.description,
        "participation": offer.participation,
        "fee_description": offer.fee_description,
        "email": offer.email,
        "phone": offer.phone,
        "website": offer.website,
        "status": offer.status,  # ignored where the user may not publish
        "languages": [language.pk for language in offer.languages.all()],
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def edit_url(offer):
    return reverse(
        "directory:manage-offer-update",
        kwargs={"alliance_slug": offer.alliance.slug, "pk": offer.pk},
    )


@pytest.fixture
def own_offer(provider):
    return OfferFactory(
        alliance=provider.alliance,
        organisation=provider.organisation,
        name="Krabbelgruppe",
        slug="krabbelgruppe",
        summary="Dienstags 9 Uhr",
        languages=["de", "ar"],
    )


def test_provider_edit_of_published_offer_waits_for_review(
    client, provider, coordinator, own_offer, committed
):
    client.force_login(provider.user)
    with committed():
        response = client.post(
            edit_url(own_offer), offer_form_data(own_offer, summary="Mittwochs 10 Uhr")
        )
    assert response.status_code == 302
    own_offer.refresh_from_db()
    assert own_offer.summary == "Dienstags 9 Uhr"  # the public page is unchanged
    item = ChangeRequest.objects.get()
    assert item.kind == "change" and item.author == provider.user and item.target == own_offer
    assert mail.outbox and coordinator.user.email in mail.outbox[-1].to
    public = client.get(own_offer.get_absolute_url())
    assert "Dienstags 9 Uhr" in public.content.decode()


def test_review_shows_the_field_by_field_diff_and_accepting_applies_it(
    client, provider, coordinator, own_offer, committed
):
    client.force_login(provider.user)
    client.post(edit_url(own_offer), offer_form_data(own_offer, summary="Mittwochs 10 Uhr"))
    item = ChangeRequest.objects.get()
    client.force_login(coordinator.user)
    page = client.get(item.get_absolute_url())
    diff = page.context["diff"]
    changed = [(row.label, row.old, row.new) for row in diff if row.changed]
    assert changed == [("Kurzbeschreibung", "Dienstags 9 Uhr", "Mittwochs 10 Uhr")]
    assert "<del>Dienstags 9 Uhr</del>" in page.content.decode()
    with committed():
        response = client.post(item.get_absolute_url(), {"action": "accept", "message": "Danke!"})
    assert response.status_code == 302
    own_offer.refresh_from_db()
    assert own_offer.summary == "Mittwochs 10 Uhr"
    item.refresh_from_db()
    assert item.state == "accepted" and item.decided_by == coordinator.user
    assert any("Danke!" in m.body for m in mail.outbox if provider.user.email in m.to)
    latest = own_offer.history.latest()
    assert latest.history_user == coordinator.user


def test_coordinator_can_edit_the_proposal_before_accepting(
    client, provider, coordinator, own_offer
):
    client.force_login(provider.user)
    client.post(edit_url(own_offer), offer_form_data(own_offer, summary="Mittwochs 10 Uhr"))
    item = ChangeRequest.objects.get()
    client.force_login(coordinator.user)
    data = offer_form_data(own_offer, summary="Mittwochs 10:00 Uhr", action="edit-accept")
    response = client.post(item.get_absolute_url(), data)
    assert response.status_code == 302
    own_offer.refresh_from_db()
    assert own_offer.summary == "Mittwochs 10:00 Uhr"


def test_rejecting_keeps_the_entry_and_tells_the_author(
    client, provider, coordinator, own_offer, committed
):
    client.force_login(provider.user)
    client.post(edit_url(own_offer), offer_form_data(own_offer, summary="Falsch"))
    item = ChangeRequest.objects.get()
    mail.outbox.clear()
    client.force_login(coordinator.user)
    with committed():
        client.post(item.get_absolute_url(), {"action": "reject", "message": "Bitte mit Uhrzeit."})
    own_offer.refresh_from_db()
    assert own_offer.summary == "Dienstags 9 Uhr"
    assert ChangeRequest.objects.get().state == "rejected"
    assert [m.to for m in mail.outbox] == [[provider.user.email]]
    assert "Bitte mit Uhrzeit." in mail.outbox[0].body


def test_a_decided_item_cannot_be_decided_again(client, provider, coordinator, own_offer):
    client.force_login(provider.user)
    client.post(edit_url(own_offer), offer_form_data(own_offer, summary="Neu"))
    item = ChangeRequest.objects.get()
    client.force_login(coordinator.user)
    client.post(item.get_absolute_url(), {"action": "reject"})
    client.post(item.get_absolute_url(), {"action": "accept"})
    own_offer.refresh_from_db()
    assert own_offer.summary == "Dienstags 9 Uhr"


def test_in_direct_mode_provider_changes_go_live_at_once(client, provider, own_offer):
    provider.alliance.settings = {"publication_workflow": "direct"}
    provider.alliance.save()
    client.force_login(provider.user)
    client.post(edit_url(own_offer), offer_form_data(own_offer, summary="Sofort sichtbar"))
    own_offer.refresh_from_db()
    assert own_offer.summary == "Sofort sichtbar"
    assert own_offer.last_checked_by == provider.user
    assert not ChangeRequest.objects.exists()


def test_a_newer_proposal_replaces_the_pending_one(client, provider, own_offer):
    client.force_login(provider.user)
    client.post(edit_url(own_offer), offer_form_data(own_offer, summary="Erster Versuch"))
    client.post(edit_url(own_offer), offer_form_data(own_offer, summary="Zweiter Versuch"))
    states = {item.payload["summary"][0]: item.state for item in ChangeRequest.objects.all()}
    assert states == {"Erster Versuch": "withdrawn", "Zweiter Versuch": "pending"}


def test_invalid_input_keeps_what_was_typed(client, coordinator):
    offer = OfferFactory(alliance=coordinator.alliance, name="Elterncafé")
    client.force_login(coordinator.user)
    data = offer_form_data(
        offer, summary="Neue Zeiten", name="", age_min_months=36, age_max_months=12
    )
    response = client.post(edit_url(offer), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert "name" in form.errors and "age_max_months" in form.errors
    html = response.content.decode()
    assert 'value="Neue Zeiten"' in html
    offer.refresh_from_db()
    assert offer.name == "Elterncafé"


def test_preview_shows_the_entry_without_saving(client, coordinator):
    offer = OfferFactory(alliance=coordinator.alliance, summary="Alt")
    client.force_login(coordinator.user)
    response = client.post(
        edit_url(offer), offer_form_data(offer, summary="Vorschau-Text", preview="1")
    )
    assert response.status_code == 200
    assert response.context["preview"]["summary"] == "Vorschau-Text"
    offer.refresh_from_db()
    assert offer.summary == "Alt"


def test_provider_creates_a_draft_and_asks_for_publication(client, provider, coordinator):
    category = CategoryFactory(alliance=provider.alliance)
    client.force_login(provider.user)
    url = reverse("directory:manage-offer-create", kwargs={"alliance_slug": provider.alliance.slug})
    response = client.get(url)
    assert "status" not in response.context["form"].fields
    response = client.post(
        url,
        {
            "organisation": provider.organisation.pk,
            "name": "Laternenumzug-Basteln",
            "summary": "Wir basteln Laternen.",
            "participation": "open",
            "categories": [category.pk],
            "request_publication": "1",
        },
    )
    assert response.status_code == 302
    offer = Offer.objects.get(name="Laternenumzug-Basteln")
    assert offer.status == "draft" and offer.slug == "laternenumzug-basteln"
    item = ChangeRequest.objects.get(kind="publication")
    client.force_login(coordinator.user)
    client.post(item.get_absolute_url(), {"action": "accept"})
    offer.refresh_from_db()
    assert offer.status == "published" and offer.published_at is not None


def test_provider_cannot_choose_another_organisation(client, provider):
    from familiennetz.directory.tests.factories import OrganisationFactory

    other = OrganisationFactory(alliance=provider.alliance)
    client.force_login(provider.user)
    url = reverse("directory:manage-offer-create", kwargs={"alliance_slug": provider.alliance.slug})
    response = client.post(
        url, {"organisation": other.pk, "name": "Fremd", "participation": "open"}
    )
    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors
    assert not Offer.objects.filter(name="Fremd").exists()


def test_offer_list_query_count_does_not_grow_with_rows(
    client, coordinator, django_assert_max_num_queries
):
    for _i in range(15):
        OfferFactory(alliance=coordinator.alliance)
    client.force_login(coordinator.user)
    url = reverse(
        "directory:manage-offer-list", kwargs={"alliance_slug": coordinator.alliance.slug}
    )
    client.get(url)
    with django_assert_max_num_queries(20):
        response = client.get(url)
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == 15
