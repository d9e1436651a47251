"""Indicator tables: German number formats, long and wide form, matching, duplicates, all or
nothing; Berlin's and Hamburg's real files (cells named in the assertions)."""

import pytest

from familiennetz.alliances.tests.factories import AllianceFactory
from familiennetz.socialspace.models import DataImport, District, Indicator, IndicatorValue
from familiennetz.socialspace.services import import_file
from familiennetz.socialspace.tables import (
    COMMA,
    MISSING,
    POINT,
    NumberError,
    decimal_style,
    parse_number,
)

from .factories import SHARED_DATA, square_grid

pytestmark = pytest.mark.django_db
DATA = SHARED_DATA
SHARED = pytest.mark.skipif(
    not DATA.is_dir(), reason="the shared sample data is not on this machine"
)


@pytest.mark.parametrize(
    ("cell", "decimal", "expected"),
    [
        ("1.234,5", COMMA, 1234.5),
        (" 1 675    ", COMMA, 1675.0),
        ("-  73", COMMA, -73.0),
        ("−12,0", COMMA, -12.0),
        ("9,7", COMMA, 9.7),
        ("4.6", POINT, 4.6),
        ("1,234.5", POINT, 1234.5),
        ("12,5 %", COMMA, 12.5),
        ("7¹", COMMA, 7.0),
        (42, COMMA, 42.0),
        ("–", COMMA, MISSING),
        ("x", COMMA, MISSING),
        (".", COMMA, MISSING),
        ("", COMMA, MISSING),
        (None, COMMA, MISSING),
    ],
)
def test_parse_number(cell, decimal, expected):
    assert parse_number(cell, decimal) == expected


@pytest.mark.parametrize("cell", ["abc", "12a", "1,2,x"])
def test_parse_number_refuses_text(cell):
    with pytest.raises(NumberError):
        parse_number(cell, COMMA)


def test_decimal_style_is_only_told_by_unambiguous_cells():
    assert decimal_style("9,7") == COMMA
    assert decimal_style("4.6") == POINT
    assert decimal_style("1.234") is None  # thousands or decimals: cannot tell
    assert decimal_style("1.234,5") == COMMA
    assert decimal_style(".") is None


@pytest.fixture
def town():
    alliance = AllianceFactory(slug="stadt")
    districts = square_grid(
        alliance, ["Innere Altstadt", "Pirnaische Vorstadt", "Seevorstadt"], kind="stadtteil"
    )
    return alliance, districts


def run(alliance, text: str | bytes, **options):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return import_file(
        alliance=alliance,
        kind=DataImport.Kind.INDICATORS,
        data=data,
        filename="werte.csv",
        options=options,
    )


def stored(alliance, code):
    return {
        (v.district.name, v.year): v.value
        for v in IndicatorValue.objects.filter(
            alliance=alliance, indicator__code=code
        ).select_related("district")
    }


def test_wide_table_with_title_rows_totals_and_footnotes(town):
    alliance, _districts = town
    text = (
        "Bevölkerung in Dresden 2023;;\n"
        "\n"
        "Stadtteil;Einwohner;Kinder unter 6\n"
        "01 Innere Altstadt;1.234;56\n"
        "02 Pirnaische Vorstadt;12.301;–\n"
        "03 Seevorstadt;x;3\n"
        "Dresden insgesamt;13.535;59\n"
        "Quelle: Kommunale Statistikstelle\n"
    )
    report, _counts = run(alliance, text, year=2023, match="code_name")
    assert report.ok, report.lines()
    assert stored(alliance, "einwohner") == {
        ("Innere Altstadt", 2023): 1234,
        ("Pirnaische Vorstadt", 2023): 12301,
    }
    assert stored(alliance, "kinder-unter-6") == {
        ("Innere Altstadt", 2023): 56,
        ("Seevorstadt", 2023): 3,
    }
    warnings = [(i.where, i.message) for i in report.issues if i.level == "warning"]
    assert warnings == [
        (
            "Zeile 7",
            "Übersprungen: Kein Gebiet passt zu „Dresden insgesamt“ (eine Summenzeile oder eine andere Ebene?).",  # noqa: E501
        )
    ]
    assert Indicator.objects.get(alliance=alliance, code="kinder-unter-6").measure == "people"


