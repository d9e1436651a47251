"""The public search form. Lenient by design: a bad value is dropped and reported, the page
still renders (URLs end up on flyers and in old bookmarks)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from familiennetz.core.forms import LenientFilterMixin
from familiennetz.core.widgets import use_fast_selects
from familiennetz.directory.models.audience import AGE_BANDS

MAX_QUERY_LENGTH = 200

WEEKDAYS = [
    ("mo", _("Monday")),
    ("di", _("Tuesday")),
    ("mi", _("Wednesday")),
    ("do", _("Thursday")),
    ("fr", _("Friday")),
    ("sa", _("Saturday")),
    ("so", _("Sunday")),
]
WEEKDAY_TO_RRULE = dict(
    zip([k for k, _l in WEEKDAYS], ["MO", "TU", "WE", "TH", "FR", "SA", "SU"], strict=True)
)

ACCESSIBILITY = [
    ("rollstuhl", _("wheelchair accessible")),
    ("kinderwagen", _("accessible with a pram")),
]

SORT_RELEVANCE, SORT_DISTANCE, SORT_NAME = "relevanz", "entfernung", "name"
SORTS = [
    (SORT_RELEVANCE, _("Best match")),
    (SORT_DISTANCE, _("Distance")),
    (SORT_NAME, _("Name (A–Z)")),
]
DEVICE_ORIGIN = "standort"


class OfferFilterForm(LenientFilterMixin, forms.Form):
    q = forms.CharField(label=_("I am looking for …"), required=False, strip=True)
    kategorie = forms.ChoiceField(label=_("Category"), required=False)
    alter = forms.ChoiceField(
        label=_("Age of the child"),
        required=False,
        choices=[("", _("All ages")), *[(b.key, b.label) for b in AGE_BANDS]],
    )
    ortsteil = forms.ChoiceField(label=_("District"), required=False)
    kostenlos = forms.BooleanField(label=_("free of charge"), required=False)
    sprache = forms.ChoiceField(label=_("Language spoken"), required=False)
    barrierefrei = forms.MultipleChoiceField(
        label=_("Accessibility"),
        required=False,
        choices=ACCESSIBILITY,
        widget=forms.CheckboxSelectMultiple,
    )
    wochentag = forms.ChoiceField(
        label=_("Weekday"), required=False, choices=[("", _("any day")), *WEEKDAYS]
    )
    jetzt_offen = forms.BooleanField(label=_("open now"), required=False)
    nahe = forms.ChoiceField(label=_("Near"), required=False)
    lat = forms.FloatField(
        label=_("Latitude"), required=False, min_value=-90, max_value=90, widget=forms.HiddenInput
    )
    lon = forms.FloatField(
        label=_("Longitude"),
        required=False,
        min_value=-180,
        max_value=180,
        widget=forms.HiddenInput,
    )
    sortierung = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORTS)
    seite = forms.IntegerField(
        label=_("Page"), required=False, min_value=1, max_value=10_000, widget=forms.HiddenInput
    )

    def __init__(self, *args, categories, districts, languages, places, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kategorie"].choices = [("", _("All categories"))] + [
            (c.slug, ("— " if c.parent_id else "") + c.label) for c in categories
        ]
        self.fields["ortsteil"].choices = [("", _("everywhere"))] + [
            (d.slug, d.name) for d in districts
        ]
        self.fields["sprache"].choices = [("", _("any language"))] + [
            (lang.code, lang.label) for lang in languages
        ]
        self.fields["nahe"].choices = (
            [("", _("no starting point")), (DEVICE_ORIGIN, _("my location"))]
            + [(f"ortsteil:{d.slug}", d.name) for d in districts if d.has_coordinates]
            + [(f"ort:{p.slug}", p.name) for p in places]
        )
        use_fast_selects(self)  # ~170 options: rendered in Python, not per-option templates

    def clean_q(self) -> str:
        return " ".join(self.cleaned_data["q"].split())[:MAX_QUERY_LENGTH]
