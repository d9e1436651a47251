"""Forms of the district analysis: they validate input only (services write)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .analysis import EQUAL, JENKS, QUANTILES
from .models import AgeGroup, CompositeIndex, District, Indicator, Walk, WalkRating, WalkTopic
from .tables import MISSING, NumberError, parse_number

MAX_UPLOAD = 20 * 1024 * 1024


def _check_size(file):
    if file and file.size > MAX_UPLOAD:
        raise forms.ValidationError(
            _("The file is too large (%(size)s MB); at most %(max)s MB are allowed.")
            % {"size": f"{file.size / 1048576:.1f}".replace(".", ","), "max": MAX_UPLOAD // 1048576}
        )
    return file


class DistrictImportForm(forms.Form):
    file = forms.FileField(
        label=_("GeoJSON file"), help_text=_("Polygons in WGS 84, at most 20 MB.")
    )
    code_property = forms.CharField(label=_("Property with the code"), max_length=100)
    name_property = forms.CharField(label=_("Property with the name"), max_length=100)
    kind = forms.ChoiceField(
        label=_("Level"), choices=District.Kind.choices, initial=District.Kind.STADTTEIL
    )
    parent_code_property = forms.CharField(
        label=_("Property with the parent's code"), max_length=100, required=False
    )
    parent_code_prefix = forms.IntegerField(
        label=_("… or: the parent's code is the start of the code, this many characters"),
        min_value=0,
        max_value=30,
        required=False,
        help_text=_(
            "e.g. 6 for Berlin's planning areas (their district region is 010111 in 01011101)."
        ),
    )

    def clean_file(self):
        file = _check_size(self.cleaned_data["file"])
        if not file.name.lower().endswith((".geojson", ".json")):
            raise forms.ValidationError(_("Please upload a GeoJSON file (.geojson or .json)."))
        return file

    def options(self) -> dict:
        data = self.cleaned_data
        return {
            "code_property": data["code_property"].strip(),
            "name_property": data["name_property"].strip(),
            "parent_code_property": data["parent_code_property"].strip(),
            "parent_code_prefix": data["parent_code_prefix"] or 0,
            "kind": data["kind"],
        }


class IndicatorImportForm(forms.Form):
    file = forms.FileField(label=_("Table (CSV or XLSX)"), help_text=_("At most 20 MB."))
    layout = forms.ChoiceField(
        label=_("Layout"),
        choices=[
            ("wide", _("one line per district, one column per indicator")),
            ("long", _("one line per value (district, indicator, value)")),
        ],
        widget=forms.RadioSelect,
        initial="wide",
    )
    district_column = forms.CharField(
        label=_("Column with the district"),
        max_length=200,
        required=False,
        help_text=_("Empty: the first column."),
    )
    match = forms.ChoiceField(
        label=_("Districts are found by"),
        choices=[
            ("auto", _("code or name (automatic)")),
            ("code", _("code")),
            ("name", _("name")),
            ("code_name", _("code and name in one cell (“01 Innere Altstadt”)")),
        ],
        initial="auto",
    )
    kind = forms.ChoiceField(
        label=_("Only districts of this level"),
        choices=[("", _("any level")), *District.Kind.choices],
        required=False,
    )
    year = forms.IntegerField(
        label=_("Year of the figures"), min_value=1900, max_value=2200, required=False
    )
    year_column = forms.CharField(
        label=_("… or column with the year"), max_length=200, required=False
    )
    column_pattern = forms.CharField(
        label=_("… or year and indicator in the column names (pattern)"),
        max_length=200,
        required=False,
        help_text=_(
            "A regular expression, e.g. (?P<year>\\d{4})_(?P<indicator>.+) for “2016_E_E00_01”."
        ),
    )
    indicator_column = forms.CharField(
        label=_("Column with the indicator (long form)"), max_length=200, required=False
    )
    value_column = forms.CharField(
        label=_("Column with the value (long form)"), max_length=200, required=False
    )
    columns = forms.CharField(
        label=_("Only these columns"),
        max_length=4000,
        required=False,
        help_text=_("Separated by semicolons; empty: all."),
    )
    duplicates = forms.ChoiceField(
        label=_("The same district on several lines"),
        choices=[
            ("reject", _("is an error")),
            ("sum", _("add the values up (a district split in the source)")),
            ("first", _("the first line counts (later lines are totals)")),
        ],
        initial="reject",
    )
    decimal = forms.ChoiceField(
        label=_("Decimal separator"),
        choices=[
            ("auto", _("recognise")),
            ("comma", _("comma (1.234,5)")),
            ("point", _("point (1,234.5)")),
        ],
        initial="auto",
    )
    header_row = forms.IntegerField(
        label=_("Header in line"),
        min_value=1,
        max_value=1000,
        required=False,
        help_text=_("Empty: recognise."),
    )
    sheet = forms.CharField(label=_("Sheet (XLSX)"), max_length=100, required=False)

    def clean_file(self):
        file = _check_size(self.cleaned_data["file"])
        if not file.name.lower().endswith((".csv", ".txt", ".xlsx")):
            raise forms.ValidationError(_("Please upload a CSV or XLSX file."))
        return file

    def options(self) -> dict:
        data = self.cleaned_data
        return {
            "layout": data["layout"],
            "district_column": data["district_column"].strip(),
            "match": data["match"],
            "kind": data["kind"] or "",
            "year": data["year"],
            "year_column": data["year_column"].strip(),
            "indicator_column": data["indicator_column"].strip(),
            "value_column": data["value_column"].strip(),
            "columns": [c.strip() for c in data["columns"].split(";") if c.strip()],
            "column_pattern": data["column_pattern"].strip(),
            "duplicates": data["duplicates"],
            "decimal": data["decimal"],
            "header_row": data["header_row"],
            "sheet": data["sheet"].strip(),
        }


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "name",
            "code",
            "unit",
            "measure",
            "direction",
            "age_group",
            "is_population",
            "source",
            "description",
            "formula",
            "numerator",
            "denominator",
            "summands",
            "position",
        ]
        widgets = {
            "summands": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, alliance, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.alliance = alliance
        others = Indicator.objects.for_alliance(alliance).order_by("position", "name")
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        for name in ("numerator", "denominator", "summands"):
            self.fields[name].queryset = others
        self.fields["code"].help_text = _("Short, stable, e.g. kinder-u6 or D5.")

    def clean_code(self):
        code = self.cleaned_data["code"]
        clash = Indicator.objects.for_alliance(self.instance.alliance).filter(code=code)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("Another indicator has this code."))
        return code

    def clean(self):
        data = super().clean()
        formula = data.get("formula")
        if formula in (Indicator.Formula.PER_1000, Indicator.Formula.SHARE):
            if not data.get("numerator"):
                self.add_error("numerator", _("A ratio needs a numerator."))
            if not data.get("denominator"):
                self.add_error("denominator", _("A ratio needs a denominator."))
        elif formula == Indicator.Formula.SUM and len(data.get("summands") or []) < 2:
            self.add_error("summands", _("A sum needs at least two indicators."))
        return data


class ValuesForm(forms.Form):
    """One text field per district for a year's values (German number format)."""

    def __init__(self, *args, districts, initial_values: dict[int, float], **kwargs):
        super().__init__(*args, **kwargs)
        self.districts = districts
        for district in districts:
            value = initial_values.get(district.pk)
            self.fields[f"d{district.pk}"] = forms.CharField(
                label=district.name,
                required=False,
                max_length=40,
                initial="" if value is None else f"{value:g}".replace(".", ","),
            )

    def clean(self):
        data = super().clean()
        self.values: dict[int, float | None] = {}
        for district in self.districts:
            name = f"d{district.pk}"
            text = data.get(name, "")
            try:
                value = parse_number(text, "comma")
            except NumberError:
                self.add_error(name, _("“%(text)s” is not a number.") % {"text": text})
                continue
            self.values[district.pk] = None if value is MISSING else value
        return data


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=1900, max_value=2200)


