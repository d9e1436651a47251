"""The HSDS conformance report: schema errors with JSON pointers, a declared profile as a
merge patch, semantic checks; lenient and strict imports; the command and public endpoint."""

import io
import json
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import translation

from familiennetz.directory.models import Offer, Organisation
from familiennetz.interop.hsds import conformance as conformance_module
from familiennetz.interop.hsds.conformance import conformance_check, merge_patch, phone_problem
from familiennetz.interop.hsds.importer import hsds_import
from familiennetz.interop.hsds.sources import path_files, read_files
from familiennetz.interop.models import ImportUpload
from familiennetz.interop.report import Level

from .conftest import HSDS_EXAMPLES, SHARED_DATA

ORG = "0d2a0e6e-2a8b-4c8e-9d0e-8a4a3d3c1a01"
SERVICE = "1b8f7a3e-5c0d-4a7e-8b9a-2f1d4c6e7a02"
LOCATION = "2c9e8b4f-6d1e-4b8f-9cab-3a2e5d7f8b03"
LEGACY = SHARED_DATA / "hsds" / "hsds-1.1-sample-datapackage"


@pytest.fixture(autouse=True)
def english():
    """Messages are compared in English (the catalogue is German)."""
    with translation.override("en"):
        yield


def failing_feed() -> dict:
    """A hand-made Open Referral service: invalid e-mail, a URL that is no URI, latitude 100
    / longitude 101 — and otherwise fine."""
    return {
        "id": SERVICE,
        "name": "Elterncafé",
        "status": "active",
        "email": "keine-adresse",
        "url": "www example org",
        "organization": {"id": ORG, "name": "Familienzentrum", "description": "Träger"},
        "service_at_locations": [
            {
                "id": "3d0f9c5a-7e2f-4c9a-8dbc-4b3f6e8a9c04",
                "service_id": SERVICE,
                "location": {
                    "id": LOCATION,
                    "location_type": "physical",
                    "name": "Treffpunkt",
                    "latitude": 100,
                    "longitude": 101,
                },
            }
        ],
    }


def as_files(document, name="feed.json") -> dict[str, bytes]:
    return {name: json.dumps(document).encode()}


def test_a_failing_feed_is_not_conformant_and_every_error_has_its_pointer():
    report = conformance_check(as_files(failing_feed()))
    pointers = {f.pointer for f in report.schema_errors}
    assert pointers == {"/email", "/url"}
    assert not report.conformant
    assert report.headline() == "Not HSDS-conformant: 2 schema errors."
    semantic = {(f.record, f.field) for f in report.semantic}
    assert (f"location {LOCATION}", "latitude") in semantic


def test_pointers_reach_into_lists_and_api_pages():
    page = {"total_items": 1, "contents": [failing_feed()]}
    page["contents"][0]["phones"] = [{"id": "4e1a0d6b-8f3a-4dab-9ecd-5c4a7f9b0d05"}]
    report = conformance_check(as_files(page))
    pointers = {f.pointer for f in report.schema_errors}
    assert "/contents/0/email" in pointers
    assert "/contents/0/phones/0" in pointers  # 'number' is a required property
    assert any("number" in f.message for f in report.schema_errors)


def test_csv_rows_report_file_line_and_column():
    csv = (f"id,name,description,email\r\n{ORG},Träger,Beschreibung,nicht-gueltig\r\n").encode()
    report = conformance_check({"organizations.csv": csv})
    [error] = report.schema_errors
    assert (error.source, error.row, error.pointer) == ("organizations.csv", 2, "/email")


@pytest.mark.parametrize(
    "name", ["service_full.json", "organization_full.json", "service_at_location_full.json"]
)
def test_the_official_examples_are_conformant(name):
    report = conformance_check({name: (HSDS_EXAMPLES / name).read_bytes()})
    assert report.schema_errors == []
    assert report.conformant


def test_the_official_csv_package_is_conformant_but_its_coordinates_are_implausible():
    report = conformance_check(path_files(HSDS_EXAMPLES / "csv"))
    assert report.conformant and report.records == 21
    messages = [f.message for f in report.semantic]
    assert "The latitude 100.0 is outside −90…90." in messages


@pytest.mark.skipif(not LEGACY.is_dir(), reason=f"shared HSDS 1.1 sample not at {LEGACY}")
def test_the_legacy_package_is_not_hsds_3_conformant():
    report = conformance_check(path_files(LEGACY))
    assert not report.conformant
    assert ("programs.csv", 2, "/id") in {(f.source, f.row, f.pointer) for f in report.findings}


UK_BASE = b'{"version": "3.0", "profile": "https://openreferraluk.org/profile"}'


def write_uk_profile(folder, *, layout: str = "flat"):
    """A hand-made stand-in for the UK profile (its files are not shipped, ADR 1541): it
    requires a URL of every service, as the UK profile does, and drops the e-mail format."""
    target = folder / "uk" / ("schema" if layout == "repository" else "")
    target.mkdir(parents=True)
    (target / "service.json").write_text(
        json.dumps({"required": ["id", "name", "status", "url"], "properties": {"email": None}})
    )
    return folder


