"""Figure sources of the network (ties, agreements, contributions, case consultations) and
of participation (surveys, complaints), plugged into the figure registry from
``ReportsConfig.ready()``: both apps sit below reports, which counts what they record.

Case consultations and complaints are about people: ``figures.evaluate`` hides counts below
5. Survey answers are counted per survey; each count passes ``core.privacy`` here too."""

from __future__ import annotations

from collections import Counter

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from familiennetz.core import privacy
from familiennetz.network.models import CaseConsultation, Contribution, Tie
from familiennetz.participation.models import Complaint, Survey
from familiennetz.participation.models.complaints import Category as ComplaintCategory

from .figures import ListRow, Period, Result, manage_link, plug_in


def _ties(period: Period):
    """Declared ties as they stood on the reporting date: begun by then ("since"), or with no
    start date recorded."""
    return Tie.objects.filter(alliance=period.alliance).filter(
        Q(since__isnull=True) | Q(since__lte=period.end)
    )


def ties_by_intensity(period: Period) -> Result:
    ties = _ties(period)
    counts = Counter(ties.values_list("intensity", flat=True))
    rows = [(str(label), counts.get(value, 0)) for value, label in Tie.Intensity.choices]
    return Result(sum(counts.values()), rows)


def tie_rows(period: Period) -> list[ListRow]:
    ties = _ties(period).select_related("partner_a__organisation", "partner_b__organisation")
    return [
        ListRow(
            tie.get_intensity_display(),
            f"{tie.partner_a.organisation.name} – {tie.partner_b.organisation.name}",
            manage_link("network:manage-tie-update", period, pk=tie.pk),
        )
        for tie in ties.order_by("-intensity", "pk")
    ]


def _agreement_partners(period: Period) -> dict[int, str]:
    names: dict[int, str] = {}
    ties = _ties(period).filter(has_agreement=True)
    for tie in ties.select_related("partner_a__organisation", "partner_b__organisation"):
        for partner in (tie.partner_a, tie.partner_b):
            names[partner.pk] = partner.organisation.name
    return names


def agreements(period: Period) -> Result:
    return Result(len(_agreement_partners(period)))


def agreement_rows(period: Period) -> list[ListRow]:
    return [
        ListRow(
            _("Written agreement"),
            name,
            manage_link("network:manage-partner-detail", period, pk=pk),
        )
        for pk, name in sorted(_agreement_partners(period).items(), key=lambda kv: kv[1])
    ]


def _contributions(period: Period):
    return Contribution.objects.filter(alliance=period.alliance, year=period.year)


def contributions_by_kind(period: Period) -> Result:
    counts = Counter(_contributions(period).values_list("kind", flat=True))
    rows = [(str(label), counts.get(value, 0)) for value, label in Contribution.Kind.choices]
    return Result(sum(counts.values()), rows)


def contribution_rows(period: Period) -> list[ListRow]:
    rows = _contributions(period).select_related("partner__organisation")
    return [
        ListRow(
            c.get_kind_display(),
            f"{c.partner.organisation.name}: {c.description}",
            manage_link("network:manage-partner-detail", period, pk=c.partner_id),
        )
        for c in rows.order_by("kind", "partner__organisation__name", "pk")
    ]


def _consultations(period: Period):
    return CaseConsultation.objects.filter(
        alliance=period.alliance, consulted_on__gte=period.start, consulted_on__lte=period.end
    )


def consultations_by_topic(period: Period) -> Result:
    counts = Counter(_consultations(period).values_list("topic", flat=True))
    rows = [(str(label), counts.get(value, 0)) for value, label in CaseConsultation.Topic.choices]
    return Result(sum(counts.values()), [row for row in rows if row[1]])


def consultation_rows(period: Period) -> list[ListRow]:
    """Per requesting partner and month: no single consultation is listed (they are about
    families, even without names)."""
    counts = Counter(
        (c.requesting_partner.organisation.name, c.consulted_on.strftime("%m/%Y"))
        for c in _consultations(period).select_related("requesting_partner__organisation")
    )
    url = manage_link("network:manage-consultation-counts", period)
    return [
        ListRow(name, f"{month}: {privacy.display(privacy.suppress_count(n))}", url)
        for (name, month), n in sorted(counts.items())
    ]


def _surveys(period: Period):
    """Surveys that received answers in the year."""
    return (
        Survey.objects.filter(alliance=period.alliance)
        .annotate(
            answers=Count(
                "responses",
                filter=Q(
                    responses__submitted_on__gte=period.start,
                    responses__submitted_on__lte=period.end,
                ),
            )
        )
        .filter(answers__gt=0)
    )


def surveys(period: Period) -> Result:
    rows = [
        (survey.title, privacy.suppress_count(survey.answers))
        for survey in _surveys(period).order_by("title")
    ]
    return Result(len(rows), rows)


def survey_rows(period: Period) -> list[ListRow]:
    return [
        ListRow(
            _("Answers: %(count)s") % {"count": privacy.display(privacy.suppress_count(s.answers))},
            s.title,
            manage_link("participation:manage-survey-detail", period, pk=s.pk),
        )
        for s in _surveys(period).order_by("title")
    ]


def complaints_by_category(period: Period) -> Result:
    complaints = Complaint.objects.filter(
        alliance=period.alliance, received_on__gte=period.start, received_on__lte=period.end
    )
    counts = Counter(complaints.values_list("category", flat=True))
    rows = [(str(label), counts.get(value, 0)) for value, label in ComplaintCategory.choices]
    return Result(sum(counts.values()), [row for row in rows if row[1]])


def register() -> None:
    plug_in("network.ties", compute=ties_by_intensity, listing=tie_rows)
    plug_in("network.agreements", compute=agreements, listing=agreement_rows)
    plug_in("network.contributions", compute=contributions_by_kind, listing=contribution_rows)
    plug_in("network.case_consultations", compute=consultations_by_topic, listing=consultation_rows)
    plug_in("participation.surveys", compute=surveys, listing=survey_rows)
    # Complaints are the institutions' own: the report counts them by category, no list.
    plug_in("participation.complaints", compute=complaints_by_category)
