"""Reads of the network's care work: case consultations and their counts, the contact matrix,
the stakeholder grid with its suggestions, and a provider's own network.

Every count about case consultations (each is about a family) goes through ``core.privacy``:
counts from 1 to 4 are ``None`` ("<5") with complements hidden where a total is shown.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy

from familiennetz.alliances.models import Alliance
from familiennetz.alliances.predicates import access_of
from familiennetz.core.privacy import suppress_count, suppress_distribution, suppress_table
from familiennetz.directory.models import Location

from .models import (
    CaseConsultation,
    ContactPerson,
    MatrixContact,
    Partner,
    Sector,
    StakeholderRating,
    Tie,
)

HIGH_RELEVANCE = 4  # a partner rated 4 or 5 is "highly relevant"
WEAK_DEGREE = 1  # … and with at most this many ties it should be approached


# --- partners --------------------------------------------------------------------------------


def partner_list(*, alliance: Alliance) -> QuerySet[Partner]:
    return Partner.objects.filter(alliance=alliance).select_related("organisation", "sector")


def own_partner_ids(*, alliance: Alliance, user) -> set[int]:
    """The partners of a provider editor's organisations (empty for everybody else)."""
    organisations = access_of(user).provider_organisations(alliance.pk)
    if not organisations:
        return set()
    return set(
        Partner.objects.filter(alliance=alliance, organisation_id__in=organisations).values_list(
            "pk", flat=True
        )
    )


def sees_all_consultations(*, alliance: Alliance, user) -> bool:
    return bool(user.has_perm("network.view_all_consultations", alliance))


# --- case consultations ----------------------------------------------------------------------


def consultation_list_visible(*, alliance: Alliance, user) -> QuerySet[CaseConsultation]:
    """All of the alliance's consultations for the coordination; a provider editor's own."""
    rows = CaseConsultation.objects.filter(alliance=alliance).select_related(
        "requesting_partner__organisation", "counsellor_partner__organisation"
    )
    if sees_all_consultations(alliance=alliance, user=user):
        return rows
    own = own_partner_ids(alliance=alliance, user=user)
    return rows.filter(Q(requesting_partner__in=own) | Q(counsellor_partner__in=own))


def consultation_years(*, alliance: Alliance) -> list[int]:
    years = (
        CaseConsultation.objects.filter(alliance=alliance)
        .annotate(year=ExtractYear("consulted_on"))
        .values_list("year", flat=True)
        .distinct()
    )
    return sorted(set(years), reverse=True)


@dataclass
class ConsultationCounts:
    """Counts of one year (all already suppressed: ``None`` is "<5")."""

    year: int
    total: int | None
    follow_up: int | None
    by_topic: dict[str, int | None] = field(default_factory=dict)  # label → count
    by_outcome: dict[str, int | None] = field(default_factory=dict)
    # partner name → {"requested": n, "counselled": n}
    by_partner: dict[str, dict[str, int | None]] = field(default_factory=dict)
    by_month: dict[int, int | None] = field(default_factory=dict)  # 1 … 12


def consultation_counts(
    alliance: Alliance, year: int, *, partner_ids: set[int] | None = None
) -> ConsultationCounts:
    """The year's case consultations counted by topic, outcome, partner and month, with every
    count below 5 suppressed (core.privacy). For the annual report and the counts page;
    ``partner_ids`` narrows to the consultations those partners took part in (a provider's)."""
    rows = CaseConsultation.objects.filter(alliance=alliance, consulted_on__year=year)
    if partner_ids is not None:
        rows = rows.filter(
            Q(requesting_partner__in=partner_ids) | Q(counsellor_partner__in=partner_ids)
        )
    records = list(
        rows.values_list(
            "topic",
            "outcome",
            "needs_follow_up",
            "consulted_on",
            "requesting_partner__organisation__name",
            "counsellor_partner__organisation__name",
        )
    )
    topics = dict(CaseConsultation.Topic.choices)
    outcomes = dict(CaseConsultation.Outcome.choices)
    by_topic = Counter(str(topics[r[0]]) for r in records)
    by_outcome = Counter(str(outcomes[r[1]]) for r in records)
    by_month = Counter(r[3].month for r in records)
    partners: dict[str, dict[str, int]] = {}
    for record in records:
        partners.setdefault(record[4], {"requested": 0, "counselled": 0})["requested"] += 1
        partners.setdefault(record[5], {"requested": 0, "counselled": 0})["counselled"] += 1
    return ConsultationCounts(
        year=year,
        total=suppress_count(len(records)),
        follow_up=suppress_count(sum(1 for r in records if r[2])),
        by_topic=suppress_distribution(
            {str(label): by_topic.get(str(label), 0) for label in topics.values()}
        ),
        by_outcome=suppress_distribution(
            {str(label): by_outcome.get(str(label), 0) for label in outcomes.values()}
        ),
        by_partner=suppress_table(dict(sorted(partners.items()))),
        by_month=suppress_distribution({m: by_month.get(m, 0) for m in range(1, 13)}),
    )


