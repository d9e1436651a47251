"""Tabular HSDS packages are read by their data package descriptor, not by file names; HSDS
1.1 / ORUK 1.x resource names are mapped (the shared legacy sample package)."""

import json

import pytest
from django.utils import translation

from familiennetz.directory.models import Category, Location, Offer, Organisation, Schedule
from familiennetz.events.models import Event
from familiennetz.events.tests.factories import EventFactory
from familiennetz.interop.hsds.export import csv_files, export_tables
from familiennetz.interop.hsds.importer import hsds_import
from familiennetz.interop.hsds.sources import path_files, read_files
from familiennetz.interop.hsds.tabular import descriptor_tables

from .conftest import HSDS_EXAMPLES, SHARED_DATA

LEGACY = SHARED_DATA / "hsds" / "hsds-1.1-sample-datapackage"
needs_legacy = pytest.mark.skipif(not LEGACY.is_dir(), reason=f"no HSDS 1.1 sample at {LEGACY}")


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def renamed(files: dict[str, bytes], folder: str = "paket/") -> dict[str, bytes]:
    """The package with every CSV file under another name; the descriptor says which is
    which."""
    package = json.loads(files["datapackage.json"])
    names = {}
    for number, resource in enumerate(package["resources"]):
        names[resource["path"]] = resource["path"] = f"daten/tabelle_{number:02d}.csv"
    out = {f"{folder}datapackage.json": json.dumps(package).encode()}
    for name, content in files.items():
        if name.endswith(".csv"):
            out[folder + names.get(name, name)] = content
    return out


def summary(alliance) -> dict:
    return {
        "organisations": Organisation.objects.filter(alliance=alliance).count(),
        "offers": Offer.objects.filter(alliance=alliance).count(),
        "places": Location.objects.filter(alliance=alliance).count(),
        "schedules": Schedule.objects.filter(alliance=alliance).count(),
        "categories": Category.objects.filter(alliance=alliance).count(),
    }


def test_a_table_under_another_name_is_found_by_the_descriptor(empty_alliance):
    files = renamed(path_files(HSDS_EXAMPLES / "csv"))
    assert descriptor_tables(files)["paket/daten/tabelle_05.csv"] == ("location", False)
    report = hsds_import(alliance=empty_alliance, tables=read_files(files))
    assert report.committed, report.errors
    assert summary(empty_alliance)["places"] == 1
    assert summary(empty_alliance)["offers"] == 1


def test_without_a_descriptor_the_file_name_decides(empty_alliance):
    files = {"orte.csv": (HSDS_EXAMPLES / "csv" / "locations.csv").read_bytes()}
    tables = read_files(files)
    assert not tables.records
    assert any("not an HSDS table" in issue.message for issue in tables.issues)


@needs_legacy
def test_the_legacy_package_is_read_by_its_descriptor(empty_alliance, other_alliance):
    original = path_files(LEGACY)
    first = hsds_import(alliance=empty_alliance, tables=read_files(original))
    assert first.committed, first.errors
    second = hsds_import(alliance=other_alliance, tables=read_files(renamed(original)))
    assert second.committed, second.errors
    assert summary(other_alliance) == summary(empty_alliance)
    assert summary(empty_alliance)["offers"] == 13
    assert summary(empty_alliance)["schedules"] >= 1  # regular_schedules


@needs_legacy
def test_the_legacy_descriptor_maps_the_1_1_resource_names():
    described = descriptor_tables(path_files(LEGACY))
    assert described["physical_addresses.csv"] == ("physical_addresses", True)
    assert described["regular_schedules.csv"] == ("regular_schedules", True)
    assert described["taxonomy.csv"] == ("taxonomy", True)
    tables = read_files(path_files(LEGACY))
    assert "address" in tables.records and "schedule" in tables.records
    # HSDS 1.1 "taxonomy" holds terms (id, name, parent_id, vocabulary)
    assert "taxonomy_term" in tables.records and "taxonomy" not in tables.records


def test_our_own_csv_package_with_events_is_read_by_its_descriptor(alliance, other_alliance):
    EventFactory(alliance=alliance, title="Sommerfest")
    files = csv_files(export_tables(alliance=alliance))
    described = descriptor_tables(files)
    assert described["x_familiennetz_events.csv"] == ("event", False)
    report = hsds_import(alliance=other_alliance, tables=read_files(renamed(files)))
    assert report.committed, report.errors
    assert Event.objects.filter(alliance=other_alliance, title="Sommerfest").exists()
