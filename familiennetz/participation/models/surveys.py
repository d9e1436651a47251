"""Surveys: needs assessments, project evaluations, event feedback.

Anonymous by design (docs/adr/0800): a ``Response`` has no account, no IP address, no user
agent and no time of day (only the date), and a single-use ``SurveyCode`` is marked used
without any link to the response it allowed. Texts are stored per language in JSON
(``{"de": …, "ar": …}``, languages.py).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from familiennetz.alliances.owned import AllianceOwned, AllianceOwnedQuerySet

from ..languages import Text, pick

MAX_TEXT_ANSWER = 2000  # characters of a free-text answer


class SurveyQuerySet(AllianceOwnedQuerySet):
    def open_now(self, today: dt.date | None = None):
        today = today or timezone.localdate()
        return self.filter(state=Survey.State.OPEN).exclude(closes_on__lt=today)


class Survey(AllianceOwned):
    class Kind(models.TextChoices):
        NEEDS = "needs", _("Needs assessment")
        EVALUATION = "evaluation", _("Project evaluation")
        FEEDBACK = "feedback", _("Event feedback")

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open for answers")
        CLOSED = "closed", _("Closed")

    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="surveys",
        verbose_name=_("alliance"),
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="surveys",
        verbose_name=_("institution"),
        help_text=_("Only for an institution's own survey (e.g. a Kita's parents)."),
    )
    event = models.ForeignKey(
        "events.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="surveys",
        verbose_name=_("evaluated event"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.NEEDS)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("short name in URLs"), max_length=120)
    languages = models.JSONField(_("languages"), default=list)
    texts = models.JSONField(_("texts per language"), default=dict, blank=True)
    state = models.CharField(
        _("status"), max_length=10, choices=State, default=State.DRAFT, db_index=True
    )
    needs_code = models.BooleanField(
        _("only with a single-use code"),
        default=False,
        help_text=_(
            "For a closed group: everybody gets a code (printed sheets with QR codes) and can "
            "answer once. Without codes anybody with the link can answer."
        ),
    )
    is_listed = models.BooleanField(
        _("listed in the public guide"),
        default=True,
        help_text=_("Shown on the guide's survey page while it is open."),
    )
    closes_on = models.DateField(_("answers until"), null=True, blank=True)
    results_published_at = models.DateTimeField(_("results published on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    objects = SurveyQuerySet.as_manager()

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "slug"], name="survey_unique_slug"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "participation:survey-answer",
            kwargs={"alliance_slug": self.alliance.slug, "slug": self.slug},
        )

    def get_results_url(self) -> str:
        return reverse(
            "participation:survey-results",
            kwargs={"alliance_slug": self.alliance.slug, "slug": self.slug},
        )

    @property
    def default_language(self) -> str:
        return self.languages[0] if self.languages else "de"

    def language_or_default(self, code: str | None) -> str:
        return code if code in (self.languages or []) else self.default_language

    def text(self, key: str, code: str) -> Text:
        return pick(self.texts or {}, code, self.default_language, key)

    def accepts_answers(self, today: dt.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.state == self.State.OPEN and (self.closes_on is None or self.closes_on >= today)

    @property
    def results_are_public(self) -> bool:
        return self.results_published_at is not None


class Question(AllianceOwned):
    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        RATING = "rating", _("Rating scale")
        SMILEY = "smiley", _("Smiley scale (child-friendly)")
        RANKING = "ranking", _("Ranking")
        NUMBER = "number", _("Number")
        TEXT = "text", _("Free text")
        DISTRICT = "district", _("District (links answers to the district analysis)")
        AGE = "age", _("Children's ages (the guide's age groups)")

    CHOICE_KINDS = frozenset({Kind.SINGLE, Kind.MULTIPLE, Kind.DISTRICT, Kind.AGE})
    SCALE_KINDS = frozenset({Kind.RATING, Kind.SMILEY})
    # Questions whose answers are categories: charts, filters and cross tables.
    CATEGORICAL_KINDS = CHOICE_KINDS | SCALE_KINDS
    MULTI_ANSWER_KINDS = frozenset({Kind.MULTIPLE, Kind.AGE})

    alliance = models.ForeignKey(
        "alliances.Alliance", on_delete=models.CASCADE, related_name="+", verbose_name=_("alliance")
    )
    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="questions", verbose_name=_("survey")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind, default=Kind.SINGLE)
    # {"de": {"text": …, "help": …, "low": …, "high": …}, "ar": {…}}
    texts = models.JSONField(_("texts per language"), default=dict, blank=True)
    is_required = models.BooleanField(_("answer required"), default=False)
    scale_size = models.PositiveSmallIntegerField(
        _("points on the scale"),
        default=5,
        validators=[MinValueValidator(2), MaxValueValidator(10)],
    )
    min_value = models.IntegerField(_("smallest number"), null=True, blank=True)
    max_value = models.IntegerField(_("largest number"), null=True, blank=True)
    condition_question = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dependants",
        verbose_name=_("only if this question …"),
    )
    condition_options = models.ManyToManyField(
        "participation.Option",
        blank=True,
        related_name="+",
        verbose_name=_("… was answered with"),
    )

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["survey", "position", "pk"]

    def __str__(self) -> str:
        return str(self.text(self.survey.default_language)) if self.survey_id else ""

    def text(self, code: str, key: str = "text") -> Text:
        return pick(self.texts or {}, code, self.survey.default_language, key)

    @property
    def is_categorical(self) -> bool:
        return self.kind in self.CATEGORICAL_KINDS

    @property
    def has_options(self) -> bool:
        return self.kind in self.CHOICE_KINDS or self.kind == self.Kind.RANKING

    @property
    def is_multi(self) -> bool:
        return self.kind in self.MULTI_ANSWER_KINDS

    def scale_values(self) -> list[int]:
        return list(range(1, self.scale_size + 1))


class Option(AllianceOwned):
    """An answer to choose (choice, ranking, district and age questions)."""

    alliance = models.ForeignKey(
        "alliances.Alliance", on_delete=models.CASCADE, related_name="+", verbose_name=_("alliance")
    )
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="options", verbose_name=_("question")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    key = models.SlugField(_("key (in exports)"), max_length=60)
    texts = models.JSONField(_("texts per language"), default=dict, blank=True)
    district = models.ForeignKey(
        "socialspace.District",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("district"),
    )

    class Meta:
        verbose_name = _("answer option")
        verbose_name_plural = _("answer options")
        ordering = ["question", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["question", "key"], name="option_unique_key"),
        ]

    def __str__(self) -> str:
        return str(self.label(self.question.survey.default_language))

    def label(self, code: str) -> Text:
        return pick(self.texts or {}, code, self.question.survey.default_language)


class Response(AllianceOwned):
    """One person's answers. No account, address, browser or time of day (ADR 0800)."""

    class Channel(models.TextChoices):
        ONLINE = "online", _("Online")
        PAPER = "paper", _("Paper (keyed in)")

    # No precise timestamps: a time of day could be matched against a web server's log.
    created_at = None
    updated_at = None

    alliance = models.ForeignKey(
        "alliances.Alliance", on_delete=models.CASCADE, related_name="+", verbose_name=_("alliance")
    )
    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="responses", verbose_name=_("survey")
    )
    submitted_on = models.DateField(_("submitted on"), default=timezone.localdate)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel, default=Channel.ONLINE)
    language = models.CharField(_("language"), max_length=12, default="de")
    district = models.ForeignKey(
        "socialspace.District",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("district"),
        help_text=_("From the survey's district question (for filters and the district map)."),
    )

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        ordering = ["survey", "pk"]
        indexes = [models.Index(fields=["survey", "channel", "language"], name="response_filters")]

    def __str__(self) -> str:
        return f"{self.survey} #{self.pk}"


