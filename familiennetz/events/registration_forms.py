"""The public sign-up form for one date of an event. Validates input only (STYLE.md §7)."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import Registration

HONEYPOT_FIELD = "website"
MAX_PER_GROUP = 20  # matches the model validators of adults and children


class RegistrationForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=Registration._meta.get_field("name").max_length,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("We send you a link to confirm your registration."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    adults = forms.IntegerField(label=_("Adults"), min_value=0, max_value=MAX_PER_GROUP, initial=1)
    children = forms.IntegerField(
        label=_("Children"), min_value=0, max_value=MAX_PER_GROUP, initial=0
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=Registration._meta.get_field("note").max_length,
        help_text=_("For example the ages of the children. Please no health information."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    # Honeypot: hidden from people (CSS + aria-hidden), filled in by naive bots.
    website = forms.CharField(
        label=_("Please leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    privacy = forms.BooleanField(label=_("Consent to data processing"), required=True)

    def __init__(self, *args, max_places: int | None = None, **kwargs):
        kwargs.setdefault("auto_id", "registration-%s")
        super().__init__(*args, **kwargs)
        self.max_places = max_places
        self.retention_days = settings.REGISTRATION_RETENTION_DAYS
        self.fields["privacy"].error_messages["required"] = _(
            "Please agree to the processing of your details for this registration."
        )

    @property
    def is_bot(self) -> bool:
        """True if the honeypot field was filled in."""
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())

    @property
    def fields_with_errors(self):
        """Bound fields with errors, in form order, for the error summary at the top."""
        return [bound for bound in self if bound.errors]

    def clean(self):
        cleaned = super().clean()
        adults, children = cleaned.get("adults"), cleaned.get("children")
        if adults is None or children is None:
            return cleaned
        places = adults + children
        if places < 1:
            self.add_error("adults", _("Please register at least one person."))
        elif self.max_places is not None and places > self.max_places:
            self.add_error(
                "adults",
                ngettext(
                    "Only %(count)d place is available. Please register fewer people.",
                    "Only %(count)d places are available. Please register fewer people.",
                    self.max_places,
                )
                % {"count": self.max_places},
            )
        return cleaned
