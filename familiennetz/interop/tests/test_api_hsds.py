"""The HSDS endpoints answer the requests the official HSDS OpenAPI file describes (every
path, every parameter) with responses valid against the compiled list and object schemas."""

import re

import pytest
from jsonschema import Draft202012Validator

from familiennetz.alliances.models import Alliance
from familiennetz.directory.models import Offer
from familiennetz.interop.hsds import schema
from familiennetz.interop.hsds.ids import IdMap, Kind
from familiennetz.interop.hsds.vocabulary import CATEGORY_TAXONOMY_ID

pytestmark = pytest.mark.usefixtures("demo_alliances")

ITEM_SCHEMAS = {
    "/services": "compiled/service_list.json",
    "/organizations": "compiled/organization_list.json",
    "/service_at_locations": "compiled/service_at_location_list.json",
    "/taxonomies": "taxonomy.json",
    "/taxonomy_terms": "taxonomy_term.json",
    "/locations": "location.json",
}
# The HSDS file names compiled/service.json for /service_at_locations/{id}, evidently a slip;
# we answer with a service_at_location (validated against that schema).
OBJECT_SCHEMAS = {
    "/services/{id}": "service.json",
    "/organizations/{id}": "organization.json",
    "/service_at_locations/{id}": "service_at_location.json",
    "/taxonomies/{id}": "taxonomy.json",
    "/taxonomy_terms/{id}": "taxonomy_term.json",
    "/locations/{id}": "location.json",
}
FULL_SCHEMAS = {
    "/services": "service.json",
    "/organizations": "organization.json",
    "/service_at_locations": "service_at_location.json",
}


@pytest.fixture
def values(db):
    """Plausible values for every parameter of the HSDS OpenAPI file (Hainichen demo)."""
    alliance = Alliance.objects.get(slug="hainichen")
    ids = IdMap(alliance.pk)
    offer = (
        Offer.objects.for_alliance(alliance)
        .published()
        .filter(categories__parent__isnull=False, offer_locations__isnull=False)
        .first()
    )
    category = offer.categories.filter(parent__isnull=False).first()
    link = offer.offer_locations.first()
    return {
        "search": "Eltern",
        "page": 1,
        "per_page": 3,
        "format": "json",
        "taxonomy_term_id": ids.hsds_id(Kind.CATEGORY, category.pk),
        "taxonomy_id": CATEGORY_TAXONOMY_ID,
        "organization_id": ids.hsds_id(Kind.ORGANISATION, offer.organisation_id),
        "modified_after": "2000-01-01T00:00:00Z",
        "minimal": "true",
        "full": "true",
        "full_service": "true",
        "postcode": link.location.postal_code,
        "proximity": "5000",
        "top_only": "true",
        "parent_id": ids.hsds_id(Kind.CATEGORY, category.parent_id),
        "ids": {
            "/services/{id}": ids.hsds_id(Kind.OFFER, offer.pk),
            "/organizations/{id}": ids.hsds_id(Kind.ORGANISATION, offer.organisation_id),
            "/service_at_locations/{id}": ids.hsds_id(Kind.OFFER_LOCATION, link.pk),
            "/taxonomies/{id}": CATEGORY_TAXONOMY_ID,
            "/taxonomy_terms/{id}": ids.hsds_id(Kind.CATEGORY, category.pk),
            "/locations/{id}": ids.hsds_id(Kind.LOCATION, link.location_id),
        },
    }


def example_requests():
    """(path, query) pairs: each path alone and with each of its parameters."""
    document = schema.openapi()
    parameters = document["components"]["parameters"]
    requests = []
    for path, item in document["paths"].items():
        names = []
        for parameter in item["get"].get("parameters", []):
            if "$ref" in parameter:
                parameter = parameters[parameter["$ref"].rsplit("/", 1)[-1]]
            names.append(parameter["name"])
        requests.append((path, None))
        requests += [(path, name) for name in names]
    return [*requests, ("/locations", None), ("/locations/{id}", None)]


def page_validator():
    page = schema.openapi()["components"]["schemas"]["Page"]
    return Draft202012Validator({**page, "required": list(page["properties"])})


