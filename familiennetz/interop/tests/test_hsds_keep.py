"""What parents and partners use is kept from HSDS and exported again: cost options, service
areas, organisation identifiers, funding, location identifiers, the address's country; what
is not kept is listed per record."""

import copy
import json
from decimal import Decimal

import pytest
from django.utils import translation

from familiennetz.directory.models import Location, Offer, Organisation, Schedule
from familiennetz.interop.hsds.export import export_tables, json_files
from familiennetz.interop.hsds.importer import hsds_import
from familiennetz.interop.hsds.sources import read_files, read_path
from familiennetz.interop.report import Level

from .conftest import HSDS_EXAMPLES

SERVICE_FULL = json.loads((HSDS_EXAMPLES / "service_full.json").read_text())


@pytest.fixture(autouse=True)
def english():
    """Messages are compared in English (the catalogue is German)."""
    with translation.override("en"):
        yield


def run(alliance, document, name="service.json"):
    return hsds_import(alliance=alliance, tables=read_files({name: json.dumps(document).encode()}))


def notes(report):
    return [(i.record, i.message) for i in report.issues if i.level == Level.INFO]


def test_the_full_service_example_keeps_costs_areas_funding_and_identifiers(empty_alliance):
    report = hsds_import(
        alliance=empty_alliance, tables=read_path(HSDS_EXAMPLES / "service_full.json")
    )
    assert report.committed, report.errors
    offer = Offer.objects.get(alliance=empty_alliance)
    assert (offer.fee_amount, offer.fee_currency) == (Decimal("35.00"), "GBP")
    assert offer.fee_description  # the service's own fees_description
    assert offer.service_area.startswith("The service is available to all residents")
    assert offer.funding == [SERVICE_FULL["funding"][0]["source"]]
    org = Organisation.objects.get(alliance=empty_alliance)
    assert org.identifiers == [
        {
            "identifier_scheme": "GB-COH",
            "identifier_type": "Company number",
            "identifier": "1234567",
        }
    ]
    place = Location.objects.get(alliance=empty_alliance)
    assert (place.external_identifier, place.external_identifier_type) == (
        "10092008082",
        "UPRN",
    )
    assert (place.country, place.state_province) == ("US", "MyState")

    export = export_tables(alliance=empty_alliance)
    [address] = export.rows("address")
    assert (address["country"], address["state_province"]) == ("US", "MyState")
    [cost] = export.rows("cost_option")
    assert (cost["amount"], cost["currency"]) == (35, "GBP")
    [identifier] = export.rows("organization_identifier")
    assert identifier["identifier"] == "1234567"
    [location] = export.rows("location")
    assert location["external_identifier"] == "10092008082"
    assert {row["source"] for row in export.rows("funding")} == {
        SERVICE_FULL["funding"][0]["source"]
    }
    assert [row["name"] for row in export.rows("service_area")] == [offer.service_area]


def test_what_is_not_kept_is_listed_per_record(empty_alliance):
    document = copy.deepcopy(SERVICE_FULL)
    document["attributes"].append(
        {"id": "0e4f1b89-5d5c-4ecd-9e99-4b0e4b7c2f01", "link_type": "eligibility"}
    )
    report = run(empty_alliance, document)
    service = f"service {SERVICE_FULL['id']}"
    [kept] = [m for record, m in notes(report) if record == service and "Not kept" in m]
    assert "wait_time" in kept
    messages = " ".join(message for _record, message in notes(report))
    assert "An attribute without a taxonomy term is not kept (link_type=" in messages
    assert "The schedule's notes are not kept." in messages


def test_schedule_notes_are_not_appended_to_the_description(empty_alliance):
    document = copy.deepcopy(SERVICE_FULL)
    schedule = document["schedules"][0]
    schedule["notes"] = "Nur nach Absprache"
    run(empty_alliance, document)
    for stored in Schedule.objects.filter(alliance=empty_alliance):
        assert "Nur nach Absprache" not in stored.description


@pytest.mark.parametrize(
    ("options", "free", "text", "amount"),
    [
        ([{"amount": 0, "currency": "EUR"}], True, "kostenlos", None),
        ([{"amount": 0, "option": "für alle"}], True, "für alle", None),
        ([{"amount": 4.5, "currency": "eur", "option": "pro Termin"}], False, "pro Termin", "4.50"),
        ([{"option": "Spende erbeten"}], False, "Spende erbeten", None),
    ],
)
def test_cost_options_become_the_fee_fields(empty_alliance, options, free, text, amount):
    document = {
        "id": "6a0c7a45-1f1e-4a8e-9a55-0d6a0d3e8b11",
        "name": "Babyschwimmen",
        "status": "active",
        "organization": {
            "id": "7b1d8b56-2a2f-4b9f-8b66-1e7b1e4f9c22",
            "name": "Schwimmverein",
            "description": "Verein",
        },
        "cost_options": [
            {"id": f"8c2e9c67-3b3a-4cab-9c77-2f8c2f5a0d{i:02d}", **option}
            for i, option in enumerate(options)
        ],
    }
    report = run(empty_alliance, document)
    assert report.committed, report.errors
    offer = Offer.objects.get(alliance=empty_alliance)
    assert offer.is_free is free
    assert offer.fee_description == text
    assert offer.fee_amount == (Decimal(amount) if amount else None)
    if amount:
        assert offer.fee_currency == "EUR"


def test_service_areas_match_districts_by_name(empty_alliance, district_factory):
    mitte = district_factory(alliance=empty_alliance, name="Mitte")
    document = copy.deepcopy(SERVICE_FULL)
    document["service_areas"] = [
        {"id": "9d3fad78-4c4b-4dbc-8d88-3a9d3a6b1e01", "name": "mitte"},
        {"id": "9d3fad78-4c4b-4dbc-8d88-3a9d3a6b1e02", "name": "Landkreis Mittelsachsen"},
    ]
    run(empty_alliance, document)
    offer = Offer.objects.get(alliance=empty_alliance)
    assert list(offer.service_districts.all()) == [mitte]
    assert offer.service_area == "Landkreis Mittelsachsen"
    names = [row["name"] for row in export_tables(alliance=empty_alliance).rows("service_area")]
    assert names == ["Mitte", "Landkreis Mittelsachsen"]


def test_a_country_that_is_no_iso_code_is_reported(empty_alliance):
    document = copy.deepcopy(SERVICE_FULL)
    document["service_at_locations"][0]["location"]["addresses"][0]["country"] = "Germany"
    report = run(empty_alliance, document)
    assert any(i.field == "country" and i.level == Level.WARNING for i in report.issues), (
        report.issues
    )
    assert Location.objects.get(alliance=empty_alliance).country == ""


def test_reimport_of_the_own_export_changes_nothing(empty_alliance):
    hsds_import(alliance=empty_alliance, tables=read_path(HSDS_EXAMPLES / "service_full.json"))
    export = export_tables(alliance=empty_alliance)
    again = hsds_import(alliance=empty_alliance, tables=read_files(json_files(export)))
    assert again.committed, again.errors
    assert "updated" not in again.counts["offer"], again.counts
    assert "updated" not in again.counts["location"], again.counts
    assert "updated" not in again.counts["organisation"], again.counts


def test_the_amount_is_shown_on_the_offer_page(client, empty_alliance):
    document = copy.deepcopy(SERVICE_FULL)
    run(empty_alliance, document)
    offer = Offer.objects.get(alliance=empty_alliance)
    with translation.override("de"):
        page = client.get(offer.get_absolute_url())
    assert page.status_code == 200
    assert "35,00 GBP" in page.content.decode()
