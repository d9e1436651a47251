"""Reads of governance: lists, the dashboard's parts, figures for reports (issue 13)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, DecimalField, F, OuterRef, Prefetch, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from familiennetz.alliances.models import Membership, Role
from familiennetz.alliances.predicates import access_of

from .access import governance_access, visible_bodies_q
from .models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Body,
    BodyMembership,
    Booking,
    BudgetLine,
    BudgetPot,
    ContactAccount,
    Decision,
    Meeting,
    PotContribution,
    QualityAssessment,
    QualityCriterion,
    QualityDimension,
    QualityRating,
    QualityResult,
    Room,
)

ZERO = Value(Decimal("0"), output_field=DecimalField(max_digits=12, decimal_places=2))


# --- bodies and meetings -----------------------------------------------------------------


def bodies_visible(*, alliance, user):
    access = governance_access(user, alliance)
    return Body.objects.filter(alliance=alliance).filter(visible_bodies_q(access))


def meetings_visible(*, alliance, user):
    access = governance_access(user, alliance)
    rows = Meeting.objects.filter(alliance=alliance).select_related("body")
    if not access.takes_part:
        return rows.none()
    if access.manages:
        return rows
    return rows.filter(Q(body__is_open=True) | Q(body_id__in=list(access.body_roles)))


def actions_visible(*, alliance, user):
    access = governance_access(user, alliance)
    rows = ActionItem.objects.filter(alliance=alliance)
    if not access.takes_part:
        return rows.none()
    if access.manages:
        return rows
    return rows.filter(
        Q(body__isnull=True)
        | Q(body__is_open=True)
        | Q(body_id__in=list(access.body_roles))
        | Q(owner_id__in=list(access.contact_ids))
    )


def my_actions(*, alliance, user):
    """Open action items whose owner is the contact person linked to ``user``."""
    access = governance_access(user, alliance)
    if not access.contact_ids:
        return ActionItem.objects.none()
    return ActionItem.objects.filter(
        alliance=alliance, owner_id__in=list(access.contact_ids), status__in=ActionItem.OPEN_STATES
    )


def next_meeting(*, alliance, user, now: dt.datetime | None = None):
    """The next meeting for the user: of one of their bodies, else of the steering group,
    else any visible one; with its body's open action items."""
    now = now or timezone.now()
    access = governance_access(user, alliance)
    upcoming = (
        meetings_visible(alliance=alliance, user=user)
        .filter(starts_at__gte=now)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("starts_at")
    )
    meeting = None
    if access.body_roles:
        meeting = upcoming.filter(body_id__in=list(access.body_roles)).first()
    if meeting is None:
        meeting = upcoming.filter(body__kind=Body.Kind.STEERING).first() or upcoming.first()
    return meeting


def open_actions_of_body(body_id: int, *, limit: int = 10):
    return (
        ActionItem.objects.filter(body_id=body_id, status__in=ActionItem.OPEN_STATES)
        .select_related("owner")
        .order_by(F("due_on").asc(nulls_last=True), "pk")[:limit]
    )


def meeting_for_page(*, meeting_id: int, alliance):
    return (
        Meeting.objects.filter(alliance=alliance, pk=meeting_id)
        .select_related("body", "series", "minutes")
        .prefetch_related(
            Prefetch(
                "agenda",
                queryset=AgendaItem.objects.select_related("owner").prefetch_related("attachments"),
            ),
            Prefetch("decisions", queryset=Decision.objects.order_by("number")),
            Prefetch("actions", queryset=ActionItem.objects.select_related("owner")),
        )
        .first()
    )


def body_members(body, *, current: bool = True):
    rows = BodyMembership.objects.filter(body=body).select_related(
        "contact", "contact__partner", "contact__partner__organisation"
    )
    if current:
        rows = rows.filter(left_on__isnull=True)
    return rows.order_by("role", "contact__name")


def decisions_search(*, alliance, user, q: str = "", year: int | None = None, body=None):
    access = governance_access(user, alliance)
    rows = Decision.objects.filter(alliance=alliance).select_related("meeting", "meeting__body")
    if not access.manages:
        rows = rows.filter(
            Q(meeting__body__is_open=True) | Q(meeting__body_id__in=list(access.body_roles))
        )
    if q:
        rows = rows.filter(text__icontains=q)
    if year:
        rows = rows.filter(year=year)
    if body is not None:
        rows = rows.filter(meeting__body=body)
    return rows.order_by("-year", "-number")


