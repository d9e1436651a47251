"""Short English msgids with two meanings get a context, so each language can say each one
right (issue 16, guide2): an address's "state" is a Bundesland, a change request's "state" a
status; an event's "date" is a Termin, a snapshot's or a walk's "date" a Datum."""

import pytest
from django.template import Context, Template
from django.utils import translation

from familiennetz.directory.models import Location
from familiennetz.events.models import Occurrence, Registration
from familiennetz.moderation.models import ChangeRequest
from familiennetz.network.models import Snapshot
from familiennetz.socialspace.models import Walk


def _label(model, field: str) -> str:
    return str(model._meta.get_field(field).verbose_name)


@pytest.mark.parametrize(
    ("language", "address_state", "status"),
    [
        ("de", "Bundesland", "Status"),
        ("uk", "федеральна земля", "стан"),
        ("tr", "eyalet", "durum"),
        ("ru", "федеральная земля", "состояние"),
        ("ar", "الولاية", "الحالة"),
    ],
)
def test_address_state_and_status_are_told_apart(language, address_state, status):
    with translation.override(language):
        assert _label(Location, "state_province") == address_state
        assert _label(ChangeRequest, "state") == status
        assert _label(Registration, "state") == status


def test_event_dates_are_termine_other_dates_are_daten():
    with translation.override("de"):
        assert str(Occurrence._meta.verbose_name) == "Termin"
        assert _label(Registration, "occurrence") == "Termin"
        assert _label(Snapshot, "taken_on") == "Datum"
        assert _label(Walk, "walked_on") == "Datum"


@pytest.mark.parametrize(
    ("source", "german"),
    [
        ('{% translate "Share" context "verb" %}', "Teilen"),
        ('{% translate "Share" %}', "Anteil"),
        ('{% translate "Next" context "upcoming meetings" %}', "Demnächst"),
        ('{% translate "Next" %}', "Weiter"),
        ('{% translate "present" context "sector in the network" %}', "vorhanden"),
        ('{% translate "Number" context "station number" %}', "Nr."),
        ('{% translate "Date" context "event" %}', "Termin"),
        ('{% translate "Date" %}', "Datum"),
    ],
)
def test_short_words_in_context(source, german):
    with translation.override("de"):
        assert Template("{% load i18n %}" + source).render(Context()) == german
