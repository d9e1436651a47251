"""Reading and mapping the Chemnitz Kita list – no database."""

from pathlib import Path

import pytest

from familiennetz.interop.connectors.chemnitz_kitas.mapping import (
    ATTRIBUTION,
    SkipReason,
    SourceFormatError,
    display_name,
    normalise_url,
    parse,
    parse_text,
    source_key,
    split_label,
)

SAMPLE = Path(__file__).parent / "fixtures" / "chemnitz_kitas_sample.csv"


@pytest.fixture(scope="module")
def parsed():
    with open(SAMPLE, encoding="utf-8-sig", newline="") as stream:
        return parse(stream)


def by_row(parsed):
    return {record.row: record for record in parsed.records}


def test_sample_file_starts_with_a_byte_order_mark():
    assert SAMPLE.read_bytes().startswith(b"\xef\xbb\xbfX,Y,")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_byte_order_mark_is_ignored_whatever_the_encoding(encoding):
    with open(SAMPLE, encoding=encoding, newline="") as stream:
        result = parse(stream)
    assert result.rows_read == 11
    assert len(result.records) == 5


def test_skip_report_names_the_exact_rows_and_reasons(parsed):
    skipped = {skip.row: skip for skip in parsed.skipped}
    assert sorted(skipped) == [3, 5, 6, 7, 9, 10]
    assert skipped[3].reason == SkipReason.PRIVATE
    assert skipped[5].reason == SkipReason.MISSING_COORDINATES
    assert skipped[6].reason == SkipReason.OUTSIDE
    assert skipped[7].reason == SkipReason.MISSING_NAME
    assert skipped[9].reason == SkipReason.NO_KIND
    assert skipped[10].reason == f"{SkipReason.DUPLICATE} (row 2)"
    assert skipped[5].label == 'Lindenallee 7 "Sonnenblume"'


def test_private_rows_are_reported_without_their_name(parsed):
    private = next(skip for skip in parsed.skipped if skip.reason == SkipReason.PRIVATE)
    assert private.label == ""


def test_embedded_quotes_become_the_name(parsed):
    kita = by_row(parsed)[2]
    assert kita.source_label == 'Musterstraße 197 "FRIDOLIN"'
    assert kita.name == "Kita „FRIDOLIN“"
    assert kita.street == "Musterstraße 197"
    assert kita.key == "musterstrasse-197-fridolin"


def test_kita_row_is_mapped(parsed):
    kita = by_row(parsed)[2]
    assert kita.operator == "Kinderhilfe Beispiel e. V."
    assert (kita.latitude, kita.longitude) == (50.8212346, 12.9012346)
    assert (kita.postal_code, kita.city) == ("09119", "Chemnitz")
    assert kita.categories == ["betreuung.kita"]
    assert kita.ages == (0, 83)
    assert kita.is_wheelchair_accessible and kita.is_integrative
    assert kita.website == "https://www.kinderhilfe.example.org"
    assert kita.phone == "0371 1234-501"
    assert kita.email == "fridolin@kinderhilfe.example.org"
    assert ATTRIBUTION in kita.description
    assert "Integrative Einrichtung" in kita.description


def test_hort_row_is_mapped(parsed):
    hort = by_row(parsed)[4]
    assert hort.name == "Hort GS Beispiel"
    assert hort.categories == ["betreuung.hort"]
    assert hort.ages == (72, 131)
    assert not hort.is_wheelchair_accessible


def test_kita_with_hort_and_family_centre(parsed):
    record = by_row(parsed)[8]
    assert record.name == "Kita und Hort „Regenbogen“, Kinder- und Familienzentrum (KiFaZ)"
    assert record.categories == [
        "betreuung.kita",
        "betreuung.hort",
        "elternbildung.familienzentrum",
    ]
    assert record.ages == (0, 131)
    assert record.website == "https://www.regenbogen.example.org"
    assert record.email == ""
    assert record.warnings == ("e-mail 'keine-mail' is not valid and was left out",)


def test_cut_off_street_is_taken_from_the_label(parsed):
    assert by_row(parsed)[11].street == "Carl-Beispiel-Hauptstr. 85"


def test_row_without_a_name_of_its_own_is_named_by_address(parsed):
    assert by_row(parsed)[12].name == "Kita Rosenhof 4a"


def test_missing_columns_are_a_format_error():
    with pytest.raises(SourceFormatError, match="BEZEICHNUNG"):
        parse_text("X,Y,TRAEGER\n12.9,50.8,Stadt Chemnitz\n")


def test_rows_with_too_many_fields_are_skipped_as_malformed():
    header = SAMPLE.read_text(encoding="utf-8-sig").splitlines()[0]
    result = parse_text(header + "\n" + ",".join(["1"] * 25) + "\n")
    assert [(skip.row, skip.reason) for skip in result.skipped] == [(2, SkipReason.MALFORMED)]


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ('Hohe Straße 6b "Sonnenschein"', ("Hohe Straße 6b", '"Sonnenschein"')),
        ("Forststraße 26-30 Naturkinderhaus", ("Forststraße 26-30", "Naturkinderhaus")),
        ("Max-Türpe-Straße 40/42", ("Max-Türpe-Straße 40/42", "")),
        ("Kirchweg (Wittgensdorf) 8, Hort", ("Kirchweg (Wittgensdorf) 8", "Hort")),
        ("Straße des 17. Juni 5", ("Straße des 17. Juni 5", "")),
        ("Kinderhaus ohne Adresse", ("", "Kinderhaus ohne Adresse")),
    ],
)
def test_split_label(label, expected):
    assert split_label(label) == expected


@pytest.mark.parametrize(
    ("rest", "kind", "expected"),
    [
        ('"Kinderhaus Pusteblume"', "Kita", "Kinderhaus Pusteblume"),
        ('"Zwergenland"', "Kita", "Kita „Zwergenland“"),
        ("Hort A.-Einstein-GS", "Hort", "Hort A.-Einstein-GS"),
        (
            '"Die Goldfische", Kindertagespflege',
            "Kindertagespflege",
            "Kindertagespflege „Die Goldfische“",
        ),
        (
            "Kinder- und Familienzentrum (KiFaZ)",
            "Kita",
            "Kinder- und Familienzentrum (KiFaZ) Am Park 1",
        ),
        ("", "Hort", "Hort Am Park 1"),
    ],
)
def test_display_name(rest, kind, expected):
    assert display_name(rest, address="Am Park 1", kind=kind) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("www.beispiel.example.org", "https://www.beispiel.example.org"),
        ("https:\\\\www.beispiel.example.org", "https://www.beispiel.example.org"),
        ("http://www.spielmäuse.example.org", "http://www.spielmäuse.example.org"),
        ("kein link", ""),
        ("", ""),
    ],
)
def test_normalise_url(url, expected):
    assert normalise_url(url) == expected


def test_source_key_is_stable_and_short():
    assert source_key('Bernhardstraße 77 "Spielhaus Groß und Klein"') == (
        "bernhardstrasse-77-spielhaus-gross-und-klein"
    )
    long_key = source_key("Weg 1 " + "sehr langer Name " * 20)
    assert len(long_key) <= 120
    assert long_key == source_key("Weg 1 " + "sehr langer Name " * 20)
