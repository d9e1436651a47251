"""The respondent's form, built from a survey's questions (public answers, preview, paper).

Fields are named ``q<question id>`` (a ranking has one field per option,
``q<question id>_<option id>``). A question with a condition only counts when the condition
is met: it is then validated (and required, if it is), otherwise its answer is dropped.
``answers()`` gives the cleaned answers in the shape ``services.response_submit`` takes.
Build, validate and render the form inside ``languages.in_language(code)`` so that the error
messages are in the respondent's language where a catalogue exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms
from django.utils.translation import gettext_lazy as _

from .languages import Text, smiley_labels
from .models import MAX_TEXT_ANSWER, Question

Kind = Question.Kind


@dataclass
class ChoiceItem:
    value: str
    label: Text
    id: str
    checked: bool


@dataclass
class QuestionView:
    """What a template needs to show one question in one language."""

    question: Question
    number: int
    text: Text
    help: Text
    name: str
    errors: list = field(default_factory=list)
    choices: list[ChoiceItem] = field(default_factory=list)
    value: str = ""
    rank_rows: list = field(default_factory=list)  # (option label, field name, id, value)
    condition: Text | None = None  # "only if you answered … to question n"
    condition_number: int | None = None
    condition_field: str = ""  # the name of the field the condition looks at (survey.js)
    condition_values: str = ""  # option ids that show this question, comma-separated
    low: Text | None = None
    high: Text | None = None

    @property
    def kind(self) -> str:
        return self.question.kind

    @property
    def required(self) -> bool:
        return self.question.is_required

    @property
    def is_fieldset(self) -> bool:
        return self.question.kind not in (Kind.NUMBER, Kind.TEXT)

    @property
    def input_id(self) -> str:
        return f"id_{self.name}"


class SurveyForm(forms.Form):
    """``paper=True``: keying in a paper questionnaire; nothing is required there (people
    leave questions out on paper too), but everything else is checked."""

    def __init__(
        self, *args, survey, questions, language: str, paper: bool = False, quiet=False, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.quiet = quiet  # show the typed answers without checking them (language switch)
        self.survey = survey
        self.questions = list(questions)
        self.language = language
        self.paper = paper
        self.by_id = {q.pk: q for q in self.questions}
        for question in self.questions:
            self._add_fields(question)

    # --- building --------------------------------------------------------------------------

    def _label(self, option) -> str:
        return str(option.label(self.language))

    def _add_fields(self, q: Question) -> None:
        name = f"q{q.pk}"
        options = list(q.options.all()) if q.has_options else []
        if q.kind in (Kind.SINGLE, Kind.DISTRICT):
            self.fields[name] = forms.TypedChoiceField(
                choices=[(o.pk, self._label(o)) for o in options],
                coerce=int,
                required=False,
                widget=forms.RadioSelect,
            )
        elif q.kind in (Kind.MULTIPLE, Kind.AGE):
            self.fields[name] = forms.TypedMultipleChoiceField(
                choices=[(o.pk, self._label(o)) for o in options],
                coerce=int,
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
        elif q.kind in (Kind.RATING, Kind.SMILEY):
            self.fields[name] = forms.TypedChoiceField(
                choices=[(v, str(v)) for v in q.scale_values()],
                coerce=int,
                required=False,
                widget=forms.RadioSelect,
            )
        elif q.kind == Kind.NUMBER:
            self.fields[name] = forms.IntegerField(
                required=False, min_value=q.min_value, max_value=q.max_value
            )
        elif q.kind == Kind.TEXT:
            self.fields[name] = forms.CharField(
                required=False,
                max_length=MAX_TEXT_ANSWER,
                widget=forms.Textarea(attrs={"rows": 4}),
            )
        elif q.kind == Kind.RANKING:
            ranks = [("", "–")] + [(i, str(i)) for i in range(1, len(options) + 1)]
            for option in options:
                self.fields[f"{name}_{option.pk}"] = forms.TypedChoiceField(
                    choices=ranks, coerce=int, required=False, empty_value=None
                )

    # --- conditions ------------------------------------------------------------------------

    def _raw_options(self, q: Question) -> set[int]:
        """The option ids chosen for ``q`` in the submitted data (before cleaning)."""
        name = f"q{q.pk}"
        values = self.data.getlist(name) if hasattr(self.data, "getlist") else self.data.get(name)
        if values is None:
            return set()
        if isinstance(values, (str, int)):
            values = [values]
        return {int(v) for v in values if str(v).isdigit()}

    def applies(self, q: Question, _seen: frozenset = frozenset()) -> bool:
        """Whether ``q`` is asked, given the answers so far (conditions may chain)."""
        if q.condition_question_id is None:
            return True
        parent = self.by_id.get(q.condition_question_id)
        if parent is None or q.pk in _seen:
            return True
        if not self.applies(parent, _seen | {q.pk}):
            return False
        wanted = {o.pk for o in q.condition_options.all()}
        return bool(wanted & self._raw_options(parent)) if wanted else True

    # --- validation ------------------------------------------------------------------------

    def clean(self):
        cleaned = super().clean()
        self.cleaned_answers: dict[int, object] = {}
        for q in self.questions:
            name = f"q{q.pk}"
            if not self.applies(q):
                continue
            if q.kind == Kind.RANKING:
                ranks = {}
                for option in q.options.all():
                    value = cleaned.get(f"{name}_{option.pk}")
                    if value is not None:
                        ranks[option.pk] = value
                if len(set(ranks.values())) != len(ranks):
                    self.add_error(None, self._error(q, _("Please give every rank only once.")))
                    continue
                value = [pk for pk, _rank in sorted(ranks.items(), key=lambda item: item[1])]
            else:
                value = cleaned.get(name)
            empty = value in (None, "", [])
            if empty:
                if q.is_required and not self.paper:
                    self._required_error(q)
                continue
            if q.kind == Kind.TEXT:
                value = value.strip()
                if not value:
                    continue
            self.cleaned_answers[q.pk] = value
        return cleaned

    def _error(self, q: Question, message) -> forms.ValidationError:
        return forms.ValidationError(message, code=f"q{q.pk}")

    def _required_error(self, q: Question) -> None:
        name = f"q{q.pk}"
        message = _("Please answer this question.")
        if name in self.fields:
            self.add_error(name, message)
        else:  # a ranking
            self.add_error(None, self._error(q, message))

    def answers(self) -> dict[int, object]:
        """``{question id: value}`` of the questions answered (after ``is_valid()``)."""
        return dict(self.cleaned_answers)

    # --- showing ---------------------------------------------------------------------------

    def question_views(self) -> list[QuestionView]:
        lang = self.language
        numbers = {q.pk: i for i, q in enumerate(self.questions, start=1)}
        ranking_errors: dict[str, list] = {}
        if self.is_bound and not self.quiet:
            for error in self.non_field_errors().as_data():
                if error.code and error.code.startswith("q"):
                    ranking_errors.setdefault(error.code, []).extend(error.messages)
        views = []
        for q in self.questions:
            name = f"q{q.pk}"
            view = QuestionView(
                question=q,
                number=numbers[q.pk],
                text=q.text(lang),
                help=q.text(lang, "help"),
                name=name,
            )
            if q.kind in (Kind.RATING, Kind.SMILEY):
                view.low, view.high = q.text(lang, "low"), q.text(lang, "high")
            if name in self.fields:
                bound = self[name]
                view.errors = [] if self.quiet else list(bound.errors)
                raw = bound.value()
                chosen = {
                    str(v) for v in (raw if isinstance(raw, list) else [raw]) if v is not None
                }
                view.value = "" if raw is None or isinstance(raw, list) else str(raw)
                if q.has_options:
                    view.choices = [
                        ChoiceItem(
                            str(o.pk), o.label(lang), f"id_{name}_{o.pk}", str(o.pk) in chosen
                        )
                        for o in q.options.all()
                    ]
                elif q.kind in (Kind.RATING, Kind.SMILEY):
                    labels = smiley_labels(lang, q.scale_size) if q.kind == Kind.SMILEY else []
                    view.choices = [
                        ChoiceItem(
                            str(v),
                            Text(labels[v - 1], lang) if labels else Text(str(v), lang),
                            f"id_{name}_{v}",
                            str(v) in chosen,
                        )
                        for v in q.scale_values()
                    ]
            elif q.kind == Kind.RANKING:
                view.errors = ranking_errors.get(name, [])
                for o in q.options.all():
                    field_name = f"{name}_{o.pk}"
                    value = self[field_name].value()
                    view.rank_rows.append(
                        (o.label(lang), field_name, f"id_{field_name}", str(value or ""))
                    )
            if q.condition_question_id and q.condition_question_id in self.by_id:
                parent = self.by_id[q.condition_question_id]
                wanted = {o.pk for o in q.condition_options.all()}
                labels = [str(o.label(lang)) for o in parent.options.all() if o.pk in wanted]
                view.condition_number = numbers[parent.pk]
                view.condition_field = f"q{parent.pk}"
                view.condition_values = ",".join(str(pk) for pk in sorted(wanted))
                view.condition = Text(" / ".join(labels), lang)
            views.append(view)
        return views

    def general_errors(self) -> list[str]:
        """Form-wide errors that belong to no question (shown above the form)."""
        if not self.is_bound or self.quiet:
            return []
        return [
            message
            for error in self.non_field_errors().as_data()
            if not (error.code or "").startswith("q")
            for message in error.messages
        ]
