"""Active-filter chips: each shows what is filtered and links to the same search without it."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from familiennetz.directory.forms import OfferFilterForm

CHIP_FIELDS = [
    "q",
    "kategorie",
    "alter",
    "ortsteil",
    "kostenlos",
    "sprache",
    "barrierefrei",
    "wochentag",
    "jetzt_offen",
    "nahe",
]


@dataclass
class Chip:
    label: str
    remove_url: str
    name: str = ""


def _choice_label(form: OfferFilterForm, name: str, value) -> str:
    choices = dict(form.fields[name].choices)
    return str(choices.get(value, value))


def active_filter_chips(request, form: OfferFilterForm, filters: dict) -> list[Chip]:
    chips = []
    for name in CHIP_FIELDS:
        if name not in filters:
            continue
        params = request.GET.copy()
        params.pop("seite", None)
        value = filters[name]
        if name == "barrierefrei":
            for need in value:
                rest = params.copy()
                rest.setlist(name, [v for v in value if v != need])
                chips.append(Chip(_choice_label(form, name, need), f"?{rest.urlencode()}", name))
            continue
        params.pop(name, None)
        if name == "nahe":
            params.pop("lat", None)
            params.pop("lon", None)
        if name == "q":
            label = _("“%(query)s”") % {"query": value}
        elif value is True:
            label = str(form.fields[name].label)
        else:
            label = _choice_label(form, name, value)
        if name == "nahe":
            label = _("near %(place)s") % {"place": label}
        chips.append(Chip(label, f"?{params.urlencode()}", name))
    return chips


def kept_params(request, *, without: tuple[str, ...]) -> list[tuple[str, str]]:
    """The address's parameters except ``without``: hidden inputs that keep the filters when
    the other form on the page (search box or filter panel) is sent."""
    return [
        (name, value)
        for name, values in request.GET.lists()
        if name not in without
        for value in values
    ]
