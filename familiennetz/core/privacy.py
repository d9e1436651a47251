"""Small counts about people are never shown (PRODUCT.md: aggregates only, counts below 5
suppressed), and cannot be recovered by subtraction from the totals that are shown.

Primary suppression hides every count from 1 to ``MIN_COUNT - 1`` (a zero identifies nobody
and stays visible). Secondary (complementary) suppression then hides the smallest further
count in every row or column that has exactly one hidden cell while its total is shown:
otherwise *total − the other cells* would give the hidden one back. Totals go through
``suppress_count`` as well: where no complement exists (every other cell is zero), the total
equals the small cell and is hidden with it.

Every display, export and API of figures about people goes through these functions; a hidden
count is ``None`` here, ``"<5"`` when written (``SUPPRESSED``), and its share is left empty.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any, TypeVar

from django.conf import settings

K = TypeVar("K", bound=Hashable)
R = TypeVar("R", bound=Hashable)
C = TypeVar("C", bound=Hashable)


def min_count() -> int:
    return getattr(settings, "PRIVACY_MIN_COUNT", 5)


def suppressed_label() -> str:
    return f"<{min_count()}"


def is_small(count: int | None) -> bool:
    """A count that must not be shown (1 … MIN_COUNT − 1)."""
    return count is not None and 0 < count < min_count()


def suppress_count(count: int | None) -> int | None:
    """One count on its own (a total, a single figure): ``None`` if it is small."""
    return None if is_small(count) else count


def _hide_one_more(cells: Mapping[Any, int], hidden: set) -> Any | None:
    """The key of the smallest visible non-zero cell (the complement to hide), or None."""
    candidates = [(value, str(key), key) for key, value in cells.items() if key not in hidden]
    candidates = [item for item in candidates if item[0]]
    if not candidates:
        return None
    return min(candidates)[2]


def suppress_distribution(
    counts: Mapping[K, int], *, total_shown: bool = True
) -> dict[K, int | None]:
    """Counts per category (one question, one indicator by district …) with small ones hidden.

    With ``total_shown`` (the sum appears next to them, or can be read elsewhere), a single
    hidden cell gets a complement so that it cannot be recovered by subtraction.
    """
    cells = dict(counts)
    hidden = {key for key, value in cells.items() if is_small(value)}
    if total_shown and len(hidden) == 1:
        extra = _hide_one_more(cells, hidden)
        if extra is not None:
            hidden.add(extra)
    return {key: (None if key in hidden else value) for key, value in cells.items()}


def suppress_table(
    rows: Mapping[R, Mapping[C, int]], *, totals_shown: bool = True
) -> dict[R, dict[C, int | None]]:
    """A cross table (rows × columns) with small cells hidden and, while row and column
    totals are shown, complements added until no row or column has exactly one hidden cell.
    """
    table = {row: dict(cells) for row, cells in rows.items()}
    hidden = {(r, c) for r, cells in table.items() for c, value in cells.items() if is_small(value)}
    if totals_shown:
        columns = {c for cells in table.values() for c in cells}
        changed = True
        while changed:
            changed = False
            for r, cells in table.items():
                in_row = {c for c in cells if (r, c) in hidden}
                if len(in_row) == 1:
                    extra = _hide_one_more(cells, in_row)
                    if extra is not None:
                        hidden.add((r, extra))
                        changed = True
            for c in columns:
                column = {r: cells[c] for r, cells in table.items() if c in cells}
                in_column = {r for r in column if (r, c) in hidden}
                if len(in_column) == 1:
                    extra = _hide_one_more(column, in_column)
                    if extra is not None:
                        hidden.add((extra, c))
                        changed = True
    return {
        r: {c: (None if (r, c) in hidden else value) for c, value in cells.items()}
        for r, cells in table.items()
    }


def share(count: int | None, total: int | None) -> float | None:
    """``count / total`` (0 … 1), or None when either is hidden or the total is zero."""
    if count is None or not total:
        return None
    return count / total


def display(count: int | None) -> str:
    """How a count is written in pages and exports: the number, or ``<5`` when hidden."""
    return suppressed_label() if count is None else str(count)
