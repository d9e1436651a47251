"""Forms of the network area: input validation only (services do the rest)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from familiennetz.directory.models import Organisation

from .models import ContactPerson, Contribution, Partner, Sector, Tie

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]


class PartnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.organisation.name


class PartnerFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    sektor = forms.ModelChoiceField(
        label=_("Sector"), required=False, queryset=Sector.objects.none(), empty_label=_("all")
    )
    rolle = forms.ChoiceField(label=_("Role"), required=False)

    def __init__(self, *args, alliance, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sektor"].queryset = Sector.objects.filter(alliance=alliance)
        self.fields["rolle"].choices = [("", _("all")), *Partner.Role.choices]


class PartnerForm(forms.ModelForm):
    """The partner record. A provider editor gets it without the network's decisions
    (role, membership dates) and without the organisation."""

    class Meta:
        model = Partner
        fields = ["organisation", "sector", "role", "member_since", "left_on", "notes"]
        widgets = {
            "member_since": DATE,
            "left_on": DATE,
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, alliance, restricted: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        taken = Partner.objects.filter(alliance=alliance)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        self.fields["organisation"].queryset = (
            Organisation.objects.filter(alliance=alliance)
            .exclude(pk__in=taken.values("organisation_id"))
            .order_by("name")
        )
        self.fields["sector"].queryset = Sector.objects.filter(alliance=alliance)
        for name in ("member_since", "left_on"):
            self.fields[name].input_formats = DATE_FORMATS
        if self.instance.pk:
            del self.fields["organisation"]
        if restricted:
            for name in ("role", "member_since", "left_on"):
                del self.fields[name]


class ContactForm(forms.ModelForm):
    class Meta:
        model = ContactPerson
        fields = ["name", "function", "phone", "email", "is_active"]


class ContributionForm(forms.ModelForm):
    class Meta:
        model = Contribution
        fields = ["kind", "description", "amount", "unit", "year"]


class SectorForm(forms.ModelForm):
    class Meta:
        model = Sector
        fields = ["name", "position"]


class TieForm(forms.ModelForm):
    partner_a = PartnerChoiceField(label=_("Partner"), queryset=Partner.objects.none())
    partner_b = PartnerChoiceField(label=_("Other partner"), queryset=Partner.objects.none())
    agreement_file = forms.FileField(
        label=_("Agreement document"),
        required=False,
        help_text=_("PDF, Word, OpenDocument or text; kept in private storage."),
    )

    class Meta:
        model = Tie
        fields = [
            "partner_a",
            "partner_b",
            "intensity",
            "topics",
            "since",
            "has_agreement",
            "renewal_on",
            "notes",
        ]
        widgets = {"since": DATE, "renewal_on": DATE, "notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, alliance, **kwargs):
        super().__init__(*args, **kwargs)
        partners = Partner.objects.filter(alliance=alliance).select_related("organisation")
        self.fields["partner_a"].queryset = partners
        self.fields["partner_b"].queryset = partners
        for name in ("since", "renewal_on"):
            self.fields[name].input_formats = DATE_FORMATS

    def _post_clean(self):
        # The service validates the pair and saves; no model validation here (it would
        # report the normalisation constraint before the service can normalise).
        pass


class MapFilterForm(forms.Form):
    sektor = forms.ChoiceField(label=_("Sector"), required=False)
    rolle = forms.ChoiceField(label=_("Role"), required=False)
    intensitaet = forms.TypedChoiceField(
        label=_("Ties from intensity"), required=False, coerce=int, empty_value=None
    )
    thema = forms.CharField(label=_("Topic"), required=False, max_length=100)
    abgeleitet = forms.ChoiceField(
        label=_("Ties derived from activity"),
        required=False,
        choices=[("ja", _("show")), ("nein", _("hide"))],
    )

    def __init__(self, *args, sectors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sektor"].choices = [("", _("all")), *((s.code, s.name) for s in sectors)]
        self.fields["rolle"].choices = [("", _("all")), *Partner.Role.choices]
        self.fields["intensitaet"].choices = [("", _("all")), *Tie.Intensity.choices]


class SnapshotForm(forms.Form):
    taken_on = forms.DateField(label=_("Date"), widget=DATE, input_formats=DATE_FORMATS)
    label = forms.CharField(label=_("Label"), required=False, max_length=200)
