"""Reads of the reports app: a report's sections and charts, the state office's overview
(cached aggregates per alliance), the social-planning table and the handover page."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from familiennetz.alliances.models import Alliance
from familiennetz.core.charts import Chart, Series, bar_chart
from familiennetz.directory.models import Category, Offer, Status
from familiennetz.directory.models.audience import AGE_BANDS
from familiennetz.governance.models import ActionItem, Meeting
from familiennetz.network.models import Partner
from familiennetz.socialspace.models import District

from . import figures
from .models import AllianceSummary, AnnualReport, ReportStatus, ReportTemplate

NOT_AVAILABLE = "not_available"


@dataclass
class ShownFigure:
    data: dict
    chart: Chart | None = None

    @property
    def key(self) -> str:
        return self.data["key"]

    @property
    def label(self) -> str:
        return self.data["label"]

    @property
    def available(self) -> bool:
        return bool(self.data.get("available"))

    @property
    def value(self) -> str:
        return figures.display(self.data.get("value"))

    @property
    def rows(self) -> list[tuple[str, str]]:
        return [(label, figures.display(count)) for label, count in self.data.get("rows", [])]

    @property
    def has_listing(self) -> bool:
        figure = figures.registry.get(self.key)
        return figure is not None and figure.listing is not None


@dataclass
class Section:
    title: str
    figures: list[ShownFigure] = field(default_factory=list)


def report_sections(
    template: ReportTemplate, data: dict[str, dict], *, year: int, charts: bool = True
) -> list[Section]:
    """The template's sections with the figures of ``data`` (missing ones: not available)."""
    sections = []
    for spec in template.sections:
        section = Section(figures.section_title(spec))
        for key in spec.get("figures", []):
            figure = data.get(key)
            if figure is None:
                known = figures.registry.get(key)
                figure = {
                    "key": key,
                    "label": str(known.label) if known else key,
                    "available": False,
                    "value": None,
                    "rows": [],
                }
            chart = None
            if charts and figure.get("chart") and figure.get("rows"):
                chart = bar_chart(
                    title=figure["label"],
                    categories=[label for label, _count in figure["rows"]],
                    series=[Series(str(year), [count for _label, count in figure["rows"]])],
                )
            section.figures.append(ShownFigure(figure, chart))
        sections.append(section)
    return sections


def reports_of(alliance, *, submitted_only: bool = False):
    rows = AnnualReport.objects.for_alliance(alliance).order_by("-year")
    if submitted_only:
        rows = rows.exclude(status=ReportStatus.DRAFT)
    return rows


# --- the state office -----------------------------------------------------------------------------

SUMMARY_MAX_AGE = dt.timedelta(hours=24)


def summary_compute(alliance, *, now: dt.datetime | None = None) -> dict:
    """The aggregates the state overview shows for one alliance (no personal data)."""
    now = now or timezone.now()
    year_ago = now - dt.timedelta(days=365)
    offers = Offer.objects.for_alliance(alliance).filter(status=Status.PUBLISHED)
    total = offers.count()
    confirmed = offers.filter(last_checked_at__gte=year_ago).count()
    by_age = {band.key: offers.for_age_band(band).count() for band in AGE_BANDS}
    meetings = (
        Meeting.objects.for_alliance(alliance)
        .filter(status=Meeting.Status.HELD, starts_at__gte=year_ago, starts_at__lte=now)
        .count()
    )
    partners = (
        Partner.objects.for_alliance(alliance)
        .exclude(role=Partner.Role.TO_APPROACH)
        .filter(Q(left_on__isnull=True) | Q(left_on__gt=now.date()))
    )
    by_sector = Counter(
        name or _("without sector") for name in partners.values_list("sector__name", flat=True)
    )
    return {
        "offers": total,
        "confirmed": confirmed,
        "confirmed_share": round(confirmed / total, 3) if total else None,
        "offers_by_age": by_age,
        "meetings": meetings,
        "partners": sum(by_sector.values()),
        "partners_by_sector": dict(by_sector),
    }


def summary_refresh(alliance, *, now: dt.datetime | None = None) -> AllianceSummary:
    now = now or timezone.now()
    summary, _created = AllianceSummary.objects.update_or_create(
        alliance=alliance, defaults={"data": summary_compute(alliance, now=now), "computed_at": now}
    )
    return summary


@dataclass
class OverviewRow:
    alliance: Alliance
    data: dict
    computed_at: dt.datetime | None
    last_report: AnnualReport | None
    report_state: str  # accepted, submitted, overdue, requested, draft, none

    @property
    def report_state_label(self) -> str:
        return str(REPORT_STATE_LABELS[self.report_state])

    @property
    def confirmed_percent(self) -> str:
        share = self.data.get("confirmed_share")
        return "–" if share is None else f"{round(share * 100)} %"


