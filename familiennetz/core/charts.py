"""Charts drawn on the server as SVG: they print, work without JavaScript and pass a strict
CSP (presentation attributes only, no ``style``). Every chart has a title and a description
for screen readers, and pages show the same figures as a table (``components/chart_table.html``
with ``chart.table``): a chart is never the only way to read a figure.

    chart = bar_chart(
        title=_("Answers"), categories=["Kita", "Hort"], series=[Series(_("2026"), [12, None])]
    )
    {{ chart.svg }}  {% include "components/chart_table.html" with table=chart.table %}

``None`` is a value that must not be shown (a suppressed count, core/privacy.py): it draws no
bar or point and is labelled ``<5``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from itertools import count

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .privacy import suppressed_label

# Colour-blind safe (Okabe–Ito), dark enough for text contrast on white where used for labels.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]
TEXT = "#1a1a1a"
GRID = "#c8c8c8"
_ids = count(1)


@dataclass(frozen=True)
class Series:
    label: str
    values: list[float | None]
    colour: str | None = None


@dataclass
class Chart:
    svg: SafeString
    title: str
    categories: list[str]
    series: list[Series]
    unit: str = ""
    table: dict = field(default_factory=dict)


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return suppressed_label()
    text = (
        f"{value:,.1f}" if isinstance(value, float) and not value.is_integer() else f"{value:,.0f}"
    )
    text = text.replace(",", "\u202f").replace(".", ",")  # German: thin space, decimal comma
    return f"{text}\u202f{unit}" if unit else text


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1
    exponent = math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        top = step * 10**exponent
        if top >= value:
            return top
    return 10 ** (exponent + 1)


def _colour(index: int, series: Series) -> str:
    return series.colour or PALETTE[index % len(PALETTE)]


def _table(title: str, categories: list[str], series: list[Series], unit: str) -> dict:
    return {
        "caption": title,
        "columns": [s.label for s in series],
        "rows": [
            (category, [_fmt(s.values[i], unit) for s in series])
            for i, category in enumerate(categories)
        ],
    }


def _chart(parts: list[str], title: str, categories, series, unit: str) -> Chart:
    svg = mark_safe("".join([*parts, "</svg>"]))  # every text in the parts is escaped
    return Chart(svg, title, categories, series, unit, _table(title, categories, series, unit))


def _open(chart_id: str, width: int, height: int, title: str, desc: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-labelledby="{chart_id}-t {chart_id}-d" '
        f'font-family="sans-serif" font-size="13">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(desc)}</desc>',
    ]


def _legend(series: list[Series], x: float, y: float) -> list[str]:
    parts = []
    for index, s in enumerate(series):
        top = y + index * 18
        parts.append(
            f'<rect x="{x}" y="{top}" width="12" height="12" fill="{_colour(index, s)}"/>'
            f'<text x="{x + 18}" y="{top + 10}" fill="{TEXT}">{escape(s.label)}</text>'
        )
    return parts


def bar_chart(
    *,
    title: str,
    categories: list[str],
    series: list[Series],
    unit: str = "",
    description: str = "",
    width: int = 640,
) -> Chart:
    """Horizontal bars: one row per category, one bar per series (grouped)."""
    chart_id = f"chart{next(_ids)}"
    label_width = min(260, 8 + 7 * max((len(c) for c in categories), default=4))
    bar, gap = 16, 10
    group = bar * len(series) + gap
    legend_height = 18 * len(series) + 6 if len(series) > 1 else 0
    top = 8 + legend_height
    height = top + group * len(categories) + 24
    values = [v for s in series for v in s.values if v is not None]
    maximum = _nice_max(max(values, default=0))
    plot = width - label_width - 70
    desc = description or ", ".join(
        f"{category}: " + "; ".join(f"{s.label} {_fmt(s.values[i], unit)}" for s in series)
        for i, category in enumerate(categories)
    )
    parts = _open(chart_id, width, height, title, desc)
    if len(series) > 1:
        parts += _legend(series, label_width, 6)
    for tick in range(5):
        x = label_width + plot * tick / 4
        parts.append(
            f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{height - 20}" stroke="{GRID}"/>'
            f'<text x="{x:.1f}" y="{height - 6}" text-anchor="middle" fill="{TEXT}">'
            f"{_fmt(maximum * tick / 4)}</text>"
        )
    for row, category in enumerate(categories):
        y0 = top + row * group
        parts.append(
            f'<text x="{label_width - 6}" y="{y0 + group / 2}" text-anchor="end" '
            f'dominant-baseline="middle" fill="{TEXT}">{escape(category)}</text>'
        )
        for index, s in enumerate(series):
            value = s.values[row]
            y = y0 + index * bar
            length = 0 if value is None else plot * max(value, 0) / maximum
            if length:
                parts.append(
                    f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar - 2}" '
                    f'fill="{_colour(index, s)}"><title>{escape(s.label)}: '
                    f"{escape(_fmt(value, unit))}</title></rect>"
                )
            parts.append(
                f'<text x="{label_width + length + 4:.1f}" y="{y + bar / 2}" '
                f'dominant-baseline="middle" fill="{TEXT}">{escape(_fmt(value, unit))}</text>'
            )
    return _chart(parts, title, categories, series, unit)


def line_chart(
    *,
    title: str,
    categories: list[str],
    series: list[Series],
    unit: str = "",
    description: str = "",
    width: int = 640,
    height: int = 260,
) -> Chart:
    """Lines over ``categories`` (years, months); a ``None`` breaks the line."""
    chart_id = f"chart{next(_ids)}"
    left, right, bottom = 56, 16, 28
    legend_height = 18 * len(series) + 6
    top = 10 + legend_height
    values = [v for s in series for v in s.values if v is not None]
    low = min(0, min(values, default=0))
    high = _nice_max(max(values, default=0))
    plot_w, plot_h = width - left - right, height - top - bottom
    steps = max(len(categories) - 1, 1)

    def xy(i: int, value: float) -> tuple[float, float]:
        return left + plot_w * i / steps, top + plot_h * (1 - (value - low) / ((high - low) or 1))

    desc = description or "; ".join(
        f"{s.label}: "
        + ", ".join(f"{c} {_fmt(v, unit)}" for c, v in zip(categories, s.values, strict=True))
        for s in series
    )
    parts = _open(chart_id, width, height, title, desc)
    parts += _legend(series, left, 6)
    for tick in range(5):
        tick_value = low + (high - low) * tick / 4
        _x, y = xy(0, tick_value)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="{GRID}"/>'
            f'<text x="{left - 6}" y="{y:.1f}" text-anchor="end" dominant-baseline="middle" '
            f'fill="{TEXT}">{_fmt(tick_value)}</text>'
        )
    every = max(1, math.ceil(len(categories) / 10))
    for i, category in enumerate(categories):
        if i % every == 0:
            x, _y = xy(i, low)
            parts.append(
                f'<text x="{x:.1f}" y="{height - 8}" text-anchor="middle" fill="{TEXT}">'
                f"{escape(category)}</text>"
            )
    for index, s in enumerate(series):
        colour = _colour(index, s)
        runs: list[list[tuple[float, float]]] = [[]]
        for i, value in enumerate(s.values):
            if value is None:
                runs.append([])
                continue
            runs[-1].append(xy(i, value))
            x, y = xy(i, value)
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"><title>'
                f"{escape(s.label)}, {escape(categories[i])}: {escape(_fmt(value, unit))}"
                "</title></circle>"
            )
        for run in runs:
            if len(run) > 1:
                points = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
                parts.append(
                    f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>'
                )
    return _chart(parts, title, categories, series, unit)
