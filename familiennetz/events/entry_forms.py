"""Workspace form for calendar entries (see directory/entry_forms.py for the pattern)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from familiennetz.directory.entry_forms import FOR_WHOM_FIELDS, TEXTAREA, EntryForm
from familiennetz.directory.models import Category, Language, Location, Offer, Status

from . import occurrences as rec
from .models import Event

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class EventForm(EntryForm):
    status_field = "status"

    class Meta:
        model = Event
        fields = [
            "organisation",
            "offer",
            "title",
            "summary",
            "description",
            "location",
            "online_url",
            "starts_at",
            "ends_at",
            "is_all_day",
            "rrule",
            "skips_school_holidays",
            *FOR_WHOM_FIELDS,
            "event_status",
            "status_note",
            "requires_registration",
            "capacity",
            "has_waiting_list",
            "registration_closes_hours",
            "status",
        ]
        widgets = {
            "description": TEXTAREA,
            "starts_at": DATETIME,
            "ends_at": DATETIME,
            "categories": forms.CheckboxSelectMultiple,
            "languages": forms.CheckboxSelectMultiple,
            "accessibility_notes": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = {"starts_at": forms.DateTimeField, "ends_at": forms.DateTimeField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("starts_at", "ends_at"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"]
        alliance = self.alliance
        self.fields["offer"].queryset = Offer.objects.for_alliance(alliance).order_by("name")
        self.fields["location"].queryset = Location.objects.for_alliance(alliance).order_by("name")
        self.fields["categories"].queryset = Category.objects.for_alliance(alliance).order_by(
            "parent__position", "position", "name"
        )
        self.fields["languages"].queryset = Language.objects.order_by("position", "name_de")
        if "status" in self.fields:
            self.fields["status"].choices = Status.choices

    def clean_rrule(self) -> str:
        try:
            return rec.validate_rrule(self.cleaned_data.get("rrule", ""))
        except rec.RecurrenceError as exc:
            raise forms.ValidationError(str(exc)) from exc

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at < starts_at:
            self.add_error("ends_at", _("An event cannot end before it starts."))
        return cleaned
