"""Interface languages (issue 14): <html lang dir>, hreflang alternates, the language switch."""

import re

import pytest
from django.conf import settings

LANGUAGES = [code for code, _name in settings.LANGUAGES]
NATIVE = {
    "de": "Deutsch",
    "en": "English",
    "ar": "العربيّة",
    "uk": "Українська",
    "tr": "Türkçe",
    "ru": "Русский",
}


def prefix(code: str) -> str:
    return "" if code == settings.LANGUAGE_CODE else f"/{code}"


def test_six_interface_languages_german_first():
    assert LANGUAGES == ["de", "en", "ar", "uk", "tr", "ru"]


@pytest.mark.parametrize("code", LANGUAGES)
def test_public_pages_set_lang_and_direction(client, alliance, code):
    body = client.get(f"{prefix(code)}/{alliance.slug}/suche/").content.decode()
    direction = "rtl" if code == "ar" else "ltr"
    assert f'<html lang="{code}" dir="{direction}">' in body


def test_every_public_page_names_its_alternates_with_the_query_string(client, alliance):
    body = client.get(f"/ar/{alliance.slug}/suche/?q=baby&kostenlos=1").content.decode()
    links = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', body))
    query = "?q=baby&amp;kostenlos=1"
    assert links == {
        "de": f"http://testserver/{alliance.slug}/suche/{query}",
        "en": f"http://testserver/en/{alliance.slug}/suche/{query}",
        "ar": f"http://testserver/ar/{alliance.slug}/suche/{query}",
        "uk": f"http://testserver/uk/{alliance.slug}/suche/{query}",
        "tr": f"http://testserver/tr/{alliance.slug}/suche/{query}",
        "ru": f"http://testserver/ru/{alliance.slug}/suche/{query}",
        "x-default": f"http://testserver/{alliance.slug}/suche/{query}",
    }


def test_the_language_switch_keeps_page_and_query_and_shows_native_names(client, alliance):
    body = client.get(f"/uk/{alliance.slug}/kalender/?ansicht=woche").content.decode()
    switch = body.split('<nav class="lang-switch"', 1)[1].split("</nav>", 1)[0]
    assert "<details" in switch and "<summary>" in switch  # a menu that needs no JavaScript
    for code in LANGUAGES:
        url = f"{prefix(code)}/{alliance.slug}/kalender/?ansicht=woche"
        current = ' aria-current="true"' if code == "uk" else ""
        assert (
            f'<a href="{url}" lang="{code}" hreflang="{code}"{current}>{NATIVE[code]}</a>' in switch
        )
    # The summary names the current language in its own script.
    assert '<span lang="uk">Українська</span></summary>' in switch


def test_the_workspace_is_right_to_left_in_arabic_too(client, coordinator):
    client.force_login(coordinator.user)
    body = client.get(f"/ar/manage/{coordinator.alliance.slug}/").content.decode()
    assert '<html lang="ar" dir="rtl">' in body
    assert '<nav class="lang-switch ws-lang"' in body
    # The workspace is not indexed: no alternates there.
    assert 'rel="alternate" hreflang' not in body


def test_the_calendar_widget_is_right_to_left_in_arabic(client, alliance):
    body = client.get(f"/ar/{alliance.slug}/kalender/widget/").content.decode()
    assert '<html lang="ar" dir="rtl">' in body


def test_times_phone_numbers_and_mail_addresses_stay_left_to_right(client, alliance):
    alliance.contact_phone = "0351 123 45 67"
    alliance.contact_email = "netzwerk@example.org"
    alliance.save()
    body = client.get(f"/ar/{alliance.slug}/suche/").content.decode()
    assert 'href="mailto:netzwerk@example.org" dir="ltr"' in body
    assert 'dir="ltr">0351 123 45 67</a>' in body