def consultation_counts_per_year(
    *, alliance: Alliance, partner_ids: set[int] | None = None
) -> dict[int, int | None]:
    rows = CaseConsultation.objects.filter(alliance=alliance)
    if partner_ids is not None:
        rows = rows.filter(
            Q(requesting_partner__in=partner_ids) | Q(counsellor_partner__in=partner_ids)
        )
    per_year = (
        rows.annotate(year=ExtractYear("consulted_on"))
        .values("year")
        .annotate(n=Count("pk"))
        .order_by("-year")
    )
    return suppress_distribution({row["year"]: row["n"] for row in per_year}, total_shown=False)


# --- contact matrix --------------------------------------------------------------------------
# Rows are the partners of one sector (Kitas by default); the columns are their named contacts
# at the youth welfare office, the health services and counselling. A column groups sectors
# (codes of network.services.DEFAULT_SECTORS): the named contact may work for any of them.

DEFAULT_MATRIX_SECTOR = "kita"
MATRIX_COLUMNS = (
    ("asd", gettext_lazy("Youth welfare office (ASD)"), ("jugendhilfe-asd",)),
    (
        "health",
        gettext_lazy("Health services"),
        ("gesundheit-oegd", "gesundheit-kinderarzt", "gesundheit-hebamme", "gesundheit"),
    ),
    (
        "counselling",
        gettext_lazy("Counselling"),
        ("erziehungsberatung", "schwangerschaftsberatung"),
    ),
)


@dataclass
class MatrixColumn:
    key: str
    label: str
    sectors: list[Sector]

    @property
    def sector_ids(self) -> set[int]:
        return {sector.pk for sector in self.sectors}


@dataclass
class MatrixRow:
    partner: Partner
    cells: list[tuple[MatrixColumn, MatrixContact | None]]

    @property
    def gaps(self) -> list[MatrixColumn]:
        return [column for column, entry in self.cells if entry is None]


@dataclass
class MatrixPart:
    """One part of the network (an Ortsteil or district): one printed A4 page."""

    name: str
    rows: list[MatrixRow]

    @property
    def gap_count(self) -> int:
        return sum(len(row.gaps) for row in self.rows)


@dataclass
class ContactMatrix:
    sector: Sector | None
    columns: list[MatrixColumn]
    parts: list[MatrixPart]

    @property
    def rows(self) -> list[MatrixRow]:
        return [row for part in self.parts for row in part.rows]

    @property
    def gap_count(self) -> int:
        return sum(part.gap_count for part in self.parts)


def matrix_columns(*, alliance: Alliance, row_sector: Sector | None = None) -> list[MatrixColumn]:
    """The columns whose sectors the alliance has (a column of the rows' own sector only is
    left out: Kitas are not each other's contacts)."""
    codes = [code for _key, _label, group in MATRIX_COLUMNS for code in group]
    found = {s.code: s for s in Sector.objects.filter(alliance=alliance, code__in=codes)}
    columns = []
    for key, label, group in MATRIX_COLUMNS:
        sectors = [found[code] for code in group if code in found]
        if row_sector is not None:
            sectors = [sector for sector in sectors if sector.pk != row_sector.pk]
        if sectors:
            columns.append(MatrixColumn(key, str(label), sectors))
    return columns


def matrix_default_sector(*, alliance: Alliance) -> Sector | None:
    sectors = Sector.objects.filter(alliance=alliance)
    return sectors.filter(code=DEFAULT_MATRIX_SECTOR).first() or sectors.first()


def _part_names(partners: Sequence[Partner]) -> dict[int, str]:
    """The district (its parent, if any) of each partner's first place: its part of the
    network, by organisation."""
    names: dict[int, str] = {}
    places = (
        Location.objects.filter(organisation_id__in=[p.organisation_id for p in partners])
        .exclude(district=None)
        .order_by("pk")
        .values_list("organisation_id", "district__name", "district__parent__name")
    )
    for organisation_id, district, parent in places:
        names.setdefault(organisation_id, parent or district)  # the Stadtteil, not its areas
    return names


def _cell(column: MatrixColumn, entries: list[MatrixContact]) -> MatrixContact | None:
    return next((e for e in entries if e.counterpart_sector_id in column.sector_ids), None)


