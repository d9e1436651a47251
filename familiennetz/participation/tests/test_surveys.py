"""Surveys: building them, storing responses (anonymously), single-use codes, conditions."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from familiennetz.participation import services
from familiennetz.participation.models import Answer, Question, Response, Survey, SurveyCode
from familiennetz.participation.selectors import survey_questions
from familiennetz.participation.services import SubmitError
from familiennetz.participation.survey_form import SurveyForm

from .factories import add_question, make_survey, needs_survey, questions_by_kind

pytestmark = pytest.mark.django_db
Kind = Question.Kind


def test_a_response_stores_no_account_address_or_time_of_day(alliance):
    survey = needs_survey(alliance)
    q = questions_by_kind(survey)
    response = services.response_submit(
        survey=survey,
        answers={q[Kind.DISTRICT].pk: q[Kind.DISTRICT].options.first().pk},
        language="ar",
    )
    fields = {f.name for f in Response._meta.get_fields()}
    assert not fields & {"created_at", "updated_at", "user", "ip", "user_agent", "session"}
    assert {f.name for f in Answer._meta.get_fields()}.isdisjoint({"created_at", "updated_at"})
    assert {f.name for f in SurveyCode._meta.get_fields()}.isdisjoint({"response", "created_at"})
    assert isinstance(response.submitted_on, dt.date)
    assert response.language == "ar"
    assert response.district_id == q[Kind.DISTRICT].options.first().district_id


def test_age_options_come_in_every_survey_language(alliance):
    survey = needs_survey(alliance)
    age = questions_by_kind(survey)[Kind.AGE]
    labels = {o.key: o.texts for o in age.options.all()}
    assert list(labels) == ["schwangerschaft", "0-3", "3-6", "6-10", "10-14", "14-18"]
    assert labels["0-3"] == {"de": "0–3 Jahre", "ar": "٠–٣ سنوات"}


def test_options_keep_their_keys_when_renamed_and_cannot_be_removed_once_chosen(alliance):
    survey = make_survey(alliance, languages=["de"])
    question = add_question(survey, Kind.SINGLE, "Wann?", options=["Vormittags", "Nachmittags"])
    keys = list(question.options.values_list("key", flat=True))
    services.question_save(
        survey=survey,
        question=question,
        kind=Kind.SINGLE,
        texts={"de": {"text": "Wann?"}},
        option_lines={"de": ["Am Vormittag", "Am Nachmittag"]},
    )
    assert list(question.options.values_list("key", flat=True)) == keys
    services.survey_set_state(survey=survey, state=Survey.State.OPEN)
    services.response_submit(
        survey=survey, answers={question.pk: question.options.last().pk}, language="de"
    )
    with pytest.raises(ValidationError):
        services.question_save(
            survey=survey,
            question=question,
            kind=Kind.SINGLE,
            texts={"de": {"text": "Wann?"}},
            option_lines={"de": ["Am Vormittag"]},
        )
    with pytest.raises(ValidationError):
        services.question_delete(question=question)


def test_a_survey_without_questions_cannot_open(alliance):
    survey = make_survey(alliance)
    with pytest.raises(ValidationError):
        services.survey_set_state(survey=survey, state=Survey.State.OPEN)


def test_a_closed_survey_takes_no_online_answers_but_paper_still_counts(alliance):
    survey = needs_survey(alliance)
    services.survey_set_state(survey=survey, state=Survey.State.CLOSED)
    with pytest.raises(SubmitError) as error:
        services.response_submit(survey=survey, answers={}, language="de")
    assert error.value.reason == SubmitError.CLOSED
    services.response_submit(
        survey=survey, answers={}, language="de", channel=Response.Channel.PAPER
    )
    assert survey.responses.filter(channel=Response.Channel.PAPER).count() == 1


def test_a_survey_past_its_last_day_is_closed(alliance):
    survey = needs_survey(alliance)
    survey.closes_on = dt.date(2026, 5, 31)
    survey.save()
    assert survey.accepts_answers(dt.date(2026, 5, 31))
    assert not survey.accepts_answers(dt.date(2026, 6, 1))


def test_a_single_use_code_works_once_and_is_not_linked_to_the_response(alliance):
    survey = needs_survey(alliance)
    batch = services.code_batch_create(survey=survey, label="Kita Igel", count=3)
    survey.refresh_from_db()
    assert survey.needs_code
    code = batch.codes.first()
    with pytest.raises(SubmitError) as missing:
        services.response_submit(survey=survey, answers={}, language="de")
    assert missing.value.reason == SubmitError.CODE_MISSING
    typed = f" {code.code[:4].lower()}-{code.code[4:]} "  # as somebody types it off the slip
    services.response_submit(survey=survey, answers={}, language="de", code=typed)
    code.refresh_from_db()
    assert code.used_on is not None
    with pytest.raises(SubmitError) as used:
        services.response_submit(survey=survey, answers={}, language="de", code=code.code)
    assert used.value.reason == SubmitError.CODE_USED
    with pytest.raises(SubmitError) as invalid:
        services.response_submit(survey=survey, answers={}, language="de", code="AAAABBBB")
    assert invalid.value.reason == SubmitError.CODE_INVALID
    assert survey.responses.count() == 1  # the failed attempts stored nothing


def test_codes_are_unique_readable_and_bounded(alliance):
    survey = needs_survey(alliance)
    batch = services.code_batch_create(survey=survey, label="A", count=100)
    codes = list(batch.codes.values_list("code", flat=True))
    assert len(set(codes)) == 100
    assert all(len(c) == 8 and not set(c) & set("01OI") for c in codes)
    with pytest.raises(ValidationError):
        services.code_batch_create(survey=survey, label="B", count=101)


def test_answers_to_foreign_options_and_out_of_scale_values_are_dropped(alliance):
    survey = needs_survey(alliance)
    other = needs_survey(alliance, districts=())
    q = questions_by_kind(survey)
    foreign_option = questions_by_kind(other)[Kind.SINGLE].options.first()
    response = services.response_submit(
        survey=survey,
        answers={
            q[Kind.SINGLE].pk: foreign_option.pk,
            q[Kind.SMILEY].pk: 9,
            q[Kind.NUMBER].pk: 2,
            999999: "x",
        },
        language="de",
    )
    assert list(response.answers.values_list("question__kind", "value")) == [(Kind.NUMBER, 2)]


def _form(survey, data, language="de", **kwargs):
    return SurveyForm(
        data, survey=survey, questions=survey_questions(survey), language=language, **kwargs
    )


def test_the_form_requires_required_questions_and_applies_conditions(alliance):
    survey = needs_survey(alliance)
    q = questions_by_kind(survey)
    no = q[Kind.SINGLE].options.get(key="nein")
    yes = q[Kind.SINGLE].options.get(key="ja")
    form = _form(survey, {f"q{q[Kind.TEXT].pk}": "Mehr Krabbelgruppen"})
    assert not form.is_valid()
    assert f"q{q[Kind.DISTRICT].pk}" in form.errors and f"q{q[Kind.SINGLE].pk}" in form.errors
    district = q[Kind.DISTRICT].options.first().pk
    base = {f"q{q[Kind.DISTRICT].pk}": district, f"q{q[Kind.TEXT].pk}": "Mehr Krabbelgruppen"}
    form = _form(survey, {**base, f"q{q[Kind.SINGLE].pk}": no.pk})
    assert form.is_valid(), form.errors
    assert q[Kind.TEXT].pk not in form.answers()  # condition not met: the text is dropped
    form = _form(survey, {**base, f"q{q[Kind.SINGLE].pk}": yes.pk})
    assert form.is_valid()
    assert form.answers()[q[Kind.TEXT].pk] == "Mehr Krabbelgruppen"


def test_the_form_refuses_oversized_text_and_numbers_out_of_range(alliance):
    survey = needs_survey(alliance)
    q = questions_by_kind(survey)
    form = _form(
        survey,
        {
            f"q{q[Kind.DISTRICT].pk}": q[Kind.DISTRICT].options.first().pk,
            f"q{q[Kind.SINGLE].pk}": q[Kind.SINGLE].options.get(key="ja").pk,
            f"q{q[Kind.TEXT].pk}": "x" * 2001,
            f"q{q[Kind.NUMBER].pk}": 99,
        },
    )
    assert not form.is_valid()
    assert set(form.errors) == {f"q{q[Kind.TEXT].pk}", f"q{q[Kind.NUMBER].pk}"}


def test_paper_forms_require_nothing(alliance):
    survey = needs_survey(alliance)
    assert _form(survey, {"x": "1"}, paper=True).is_valid()


def test_rankings_need_distinct_ranks_and_are_stored_in_order(alliance):
    survey = make_survey(alliance, languages=["de"])
    question = add_question(
        survey, Kind.RANKING, "Was ist Ihnen wichtig?", options=["Zeit", "Kosten", "Nähe"]
    )
    services.survey_set_state(survey=survey, state=Survey.State.OPEN)
    zeit, kosten, naehe = question.options.all()
    bad = _form(survey, {f"q{question.pk}_{zeit.pk}": 1, f"q{question.pk}_{kosten.pk}": 1})
    assert not bad.is_valid()
    good = _form(survey, {f"q{question.pk}_{naehe.pk}": 1, f"q{question.pk}_{zeit.pk}": 2})
    assert good.is_valid()
    response = services.response_submit(survey=survey, answers=good.answers(), language="de")
    assert list(response.answers.order_by("value").values_list("option__key", "value")) == [
        ("naehe", 1),
        ("zeit", 2),
    ]


def test_texts_fall_back_to_the_main_language_and_say_so(alliance):
    survey = needs_survey(alliance)
    q = questions_by_kind(survey)
    arabic = q[Kind.SINGLE].text("ar")
    assert (arabic.text, arabic.lang, arabic.fallback) == (
        "هل تتمنى المزيد من العروض بعد الظهر؟",
        "ar",
        False,
    )
    german = q[Kind.DISTRICT].text("ar")  # not translated
    assert (german.lang, german.fallback, german.dir) == ("de", True, "ltr")


def test_free_texts_wait_for_review(alliance):
    survey = needs_survey(alliance)
    q = questions_by_kind(survey)
    response = services.response_submit(
        survey=survey,
        answers={
            q[Kind.SINGLE].pk: q[Kind.SINGLE].options.get(key="ja").pk,
            q[Kind.TEXT].pk: "Ein Babyschwimmen",
        },
        language="de",
    )
    answer = response.answers.get(question=q[Kind.TEXT])
    assert answer.text_state == Answer.TextState.PENDING
    services.answer_text_review(answer=answer, state=Answer.TextState.APPROVED)
    assert Answer.objects.get(pk=answer.pk).text_state == Answer.TextState.APPROVED