def test_long_form_with_year_column_and_name_matching(town):
    alliance, _districts = town
    text = "Jahr,Gebiet,Merkmal,Wert\n2022,Seevorstadt,Arbeitslose,5.5\n2023,Seevorstadt,Arbeitslose,6.25\n2023,SEEVORSTADT ,Quote,1.5\n"  # noqa: E501
    report, _counts = run(
        alliance,
        text,
        layout="long",
        district_column="Gebiet",
        indicator_column="Merkmal",
        value_column="Wert",
        year_column="Jahr",
        match="name",
    )
    assert report.ok, report.lines()
    assert stored(alliance, "arbeitslose") == {
        ("Seevorstadt", 2022): 5.5,
        ("Seevorstadt", 2023): 6.25,
    }


def test_latin1_file_is_read_and_noted(town):
    alliance, _districts = town
    data = "Gebiet;Einwohner\nSeevorstadt;1.000\nPirnaische Vorstadt;2.000\n".encode("cp1252")
    data = data.replace(b"Gebiet", "Gebiet (Größe)".encode("cp1252"))
    report, _counts = run(alliance, data, year=2023, match="name")
    assert report.ok
    assert any("Windows-1252" in i.message for i in report.issues)


def test_mixed_decimal_separators_name_both_cells_and_write_nothing(town):
    alliance, _districts = town
    text = "Gebiet;Quote;Dichte\nSeevorstadt;9,7;1.5\n"
    report, counts = run(alliance, text, year=2023, match="name")
    assert counts == {}
    assert [i.message for i in report.errors] == [
        "Gemischte Dezimaltrennzeichen: Zeile 2, Spalte „Quote“ (B2) hat ein Dezimalkomma, Zeile 2, "  # noqa: E501
        "Spalte „Dichte“ (C2) einen Dezimalpunkt. Wählen Sie das Trennzeichen oder korrigieren Sie die Datei."  # noqa: E501
    ]
    assert not Indicator.objects.filter(alliance=alliance).exists()


def test_text_in_a_value_cell_is_an_error_naming_the_cell_and_nothing_is_written(town):
    alliance, _districts = town
    text = "Gebiet;Einwohner\nSeevorstadt;1000\nInnere Altstadt;viele\n"
    report, counts = run(alliance, text, year=2023, match="name")
    assert counts == {} and not IndicatorValue.objects.exists()
    assert [(i.where, i.message) for i in report.errors] == [
        ("Zeile 3, Spalte „Einwohner“ (B3)", "„viele“ ist keine Zahl.")
    ]


def test_duplicate_district_is_summed_rejected_or_first(town):
    alliance, _districts = town
    text = "Gebiet;Kinder\nSeevorstadt;10\nSeevorstadt;5\n"
    report, _counts = run(alliance, text, year=2023, match="name")
    assert [i.where for i in report.errors] == ["Zeile 3, Spalte „Kinder“ (B3)"]
    assert "wie Zeile 2" in report.errors[0].message
    report, _counts = run(alliance, text, year=2023, match="name", duplicates="sum")
    assert report.ok and stored(alliance, "kinder") == {("Seevorstadt", 2023): 15}
    report, _counts = run(alliance, text, year=2023, match="name", duplicates="first")
    assert report.ok and stored(alliance, "kinder") == {("Seevorstadt", 2023): 10}


def test_wide_table_without_a_year_asks_for_one(town):
    alliance, _districts = town
    report, _counts = run(alliance, "Gebiet;Kinder\nSeevorstadt;10\n", match="name")
    assert "Für welches Jahr" in report.errors[0].message


def test_a_json_file_is_not_a_table(town):
    alliance, _districts = town
    report, _counts = run(alliance, '{"a": 1}', year=2023)
    assert (
        report.errors[0].message
        == "Die Datei sieht nach JSON aus, nicht nach einer CSV- oder XLSX-Tabelle."
    )