def contact_matrix(*, alliance: Alliance, sector: Sector | None) -> ContactMatrix:
    """Every current partner of ``sector`` with its named contact per column, grouped into
    the parts of the network (districts) for printing; ``None`` cells are gaps."""
    columns = matrix_columns(alliance=alliance, row_sector=sector)
    if sector is None:
        return ContactMatrix(sector=None, columns=columns, parts=[])
    entries = MatrixContact.objects.filter(alliance=alliance).select_related(
        "contact__partner__organisation"
    )
    partners = list(
        partner_list(alliance=alliance)
        .filter(sector=sector, left_on__isnull=True)
        .prefetch_related(Prefetch("matrix_contacts", queryset=entries, to_attr="entries"))
    )
    parts_of = _part_names(partners)
    grouped: dict[str, list[MatrixRow]] = {}
    for partner in partners:
        row = MatrixRow(partner, [(column, _cell(column, partner.entries)) for column in columns])
        grouped.setdefault(parts_of.get(partner.organisation_id, ""), []).append(row)
    parts = [MatrixPart(name, rows) for name, rows in sorted(grouped.items(), key=_part_key)]
    return ContactMatrix(sector=sector, columns=columns, parts=parts)


def matrix_row_entries(
    *, partner: Partner, columns: list[MatrixColumn]
) -> dict[str, MatrixContact | None]:
    entries = list(partner.matrix_contacts.all())
    return {column.key: _cell(column, entries) for column in columns}


def _part_key(item: tuple[str, list]) -> tuple[bool, str]:
    return (item[0] == "", item[0])  # partners without a district last


# --- stakeholder grid ------------------------------------------------------------------------


@dataclass
class Suggestion:
    partner: Partner
    rating: StakeholderRating
    reasons: list[str]


def stakeholder_ratings(*, alliance: Alliance) -> QuerySet[StakeholderRating]:
    return StakeholderRating.objects.filter(alliance=alliance).select_related(
        "partner__organisation", "partner__sector"
    )


def stakeholder_unrated(*, alliance: Alliance) -> QuerySet[Partner]:
    return partner_list(alliance=alliance).filter(stakeholder_rating=None, left_on=None)


def tie_degrees(*, alliance: Alliance) -> dict[int, int]:
    """Partner id → number of declared cooperation ties (both ends count)."""
    degrees: Counter[int] = Counter()
    for a, b in Tie.objects.filter(alliance=alliance).values_list("partner_a", "partner_b"):
        degrees[a] += 1
        degrees[b] += 1
    return dict(degrees)


def stakeholder_suggestions(
    *, alliance: Alliance, degrees: dict[int, int] | None = None
) -> list[Suggestion]:
    """ "Partner, die angesprochen werden sollten": highly relevant (4–5) partners that are only
    a contact or still to be approached, have no active contact person, or (when the network's
    tie counts are given as ``degrees``: partner id → number of ties) have few ties."""
    active = ContactPerson.objects.filter(partner=OuterRef("partner"), is_active=True)
    ratings = (
        stakeholder_ratings(alliance=alliance)
        .filter(relevance__gte=HIGH_RELEVANCE, partner__left_on=None)
        .annotate(has_contact=Exists(active))
        .order_by("-relevance", "-influence", "partner__organisation__name")
    )
    found = []
    for rating in ratings:
        partner, reasons = rating.partner, []
        if partner.role in (Partner.Role.TO_APPROACH, Partner.Role.CONTACT):
            reasons.append("role")
        if not rating.has_contact:
            reasons.append("no_contact")
        if degrees is not None and degrees.get(partner.pk, 0) <= WEAK_DEGREE:
            reasons.append("few_ties")
        if reasons:
            found.append(Suggestion(partner, rating, reasons))
    return found


# --- a provider's own network ----------------------------------------------------------------


@dataclass
class OwnNetwork:
    partner: Partner
    contacts: list[ContactPerson]
    my_matrix: list[MatrixContact]  # our named contacts elsewhere
    named_for: list[MatrixContact]  # where our people are the named contact
    consultations_per_year: dict[int, int | None]
    ties: list[tuple[Partner, Tie]] = field(default_factory=list)  # (the other partner, tie)


def own_network(*, alliance: Alliance, partner: Partner) -> OwnNetwork:
    entries = MatrixContact.objects.filter(alliance=alliance).select_related(
        "counterpart_sector", "contact__partner__organisation", "partner__organisation"
    )
    return OwnNetwork(
        partner=partner,
        contacts=list(partner.contact_persons.filter(is_active=True)),
        my_matrix=list(entries.filter(partner=partner).order_by("counterpart_sector__position")),
        named_for=list(
            entries.filter(contact__partner=partner).order_by("partner__organisation__name")
        ),
        consultations_per_year=consultation_counts_per_year(
            alliance=alliance, partner_ids={partner.pk}
        ),
        ties=[
            (tie.partner_b if tie.partner_a_id == partner.pk else tie.partner_a, tie)
            for tie in Tie.objects.filter(Q(partner_a=partner) | Q(partner_b=partner))
            .select_related("partner_a__organisation", "partner_b__organisation")
            .order_by("-intensity", "pk")
        ],
    )
