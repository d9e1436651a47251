"""Every change is recorded (who, when, old → new); restore brings back the exact values."""

import pytest
from django.urls import reverse

from familiennetz.directory.models import Language
from familiennetz.directory.tests.factories import CategoryFactory, OfferFactory
from familiennetz.events.tests.factories import RegistrationFactory
from familiennetz.history.models import TRACKED_MODELS
from familiennetz.moderation.tests.test_review import edit_url, offer_form_data

pytestmark = pytest.mark.django_db


def history_url(offer):
    return reverse(
        "history:manage-version-list",
        kwargs={"alliance_slug": offer.alliance.slug, "kind": "angebot", "pk": offer.pk},
    )


def test_a_workspace_edit_is_recorded_with_user_and_field_changes(client, coordinator):
    offer = OfferFactory(alliance=coordinator.alliance, summary="Dienstags")
    client.force_login(coordinator.user)
    client.post(edit_url(offer), offer_form_data(offer, summary="Mittwochs"))
    response = client.get(history_url(offer))
    newest = response.context["versions"][0]
    assert newest.record.history_user == coordinator.user
    changes = {c.name: (c.old, c.new) for c in newest.changes}
    assert changes["summary"] == ("Dienstags", "Mittwochs")


def test_restore_brings_back_the_exact_earlier_values(client, coordinator):
    first_category = CategoryFactory(alliance=coordinator.alliance)
    second_category = CategoryFactory(alliance=coordinator.alliance)
    offer = OfferFactory(
        alliance=coordinator.alliance,
        name="Babymassage",
        summary="Fünf Termine",
        fee_description="30 €",
        age_min_months=1,
        age_max_months=6,
        categories=[first_category],
        languages=["de", "ar"],
    )
    before = offer.history.latest()
    client.force_login(coordinator.user)
    client.post(
        edit_url(offer),
        offer_form_data(
            offer,
            name="Babymassage (neu)",
            summary="Sechs Termine",
            fee_description="",
            age_min_months=2,
            age_max_months=12,
            categories=[second_category.pk],
            languages=[Language.objects.get(code="uk").pk],
        ),
    )
    offer.refresh_from_db()
    assert offer.summary == "Sechs Termine"
    restore = reverse(
        "history:manage-version-restore",
        kwargs={
            "alliance_slug": offer.alliance.slug,
            "kind": "angebot",
            "pk": offer.pk,
            "history_id": before.history_id,
        },
    )
    assert client.post(restore).status_code == 302
    offer.refresh_from_db()
    assert (offer.name, offer.summary, offer.fee_description) == (
        "Babymassage",
        "Fünf Termine",
        "30 €",
    )
    assert (offer.age_min_months, offer.age_max_months) == (1, 6)
    assert list(offer.categories.all()) == [first_category]
    assert sorted(offer.languages.values_list("code", flat=True)) == ["ar", "de"]
    assert "restored" in offer.history.latest().history_change_reason or "wiederhergestellt" in (
        offer.history.latest().history_change_reason
    )


def test_provider_may_read_but_not_restore(client, provider):
    offer = OfferFactory(alliance=provider.alliance, organisation=provider.organisation)
    client.force_login(provider.user)
    assert client.get(history_url(offer)).status_code == 200
    url = reverse(
        "history:manage-version-restore",
        kwargs={
            "alliance_slug": offer.alliance.slug,
            "kind": "angebot",
            "pk": offer.pk,
            "history_id": offer.history.latest().history_id,
        },
    )
    assert client.post(url).status_code == 403


def test_no_family_personal_data_in_the_history():
    from familiennetz.events.models import Registration

    assert Registration not in TRACKED_MODELS
    registration = RegistrationFactory(name="Familie Muster", email="muster@example.org")
    assert not hasattr(Registration, "history")
    from django.apps import apps

    names = {model.__name__ for model in apps.get_app_config("history").get_models()}
    assert "HistoricalRegistration" not in names
    assert registration.pk


def test_many_to_many_changes_from_the_other_side_are_recorded(alliance):
    category = CategoryFactory(alliance=alliance)
    offer = OfferFactory(alliance=alliance)
    before = offer.history.count()
    category.offers.add(offer)
    assert offer.history.count() == before + 1
    assert [row.category_id for row in offer.history.latest().categories.all()] == [category.pk]
    category.offers.clear()
    assert offer.history.latest().categories.count() == 0
