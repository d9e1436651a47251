"""District boundaries from GeoJSON: synthetic files with bad input, and Berlin's real ones."""

import json
import time

import pytest

from familiennetz.alliances.tests.factories import AllianceFactory
from familiennetz.directory.models import Location
from familiennetz.directory.tests.factories import LocationFactory
from familiennetz.socialspace.models import DataImport, District
from familiennetz.socialspace.services import import_file, places_assign_districts

from .factories import SHARED_DATA, point, square

pytestmark = pytest.mark.django_db
BERLIN = SHARED_DATA / "berlin"
SHARED = pytest.mark.skipif(
    not BERLIN.is_dir(), reason="the shared sample data is not on this machine"
)
OPTIONS = {"code_property": "id", "name_property": "name", "kind": "ortsteil"}


def feature(code, name, geometry, **props):
    return {
        "type": "Feature",
        "properties": {"id": code, "name": name, **props},
        "geometry": geometry,
    }


def collection(*features) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": list(features)}).encode()


def run(alliance, data: bytes, **options):
    return import_file(
        alliance=alliance,
        kind=DataImport.Kind.DISTRICTS,
        data=data,
        filename="gebiete.geojson",
        options=OPTIONS | options,
    )


@pytest.fixture
def town():
    return AllianceFactory(slug="stadt", latitude=51.0, longitude=13.0)


def messages(report):
    return [f"{i.where}: {i.message}" for i in report.errors]


def test_import_creates_districts_with_centre_area_and_parent(town):
    data = collection(
        feature("01", "Nord", square(0, 0, 4)),
        feature("0101", "Nord-West", square(0, 0, 2), parent="01"),
    )
    report, counts = run(town, data, parent_code_property="parent")
    assert report.ok and counts["created"] == 2
    child = District.objects.get(alliance=town, code="0101")
    assert child.parent.code == "01" and child.kind == "ortsteil" and child.slug == "nord-west"
    assert child.area_km2 == pytest.approx(4.0, rel=0.01)
    assert (child.latitude, child.longitude) == pytest.approx(point(1, 1), abs=0.002)


def test_reimport_updates_by_code_and_keeps_slug(town):
    run(town, collection(feature("01", "Nord", square(0, 0, 2))))
    district = District.objects.get(alliance=town, code="01")
    _report, counts = run(town, collection(feature("01", "Nord (neu)", square(0, 0, 3))))
    assert counts == {
        "created": 0,
        "updated": 1,
        "places_changed": 0,
        "places_outside": 0,
        "outside_names": [],
    }
    district.refresh_from_db()
    assert district.name == "Nord (neu)" and district.slug == "nord"
    assert district.area_km2 == pytest.approx(9.0, rel=0.01)


def test_places_are_assigned_and_the_outside_ones_listed(town):
    inside = LocationFactory(
        alliance=town, latitude=point(1, 1)[0], longitude=point(1, 1)[1], name="Drinnen"
    )
    outside = LocationFactory(
        alliance=town, latitude=point(9, 9)[0], longitude=point(9, 9)[1], name="Draußen"
    )
    _report, counts = run(town, collection(feature("01", "Nord", square(0, 0, 2))))
    assert counts["places_changed"] == 1 and counts["outside_names"] == ["Draußen"]
    inside.refresh_from_db()
    outside.refresh_from_db()
    assert inside.district.code == "01" and outside.district is None


def test_invalid_polygon_is_repaired_and_reported(town):
    bowtie = {
        "type": "Polygon",
        "coordinates": [[[13.0, 51.0], [13.02, 51.02], [13.02, 51.0], [13.0, 51.02], [13.0, 51.0]]],
    }
    report, counts = run(town, collection(feature("01", "Schleife", bowtie)))
    assert report.ok and counts["created"] == 1
    assert [(i.level, i.where) for i in report.issues] == [("warning", "Objekt 1 (Code 01)")]
    assert District.objects.get(code="01").area_km2 > 0


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"not json", "keine gültige JSON-Datei"),
        (json.dumps({"type": "Topology"}).encode(), "TopoJSON"),
        (collection(), "enthält keine Objekte"),
        (
            collection(feature("01", "Punkt", {"type": "Point", "coordinates": [13, 51]})),
            "Objekt 1 (Code 01): Die Geometrie ist nicht verwendbar",
        ),
        (
            collection(feature("01", "A", square(0, 0, 1)), feature("01", "B", square(1, 0, 1))),
            "Objekt 2 (Code 01): Der Code 01 kommt doppelt vor (auch Objekt 1).",
        ),
        (
            collection(feature("", "A", square(0, 0, 1))),
            "Objekt 1: Die Code-Eigenschaft „id“ fehlt oder ist leer.",
        ),
        (
            collection(feature("01", "A", square(0, 0, 1), parent="99")),
            "übergeordnete Gebiet mit dem Code 99",
        ),
    ],
)
def test_bad_files_name_the_problem_and_write_nothing(town, data, expected):
    report, counts = run(town, data, parent_code_property="parent" if b"parent" in data else "")
    assert not report.ok and counts == {}
    assert any(expected in m for m in messages(report)), messages(report)
    assert not District.objects.filter(alliance=town).exists()


