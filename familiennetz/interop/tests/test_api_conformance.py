"""A bounded schemathesis run against our OpenAPI documents (CI runs it with the suite):
every operation, generated valid and invalid parameters, no 5xx, every response as
documented (status, content type, headers, body schema). The write operations run with a
coordinator's API token; most valid cases address existing entries and organisations.

Raise the bound locally with API_CONFORMANCE_EXAMPLES=200.
"""

import os
import zlib

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from schemathesis.core.parameters import ParameterLocation
from schemathesis.specs.openapi.checks import positive_data_acceptance

from config.wsgi import application
from familiennetz.directory.models import Schedule
from familiennetz.directory.tests.factories import (
    CategoryFactory,
    DistrictFactory,
    LocationFactory,
    OfferFactory,
    OrganisationFactory,
    ScheduleFactory,
)
from familiennetz.events.tests.factories import EventFactory

pytestmark = pytest.mark.slow  # make test-fast leaves it out

EXAMPLES = int(os.environ.get("API_CONFORMANCE_EXAMPLES", "12"))
ALLIANCE = "testnetz"
# Slugs of existing entries per path segment, and the organisation new entries belong to.
ENTRIES = {"offers": "angebot-0", "organisations": "traeger", "locations": "haus", "events": "fest"}
ORGANISATION = "traeger"
# Body fields naming other entries: random slugs would only ever give the documented 422.
REFERENCES = {"offer", "location", "district", "places", "categories", "languages"}


@pytest.fixture
def api_data(db, settings):
    """A small network with offers, places, schedules, categories, districts and an event;
    returns the headers of the requests: a coordinator's API token, no compression
    (GZipMiddleware would compress the bodies, which schemathesis's WSGI client does not
    decode)."""
    settings.API_RATE_LIMIT = 1_000_000
    from familiennetz.accounts.services import api_token_create
    from familiennetz.alliances.tests.factories import AllianceFactory, MembershipFactory

    alliance = AllianceFactory(slug=ALLIANCE, name="Testnetz")
    organisation = OrganisationFactory(alliance=alliance, slug=ORGANISATION)
    coordinator = MembershipFactory(alliance=alliance, role="coordinator").user
    _token, raw = api_token_create(user=coordinator, name="Schemathesis", valid_days=30)
    district = DistrictFactory(alliance=alliance, slug="mitte", name="Mitte")
    parent = CategoryFactory(alliance=alliance, slug="beratung", code="beratung")
    child = CategoryFactory(
        alliance=alliance, slug="erziehung", code="beratung.erziehung", parent=parent
    )
    place = LocationFactory(
        alliance=alliance,
        organisation=organisation,
        slug="haus",
        district=district,
        postal_code="09661",
    )
    for n in range(3):
        offer = OfferFactory(
            alliance=alliance,
            organisation=organisation,
            slug=f"angebot-{n}",
            name=f"Elterncafé {n}",
            categories=[child],
            locations=[place],
            age_min_months=0,
            age_max_months=35 + 12 * n,
        )
    ScheduleFactory(alliance=alliance, offer_location=offer.offer_locations.get())
    ScheduleFactory(
        alliance=alliance, offer_location=None, location=place, kind=Schedule.Kind.OPENING_HOURS
    )
    EventFactory(alliance=alliance, organisation=organisation, slug="fest", location=place)
    return {"Authorization": f"Bearer {raw}", "Accept-Encoding": "identity"}


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """The WSGI application closes database connections at the end of each request (Django's
    test client switches that off, as we do here): on PostgreSQL that would close the
    connection that holds the test's transaction."""
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


ORIGINS = (("near_district",), ("near_location",), ("lat", "lon"))


def _year(value) -> int | None:
    text = str(value)
    return int(text[:4]) if len(text) >= 4 and text[:4].isdigit() else None


