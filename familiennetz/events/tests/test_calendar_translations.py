"""The calendar's list, week and month views show the events' titles in the page's language;
a title without translation is the German one, marked lang="de"."""

import datetime as dt

import pytest
from django.utils import timezone

from familiennetz.events.services import event_sync_occurrences
from familiennetz.events.tests.factories import EventFactory
from familiennetz.translations.services import translation_save

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def events(alliance, coordinator):
    start = (timezone.now() + dt.timedelta(days=1)).replace(hour=10, minute=0)
    made = []
    for number, title in enumerate(["Laternenumzug", "Vorlesestunde"]):
        event = EventFactory(
            alliance=alliance,
            title=title,
            slug=f"fest-{number}",
            starts_at=start + dt.timedelta(hours=number),
            ends_at=start + dt.timedelta(hours=number + 1),
            status="published",
        )
        event_sync_occurrences(event=event)
        made.append(event)
    translation_save(
        obj=made[0], language="ru", texts={"title": "Шествие с фонариками"}, user=coordinator.user
    )
    return made


@pytest.mark.parametrize("view", ["liste", "woche", "monat"])
def test_the_calendar_shows_translated_titles(client, events, view):
    # From the events' day: the views show them on any day the test runs (also a month's end).
    query = {"ansicht": view, "von": timezone.localdate(events[0].starts_at).isoformat()}
    text = client.get("/ru/hainichen/kalender/", query).text
    assert "Шествие с фонариками" in text and "Laternenumzug" not in text
    assert '<span lang="de" dir="ltr" class="untranslated">Vorlesestunde</span>' in text
    german = client.get("/hainichen/kalender/", query).text
    assert "Laternenumzug" in german and "Шествие" not in german
