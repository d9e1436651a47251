"""News in the visitor's language: the list, the page and the per-language Atom feed show the
translated title, summary and text; a missing translation shows the German text marked."""

import pytest
from django.utils import translation

from familiennetz.outreach import services
from familiennetz.translations import services as translation_services

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def news(alliance):
    return services.news_save(
        alliance=alliance,
        values={
            "title": "Sommerfest am Teich",
            "summary": "Alle sind eingeladen.",
            "text": "Wir grillen und spielen.",
            "is_published": True,
        },
    )


@pytest.fixture
def arabic(news, coordinator):
    translation_services.translation_save(
        obj=news,
        language="ar",
        texts={"title": "مهرجان الصيف", "summary": "الجميع مدعوون.", "text": "نشوي ونلعب."},
        user=coordinator.user,
    )


def test_the_arabic_news_list_and_page_show_the_translation(client, news, arabic):
    listing = client.get("/ar/hainichen/aktuelles/").text
    assert "مهرجان الصيف</a>" in listing and "الجميع مدعوون." in listing
    assert "Sommerfest am Teich" not in listing
    with translation.override("ar"):
        url = news.get_absolute_url()
    page = client.get(url).text
    assert "<h1>مهرجان الصيف</h1>" in page and "نشوي ونلعب." in page
    assert "Wir grillen" not in page and "untranslated-note" not in page
    # German stays German.
    assert "<h1>Sommerfest am Teich</h1>" in client.get(f"/hainichen/aktuelles/{news.slug}/").text


def test_a_missing_translation_shows_german_marked(client, news, coordinator):
    translation_services.translation_save(
        obj=news, language="uk", texts={"title": "Літнє свято"}, user=coordinator.user
    )
    with translation.override("uk"):
        url = news.get_absolute_url()
    page = client.get(url).text
    assert "<h1>Літнє свято</h1>" in page
    assert '<div lang="de" dir="ltr" class="untranslated"><p>Wir grillen und spielen.</p>' in page
    assert "untranslated-note" in page


def test_the_feed_per_language_has_translated_entries(client, news, arabic):
    feed = client.get("/ar/hainichen/aktuelles/feed.atom").content.decode()
    assert "<title>مهرجان الصيف</title>" in feed and "الجميع مدعوون." in feed
    assert "Sommerfest am Teich" not in feed
    german = client.get("/hainichen/aktuelles/feed.atom").content.decode()
    assert "<title>Sommerfest am Teich</title>" in german
    # No English translation: the English feed keeps the German text.
    english = client.get("/en/hainichen/aktuelles/feed.atom").content.decode()
    assert "<title>Sommerfest am Teich</title>" in english
