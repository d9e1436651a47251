"""The calendar filter form: the directory's filters (same German parameter names, same
labels; not the text search, "open now" and "near", which do not apply to dates) plus an
organiser, a date range and the view. Lenient like the search form: a bad value is dropped
and reported, the page still renders."""

from __future__ import annotations

import copy
import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from familiennetz.core.forms import LenientFilterMixin
from familiennetz.core.widgets import use_fast_selects
from familiennetz.directory.forms import OfferFilterForm

VIEW_LIST, VIEW_DAY, VIEW_WEEK, VIEW_MONTH = "liste", "tag", "woche", "monat"
VIEWS = [
    (VIEW_LIST, _("List")),
    (VIEW_DAY, _("Day")),
    (VIEW_WEEK, _("Week")),
    (VIEW_MONTH, _("Month")),
]
MAX_RANGE_DAYS = 366
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"]
# Parameters that select *what* is shown (kept in feed, widget and subscription links);
# the others select *when* and *how* and are dropped there.
SELECTION_PARAMS = [
    "kategorie",
    "alter",
    "ortsteil",
    "kostenlos",
    "sprache",
    "barrierefrei",
    "wochentag",
    "organisation",
]


def _shared(name: str) -> forms.Field:
    return copy.deepcopy(OfferFilterForm.base_fields[name])


class EventFilterForm(LenientFilterMixin, forms.Form):
    kategorie = _shared("kategorie")
    alter = _shared("alter")
    ortsteil = _shared("ortsteil")
    kostenlos = _shared("kostenlos")
    sprache = _shared("sprache")
    barrierefrei = _shared("barrierefrei")
    wochentag = _shared("wochentag")
    organisation = forms.SlugField(
        label=_("Organiser"), required=False, max_length=120, widget=forms.HiddenInput
    )
    von = forms.DateField(
        label=_("From"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    bis = forms.DateField(
        label=_("Until"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    ansicht = forms.ChoiceField(label=_("View"), required=False, choices=VIEWS)
    seite = forms.IntegerField(
        label=_("Page"), required=False, min_value=1, max_value=1000, widget=forms.HiddenInput
    )
    anzahl = forms.IntegerField(
        label=_("Number of dates"),
        required=False,
        min_value=1,
        max_value=50,
        widget=forms.HiddenInput,
    )

    def __init__(self, *args, categories, districts, languages, **kwargs):
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
        use_fast_selects(self)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("von"), cleaned.get("bis")
        for name in ("von", "bis"):
            day = cleaned.get(name)
            if day and not dt.date(1900, 1, 1) <= day <= dt.date(2999, 12, 31):
                self.add_error(name, _("This date is out of range."))
        start, end = cleaned.get("von"), cleaned.get("bis")
        if start and end and end < start:
            self.add_error("bis", _("The end of the range is before its start."))
        elif start and end and (end - start).days > MAX_RANGE_DAYS:
            self.add_error("bis", _("Choose a range of at most one year."))
        return cleaned