def test_a_code_property_that_does_not_exist_lists_the_properties(town):
    report, _counts = run(
        town, collection(feature("01", "A", square(0, 0, 1))), code_property="SCHLUESSEL"
    )
    assert messages(report) == [
        ": Kein Objekt hat die Code-Eigenschaft „SCHLUESSEL“. Eigenschaften in der Datei: id, name."
    ]


def test_a_file_of_50_mb_is_refused_before_reading(town):
    report, _counts = run(town, b" " * (50 * 1024 * 1024))
    assert "zu groß (50,0 MB)" in messages(report)[0]


@SHARED
def test_berlin_boundaries_and_every_kita_in_its_planning_area():
    import csv

    berlin = AllianceFactory(slug="berlin", latitude=52.52, longitude=13.40)
    started = time.process_time()
    report, counts = import_file(
        alliance=berlin,
        kind=DataImport.Kind.DISTRICTS,
        data=(BERLIN / "berlin_bezirke.geojson").read_bytes(),
        filename="bezirke.geojson",
        options={
            "code_property": "Gemeinde_schluessel",
            "name_property": "Gemeinde_name",
            "kind": "borough",
        },
    )
    # Two boroughs have self-intersecting rings (TopoJSON quantisation): repaired and listed.
    assert report.ok and counts["created"] == 12
    assert sorted(i.where for i in report.issues if i.level == "warning") == [
        "Objekt 12 (Code 007)",
        "Objekt 2 (Code 004)",
    ]
    for name, prefix, kind, path in [
        ("BZR_NAME", 2, "region", "berlin_lor_bezirksregionen.geojson"),
        ("PLRNAME", 6, "planning_area", "berlin_lor_planungsraeume.geojson"),
    ]:
        report, counts = import_file(
            alliance=berlin,
            kind=DataImport.Kind.DISTRICTS,
            data=(BERLIN / path).read_bytes(),
            filename=path,
            options={
                "code_property": "spatial_name",
                "name_property": name,
                "kind": kind,
                "parent_code_prefix": prefix,
            },
        )
        assert report.ok, report.lines()
    assert District.objects.filter(alliance=berlin, kind="planning_area").count() == 447
    stueler = District.objects.get(alliance=berlin, code="01011101")
    assert stueler.name == "Stülerstraße" and stueler.parent.code == "010111"
    assert stueler.parent.parent.name == "Mitte"

    with (BERLIN / "berlin_kitas.csv").open(encoding="utf-8") as file:
        kitas = list(csv.DictReader(file))
    Location.objects.bulk_create(
        [
            Location(
                alliance=berlin,
                name=k["name"][:300],
                slug=f"kita-{k['id']}",
                latitude=float(k["alat"]),
                longitude=float(k["alon"]),
            )
            for k in kitas
        ]
    )
    result = places_assign_districts(alliance=berlin)
    assert result["changed"] == 2552 and result["outside"] == []
    kinds = set(Location.objects.filter(alliance=berlin).values_list("district__kind", flat=True))
    assert kinds == {"planning_area"}
    # Spot checks: the Kita "casa dei bambini" in Biesdorf (Marzahn-Hellersdorf).
    casa = Location.objects.get(alliance=berlin, slug="kita-274129")
    assert casa.district.parent.parent.name == "Marzahn-Hellersdorf"
    # CPU time (the shared test machines are busy): about 4 s here; a guard, not a benchmark.
    assert time.process_time() - started < 20


def test_projected_coordinates_are_refused_with_a_hint(town):
    utm = {
        "type": "Polygon",
        "coordinates": [
            [[390000, 5820000], [391000, 5820000], [391000, 5821000], [390000, 5820000]]
        ],
    }
    report, _counts = run(town, collection(feature("01", "Mitte", utm)))
    assert messages(report) == [
        "Objekt 1 (Code 01): Die Geometrie ist nicht verwendbar: die Koordinaten sind keine "
        "Längen-/Breitengrade in WGS 84 (eine andere Projektion?)."
    ]