def invitation_recipients(meeting) -> list[tuple[str, str]]:
    """(e-mail, language) of the body's current members: the contact's address, else the
    address of the linked account."""
    rows = BodyMembership.objects.filter(
        body_id=meeting.body_id, left_on__isnull=True
    ).select_related("contact", "contact__governance_account__user")
    recipients: dict[str, tuple[str, str]] = {}
    for membership in rows:
        contact = membership.contact
        account = getattr(contact, "governance_account", None)
        user = account.user if account is not None else None
        email = contact.email or (user.email if user is not None else "")
        language = getattr(user, "preferred_language", "") or "de"
        if email:
            recipients.setdefault(email.lower(), (email, language))
    return list(recipients.values())


def meetings_for_feed(*, user, now: dt.datetime | None = None):
    """The meetings of the bodies the user belongs to (all alliances), from 60 days back."""
    now = now or timezone.now()
    contact_ids = ContactAccount.objects.filter(user=user).values("contact_id")
    body_ids = BodyMembership.objects.filter(
        contact_id__in=contact_ids, left_on__isnull=True
    ).values("body_id")
    memberships = Membership.objects.filter(user=user).values("alliance_id")
    return (
        Meeting.objects.filter(body_id__in=body_ids, alliance_id__in=memberships)
        .filter(starts_at__gte=now - dt.timedelta(days=60))
        .select_related("body", "alliance")
        .order_by("starts_at")
    )


# --- rooms ---------------------------------------------------------------------------------


def booking_requests_for(*, alliance, user):
    """Requests the user may decide: all for coordination, the own rooms' for providers."""
    access = governance_access(user, alliance)
    rows = Booking.objects.filter(
        alliance=alliance, status=Booking.Status.REQUESTED, ends_at__gt=timezone.now()
    ).select_related("room", "organisation")
    if access.manages:
        return rows.order_by("starts_at")
    organisations = access_of(user).provider_organisations(alliance.pk)
    return rows.filter(room__organisation_id__in=list(organisations)).order_by("starts_at")


def room_bookings(room, *, since: dt.datetime | None = None):
    since = since or timezone.now() - dt.timedelta(days=1)
    return (
        room.bookings.filter(status__in=Booking.HOLDING, ends_at__gte=since)
        .select_related("organisation", "requested_by")
        .order_by("starts_at")
    )


def rooms_list(*, alliance):
    return Room.objects.filter(alliance=alliance).select_related("organisation", "location")


# --- budgets -------------------------------------------------------------------------------


def pots_with_figures(*, alliance):
    """Pots annotated with total (contributions), allocated (planned costs) and spent."""
    contributions = (
        PotContribution.objects.filter(pot=OuterRef("pk"))
        .values("pot")
        .annotate(s=Sum("amount"))
        .values("s")
    )
    planned = (
        BudgetLine.objects.filter(pot=OuterRef("pk"))
        .values("pot")
        .annotate(s=Sum("planned"))
        .values("s")
    )
    spent = (
        BudgetLine.objects.filter(pot=OuterRef("pk"))
        .values("pot")
        .annotate(s=Sum("actual"))
        .values("s")
    )
    return BudgetPot.objects.filter(alliance=alliance).annotate(
        total=Coalesce(contributions, ZERO),
        allocated=Coalesce(planned, ZERO),
        spent=Coalesce(spent, ZERO),
    )


def pot_share(pot) -> int:
    if not pot.total:
        return 100 if pot.allocated else 0
    return int(pot.allocated * 100 / pot.total)


def pots_near_limit(*, alliance, today: dt.date | None = None) -> list:
    today = today or timezone.localdate()
    pots = pots_with_figures(alliance=alliance).filter(ends_on__gte=today)
    near = []
    for pot in pots:
        pot.share = pot_share(pot)
        if pot.share >= pot.warn_at_percent:
            near.append(pot)
    return near


def project_budget(project) -> dict:
    lines = list(project.budget_lines.select_related("pot"))
    costs = [line for line in lines if line.kind == BudgetLine.Kind.COST]
    income = [line for line in lines if line.kind != BudgetLine.Kind.COST]

    def total(rows, name):
        return sum(((getattr(r, name) or Decimal("0")) for r in rows), Decimal("0"))

    return {
        "costs": costs,
        "income": income,
        "planned_costs": total(costs, "planned"),
        "actual_costs": total(costs, "actual"),
        "planned_income": total(income, "planned"),
        "actual_income": total(income, "actual"),
        "planned_balance": total(income, "planned") - total(costs, "planned"),
        "actual_balance": total(income, "actual") - total(costs, "actual"),
    }


# --- quality -------------------------------------------------------------------------------


