"""Forms of the network's care work: input validation only (``care_services`` decides)."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .anonymity import validate_no_personal_data
from .models import NOTE_MAX_LENGTH, CaseConsultation, ContactPerson, Partner, Sector

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
SCALE = [(n, str(n)) for n in range(1, 6)]


class PartnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.organisation.name


class ContactChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        function = f", {obj.function}" if obj.function else ""
        return f"{obj.name}{function} ({obj.partner.organisation.name})"


class ConsultationForm(forms.ModelForm):
    """An anonymous case consultation. ``own_partners``: the partners a provider editor may
    record for (``None``: any partner, for the coordination)."""

    requesting_partner = PartnerChoiceField(label=_("Requesting partner"), queryset=None)
    counsellor_partner = PartnerChoiceField(
        label=_("Counselling partner"),
        queryset=None,
        help_text=_("The youth welfare office (ASD) or the experienced professional (§ 8b)."),
    )
    note = forms.CharField(
        label=_("Short note (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": NOTE_MAX_LENGTH}),
        validators=[validate_no_personal_data],
        help_text=_(
            "At most 300 characters. No names, initials, addresses, dates of birth, phone "
            "numbers or e-mail addresses: nothing that identifies the family."
        ),
    )

    class Meta:
        model = CaseConsultation
        fields = [
            "consulted_on",
            "requesting_partner",
            "counsellor_partner",
            "topic",
            "outcome",
            "needs_follow_up",
            "note",
        ]
        widgets = {"consulted_on": DATE}

    def __init__(self, *args, alliance, own_partners=None, **kwargs):
        super().__init__(*args, **kwargs)
        partners = (
            Partner.objects.filter(alliance=alliance, left_on=None)
            .select_related("organisation")
            .order_by("organisation__name")
        )
        requesting = partners if own_partners is None else partners.filter(pk__in=own_partners)
        self.fields["requesting_partner"].queryset = requesting
        self.fields["counsellor_partner"].queryset = partners
        if own_partners is not None and len(own_partners) == 1 and not self.is_bound:
            self.initial.setdefault("requesting_partner", next(iter(own_partners)))
        self.fields["consulted_on"].input_formats = ["%Y-%m-%d", "%d.%m.%Y"]
        if not self.is_bound and self.instance.pk is None:
            self.initial.setdefault("consulted_on", timezone.localdate())

    def clean(self):
        data = super().clean()
        consulted_on = data.get("consulted_on")
        if consulted_on and consulted_on > timezone.localdate():
            self.add_error("consulted_on", _("The date lies in the future."))
        requesting, counsellor = data.get("requesting_partner"), data.get("counsellor_partner")
        if requesting is not None and requesting == counsellor:
            self.add_error(
                "counsellor_partner",
                _("The counselling partner must be another partner than the requesting one."),
            )
        return data


class MatrixSectorForm(forms.Form):
    """Which sector's partners are the rows of the contact matrix."""

    sector = forms.ModelChoiceField(label=_("Partners of the sector"), queryset=None)

    def __init__(self, *args, alliance, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].queryset = Sector.objects.filter(alliance=alliance)


class MatrixRowForm(forms.Form):
    """One partner's named contacts: one choice per column (empty: a gap)."""

    def __init__(self, *args, alliance, partner, columns, current, **kwargs):
        super().__init__(*args, **kwargs)
        self.columns = columns
        contacts = (
            ContactPerson.objects.filter(alliance=alliance, is_active=True, partner__left_on=None)
            .exclude(partner=partner)
            .select_related("partner__organisation")
            .order_by("partner__organisation__name", "name")
        )
        for column in columns:
            name = f"column_{column.key}"
            self.fields[name] = ContactChoiceField(
                label=column.label,
                queryset=contacts.filter(partner__sector__in=column.sector_ids),
                required=False,
                empty_label=_("– nobody named yet –"),
            )
            entry = current.get(column.key)
            if entry is not None:
                self.initial[name] = entry.contact_id

    def chosen(self):
        return [(column, self.cleaned_data.get(f"column_{column.key}")) for column in self.columns]


class StakeholderForm(forms.Form):
    relevance = forms.TypedChoiceField(
        label=_("Relevance for the network"), choices=SCALE, coerce=int
    )
    influence = forms.TypedChoiceField(label=_("Influence"), choices=SCALE, coerce=int)
    interest = forms.TypedChoiceField(
        label=_("Interest (optional)"),
        choices=[("", "–"), *SCALE],
        coerce=int,
        required=False,
        empty_value=None,
    )
