"""Survey results in the workspace: figures with charts and tables, filters, a cross table,
CSV/XLSX of the aggregates, the coordinator's raw export and free-text review, publishing."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from familiennetz.workspace.access import redirect_manage, workspace_view

from .. import services
from ..forms import ResultFilterForm
from ..models import Answer, Question
from ..selectors import (
    Filters,
    aggregate_rows,
    filter_choices,
    raw_rows,
    survey_crosstab,
    survey_questions,
    survey_results,
)
from .common import csv_response, dated, survey_or_404, xlsx_response

AGGREGATE_HEADER = ["question", "answer", "count", "share"]


def _filtered(request, survey, questions):
    form = ResultFilterForm(
        request.GET or None,
        choices=filter_choices(survey, questions, survey.default_language),
        questions=questions,
    )
    filters = Filters()
    crosstab = None
    if form.is_valid():
        data = form.cleaned_data
        filters = Filters(
            district=data.get("ortsteil"),
            age=data.get("alter") or None,
            language=data.get("sprache") or None,
            channel=data.get("kanal") or None,
        )
        by_id = {q.pk: q for q in questions}
        row, column = by_id.get(data.get("zeile")), by_id.get(data.get("spalte"))
        if row and column and row.pk != column.pk:
            crosstab = survey_crosstab(
                survey=survey, row_question=row, column_question=column, filters=filters
            )
    return form, filters, crosstab


@workspace_view
def results(request, pk: int):
    survey = survey_or_404(request, pk)
    user = request.user
    questions = survey_questions(survey)
    form, filters, crosstab = _filtered(request, survey, questions)
    sees_all_texts = user.has_perm("participation.review_free_text", survey)
    figures = survey_results(
        survey=survey,
        filters=filters,
        questions=questions,
        with_texts="all" if sees_all_texts else "approved",
    )
    return render(
        request,
        "participation/workspace/results.html",
        {
            "survey": survey,
            "results": figures,
            "filter_form": form,
            "crosstab": crosstab,
            "query": request.GET.urlencode(),
            "can_raw": user.has_perm("participation.view_raw_answers", survey),
            "can_review": sees_all_texts,
            "can_publish": user.has_perm("participation.publish_results", survey),
            "pending_texts": Answer.objects.filter(
                question__survey=survey, text_state=Answer.TextState.PENDING
            ).count()
            if sees_all_texts
            else 0,
        },
    )


def _aggregates(request, survey):
    questions = survey_questions(survey)
    _form, filters, _crosstab = _filtered(request, survey, questions)
    figures = survey_results(survey=survey, filters=filters, questions=questions, charts=False)
    return aggregate_rows(figures)


@workspace_view
def results_csv(request, pk: int):
    """Columns ``question``, ``answer``, ``count``, ``share``; a suppressed count is ``<5`` and
    its share is empty (the filters of the results page apply)."""
    survey = survey_or_404(request, pk)
    rows = [AGGREGATE_HEADER, *_aggregates(request, survey)]
    return csv_response(rows, dated(f"ergebnisse-{survey.slug}", "csv"))


@workspace_view
def results_xlsx(request, pk: int):
    survey = survey_or_404(request, pk)
    rows = [AGGREGATE_HEADER, *_aggregates(request, survey)]
    return xlsx_response([(_("Results"), rows)], dated(f"ergebnisse-{survey.slug}", "xlsx"))


@workspace_view
def raw_csv(request, pk: int):
    survey = survey_or_404(request, pk, "participation.view_raw_answers")
    return csv_response(raw_rows(survey=survey), dated(f"rohdaten-{survey.slug}", "csv"))


@workspace_view
def raw_xlsx(request, pk: int):
    survey = survey_or_404(request, pk, "participation.view_raw_answers")
    return xlsx_response(
        [(_("Answers"), raw_rows(survey=survey))], dated(f"rohdaten-{survey.slug}", "xlsx")
    )


@workspace_view
def text_review(request, pk: int):
    """Free-text answers: the coordinator reads them first and approves or hides each."""
    survey = survey_or_404(request, pk, "participation.review_free_text")
    if request.method == "POST":
        answer = get_object_or_404(
            Answer,
            pk=request.POST.get("answer") or 0,
            question__survey=survey,
            question__kind=Question.Kind.TEXT,
        )
        try:
            services.answer_text_review(answer=answer, state=request.POST.get("state", ""))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Saved."))
        return redirect_manage("participation:manage-survey-texts", request.alliance, pk=survey.pk)
    state = request.GET.get("status", Answer.TextState.PENDING)
    if state not in Answer.TextState.values:
        state = Answer.TextState.PENDING
    answers = (
        Answer.objects.filter(
            question__survey=survey, question__kind=Question.Kind.TEXT, text_state=state
        )
        .select_related("question")
        .order_by("question__position", "pk")[:200]
    )
    for answer in answers:
        answer.question.survey = survey
    return render(
        request,
        "participation/workspace/text_review.html",
        {"survey": survey, "answers": answers, "state": state, "states": Answer.TextState.choices},
    )


@workspace_view
@require_POST
def publish(request, pk: int):
    survey = survey_or_404(request, pk, "participation.publish_results")
    publish_now = request.POST.get("publish") == "1"
    try:
        services.survey_publish_results(survey=survey, publish=publish_now)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("The results are now in the public guide.")
            if publish_now
            else _("The results are no longer public."),
        )
    return redirect_manage("participation:manage-survey-results", request.alliance, pk=survey.pk)
