"""The stakeholder grid drawn on the server as SVG (relevance × influence, 1–5 each).

It works without JavaScript: every partner is a link to its rating form; the page's table is
the accessible alternative. ``static/js/stakeholder-grid.js`` adds drag and drop on top and
reads the geometry from the ``data-`` attributes of the ``<svg>``. Presentation attributes
only (no ``style``): the page's CSP allows no inline styles.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from familiennetz.core.charts import GRID, PALETTE, TEXT

from .models import StakeholderRating

CELL_W, CELL_H = 150, 112
LEFT, TOP, BOTTOM, RIGHT = 56, 12, 52, 8
ROW_H = 19
LABEL_CHARS = 19
QUADRANTS = (  # (relevance high?, influence high?, label)
    (True, True, gettext_lazy("Closely involve")),
    (True, False, gettext_lazy("Strengthen and keep informed")),
    (False, True, gettext_lazy("Keep satisfied")),
    (False, False, gettext_lazy("Keep an eye on")),
)


def _short(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1].rstrip() + "…"


def cell_origin(relevance: int, influence: int) -> tuple[int, int]:
    """Top left corner of the cell (influence left → right, relevance bottom → top)."""
    return LEFT + (influence - 1) * CELL_W, TOP + (5 - relevance) * CELL_H


def stakeholder_svg(
    ratings: Iterable[StakeholderRating], *, alliance, editable: bool = False
) -> SafeString:
    width, height = LEFT + 5 * CELL_W + RIGHT, TOP + 5 * CELL_H + BOTTOM
    cells: dict[tuple[int, int], list[StakeholderRating]] = defaultdict(list)
    for rating in ratings:
        cells[(rating.relevance, rating.influence)].append(rating)
    title = _("Stakeholder grid: relevance for the network by influence")
    desc = _(
        "Each partner is placed by its relevance (up) and its influence (right). "
        "The table below lists the same ratings."
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="sh-grid" viewBox="0 0 {width} {height}" '
        f'width="100%" role="group" aria-labelledby="sh-title" aria-describedby="sh-desc" '
        f'font-family="sans-serif" font-size="12" data-left="{LEFT}" data-top="{TOP}" '
        f'data-cell-w="{CELL_W}" data-cell-h="{CELL_H}"'
        f"{' data-editable' if editable else ''}>",
        f'<title id="sh-title">{escape(title)}</title><desc id="sh-desc">{escape(desc)}</desc>',
    ]
    for high_relevance, high_influence, _label in QUADRANTS:
        x = LEFT + (3 * CELL_W if high_influence else 0)
        y = TOP + (0 if high_relevance else 2 * CELL_H)
        w, h = (2 if high_influence else 3) * CELL_W, (2 if high_relevance else 3) * CELL_H
        fill = "#eef6f4" if high_relevance and high_influence else "#ffffff"
        parts.append(
            f'<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{fill}" stroke="none"/>'
        )
    for relevance in range(1, 6):
        for influence in range(1, 6):
            x, y = cell_origin(relevance, influence)
            parts.append(
                f'<rect class="sh-cell" x="{x}" y="{y}" width="{CELL_W}" height="{CELL_H}" '
                f'fill="none" stroke="{GRID}" data-relevance="{relevance}" '
                f'data-influence="{influence}"/>'
            )
    for high_relevance, high_influence, label in QUADRANTS:
        x = LEFT + 5 * CELL_W - 4 if high_influence else LEFT + 4
        y = TOP + (2 if high_relevance else 5) * CELL_H - 6
        anchor = "end" if high_influence else "start"
        parts.append(
            f'<text x="{x}" y="{y}" text-anchor="{anchor}" fill="#4a5257" font-style="italic">'
            f"{escape(label)}</text>"
        )
    for n in range(1, 6):
        x = LEFT + (n - 0.5) * CELL_W
        y = TOP + (5 - n + 0.5) * CELL_H
        parts.append(
            f'<text x="{x}" y="{TOP + 5 * CELL_H + 16}" text-anchor="middle" fill="{TEXT}">{n}'
            f'</text><text x="{LEFT - 10}" y="{y}" text-anchor="end" fill="{TEXT}">{n}</text>'
        )
    parts.append(
        f'<text x="{LEFT + 2.5 * CELL_W}" y="{height - 10}" text-anchor="middle" '
        f'font-weight="bold" fill="{TEXT}">{escape(_("Influence"))} →</text>'
        f'<text x="14" y="{TOP + 2.5 * CELL_H}" text-anchor="middle" font-weight="bold" '
        f'fill="{TEXT}" transform="rotate(-90 14 {TOP + 2.5 * CELL_H})">'
        f"{escape(_('Relevance'))} →</text>"
    )
    per_cell = CELL_H // ROW_H - 1
    for (relevance, influence), rows in sorted(cells.items()):
        x0, y0 = cell_origin(relevance, influence)
        rows.sort(key=lambda r: str(r.partner))
        shown = rows if len(rows) <= per_cell + 1 else rows[:per_cell]
        for index, rating in enumerate(shown):
            parts.append(_item(rating, x0 + 8, y0 + 14 + index * ROW_H, alliance, editable))
        if len(shown) < len(rows):
            more = len(rows) - len(shown)
            parts.append(
                f'<text x="{x0 + 8}" y="{y0 + 18 + per_cell * ROW_H}" fill="{TEXT}">'
                f"{escape(_('+ %(n)s more (see table)') % {'n': more})}</text>"
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above is escaped


def _item(rating: StakeholderRating, x: int, y: int, alliance, editable: bool) -> str:
    partner = rating.partner
    name = str(partner.organisation.name)
    interest = rating.interest or 0
    radius = 4 + (interest or 2) * 0.8
    colour = PALETTE[0] if interest >= 4 else PALETTE[5] if interest else "#6b7378"
    label = _("%(name)s: relevance %(relevance)s, influence %(influence)s") % {
        "name": name,
        "relevance": rating.relevance,
        "influence": rating.influence,
    }
    if rating.interest:
        label += ", " + _("interest %(n)s") % {"n": rating.interest}
    inner = (
        f"<title>{escape(label)}</title>"
        f'<circle cx="{x + 6}" cy="{y - 4}" r="{radius:.1f}" fill="{colour}"/>'
        f'<text x="{x + 16}" y="{y}" fill="{TEXT}">{escape(_short(name))}</text>'
    )
    data = (
        f'class="sh-item" data-partner="{partner.pk}" data-relevance="{rating.relevance}" '
        f'data-influence="{rating.influence}" data-interest="{rating.interest or ""}"'
    )
    if not editable:
        return f"<g {data}>{inner}</g>"
    url = reverse(
        "network:manage-stakeholder-rate",
        kwargs={"alliance_slug": alliance.slug, "pk": partner.pk},
    )
    return f'<a href="{escape(url)}" {data} data-name="{escape(name)}">{inner}</a>'
