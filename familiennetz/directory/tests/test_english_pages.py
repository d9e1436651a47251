"""Issue 16: English guide pages show dates in English order and words, and every page with
the providers' German text says that it is in German."""

import re

import pytest
from django.utils.html import strip_tags

from familiennetz.events.services import event_sync_occurrences
from familiennetz.events.tests.factories import EventFactory

NOTE = "described by the providers in German"
GERMAN_DATE = re.compile(
    r"\b(?:Mo|Di|Mi|Do|Fr|Sa|So)\.?, \d"  # "Mi, 9. Dez."
    r"|\b\d{1,2}\. (?:Jan|Feb|Mär|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez)"  # "9. Dez", "9. Dezember"
    r"|\b(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)\b"
)
ENGLISH_DAY_DATE = re.compile(
    r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (?:January|February|March|April|May|June|July"
    r"|August|September|October|November|December) \d{1,2}\b"
)


def _text(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return re.sub(r"\s+", " ", strip_tags(response.content.decode()))


@pytest.fixture
def event(alliance, guide):
    event = EventFactory(alliance=alliance, organisation=guide["krabbel"].organisation)
    event_sync_occurrences(event=event)
    return event


def test_offer_page_in_english_has_english_next_dates(client, alliance, guide):
    text = _text(client, "/en" + guide["krabbel"].get_absolute_url())
    assert "Next dates:" in text
    assert ENGLISH_DAY_DATE.search(text), text
    assert not GERMAN_DATE.search(text), GERMAN_DATE.search(text)[0]


def test_offer_page_in_german_keeps_german_dates(client, alliance, guide):
    text = _text(client, guide["krabbel"].get_absolute_url())
    assert re.search(r"Nächste Termine: Di, \d{1,2}\. [A-ZÄ][a-zä]+", text), text


@pytest.mark.parametrize(
    "page", ["home", "search", "offer", "organisation", "place", "event", "calendar"]
)
def test_english_pages_with_provider_text_carry_the_note(client, alliance, guide, event, page):
    krabbel = guide["krabbel"]
    url = {
        "home": f"/{alliance.slug}/",
        "search": f"/{alliance.slug}/suche/",
        "offer": krabbel.get_absolute_url(),
        "organisation": krabbel.organisation.get_absolute_url(),
        "place": guide["rathaus"].get_absolute_url(),
        "event": event.get_absolute_url(),
        "calendar": f"/{alliance.slug}/kalender/",
    }[page]
    english = _text(client, "/en" + url)
    # The offer page names each text that is still German (content translations, ADR 1510).
    untranslated = "This text has not been translated yet."
    assert NOTE in english or (page == "offer" and untranslated in english)
    assert not GERMAN_DATE.search(english), GERMAN_DATE.search(english)[0]
    assert NOTE not in _text(client, url)
