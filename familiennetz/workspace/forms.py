"""Forms of the shell's own pages: members, invitations and the alliance's settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.utils.translation import gettext_lazy as _

from familiennetz.alliances.config import AllianceConfig, ExpiredAction, PublicationWorkflow
from familiennetz.alliances.models import Membership, Role


def organisations_of(alliance):
    """The organisations a provider editor can be given (the model Membership points to)."""
    model = Membership._meta.get_field("organisations").related_model
    return model._default_manager.filter(alliance=alliance).order_by("name")


if TYPE_CHECKING:
    _FormBase = forms.Form
else:
    _FormBase = object


class _OrganisationsMixin(_FormBase):
    def _limit_organisations(self, alliance):
        field = self.fields["organisations"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = organisations_of(alliance)

    def clean(self):
        cleaned = super().clean() or {}
        if cleaned.get("role") == Role.PROVIDER and not cleaned.get("organisations"):
            self.add_error("organisations", _("A provider editor needs at least one organisation."))
        return cleaned


class InvitationForm(_OrganisationsMixin, forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.PROVIDER)
    organisations = forms.ModelMultipleChoiceField(
        label=_("Organisations (for provider editors)"),
        queryset=Membership.objects.none(),  # replaced by the alliance's organisations
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, alliance, **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_organisations(alliance)


class MembershipForm(_OrganisationsMixin, forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["role", "organisations"]
        widgets = {"organisations": forms.CheckboxSelectMultiple}

    def __init__(self, *args, alliance, **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_organisations(alliance)


class AllianceSettingsForm(forms.Form):
    review_cycle_days = forms.IntegerField(
        label=_("Review cycle (days)"),
        min_value=30,
        max_value=1095,
        help_text=_("After this many days an entry counts as due for review (365 = 12 months)."),
    )
    publication_workflow = forms.ChoiceField(
        label=_("Changes by provider editors"),
        choices=PublicationWorkflow.choices,
        widget=forms.RadioSelect,
    )
    second_reminder_after_days = forms.IntegerField(
        label=_("Second reminder after (days)"), min_value=1, max_value=180
    )
    escalation_after_days = forms.IntegerField(
        label=_("Tell the coordination after the second reminder (days)"),
        min_value=1,
        max_value=180,
    )
    grace_days = forms.IntegerField(
        label=_("Grace period after the entry became due (days)"), min_value=0, max_value=365
    )
    expired_action = forms.ChoiceField(
        label=_("After the grace period"), choices=ExpiredAction.choices, widget=forms.RadioSelect
    )
    require_two_factor = forms.BooleanField(
        label=_("Require two-factor authentication for coordinators and provider editors"),
        required=False,
        help_text=_("They see personal data (participant lists, e-mail addresses)."),
    )

    @classmethod
    def for_config(cls, config: AllianceConfig, data=None):
        return cls(data, initial=config.as_settings())