@pytest.fixture
def fresh_profiles():
    conformance_module.profile_patches.cache_clear()
    conformance_module._validators.cache_clear()
    yield
    conformance_module.profile_patches.cache_clear()
    conformance_module._validators.cache_clear()


PROFILED_SERVICE = {"id": SERVICE, "name": "Beratung", "status": "active", "email": "x"}


@pytest.mark.parametrize("layout", ["flat", "repository"])
def test_a_declared_profile_is_applied_as_a_merge_patch(settings, tmp_path, fresh_profiles, layout):
    settings.HSDS_PROFILE_DIR = str(write_uk_profile(tmp_path, layout=layout))
    plain = conformance_check(as_files(PROFILED_SERVICE))
    declared = conformance_check({**as_files(PROFILED_SERVICE), "base.json": UK_BASE})
    assert [f.pointer for f in plain.schema_errors] == ["/email"]
    assert declared.profile == "uk" and declared.profile_applied
    assert [f.message for f in declared.schema_errors] == ["'url' is a required property"]


def test_without_the_setting_a_declared_profile_is_checked_as_hsds(settings, fresh_profiles):
    settings.HSDS_PROFILE_DIR = ""
    report = conformance_check({**as_files(PROFILED_SERVICE), "base.json": UK_BASE})
    assert report.profile == "uk" and not report.profile_applied
    assert [f.pointer for f in report.schema_errors] == ["/email"]


def test_unusable_profile_files_are_reported_not_a_crash(settings, tmp_path, fresh_profiles):
    (tmp_path / "uk").mkdir()
    (tmp_path / "uk" / "service.json").write_text("[1, 2]")
    settings.HSDS_PROFILE_DIR = str(tmp_path)
    report = conformance_check({**as_files(PROFILED_SERVICE), "base.json": UK_BASE})
    assert not report.profile_applied
    assert any("service.json: not a JSON object" in note for note in report.notes)


def test_check_hsds_takes_the_profile_folder(settings, tmp_path, capsys, fresh_profiles):
    settings.HSDS_PROFILE_DIR = ""
    feed = tmp_path / "feed"
    feed.mkdir()
    (feed / "service.json").write_text(json.dumps({**PROFILED_SERVICE, "email": "a@b.de"}))
    (feed / "base.json").write_bytes(UK_BASE)
    call_command("check_hsds", str(feed), "--json")  # plain HSDS: conformant
    assert json.loads(capsys.readouterr().out)["conformant"] is True
    profiles = write_uk_profile(tmp_path / "profiles")
    with pytest.raises(CommandError):
        call_command("check_hsds", str(feed), "--json", "--profile-dir", str(profiles))
    report = json.loads(capsys.readouterr().out)
    assert report["profile_applied"] is True
    assert [e["message"] for e in report["schema_errors"]] == ["'url' is a required property"]
    with pytest.raises(CommandError, match="No such profile folder"):
        call_command("check_hsds", str(feed), "--profile-dir", str(tmp_path / "missing"))


def test_a_declared_profile_without_its_files_is_said_so():
    document = {"version": "3.0", "profile": "https://openreferraluk.org/"}
    report = conformance_check(as_files(document, "base.json"))
    assert report.profile == "uk" and not report.profile_applied
    assert "UK" in report.notes[0]


def test_merge_patch_follows_rfc_7396():
    assert merge_patch({"a": 1, "b": {"c": 2, "d": 3}}, {"a": None, "b": {"c": 5}}) == {
        "b": {"c": 5, "d": 3}
    }
    assert merge_patch({"a": [1]}, {"a": [2]}) == {"a": [2]}


@pytest.mark.parametrize(
    ("number", "ok"),
    [
        ("+49 351 1234567", True),
        ("(0351) 12 34-567", True),
        ("0351/123456 Durchwahl 12", True),
        ('"+44 1234 234567"', False),
        ("bitte anrufen", False),
        ("12", False),
    ],
)
def test_phone_numbers(number, ok):
    assert (phone_problem(number) == "") is ok


def test_dates_and_years_are_checked_for_plausibility():
    files = {
        "organizations.csv": (
            f"id,name,description,year_incorporated\r\n{ORG},A,B,3020\r\n"
        ).encode(),
        "schedules.csv": (
            f"id,service_id,valid_from,valid_to\r\n{LOCATION},{SERVICE},2025-05-01,2025-04-01\r\n"
        ).encode(),
    }
    report = conformance_check(files)
    fields = {f.field for f in report.semantic}
    assert {"year_incorporated", "valid_to"} <= fields


def test_coordinates_outside_the_alliance_area(empty_alliance, district_factory):
    square = [[13.0, 51.0], [13.1, 51.0], [13.1, 51.1], [13.0, 51.1], [13.0, 51.0]]
    district_factory(
        alliance=empty_alliance, name="Mitte", boundary={"type": "Polygon", "coordinates": [square]}
    )
    feed = failing_feed()
    location = feed["service_at_locations"][0]["location"]
    location["latitude"], location["longitude"] = 48.1, 11.5  # Munich
    report = conformance_check(as_files(feed), alliance=empty_alliance)
    assert any("outside the network's area" in f.message for f in report.semantic)
    location["latitude"], location["longitude"] = 51.05, 13.05
    report = conformance_check(as_files(feed), alliance=empty_alliance)
    assert not any("outside" in f.message for f in report.semantic)


