"""HSDS import: the official examples, HSDS 1.1 files, semantic checks, all-or-nothing."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from familiennetz.directory.models import Category, Contact, Location, Offer, Organisation, Schedule
from familiennetz.interop.hsds.export import export_tables, json_files
from familiennetz.interop.hsds.importer import hsds_import
from familiennetz.interop.hsds.sources import read_bytes, read_files, read_path
from familiennetz.interop.models import ExternalId
from familiennetz.interop.report import Level

from .conftest import HSDS_EXAMPLES, SHARED_DATA

EXAMPLE_FILES = [
    "service_full.json",
    "organization_full.json",
    "service_at_location_full.json",
    "location.json",
    "taxonomy.json",
    "taxonomy_term.json",
    "service_list.json",
    "organization_list.json",
    "service_at_location_list.json",
    "taxonomy_list.json",
    "taxonomy_term_list.json",
    "csv",
]
SERVICE_ID = "ac148810-d857-441c-9679-408f346de14b"


def issues_of(report, level):
    return [issue for issue in report.issues if issue.level == level]


@pytest.mark.parametrize("name", EXAMPLE_FILES)
def test_official_hsds_examples_import_with_zero_errors(empty_alliance, name):
    report = hsds_import(alliance=empty_alliance, tables=read_path(HSDS_EXAMPLES / name))
    assert issues_of(report, Level.ERROR) == []
    assert report.committed


def test_full_service_example_becomes_offer_place_schedule_and_contact(empty_alliance):
    hsds_import(alliance=empty_alliance, tables=read_path(HSDS_EXAMPLES / "service_full.json"))

    offer = Offer.objects.get(alliance=empty_alliance)
    assert offer.name == "Community Counselling"
    assert offer.organisation.name == "Example Organization Inc."
    assert offer.email == "email@example.com"
    assert offer.website == "http://example.com/counselling"
    assert (offer.age_min_months, offer.age_max_months) == (144, None)  # 12 years, "100"
    assert offer.is_published and offer.published_at
    assert offer.phone == '"+44 1234 234567"'
    place = Location.objects.get(alliance=empty_alliance)
    assert place.name == "MyCity Civic Center"
    assert place.street == "1-30 Main Street MyVillage"
    assert (place.latitude, place.longitude) == (None, None)  # 100/101 is out of range
    schedule = Schedule.objects.get(alliance=empty_alliance)
    assert schedule.rrule == "FREQ=WEEKLY;INTERVAL=1;BYDAY=TH,FR;UNTIL=20050101;WKST=TU"
    assert schedule.offer_location.offer == offer
    assert str(schedule.opens_at) == "10:00:00"
    assert Contact.objects.get(alliance=empty_alliance).role == "Reception Manager"
    assert list(offer.categories.values_list("code", flat=True)) == ["code"]


def test_example_problems_are_reported_per_record(empty_alliance):
    report = hsds_import(
        alliance=empty_alliance, tables=read_path(HSDS_EXAMPLES / "service_full.json")
    )
    warnings = {(issue.record, issue.field) for issue in issues_of(report, Level.WARNING)}
    assert ("location 3a19ff88-4620-4d17-9830-ac1d859eb5d5", "latitude") in warnings
    assert (f"service {SERVICE_ID}", "languages") in warnings  # Urdu is not in our list


def test_reimporting_the_examples_updates_instead_of_duplicating(empty_alliance):
    tables = lambda: read_path(HSDS_EXAMPLES / "csv")  # noqa: E731
    hsds_import(alliance=empty_alliance, tables=tables())
    again = hsds_import(alliance=empty_alliance, tables=tables())

    assert again.errors == []
    assert Offer.objects.filter(alliance=empty_alliance).count() == 1
    assert Location.objects.filter(alliance=empty_alliance).count() == 1
    assert {outcome for counts in again.counts.values() for outcome in counts} == {"unchanged"}
    assert ExternalId.objects.get(alliance=empty_alliance, kind="offer").value == SERVICE_ID


def test_changed_source_updates_the_same_offer(empty_alliance):
    document = json.loads((HSDS_EXAMPLES / "service_full.json").read_text())

    def source():
        return read_files({"s.json": json.dumps(document).encode()})

    hsds_import(alliance=empty_alliance, tables=source())
    document["name"] = "Familienberatung"
    report = hsds_import(alliance=empty_alliance, tables=source())
    assert report.counts["offer"]["updated"] == 1
    assert list(Offer.objects.filter(alliance=empty_alliance).values_list("name", flat=True)) == [
        "Familienberatung"
    ]


def test_dry_run_reports_but_saves_nothing(empty_alliance):
    report = hsds_import(
        alliance=empty_alliance,
        tables=read_path(HSDS_EXAMPLES / "organization_full.json"),
        dry_run=True,
    )
    assert report.counts["offer"]["created"] == 1
    assert not report.committed
    assert not Offer.objects.filter(alliance=empty_alliance).exists()
    assert not Category.objects.filter(alliance=empty_alliance).exists()
    assert not ExternalId.objects.exists()


def _service(**changes) -> dict:
    service = {
        "id": "11111111-1111-4111-8111-111111111111",
        "name": "Babytreff",
        "status": "active",
        "organization": {
            "id": "22222222-2222-4222-8222-222222222222",
            "name": "Familienzentrum",
            "description": "",
        },
    }
    service.update(changes)
    return service


def _import(alliance, document, **kwargs):
    return hsds_import(
        alliance=alliance,
        tables=read_files({"service.json": json.dumps(document).encode()}),
        **kwargs,
    )


def test_semantic_checks_drop_bad_values_and_name_record_and_field(empty_alliance):
    document = _service(
        email="keine-adresse",
        url="javascript:alert(1)",
        minimum_age=10,
        maximum_age=3,
        service_at_locations=[
            {
                "id": "33333333-3333-4333-8333-333333333333",
                "location": {
                    "id": "44444444-4444-4444-8444-444444444444",
                    "location_type": "physical",
                    "name": "Treff",
                    "latitude": 151.2,
                    "longitude": 13.1,
                },
            }
        ],
    )
    report = _import(empty_alliance, document)

    assert report.errors == []
    flagged = {(i.record.split()[0], i.field) for i in report.warnings}
    assert flagged == {
        ("service", "email"),
        ("service", "url"),
        ("service", "minimum_age"),
        ("location", "latitude"),
    }
    offer = Offer.objects.get(alliance=empty_alliance)
    assert (offer.email, offer.website, offer.age_min_months, offer.age_max_months) == (
        "",
        "",
        None,
        None,
    )
    assert Location.objects.get(alliance=empty_alliance).latitude is None


def test_strict_mode_saves_nothing_when_there_are_warnings(empty_alliance):
    report = _import(empty_alliance, _service(email="keine-adresse"), strict=True)
    assert report.has_errors
    assert not Offer.objects.filter(alliance=empty_alliance).exists()


def test_service_without_organization_is_an_error_and_nothing_is_saved(empty_alliance):
    good = _service()
    orphan = {"id": "55555555-5555-4555-8555-555555555555", "name": "Waise", "status": "active"}
    report = hsds_import(
        alliance=empty_alliance,
        tables=read_files({"services.json": json.dumps([good, orphan]).encode()}),
    )
    assert [(i.record, i.field) for i in report.errors] == [
        ("service 55555555-5555-4555-8555-555555555555", "organization_id")
    ]
    assert not report.committed
    assert not Offer.objects.filter(alliance=empty_alliance).exists()
    assert not Organisation.objects.filter(alliance=empty_alliance).exists()


def test_schema_violations_are_errors_with_the_record(empty_alliance):
    report = _import(empty_alliance, _service(status="open", minimum_age="drei"))
    messages = " ".join(issue.message for issue in report.errors)
    assert "'open' is not one of" in messages
    assert "'drei' is not of type 'number'" in messages
    assert not Offer.objects.exists()


def test_duplicate_keys_in_json_are_an_error(empty_alliance):
    data = b'{"id": "11111111-1111-4111-8111-111111111111", "name": "A", "name": "B", "status": "active"}'  # noqa: E501
    report = hsds_import(alliance=empty_alliance, tables=read_bytes(data, name="s.json"))
    assert len(report.errors) == 1
    assert "„name“ kommt in einem Objekt" in report.errors[0].message  # German by default
    assert "11111111-1111-4111-8111-111111111111" in report.errors[0].message


def test_hsds_csv_with_bom_semicolons_german_numbers_and_unknown_columns(empty_alliance):
    files = {
        "organizations.csv": "\ufeffid;name;description;lieblingsfarbe\r\n"
        '22222222-2222-4222-8222-222222222222;"Verein ""Kinderglück"" e. V.";;blau\r\n'.encode(),
        "locations.csv": b"id;location_type;organization_id;name;latitude;longitude\n"
        b"44444444-4444-4444-8444-444444444444;physical;22222222-2222-4222-8222-222222222222;"
        b"Spielhaus;51,0312;13,7421\n",
        "services.csv": b"id,organization_id,name,status\n",  # an empty table
    }
    report = hsds_import(alliance=empty_alliance, tables=read_files(files))

    assert report.errors == []
    assert any(i.field == "lieblingsfarbe" and i.level == Level.INFO for i in report.issues)
    assert Organisation.objects.get(alliance=empty_alliance).name == 'Verein "Kinderglück" e. V.'
    place = Location.objects.get(alliance=empty_alliance)
    assert (place.latitude, place.longitude) == (51.0312, 13.7421)


def test_duplicate_ids_in_a_csv_table_are_an_error_with_line(empty_alliance):
    files = {
        "organizations.csv": b"id,name,description\n"
        b"22222222-2222-4222-8222-222222222222,A,\n"
        b"22222222-2222-4222-8222-222222222222,B,\n"
    }
    report = hsds_import(alliance=empty_alliance, tables=read_files(files))
    assert [(i.source, i.row) for i in report.errors] == [("organizations.csv", 3)]


def test_hsds_1_1_tables_are_understood(empty_alliance):
    files = {
        "organizations.csv": b"id,name,description,url\n"
        b"1899600a-649c-11e6-8b77-86f30ca893d3,Sanctuary,Helps,http://example.com\n",
        "services.csv": b"id,organization_id,name,status\n"
        b"c89eb05c-62dd-4b64-b494-0cc347b6ea7f,1899600a-649c-11e6-8b77-86f30ca893d3,Helpline,active\n",
        "locations.csv": b"id,organization_id,name,latitude,longitude\n"
        b"loc-1,1899600a-649c-11e6-8b77-86f30ca893d3,Main office,39.4,-119.8\n",
        "services_at_location.csv": b"id,service_id,location_id\n"
        b"sal-1,c89eb05c-62dd-4b64-b494-0cc347b6ea7f,loc-1\n",
        "regular_schedules.csv": b"id,service_at_location_id,weekday,opens_at,closes_at\n"
        b"rs-1,sal-1,1,09:00:00,17:00:00\nrs-2,sal-1,Wednesday,09:00,12:00\n",
        "physical_addresses.csv": b"id,location_id,address_1,city,postal_code,country\n"
        b"a-1,loc-1,Address 1,Reno,89501,US\n",
        "holiday_schedules.csv": b"id,service_id,closed\nh-1,c89eb05c,true\n",
    }
    report = hsds_import(alliance=empty_alliance, tables=read_files(files))

    assert report.errors == []
    assert Organisation.objects.get(alliance=empty_alliance).website == "http://example.com"
    place = Location.objects.get(alliance=empty_alliance)
    assert (place.street, place.city) == ("Address 1", "Reno")
    rules = sorted(Schedule.objects.filter(alliance=empty_alliance).values_list("rrule", flat=True))
    assert rules == ["FREQ=WEEKLY;BYDAY=MO", "FREQ=WEEKLY;BYDAY=WE"]
    assert any("holiday_schedules" in i.source for i in report.issues if i.level == Level.INFO)


@pytest.mark.skipif(
    not (SHARED_DATA / "hsds" / "hsds-1.1-sample-datapackage").is_dir(),
    reason="shared HSDS 1.1 sample not found",
)
def test_official_hsds_1_1_sample_package_imports(empty_alliance):
    folder = SHARED_DATA / "hsds" / "hsds-1.1-sample-datapackage"
    report = hsds_import(alliance=empty_alliance, tables=read_path(folder))
    assert report.errors == []
    assert Offer.objects.filter(alliance=empty_alliance).count() == 13
    assert Organisation.objects.filter(alliance=empty_alliance).count() == 10


def test_import_touches_only_the_target_alliance(alliance, other_alliance, offer_factory):
    offer = offer_factory(alliance=alliance, name="Krabbelgruppe")
    files = json_files(export_tables(alliance=alliance))

    hsds_import(alliance=other_alliance, tables=read_files(files))

    offer.refresh_from_db()
    assert offer.alliance == alliance
    copy = Offer.objects.get(alliance=other_alliance)
    assert copy.pk != offer.pk and copy.name == "Krabbelgruppe"
    # The other alliance's generated id does not reach into this one.
    assert ExternalId.objects.filter(alliance=other_alliance, kind="offer").count() == 1


def test_events_keep_their_categories_and_languages(
    alliance, other_alliance, category_factory, offer_factory
):
    from familiennetz.directory.models import Language
    from familiennetz.events.models import Event
    from familiennetz.events.tests.factories import EventFactory

    offer_factory(alliance=alliance, name="Krabbelgruppe")  # the export needs a service
    cafe = category_factory(alliance=alliance, slug="cafe", code="elternbildung.cafe")
    sport = category_factory(alliance=alliance, slug="sport", code="freizeit.sport")
    english = Language.objects.get(code="en")
    both = EventFactory(alliance=alliance, title="Elterncafé international", rrule="FREQ=WEEKLY")
    both.categories.set([cafe, sport])
    both.languages.set([english])
    EventFactory(alliance=alliance, title="Sportfest")
    files = json_files(export_tables(alliance=alliance))

    for _round in range(2):  # the second import finds everything in place
        report = hsds_import(alliance=other_alliance, tables=read_files(files))
        assert report.committed and not report.errors

    events = Event.objects.filter(alliance=other_alliance)
    copy = events.get(title="Elterncafé international")
    assert sorted(c.code for c in copy.categories.all()) == ["elternbildung.cafe", "freizeit.sport"]
    assert [lang.code for lang in copy.languages.all()] == ["en"]
    assert copy.occurrences.count() > 1  # its dates were generated
    plain = events.get(title="Sportfest")
    assert not plain.categories.exists() and not plain.languages.exists()
    assert events.count() == 2


def test_import_command_dry_run_and_errors(empty_alliance, tmp_path, capsys):
    path = tmp_path / "s.json"
    path.write_text(json.dumps(_service()))
    call_command("import_hsds", str(path), "--alliance", "neu", "--dry-run")
    assert "Dry run" in capsys.readouterr().out
    assert not Offer.objects.exists()

    call_command("import_hsds", str(path), "--alliance", "neu")
    assert Offer.objects.filter(alliance=empty_alliance).count() == 1

    path.write_text('{"id": "x", "name": ')
    with pytest.raises(CommandError, match="Nothing was saved"):
        call_command("import_hsds", str(path), "--alliance", "neu")


def test_import_command_creates_an_alliance(db, tmp_path):
    path = tmp_path / "s.json"
    path.write_text(json.dumps(_service()))
    call_command("import_hsds", str(path), "--alliance", "neu-hier", "--create-alliance", "Neu")
    assert Offer.objects.filter(alliance__slug="neu-hier").count() == 1
    with pytest.raises(CommandError, match="cannot be the short name"):
        call_command("import_hsds", str(path), "--alliance", "api", "--create-alliance", "X")
