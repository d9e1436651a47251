import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from familiennetz.core.privacy import (
    display,
    share,
    suppress_count,
    suppress_distribution,
    suppress_table,
)


def test_counts_from_one_to_four_are_hidden_zero_and_five_are_not():
    assert [suppress_count(n) for n in range(7)] == [0, None, None, None, None, 5, 6]


def test_a_single_small_cell_gets_a_complement_so_the_total_gives_nothing_away():
    shown = suppress_distribution({"Kita": 40, "Hort": 3, "Schule": 12, "Verein": 0})
    assert shown == {"Kita": 40, "Hort": None, "Schule": None, "Verein": 0}


def test_two_small_cells_need_no_complement():
    assert suppress_distribution({"a": 2, "b": 3, "c": 30}) == {"a": None, "b": None, "c": 30}


def test_without_a_total_no_complement_is_needed():
    assert suppress_distribution({"a": 2, "b": 30}, total_shown=False) == {"a": None, "b": 30}


def test_zeros_are_never_the_complement():
    # Hiding a zero would protect nothing: the small cell stays recoverable if all else is 0.
    assert suppress_distribution({"a": 3, "b": 0, "c": 0}) == {"a": None, "b": 0, "c": 0}


def _recoverable(original, shown, totals_shown=True):
    """Hidden small cells that subtraction from a shown row or column total gives back.
    (Totals go through suppress_count as well: a small total is not shown.)"""
    found = set()
    for r, cells in shown.items():
        hidden = [c for c, v in cells.items() if v is None]
        total_shown = suppress_count(sum(original[r].values())) is not None
        if total_shown and len(hidden) == 1 and 0 < original[r][hidden[0]] < 5:
            found.add((r, hidden[0]))
    columns = {c for cells in shown.values() for c in cells}
    for c in columns:
        hidden = [r for r in shown if shown[r].get(c, 0) is None]
        total_shown = suppress_count(sum(original[r][c] for r in original)) is not None
        if total_shown and len(hidden) == 1 and 0 < original[hidden[0]][c] < 5:
            found.add((hidden[0], c))
    return found


def test_a_cross_table_hides_complements_in_rows_and_columns():
    table = {
        "Nord": {"0-3": 12, "3-6": 2, "6-10": 20},
        "Süd": {"0-3": 8, "3-6": 9, "6-10": 15},
        "Ost": {"0-3": 30, "3-6": 11, "6-10": 7},
    }
    shown = suppress_table(table)
    assert shown["Nord"]["3-6"] is None
    assert not _recoverable(table, shown)
    # Nothing else than needed: a third of the table stays visible at least.
    assert sum(v is not None for cells in shown.values() for v in cells.values()) >= 5


@given(
    st.lists(
        st.lists(st.integers(min_value=0, max_value=30), min_size=3, max_size=3),
        min_size=3,
        max_size=4,
    )
)
def test_no_small_cell_of_any_table_can_be_recovered_by_subtraction(rows):
    table = {f"r{i}": {f"c{j}": v for j, v in enumerate(row)} for i, row in enumerate(rows)}
    shown = suppress_table(table)
    for r, c in itertools.product(table, table["r0"]):
        if 0 < table[r][c] < 5:
            assert shown[r][c] is None
    assert not _recoverable(table, shown)


@pytest.mark.parametrize(
    ("count", "total", "expected"), [(5, 20, 0.25), (None, 20, None), (3, 0, None)]
)
def test_share_is_empty_for_hidden_counts(count, total, expected):
    assert share(count, total) == expected


def test_hidden_counts_are_written_as_less_than_five():
    assert display(None) == "<5"
    assert display(0) == "0"
