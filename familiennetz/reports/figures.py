"""The figures of the annual report: a registry of figure key → source, and the built-in
sources of the apps below reports (network partners, governance, directory, events, districts).

Every figure is computed for a ``Period`` (an alliance, a year, and the reporting date: the
31 December of the year, or today while the year is running). A figure whose source does not
exist yet (cooperation ties, agreements, contributions, case consultations, surveys and
complaints land with other issues) is registered without one: it is shown as "source not
available yet", never as 0. Plugging a source in later::

    from familiennetz.reports import figures
    figures.plug_in("network.ties", compute=ties_by_kind, listing=tie_rows)

``compute(period)`` returns a ``Result`` (a total and optional rows per category);
``listing(period)`` the rows it counts (``ListRow``: group, label, workspace URL), so every
figure can be checked against its list. Figures about people (``about_people``) pass through
``core.privacy``: counts below 5 are hidden (``None``, written ``<5``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from familiennetz.core import privacy
from familiennetz.directory.models import Category, Location, Offer, OfferLocation, Status
from familiennetz.directory.models.audience import AGE_BANDS
from familiennetz.events.models import Event, EventStatus, Occurrence, Registration
from familiennetz.governance.models import Attendance, Body, Meeting, QualityAssessment
from familiennetz.network.models import Partner
from familiennetz.socialspace.models import District

# --- the registry -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    alliance: Any
    year: int
    start: dt.date
    end: dt.date  # the reporting date ("as of")

    @classmethod
    def of(cls, alliance, year: int, *, today: dt.date | None = None) -> Period:
        today = today or timezone.localdate()
        return cls(alliance, year, dt.date(year, 1, 1), min(dt.date(year, 12, 31), today))

    @property
    def start_at(self) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(self.start, dt.time.min))

    @property
    def end_at(self) -> dt.datetime:
        """The first moment after the reporting date."""
        return timezone.make_aware(
            dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time.min)
        )


@dataclass
class Result:
    value: int | float | None
    rows: Sequence[tuple[str, int | float | None]] = field(default_factory=list)


@dataclass(frozen=True)
class ListRow:
    group: str
    label: str
    url: str = ""


@dataclass(frozen=True)
class Figure:
    key: str
    label: Any  # lazy translation
    section: str
    compute: Callable[[Period], Result] | None = None
    listing: Callable[[Period], list[ListRow]] | None = None
    about_people: bool = False
    chart: bool = False  # rows are drawn as a bar chart

    @property
    def available(self) -> bool:
        return self.compute is not None


SECTIONS: dict[str, Any] = {
    "partners": gettext_lazy("Partners"),
    "cooperation": gettext_lazy("Cooperation"),
    "meetings": gettext_lazy("Meetings and bodies"),
    "quality": gettext_lazy("Quality self-assessment"),
    "participation": gettext_lazy("Participation"),
    "offers": gettext_lazy("Offers"),
    "changes": gettext_lazy("Changes in the year"),
    "events": gettext_lazy("Events"),
    "districts": gettext_lazy("Districts"),
}

registry: dict[str, Figure] = {}


def register(
    key: str,
    label,
    section: str,
    compute: Callable[[Period], Result] | None = None,
    *,
    listing: Callable[[Period], list[ListRow]] | None = None,
    about_people: bool = False,
    chart: bool = False,
) -> Figure:
    figure = Figure(key, label, section, compute, listing, about_people, chart)
    registry[key] = figure
    return figure


def plug_in(
    key: str,
    *,
    compute: Callable[[Period], Result],
    listing: Callable[[Period], list[ListRow]] | None = None,
) -> Figure:
    """Give a registered figure its source (from the source app's ``AppConfig.ready``)."""
    old = registry[key]
    return register(
        key,
        old.label,
        old.section,
        compute,
        listing=listing,
        about_people=old.about_people,
        chart=old.chart,
    )


def evaluate(key: str, period: Period) -> dict:
    """The figure as shown and frozen: JSON-ready, small counts about people hidden."""
    figure = registry[key]
    data: dict[str, Any] = {
        "key": key,
        "label": str(figure.label),
        "section": figure.section,
        "available": figure.available,
        "about_people": figure.about_people,
        "chart": figure.chart,
        "value": None,
        "rows": [],
    }
    if figure.compute is None:
        return data
    result = figure.compute(period)
    value, rows = result.value, list(result.rows)
    if figure.about_people:
        counts = {label: int(count or 0) for label, count in rows}
        shown: dict[str, int | None] = privacy.suppress_distribution(counts) if rows else {}
        rows = [(label, shown[label]) for label, _v in rows]
        value = privacy.suppress_count(value) if isinstance(value, int) else value
    data["value"] = value
    data["rows"] = [[str(label), count] for label, count in rows]
    return data


def evaluate_all(keys: list[str], period: Period) -> dict[str, dict]:
    return {key: evaluate(key, period) for key in keys if key in registry}


def display(value) -> str:
    """A figure's value as written: German number format, ``<5`` when hidden."""
    if value is None:
        return privacy.suppressed_label()
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return f"{value:,}".replace(",", ".")


# --- helpers ------------------------------------------------------------------------------------


def manage_link(name: str, period: Period, **kwargs) -> str:
    """The workspace URL of what a figure counts (for ``ListRow.url``; used by sources.py)."""
    return reverse(name, kwargs={"alliance_slug": period.alliance.slug, **kwargs})


def _distribution(counter: Counter, order: list[str] | None = None) -> list[tuple[str, int]]:
    labels = order if order is not None else sorted(counter, key=lambda k: (-counter[k], k))
    return [(label, counter.get(label, 0)) for label in labels]


# --- partners (network) ---------------------------------------------------------------------------


def _partners(period: Period):
    active = Q(member_since__isnull=True) | Q(member_since__lte=period.end)
    staying = Q(left_on__isnull=True) | Q(left_on__gt=period.end)
    return (
        Partner.objects.for_alliance(period.alliance)
        .exclude(role=Partner.Role.TO_APPROACH)
        .filter(active & staying)
    )


def _partners_new(period: Period):
    return (
        Partner.objects.for_alliance(period.alliance)
        .exclude(role=Partner.Role.TO_APPROACH)
        .filter(member_since__gte=period.start, member_since__lte=period.end)
    )


def _partners_left(period: Period):
    return Partner.objects.for_alliance(period.alliance).filter(
        left_on__gte=period.start, left_on__lte=period.end
    )


def _sector_name(partner) -> str:
    return partner.sector.name if partner.sector_id else _("without sector")


def partners_total(period: Period) -> Result:
    return Result(_partners(period).count())


def partners_by_sector(period: Period) -> Result:
    partners = list(_partners(period).select_related("sector"))
    counter = Counter(_sector_name(p) for p in partners)
    return Result(len(partners), _distribution(counter))


def partners_by_role(period: Period) -> Result:
    counter = Counter(str(p.get_role_display()) for p in _partners(period))
    order = [str(label) for value, label in Partner.Role.choices if value != "to_approach"]
    return Result(sum(counter.values()), _distribution(counter, order))


def partners_new(period: Period) -> Result:
    return Result(_partners_new(period).count())


def partners_left(period: Period) -> Result:
    return Result(_partners_left(period).count())


def _partner_rows(queryset, period: Period) -> list[ListRow]:
    return [
        ListRow(
            _sector_name(p),
            p.organisation.name,
            manage_link("directory:manage-organisation-detail", period, pk=p.organisation_id),
        )
        for p in queryset.select_related("sector", "organisation").order_by("organisation__name")
    ]


register(
    "partners.total",
    gettext_lazy("Partners in total"),
    "partners",
    partners_total,
    listing=lambda p: _partner_rows(_partners(p), p),
)
register(
    "partners.by_sector",
    gettext_lazy("Partners by sector"),
    "partners",
    partners_by_sector,
    listing=lambda p: _partner_rows(_partners(p), p),
    chart=True,
)
register(
    "partners.by_role",
    gettext_lazy("Partners by role in the network"),
    "partners",
    partners_by_role,
    listing=lambda p: _partner_rows(_partners(p), p),
)
register(
    "partners.new",
    gettext_lazy("New partners this year"),
    "changes",
    partners_new,
    listing=lambda p: _partner_rows(_partners_new(p), p),
)
register(
    "partners.left",
    gettext_lazy("Partners who left this year"),
    "changes",
    partners_left,
    listing=lambda p: _partner_rows(_partners_left(p), p),
)

# Registered here without a source; ``sources.py`` plugs in the network's ties, agreements,
# contributions and case consultations and participation's surveys and complaints.
register("network.ties", gettext_lazy("Cooperation ties"), "cooperation")
register("network.agreements", gettext_lazy("Partners with a signed agreement"), "cooperation")
register("network.contributions", gettext_lazy("Contributions of the partners"), "cooperation")
register(
    "network.case_consultations",
    gettext_lazy("Case consultations"),
    "cooperation",
    about_people=True,
)
register("participation.surveys", gettext_lazy("Surveys and answers"), "participation")
register(
    "participation.complaints",
    gettext_lazy("Complaints"),
    "participation",
    about_people=True,
)

# --- meetings, attendance, quality (governance) -----------------------------------------------


def _meetings(period: Period):
    return Meeting.objects.for_alliance(period.alliance).filter(
        status=Meeting.Status.HELD, starts_at__gte=period.start_at, starts_at__lt=period.end_at
    )


def meetings_by_type(period: Period) -> Result:
    counts = dict(_meetings(period).values_list("body__kind").annotate(n=Count("pk")))
    rows = [(str(label), counts.get(kind, 0)) for kind, label in Body.Kind.choices]
    return Result(sum(counts.values()), [row for row in rows if row[1]])


def meetings_attendance(period: Period) -> Result:
    """Attendances (a person present at a meeting counts once per meeting), by body type."""
    present = Attendance.objects.for_alliance(period.alliance).filter(
        meeting__in=_meetings(period), status=Attendance.Status.PRESENT
    )
    counts = dict(present.values_list("meeting__body__kind").annotate(n=Count("pk")))
    rows = [(str(label), counts.get(kind, 0)) for kind, label in Body.Kind.choices]
    return Result(sum(counts.values()), [row for row in rows if row[1]])


def meetings_partners_present(period: Period) -> Result:
    """Partner organisations represented at least once at a meeting held in the year."""
    present = Attendance.objects.for_alliance(period.alliance).filter(
        meeting__in=_meetings(period), status=Attendance.Status.PRESENT
    )
    return Result(present.values("partner_id").distinct().count())


def _meeting_rows(period: Period) -> list[ListRow]:
    kinds = dict(Body.Kind.choices)
    return [
        ListRow(
            str(kinds.get(m.body.kind, m.body.kind)),
            f"{timezone.localtime(m.starts_at):%d.%m.%Y} – {m.body.name}: {m.title}",
            manage_link("governance:manage-meeting-detail", period, pk=m.pk),
        )
        for m in _meetings(period).select_related("body").order_by("starts_at")
    ]


def quality_summary(period: Period) -> Result:
    """The consolidated self-assessment of the year: mean rating per quality dimension."""
    assessment = (
        QualityAssessment.objects.for_alliance(period.alliance)
        .filter(year=period.year, status=QualityAssessment.Status.CONSOLIDATED)
        .first()
    )
    if assessment is None:
        return Result(0)
    scores: dict[str, list[int]] = defaultdict(list)
    for result in assessment.results.select_related("criterion__dimension").order_by(
        "criterion__dimension__position", "criterion__position"
    ):
        scores[result.criterion.dimension.name].append(result.score)
    rows = [(name, round(sum(v) / len(v), 1)) for name, v in scores.items()]
    return Result(sum(len(v) for v in scores.values()), rows)


register(
    "meetings.by_type",
    gettext_lazy("Meetings held, by type of body"),
    "meetings",
    meetings_by_type,
    listing=_meeting_rows,
    chart=True,
)
register(
    "meetings.attendance",
    gettext_lazy("Attendance at meetings (people present), by type of body"),
    "meetings",
    meetings_attendance,
    listing=_meeting_rows,
    about_people=True,
)
register(
    "meetings.partners_present",
    gettext_lazy("Partners represented at meetings"),
    "meetings",
    meetings_partners_present,
    listing=_meeting_rows,
)


def _quality_rows(period: Period) -> list[ListRow]:
    """The rated criteria of the year's consolidated self-assessment, per dimension."""
    assessment = (
        QualityAssessment.objects.for_alliance(period.alliance)
        .filter(year=period.year, status=QualityAssessment.Status.CONSOLIDATED)
        .first()
    )
    if assessment is None:
        return []
    url = manage_link("governance:manage-quality-rate", period, year=period.year)
    return [
        ListRow(result.criterion.dimension.name, f"{result.criterion}: {result.score}", url)
        for result in assessment.results.select_related("criterion__dimension").order_by(
            "criterion__dimension__position", "criterion__position"
        )
    ]


register(
    "quality.summary",
    gettext_lazy("Criteria rated in the self-assessment (mean rating per dimension)"),
    "quality",
    quality_summary,
    listing=_quality_rows,
)

# --- offers (directory) --------------------------------------------------------------------------


def _offers(period: Period):
    """Offers that were live (published) on the reporting date, from their history: the
    newest history record before the end of that day says what the offer was then (a later
    archiving, deletion or publication does not change the figure). An offer without any
    record before that day (created before the history was kept, or by a bulk import) counts
    by its current state if it was created by then."""
    history = Offer.history.filter(  # type: ignore[attr-defined]
        id=OuterRef("pk"), history_date__lt=period.end_at
    ).order_by("-history_date", "-history_id")
    return (
        Offer.objects.for_alliance(period.alliance)
        .annotate(
            status_then=Subquery(history.values("status")[:1]),
            change_then=Subquery(history.values("history_type")[:1]),
        )
        .filter(
            Q(status_then=Status.PUBLISHED, change_then__in=["+", "~"])
            | Q(status_then__isnull=True, status=Status.PUBLISHED, created_at__lt=period.end_at)
        )
    )


def _offers_new(period: Period):
    return (
        Offer.objects.for_alliance(period.alliance)
        .exclude(status=Status.DRAFT)
        .filter(created_at__gte=period.start_at, created_at__lt=period.end_at)
    )


def _closed_offer_ids(period: Period) -> set[int]:
    """Offers archived within the year (from their history) and still archived."""
    history = Offer.history.filter(alliance_id=period.alliance.pk)  # type: ignore[attr-defined]
    archived = set(
        history.filter(
            status=Status.ARCHIVED,
            history_date__gte=period.start_at,
            history_date__lt=period.end_at,
        ).values_list("id", flat=True)
    )
    if not archived:
        return set()
    before: dict[int, str] = {}
    for offer_id, status in (
        history.filter(id__in=archived, history_date__lt=period.start_at)
        .order_by("history_date", "history_id")
        .values_list("id", "status")
    ):
        before[offer_id] = status
    still = set(
        Offer.objects.for_alliance(period.alliance)
        .filter(pk__in=archived, status=Status.ARCHIVED)
        .values_list("pk", flat=True)
    )
    return {i for i in archived if before.get(i) != Status.ARCHIVED and i in still}


def offers_total(period: Period) -> Result:
    return Result(_offers(period).count())


def offers_by_category(period: Period) -> Result:
    """By top-level category (an offer with categories under two roots counts in both)."""
    categories = list(
        Category.objects.for_alliance(period.alliance).values_list("pk", "parent_id", "name")
    )
    parent = {pk: parent_id for pk, parent_id, _n in categories}
    names = {pk: name for pk, _p, name in categories}

    def root(pk: int) -> int:
        seen = set()
        while parent.get(pk) and pk not in seen:
            seen.add(pk)
            pk = parent[pk]
        return pk

    roots: dict[int, set[int]] = defaultdict(set)
    for offer_id, category_id in Offer.categories.through.objects.filter(
        offer__in=_offers(period).values("pk")
    ).values_list("offer_id", "category_id"):
        roots[offer_id].add(root(category_id))
    counter: Counter = Counter()
    for offer_roots in roots.values():
        for r in offer_roots:
            counter[names[r]] += 1
    total = _offers(period).count()
    without = total - len(roots)
    rows = _distribution(counter)
    if without:
        rows.append((_("without category"), without))
    return Result(total, rows)


def offers_by_target_group(period: Period) -> Result:
    offers = _offers(period)
    rows = [(str(band.label), offers.for_age_band(band).count()) for band in AGE_BANDS]
    return Result(offers.count(), rows)


def _rows_as_of(model, period: Period, fields: list[str]) -> dict[int, tuple]:
    """The rows of a tracked ``model`` (django-simple-history) as they stood on the reporting
    date: ``{pk: (field values)}``. The newest history record before the end of that day
    decides (a deletion removes the row); a row without a record before then (created
    before the history was kept, or by a bulk import) counts as it is now if it was created
    by then - the same rule as for the offers themselves."""
    history = model.history.filter(alliance_id=period.alliance.pk, history_date__lt=period.end_at)
    then: dict[int, tuple | None] = {}
    for pk, kind, *values in history.order_by("history_date", "history_id").values_list(
        "id", "history_type", *fields
    ):
        then[pk] = None if kind == "-" else tuple(values)
    rows = {pk: values for pk, values in then.items() if values is not None}
    for pk, *values in model.objects.filter(
        alliance_id=period.alliance.pk, created_at__lt=period.end_at
    ).values_list("pk", *fields):
        if pk not in then:
            rows[pk] = tuple(values)
    return rows


def offers_by_district(period: Period) -> Result:
    """By the district of the places an offer had on the reporting date (the places and
    their districts as of then, from the history)."""
    offers = _offers(period)
    live = set(offers.values_list("pk", flat=True))
    district_of = {
        pk: district_id
        for pk, (district_id,) in _rows_as_of(Location, period, ["district_id"]).items()
    }
    pairs = {
        (offer_id, district_of.get(location_id))
        for offer_id, location_id in _rows_as_of(
            OfferLocation, period, ["offer_id", "location_id"]
        ).values()
        if offer_id in live
    }
    names = dict(District.objects.for_alliance(period.alliance).values_list("pk", "name"))
    counter: Counter = Counter()
    placed = set()
    for offer_id, district_id in pairs:
        if district_id is not None:
            counter[names.get(district_id, "?")] += 1
            placed.add(offer_id)
    total = offers.count()
    rows = _distribution(counter)
    if total - len(placed):
        rows.append((_("no district"), total - len(placed)))
    return Result(total, rows)


def offers_by_language(period: Period) -> Result:
    counts = (
        Offer.objects.filter(pk__in=_offers(period).values("pk"))
        .values_list("languages__name_de")
        .annotate(n=Count("pk", distinct=True))
        .order_by("-n", "languages__name_de")
    )
    rows = [(name, n) for name, n in counts if name]
    return Result(sum(n for _name, n in rows), rows)


def offers_free(period: Period) -> Result:
    return Result(_offers(period).filter(is_free=True).count())


def offers_new(period: Period) -> Result:
    return Result(_offers_new(period).count())


def offers_closed(period: Period) -> Result:
    return Result(len(_closed_offer_ids(period)))


def _offer_rows(queryset, period: Period, *, limit: int = 2000) -> list[ListRow]:
    return [
        ListRow(
            o.organisation.name,
            o.name,
            manage_link("directory:manage-offer-update", period, pk=o.pk),
        )
        for o in queryset.select_related("organisation").order_by("organisation__name", "name")[
            :limit
        ]
    ]


def _closed_rows(period: Period) -> list[ListRow]:
    ids = _closed_offer_ids(period)
    return _offer_rows(Offer.objects.for_alliance(period.alliance).filter(pk__in=ids), period)


for key, label, compute, chart in [
    ("offers.total", gettext_lazy("Published offers"), offers_total, False),
    ("offers.by_category", gettext_lazy("Offers by type"), offers_by_category, True),
    (
        "offers.by_target_group",
        gettext_lazy("Offers by target group (age)"),
        offers_by_target_group,
        True,
    ),
    ("offers.by_district", gettext_lazy("Offers by district"), offers_by_district, True),
    ("offers.by_language", gettext_lazy("Offers by language spoken"), offers_by_language, False),
]:
    register(
        key, label, "offers", compute, listing=lambda p: _offer_rows(_offers(p), p), chart=chart
    )
register(
    "offers.free",
    gettext_lazy("Offers free of charge"),
    "offers",
    offers_free,
    listing=lambda p: _offer_rows(_offers(p).filter(is_free=True), p),
)
register(
    "offers.new",
    gettext_lazy("New offers this year"),
    "changes",
    offers_new,
    listing=lambda p: _offer_rows(_offers_new(p), p),
)
register(
    "offers.closed",
    gettext_lazy("Offers closed this year"),
    "changes",
    offers_closed,
    listing=_closed_rows,
)

# --- events ------------------------------------------------------------------------------------


def _occurrences(period: Period):
    return (
        Occurrence.objects.for_alliance(period.alliance)
        .filter(
            starts_at__gte=period.start_at,
            starts_at__lt=period.end_at,
            event__status__in=[Status.PUBLISHED, Status.ARCHIVED],
        )
        .exclude(event_status=EventStatus.CANCELLED)
    )


def events_total(period: Period) -> Result:
    return Result(_occurrences(period).values("event_id").distinct().count())


def events_dates(period: Period) -> Result:
    return Result(_occurrences(period).count())


def events_participants(period: Period) -> Result:
    """People registered and confirmed for the year's dates (adults and children)."""
    registrations = Registration.objects.for_alliance(period.alliance).filter(
        occurrence__in=_occurrences(period), state=Registration.State.CONFIRMED
    )
    sums = registrations.aggregate(adults=Sum("adults"), children=Sum("children"))
    adults, children = sums["adults"] or 0, sums["children"] or 0
    return Result(adults + children, [(_("adults"), adults), (_("children"), children)])


def _event_rows(period: Period) -> list[ListRow]:
    ids = _occurrences(period).values("event_id")
    return [
        ListRow(
            e.organisation.name if e.organisation_id else "",
            e.title,
            manage_link("events:manage-event-update", period, pk=e.pk),
        )
        for e in Event.objects.for_alliance(period.alliance)
        .filter(pk__in=ids)
        .select_related("organisation")
        .order_by("title")
    ]


register("events.total", gettext_lazy("Events"), "events", events_total, listing=_event_rows)
register("events.dates", gettext_lazy("Event dates"), "events", events_dates, listing=_event_rows)
register(
    "events.participants",
    gettext_lazy("Registered participants (confirmed)"),
    "events",
    events_participants,
    listing=_event_rows,
    about_people=True,
)

# --- districts (socialspace) --------------------------------------------------------------------


def districts_total(period: Period) -> Result:
    rows = (
        District.objects.for_alliance(period.alliance)
        .values_list("kind")
        .annotate(n=Count("pk"))
        .order_by("kind")
    )
    kinds = dict(District.Kind.choices)
    return Result(sum(n for _k, n in rows), [(str(kinds.get(kind, kind)), n) for kind, n in rows])


def _district_rows(period: Period) -> list[ListRow]:
    kinds = dict(District.Kind.choices)
    return [
        ListRow(
            str(kinds.get(d.kind, d.kind)),
            d.name,
            manage_link("socialspace:manage-district-profile", period, code=d.code or d.slug),
        )
        for d in District.objects.for_alliance(period.alliance).order_by("kind", "name")
    ]


register(
    "districts.total",
    gettext_lazy("Districts described"),
    "districts",
    districts_total,
    listing=_district_rows,
)


# --- the default template ---------------------------------------------------------------------

DEFAULT_SECTIONS: list[dict] = [
    {
        "section": "partners",
        "figures": ["partners.total", "partners.by_sector", "partners.by_role"],
    },
    {
        "section": "cooperation",
        "figures": [
            "network.ties",
            "network.agreements",
            "network.contributions",
            "network.case_consultations",
        ],
    },
    {
        "section": "meetings",
        "figures": ["meetings.by_type", "meetings.attendance", "meetings.partners_present"],
    },
    {"section": "quality", "figures": ["quality.summary"]},
    {"section": "participation", "figures": ["participation.surveys", "participation.complaints"]},
    {
        "section": "offers",
        "figures": [
            "offers.total",
            "offers.by_category",
            "offers.by_target_group",
            "offers.by_district",
            "offers.by_language",
            "offers.free",
        ],
    },
    {
        "section": "changes",
        "figures": ["partners.new", "partners.left", "offers.new", "offers.closed"],
    },
    {"section": "events", "figures": ["events.total", "events.dates", "events.participants"]},
    {"section": "districts", "figures": ["districts.total"]},
]


def section_title(section: dict) -> str:
    """A template section's heading: its own title, or the label of a known section."""
    if section.get("title"):
        return str(section["title"])
    return str(SECTIONS.get(section.get("section", ""), section.get("section", "")))
