from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from familiennetz.alliances.models import Alliance

from .models import AnnualReport, StateDocument


class NarrativeForm(forms.ModelForm):
    class Meta:
        model = AnnualReport
        fields = ["goals", "highlights", "plans"]
        widgets = {name: forms.Textarea(attrs={"rows": 5}) for name in fields}


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)


class RequestForm(forms.Form):
    alliance = forms.ModelChoiceField(label=_("Network"), queryset=Alliance.objects.none())
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    due_on = forms.DateField(
        label=_("Due on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["alliance"].queryset = office.alliances.filter(is_active=True).order_by("name")
        self.fields["year"].initial = timezone.localdate().year - 1


class AllianceCreateForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    slug = forms.SlugField(label=_("Short name in URLs"), max_length=60)
    region = forms.CharField(label=_("Region"), max_length=200, required=False)
    latitude = forms.FloatField(label=_("Latitude"), min_value=-90, max_value=90)
    longitude = forms.FloatField(label=_("Longitude"), min_value=-180, max_value=180)
    coordinator_email = forms.EmailField(label=_("E-mail of the coordinator"))


class DocumentForm(forms.ModelForm):
    upload = forms.FileField(label=_("File"))

    class Meta:
        model = StateDocument
        fields = ["title", "kind", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class TemplateForm(forms.Form):
    """The state office's own template: a name and the figures it asks for (the order and
    sections follow the default template)."""

    name = forms.CharField(label=_("Name"), max_length=200)
    figures = forms.MultipleChoiceField(
        label=_("Figures"), widget=forms.CheckboxSelectMultiple, choices=()
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["figures"].choices = choices
