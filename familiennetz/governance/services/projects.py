"""Projects and their evaluation (goals → indicators → results)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .. import evaluation
from ..models import IndicatorResult, Project, ProjectGoal, ProjectIndicator
from .common import same_alliance, save_fields


@transaction.atomic
def project_save(*, alliance, values: dict, project: Project | None = None) -> Project:
    same_alliance(alliance, "body", values.get("body"))
    same_alliance(alliance, "lead", values.get("lead"))
    for name in ("partners", "events"):
        for row in values.get(name) or ():
            same_alliance(alliance, name, row)
    if (
        values.get("starts_on")
        and values.get("ends_on")
        and values["ends_on"] < values["starts_on"]
    ):
        raise ValidationError({"ends_on": _("A project cannot end before it starts.")})
    source = values.get("evaluation_source", "")
    if source and not evaluation.is_valid(alliance, source, values.get("evaluation_ref", "")):
        raise ValidationError({"evaluation_ref": _("Choose an evaluation of this network.")})
    return save_fields(project or Project(), alliance=alliance, values=values)


@transaction.atomic
def goal_add(*, project: Project, text: str) -> ProjectGoal:
    return ProjectGoal.objects.create(
        alliance=project.alliance, project=project, text=text, position=project.goals.count() + 1
    )


@transaction.atomic
def indicator_add(*, goal: ProjectGoal, name: str, unit: str = "", target=None) -> ProjectIndicator:
    return ProjectIndicator.objects.create(
        alliance=goal.alliance, goal=goal, name=name, unit=unit, target=target
    )


@transaction.atomic
def result_add(
    *, indicator: ProjectIndicator, measured_on, value, note: str = ""
) -> IndicatorResult:
    return IndicatorResult.objects.create(
        alliance=indicator.alliance,
        indicator=indicator,
        measured_on=measured_on,
        value=value,
        note=note,
    )