class Answer(AllianceOwned):
    """One answer of a response: an option (one row per chosen option; for rankings with its
    rank in ``value``), a number or scale point (``value``), or a free text."""

    class TextState(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        HIDDEN = "hidden", _("Hidden (e.g. contains a name)")

    created_at = None
    updated_at = None

    alliance = models.ForeignKey(
        "alliances.Alliance", on_delete=models.CASCADE, related_name="+", verbose_name=_("alliance")
    )
    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="answers", verbose_name=_("response")
    )
    question = models.ForeignKey(
        Question,
        on_delete=models.CASCADE,
        related_name="answers",
        verbose_name=_("question"),
        db_index=False,  # the indexes below start with the question
    )
    option = models.ForeignKey(
        Option,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="answers",
        verbose_name=_("option"),
    )
    value = models.IntegerField(_("value"), null=True, blank=True)
    text = models.TextField(_("text"), blank=True, max_length=MAX_TEXT_ANSWER)
    text_state = models.CharField(
        _("review"), max_length=10, choices=TextState, blank=True, default=""
    )

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["response", "question", "pk"]
        # Covering indexes for the results' grouped counts (selectors/results.py): per option
        # (and rank), per value, and respondents per question (COUNT DISTINCT response).
        indexes = [
            models.Index(fields=["question", "option", "value"], name="answer_question_option"),
            models.Index(fields=["question", "value"], name="answer_question_value"),
            models.Index(fields=["question", "response"], name="answer_question_response"),
        ]


class SurveyCodeBatch(AllianceOwned):
    """A printed sheet of single-use codes (e.g. "Kita Sonnenschein, parents")."""

    alliance = models.ForeignKey(
        "alliances.Alliance", on_delete=models.CASCADE, related_name="+", verbose_name=_("alliance")
    )
    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="code_batches", verbose_name=_("survey")
    )
    label = models.CharField(_("for whom"), max_length=200)

    class Meta:
        verbose_name = _("sheet of codes")
        verbose_name_plural = _("sheets of codes")
        ordering = ["survey", "pk"]

    def __str__(self) -> str:
        return self.label


class SurveyCode(AllianceOwned):
    """A single-use code. Marked used (the date only) when a response is stored; it is never
    linked to that response (ADR 0800)."""

    created_at = None
    updated_at = None

    alliance = models.ForeignKey(
        "alliances.Alliance", on_delete=models.CASCADE, related_name="+", verbose_name=_("alliance")
    )
    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="codes", verbose_name=_("survey")
    )
    batch = models.ForeignKey(
        SurveyCodeBatch, on_delete=models.CASCADE, related_name="codes", verbose_name=_("sheet")
    )
    code = models.CharField(_("code"), max_length=16)
    used_on = models.DateField(_("used on"), null=True, blank=True)

    class Meta:
        verbose_name = _("single-use code")
        verbose_name_plural = _("single-use codes")
        ordering = ["batch", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "code"], name="surveycode_unique_code"),
        ]

    def __str__(self) -> str:
        return self.code
