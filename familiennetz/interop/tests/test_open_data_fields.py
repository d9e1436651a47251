"""The open-data fields kept from HSDS (fee amount and currency, areas served, funding,
register numbers, location identifiers, country) beyond import/export: workspace forms
(validated, saved through entry_save with history), API v1 (read and write), the offer page
and the demo (issue 17, ADR 1540)."""

import json
from decimal import Decimal

import pytest
from django.utils import translation
from django.utils.datastructures import MultiValueDict

from familiennetz.accounts.services import api_token_create
from familiennetz.demo.content.open_data import install_demo_open_data
from familiennetz.directory.entry_forms import LocationForm, OfferForm, OrganisationForm
from familiennetz.directory.models import Location, Offer, Organisation, Status
from familiennetz.interop.api.inputs import initial_data
from familiennetz.interop.hsds.export import export_tables, json_documents
from familiennetz.moderation.changes import changes_from_form
from familiennetz.moderation.services import entry_save
from familiennetz.socialspace.models import District


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def alliance(empty_alliance):
    return empty_alliance


@pytest.fixture
def organisation(alliance):
    return Organisation.objects.create(alliance=alliance, name="Familienzentrum", slug="fz")


@pytest.fixture
def offer(alliance, organisation):
    return Offer.objects.create(
        alliance=alliance,
        organisation=organisation,
        name="Babyschwimmen",
        slug="babyschwimmen",
        status=Status.PUBLISHED,
        fee_description="pro Termin",
    )


@pytest.fixture
def admin(django_user_model):
    return django_user_model.objects.create_superuser("admin@example.org", password="x" * 16)


def bound(form_class, instance, alliance, user, **changes):
    unbound = form_class(instance=instance, alliance=alliance, user=user, can_publish=True)
    data = initial_data(unbound)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    posted = MultiValueDict({k: v if isinstance(v, list) else [v] for k, v in data.items()})
    return form_class(posted, instance=instance, alliance=alliance, user=user, can_publish=True)


def save(form, instance, user):
    return entry_save(entry=instance, changes=changes_from_form(form), user=user).entry


# --- workspace forms ----------------------------------------------------------------------


def test_offer_form_keeps_fee_amount_areas_and_funding_with_history(alliance, offer, admin):
    district = District.objects.create(alliance=alliance, name="Altstadt", slug="altstadt")
    form = bound(
        OfferForm,
        offer,
        alliance,
        admin,
        fee_amount="3.50",
        fee_currency="eur",
        service_districts=[str(district.pk)],
        service_area="und die Dörfer ringsum",
        funding="Landkreis\nBundesprogramm",
    )
    assert form.is_valid(), form.errors
    saved = save(form, offer, admin)
    saved.refresh_from_db()
    assert (saved.fee_amount, saved.fee_currency) == (Decimal("3.50"), "EUR")
    assert list(saved.service_districts.all()) == [district]
    assert saved.service_area == "und die Dörfer ringsum"
    assert saved.funding == ["Landkreis", "Bundesprogramm"]
    assert saved.history.latest().fee_amount == Decimal("3.50")
    # The unbound form shows the lists as lines again (a save without changes keeps them).
    again = bound(OfferForm, saved, alliance, admin)
    assert again.is_valid(), again.errors
    assert changes_from_form(again).fields["funding"] == ["Landkreis", "Bundesprogramm"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"fee_amount": "-1"}, "fee_amount"),
        ({"fee_amount": "4", "is_free": "on"}, "fee_amount"),
        ({"fee_amount": "4", "fee_currency": "Euro"}, "fee_currency"),
        ({"fee_currency": "EUR"}, "fee_amount"),
        ({"funding": "\n".join(f"Geber {n}" for n in range(21))}, "funding"),
    ],
)
def test_offer_form_names_the_field_of_a_bad_fee(alliance, offer, admin, changes, field):
    form = bound(OfferForm, offer, alliance, admin, **changes)
    assert not form.is_valid()
    assert field in form.errors


def test_an_amount_of_zero_is_free_of_charge(alliance, offer, admin):
    form = bound(OfferForm, offer, alliance, admin, fee_amount="0", fee_currency=None)
    assert form.is_valid(), form.errors
    saved = save(form, offer, admin)
    saved.refresh_from_db()
    # Stored as the HSDS import reads a cost option of 0: free, no amount (round trip).
    assert saved.is_free and saved.fee_amount is None and saved.fee_currency == ""


