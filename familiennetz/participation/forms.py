"""Forms of participation: workspace forms (surveys, questions, codes, boards, complaints,
needs) and the public forms of topic boards. Validation only; services do the writing."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from familiennetz.alliances.predicates import access_of
from familiennetz.directory.models import Category as OfferCategory
from familiennetz.directory.models import Location, Organisation
from familiennetz.events.models import Event
from familiennetz.socialspace.models import District

from .languages import SURVEY_LANGUAGES, endonym
from .models import (
    Category,
    Complaint,
    ComplaintProcedure,
    Feeling,
    NeedReport,
    Question,
    Survey,
    Topic,
    TopicBoard,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"]
HONEYPOT = "homepage"


def own_organisations(alliance, user):
    """Institutions a user may pick: all for the coordination, a provider editor's own."""
    access = access_of(user)
    rows = Organisation.objects.for_alliance(alliance).order_by("name")
    if access.edits_all(alliance.pk):
        return rows
    return rows.filter(pk__in=access.provider_organisations(alliance.pk))


class HoneypotMixin(forms.Form):
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT, "").strip())


class InstitutionFieldMixin:
    """An ``organisation`` field limited to what the user may pick; required for provider
    editors (their rows always belong to one of their institutions)."""

    def limit_organisation(self, alliance, user, *, empty_label=None) -> None:
        field = self.fields["organisation"]
        field.queryset = own_organisations(alliance, user)
        if not access_of(user).edits_all(alliance.pk):
            field.required = True
            field.empty_label = None
        elif empty_label is not None:
            field.empty_label = empty_label


# --- surveys -------------------------------------------------------------------------------


