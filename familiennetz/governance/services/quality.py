"""The quality self-assessment: default criteria, ratings, consolidation, actions."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import (
    ActionItem,
    QualityAssessment,
    QualityCriterion,
    QualityDimension,
    QualityRating,
    QualityResult,
)
from ..quality_defaults import DEFAULT_DIMENSIONS
from .meetings import NewAction


@transaction.atomic
def quality_install_defaults(*, alliance) -> int:
    """The four dimensions of the Deutscher Kita-Preis with starting criteria (only what is
    missing is added; criteria the network changed are kept)."""
    added = 0
    for position, (code, name, description, criteria) in enumerate(DEFAULT_DIMENSIONS, 1):
        dimension, created = QualityDimension.objects.get_or_create(
            alliance=alliance,
            code=code,
            defaults={"name": name, "description": description, "position": position},
        )
        if created:
            for index, text in enumerate(criteria, 1):
                QualityCriterion.objects.create(
                    alliance=alliance, dimension=dimension, text=text, position=index
                )
                added += 1
    return added


@transaction.atomic
def assessment_open(*, alliance, year: int) -> QualityAssessment:
    if not QualityDimension.objects.filter(alliance=alliance).exists():
        quality_install_defaults(alliance=alliance)
    assessment, _created = QualityAssessment.objects.get_or_create(alliance=alliance, year=year)
    return assessment


@transaction.atomic
def ratings_save(*, assessment: QualityAssessment, rater, scores: dict) -> int:
    """``scores``: {criterion: (score or None, comment)} — the rater's own ratings."""
    if assessment.status != QualityAssessment.Status.OPEN:
        raise ValidationError(_("This self-assessment is consolidated; ratings are closed."))
    saved = 0
    for criterion, (score, comment) in scores.items():
        if criterion.alliance_id != assessment.alliance_id:
            raise ValidationError(_("Choose criteria of this network."))
        if score is None and not comment:
            QualityRating.objects.filter(
                assessment=assessment, criterion=criterion, rater=rater
            ).delete()
            continue
        QualityRating.objects.update_or_create(
            assessment=assessment,
            criterion=criterion,
            rater=rater,
            defaults={"alliance": assessment.alliance, "score": score, "comment": comment},
        )
        saved += 1
    return saved


@transaction.atomic
def assessment_consolidate(
    *,
    assessment: QualityAssessment,
    results: dict,
    actor,
    summary: str = "",
    actions: Sequence[NewAction] = (),
    body=None,
) -> QualityAssessment:
    """``results``: {criterion: (score, note)} agreed by the steering group; the actions that
    come out of it are action items of ``body`` (usually the steering group)."""
    missing = [c for c, (score, _note) in results.items() if score is None]
    if missing:
        raise ValidationError(_("Rate every criterion before consolidating."))
    for criterion, (score, note) in results.items():
        QualityResult.objects.update_or_create(
            assessment=assessment,
            criterion=criterion,
            defaults={"alliance": assessment.alliance, "score": score, "note": note},
        )
    for action in actions:
        ActionItem.objects.create(
            alliance=assessment.alliance,
            assessment=assessment,
            body=body,
            title=action.title,
            owner=action.owner,
            due_on=action.due_on,
        )
    assessment.status = QualityAssessment.Status.CONSOLIDATED
    assessment.summary = summary
    assessment.consolidated_at = timezone.now()
    assessment.consolidated_by = actor
    assessment.save()
    return assessment


def active_criteria(alliance):
    return (
        QualityCriterion.objects.filter(alliance=alliance, is_active=True)
        .select_related("dimension")
        .order_by("dimension__position", "position", "pk")
    )
