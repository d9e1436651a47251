"""Survey results: aggregated in the database, small counts suppressed (core/privacy.py).

A handful of grouped queries per survey, whatever the number of answers (10,000 responses ×
30 questions in well under a second, bench/participation_bench.py): counts per option, counts
per scale point or number, answering respondents per question, rankings. Every count about
people goes through ``suppress_distribution`` / ``suppress_table`` / ``suppress_count`` before
it leaves this module — display, CSV/XLSX export and the selectors other apps use get the
same suppressed figures. Only ``raw_rows`` (the coordinator's export of anonymous raw answers)
gives single answers.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Avg, Count, Exists, OuterRef, Q
from django.utils.translation import gettext as _

from familiennetz.core import privacy
from familiennetz.core.charts import Chart, Series, bar_chart

from ..languages import smiley_labels
from ..models import Answer, Question, Response, Survey

Kind = Question.Kind
VALUE_KINDS = frozenset({Kind.RATING, Kind.SMILEY, Kind.NUMBER})
NUMBER_BINS = 8
TEXTS_SHOWN = 30  # free-text answers per question on the results page
MAX_DISTINCT_NUMBERS = 12


@dataclass(frozen=True)
class Filters:
    """Which respondents the figures are about (all by default)."""

    district: int | None = None  # District id (from the district question)
    age: str | None = None  # age band key (from the age question)
    language: str | None = None
    channel: str | None = None

    @property
    def active(self) -> bool:
        return any((self.district, self.age, self.language, self.channel))

    def responses(self, survey: Survey):
        rows = Response.objects.filter(survey=survey)
        if self.district:
            rows = rows.filter(district_id=self.district)
        if self.language:
            rows = rows.filter(language=self.language)
        if self.channel:
            rows = rows.filter(channel=self.channel)
        if self.age:
            rows = rows.filter(
                Exists(
                    Answer.objects.filter(
                        response=OuterRef("pk"),
                        question__survey=survey,
                        question__kind=Kind.AGE,
                        option__key=self.age,
                    )
                )
            )
        return rows


@dataclass
class ResultRow:
    key: str
    label: str
    count: int | None  # None: suppressed
    share: float | None = None  # of the respondents who answered the question
    mean_rank: float | None = None  # rankings

    @property
    def display(self) -> str:
        return privacy.display(self.count)


@dataclass
class QuestionResult:
    question: Question
    number: int
    text: str
    answered: int | None  # respondents who answered (suppressed)
    rows: list[ResultRow] = field(default_factory=list)
    mean: float | None = None
    median: float | None = None
    texts: list[Answer] = field(default_factory=list)
    text_count: int | None = None
    chart: Chart | None = None

    @property
    def kind(self) -> str:
        return self.question.kind

    @property
    def is_multi(self) -> bool:
        return self.question.is_multi


@dataclass
class SurveyResults:
    survey: Survey
    filters: Filters
    respondents: int | None
    by_channel: dict[str, int | None]
    questions: list[QuestionResult]


def survey_questions(survey: Survey) -> list[Question]:
    """The survey's questions with options and conditions, in order (3 queries)."""
    questions = list(
        survey.questions.order_by("position", "pk").prefetch_related("options", "condition_options")
    )
    for question in questions:
        question.survey = survey  # texts fall back to the survey's first language
    return questions


def _median_from(distribution: dict[int, int]) -> float | None:
    total = sum(distribution.values())
    if not total:
        return None
    # The median of a distribution without expanding it: walk the sorted values.
    half, seen = total / 2, 0
    ordered = sorted(distribution.items())
    for index, (value, count) in enumerate(ordered):
        seen += count
        if seen > half:
            return float(value)
        if seen == half:
            following = ordered[index + 1][0] if index + 1 < len(ordered) else value
            return (value + following) / 2
    return float(ordered[-1][0])


def _mean_from(distribution: dict[int, int]) -> float | None:
    total = sum(distribution.values())
    if not total:
        return None
    return sum(value * count for value, count in distribution.items()) / total


