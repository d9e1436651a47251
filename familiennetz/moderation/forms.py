"""Public suggestion and error-report forms (no account) and the review decision form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

HONEYPOT = "homepage"  # a field people never see; bots fill it in


class HoneypotForm(forms.Form):
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT, "").strip())


class ContactFields(forms.Form):
    contact_name = forms.CharField(label=_("Your name (optional)"), max_length=200, required=False)
    contact_email = forms.EmailField(
        label=_("Your e-mail address (optional)"),
        required=False,
        help_text=_(
            "Only if you would like an answer. We delete it at the latest three months after "
            "we have dealt with your message."
        ),
    )


class SuggestionForm(HoneypotForm, ContactFields):
    name = forms.CharField(label=_("Name of the offer or event"), max_length=300)
    organisation = forms.CharField(label=_("Who offers it?"), max_length=300, required=False)
    summary = forms.CharField(
        label=_("What is it about?"), max_length=400, widget=forms.Textarea(attrs={"rows": 3})
    )
    when_where = forms.CharField(
        label=_("When and where?"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    website = forms.URLField(label=_("Website (optional)"), required=False, assume_scheme="https")
    email = forms.EmailField(label=_("Contact e-mail of the offer (optional)"), required=False)
    phone = forms.CharField(
        label=_("Contact phone of the offer (optional)"), max_length=50, required=False
    )
    field_order = [
        "name",
        "organisation",
        "summary",
        "when_where",
        "website",
        "email",
        "phone",
        "contact_name",
        "contact_email",
        "homepage",
    ]

    def payload(self) -> dict:
        data = self.cleaned_data
        description = "\n\n".join(
            part for part in [data["summary"], data.get("when_where", "")] if part
        )
        return {
            "name": data["name"],
            "organisation": data.get("organisation", ""),
            "summary": data["summary"][:400],
            "description": description,
            "when_where": data.get("when_where", ""),
            "website": data.get("website", ""),
            "email": data.get("email", ""),
            "phone": data.get("phone", ""),
        }


class ReportForm(HoneypotForm):
    message = forms.CharField(
        label=_("What is not right?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("For example: new opening hours, a new address, the offer has ended."),
    )
    contact_email = ContactFields.base_fields["contact_email"]
    field_order = ["message", "contact_email", "homepage"]


class DecisionForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the author (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