class SurveyCreateForm(InstitutionFieldMixin, forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=SURVEY_LANGUAGES,
        initial=["de"],
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The first language ticked is the survey's main language."),
    )

    class Meta:
        model = Survey
        fields = ["title", "kind", "organisation", "event", "languages"]

    def __init__(self, *args, alliance, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_organisation(alliance, user, empty_label=_("the whole network"))
        self.fields["event"].queryset = Event.objects.for_alliance(alliance).order_by("-starts_at")


class SurveySettingsForm(InstitutionFieldMixin, forms.ModelForm):
    """Settings and, per language, title, introduction and thank-you text."""

    languages = SurveyCreateForm.base_fields["languages"]
    TEXT_FIELDS = (
        ("title", _("Title"), forms.TextInput, True),
        ("intro", _("Introduction"), forms.Textarea, False),
        ("thanks", _("Thank-you text"), forms.Textarea, False),
    )

    class Meta:
        model = Survey
        fields = [
            "kind",
            "organisation",
            "event",
            "languages",
            "needs_code",
            "is_listed",
            "closes_on",
        ]
        widgets = {"closes_on": DATE}

    def __init__(self, *args, alliance, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_organisation(alliance, user, empty_label=_("the whole network"))
        self.fields["event"].queryset = Event.objects.for_alliance(alliance).order_by("-starts_at")
        survey = self.instance
        self.text_names = []
        for code in survey.languages:
            for key, label, widget, required in self.TEXT_FIELDS:
                name = f"{key}_{code}"
                is_main = code == survey.default_language
                self.fields[name] = forms.CharField(
                    label=f"{label} ({endonym(code)})",
                    required=required and is_main,
                    max_length=200 if key == "title" else 3000,
                    initial=(survey.texts or {}).get(code, {}).get(key, ""),
                    widget=widget(attrs={"rows": 3, "lang": code})
                    if widget is forms.Textarea
                    else widget(attrs={"lang": code}),
                )
                self.text_names.append(name)

    def texts(self) -> dict:
        out: dict[str, dict] = {}
        for name in self.text_names:
            key, code = name.split("_", 1)
            out.setdefault(code, {})[key] = self.cleaned_data.get(name, "").strip()
        return out


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Question.Kind.choices)
    is_required = forms.BooleanField(label=_("Answer required"), required=False)
    scale_size = forms.TypedChoiceField(
        label=_("Points on the scale"),
        coerce=int,
        choices=[(3, "3"), (4, "4"), (5, "5"), (7, "7"), (10, "10")],
        initial=5,
        help_text=_("Smiley scales have 3 or 5 faces."),
    )
    min_value = forms.IntegerField(label=_("Smallest number"), required=False)
    max_value = forms.IntegerField(label=_("Largest number"), required=False)
    condition_question = forms.ModelChoiceField(
        label=_("Only ask if question …"),
        queryset=Question.objects.none(),
        required=False,
        empty_label=_("always ask"),
    )
    condition_options = forms.MultipleChoiceField(
        label=_("… was answered with"),
        required=False,
        choices=[],
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, survey, question=None, **kwargs):
        self.survey = survey
        self.question = question
        initial = kwargs.pop("initial", None) or {}
        if question is not None:
            initial.update(
                kind=question.kind,
                is_required=question.is_required,
                scale_size=question.scale_size,
                min_value=question.min_value,
                max_value=question.max_value,
                condition_question=question.condition_question_id,
                condition_options=[str(o.pk) for o in question.condition_options.all()],
            )
        super().__init__(*args, initial=initial, **kwargs)
        earlier = (
            survey.questions.select_related("survey")
            .filter(
                kind__in=list(
                    Question.CATEGORICAL_KINDS - {Question.Kind.RATING, Question.Kind.SMILEY}
                )
            )
            .order_by("position")
        )
        if question is not None:
            earlier = earlier.filter(position__lt=question.position)
        self.fields["condition_question"].queryset = earlier
        self.fields["condition_question"].label_from_instance = lambda q: (
            f"{q.position}. {q.text(survey.default_language)}"
        )
        main = survey.default_language
        self.fields["condition_options"].choices = [
            (str(o.pk), f"{q.position}. {o.label(main)}")
            for q in earlier.prefetch_related("options")
            for o in q.options.all()
        ]
        self.language_names: list[tuple[str, list[str]]] = []
        texts = (question.texts if question else {}) or {}
        lines = {}
        if question is not None and question.kind in (
            Question.Kind.SINGLE,
            Question.Kind.MULTIPLE,
            Question.Kind.RANKING,
        ):
            for option in question.options.all():
                for code in survey.languages:
                    lines.setdefault(code, []).append((option.texts or {}).get(code, ""))
        for code in survey.languages:
            is_main = code == main
            lang_texts = texts.get(code, {})
            names = []
            for key, label, required, widget in (
                ("text", _("Question"), is_main, forms.Textarea(attrs={"rows": 2, "lang": code})),
                ("help", _("Note"), False, forms.TextInput(attrs={"lang": code})),
                (
                    "low",
                    _("Label of the lowest point"),
                    False,
                    forms.TextInput(attrs={"lang": code}),
                ),
                (
                    "high",
                    _("Label of the highest point"),
                    False,
                    forms.TextInput(attrs={"lang": code}),
                ),
            ):
                name = f"{key}_{code}"
                self.fields[name] = forms.CharField(
                    label=f"{label} ({endonym(code)})",
                    required=required,
                    max_length=500,
                    initial=lang_texts.get(key, ""),
                    widget=widget,
                )
                names.append(name)
            name = f"options_{code}"
            self.fields[name] = forms.CharField(
                label=_("Answer options (%(language)s), one per line")
                % {"language": endonym(code)},
                required=False,
                initial="\n".join(lines.get(code, [])),
                widget=forms.Textarea(attrs={"rows": 5, "lang": code}),
                help_text=_(
                    "For single and multiple choice and rankings. District and age "
                    "questions fill in their answers themselves."
                ),
            )
            names.append(name)
            self.language_names.append((code, names))

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        main = self.survey.default_language
        listed = kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE, Question.Kind.RANKING)
        if listed and not (cleaned.get(f"options_{main}") or "").strip():
            self.add_error(
                f"options_{main}", _("Please give at least one answer option, one per line.")
            )
        low, high = cleaned.get("min_value"), cleaned.get("max_value")
        if low is not None and high is not None and low > high:
            self.add_error("max_value", _("The largest number is smaller than the smallest."))
        return cleaned

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        texts = {
            code: {
                key: (data.get(f"{key}_{code}") or "").strip()
                for key in ("text", "help", "low", "high")
            }
            for code in self.survey.languages
        }
        option_lines = {
            code: (data.get(f"options_{code}") or "").splitlines() for code in self.survey.languages
        }
        condition = data.get("condition_question")
        chosen = {int(pk) for pk in data.get("condition_options") or []}
        options = [o for o in condition.options.all() if o.pk in chosen] if condition else []
        return {
            "kind": data["kind"],
            "texts": texts,
            "option_lines": option_lines,
            "is_required": data.get("is_required", False),
            "scale_size": data.get("scale_size") or 5,
            "min_value": data.get("min_value"),
            "max_value": data.get("max_value"),
            "condition_question": condition,
            "condition_options": options,
        }