def test_organisation_form_keeps_register_numbers_and_funding(alliance, organisation, admin):
    form = bound(
        OrganisationForm,
        organisation,
        alliance,
        admin,
        identifiers="DE-VR | VR 1234 | Vereinsregister\nGB-COH | 01234567",
        funding="Stadt",
    )
    assert form.is_valid(), form.errors
    saved = save(form, organisation, admin)
    saved.refresh_from_db()
    assert saved.identifiers == [
        {
            "identifier_scheme": "DE-VR",
            "identifier_type": "Vereinsregister",
            "identifier": "VR 1234",
        },
        {"identifier_scheme": "GB-COH", "identifier_type": "", "identifier": "01234567"},
    ]
    assert saved.funding == ["Stadt"]
    assert saved.history.latest().identifiers == saved.identifiers
    # An imported identifier without a scheme survives a save of the form.
    Organisation.objects.filter(pk=saved.pk).update(
        identifiers=[{"identifier_scheme": None, "identifier_type": "", "identifier": "X-1"}]
    )
    saved.refresh_from_db()
    form = bound(OrganisationForm, saved, alliance, admin)
    assert form.is_valid(), form.errors
    assert changes_from_form(form).fields["identifiers"] == saved.identifiers


@pytest.mark.parametrize("line", ["VR 1234", "DE VR | VR 1234", "DE-VR | ", "a | b | c | d"])
def test_organisation_form_names_the_line_of_a_bad_identifier(alliance, organisation, admin, line):
    form = bound(OrganisationForm, organisation, alliance, admin, identifiers=f"DE-VR | 1\n{line}")
    assert not form.is_valid()
    assert "Line 2" in str(form.errors["identifiers"])


def test_location_form_keeps_uprn_and_country(alliance, organisation, admin):
    place = Location.objects.create(alliance=alliance, name="Treff", slug="treff")
    form = bound(
        LocationForm,
        place,
        alliance,
        admin,
        country="gb",
        state_province="Kent",
        external_identifier="10092008082",
        external_identifier_type="UPRN",
    )
    assert form.is_valid(), form.errors
    saved = save(form, place, admin)
    saved.refresh_from_db()
    assert (saved.country, saved.state_province) == ("GB", "Kent")
    assert (saved.external_identifier, saved.external_identifier_type) == ("10092008082", "UPRN")
    bad = bound(LocationForm, saved, alliance, admin, country="GBR", external_identifier=None)
    assert not bad.is_valid()
    assert set(bad.errors) == {"country", "external_identifier"}


# --- API v1 ---------------------------------------------------------------------------------


def test_api_v1_reads_the_new_fields(client, alliance, offer, organisation):
    district = District.objects.create(alliance=alliance, name="Altstadt", slug="altstadt")
    Offer.objects.filter(pk=offer.pk).update(
        fee_amount=Decimal("3.5"), fee_currency="EUR", service_area="Umland", funding=["Stadt"]
    )
    offer.service_districts.add(district)
    Organisation.objects.filter(pk=organisation.pk).update(
        identifiers=[{"identifier_scheme": "DE-VR", "identifier_type": "", "identifier": "VR 1"}]
    )
    data = client.get(f"/api/v1/{alliance.slug}/offers/{offer.slug}").json()
    assert (data["fee_amount"], data["fee_currency"]) == ("3.50", "EUR")
    assert data["service_area"] == {"districts": ["altstadt"], "description": "Umland"}
    assert data["funding"] == ["Stadt"]
    org = client.get(f"/api/v1/{alliance.slug}/organisations/{organisation.slug}").json()
    assert org["identifiers"] == [
        {"identifier_scheme": "DE-VR", "identifier_type": "", "identifier": "VR 1"}
    ]


def test_the_openapi_document_describes_the_new_fields(client):
    document = client.get("/api/v1/openapi.json").json()
    schemas = document["components"]["schemas"]
    assert {"fee_amount", "fee_currency", "service_area", "funding", "sessions"} <= set(
        schemas["OfferOut"]["properties"]
    )
    assert {"identifiers", "funding"} <= set(schemas["OrganisationOut"]["properties"])
    assert "external_identifier" in schemas["LocationOut"]["properties"]
    assert {"fee_amount", "service_area", "funding"} <= set(schemas["OfferPatch"]["properties"])


# --- the offer page and the demo --------------------------------------------------------------