def documented_query_rules(query: dict) -> dict:
    """The cross-field rules of the query parameters that OpenAPI cannot state (each is in the
    parameter's description and answered with a documented 422), applied to generated *valid*
    cases: lat and lon together; one origin (near_district, near_location or lat/lon); 'to'
    not before 'from'; dates from 1900 to 2200; bbox as minlon,minlat,maxlon,maxlat."""
    query = dict(query)
    if ("lat" in query) != ("lon" in query):
        query.pop("lat", None)
        query.pop("lon", None)
    chosen = next((o for o in ORIGINS if all(name in query for name in o)), None)
    for origin in ORIGINS:
        if origin is not chosen:
            for name in origin:
                query.pop(name, None)
    for name in ("from", "to", "modified_since", "since"):
        year = _year(query.get(name, "")) if name in query else None
        if year is not None and not 1900 <= year <= 2200:
            query.pop(name)
    if "from" in query and "to" in query and str(query["to"])[:10] < str(query["from"])[:10]:
        query.pop("to")
    if "bbox" in query:
        try:
            a, b, c, d = (float(x) for x in str(query["bbox"]).split(","))
        except ValueError:
            query.pop("bbox")
        else:
            if not (
                min(a, c) >= -180 and max(a, c) <= 180 and min(b, d) >= -90 and max(b, d) <= 90
            ):
                query.pop("bbox")
            else:
                query["bbox"] = f"{min(a, c)},{min(b, d)},{max(a, c)},{max(b, d)}"
    return query


def _schema(path: str):
    schema = schemathesis.openapi.from_wsgi(path, application)
    # A query string beyond the API's limit is refused with the documented 414 (api/http.py),
    # a rejection like 400 and 422.
    rejection = schema.config.checks.negative_data_rejection
    rejection.expected_statuses = [*rejection.expected_statuses, "414"]

    @schema.hook
    def map_case(context, case):
        """Most valid cases address the test network (the rest: unknown networks); cases
        generated to have an invalid path keep it."""
        path = case.path_parameters
        if not path or "alliance" not in path:
            return case
        info = case._meta.components.get(ParameterLocation.PATH) if case._meta else None
        if info is not None and info.mode == GenerationMode.NEGATIVE:
            return case
        if zlib.crc32(str(path["alliance"]).encode()) % 5:
            case.path_parameters = {**path, "alliance": ALLIANCE}
            segment = case.path.rstrip("/").split("/")[-2]
            if "slug" in path and segment in ENTRIES and zlib.crc32(str(path["slug"]).encode()) % 3:
                case.path_parameters["slug"] = ENTRIES[segment]
        info = case._meta.components.get(ParameterLocation.QUERY) if case._meta else None
        if isinstance(case.query, dict) and (info is None or info.mode != GenerationMode.NEGATIVE):
            case.query = documented_query_rules(case.query)
        info = case._meta.components.get(ParameterLocation.BODY) if case._meta else None
        if isinstance(case.body, dict) and (info is None or info.mode != GenerationMode.NEGATIVE):
            case.body = {k: v for k, v in case.body.items() if k not in REFERENCES}
            if "organisation" in case.body:
                case.body["organisation"] = ORGANISATION
        return case

    return schema


# Cross-field rules (lat needs lon, 'to' not before 'from') cannot be written in OpenAPI; the
# API answers them with a documented 422, which this check would count as a rejection of a
# valid request.
EXCLUDED = [] if os.environ.get("API_POSITIVE") else [positive_data_acceptance]
HYPOTHESIS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)

v1 = _schema("/api/v1/openapi.json")
hsds = _schema("/api/hsds/openapi.json")


@v1.parametrize()
@HYPOTHESIS
def test_v1_api_conforms_to_its_openapi_document(case, api_data):
    case.call_and_validate(headers=api_data, excluded_checks=EXCLUDED)


@hsds.parametrize()
@HYPOTHESIS
def test_hsds_api_conforms_to_its_openapi_document(case, api_data):
    case.call_and_validate(headers=api_data, excluded_checks=EXCLUDED)