def report_state(report: AnnualReport | None, *, today: dt.date) -> str:
    if report is None:
        return "none"
    if report.status != ReportStatus.DRAFT:
        return report.status
    if report.due_on and report.due_on < today:
        return "overdue"
    return "requested" if report.due_on else "draft"


REPORT_STATE_LABELS = {
    "none": gettext_lazy("no report yet"),
    "draft": gettext_lazy("draft"),
    "requested": gettext_lazy("requested"),
    "overdue": gettext_lazy("overdue"),
    "submitted": gettext_lazy("submitted"),
    "accepted": gettext_lazy("accepted"),
}


def state_overview(office, *, today: dt.date | None = None) -> list[OverviewRow]:
    """One row per alliance of the office, from the cached summaries (computed where
    missing); the last report of each (the newest by year) with its state."""
    today = today or timezone.localdate()
    alliances = list(office.alliances.filter(is_active=True).order_by("name"))
    ids = [a.pk for a in alliances]
    summaries = {s.alliance_id: s for s in AllianceSummary.objects.filter(alliance_id__in=ids)}
    latest: dict[int, AnnualReport] = {}
    for row in (
        AnnualReport.objects.filter(alliance_id__in=ids)
        .order_by("alliance_id", "-year")
        .only("alliance_id", "year", "status", "due_on", "submitted_at")
    ):
        latest.setdefault(row.alliance_id, row)
    rows = []
    for alliance in alliances:
        summary = summaries.get(alliance.pk)
        if summary is None:
            summary = summary_refresh(alliance)
        report = latest.get(alliance.pk)
        rows.append(
            OverviewRow(
                alliance,
                summary.data,
                summary.computed_at,
                report,
                report_state(report, today=today),
            )
        )
    return rows


CHART_MAX = 25


def overview_chart(rows: list[OverviewRow]) -> Chart | None:
    """The networks side by side (the 25 with the most offers; the table has all)."""
    if not rows:
        return None
    rows = sorted(rows, key=lambda row: -(row.data.get("offers") or 0))[:CHART_MAX]
    return bar_chart(
        title=_("Offers and partners per network"),
        categories=[row.alliance.name for row in rows],
        series=[
            Series(_("Published offers"), [row.data.get("offers") for row in rows]),
            Series(_("Partners"), [row.data.get("partners") for row in rows]),
            Series(_("Meetings held (12 months)"), [row.data.get("meetings") for row in rows]),
        ],
    )


def alliance_map_svg(rows: list[OverviewRow], *, width: int = 480, height: int = 360) -> str:
    """The alliances as points on a plain SVG (equirectangular around their extent)."""
    points = [(row.alliance.longitude, row.alliance.latitude, row.alliance.name) for row in rows]
    if not points:
        return ""
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    pad = 0.2
    west, east = min(lons) - pad, max(lons) + pad
    south, north = min(lats) - pad, max(lats) + pad
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
        f'role="img" aria-labelledby="state-map-t" class="chart" font-family="sans-serif" '
        f'font-size="12"><title id="state-map-t">{escape(_("Map of the networks"))}</title>'
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#f4f6f8" stroke="#c8c8c8"/>'
    ]
    for lon, lat, name in points:
        x = 20 + (width - 40) * (lon - west) / ((east - west) or 1)
        y = 20 + (height - 40) * (north - lat) / ((north - south) or 1)
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="#0072B2"><title>{escape(name)}'
            f'</title></circle><text x="{x + 9:.1f}" y="{y + 4:.1f}" fill="#1a1a1a">'
            f"{escape(name)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


# Figures whose rows are means (quality self-assessment: mean rating per dimension).
MEAN_FIGURES = {"quality.summary"}


