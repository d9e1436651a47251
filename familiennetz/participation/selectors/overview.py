"""Reads of participation other than survey results: lists for the workspace and the guide,
complaint statistics for the network, needs grouped, and the dashboard's figures."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext as _

from familiennetz.alliances.models import Alliance
from familiennetz.alliances.predicates import access_of
from familiennetz.core import privacy
from familiennetz.core.charts import Chart, Series, bar_chart

from ..models import (
    Category,
    Complaint,
    ComplaintProcedure,
    NeedReport,
    Survey,
    Topic,
    TopicBoard,
)


def survey_list(*, alliance: Alliance, user) -> QuerySet[Survey]:
    """The surveys ``user`` may see, with their number of responses."""
    return (
        Survey.objects.for_alliance(alliance)
        .visible_to(user)
        .select_related("organisation", "alliance")
        .annotate(response_count=Count("responses"))
        .order_by("-created_at", "-pk")
    )


def survey_list_public(*, alliance: Alliance, today: dt.date | None = None) -> dict:
    """The guide's page "Have your say": open listed surveys, published results, open topic
    boards for parents' evenings."""
    surveys = Survey.objects.for_alliance(alliance).select_related("alliance")
    return {
        "open": list(surveys.open_now(today).filter(is_listed=True, needs_code=False)),
        "results": list(
            surveys.filter(results_published_at__isnull=False).order_by("-results_published_at")
        ),
        "boards": list(
            TopicBoard.objects.for_alliance(alliance)
            .filter(is_open=True)
            .select_related("alliance", "organisation")
            .order_by("title")
        ),
    }


def board_list(*, alliance: Alliance, user) -> QuerySet[TopicBoard]:
    return (
        TopicBoard.objects.for_alliance(alliance)
        .visible_to(user)
        .select_related("organisation", "alliance")
        .annotate(
            waiting=Count("topics", filter=Q(topics__state=Topic.State.PROPOSED)),
            visible=Count("topics", filter=Q(topics__state=Topic.State.VISIBLE)),
        )
        .order_by("-created_at", "-pk")
    )


def complaints_of_own_institutions(*, alliance: Alliance, user) -> QuerySet[Complaint]:
    """The complaints of the institutions whose provider editor ``user`` is (all of them for
    the instance administrator): nobody else sees single complaints."""
    rows = Complaint.objects.for_alliance(alliance).select_related("organisation")
    access = access_of(user)
    if access.is_superuser:
        return rows
    return rows.filter(organisation_id__in=access.provider_organisations(alliance.pk))


def procedures_of_own_institutions(*, alliance: Alliance, user) -> QuerySet[ComplaintProcedure]:
    rows = ComplaintProcedure.objects.for_alliance(alliance).filter(organisation__isnull=False)
    access = access_of(user)
    if not access.is_superuser:
        rows = rows.filter(organisation_id__in=access.provider_organisations(alliance.pk))
    return rows.select_related("organisation", "adopted_from")


def procedure_templates(*, alliance: Alliance) -> QuerySet[ComplaintProcedure]:
    return (
        ComplaintProcedure.objects.for_alliance(alliance)
        .filter(Q(is_template=True) | Q(organisation__isnull=True))
        .select_related("organisation")
        .annotate(adoption_count=Count("adoptions"))
    )


@dataclass
class ComplaintStatistics:
    years: list[int]
    rows: list[tuple[str, list[int | None]]]  # (category label, counts per year), suppressed
    totals: list[int | None]  # per year, suppressed
    chart: Chart | None
    institutions: int  # institutions with a procedure

    @property
    def table(self) -> dict:
        return {
            "caption": self.chart.title if self.chart else "",
            "columns": [str(year) for year in self.years],
            "rows": [
                (label, [privacy.display(value) for value in values]) for label, values in self.rows
            ],
        }