class CodeBatchForm(forms.Form):
    label = forms.CharField(
        label=_("For whom"),
        max_length=200,
        help_text=_("e.g. “Kita Sonnenschein, parents of the Igel group”"),
    )
    count = forms.IntegerField(label=_("Number of codes"), min_value=1, max_value=100, initial=30)


class PaperLanguageForm(forms.Form):
    sprache = forms.ChoiceField(label=_("Language of the questionnaire"), choices=[])

    def __init__(self, *args, survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sprache"].choices = [(c, endonym(c)) for c in survey.languages]


class ResultFilterForm(forms.Form):
    ortsteil = forms.TypedChoiceField(
        label=_("District"), required=False, coerce=int, empty_value=None
    )
    alter = forms.ChoiceField(label=_("Age group"), required=False)
    sprache = forms.ChoiceField(label=_("Language"), required=False)
    kanal = forms.ChoiceField(label=_("Channel"), required=False)
    zeile = forms.TypedChoiceField(
        label=_("Cross table: rows"), required=False, coerce=int, empty_value=None
    )
    spalte = forms.TypedChoiceField(
        label=_("Columns"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, choices: dict, questions, **kwargs):
        super().__init__(*args, **kwargs)
        every = [("", _("all"))]
        self.fields["ortsteil"].choices = every + [(str(k), v) for k, v in choices["districts"]]
        self.fields["alter"].choices = every + choices["ages"]
        self.fields["sprache"].choices = every + [(c, endonym(c)) for c in choices["languages"]]
        self.fields["kanal"].choices = every + choices["channels"]
        categorical = [
            (str(q.pk), f"{i}. {q.text(q.survey.default_language)}"[:80])
            for i, q in enumerate(questions, start=1)
            if q.is_categorical
        ]
        self.fields["zeile"].choices = [("", _("none")), *categorical]
        self.fields["spalte"].choices = [("", _("none")), *categorical]
        if not choices["districts"]:
            del self.fields["ortsteil"]
        if not choices["ages"]:
            del self.fields["alter"]
        if len(choices["languages"]) < 2:
            del self.fields["sprache"]


# --- topic boards ----------------------------------------------------------------------------


class BoardForm(InstitutionFieldMixin, forms.ModelForm):
    class Meta:
        model = TopicBoard
        fields = ["title", "organisation", "description", "is_open"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, alliance, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_organisation(alliance, user, empty_label=_("the whole network"))


class TopicProposalForm(HoneypotMixin):
    title = forms.CharField(label=_("Topic"), max_length=150)
    description = forms.CharField(
        label=_("What should the evening be about? (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Please do not write names or anything about a particular family."),
    )
    email = forms.EmailField(
        label=_("Your e-mail address (optional)"),
        required=False,
        help_text=_(
            "Only if you want to hear when the topic becomes a parents' evening. We delete it "
            "once we have told you, at the latest after six months."
        ),
    )
    field_order = ["title", "description", "email", HONEYPOT]


class TopicSupportForm(HoneypotMixin):
    topic = forms.IntegerField(widget=forms.HiddenInput)
    email = forms.EmailField(
        label=_("E-mail address, if you want to hear about it (optional)"), required=False
    )


class TopicModerationForm(forms.Form):
    state = forms.ChoiceField(
        choices=[(Topic.State.VISIBLE, ""), (Topic.State.REJECTED, ""), (Topic.State.PROPOSED, "")]
    )


class TopicScheduleForm(forms.Form):
    title = forms.CharField(label=_("Title of the evening"), max_length=300)
    organisation = forms.ModelChoiceField(
        label=_("Organiser"), queryset=Organisation.objects.none()
    )
    starts_at = forms.DateTimeField(
        label=_("Starts at"), widget=DATETIME, input_formats=DATETIME_FORMATS
    )
    ends_at = forms.DateTimeField(
        label=_("Ends at"), widget=DATETIME, input_formats=DATETIME_FORMATS, required=False
    )
    location = forms.ModelChoiceField(
        label=_("Place"), queryset=Location.objects.none(), required=False
    )
    capacity = forms.IntegerField(label=_("Places"), min_value=1, required=False, initial=40)
    summary = forms.CharField(
        label=_("Short description"),
        max_length=400,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, alliance, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = own_organisations(alliance, user)
        self.fields["location"].queryset = Location.objects.for_alliance(alliance).order_by("name")

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends < starts:
            self.add_error("ends_at", _("An event cannot end before it starts."))
        return cleaned


# --- complaints ------------------------------------------------------------------------------


class ProcedureForm(InstitutionFieldMixin, forms.ModelForm):
    categories = forms.MultipleChoiceField(
        label=_("Categories"),
        choices=Category.choices,
        initial=Category.values,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = ComplaintProcedure
        fields = ["organisation", "title", "description", "steps", "categories", "is_template"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "steps": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, alliance, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_organisation(alliance, user, empty_label=_("none: a template of the network"))
        if self.instance.pk:
            del self.fields["organisation"]


class ComplaintForm(forms.ModelForm):
    """Staff write down a child's complaint (no names)."""

    wants_talk = forms.TypedChoiceField(
        label=_("Does the child want to talk to an adult about it?"),
        choices=[("", _("not asked")), ("yes", _("yes")), ("no", _("no"))],
        coerce=lambda value: {"yes": True, "no": False}.get(value),
        empty_value=None,
        required=False,
    )

    class Meta:
        model = Complaint
        fields = ["procedure", "category", "feeling", "wants_talk", "summary", "received_on"]
        widgets = {
            "received_on": DATE,
            "summary": forms.Textarea(attrs={"rows": 4}),
            "category": forms.RadioSelect,
        }

    def __init__(self, *args, procedures, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["procedure"].queryset = procedures
        self.fields["procedure"].label = _("Institution")
        self.fields["procedure"].label_from_instance = lambda p: str(p.organisation)
        self.fields["procedure"].empty_label = None
        self.fields["feeling"].choices = [("", _("not said")), *Feeling.choices]


class ComplaintHandleForm(forms.Form):
    state = forms.ChoiceField(label=_("Status"), choices=Complaint.State.choices)
    answer = forms.CharField(
        label=_("Answer given to the child"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What changes, or why it stays as it is – as the child was told."),
    )


# --- needs -----------------------------------------------------------------------------------


class NeedForm(InstitutionFieldMixin, forms.ModelForm):
    class Meta:
        model = NeedReport
        fields = [
            "topic",
            "description",
            "organisation",
            "category",
            "age_band",
            "district",
            "families",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, alliance, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_organisation(alliance, user, empty_label=_("none"))
        self.fields["category"].queryset = OfferCategory.objects.for_alliance(alliance).order_by(
            "parent__position", "position", "name"
        )
        self.fields["district"].queryset = District.objects.for_alliance(alliance).order_by("name")
        self.fields["age_band"].choices = [("", _("all ages")), *NeedReport.AGE_CHOICES]


class NeedAnswerForm(forms.ModelForm):
    class Meta:
        model = NeedReport
        fields = ["state", "answer", "surveys"]
        widgets = {
            "answer": forms.Textarea(attrs={"rows": 4}),
            "surveys": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, alliance, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["surveys"].queryset = Survey.objects.for_alliance(alliance).order_by("title")

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("state") == NeedReport.State.ANSWERED
            and not (cleaned.get("answer") or "").strip()
        ):
            self.add_error("answer", _("Please write the answer of the network."))
        return cleaned