def _number_rows(distribution: dict[int, int]) -> list[tuple[str, str, int]]:
    """(key, label, count) for a number question: each value, or bins when there are many."""
    if len(distribution) <= MAX_DISTINCT_NUMBERS:
        return [(str(v), str(v), n) for v, n in sorted(distribution.items())]
    low, high = min(distribution), max(distribution)
    width = max(1, -(-(high - low + 1) // NUMBER_BINS))
    bins: dict[int, int] = defaultdict(int)
    for value, count in distribution.items():
        bins[(value - low) // width] += count
    rows = []
    for index in range(-(-(high - low + 1) // width)):
        start = low + index * width
        end = start + width - 1
        rows.append((f"{start}-{end}", f"{start}–{end}", bins.get(index, 0)))
    return rows


def survey_results(
    *,
    survey: Survey,
    filters: Filters | None = None,
    questions: list[Question] | None = None,
    language: str | None = None,
    with_texts: str | None = None,
    charts: bool = True,
) -> SurveyResults:
    """Every question's figures for the respondents ``filters`` selects, suppressed.

    ``with_texts``: None (no free texts), ``"approved"`` (reviewed texts only) or ``"all"``
    (the coordinator, with their review state).
    """
    filters = filters or Filters()
    questions = questions if questions is not None else survey_questions(survey)
    language = language or survey.default_language
    responses = filters.responses(survey)
    # By question id, not through a join to the question table: each grouped count below then
    # reads one covering index (models: Answer.Meta.indexes).
    answers = Answer.objects.filter(question_id__in=[q.pk for q in questions])
    if filters.active:
        answers = answers.filter(response__in=responses.values("pk"))

    option_ids = [q.pk for q in questions if q.is_categorical and q.kind not in VALUE_KINDS]
    value_ids = [q.pk for q in questions if q.kind in VALUE_KINDS]
    ranking_ids = [q.pk for q in questions if q.kind == Kind.RANKING]
    multi_ids = [q.pk for q in questions if q.is_multi or q.kind == Kind.RANKING]

    option_counts: dict[int, dict[int, int]] = defaultdict(dict)
    row: Any  # rows of .values(): TypedDicts of three shapes
    for row in (
        answers.filter(question_id__in=option_ids)
        .values("question_id", "option_id")
        .annotate(n=Count("id"))
        .order_by()
    ):
        option_counts[row["question_id"]][row["option_id"]] = row["n"]
    value_counts: dict[int, dict[int, int]] = defaultdict(dict)
    for row in (
        answers.filter(question_id__in=value_ids)
        .values("question_id", "value")
        .annotate(n=Count("id"))
        .order_by()
    ):
        value_counts[row["question_id"]][row["value"]] = row["n"]
    ranking: dict[int, dict[int, dict]] = defaultdict(dict)
    for row in (
        answers.filter(question_id__in=ranking_ids)
        .values("question_id", "option_id")
        .annotate(n=Count("id"), first=Count("id", filter=Q(value=1)), mean=Avg("value"))
        .order_by()
    ):
        ranking[row["question_id"]][row["option_id"]] = row
    # Respondents per question: single-answer questions have one row per respondent.
    answered = {
        row["question_id"]: row["n"]
        for row in answers.exclude(question_id__in=multi_ids)
        .values("question_id")
        .annotate(n=Count("id"))
        .order_by()
    }
    if multi_ids:
        answered |= {
            row["question_id"]: row["n"]
            for row in answers.filter(question_id__in=multi_ids)
            .values("question_id")
            .annotate(n=Count("response_id", distinct=True))
            .order_by()
        }
    channel_counts = {
        row["channel"]: row["n"]
        for row in responses.values("channel").annotate(n=Count("id")).order_by()
    }
    respondents = sum(channel_counts.values())

    texts_by_question: dict[int, list[Answer]] = {}
    if with_texts:
        # The newest TEXTS_SHOWN of each free-text question (all of them: the review page).
        for question in questions:
            if question.kind != Kind.TEXT:
                continue
            text_rows = answers.filter(question_id=question.pk)
            if with_texts != "all":
                text_rows = text_rows.filter(text_state=Answer.TextState.APPROVED)
            texts_by_question[question.pk] = list(
                text_rows.order_by("-pk").only("pk", "question_id", "text", "text_state")[
                    :TEXTS_SHOWN
                ]
            )

    results = []
    for number, question in enumerate(questions, start=1):
        shown_answered = privacy.suppress_count(answered.get(question.pk, 0))
        result = QuestionResult(
            question=question,
            number=number,
            text=str(question.text(language)),
            answered=shown_answered,
        )
        raw: list[tuple[str, str, int]] = []
        if question.kind == Kind.RANKING:
            stats = ranking.get(question.pk, {})
            firsts = {o.pk: stats.get(o.pk, {}).get("first", 0) for o in question.options.all()}
            shown = privacy.suppress_distribution(firsts)
            for option in question.options.all():
                stat = stats.get(option.pk, {})
                mean = stat.get("mean") if (stat.get("n") or 0) >= privacy.min_count() else None
                result.rows.append(
                    ResultRow(
                        option.key,
                        str(option.label(language)),
                        shown[option.pk],
                        privacy.share(shown[option.pk], shown_answered),
                        mean_rank=mean,
                    )
                )
        elif question.kind == Kind.TEXT:
            result.text_count = shown_answered
            result.texts = texts_by_question.get(question.pk, [])
        else:
            if question.kind in VALUE_KINDS:
                distribution = value_counts.get(question.pk, {})
                if question.kind == Kind.NUMBER:
                    raw = _number_rows(distribution)
                else:
                    labels: dict[int, str] = {}
                    if question.kind == Kind.SMILEY:
                        names = smiley_labels(language, question.scale_size)
                        labels = {v: f"{v} – {names[v - 1]}" for v in question.scale_values()}
                    raw = [
                        (str(v), labels.get(v, str(v)), distribution.get(v, 0))
                        for v in question.scale_values()
                    ]
                if (answered.get(question.pk) or 0) >= privacy.min_count():
                    result.mean = _mean_from(distribution)
                    result.median = _median_from(distribution)
            else:
                counts = option_counts.get(question.pk, {})
                raw = [
                    (o.key, str(o.label(language)), counts.get(o.pk, 0))
                    for o in question.options.all()
                ]
            shown_by_key = privacy.suppress_distribution({key: n for key, _label, n in raw})
            for key, label, _n in raw:
                result.rows.append(
                    ResultRow(
                        key,
                        label,
                        shown_by_key[key],
                        privacy.share(shown_by_key[key], shown_answered),
                    )
                )
        if charts and result.rows:
            result.chart = bar_chart(
                title=f"{number}. {result.text}",
                categories=[row.label for row in result.rows],
                series=[
                    Series(
                        _("times ranked first") if question.kind == Kind.RANKING else _("answers"),
                        [row.count for row in result.rows],
                    )
                ],
            )
        results.append(result)
    return SurveyResults(
        survey=survey,
        filters=filters,
        respondents=privacy.suppress_count(respondents),
        by_channel=privacy.suppress_distribution(
            {channel: channel_counts.get(channel, 0) for channel in Response.Channel.values}
        ),
        questions=results,
    )


# --- cross tables ---------------------------------------------------------------------------


@dataclass
class CrossTable:
    row_question: Question
    column_question: Question
    rows: list[str]  # labels
    columns: list[str]
    cells: list[list[int | None]]  # suppressed
    chart: Chart | None = None

    @property
    def table_rows(self):
        return [
            (label, [privacy.display(value) for value in values])
            for label, values in zip(self.rows, self.cells, strict=True)
        ]


def _categories(question: Question, language: str) -> list[tuple[object, str]]:
    """(key in the answer rows, label) of a categorical question's answers."""
    if question.kind in (Kind.RATING, Kind.SMILEY):
        return [(v, str(v)) for v in question.scale_values()]
    return [(o.pk, str(o.label(language))) for o in question.options.all()]


def survey_crosstab(
    *,
    survey: Survey,
    row_question: Question,
    column_question: Question,
    filters: Filters | None = None,
    language: str | None = None,
) -> CrossTable:
    """Respondents by their answers to two categorical questions, suppressed as a table
    (row and column sums can be read elsewhere: complements are hidden too)."""
    filters = filters or Filters()
    language = language or survey.default_language
    row_field = "value" if row_question.kind in VALUE_KINDS else "option_id"
    column_field = (
        "response__answers__value"
        if column_question.kind in VALUE_KINDS
        else "response__answers__option_id"
    )
    pairs = Answer.objects.filter(
        question=row_question, response__answers__question=column_question
    )
    if filters.active:
        pairs = pairs.filter(response__in=filters.responses(survey).values("pk"))
    counts: dict[tuple, int] = {}
    for row in (
        pairs.values(row_field, column_field)
        .annotate(n=Count("response_id", distinct=True))
        .order_by()
    ):
        counts[(row[row_field], row[column_field])] = row["n"]
    row_categories = _categories(row_question, language)
    column_categories = _categories(column_question, language)
    table = {
        r: {c: counts.get((r, c), 0) for c, _label in column_categories}
        for r, _label in row_categories
    }
    shown = privacy.suppress_table(table, totals_shown=True)
    cells = [[shown[r][c] for c, _l in column_categories] for r, _l in row_categories]
    crosstab = CrossTable(
        row_question,
        column_question,
        [label for _k, label in row_categories],
        [label for _k, label in column_categories],
        cells,
    )
    crosstab.chart = bar_chart(
        title=_("%(row)s by %(column)s")
        % {
            "row": row_question.text(language),
            "column": column_question.text(language),
        },
        categories=crosstab.rows,
        series=[
            Series(label, [cells[i][j] for i in range(len(cells))])
            for j, label in enumerate(crosstab.columns)
        ],
    )
    return crosstab


# --- exports --------------------------------------------------------------------------------


def aggregate_rows(results: SurveyResults) -> list[tuple[str, str, str, str]]:
    """(question, answer, count, share) for the CSV/XLSX export: a suppressed count is
    written ``<5`` and its share left empty; shares are fractions (0.25) with 4 decimals."""
    rows = []
    for result in results.questions:
        question = f"{result.number}. {result.text}"
        if result.kind == Kind.TEXT:
            rows.append(
                (question, _("(free-text answers)"), privacy.display(result.text_count), "")
            )
            continue
        for row in result.rows:
            label = row.label
            if result.kind == Kind.RANKING:
                label = _("%(option)s (ranked first)") % {"option": row.label}
            share = "" if row.share is None else f"{row.share:.4f}"
            rows.append((question, label, privacy.display(row.count), share))
    return rows


def raw_rows(*, survey: Survey, questions: list[Question] | None = None):
    """The coordinator's export of anonymous raw answers: a header, then one row per response
    (numbered, not by database id), streamed in chunks. No suppression here: single answers of
    anonymous people, for the coordination only (rules: participation.view_raw_answers)."""
    questions = questions if questions is not None else survey_questions(survey)
    language = survey.default_language
    labels = {o.pk: str(o.label(language)) for q in questions for o in q.options.all()}
    header = [_("No."), _("date"), _("channel"), _("language")] + [
        f"{i}. {q.text(language)}" for i, q in enumerate(questions, start=1)
    ]
    yield header
    responses = Response.objects.filter(survey=survey).order_by("submitted_on", "pk")
    channels = dict(Response.Channel.choices)
    number = 0
    chunk = 500
    last = None
    while True:
        page = responses
        if last is not None:
            page = page.filter(
                Q(submitted_on__gt=last[0]) | Q(submitted_on=last[0], pk__gt=last[1])
            )
        batch = list(page.values("pk", "submitted_on", "channel", "language")[:chunk])
        if not batch:
            break
        ids = [row["pk"] for row in batch]
        values: dict[int, dict[int, list]] = defaultdict(lambda: defaultdict(list))
        for answer in (
            Answer.objects.filter(response_id__in=ids)
            .order_by("response_id", "question_id", "value", "pk")
            .values("response_id", "question_id", "option_id", "value", "text")
        ):
            if answer["option_id"]:
                values[answer["response_id"]][answer["question_id"]].append(
                    labels.get(answer["option_id"], "")
                )
            elif answer["text"]:
                values[answer["response_id"]][answer["question_id"]].append(answer["text"])
            elif answer["value"] is not None:
                values[answer["response_id"]][answer["question_id"]].append(str(answer["value"]))
        for row in batch:
            number += 1
            cells = values.get(row["pk"], {})
            yield [
                str(number),
                row["submitted_on"].isoformat(),
                str(channels.get(row["channel"], row["channel"])),
                row["language"],
                *("; ".join(cells.get(q.pk, [])) for q in questions),
            ]
        last = (batch[-1]["submitted_on"], batch[-1]["pk"])


def survey_results_summary(*, survey_id: int) -> dict:
    """For other apps (governance links projects to evaluation surveys): the survey's
    suppressed figures as plain data. ``{"survey_id", "title", "state", "respondents",
    "url", "questions": [{"number", "text", "kind", "answered", "rows": [{"key", "label",
    "count", "share"}], "mean"}]}``; counts below 5 are None."""
    survey = Survey.objects.select_related("alliance").get(pk=survey_id)
    results = survey_results(survey=survey, charts=False)
    return {
        "survey_id": survey.pk,
        "title": survey.title,
        "kind": survey.kind,
        "state": survey.state,
        "respondents": results.respondents,
        "results_public": survey.results_are_public,
        "url": survey.get_absolute_url(),
        "questions": [
            {
                "number": q.number,
                "text": q.text,
                "kind": q.kind,
                "answered": q.answered,
                "mean": q.mean,
                "rows": [
                    {"key": r.key, "label": r.label, "count": r.count, "share": r.share}
                    for r in q.rows
                ],
            }
            for q in results.questions
        ],
    }


def filter_choices(survey: Survey, questions: list[Question], language: str) -> dict:
    """Choices of the results filters: the districts and age groups the survey asks for."""
    district_options = [
        (o.district_id, str(o.label(language)))
        for q in questions
        if q.kind == Kind.DISTRICT
        for o in q.options.all()
        if o.district_id
    ]
    age_options = [
        (o.key, str(o.label(language)))
        for q in questions
        if q.kind == Kind.AGE
        for o in q.options.all()
    ]
    return {
        "districts": list(dict.fromkeys(district_options)),
        "ages": age_options,
        "languages": list(survey.languages),
        "channels": list(Response.Channel.choices),
    }