@SHARED
def test_hamburg_csv_and_xlsx_give_the_same_cells():
    hamburg = AllianceFactory(slug="hamburg")
    import csv

    with (DATA / "hamburg/hamburg_stadtteilprofile_2014.csv").open(encoding="utf-8") as file:
        names = [row[0].strip() for row in list(csv.reader(file, delimiter=";"))[1:100]]
    for number, name in enumerate(names):
        District.objects.create(
            alliance=hamburg, name=name, slug=f"st-{number}", code=f"{number:03d}", kind="stadtteil"
        )
    options = {
        "district_column": "Stadtgebiet",
        "match": "name",
        "year": 2013,
        "duplicates": "first",
    }
    report, _counts = run(
        hamburg, (DATA / "hamburg/hamburg_stadtteilprofile_2014.csv").read_bytes(), **options
    )
    assert report.ok, report.lines()[:5]
    csv_values = dict(stored(hamburg, "bevoelkerung").items())
    # Cell B2 " 1 675    " (space as thousands separator), D3 " 12,6    " (decimal comma),
    # AC4 "-  73" (Wanderungssaldo of Neustadt, a negative number with spaces).
    assert csv_values[("Hamburg-Altstadt", 2013)] == 1675
    assert stored(hamburg, "anteil-der-unter-18-jaehrigen-in")[("HafenCity", 2013)] == 12.6
    assert stored(hamburg, "wanderungssaldo")[("Neustadt", 2013)] == -73
    assert stored(hamburg, "alleinerziehende")[("St. Pauli", 2013)] == 616
    # Bezirk totals with a Stadtteil's name (Harburg …) are ignored as later lines.
    assert stored(hamburg, "bevoelkerung")[("Harburg", 2013)] == 22674
    IndicatorValue.objects.filter(alliance=hamburg).delete()
    Indicator.objects.filter(alliance=hamburg).delete()
    report, _counts = run(
        hamburg,
        (DATA / "hamburg/hamburg_stadtteilprofile_2014_original.xlsx").read_bytes(),
        **options | {"district_column": ""},
    )
    assert report.ok, report.lines()[:5]
    assert stored(hamburg, "bevoelkerung") == csv_values
    assert stored(hamburg, "wanderungssaldo")[("Neustadt", 2013)] == -73
    assert any(i.message.startswith("Kopfzeile in Zeile 3") for i in report.issues)


@SHARED
def test_berlin_children_wide_with_years_in_column_names_and_core_indicators_long():
    berlin = AllianceFactory(slug="berlin")
    plr = ["01011101", "01011102"]
    for code in plr:
        District.objects.create(
            alliance=berlin, name=code, slug=code, code=code, kind="planning_area"
        )
    District.objects.create(
        alliance=berlin, name="Tiergarten Süd", slug="tgs", code="010111", kind="region"
    )
    report, counts = run(
        berlin,
        (DATA / "berlin/berlin_ewr_kinder_unter6_planungsraum_2001_2016.csv").read_bytes(),
        district_column="plr_id",
        match="code",
        column_pattern=r"(?P<year>\d{4})_(?P<indicator>.+)",
    )
    assert report.ok
    assert counts["values_created"] == 2 * 16 * 6
    under1 = stored(berlin, "e_e00_01")
    assert under1[("01011101", 2001)] == 19 and under1[("01011101", 2016)] == 22
    assert report.counts["skipped_rows"] == 445  # the other planning areas: listed as warnings
    report, counts = run(
        berlin,
        (DATA / "berlin/berlin_kernindikatoren_bezirksregionen_long.csv").read_bytes(),
        layout="long",
        district_column="bzr_id",
        indicator_column="indikator",
        value_column="wert",
        year=2017,
        kind="region",
    )
    assert report.ok and counts["values_created"] == 23
    assert stored(berlin, "d5")[("Tiergarten Süd", 2017)] == 34.8  # decimal point in this file
