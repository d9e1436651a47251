"""The import commands: thin wrappers with a report, --dry-run, and an error exit."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from familiennetz.alliances.tests.factories import AllianceFactory
from familiennetz.socialspace.models import District, IndicatorValue

from .factories import SHARED_DATA, square

pytestmark = pytest.mark.django_db
BERLIN = SHARED_DATA / "berlin"


@pytest.fixture
def files(tmp_path):
    geojson = tmp_path / "gebiete.geojson"
    geojson.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"k": "01", "n": "Nord"},
                        "geometry": square(0, 0, 2),
                    },
                    {
                        "type": "Feature",
                        "properties": {"k": "02", "n": "Süd"},
                        "geometry": square(2, 0, 2),
                    },
                ],
            }
        ),
        encoding="utf-8",
    )
    table = tmp_path / "werte.csv"
    table.write_text("Gebiet;Kinder\n01;12\n02;1.234\nSumme;1.246\n", encoding="utf-8")
    return geojson, table


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_import_districts_and_indicators_commands(files):
    town = AllianceFactory(slug="stadt")
    geojson, table = files
    output = run(
        "import_districts",
        str(geojson),
        "--alliance",
        "stadt",
        "--code-property",
        "k",
        "--name-property",
        "n",
        "--dry-run",
    )
    assert "Dry run" in output and not District.objects.exists()
    output = run(
        "import_districts",
        str(geojson),
        "--alliance",
        "stadt",
        "--code-property",
        "k",
        "--name-property",
        "n",
        "--kind",
        "ortsteil",
    )
    assert "created=2" in output
    assert District.objects.filter(alliance=town, kind="ortsteil").count() == 2
    output = run(
        "import_indicators", str(table), "--alliance", "stadt", "--match", "code", "--year", "2024"
    )
    assert "values_created=2" in output
    assert sorted(IndicatorValue.objects.values_list("value", flat=True)) == [12, 1234]


def test_command_exits_with_an_error_and_writes_nothing(files):
    AllianceFactory(slug="stadt")
    geojson, _table = files
    with pytest.raises(CommandError, match="nothing was imported"):
        run(
            "import_districts",
            str(geojson),
            "--alliance",
            "stadt",
            "--code-property",
            "FEHLT",
            "--name-property",
            "n",
        )
    assert not District.objects.exists()
    with pytest.raises(CommandError, match="no alliance"):
        run(
            "import_districts",
            str(geojson),
            "--alliance",
            "nirgends",
            "--code-property",
            "k",
            "--name-property",
            "n",
        )


@pytest.mark.skipif(not BERLIN.is_dir(), reason="the shared sample data is not on this machine")
def test_berlin_planning_areas_through_the_command_and_the_workspace(client, coordinator, alliance):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from familiennetz.socialspace.models import DataImport

    AllianceFactory(slug="berlin")
    output = run(
        "import_districts",
        str(BERLIN / "berlin_lor_bezirksregionen.geojson"),
        "--alliance",
        "berlin",
        "--code-property",
        "spatial_name",
        "--name-property",
        "BZR_NAME",
        "--kind",
        "region",
    )
    assert "created=138" in output
    # The same file through the workspace (upload, check, import) for the coordinator's alliance.
    client.force_login(coordinator.user)
    start = reverse("socialspace:manage-dataimport-start", kwargs={"alliance_slug": alliance.slug})
    upload = SimpleUploadedFile(
        "plr.geojson", (BERLIN / "berlin_lor_planungsraeume.geojson").read_bytes()
    )
    response = client.post(
        start,
        {
            "art": "gebiete",
            "gebiete-file": upload,
            "gebiete-code_property": "spatial_name",
            "gebiete-name_property": "PLRNAME",
            "gebiete-kind": "planning_area",
        },
    )
    pk = DataImport.objects.get(alliance=alliance).pk
    assert response.status_code == 302
    commit = reverse(
        "socialspace:manage-dataimport-commit", kwargs={"alliance_slug": alliance.slug, "pk": pk}
    )
    client.post(commit)
    assert District.objects.filter(alliance=alliance, kind="planning_area").count() == 447


def test_commands_run_in_their_alliances_scope_with_enforcement_on(files, other_alliance):
    """As in production: the command chooses its scope; the other alliance is untouched."""
    from familiennetz.alliances.scopes import exact_scope

    AllianceFactory(slug="stadt")
    District.objects.create(alliance=other_alliance, name="Nord", slug="nord", code="01")
    geojson, table = files
    with exact_scope(None):
        run(
            "import_districts",
            str(geojson),
            "--alliance",
            "stadt",
            "--code-property",
            "k",
            "--name-property",
            "n",
        )
        run(
            "import_indicators",
            str(table),
            "--alliance",
            "stadt",
            "--match",
            "code",
            "--year",
            "2024",
        )
    assert District.objects.filter(alliance__slug="stadt").count() == 2
    assert District.objects.get(alliance=other_alliance).boundary is None
    assert IndicatorValue.objects.filter(alliance__slug="stadt").count() == 2