def complaint_statistics(*, alliance: Alliance, years: int = 3) -> ComplaintStatistics:
    """Complaints of all institutions per category and year, small counts suppressed (the
    network's view: it never sees single complaints)."""
    this_year = timezone.localdate().year
    span = list(range(this_year - years + 1, this_year + 1))
    counts: Counter[tuple[str, int]] = Counter()
    for row in (
        Complaint.objects.for_alliance(alliance)
        .filter(received_on__year__gte=span[0])
        .annotate(year=ExtractYear("received_on"))
        .values("category", "year")
        .annotate(n=Count("id"))
        .order_by()
    ):
        counts[(row["category"], row["year"])] = row["n"]
    table = {
        category: {year: counts.get((category, year), 0) for year in span}
        for category in Category.values
    }
    shown = privacy.suppress_table(table, totals_shown=True)
    totals = [privacy.suppress_count(sum(table[c][year] for c in Category.values)) for year in span]
    labels = dict(Category.choices)
    rows = [(str(labels[c]), [shown[c][year] for year in span]) for c in Category.values]
    chart = bar_chart(
        title=_("Children's complaints per category and year (all institutions)"),
        categories=[label for label, _values in rows],
        series=[
            Series(str(year), [values[i] for _label, values in rows]) for i, year in enumerate(span)
        ],
    )
    institutions = (
        ComplaintProcedure.objects.for_alliance(alliance).filter(organisation__isnull=False).count()
    )
    return ComplaintStatistics(span, rows, totals, chart, institutions)


def need_list(*, alliance: Alliance, states: list[str] | None = None) -> QuerySet[NeedReport]:
    """Needs reported in ``alliance`` (for governance: projects link to these)."""
    rows = NeedReport.objects.for_alliance(alliance).select_related(
        "organisation", "district", "category"
    )
    if states:
        rows = rows.filter(state__in=states)
    return rows.order_by("-created_at", "-pk")


def need_groups(*, alliance: Alliance) -> dict[str, list[tuple[str, int]]]:
    """Open needs counted by kind of offer, district and age group (reports, not people)."""
    open_needs = NeedReport.objects.for_alliance(alliance).exclude(state=NeedReport.State.CLOSED)
    ages = dict(NeedReport.AGE_CHOICES)

    def grouped(field: str, label_field: str | None = None) -> list[tuple[str, int]]:
        values = [field] + ([label_field] if label_field else [])
        rows = open_needs.values(*values).annotate(n=Count("id")).order_by("-n")
        out = []
        for row in rows:
            if label_field:
                label = row[label_field] or _("not given")
            else:
                label = str(ages.get(row[field], _("not given")))
            out.append((label, row["n"]))
        return out

    return {
        "category": grouped("category_id", "category__name"),
        "district": grouped("district_id", "district__name"),
        "age": grouped("age_band"),
    }


# --- dashboard ---------------------------------------------------------------------------------


def dashboard_figures(*, alliance: Alliance, user) -> dict:
    """Journey 9: open surveys with their responses, complaints waiting, topics proposed."""
    open_surveys = list(
        survey_list(alliance=alliance, user=user).filter(state=Survey.State.OPEN)[:5]
    )
    boards = TopicBoard.objects.for_alliance(alliance).visible_to(user)
    topics = Topic.objects.filter(board__in=boards)
    topic_counts = topics.aggregate(
        proposed=Count("id", filter=Q(state=Topic.State.PROPOSED)),
        visible=Count("id", filter=Q(state=Topic.State.VISIBLE)),
    )
    waiting = complaints_of_own_institutions(alliance=alliance, user=user).filter(
        state__in=Complaint.OPEN_STATES
    )
    return {
        "open_surveys": open_surveys,
        "topics_proposed": topic_counts["proposed"],
        "topics_visible": topic_counts["visible"],
        "complaints_waiting": waiting.count(),
        "needs_new": NeedReport.objects.for_alliance(alliance)
        .filter(state=NeedReport.State.NEW)
        .count(),
    }
