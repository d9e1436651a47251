"""FastSelect writes the same markup as Django's template-rendered Select."""

from django import forms

from familiennetz.core.widgets import FastSelect, use_fast_selects


class Filters(forms.Form):
    kategorie = forms.ChoiceField(
        label="Kategorie",
        required=False,
        choices=[("", "Alle"), ("a&b", "Eltern & Kind <klein>"), ("c", '— Café "Mokka"')],
    )
    gruppe = forms.ChoiceField(
        choices=[("Beratung", [("1", "Erziehung"), ("2", "Trennung")]), ("3", "Sonstiges")]
    )
    nummer = forms.IntegerField(required=False)


def test_same_markup_as_django_for_every_value():
    for data in [{}, {"kategorie": "a&b", "gruppe": "2"}, {"kategorie": "zzz"}, {"gruppe": "3"}]:
        plain = Filters(data or None)
        fast = Filters(data or None)
        use_fast_selects(fast)
        assert isinstance(fast.fields["kategorie"].widget, FastSelect)
        for name in ("kategorie", "gruppe"):
            assert str(fast[name]) == str(plain[name]), (name, data)
    assert "&lt;klein&gt;" in str(fast["kategorie"])  # labels are escaped


def test_other_widgets_are_left_alone():
    form = Filters()
    use_fast_selects(form)
    assert type(form.fields["nummer"].widget) is forms.NumberInput
