"""Write operations of /api/v1/ with personal API tokens: the workspace's forms, permissions,
review workflow and history."""

import json

import pytest

from familiennetz.accounts.services import api_token_create
from familiennetz.alliances.models import Alliance
from familiennetz.directory.models import Location, Offer, Organisation, Status
from familiennetz.directory.tests.factories import (
    CategoryFactory,
    LocationFactory,
    OfferFactory,
)
from familiennetz.events.models import Event
from familiennetz.events.tests.factories import EventFactory
from familiennetz.moderation.models import ChangeRequest


def bearer(user, **kwargs) -> dict:
    _token, raw = api_token_create(user=user, name="Test", valid_days=30, **kwargs)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def send(client, method: str, url: str, body: dict | None = None, **headers):
    return getattr(client, method)(
        url, json.dumps(body or {}), content_type="application/json", **headers
    )


@pytest.fixture
def places(alliance, provider):
    return LocationFactory(
        alliance=alliance, organisation=provider.organisation, slug="familienzentrum"
    )


# --- organisations ----------------------------------------------------------------------------


def test_coordinator_creates_an_organisation(client, coordinator):
    response = send(
        client,
        "post",
        "/api/v1/hainichen/organisations",
        {"name": "Kinderschutzbund Hainichen", "kind": "counselling", "email": "info@ksb.example"},
        **bearer(coordinator.user),
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["slug"] == "kinderschutzbund-hainichen"
    assert data["kind"] == "counselling"
    org = Organisation.objects.get(slug="kinderschutzbund-hainichen")
    assert org.alliance.slug == "hainichen"
    record = org.history.latest()
    assert record.history_type == "+"
    assert record.history_user == coordinator.user


def test_validation_error_names_the_api_field(client, coordinator):
    response = send(
        client,
        "post",
        "/api/v1/hainichen/organisations",
        {"name": "Kinderschutzbund", "email": "keine-adresse"},
        **bearer(coordinator.user),
    )
    assert response.status_code == 422
    problems = response.json()["detail"]
    assert [p["loc"] for p in problems] == [["body", "email"]]
    assert not Organisation.objects.filter(name="Kinderschutzbund").exists()


def test_missing_required_field_is_422(client, coordinator):
    response = send(
        client, "post", "/api/v1/hainichen/organisations", {}, **bearer(coordinator.user)
    )
    assert response.status_code == 422
    assert ["body", "name"] in [p["loc"] for p in response.json()["detail"]]


def test_patch_changes_only_the_given_fields(client, coordinator, provider):
    org = provider.organisation
    org.phone = "037207 1234"
    org.save()
    response = send(
        client,
        "patch",
        f"/api/v1/hainichen/organisations/{org.slug}",
        {"description": "Neu beschrieben"},
        **bearer(coordinator.user),
    )
    assert response.status_code == 200, response.content
    org.refresh_from_db()
    assert org.description == "Neu beschrieben"
    assert org.phone == "037207 1234"
    assert org.name == "Kita Sonnenschein"
    assert org.history.latest().history_user == coordinator.user


def test_provider_change_to_her_organisation_waits_for_review(client, provider):
    org = provider.organisation
    response = send(
        client,
        "patch",
        f"/api/v1/hainichen/organisations/{org.slug}",
        {"phone": "037207 9999"},
        **bearer(provider.user),
    )
    assert response.status_code == 202, response.content
    item = ChangeRequest.objects.get(pk=response.json()["change_request"])
    assert item.kind == ChangeRequest.Kind.CHANGE
    assert item.is_pending
    assert item.author == provider.user
    assert item.payload["phone"] == ["037207 9999"]
    assert item.payload["name"] == ["Kita Sonnenschein"]  # the rest as it was
    org.refresh_from_db()
    assert org.phone != "037207 9999"


# --- places -------------------------------------------------------------------------------------


def test_provider_creates_a_place_of_her_organisation(client, provider):
    response = send(
        client,
        "post",
        "/api/v1/hainichen/locations",
        {
            "organisation": provider.organisation.slug,
            "name": "Kita Sonnenschein, Haus 2",
            "address": {"street": "Ringstraße 2", "postal_code": "09661", "city": "Hainichen"},
            "latitude": 50.97,
            "longitude": 13.12,
        },
        **bearer(provider.user),
    )
    assert response.status_code == 201, response.content
    assert response.json()["address"]["street"] == "Ringstraße 2"
    location = Location.objects.get(slug=response.json()["slug"])
    assert location.organisation == provider.organisation
    assert location.history.latest().history_user == provider.user


def test_place_cross_field_error_names_the_field(client, coordinator):
    response = send(
        client,
        "post",
        "/api/v1/hainichen/locations",
        {"name": "Rathaus", "latitude": 50.9},
        **bearer(coordinator.user),
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "longitude"]


def test_patch_keeps_the_opening_hours(client, coordinator, alliance, schedule_factory):
    location = LocationFactory(alliance=alliance, slug="rathaus")
    schedule_factory(
        alliance=alliance,
        offer_location=None,
        location=location,
        kind="opening_hours",
        rrule="FREQ=WEEKLY;BYDAY=MO,TU",
    )
    response = send(
        client,
        "patch",
        "/api/v1/hainichen/locations/rathaus",
        {"address": {"city": "Hainichen (Sachsen)"}},
        **bearer(coordinator.user),
    )
    assert response.status_code == 200, response.content
    location.refresh_from_db()
    assert location.city == "Hainichen (Sachsen)"
    assert location.street.startswith("Hauptstraße")
    assert [s.rrule for s in location.schedules.all()] == ["FREQ=WEEKLY;BYDAY=MO,TU"]


# --- offers -------------------------------------------------------------------------------------


def test_coordinator_creates_a_published_offer(client, coordinator, provider, places):
    category = CategoryFactory(alliance=provider.alliance, slug="gruppen")
    response = send(
        client,
        "post",
        "/api/v1/hainichen/offers",
        {
            "organisation": provider.organisation.slug,
            "name": "Krabbelgruppe",
            "categories": ["gruppen"],
            "languages": ["de"],
            "age": {"min_months": 6, "max_months": 35},
            "places": ["familienzentrum"],
            "publication_status": "published",
        },
        **bearer(coordinator.user),
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["publication_status"] == "published"
    assert data["categories"] == ["gruppen"]
    assert data["age"]["max_months"] == 35
    assert [p["location"]["slug"] for p in data["places"]] == ["familienzentrum"]
    offer = Offer.objects.get(slug=data["slug"])
    assert list(offer.categories.all()) == [category]
    assert offer.history.latest().history_user == coordinator.user
    assert offer.published_at is not None
    assert client.get(f"/api/v1/hainichen/offers/{offer.slug}").status_code == 200


def test_provider_offer_is_a_draft_and_asks_for_publication(client, provider):
    response = send(
        client,
        "post",
        "/api/v1/hainichen/offers",
        {
            "organisation": provider.organisation.slug,
            "name": "Elterncafé",
            "publication_status": "published",
        },
        **bearer(provider.user),
    )
    assert response.status_code == 202, response.content
    offer = Offer.objects.get(slug=response.json()["slug"])
    assert offer.status == Status.DRAFT
    item = ChangeRequest.objects.get(pk=response.json()["change_request"])
    assert item.kind == ChangeRequest.Kind.PUBLICATION
    assert item.target == offer


def test_provider_cannot_create_an_offer_for_another_organisation(client, provider, alliance):
    other = OfferFactory(alliance=alliance).organisation
    response = send(
        client,
        "post",
        "/api/v1/hainichen/offers",
        {"organisation": other.slug, "name": "Fremd"},
        **bearer(provider.user),
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "organisation"]


def test_unknown_slug_is_a_field_error(client, coordinator, provider):
    response = send(
        client,
        "post",
        "/api/v1/hainichen/offers",
        {"organisation": provider.organisation.slug, "name": "X", "categories": ["gibtsnicht"]},
        **bearer(coordinator.user),
    )
    assert response.status_code == 422
    problem = response.json()["detail"][0]
    assert problem["loc"] == ["body", "categories"]
    assert "gibtsnicht" in problem["msg"]


def test_age_range_error_names_the_nested_field(client, coordinator, provider):
    response = send(
        client,
        "post",
        "/api/v1/hainichen/offers",
        {
            "organisation": provider.organisation.slug,
            "name": "X",
            "age": {"min_months": 36, "max_months": 12},
        },
        **bearer(coordinator.user),
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "age", "max_months"]


def test_provider_change_to_a_published_offer_waits_for_review(client, provider):
    offer = OfferFactory(
        alliance=provider.alliance, organisation=provider.organisation, name="Krabbelgruppe"
    )
    response = send(
        client,
        "patch",
        f"/api/v1/hainichen/offers/{offer.slug}",
        {"name": "Krabbelgruppe (neu)"},
        **bearer(provider.user),
    )
    assert response.status_code == 202, response.content
    offer.refresh_from_db()
    assert offer.name == "Krabbelgruppe"
    item = ChangeRequest.objects.get(pk=response.json()["change_request"])
    assert item.target == offer
    assert item.payload["name"] == ["Krabbelgruppe (neu)"]


def test_provider_change_to_a_draft_applies_at_once(client, provider):
    offer = OfferFactory(
        alliance=provider.alliance, organisation=provider.organisation, status=Status.DRAFT
    )
    response = send(
        client,
        "patch",
        f"/api/v1/hainichen/offers/{offer.slug}",
        {"summary": "Für Eltern mit Babys"},
        **bearer(provider.user),
    )
    assert response.status_code == 200, response.content
    assert response.json()["publication_status"] == "draft"
    offer.refresh_from_db()
    assert offer.summary == "Für Eltern mit Babys"
    assert offer.history.latest().history_user == provider.user


def test_provider_cannot_publish_through_patch_fields(client, provider):
    offer = OfferFactory(
        alliance=provider.alliance, organisation=provider.organisation, status=Status.DRAFT
    )
    response = send(
        client,
        "patch",
        f"/api/v1/hainichen/offers/{offer.slug}",
        {"publication_status": "published"},
        **bearer(provider.user),
    )
    assert response.status_code == 202
    offer.refresh_from_db()
    assert offer.status == Status.DRAFT


def test_delete_archives_an_offer(client, provider):
    offer = OfferFactory(alliance=provider.alliance, organisation=provider.organisation)
    response = client.delete(f"/api/v1/hainichen/offers/{offer.slug}", **bearer(provider.user))
    assert response.status_code == 200, response.content
    assert response.json()["publication_status"] == "archived"
    offer.refresh_from_db()
    assert offer.status == Status.ARCHIVED
    assert client.get(f"/api/v1/hainichen/offers/{offer.slug}").status_code == 404


# --- events -------------------------------------------------------------------------------------


def test_coordinator_creates_an_event_series(client, coordinator, provider, places):
    response = send(
        client,
        "post",
        "/api/v1/hainichen/events",
        {
            "organisation": provider.organisation.slug,
            "title": "Babymassage",
            "location": "familienzentrum",
            "starts_at": "2026-12-01T09:30:00+01:00",
            "ends_at": "2026-12-01T10:30:00+01:00",
            "rrule": "FREQ=WEEKLY;COUNT=4",
            "publication_status": "published",
        },
        **bearer(coordinator.user),
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["starts_at"].startswith("2026-12-01T08:30:00")
    event = Event.objects.get(slug=data["slug"])
    assert event.occurrences.count() == 4
    assert event.history.latest().history_user == coordinator.user


def test_event_end_before_start_is_422(client, coordinator, provider):
    response = send(
        client,
        "post",
        "/api/v1/hainichen/events",
        {
            "organisation": provider.organisation.slug,
            "title": "Babymassage",
            "starts_at": "2026-12-01T09:30:00+01:00",
            "ends_at": "2026-12-01T08:30:00+01:00",
        },
        **bearer(coordinator.user),
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "ends_at"]


def test_cancel_an_event_and_archive_it(client, coordinator, provider):
    event = EventFactory(alliance=provider.alliance, organisation=provider.organisation)
    response = send(
        client,
        "patch",
        f"/api/v1/hainichen/events/{event.slug}",
        {"status": "cancelled", "status_note": "Krank"},
        **bearer(coordinator.user),
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "cancelled"
    response = client.delete(f"/api/v1/hainichen/events/{event.slug}", **bearer(coordinator.user))
    assert response.json()["publication_status"] == "archived"
    event.refresh_from_db()
    assert (event.event_status, event.status) == ("cancelled", "archived")


# --- authentication ---------------------------------------------------------------------------


def test_without_a_token_writes_are_401(client, coordinator):
    client.force_login(coordinator.user)  # a session is not enough: CSRF
    response = send(client, "post", "/api/v1/hainichen/organisations", {"name": "Über Cookie"})
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["detail"]
    assert not Organisation.objects.filter(name="Über Cookie").exists()


def test_wrong_token_is_401(client, coordinator):
    response = send(
        client,
        "post",
        "/api/v1/hainichen/organisations",
        {"name": "X"},
        HTTP_AUTHORIZATION="Bearer fn_falsch",
    )
    assert response.status_code == 401
    assert "detail" in response.json()


def test_token_limited_to_another_network_is_404(client, coordinator, other_alliance):
    from familiennetz.alliances.tests.factories import MembershipFactory

    MembershipFactory(user=coordinator.user, alliance=other_alliance, role="coordinator")
    headers = bearer(coordinator.user, alliance=Alliance.objects.get(slug="prohlis"))
    response = send(client, "post", "/api/v1/hainichen/organisations", {"name": "X"}, **headers)
    assert response.status_code == 404
    response = send(client, "post", "/api/v1/prohlis/organisations", {"name": "X"}, **headers)
    assert response.status_code == 201


def test_reads_stay_anonymous(client, provider):
    OfferFactory(alliance=provider.alliance, slug="offen")
    assert client.get("/api/v1/hainichen/offers/offen").status_code == 200


def test_preflight_for_writes_is_not_granted(client):
    response = client.options(
        "/api/v1/hainichen/offers",
        HTTP_ORIGIN="https://fremd.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization, content-type",
    )
    allowed_methods = response["Access-Control-Allow-Methods"]
    assert "POST" not in allowed_methods and "PATCH" not in allowed_methods
    assert "authorization" not in response["Access-Control-Allow-Headers"].lower()
    assert "Access-Control-Allow-Credentials" not in response


def test_body_must_be_an_object(client, coordinator, provider):
    offer = OfferFactory(alliance=provider.alliance, organisation=provider.organisation)
    response = client.patch(
        f"/api/v1/hainichen/offers/{offer.slug}",
        "[null, null]",
        content_type="application/json",
        **bearer(coordinator.user),
    )
    assert response.status_code == 422, response.content


def test_coordinator_accepts_a_change_sent_through_the_api(client, provider, coordinator):
    from familiennetz.moderation.services import review_accept

    offer = OfferFactory(
        alliance=provider.alliance, organisation=provider.organisation, summary="Alt"
    )
    response = send(
        client,
        "patch",
        f"/api/v1/hainichen/offers/{offer.slug}",
        {"summary": "Neu", "age": {"min_months": 0, "max_months": 11}},
        **bearer(provider.user),
    )
    item = ChangeRequest.objects.get(pk=response.json()["change_request"])
    review_accept(item=item, user=coordinator.user)
    offer.refresh_from_db()
    assert (offer.summary, offer.age_min_months, offer.age_max_months) == ("Neu", 0, 11)
    assert offer.status == Status.PUBLISHED
    assert offer.history.latest().history_change_reason == f"Prüfvorgang #{item.pk} übernommen"


def test_the_token_user_acts_whatever_session_comes_along(client, coordinator, provider):
    offer = OfferFactory(
        alliance=provider.alliance, organisation=provider.organisation, status=Status.DRAFT
    )
    client.force_login(coordinator.user)
    response = send(
        client,
        "patch",
        f"/api/v1/hainichen/offers/{offer.slug}",
        {"summary": "Vom Token"},
        **bearer(provider.user),
    )
    assert response.status_code == 200
    assert offer.history.latest().history_user == provider.user


def test_two_factor_requirement_applies_to_tokens(client, coordinator, alliance):
    alliance.settings = {**alliance.settings, "require_two_factor": True}
    alliance.save()
    response = send(
        client,
        "post",
        "/api/v1/hainichen/organisations",
        {"name": "Ohne zweiten Faktor"},
        **bearer(coordinator.user),
    )
    assert response.status_code == 403
    assert not Organisation.objects.filter(name="Ohne zweiten Faktor").exists()


# --- the body's documented rules (issue 18: every schema-valid body is accepted, so the
# OpenAPI document states what the forms refuse) ----------------------------------------------

ORG = "__organisation__"


def offer(**fields) -> dict:
    return {"organisation": ORG, "name": "Kurs", **fields}


def event(**fields) -> dict:
    return {"organisation": ORG, "title": "Fest", "starts_at": "2027-06-01T10:00:00Z", **fields}


@pytest.mark.parametrize(
    ("kind", "body", "field"),
    [
        ("organisations", {"name": "Verein\x00"}, "name"),
        ("organisations", {"name": " \t "}, "name"),
        ("organisations", {"name": "Verein", "website": "ftp://example.org"}, "website"),
        ("organisations", {"name": "Verein", "email": "a@localhost"}, "email"),
        ("organisations", {"name": "Verein", "funding": ["Land\nBund"]}, "funding"),
        ("organisations", {"name": "V", "identifiers": [{"identifier": "VR|1"}]}, "identifiers"),
        ("locations", {"name": "Haus", "is_pram_accessible": 0}, "is_pram_accessible"),
        ("locations", {"name": "Haus", "latitude": "50.9"}, "latitude"),
        ("locations", {"name": "Haus", "country": "DEU"}, "country"),
        ("offers", offer(fee_amount="12,50"), "fee_amount"),
        ("offers", offer(fee_amount=12.505), "fee_amount"),
        ("offers", offer(fee_currency="€"), "fee_currency"),
        ("offers", offer(age={"max_months": 400}), "age"),
        ("events", event(starts_at="1850-06-01T10:00:00Z"), "starts_at"),
        ("events", event(rrule="FREQ=HOURLY"), "rrule"),
        ("events", event(capacity=0), "capacity"),
        ("events", event(registration_closes_hours=None), "registration_closes_hours"),
    ],
)
def test_a_body_breaking_a_documented_rule_is_422_naming_the_field(
    client, coordinator, provider, kind, body, field
):
    if body.get("organisation") == ORG:
        body = {**body, "organisation": provider.organisation.slug}
    count = {"organisations": Organisation, "locations": Location, "offers": Offer}
    model = count.get(kind, Event)
    before = model.objects.count()
    response = send(client, "post", f"/api/v1/hainichen/{kind}", body, **bearer(coordinator.user))
    assert response.status_code == 422, response.content
    assert [p["loc"][:2] for p in response.json()["detail"]] == [["body", field]]
    assert model.objects.count() == before
    document = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    create = {"organisations": "OrganisationCreate", "locations": "LocationCreate"}
    create |= {"offers": "OfferCreate", "events": "EventCreate"}
    assert field in document[create[kind]]["properties"]


def test_money_and_rules_as_clients_write_them_are_accepted(client, coordinator, provider):
    organisation = provider.organisation.slug
    offer = send(
        client,
        "post",
        "/api/v1/hainichen/offers",
        {"organisation": organisation, "name": "Kurs", "fee_amount": 0.1 * 3, "funding": ["Land"]},
        **bearer(coordinator.user),
    )
    assert offer.status_code == 201, offer.content
    assert offer.json()["fee_amount"] in ("0.30", 0.3)
    event = send(
        client,
        "post",
        "/api/v1/hainichen/events",
        {
            "organisation": organisation,
            "title": "Elterncafé",
            "starts_at": "2027-01-12T15:00",
            "rrule": "RRULE:FREQ=MONTHLY;BYDAY=2TU;UNTIL=20271231",
            "capacity": 12,
        },
        **bearer(coordinator.user),
    )
    assert event.status_code == 201, event.content
    assert Event.objects.get(slug=event.json()["slug"]).rrule.startswith("FREQ=MONTHLY;BYDAY=2TU")