def test_the_offer_page_shows_amount_free_and_area(client, alliance, offer):
    district = District.objects.create(alliance=alliance, name="Altstadt", slug="altstadt")
    Offer.objects.filter(pk=offer.pk).update(fee_amount=Decimal("3.5"), fee_currency="EUR")
    offer.service_districts.add(district)
    Offer.objects.filter(pk=offer.pk).update(service_area="und das Umland")
    html = client.get(offer.get_absolute_url()).content.decode()
    # The fee's note is the provider's German text (marked as such on a page in another language).
    assert "3.50 EUR (" in html and "pro Termin" in html
    assert "Area served" in html and "Altstadt; und das Umland" in html
    Offer.objects.filter(pk=offer.pk).update(fee_amount=Decimal("0"), is_free=True)
    with translation.override("de"):
        html = client.get(offer.get_absolute_url()).content.decode()
    assert "kostenlos" in html


def test_the_demo_shows_the_open_data_fields(alliance, organisation, offer):
    district = District.objects.create(alliance=alliance, name="Altstadt", slug="altstadt")
    place = Location.objects.create(alliance=alliance, name="Bad", slug="bad", district=district)
    offer.offer_locations.create(alliance=alliance, location=place)
    assert install_demo_open_data(alliance=alliance) == 3
    paid = Offer.objects.get(slug="babyschwimmen")
    assert (paid.fee_amount, paid.fee_currency) == (Decimal("2.50"), "EUR")
    assert list(paid.service_districts.all()) == [district]
    organisation.refresh_from_db()
    assert organisation.identifiers[0]["identifier_scheme"] == "DE-VR"
    documents = json_documents(export_tables(alliance=alliance))
    [service] = documents["services"]
    assert [c["amount"] for c in service["cost_options"]] == [2.5]
    assert {a["name"] for a in service["service_areas"]} == {
        "Altstadt",
        "und die Nachbargemeinden im Landkreis",
    }
    [org] = documents["organizations"]
    assert org["organization_identifiers"][0]["identifier_scheme"] == "DE-VR"


# --- API v1 write ---------------------------------------------------------------------------


def _send(client, method, url, body, user):
    _token, raw = api_token_create(user=user, name="Test", valid_days=30)
    return getattr(client, method)(
        url, json.dumps(body), content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {raw}"
    )


def test_api_v1_writes_the_new_fields_through_the_forms(client, coordinator, provider):
    org = provider.organisation
    Organisation.objects.filter(pk=org.pk).update(funding=["Alt"])
    response = _send(
        client,
        "patch",
        f"/api/v1/{org.alliance.slug}/organisations/{org.slug}",
        {"identifiers": [{"identifier_scheme": "DE-VR", "identifier": "VR 77"}]},
        coordinator.user,
    )
    assert response.status_code == 200, response.content
    org.refresh_from_db()
    assert org.identifiers == [
        {"identifier_scheme": "DE-VR", "identifier_type": "", "identifier": "VR 77"}
    ]
    assert org.funding == ["Alt"]  # left out: kept
    assert response.json()["identifiers"][0]["identifier"] == "VR 77"
    District.objects.create(alliance=org.alliance, name="Altstadt", slug="altstadt")
    created = _send(
        client,
        "post",
        f"/api/v1/{org.alliance.slug}/offers",
        {
            "organisation": org.slug,
            "name": "Elterncafé",
            "fee_amount": "1.50",
            "service_area": {"districts": ["altstadt"], "description": "Umland"},
            "funding": ["Stadt", "Land"],
        },
        coordinator.user,
    )
    assert created.status_code == 201, created.content
    offer = Offer.objects.get(alliance=org.alliance, name="Elterncafé")
    assert (offer.fee_amount, offer.fee_currency) == (Decimal("1.50"), "EUR")
    assert [d.slug for d in offer.service_districts.all()] == ["altstadt"]
    assert (offer.service_area, offer.funding) == ("Umland", ["Stadt", "Land"])
    bad = _send(
        client,
        "patch",
        f"/api/v1/{org.alliance.slug}/offers/{offer.slug}",
        {"fee_amount": "2", "is_free": True},
        coordinator.user,
    )
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"] == ["body", "fee_amount"]
    unknown = _send(
        client,
        "patch",
        f"/api/v1/{org.alliance.slug}/offers/{offer.slug}",
        {"service_area": {"districts": ["nirgendwo"]}},
        coordinator.user,
    )
    assert unknown.status_code == 422
    assert unknown.json()["detail"][0]["loc"] == ["body", "service_area", "districts"]
