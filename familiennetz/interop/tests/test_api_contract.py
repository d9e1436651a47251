"""The API's contract (issue 18): tenancy and permission before the body, every 4xx in the
OpenAPI document, the rules stated there, a query-length limit below gunicorn's."""

import json

import pytest
from django.test import Client

from familiennetz.alliances.tests.factories import MembershipFactory
from familiennetz.interop.api.http import MAX_QUERY_BYTES
from familiennetz.interop.tests.test_api_write import bearer, send

READ_4XX = {"400", "404", "414", "422", "429"}
WRITE_4XX = READ_4XX | {"401", "403", "413"}


@pytest.fixture
def stranger_token(other_alliance):
    """A coordinator of another network."""
    return bearer(MembershipFactory(alliance=other_alliance, role="coordinator").user)


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/api/v1/hainichen/offers"),
        ("post", "/api/v1/hainichen/organisations"),
        ("patch", "/api/v1/hainichen/offers/babytreff"),
        ("delete", "/api/v1/hainichen/events/fest"),
    ],
)
def test_another_alliances_token_gets_404_before_the_body_is_validated(
    client, alliance, offer_factory, stranger_token, method, path
):
    offer_factory(alliance=alliance, slug="babytreff")
    invalid = {"name": 12345, "publication_status": "nonsense", "unknown": [1, 2]}
    response = send(client, method, path, invalid, **stranger_token)
    assert response.status_code == 404, response.content
    assert "detail" in response.json()


def test_missing_permission_is_403_before_the_body(client, alliance, provider):
    """A provider may not create organisations: 403, whatever the body says."""
    response = send(
        client, "post", "/api/v1/hainichen/organisations", {"name": 1}, **bearer(provider.user)
    )
    assert response.status_code == 403


def test_own_alliance_still_gets_422_for_an_invalid_body(client, coordinator):
    response = send(
        client, "post", "/api/v1/hainichen/organisations", {"name": 1}, **bearer(coordinator.user)
    )
    assert response.status_code == 422


def test_too_large_body_is_413(client, coordinator, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    body = {"name": "Verein", "description": "x" * 20_000}
    response = send(
        client, "post", "/api/v1/hainichen/organisations", body, **bearer(coordinator.user)
    )
    assert response.status_code == 413
    assert "too large" in response.json()["detail"] or "zu groß" in response.json()["detail"]


def test_long_query_is_414_from_the_api_and_long_q_is_422(client, alliance):
    too_long = "ä" * (MAX_QUERY_BYTES // 6 + 10)  # percent-encoded: 6 bytes a character
    response = client.get("/api/v1/hainichen/offers", {"q": too_long})
    assert response.status_code == 414
    assert response["Content-Type"] == "application/json"
    assert client.get("/api/v1/hainichen/offers", {"q": "a" * 201}).status_code == 422
    assert client.get("/api/v1/hainichen/offers", {"q": "a" * 200}).status_code == 200


def openapi(path: str) -> dict:
    return json.loads(Client().get(path).content)


@pytest.mark.parametrize("document", ["/api/v1/openapi.json", "/api/hsds/openapi.json"])
def test_every_operation_declares_every_4xx_it_can_give(db, document):
    for path, operations in openapi(document)["paths"].items():
        for method, operation in operations.items():
            declared = {code for code in operation["responses"] if code.startswith("4")}
            expected = WRITE_4XX if method in ("post", "patch", "delete") else READ_4XX
            assert expected <= declared, (method, path, expected - declared)


def test_the_schema_states_the_cross_field_and_range_rules(db):
    parameters: dict[str, str] = {}
    for operations in openapi("/api/v1/openapi.json")["paths"].values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                text = parameter.get("description", "") or parameter["schema"].get(
                    "description", ""
                )
                if parameter["name"] == "q":
                    assert "at most 200 characters" in text and "414" in text
                parameters[parameter["name"]] = text
    assert "1900-01-01 to 2200-12-31" in parameters["from"]
    assert "not before 'from'" in parameters["to"]
    assert "at most one origin" in parameters["near_district"].lower()
    assert "together with lon" in parameters["lat"].lower()


def test_the_request_bodies_state_what_the_forms_refuse(db):
    """Every rule a write's form applies is in the document (so that every body the document
    allows is accepted: schemathesis's positive-data check), in JSON Schema's own keywords."""
    document = openapi("/api/v1/openapi.json")
    text = json.dumps(document)
    for internal in ('"ge":', '"le":', '"max_digits":', '"decimal_places":'):
        assert internal not in text  # pydantic's names would be ignored by every validator
    schemas = document["components"]["schemas"]

    def field(schema: str, name: str) -> dict:
        value = schemas[schema]["properties"][name]
        return {**value.get("anyOf", [{}])[0], **value}

    assert "pattern" in field("OrganisationCreate", "name")  # not blank, no NUL
    assert field("OrganisationPatch", "email")["pattern"].startswith("^(?:|")
    assert "https?" in field("OfferPatch", "website")["pattern"]
    assert field("EventCreate", "capacity")["minimum"] == 1
    assert field("AgeIn", "max_months")["maximum"] == 324
    assert "not below min_months" in field("AgeIn", "max_months")["description"]
    assert field("OfferPatch", "fee_amount")["multipleOf"] == 0.01
    assert "not with is_free" in field("OfferPatch", "fee_amount")["description"]
    assert "only with a fee_amount" in field("OfferPatch", "fee_currency")["description"]
    assert "Together with longitude" in field("LocationPatch", "latitude")["description"]
    assert "FREQ=" in field("EventPatch", "rrule")["pattern"]
    assert "2200" in field("EventCreate", "starts_at")["pattern"]
    assert "Not before starts_at" in field("EventPatch", "ends_at")["description"]