# --- lenient and strict imports -----------------------------------------------------------


def test_lenient_import_writes_the_valid_rest_and_lists_what_it_dropped(empty_alliance):
    files = as_files(failing_feed())
    report = hsds_import(alliance=empty_alliance, tables=read_files(files))
    assert report.committed
    offer = Offer.objects.get(alliance=empty_alliance)
    assert (offer.name, offer.email, offer.website) == ("Elterncafé", "", "")
    dropped = {(i.record, i.field) for i in report.issues if i.level == Level.WARNING}
    assert {(f"service {SERVICE}", "email"), (f"service {SERVICE}", "url")} <= dropped
    assert (f"location {LOCATION}", "latitude") in dropped


def test_strict_import_writes_nothing(empty_alliance):
    files = as_files(failing_feed())
    tables = read_files(files)
    conformance = conformance_check(files, tables=tables)
    report = hsds_import(
        alliance=empty_alliance, tables=tables, strict=True, conformance=conformance
    )
    assert not report.committed and report.has_errors
    assert "not HSDS-conformant (2 schema errors)" in report.errors[0].message
    assert not Organisation.objects.filter(alliance=empty_alliance).exists()
    assert not Offer.objects.filter(alliance=empty_alliance).exists()


def test_strict_import_of_a_conformant_file_writes(empty_alliance):
    feed = failing_feed()
    del feed["email"], feed["url"]
    feed["service_at_locations"][0]["location"].update(latitude=51.05, longitude=13.05)
    report = hsds_import(alliance=empty_alliance, tables=read_files(as_files(feed)), strict=True)
    assert report.committed, report.errors
    assert Offer.objects.filter(alliance=empty_alliance).count() == 1


# --- workspace, command, public endpoint --------------------------------------------------


def test_preview_headline_and_strict_choice(client, alliance, coordinator):
    translation.activate("de")
    client.force_login(coordinator.user)
    data = json.dumps(failing_feed()).encode()
    upload = io.BytesIO(data)
    upload.name = "feed.json"
    manage = {"alliance_slug": alliance.slug}
    start = reverse("interop:manage-import", kwargs=manage)
    client.post(start, {"kind": "hsds", "hsds-file": upload})
    pk = ImportUpload.objects.get().pk
    page = client.get(reverse("interop:manage-import-preview", kwargs={**manage, "pk": pk}))
    text = page.content.decode()
    assert "nicht HSDS-konform: 2 Schemafehler" in text.replace("Nicht", "nicht")
    assert "Die Prüfung hat keine Fehler gefunden" not in text
    assert 'name="mode" value="strict"' in text
    commit = reverse("interop:manage-import-commit", kwargs={**manage, "pk": pk})
    client.post(commit, {"mode": "strict"})
    assert not Offer.objects.filter(alliance=alliance).exists()
    client.post(commit, {"mode": "lenient"})
    assert Offer.objects.for_alliance(alliance).get().name == "Elterncafé"


def test_check_hsds_command(tmp_path, capsys):
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(failing_feed()))
    with pytest.raises(CommandError):
        call_command("check_hsds", str(path))
    out = capsys.readouterr().out
    assert "feed.json#/email" in out and "feed.json#/url" in out
    call_command("check_hsds", str(HSDS_EXAMPLES / "csv"), "--json")
    assert json.loads(capsys.readouterr().out)["conformant"] is True


def test_public_check_endpoint(client, alliance):
    endpoint = reverse("interop:hsds-check", kwargs={"alliance_slug": alliance.slug})
    upload = io.BytesIO(json.dumps(failing_feed()).encode())
    upload.name = "feed.json"
    answer = client.post(endpoint, {"file": upload})
    assert answer.status_code == 200
    body = answer.json()
    assert body["conformant"] is False
    assert {e["pointer"] for e in body["schema_errors"]} == {"/email", "/url"}
    # the raw body, zipped
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("services/a.json", json.dumps(failing_feed()))
    raw = client.post(
        endpoint + "?name=feed.zip", buffer.getvalue(), content_type="application/zip"
    )
    assert raw.json()["conformant"] is False
    assert client.get(endpoint).status_code == 405
    assert ImportUpload.objects.count() == 0


def test_public_check_is_rate_limited_and_size_limited(client, alliance, settings):
    endpoint = reverse("interop:hsds-check", kwargs={"alliance_slug": alliance.slug})
    big = client.post(endpoint, b"x" * (11 * 1024 * 1024), content_type="application/json")
    assert big.status_code == 413
    codes = [
        client.post(endpoint, b"{}", content_type="application/json").status_code for _ in range(25)
    ]
    assert 429 in codes