def state_report_figures(office, year: int) -> tuple[list[AnnualReport], dict[str, dict]]:
    """The state's yearly report: the figures of the alliances' submitted (and accepted)
    reports of ``year`` added up. Hidden counts stay hidden in the sum (written ``<5``
    when any part was hidden: a sum must not reveal a small count either). Rows that are
    means (the quality self-assessment's mean rating per dimension) are averaged over the
    networks that report them, each network weighing the same."""
    reports = list(
        AnnualReport.objects.filter(alliance__in=office.alliances.all(), year=year)
        .exclude(status=ReportStatus.DRAFT)
        .select_related("alliance")
        .order_by("alliance__name")
    )
    totals: dict[str, dict] = {}
    means: dict[str, dict[str, list[float]]] = defaultdict(dict)
    for report in reports:
        for key, figure in report.figures.items():
            total = totals.setdefault(
                key,
                {
                    "key": key,
                    "label": figure["label"],
                    "section": figure.get("section", ""),
                    "available": False,
                    "chart": figure.get("chart", False),
                    "about_people": figure.get("about_people", False),
                    "value": 0,
                    "rows": {},
                    "hidden": False,
                },
            )
            if not figure.get("available"):
                continue
            total["available"] = True
            if key in MEAN_FIGURES:  # the rows are means: collected, averaged below
                for label, mean in figure.get("rows", []):
                    if isinstance(mean, int | float):
                        means[key].setdefault(label, []).append(mean)
            value = figure.get("value")
            if value is None:
                total["hidden"] = True
            elif isinstance(value, int):
                total["value"] += value
            for label, count in figure.get("rows", []):
                if count is None:
                    total["rows"][label] = None
                elif isinstance(count, int) and label in total["rows"]:
                    current = total["rows"][label]
                    total["rows"][label] = None if current is None else current + count
                elif isinstance(count, int):
                    total["rows"][label] = count
    result = {}
    for key, total in totals.items():
        value = None if total.pop("hidden") or not total["available"] else total["value"]
        if key in MEAN_FIGURES:  # means do not add up: the mean of the networks' means
            total["rows"] = {
                label: round(sum(values) / len(values), 1) for label, values in means[key].items()
            }
            total["networks"] = max((len(v) for v in means[key].values()), default=0)
        total["value"] = value
        total["rows"] = [[label, count] for label, count in total["rows"].items()]
        result[key] = total
    return reports, result


# --- social planning ------------------------------------------------------------------------------


@dataclass
class PlanningRow:
    district: str
    category: str
    counts: dict[str, int]  # age band key → offers

    @property
    def gaps(self) -> list[str]:
        return [str(band.label) for band in AGE_BANDS if not self.counts.get(band.key)]


def planning_table(alliance) -> list[PlanningRow]:
    """Published offers with a place in each district, per top-level category and age band;
    an age band without any offer is a gap."""
    categories = list(
        Category.objects.for_alliance(alliance).values_list("pk", "parent_id", "name")
    )
    parent = {pk: parent_id for pk, parent_id, _n in categories}
    names = {pk: name for pk, _p, name in categories}

    def root(pk):
        seen = set()
        while parent.get(pk) and pk not in seen:
            seen.add(pk)
            pk = parent[pk]
        return pk

    offers = Offer.objects.for_alliance(alliance).filter(status=Status.PUBLISHED)
    bands_of: dict[int, set[str]] = defaultdict(set)
    for band in AGE_BANDS:
        for offer_id in offers.for_age_band(band).values_list("pk", flat=True):
            bands_of[offer_id].add(band.key)
    roots_of: dict[int, set[int]] = defaultdict(set)
    for offer_id, category_id in Offer.categories.through.objects.filter(
        offer__in=offers.values("pk")
    ).values_list("offer_id", "category_id"):
        roots_of[offer_id].add(root(category_id))
    districts = dict(District.objects.for_alliance(alliance).values_list("pk", "name"))
    cells: dict[tuple[str, str], Counter] = defaultdict(Counter)
    seen_pairs = set()
    for offer_id, district_id in Offer.locations.through.objects.filter(
        offer__in=offers.values("pk"), location__district__isnull=False
    ).values_list("offer_id", "location__district_id"):
        if (offer_id, district_id) in seen_pairs:
            continue
        seen_pairs.add((offer_id, district_id))
        for category_id in roots_of.get(offer_id, ()):
            for band_key in bands_of.get(offer_id, ()):
                cells[(districts[district_id], names[category_id])][band_key] += 1
    top = sorted({names[pk] for pk, parent_id, _n in categories if parent_id is None})
    rows = []
    for district in sorted(districts.values()):
        for category in top:
            rows.append(PlanningRow(district, category, dict(cells.get((district, category), {}))))
    return rows


# --- handover -------------------------------------------------------------------------------------


def open_actions(alliance):
    return (
        ActionItem.objects.for_alliance(alliance)
        .filter(status__in=ActionItem.OPEN_STATES)
        .select_related("body")
        .order_by("due_on", "pk")
    )


def bodies_meeting_counts(alliance) -> list[tuple[str, int]]:
    """Bodies with the meetings they hold a year (recurring duties)."""
    year_ago = timezone.now() - dt.timedelta(days=365)
    rows = (
        Meeting.objects.for_alliance(alliance)
        .filter(starts_at__gte=year_ago, status=Meeting.Status.HELD)
        .values_list("body__name")
        .annotate(n=Count("pk"))
        .order_by("body__name")
    )
    return list(rows)
