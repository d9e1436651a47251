"""Round trip is the contract: generated HSDS records, within what our model holds, come
back out of import → export unchanged (address fields and the country included)."""

import json

from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from familiennetz.core.tests.examples import examples
from familiennetz.interop.hsds.export import export_tables, json_documents
from familiennetz.interop.hsds.importer import hsds_import
from familiennetz.interop.hsds.sources import read_files

ROUND_TRIP = settings(
    max_examples=examples(60),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

word = st.from_regex(r"[A-Za-zÄÖÜäöüß0-9][A-Za-zÄÖÜäöüß0-9.&'-]{0,11}", fullmatch=True)
text = st.lists(word, min_size=1, max_size=5).map(" ".join)
long_text = st.lists(word, min_size=1, max_size=30).map(" ".join)
email = st.from_regex(r"[a-z]{1,8}(\.[a-z]{1,6})?@[a-z]{2,10}\.(de|org|net)", fullmatch=True)
website = st.from_regex(r"https://[a-z]{2,10}\.(de|org)/[a-z0-9-]{0,12}", fullmatch=True)
uuid = st.uuids(version=4).map(str)
coordinate = st.integers(-89_999_999, 89_999_999).map(lambda n: n / 1_000_000)
currency = st.sampled_from(["EUR", "GBP", "USD"])
cents = st.integers(1, 999_999).map(lambda n: n // 100 if n % 100 == 0 else n / 100)


def optional(strategy):
    return st.none() | strategy


@st.composite
def organizations(draw):
    org = {"id": draw(uuid), "name": draw(text), "description": draw(long_text)}
    org["email"] = draw(optional(email))
    org["website"] = draw(optional(website))
    org["organization_identifiers"] = [
        {
            "id": draw(uuid),
            "identifier_scheme": draw(optional(st.sampled_from(["DE-HRB", "GB-COH", "DE-VR"]))),
            "identifier_type": draw(text),
            "identifier": draw(word),
        }
        for _ in range(draw(st.integers(0, 2)))
    ]
    org["funding"] = [
        {"id": draw(uuid), "source": draw(text)} for _ in range(draw(st.integers(0, 2)))
    ]
    return org


@st.composite
def locations(draw):
    country = draw(st.sampled_from(["DE", "US", "GB", "AT", "FR", "PL"]))
    postal_code = (
        draw(st.from_regex(r"0[1-9][0-9]{3}", fullmatch=True))
        if country == "DE"
        else draw(st.from_regex(r"[A-Z]{1,2}[0-9] [0-9][A-Z]{2}", fullmatch=True))
    )
    location = {
        "id": draw(uuid),
        "location_type": "physical",
        "name": draw(text),
        "addresses": [
            {
                "id": draw(uuid),
                "address_1": draw(text),
                "city": draw(text),
                "state_province": draw(text),
                "postal_code": postal_code,
                "country": country,
                "address_type": "physical",
            }
        ],
    }
    if draw(st.booleans()):
        location["latitude"], location["longitude"] = draw(coordinate), draw(coordinate) * 2
    if draw(st.booleans()):
        location["external_identifier"] = draw(st.from_regex(r"[0-9]{6,12}", fullmatch=True))
        location["external_identifier_type"] = draw(st.sampled_from(["UPRN", "ALKIS"]))
    return location


@st.composite
def services(draw):
    org, location = draw(organizations()), draw(locations())
    service = {
        "id": draw(uuid),
        "name": draw(text),
        "description": draw(long_text),
        "status": "active",
        "email": draw(optional(email)),
        "url": draw(optional(website)),
        "fees_description": draw(optional(text)),
        "organization": org,
        "cost_options": [
            {
                "id": draw(uuid),
                "amount": draw(cents),
                "currency": draw(st.sampled_from(["EUR", "GBP"])),
            }
        ]
        if draw(st.booleans())
        else [],
        "service_areas": [{"id": draw(uuid), "name": draw(text)}] if draw(st.booleans()) else [],
        "funding": [
            {"id": draw(uuid), "source": draw(text)} for _ in range(draw(st.integers(0, 2)))
        ],
        "service_at_locations": [
            {"id": draw(uuid), "location": {**location, "organization_id": org["id"]}}
        ],
        # The service's own times (no place): the offer's schedule (ADR 1540).
        "schedules": [draw(schedules()) for _ in range(draw(st.integers(0, 2)))],
    }
    return service


WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


@st.composite
def schedules(draw):
    days = draw(st.lists(st.sampled_from(WEEKDAYS), min_size=1, max_size=3, unique=True))
    opens = draw(st.integers(6, 18))
    closes = draw(st.integers(opens + 1, 21))
    return {
        "id": draw(uuid),
        "freq": "WEEKLY",
        "byday": ",".join(sorted(days, key=WEEKDAYS.index)),
        "opens_at": f"{opens:02d}:{draw(st.sampled_from([0, 15, 30])):02d}",
        "closes_at": f"{closes:02d}:00",
        "description": draw(optional(text)),
    }


# What we compare, per document: its fields and its nested lists (whose ids are our own).
SERVICE_FIELDS = ("id", "name", "description", "status", "email", "url", "fees_description")
NESTED_SERVICE = {
    "cost_options": ("amount", "currency"),
    "service_areas": ("name",),
    "funding": ("source",),
    "schedules": ("id", "freq", "byday", "opens_at", "closes_at", "description"),
}
ORG_FIELDS = ("id", "name", "description", "email", "website")
NESTED_ORG = {
    "organization_identifiers": ("identifier_scheme", "identifier_type", "identifier"),
    "funding": ("source",),
}
LOCATION_FIELDS = (
    "id",
    "name",
    "latitude",
    "longitude",
    "external_identifier",
    "external_identifier_type",
)
NESTED_LOCATION = {
    "addresses": ("address_1", "city", "state_province", "postal_code", "country", "address_type")
}


def project(document: dict, fields, nested) -> dict:
    out = {key: document[key] for key in fields if document.get(key) not in (None, "")}
    for prop, keys in nested.items():
        out[prop] = [
            {k: item[k] for k in keys if item.get(k) not in (None, "")}
            for item in document.get(prop) or []
        ]
    return out


@ROUND_TRIP
@given(service=services())
def test_import_then_export_gives_the_records_back(empty_alliance, service):
    files = {"service.json": json.dumps(service).encode()}
    with transaction.atomic():
        report = hsds_import(alliance=empty_alliance, tables=read_files(files))
        assert report.committed, report.errors
        documents = json_documents(export_tables(alliance=empty_alliance))
        transaction.set_rollback(True)
    [exported] = documents["services"]
    [organization] = documents["organizations"]
    [location] = documents["locations"]
    source_location = service["service_at_locations"][0]["location"]
    assert project(exported, SERVICE_FIELDS, NESTED_SERVICE) == project(
        service, SERVICE_FIELDS, NESTED_SERVICE
    )
    assert project(organization, ORG_FIELDS, NESTED_ORG) == project(
        service["organization"], ORG_FIELDS, NESTED_ORG
    )
    assert project(location, LOCATION_FIELDS, NESTED_LOCATION) == project(
        source_location, LOCATION_FIELDS, NESTED_LOCATION
    )
    assert exported["organization"]["id"] == service["organization"]["id"]
    [link] = exported["service_at_locations"]
    assert link["location"]["id"] == source_location["id"]
