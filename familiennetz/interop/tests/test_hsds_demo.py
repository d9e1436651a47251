"""HSDS 3.0 export of the demo alliances: valid against the official schemas, and
export → import into a new alliance → export gives the same content."""

import json

import pytest
from django.core.management import call_command

from familiennetz.alliances.models import Alliance
from familiennetz.directory.models import Offer, Status
from familiennetz.interop.hsds.export import csv_files, export_tables, json_files
from familiennetz.interop.hsds.importer import hsds_import
from familiennetz.interop.hsds.sources import read_files
from familiennetz.interop.hsds.validation import validate_files
from familiennetz.interop.models import ExternalId

from .conftest import DEMO_SLUGS

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("demo_alliances")]

# Differ by nature between two directories holding the same data: the time a record was last
# changed *here*. (Event dates are derived from the rule and each network's school holidays;
# they are in the JSON documents only, not in the tables compared here.)
LOCAL_FIELDS = {"last_modified"}


def comparable(export) -> dict[str, list[str]]:
    return {
        table: sorted(
            json.dumps({k: v for k, v in row.items() if k not in LOCAL_FIELDS}, sort_keys=True)
            for row in rows
        )
        for table, rows in export.tables.items()
    }


@pytest.mark.parametrize("slug", DEMO_SLUGS)
@pytest.mark.parametrize("build", [json_files, csv_files], ids=["json", "csv"])
def test_demo_export_validates_against_the_hsds_schemas(db, slug, build):
    export = export_tables(alliance=Alliance.objects.get(slug=slug))
    files = build(export)
    assert (
        len(export.rows("service"))
        == Offer.objects.filter(alliance__slug=slug, status=Status.PUBLISHED).count()
    )
    assert validate_files(files) == []


def test_export_of_a_service_carries_german_specifics_as_attributes(db):
    alliance = Alliance.objects.get(slug="hainichen")
    offer = (
        Offer.objects.for_alliance(alliance)
        .published()
        .filter(age_max_months__isnull=False, categories__code__startswith="betreuung.kita")
        .first()
    )
    export = export_tables(alliance=alliance)
    terms = {row["id"]: row for row in export.rows("taxonomy_term")}
    service = next(row for row in export.rows("service") if row["name"] == offer.name)
    values = {}
    for attribute in export.rows("attribute"):
        if attribute["link_id"] == service["id"]:
            values.setdefault(terms[attribute["taxonomy_term_id"]]["code"], []).append(
                attribute.get("value", "")
            )
    assert values["legal_basis"] == ["§§ 22–24 SGB VIII (Förderung in Tageseinrichtungen)"]
    assert "0-3" in values["age_band"]
    assert values["age_max_months"] == [str(offer.age_max_months)]
    assert "betreuung.kita" in values  # the category, as a taxonomy term code


def test_json_documents_nest_locations_schedules_and_terms(db):
    files = json_files(export_tables(alliance=Alliance.objects.get(slug="prohlis")))
    services = [json.loads(v) for k, v in files.items() if k.startswith("services/")]
    with_place = next(s for s in services if s.get("service_at_locations"))
    place = with_place["service_at_locations"][0]["location"]
    assert place["location_type"] == "physical"
    assert place["addresses"][0]["country"] == "DE"
    assert place["addresses"][0]["state_province"] == "Sachsen"
    assert with_place["organization"]["id"] == with_place["organization_id"]
    categories = [a for a in with_place["attributes"] if not a.get("value")]
    assert categories and all(a["taxonomy_term"]["name"] for a in categories)


@pytest.mark.parametrize("slug", DEMO_SLUGS)
def test_export_import_into_new_alliance_and_export_again_gives_the_same_content(db, slug):
    source = Alliance.objects.get(slug=slug)
    first = export_tables(alliance=source)
    copy = Alliance.objects.create(slug=f"{slug}-kopie", name="Kopie")

    report = hsds_import(alliance=copy, tables=read_files(json_files(first)))

    assert report.errors == [] and report.warnings == []
    assert report.committed
    second = export_tables(alliance=copy)
    assert comparable(second) == comparable(first)


def test_csv_round_trip_gives_the_same_content(db):
    source = Alliance.objects.get(slug="hainichen")
    first = export_tables(alliance=source)
    copy = Alliance.objects.create(slug="csv-kopie", name="Kopie")
    report = hsds_import(alliance=copy, tables=read_files(csv_files(first)))
    assert report.errors == []
    assert comparable(export_tables(alliance=copy)) == comparable(first)


def test_reimport_of_own_export_changes_nothing(db):
    alliance = Alliance.objects.get(slug="prohlis")
    files = json_files(export_tables(alliance=alliance))
    offers_before = Offer.objects.for_alliance(alliance).count()

    report = hsds_import(alliance=alliance, tables=read_files(files))

    assert report.errors == []
    assert {kind: set(counts) for kind, counts in report.counts.items()} == {
        kind: {"unchanged"} for kind in report.counts
    }
    assert Offer.objects.for_alliance(alliance).count() == offers_before
    # Our own generated ids are understood without storing them.
    assert not ExternalId.objects.filter(alliance=alliance).exists()


def test_second_import_into_a_copy_updates_instead_of_duplicating(db):
    files = csv_files(export_tables(alliance=Alliance.objects.get(slug="hainichen")))
    copy = Alliance.objects.create(slug="zweimal", name="Zweimal")
    hsds_import(alliance=copy, tables=read_files(files))
    counts = Offer.objects.for_alliance(copy).count()

    again = hsds_import(alliance=copy, tables=read_files(files))

    assert again.errors == []
    assert "created" not in again.counts["offer"]
    assert Offer.objects.for_alliance(copy).count() == counts


def test_export_runs_a_fixed_number_of_queries(db, django_assert_max_num_queries):
    alliance = Alliance.objects.get(slug="hainichen")
    with django_assert_max_num_queries(16):
        export_tables(alliance=alliance)


def test_export_command_writes_a_valid_zip(db, tmp_path):
    target = tmp_path / "hainichen.zip"
    call_command("export_hsds", "--alliance", "hainichen", "--output", str(target), "--validate")
    import zipfile

    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
    assert any(name.startswith("services/") for name in names)
    assert any(name.startswith("x_familiennetz_events/") for name in names)
