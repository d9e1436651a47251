"""Writes of surveys: building a survey, opening and closing it, single-use codes, storing a
response (online or keyed in from paper), reviewing free texts, publishing results.

``response_submit`` owns the one transaction in which a single-use code is spent and the
answers are stored: the code is marked used by a conditional UPDATE (``used_on IS NULL``), so
two people with the same code at the same moment cannot both answer — on PostgreSQL the second
UPDATE waits for the first and then finds the code used, on SQLite writers are serialised.
Nothing links the code to the response (ADR 0800).
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from familiennetz.alliances.models import Alliance
from familiennetz.core.slugs import german_ascii, unique_slug
from familiennetz.directory.models.audience import AGE_BANDS
from familiennetz.socialspace.models import District

from ..languages import AGE_LABELS
from ..models import (
    MAX_TEXT_ANSWER,
    Answer,
    Option,
    Question,
    Response,
    Survey,
    SurveyCode,
    SurveyCodeBatch,
)

Kind = Question.Kind
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read off paper reliably
CODE_LENGTH = 8
MAX_CODES_PER_SHEET = 100  # 10 A4 pages; a 500-code sheet took 35 s to render in a request


class SubmitError(Exception):
    """A response that cannot be stored; ``reason`` is one of the constants below."""

    CLOSED = "closed"
    CODE_MISSING = "code_missing"
    CODE_INVALID = "code_invalid"
    CODE_USED = "code_used"

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


# --- surveys ---------------------------------------------------------------------------------


@transaction.atomic
def survey_create(
    *,
    alliance: Alliance,
    title: str,
    kind: str = Survey.Kind.NEEDS,
    languages: list[str] | None = None,
    organisation=None,
    event=None,
    user=None,
    **fields,
) -> Survey:
    languages = _languages(languages)
    survey = Survey.objects.create(
        alliance=alliance,
        title=title,
        slug=unique_slug(model=Survey, alliance=alliance, text=title, max_length=120),
        kind=kind,
        languages=languages,
        texts={languages[0]: {"title": title}},
        organisation=organisation,
        event=event,
        created_by=user if user is not None and user.is_authenticated else None,
        **fields,
    )
    return survey


def _languages(languages: list[str] | None) -> list[str]:
    seen = list(dict.fromkeys(code for code in (languages or []) if code))
    return seen or ["de"]


@transaction.atomic
def survey_update(*, survey: Survey, texts: dict | None = None, **fields) -> Survey:
    """Change a survey's settings; ``texts`` ({lang: {"title", "intro", "thanks"}}) replaces the
    texts of the languages it names. Adding a language adds the content defaults (scale and age
    labels) to its questions."""
    old_languages = list(survey.languages)
    for name, value in fields.items():
        if name == "languages":
            value = _languages(value)
        setattr(survey, name, value)
    if texts:
        merged = dict(survey.texts or {})
        for lang, values in texts.items():
            merged[lang] = {**merged.get(lang, {}), **values}
        survey.texts = merged
    default_title = survey.text("title", survey.default_language)
    if default_title:
        survey.title = str(default_title)
    survey.save()
    added = [lang for lang in survey.languages if lang not in old_languages]
    if added:
        for question in survey.questions.filter(kind=Kind.AGE):
            _sync_age_options(question)
    return survey


@transaction.atomic
def survey_set_state(*, survey: Survey, state: str) -> Survey:
    if state == Survey.State.OPEN and not survey.questions.exists():
        raise ValidationError(_("A survey needs at least one question before it opens."))
    if state not in Survey.State.values:
        raise ValidationError(_("Unknown status."))
    survey.state = state
    survey.save(update_fields=["state", "updated_at"])
    return survey


@transaction.atomic
def survey_publish_results(*, survey: Survey, publish: bool) -> Survey:
    """Show the results (aggregates, small counts suppressed) in the public guide, or not."""
    if publish and not survey.responses.exists():
        raise ValidationError(_("There are no answers to publish yet."))
    survey.results_published_at = timezone.now() if publish else None
    survey.save(update_fields=["results_published_at", "updated_at"])
    return survey


# --- questions -------------------------------------------------------------------------------


def _key_for(text: str, taken: set[str]) -> str:
    base = (slugify(german_ascii(text)) or "antwort")[:50].strip("-") or "antwort"
    key, n = base, 2
    while key in taken:
        key = f"{base}-{n}"
        n += 1
    taken.add(key)
    return key


def _sync_age_options(question: Question) -> None:
    languages = question.survey.languages
    existing = {o.key: o for o in question.options.all()}
    for position, band in enumerate(AGE_BANDS):
        texts = {
            lang: AGE_LABELS.get(lang, {}).get(band.key) or AGE_LABELS["de"][band.key]
            for lang in languages
        }
        option = existing.get(band.key)
        if option is None:
            Option.objects.create(
                alliance_id=question.alliance_id,
                question=question,
                key=band.key,
                position=position,
                texts=texts,
            )
        else:
            option.texts = {**texts, **(option.texts or {})}
            option.save(update_fields=["texts", "updated_at"])


def _sync_district_options(question: Question) -> None:
    districts = District.objects.filter(alliance_id=question.alliance_id).order_by("name")
    existing = {o.district_id: o for o in question.options.all() if o.district_id}
    taken = {o.key for o in question.options.all()}
    for position, district in enumerate(districts):
        if district.pk in existing:
            continue
        key = district.slug if district.slug not in taken else _key_for(district.slug, taken)
        taken.add(key)
        Option.objects.create(
            alliance_id=question.alliance_id,
            question=question,
            key=key,
            position=position,
            district=district,
            texts=dict.fromkeys(question.survey.languages, district.name),
        )


def _sync_listed_options(question: Question, lines: dict[str, list[str]]) -> None:
    """Options from one line per option and language; the default language's lines count.
    Existing options keep their key (exports) and are matched by position."""
    default = question.survey.default_language
    labels = [line for line in lines.get(default, []) if line.strip()]
    options = list(question.options.order_by("position", "pk"))
    if len(labels) < len(options):
        doomed = options[len(labels) :]
        if Answer.objects.filter(option__in=doomed).exists():
            raise ValidationError(
                _("Answer options that were already chosen cannot be removed; change the text.")
            )
        Option.objects.filter(pk__in=[o.pk for o in doomed]).delete()
        options = options[: len(labels)]
    taken = {o.key for o in options}
    for index, label in enumerate(labels):
        texts = {}
        for lang, lang_lines in lines.items():
            lang_lines = [line for line in lang_lines if line.strip()]
            if index < len(lang_lines):
                texts[lang] = lang_lines[index].strip()
        if index < len(options):
            option = options[index]
            option.texts, option.position = texts, index
            option.save(update_fields=["texts", "position", "updated_at"])
        else:
            Option.objects.create(
                alliance_id=question.alliance_id,
                question=question,
                key=_key_for(label, taken),
                position=index,
                texts=texts,
            )


@transaction.atomic
def question_save(
    *,
    survey: Survey,
    question: Question | None = None,
    kind: str,
    texts: dict,
    option_lines: dict[str, list[str]] | None = None,
    is_required: bool = False,
    scale_size: int = 5,
    min_value: int | None = None,
    max_value: int | None = None,
    condition_question: Question | None = None,
    condition_options=(),
) -> Question:
    """Create or change a question. ``texts``: {lang: {"text", "help", "low", "high"}};
    ``option_lines``: {lang: [one line per option]} for choice and ranking questions."""
    if question is not None and question.kind != kind and question.answers.exists():
        raise ValidationError(_("The kind of a question that was already answered stays."))
    if min_value is not None and max_value is not None and min_value > max_value:
        raise ValidationError(_("The smallest number is larger than the largest."))
    if kind == Kind.SMILEY and scale_size not in (3, 5):
        scale_size = 5
    if question is None:
        last = survey.questions.order_by("-position").values_list("position", flat=True).first()
        question = Question(alliance_id=survey.alliance_id, survey=survey, position=(last or 0) + 1)
    question.kind = kind
    question.texts = {
        lang: {k: v for k, v in values.items() if v} for lang, values in texts.items()
    }
    question.is_required = is_required
    question.scale_size = scale_size
    question.min_value, question.max_value = min_value, max_value
    if condition_question is not None and (
        condition_question.survey_id != survey.pk
        or condition_question.pk == question.pk
        or condition_question.position >= question.position
    ):
        raise ValidationError(_("A condition can only refer to an earlier question."))
    question.condition_question = condition_question
    question.save()
    question.condition_options.set(
        [
            o
            for o in condition_options
            if condition_question and o.question_id == condition_question.pk
        ]
    )
    if kind == Kind.AGE:
        _sync_age_options(question)
    elif kind == Kind.DISTRICT:
        _sync_district_options(question)
    elif kind in (Kind.SINGLE, Kind.MULTIPLE, Kind.RANKING):
        _sync_listed_options(question, option_lines or {})
        if not question.options.exists():
            raise ValidationError(_("Please give at least one answer option, one per line."))
    elif question.options.exists():
        if Answer.objects.filter(option__question=question).exists():
            raise ValidationError(_("The kind of a question that was already answered stays."))
        question.options.all().delete()
    return question


@transaction.atomic
def question_delete(*, question: Question) -> None:
    if question.answers.exists():
        raise ValidationError(_("A question that was already answered cannot be deleted."))
    question.delete()


@transaction.atomic
def question_move(*, question: Question, up: bool) -> None:
    siblings = list(question.survey.questions.order_by("position", "pk"))
    index = siblings.index(question)
    other = index - 1 if up else index + 1
    if 0 <= other < len(siblings):
        siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, q in enumerate(siblings, start=1):
        if q.position != position:
            Question.objects.filter(pk=q.pk).update(position=position)
    # A condition must point to an earlier question: drop those that no longer do.
    positions = {q.pk: position for position, q in enumerate(siblings, start=1)}
    for q in siblings:
        parent = q.condition_question_id
        if parent is not None and positions.get(parent, 0) >= positions[q.pk]:
            Question.objects.filter(pk=q.pk).update(condition_question=None)
            q.condition_options.clear()


# --- single-use codes ------------------------------------------------------------------------


def normalise_code(text: str) -> str:
    """What a person typed (or the QR code carried) as a code: upper case, no separators."""
    return re.sub(r"[^A-Z0-9]", "", (text or "").upper())[:16]


def format_code(code: str) -> str:
    """Printed in two groups: ``ABCD-EFGH``."""
    return f"{code[:4]}-{code[4:]}" if len(code) == 8 else code


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


@transaction.atomic
def code_batch_create(*, survey: Survey, label: str, count: int) -> SurveyCodeBatch:
    if not 1 <= count <= MAX_CODES_PER_SHEET:
        raise ValidationError(
            _("A sheet has between 1 and %(max)d codes.") % {"max": MAX_CODES_PER_SHEET}
        )
    batch = SurveyCodeBatch.objects.create(
        alliance_id=survey.alliance_id, survey=survey, label=label
    )
    taken = set(SurveyCode.objects.filter(survey=survey).values_list("code", flat=True))
    codes: list[str] = []
    while len(codes) < count:
        code = _new_code()
        if code not in taken:
            taken.add(code)
            codes.append(code)
    SurveyCode.objects.bulk_create(
        [
            SurveyCode(alliance_id=survey.alliance_id, survey=survey, batch=batch, code=code)
            for code in codes
        ]
    )
    if not survey.needs_code:
        survey.needs_code = True
        survey.save(update_fields=["needs_code", "updated_at"])
    return batch


def code_check(*, survey: Survey, code: str) -> str | None:
    """None if ``code`` can be used for ``survey`` now, else the SubmitError reason."""
    normalised = normalise_code(code)
    if not normalised:
        return SubmitError.CODE_MISSING
    row = SurveyCode.objects.filter(survey=survey, code=normalised).values("used_on").first()
    if row is None:
        return SubmitError.CODE_INVALID
    return SubmitError.CODE_USED if row["used_on"] else None


# --- responses -------------------------------------------------------------------------------


def _answer_rows(
    survey: Survey, response: Response, answers: dict[int, Any]
) -> tuple[list[Answer], int | None]:
    """Answer rows for ``answers`` ({question id: value}); values for unknown questions or
    options are ignored. Returns the rows and the district id (district question)."""
    questions = {q.pk: q for q in survey.questions.all()}
    option_rows = Option.objects.filter(question__survey=survey).values_list(
        "pk", "question_id", "district_id"
    )
    options = {pk: (question_id, district_id) for pk, question_id, district_id in option_rows}
    rows: list[Answer] = []
    district_id = None

    def row(question: Question, **values) -> Answer:
        return Answer(
            alliance_id=survey.alliance_id, response=response, question=question, **values
        )

    def own(question: Question, option_id) -> bool:
        return options.get(option_id, (None,))[0] == question.pk

    for question_id, value in answers.items():
        question = questions.get(question_id)
        if question is None or value in (None, "", []):
            continue
        kind = question.kind
        if kind in (Kind.SINGLE, Kind.DISTRICT):
            if own(question, value):
                rows.append(row(question, option_id=value))
                if kind == Kind.DISTRICT and district_id is None:
                    district_id = options[value][1]
        elif kind in (Kind.MULTIPLE, Kind.AGE):
            for option_id in dict.fromkeys(value):
                if own(question, option_id):
                    rows.append(row(question, option_id=option_id))
        elif kind == Kind.RANKING:
            ranked = [option_id for option_id in dict.fromkeys(value) if own(question, option_id)]
            for rank, option_id in enumerate(ranked, start=1):
                rows.append(row(question, option_id=option_id, value=rank))
        elif kind in (Kind.RATING, Kind.SMILEY):
            if int(value) in question.scale_values():
                rows.append(row(question, value=int(value)))
        elif kind == Kind.NUMBER:
            rows.append(row(question, value=int(value)))
        elif kind == Kind.TEXT:
            text = str(value).strip()[:MAX_TEXT_ANSWER]
            if text:
                rows.append(row(question, text=text, text_state=Answer.TextState.PENDING))
    return rows, district_id


@transaction.atomic
def response_submit(
    *,
    survey: Survey,
    answers: dict[int, Any],
    language: str,
    channel: str = Response.Channel.ONLINE,
    code: str = "",
    today: dt.date | None = None,
) -> Response:
    """Store one person's answers (see the module docstring for single-use codes).

    Paper questionnaires are keyed in by staff (``channel=paper``): they may arrive after the
    survey closed and need no code.
    """
    today = today or timezone.localdate()
    online = channel == Response.Channel.ONLINE
    if online and not survey.accepts_answers(today):
        raise SubmitError(SubmitError.CLOSED)
    if online and survey.needs_code:
        normalised = normalise_code(code)
        if not normalised:
            raise SubmitError(SubmitError.CODE_MISSING)
        spent = SurveyCode.objects.filter(
            survey=survey, code=normalised, used_on__isnull=True
        ).update(used_on=today)
        if spent != 1:
            known = SurveyCode.objects.filter(survey=survey, code=normalised).exists()
            raise SubmitError(SubmitError.CODE_USED if known else SubmitError.CODE_INVALID)
    response = Response(
        alliance_id=survey.alliance_id,
        survey=survey,
        submitted_on=today,
        channel=channel,
        language=survey.language_or_default(language),
    )
    rows, district_id = _answer_rows(survey, response, answers)
    response.district_id = district_id
    response.save()
    Answer.objects.bulk_create(rows)
    return response


@transaction.atomic
def answer_text_review(*, answer: Answer, state: str) -> Answer:
    """Approve a free-text answer (others may read it) or hide it (e.g. it names a person)."""
    if state not in Answer.TextState.values:
        raise ValidationError(_("Unknown review state."))
    answer.text_state = state
    answer.save(update_fields=["text_state"])
    return answer