def quality_dimension_scores(*, alliance) -> dict[int, dict[str, float]]:
    """{year: {dimension name: mean consolidated score}} of consolidated self-assessments."""
    rows = (
        QualityResult.objects.filter(
            alliance=alliance, assessment__status=QualityAssessment.Status.CONSOLIDATED
        )
        .values("assessment__year", "criterion__dimension__name", "criterion__dimension__position")
        .annotate(total=Sum("score"), n=Count("pk"))
        .order_by("assessment__year", "criterion__dimension__position")
    )
    scores: dict[int, dict[str, float]] = defaultdict(dict)
    for row in rows:
        scores[row["assessment__year"]][row["criterion__dimension__name"]] = round(
            row["total"] / row["n"], 2
        )
    return dict(scores)


def quality_result_for_year(*, alliance, year: int) -> dict | None:
    """The consolidated result of ``year`` for the annual report (issue 13): per dimension
    the mean score (1–4) and the criteria with score and note; None if not consolidated."""
    assessment = QualityAssessment.objects.filter(
        alliance=alliance, year=year, status=QualityAssessment.Status.CONSOLIDATED
    ).first()
    if assessment is None:
        return None
    results = (
        QualityResult.objects.filter(assessment=assessment)
        .select_related("criterion", "criterion__dimension")
        .order_by("criterion__dimension__position", "criterion__position")
    )
    dimensions: dict[int, dict] = {}
    for result in results:
        dimension = result.criterion.dimension
        entry = dimensions.setdefault(
            dimension.pk, {"name": dimension.name, "criteria": [], "mean": 0.0}
        )
        entry["criteria"].append(
            {"text": result.criterion.text, "score": result.score, "note": result.note}
        )
    for entry in dimensions.values():
        scores = [c["score"] for c in entry["criteria"]]
        entry["mean"] = round(sum(scores) / len(scores), 2)
    return {"year": year, "summary": assessment.summary, "dimensions": list(dimensions.values())}


def rating_overview(assessment) -> dict[int, dict]:
    """Per criterion: number of ratings, mean, lowest and highest (no names)."""
    rows = (
        QualityRating.objects.filter(assessment=assessment, score__isnull=False)
        .values("criterion_id")
        .annotate(n=Count("pk"), total=Sum("score"))
    )
    overview = {
        row["criterion_id"]: {"n": row["n"], "mean": round(row["total"] / row["n"], 1)}
        for row in rows
    }
    for rating in QualityRating.objects.filter(assessment=assessment, score__isnull=False).values(
        "criterion_id", "score"
    ):
        entry = overview[rating["criterion_id"]]
        entry["low"] = min(entry.get("low", 9), rating["score"])
        entry["high"] = max(entry.get("high", 0), rating["score"])
    return overview


def quality_dimensions(*, alliance):
    return QualityDimension.objects.filter(alliance=alliance).prefetch_related(
        Prefetch("criteria", queryset=QualityCriterion.objects.order_by("position", "pk"))
    )


# --- figures for the annual report (issue 13) ------------------------------------------------


def meetings_by_kind(*, alliance, year: int) -> dict[str, int]:
    """Meetings held (not cancelled) in ``year`` per kind of body."""
    rows = (
        Meeting.objects.filter(alliance=alliance, starts_at__year=year)
        .exclude(status=Meeting.Status.CANCELLED)
        .values("body__kind")
        .annotate(n=Count("pk"))
    )
    return {row["body__kind"]: row["n"] for row in rows}


def attendance_by_partner(*, alliance, year: int) -> list[dict]:
    """Per partner: meetings in ``year`` at which at least one of its people was present.
    About professionals and organisations, not families: no suppression needed."""
    rows = (
        Attendance.objects.filter(
            alliance=alliance,
            meeting__starts_at__year=year,
            status=Attendance.Status.PRESENT,
        )
        .values("partner_id", "partner__organisation__name")
        .annotate(meetings=Count("meeting", distinct=True))
        .order_by("-meetings", "partner__organisation__name")
    )
    return [
        {
            "partner_id": r["partner_id"],
            "name": r["partner__organisation__name"],
            "meetings": r["meetings"],
        }
        for r in rows
    ]


def announcement_recipients(*, alliance, body=None) -> list[tuple[str, str]]:
    """(e-mail, language) of everybody with a role in the network (not the state office),
    or of a body's current members."""
    if body is not None:
        return invitation_recipients(Meeting(body=body, body_id=body.pk))
    rows = Membership.objects.filter(
        alliance=alliance, user__is_active=True, role__in=[r.value for r in Role]
    ).values_list("user__email", "user__preferred_language")
    return sorted({(email, language or "de") for email, language in rows if email})


def has_open_assessment(*, alliance) -> bool:
    return QualityAssessment.objects.filter(
        alliance=alliance, status=QualityAssessment.Status.OPEN
    ).exists()
