"""Workspace screens for surveys: list, create, settings, questions, preview, codes, paper
questionnaires and keying them in (/manage/<alliance>/beteiligung/umfragen/…)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from familiennetz.core.pdf import pdf_response, render_pdf
from familiennetz.workspace.access import check_perm, redirect_manage, workspace_view

from .. import services
from ..forms import (
    CodeBatchForm,
    PaperLanguageForm,
    QuestionForm,
    SurveyCreateForm,
    SurveySettingsForm,
)
from ..languages import direction, endonym, html_lang, in_language, interface_language
from ..models import Question, Response, Survey, SurveyCodeBatch
from ..selectors import survey_list, survey_questions
from ..survey_form import SurveyForm
from . import printing
from .common import survey_or_404


def _form_errors_from(exc: ValidationError, form) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def _language_context(language: str) -> dict:
    """What the shared question template needs to mark languages and directions."""
    ui_language = interface_language(language, get_language())
    return {
        "language": language,
        "lang": html_lang(language),
        "dir": direction(language),
        "ui_lang": ui_language,
    }


@workspace_view
def survey_list_view(request):
    check_perm(request, "participation.view_participation")
    surveys = survey_list(alliance=request.alliance, user=request.user)
    return render(request, "participation/workspace/survey_list.html", {"surveys": surveys})


@workspace_view
def survey_create(request):
    alliance, user = request.alliance, request.user
    check_perm(request, "participation.add_survey")
    form = SurveyCreateForm(request.POST or None, alliance=alliance, user=user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data.get("organisation") and not user.has_perm(
            "participation.change_survey",
            Survey(alliance=alliance, organisation=data["organisation"]),
        ):
            form.add_error("organisation", _("You cannot run surveys for this institution."))
        else:
            survey = services.survey_create(
                alliance=alliance,
                title=data["title"],
                kind=data["kind"],
                languages=data["languages"],
                organisation=data.get("organisation"),
                event=data.get("event"),
                user=user,
            )
            messages.success(request, _("The survey was created. Now add its questions."))
            return redirect_manage("participation:manage-survey-detail", alliance, pk=survey.pk)
    return render(request, "participation/workspace/survey_create.html", {"form": form})


@workspace_view
def survey_detail(request, pk: int):
    survey = survey_or_404(request, pk)
    questions = survey_questions(survey)
    user = request.user
    return render(
        request,
        "participation/workspace/survey_detail.html",
        {
            "survey": survey,
            "questions": questions,
            "responses": Response.objects.filter(survey=survey).count(),
            "paper": Response.objects.filter(survey=survey, channel=Response.Channel.PAPER).count(),
            "can_change": user.has_perm("participation.change_survey", survey),
            "can_publish": user.has_perm("participation.publish_results", survey),
            "language_names": [(code, endonym(code)) for code in survey.languages],
            "public_url": request.build_absolute_uri(survey.get_absolute_url()),
        },
    )


@workspace_view
def survey_update(request, pk: int):
    alliance = request.alliance
    survey = survey_or_404(request, pk, "participation.change_survey")
    form = SurveySettingsForm(
        request.POST or None, instance=survey, alliance=alliance, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        fields = {name: data[name] for name in SurveySettingsForm.Meta.fields}
        services.survey_update(
            survey=Survey.objects.get(pk=survey.pk), texts=form.texts(), **fields
        )
        messages.success(request, _("The survey was saved."))
        return redirect_manage("participation:manage-survey-detail", alliance, pk=survey.pk)
    return render(
        request, "participation/workspace/survey_form.html", {"form": form, "survey": survey}
    )


@workspace_view
@require_POST
def survey_state(request, pk: int):
    survey = survey_or_404(request, pk, "participation.change_survey")
    try:
        services.survey_set_state(survey=survey, state=request.POST.get("state", ""))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Status: %(state)s") % {"state": survey.get_state_display()})
    return redirect_manage("participation:manage-survey-detail", request.alliance, pk=survey.pk)


@workspace_view
def question_edit(request, pk: int, question_id: int | None = None):
    survey = survey_or_404(request, pk, "participation.change_survey")
    question = None
    if question_id is not None:
        question = get_object_or_404(
            Question.objects.prefetch_related("options", "condition_options"),
            pk=question_id,
            survey=survey,
        )
        question.survey = survey
    form = QuestionForm(request.POST or None, survey=survey, question=question)
    if request.method == "POST" and "delete" in request.POST and question is not None:
        try:
            services.question_delete(question=question)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The question was deleted."))
            return redirect_manage(
                "participation:manage-survey-detail", request.alliance, pk=survey.pk
            )
    elif request.method == "POST" and form.is_valid():
        try:
            services.question_save(survey=survey, question=question, **form.service_kwargs())
        except ValidationError as exc:
            _form_errors_from(exc, form)
        else:
            messages.success(request, _("The question was saved."))
            if "another" in request.POST:
                return redirect_manage(
                    "participation:manage-question-create", request.alliance, pk=survey.pk
                )
            return redirect_manage(
                "participation:manage-survey-detail", request.alliance, pk=survey.pk
            )
    return render(
        request,
        "participation/workspace/question_form.html",
        {"form": form, "survey": survey, "question": question},
    )


@workspace_view
@require_POST
def question_move(request, pk: int, question_id: int):
    survey = survey_or_404(request, pk, "participation.change_survey")
    question = get_object_or_404(Question, pk=question_id, survey=survey)
    services.question_move(question=question, up=request.POST.get("direction") == "up")
    return redirect_manage("participation:manage-survey-detail", request.alliance, pk=survey.pk)


@workspace_view
def survey_preview(request, pk: int):
    """The respondent's page as it will look, in any of the survey's languages; answers are
    checked but never stored."""
    survey = survey_or_404(request, pk)
    language = survey.language_or_default(request.GET.get("sprache"))
    with in_language(language):
        form = SurveyForm(
            request.POST or None,
            survey=survey,
            questions=survey_questions(survey),
            language=language,
        )
        checked = request.method == "POST" and form.is_valid()
        return render(
            request,
            "participation/workspace/survey_preview.html",
            {
                "survey": survey,
                "form": form,
                "checked": checked,
                "language_names": [(code, endonym(code)) for code in survey.languages],
                **_language_context(language),
            },
        )


@workspace_view
def code_list(request, pk: int):
    survey = survey_or_404(request, pk, "participation.change_survey")
    form = CodeBatchForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            batch = services.code_batch_create(
                survey=survey, label=form.cleaned_data["label"], count=form.cleaned_data["count"]
            )
        except ValidationError as exc:
            _form_errors_from(exc, form)
        else:
            messages.success(
                request,
                _("%(count)d codes for “%(label)s” were made. Print the sheet and cut it up.")
                % {"count": form.cleaned_data["count"], "label": batch.label},
            )
            return redirect_manage("participation:manage-code-list", request.alliance, pk=survey.pk)
    batches = survey.code_batches.annotate(
        total=Count("codes"), used=Count("codes", filter=Q(codes__used_on__isnull=False))
    ).order_by("pk")
    return render(
        request,
        "participation/workspace/code_list.html",
        {"survey": survey, "form": form, "batches": batches},
    )


@workspace_view
def code_sheet(request, pk: int, batch_id: int):
    survey = survey_or_404(request, pk, "participation.change_survey")
    batch = get_object_or_404(SurveyCodeBatch, pk=batch_id, survey=survey)
    context = printing.code_sheet_context(request, survey=survey, batch=batch)
    content = render_pdf("participation/pdf/code_sheet.html", context, request=request)
    return pdf_response(content, f"codes-{survey.slug}-{batch.pk}.pdf")


@workspace_view
def questionnaire_pdf(request, pk: int):
    survey = survey_or_404(request, pk)
    language = survey.language_or_default(request.GET.get("sprache"))
    with in_language(language):
        context = printing.questionnaire_context(request, survey=survey, language=language)
        content = render_pdf("participation/pdf/questionnaire.html", context, request=request)
    return pdf_response(content, f"fragebogen-{survey.slug}-{language}.pdf")


@workspace_view
def paper_entry(request, pk: int):
    """Keying in paper questionnaires: one compact form, "save and next", no questions are
    required (people leave some out on paper). Marked as paper in the results."""
    survey = survey_or_404(request, pk, "participation.change_survey")
    language_form = PaperLanguageForm(request.GET or None, survey=survey)
    language = survey.language_or_default(
        request.POST.get("sprache") or request.GET.get("sprache") or survey.default_language
    )
    questions = survey_questions(survey)
    form = SurveyForm(
        request.POST or None, survey=survey, questions=questions, language=language, paper=True
    )
    if request.method == "POST" and form.is_valid():
        if not form.answers():
            form.add_error(None, _("This questionnaire is empty: nothing was saved."))
        else:
            services.response_submit(
                survey=survey,
                answers=form.answers(),
                language=language,
                channel=Response.Channel.PAPER,
            )
            count = Response.objects.filter(survey=survey, channel=Response.Channel.PAPER).count()
            messages.success(
                request,
                _("Questionnaire saved (%(count)d on paper so far). Next one:") % {"count": count},
            )
            response = redirect_manage(
                "participation:manage-survey-paper", request.alliance, pk=survey.pk
            )
            response["Location"] += f"?sprache={language}"
            return response
    return render(
        request,
        "participation/workspace/paper_entry.html",
        {
            "survey": survey,
            "form": form,
            "language_form": language_form,
            **_language_context(language),
        },
    )
