"""Evaluation sources governance knows from the apps below it (ADR 0903).

Participation sits below governance in the layers, so governance plugs participation's
surveys into its own registry (from ``GovernanceConfig.ready()``); participation never
learns about projects."""

from __future__ import annotations

from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from familiennetz.core import privacy
from familiennetz.participation.models import Survey
from familiennetz.participation.selectors.results import survey_results_summary

from . import evaluation


def _survey_choices(alliance) -> list[tuple[str, str]]:
    surveys = Survey.objects.filter(alliance=alliance).order_by("-pk").only("pk", "title")
    return [(str(survey.pk), survey.title) for survey in surveys]


def _survey_summary(alliance, ref: str) -> dict | None:
    if not ref.isdigit() or not Survey.objects.filter(alliance=alliance, pk=int(ref)).exists():
        return None
    data = survey_results_summary(survey_id=int(ref))
    rows: list[tuple[str, object]] = [(_("Respondents"), privacy.display(data["respondents"]))]
    for question in data["questions"]:
        if question["mean"] is not None:
            label = f"{question['number']}. {question['text']} ({_('mean')})"
            rows.append((label, number_format(question["mean"], 1)))
    url = reverse(
        "participation:manage-survey-detail",
        kwargs={"alliance_slug": alliance.slug, "pk": data["survey_id"]},
    )
    return {"title": data["title"], "url": url, "rows": rows}


SURVEYS = evaluation.EvaluationSource(
    key="survey",
    label=gettext_lazy("Survey"),
    choices=_survey_choices,
    summary=_survey_summary,
)


def register() -> None:
    evaluation.register(SURVEYS)