class IndexForm(forms.ModelForm):
    class Meta:
        model = CompositeIndex
        fields = ["name", "district_kind", "classes", "trend_years", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, alliance, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.alliance = alliance
        self.indicators = list(
            Indicator.objects.for_alliance(alliance).order_by("position", "name")
        )
        current = {}
        if self.instance.pk:
            current = {c.indicator_id: c for c in self.instance.components.all()}
        for indicator in self.indicators:
            component = current.get(indicator.pk)
            default_direction = (
                -1 if indicator.direction == Indicator.Direction.HIGHER_IS_BETTER else 1
            )
            self.fields[f"w{indicator.pk}"] = forms.FloatField(
                label=_("Weight of %(name)s") % {"name": indicator.name},
                min_value=0,
                max_value=100,
                required=False,
                initial=component.weight if component else None,
            )
            self.fields[f"r{indicator.pk}"] = forms.TypedChoiceField(
                label=_("Direction of %(name)s") % {"name": indicator.name},
                choices=[(1, _("higher = more need")), (-1, _("higher = less need"))],
                coerce=int,
                required=False,
                empty_value=default_direction,
                initial=component.direction if component else default_direction,
            )

    def component_rows(self):
        return [(i, self[f"w{i.pk}"], self[f"r{i.pk}"]) for i in self.indicators]

    def clean(self):
        data = super().clean()
        self.components = [
            (i, data[f"w{i.pk}"], data.get(f"r{i.pk}") or 1)
            for i in self.indicators
            if data.get(f"w{i.pk}")
        ]
        if not self.components:
            raise forms.ValidationError(_("Give at least one indicator a weight above 0."))
        return data


class MapForm(forms.Form):
    ebene = forms.ChoiceField(label=_("Level"), required=False)
    anzeige = forms.ChoiceField(label=_("Show"), required=False)
    jahr = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2200)
    klassen = forms.ChoiceField(
        label=_("Classes"),
        required=False,
        choices=[
            (QUANTILES, _("quantiles (equal numbers)")),
            (EQUAL, _("equal intervals")),
            (JENKS, _("natural breaks (Jenks)")),
        ],
    )
    anzahl = forms.TypedChoiceField(
        label=_("Number of classes"),
        required=False,
        coerce=int,
        choices=[(k, str(k)) for k in range(3, 8)],
        initial=5,
    )

    def __init__(self, *args, kinds, indicators, indices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ebene"].choices = kinds
        choices = [(f"index:{i.pk}", _("Index: %(name)s") % {"name": i.name}) for i in indices]
        choices += [(f"indicator:{i.pk}", i.name) for i in indicators]
        self.fields["anzeige"].choices = choices


class GapForm(forms.Form):
    kategorie = forms.ChoiceField(label=_("Category"))
    alter = forms.ChoiceField(
        label=_("Age group"), choices=[c for c in AgeGroup.choices if c[0] not in ("", "all")]
    )
    umkreis = forms.TypedChoiceField(
        label=_("Walking distance (straight line)"),
        coerce=float,
        choices=[(0.5, "500 m"), (1.0, "1 km"), (1.5, "1,5 km"), (2.0, "2 km"), (3.0, "3 km")],
        initial=1.0,
    )
    ebene = forms.ChoiceField(label=_("Level"))

    def __init__(self, *args, categories, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kategorie"].choices = [(c.slug, c.label) for c in categories]
        self.fields["ebene"].choices = kinds


class CompareForm(forms.Form):
    a = forms.ChoiceField(label=_("First district"))
    b = forms.ChoiceField(label=_("Second district"))

    def __init__(self, *args, districts, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(d.key, f"{d.name} ({d.get_kind_display()})") for d in districts]
        self.fields["a"].choices = choices
        self.fields["b"].choices = choices


class WalkForm(forms.ModelForm):
    class Meta:
        model = Walk
        fields = ["title", "walked_on", "district", "summary"]
        widgets = {
            "walked_on": forms.DateInput(attrs={"type": "date"}),
            "summary": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, alliance, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.alliance = alliance
        self.fields["district"].queryset = District.objects.for_alliance(alliance).order_by("name")
        ratings = {}
        if self.instance.pk:
            ratings = {r.topic: r for r in self.instance.ratings.all()}
        for topic, label in WalkTopic.choices:
            current = ratings.get(topic)
            self.fields[f"rating_{topic}"] = forms.ChoiceField(
                label=label,
                choices=WalkRating.Rating.choices,
                required=False,
                widget=forms.RadioSelect,
                initial=current.rating if current else "",
            )
            self.fields[f"note_{topic}"] = forms.CharField(
                label=_("Note on %(topic)s") % {"topic": label},
                max_length=500,
                required=False,
                initial=current.note if current else "",
            )

    def checklist(self):
        return [
            (label, self[f"rating_{topic}"], self[f"note_{topic}"])
            for topic, label in WalkTopic.choices
        ]

    def ratings(self) -> dict[str, tuple[str, str]]:
        return {
            topic: (
                self.cleaned_data.get(f"rating_{topic}") or "",
                self.cleaned_data.get(f"note_{topic}") or "",
            )
            for topic in WalkTopic.values
        }


class WalkNoteForm(forms.Form):
    topic = forms.ChoiceField(
        label=_("Topic"), choices=[("", _("no topic")), *WalkTopic.choices], required=False
    )
    text = forms.CharField(
        label=_("What did you see?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        help_text=_("No names or pictures of families or children."),
    )
    latitude = forms.FloatField(label=_("Latitude"), required=False, min_value=-90, max_value=90)
    longitude = forms.FloatField(
        label=_("Longitude"), required=False, min_value=-180, max_value=180
    )
    photo = forms.FileField(
        label=_("Photo (optional)"), required=False, help_text=_("JPEG or PNG, at most 15 MB.")
    )
    keep_location = forms.BooleanField(
        label=_("Keep the location stored in the photo"),
        required=False,
        help_text=_("Otherwise the photo's metadata (location, camera, time) is removed."),
    )

    def clean(self):
        data = super().clean()
        if (data.get("latitude") is None) != (data.get("longitude") is None):
            raise forms.ValidationError(_("Give both latitude and longitude, or neither."))
        return data