@pytest.mark.parametrize(("path", "parameter"), example_requests())
def test_hsds_endpoint_answers_the_example_request(client, values, path, parameter):
    url = "/api/hsds/hainichen" + path.replace("{id}", values["ids"].get(path, ""))
    query = {parameter: values[parameter]} if parameter else {}
    if parameter == "proximity":
        query["postcode"] = values["postcode"]

    response = client.get(url, query)

    assert response.status_code == 200, response.content
    body = response.json()
    if path == "/":
        assert body["version"] == "3.0"
        assert body["openapi_url"].endswith("/api/hsds/openapi.json")
    elif path in OBJECT_SCHEMAS:
        assert schema.errors(OBJECT_SCHEMAS[path], body) == []
    else:
        assert list(page_validator().iter_errors(body)) == []
        item_schema = ITEM_SCHEMAS[path]
        if parameter == "full" or (parameter == "full_service" and path == "/organizations"):
            item_schema = FULL_SCHEMAS[path]
        for item in body["contents"]:
            assert schema.errors(item_schema, item) == [], item.get("id")


def test_search_and_taxonomy_filters_narrow_the_services(client, values):
    everything = client.get("/api/hsds/hainichen/services", {"per_page": 100}).json()
    found = client.get(
        "/api/hsds/hainichen/services", {"search": "Hebamme", "per_page": 100}
    ).json()
    term = client.get(
        "/api/hsds/hainichen/services",
        {"taxonomy_term_id": values["taxonomy_term_id"], "per_page": 100},
    ).json()
    assert 0 < found["total_items"] < everything["total_items"]
    assert 0 < term["total_items"] < everything["total_items"]
    assert (
        everything["total_items"]
        == Offer.objects.filter(alliance__slug="hainichen", status="published").count()
    )


def test_age_filter_of_the_uk_profile(client):
    everything = client.get("/api/hsds/hainichen/services", {"per_page": 100}).json()
    toddlers = client.get("/api/hsds/hainichen/services", {"age": 1, "per_page": 100}).json()
    assert 0 < toddlers["total_items"] < everything["total_items"]
    for service in toddlers["contents"]:  # one year old: 12 to 23 months
        lo, hi = service.get("minimum_age"), service.get("maximum_age")
        assert (lo is None or lo < 2) and (hi is None or hi >= 1)


def test_proximity_keeps_services_within_the_distance(client, values):
    near = client.get(
        "/api/hsds/hainichen/service_at_locations",
        {"postcode": values["postcode"], "proximity": 1, "per_page": 100},
    ).json()
    wide = client.get(
        "/api/hsds/hainichen/service_at_locations",
        {"postcode": values["postcode"], "proximity": 50_000, "per_page": 100},
    ).json()
    assert near["total_items"] <= wide["total_items"]
    assert wide["total_items"] > 0


def test_ndjson_streams_all_results(client):
    response = client.get("/api/hsds/hainichen/taxonomy_terms", {"format": "ndjson"})
    assert response["Content-Type"] == "application/x-ndjson"
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert len(lines) > 40
    assert all(re.match(r'^\{"id": "', line) for line in lines)


def test_unknown_ids_and_networks_are_404(client):
    assert client.get("/api/hsds/hainichen/services/not-an-id").status_code == 404
    other = Offer.objects.filter(alliance__slug="prohlis").first()
    other_id = IdMap(other.alliance_id).hsds_id(Kind.OFFER, other.pk)
    assert client.get(f"/api/hsds/hainichen/services/{other_id}").status_code == 404
    assert client.get("/api/hsds/nirgendwo/services").status_code == 404


def test_drafts_are_not_served(client):
    draft = Offer.objects.filter(alliance__slug="hainichen", status="draft").first()
    draft_id = IdMap(draft.alliance_id).hsds_id(Kind.OFFER, draft.pk)
    assert client.get(f"/api/hsds/hainichen/services/{draft_id}").status_code == 404
    names = {
        s["name"]
        for s in client.get("/api/hsds/hainichen/services", {"per_page": 100}).json()["contents"]
    }
    assert draft.name not in names


@pytest.mark.parametrize(
    ("path", "parameter"),
    [
        ("service_at_locations", "postcode"),
        ("services", "postcode"),
        ("services", "search"),
        ("services", "taxonomy_term_id"),
        ("services", "organization_id"),
        ("taxonomy_terms", "parent_id"),
    ],
)
def test_a_nul_character_in_a_text_parameter_is_422_not_a_server_error(
    client, values, path, parameter
):
    """PostgreSQL cannot compare text with a NUL character: schemathesis found a 500 there."""
    response = client.get(f"/api/hsds/hainichen/{path}", {parameter: "09\x0061"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == parameter
