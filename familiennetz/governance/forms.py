"""Forms of governance: input validation only (services do the rest)."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from familiennetz.accounts.models import User
from familiennetz.directory.models import Location, Organisation
from familiennetz.events import occurrences as rec
from familiennetz.events.models import Event
from familiennetz.network.models import ContactPerson, Partner

from . import evaluation
from .models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Body,
    BodyMembership,
    BudgetLine,
    BudgetPot,
    Document,
    Meeting,
    ProfessionalEvent,
    Project,
    ProjectIndicator,
    QualityCriterion,
    QualityDimension,
    Room,
)
from .models.quality import SCORE_MAX, SCORE_MIN

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"]
DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]


def contacts_of(alliance):
    return (
        ContactPerson.objects.filter(alliance=alliance, is_active=True)
        .select_related("partner__organisation")
        .order_by("name")
    )


class ContactChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.partner.organisation.name})"


class AllianceForm(forms.ModelForm):
    """A ModelForm whose choice fields list rows of ``alliance`` only."""

    def __init__(self, *args, alliance, **kwargs):
        self.alliance = alliance
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, forms.DateTimeInput):
                field.input_formats = DATETIME_FORMATS
            elif isinstance(field.widget, forms.DateInput):
                field.input_formats = DATE_FORMATS


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(d, initial) for d in data if d]
        return [super().clean(data, initial)] if data else []


# --- bodies --------------------------------------------------------------------------------


class BodyForm(AllianceForm):
    class Meta:
        model = Body
        fields = ["name", "kind", "description", "is_open", "is_active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class MembershipForm(forms.Form):
    contact = ContactChoiceField(label=_("Contact person"), queryset=ContactPerson.objects.none())
    role = forms.ChoiceField(label=_("Role in the body"), choices=BodyMembership.Role.choices)
    label = forms.CharField(
        label=_("Represents"),
        required=False,
        max_length=200,
        help_text=_("E.g. “parents' representative of Kita Sonnenschein”. No private details."),
    )
    joined_on = forms.DateField(label=_("Member since"), required=False, widget=DATE)
    left_on = forms.DateField(label=_("Left on"), required=False, widget=DATE)
    user = forms.ModelChoiceField(
        label=_("Workspace account"),
        required=False,
        queryset=User.objects.none(),
        help_text=_("Links the person to a login: “my actions”, meeting feed, editing rights."),
    )

    def __init__(self, *args, alliance, **kwargs):
        super().__init__(*args, **kwargs)
        # Another alliance's person is "not a valid choice" on this field (and the service
        # refuses it too).
        self.fields["contact"].queryset = contacts_of(alliance)
        self.fields["user"].queryset = User.objects.filter(
            memberships__alliance=alliance, is_active=True
        ).order_by("email")
        for name in ("joined_on", "left_on"):
            self.fields[name].input_formats = DATE_FORMATS


# --- meetings ------------------------------------------------------------------------------


REPEAT_CHOICES = [
    ("", _("does not repeat")),
    ("FREQ=WEEKLY", _("every week")),
    ("FREQ=WEEKLY;INTERVAL=2", _("every other week")),
    ("FREQ=MONTHLY", _("every month on the same day")),
    ("monthly-weekday", _("every month on the same weekday (e.g. 2nd Thursday)")),
    ("custom", _("own rule (RFC 5545)")),
]


class MeetingForm(AllianceForm):
    repeat = forms.ChoiceField(label=_("Repeats"), choices=REPEAT_CHOICES, required=False)
    rrule = forms.CharField(
        label=_("Own rule"),
        required=False,
        max_length=300,
        help_text=_("For example FREQ=MONTHLY;BYDAY=2TH (every second Thursday)."),
    )

    class Meta:
        model = Meeting
        fields = ["body", "title", "starts_at", "ends_at", "place", "video_url"]
        widgets = {"starts_at": DATETIME, "ends_at": DATETIME}
        field_classes = {"starts_at": forms.DateTimeField, "ends_at": forms.DateTimeField}

    video_url = forms.URLField(label=_("Video link"), required=False, assume_scheme="https")

    def __init__(self, *args, bodies=None, recurring: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies if bodies is not None else Body.objects.none()
        if not recurring:
            del self.fields["repeat"]
            del self.fields["rrule"]

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("A meeting has to end after it starts."))
        repeat = cleaned.get("repeat")
        if repeat == "custom":
            try:
                cleaned["rule"] = rec.normalise_rrule(cleaned.get("rrule", ""))
            except rec.RecurrenceError as exc:
                self.add_error("rrule", str(exc))
            if not cleaned.get("rrule"):
                self.add_error("rrule", _("Enter a rule such as FREQ=WEEKLY;BYDAY=TU."))
        elif repeat == "monthly-weekday" and starts_at:
            local = timezone.localtime(starts_at)
            nth = (local.day - 1) // 7 + 1
            code = rec_weekday(local.weekday())
            cleaned["rule"] = f"FREQ=MONTHLY;BYDAY={nth if nth < 5 else -1}{code}"
        else:
            cleaned["rule"] = repeat or ""
        return cleaned


def rec_weekday(index: int) -> str:
    return ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][index]


class MeetingStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Meeting.Status.choices)


class AgendaItemForm(forms.ModelForm):
    files = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_("PDF, Word, Excel, OpenDocument, text or pictures; at most 10 MB each."),
    )

    class Meta:
        model = AgendaItem
        fields = ["title", "description", "owner", "minutes", "outcome"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}
        field_classes = {"owner": ContactChoiceField}

    def __init__(self, *args, alliance, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = contacts_of(alliance)


class AttendanceForm(forms.Form):
    """One select per member of the body (dynamic fields ``c<contact id>``)."""

    def __init__(self, *args, members, existing: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = members
        choices = [("", _("not recorded")), *Attendance.Status.choices]
        for membership in members:
            contact = membership.contact
            self.fields[f"c{contact.pk}"] = forms.ChoiceField(
                label=f"{contact.name} ({contact.partner.organisation.name})",
                choices=choices,
                required=False,
                initial=existing.get(contact.pk, ""),
            )

    def statuses(self) -> dict:
        return {m.contact: self.cleaned_data.get(f"c{m.contact.pk}", "") for m in self.members}


class MinutesForm(forms.Form):
    text = forms.CharField(
        label=_("Minutes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_("Markdown: ## heading, **bold**, - list. HTML is not shown."),
    )
    reason = forms.CharField(
        label=_("Reason for the amendment"),
        required=False,
        max_length=300,
        help_text=_("Approved minutes: say what changes and why (kept in the history)."),
    )


class DecisionForm(forms.Form):
    text = forms.CharField(
        label=_("Decision"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class NewActionForm(forms.Form):
    title = forms.CharField(label=_("Action"), required=False, max_length=300)
    owner = ContactChoiceField(
        label=_("Owner"), required=False, queryset=ContactPerson.objects.none()
    )
    due_on = forms.DateField(label=_("Due on"), required=False, widget=DATE)

    def __init__(self, *args, alliance, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = contacts_of(alliance)
        self.fields["due_on"].input_formats = DATE_FORMATS

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("owner") or cleaned.get("due_on")) and not cleaned.get("title"):
            self.add_error("title", _("Describe the action."))
        return cleaned


DecisionFormSet = forms.formset_factory(DecisionForm, extra=2)
NewActionFormSet = forms.formset_factory(NewActionForm, extra=3)


class ActionForm(AllianceForm):
    class Meta:
        model = ActionItem
        fields = ["title", "description", "owner", "due_on", "status", "project"]
        widgets = {"due_on": DATE, "description": forms.Textarea(attrs={"rows": 3})}
        field_classes = {"owner": ContactChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = contacts_of(self.alliance)
        self.fields["project"].queryset = Project.objects.filter(alliance=self.alliance)


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionItem.Status.choices)


class DecisionSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    jahr = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)


# --- projects ------------------------------------------------------------------------------


class ProjectForm(AllianceForm):
    evaluation = forms.ChoiceField(label=_("Evaluation survey"), required=False)

    class Meta:
        model = Project
        fields = [
            "title",
            "goal",
            "description",
            "status",
            "body",
            "lead",
            "starts_on",
            "ends_on",
            "partners",
            "events",
        ]
        widgets = {
            "goal": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 4}),
            "starts_on": DATE,
            "ends_on": DATE,
            "partners": forms.CheckboxSelectMultiple,
        }
        field_classes = {"lead": ContactChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        alliance = self.alliance
        self.fields["body"].queryset = Body.objects.filter(alliance=alliance)
        self.fields["lead"].queryset = contacts_of(alliance)
        self.fields["partners"].queryset = Partner.objects.filter(alliance=alliance).select_related(
            "organisation"
        )
        self.fields["events"].queryset = Event.objects.filter(alliance=alliance).order_by(
            "-starts_at"
        )
        self.fields["events"].required = False
        choices = evaluation.choices(alliance)
        if choices:
            self.fields["evaluation"].choices = [("", _("none")), *choices]
            if self.instance.evaluation_source:
                self.initial["evaluation"] = (
                    f"{self.instance.evaluation_source}:{self.instance.evaluation_ref}"
                )
        else:
            del self.fields["evaluation"]

    def values(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        if "evaluation" in self.fields:
            source, _sep, ref = (self.cleaned_data.get("evaluation") or "").partition(":")
            data["evaluation_source"], data["evaluation_ref"] = source, ref
        return data


class GoalForm(forms.Form):
    text = forms.CharField(label=_("Goal"), max_length=300)


class IndicatorForm(forms.Form):
    goal = forms.ModelChoiceField(label=_("Goal"), queryset=None)
    name = forms.CharField(label=_("Indicator"), max_length=300)
    unit = forms.CharField(label=_("Unit"), max_length=40, required=False)
    target = forms.DecimalField(label=_("Target"), required=False, max_digits=12, decimal_places=2)

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = project.goals.all()


class ResultForm(forms.Form):
    indicator = forms.ModelChoiceField(label=_("Indicator"), queryset=None)
    measured_on = forms.DateField(label=_("Measured on"), widget=DATE, input_formats=DATE_FORMATS)
    value = forms.DecimalField(label=_("Result"), max_digits=12, decimal_places=2)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = ProjectIndicator.objects.filter(goal__project=project)


class TaskForm(forms.Form):
    title = forms.CharField(label=_("Task"), max_length=300)
    owner = ContactChoiceField(label=_("Owner"), required=False, queryset=None)
    due_on = forms.DateField(
        label=_("Due on"), required=False, widget=DATE, input_formats=DATE_FORMATS
    )

    def __init__(self, *args, alliance, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = contacts_of(alliance)


class BudgetLineForm(AllianceForm):
    class Meta:
        model = BudgetLine
        fields = ["kind", "label", "planned", "actual", "pot"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pot"].queryset = BudgetPot.objects.filter(alliance=self.alliance)
        self.fields["pot"].label_from_instance = lambda pot: pot.name


# --- rooms ---------------------------------------------------------------------------------


class RoomForm(AllianceForm):
    class Meta:
        model = Room
        fields = [
            "name",
            "kind",
            "organisation",
            "location",
            "capacity",
            "is_wheelchair_accessible",
            "accessibility_notes",
            "rules",
            "requires_approval",
            "is_active",
        ]
        widgets = {"rules": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            alliance=self.alliance
        ).order_by("name")
        self.fields["location"].queryset = Location.objects.filter(alliance=self.alliance).order_by(
            "name"
        )


class BookingForm(forms.Form):
    starts_at = forms.DateTimeField(
        label=_("From"), widget=DATETIME, input_formats=DATETIME_FORMATS
    )
    ends_at = forms.DateTimeField(label=_("Until"), widget=DATETIME, input_formats=DATETIME_FORMATS)
    title = forms.CharField(label=_("Purpose"), max_length=200)
    organisation = forms.ModelChoiceField(
        label=_("For"), required=False, queryset=Organisation.objects.none()
    )
    project = forms.ModelChoiceField(label=_("Project"), required=False, queryset=None)

    def __init__(self, *args, alliance, user_organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.filter(alliance=alliance).order_by("name")
        if user_organisations is not None:
            organisations = organisations.filter(pk__in=user_organisations)
        self.fields["organisation"].queryset = organisations
        self.fields["project"].queryset = Project.objects.filter(alliance=alliance)

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("A booking has to end after it starts."))
        return cleaned


# --- budgets -------------------------------------------------------------------------------


class PotForm(AllianceForm):
    class Meta:
        model = BudgetPot
        fields = [
            "name",
            "funder",
            "funding_reference",
            "starts_on",
            "ends_on",
            "description",
            "warn_at_percent",
        ]
        widgets = {
            "starts_on": DATE,
            "ends_on": DATE,
            "description": forms.Textarea(attrs={"rows": 3}),
        }


class ContributionForm(forms.Form):
    partner = forms.ModelChoiceField(label=_("Partner"), required=False, queryset=None)
    source = forms.CharField(
        label=_("Or other source"), required=False, max_length=200, help_text=_("E.g. the funder.")
    )
    amount = forms.DecimalField(label=_("Amount (€)"), max_digits=12, decimal_places=2)
    received_on = forms.DateField(
        label=_("Received on"), required=False, widget=DATE, input_formats=DATE_FORMATS
    )

    def __init__(self, *args, alliance, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = Partner.objects.filter(alliance=alliance).select_related(
            "organisation"
        )


# --- quality -------------------------------------------------------------------------------

SCORE_CHOICES = [("", _("cannot judge"))] + [
    (str(n), str(n)) for n in range(SCORE_MIN, SCORE_MAX + 1)
]


class RatingsForm(forms.Form):
    """Score and comment per criterion: fields ``s<id>`` and ``n<id>``."""

    def __init__(self, *args, criteria, existing: dict, required: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            score, note = existing.get(criterion.pk, (None, ""))
            self.fields[f"s{criterion.pk}"] = forms.TypedChoiceField(
                label=criterion.text,
                choices=SCORE_CHOICES if not required else SCORE_CHOICES[1:],
                coerce=int,
                empty_value=None,
                required=required,
                initial="" if score is None else str(score),
                widget=forms.RadioSelect,
            )
            self.fields[f"n{criterion.pk}"] = forms.CharField(
                label=_("Comment on: %(criterion)s") % {"criterion": criterion.text},
                required=False,
                max_length=500,
                initial=note,
            )

    def rows(self):
        for criterion in self.criteria:
            yield criterion, self[f"s{criterion.pk}"], self[f"n{criterion.pk}"]

    def scores(self) -> dict:
        return {
            c: (self.cleaned_data.get(f"s{c.pk}"), self.cleaned_data.get(f"n{c.pk}", ""))
            for c in self.criteria
        }


class CriterionForm(AllianceForm):
    class Meta:
        model = QualityCriterion
        fields = ["dimension", "text", "position", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dimension"].queryset = QualityDimension.objects.filter(alliance=self.alliance)


class AssessmentOpenForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)


# --- professionals ---------------------------------------------------------------------------


class ProEventForm(AllianceForm):
    class Meta:
        model = ProfessionalEvent
        fields = [
            "title",
            "kind",
            "description",
            "starts_at",
            "ends_at",
            "place",
            "capacity",
            "project",
        ]
        widgets = {
            "starts_at": DATETIME,
            "ends_at": DATETIME,
            "description": forms.Textarea(attrs={"rows": 4}),
        }
        field_classes = {"starts_at": forms.DateTimeField, "ends_at": forms.DateTimeField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = Project.objects.filter(alliance=self.alliance)


class DocumentForm(AllianceForm):
    file = forms.FileField(
        label=_("File"), help_text=_("PDF, Word, Excel, OpenDocument or text; at most 20 MB.")
    )
    note = forms.CharField(label=_("What changed"), required=False, max_length=300)

    class Meta:
        model = Document
        fields = ["title", "description", "body", "organisation"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = Body.objects.filter(alliance=self.alliance)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            alliance=self.alliance
        ).order_by("name")


class VersionForm(forms.Form):
    file = forms.FileField(
        label=_("New version"),
        help_text=_("PDF, Word, Excel, OpenDocument or text; at most 20 MB."),
    )
    note = forms.CharField(label=_("What changed"), max_length=300)


class AnnouncementForm(forms.Form):
    title = forms.CharField(label=_("Subject"), max_length=200)
    text = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Markdown: **bold**, - list. Sent as plain text."),
    )
    body = forms.ModelChoiceField(
        label=_("To the members of"),
        required=False,
        queryset=None,
        empty_label=_("everybody in the network's workspace"),
    )

    def __init__(self, *args, alliance, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = Body.objects.filter(alliance=alliance)
