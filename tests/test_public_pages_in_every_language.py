"""Every public page renders in each of the six interface languages (issue 16, guide2):
status 200, ``<html lang>`` and ``dir`` right, and no placeholder left unformatted – a
translation that breaks ``%(name)s`` or a template tag would leak "%(" or "{{" into the page."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import translation

from familiennetz.directory.tests.conftest import guide  # noqa: F401 (fixture)
from familiennetz.events.services import event_sync_occurrences
from familiennetz.events.tests.factories import EventFactory
from familiennetz.outreach import services as outreach
from familiennetz.participation.tests.factories import needs_survey

LANGUAGES = ["de", "en", "ar", "uk", "tr", "ru"]
RTL = {"ar"}
LEAKS = re.compile(r"%\(|\{\{|\{%")
SCRIPTS = re.compile(r"<script\b.*?</script>", re.DOTALL)  # JSON-LD holds "}}" by right


def _public_urls(alliance, objects) -> list[str]:
    """The guide's public HTML pages, for the current language."""
    a = {"alliance_slug": alliance.slug}
    offer, event = objects["krabbel"], objects["event"]
    category = alliance.categories.get(code="elternbildung.eltern-kind-gruppe")
    return [
        reverse("directory:home", kwargs=a),
        reverse("directory:search", kwargs=a),
        reverse("directory:search", kwargs=a) + "?q=Krabbelgruppe&kostenlos=on&alter=0-3",
        reverse("directory:search", kwargs=a) + "?q=xyzzy-nichts",  # no results
        reverse("directory:search", kwargs=a) + "?alter=unsinn",  # a notice about the value
        category.get_absolute_url(),
        objects["dorf"].get_absolute_url(),
        reverse("directory:offer-detail", kwargs={**a, "slug": offer.slug}),
        reverse("directory:offer-print", kwargs={**a, "slug": offer.slug}),
        offer.organisation.get_absolute_url(),
        objects["rathaus"].get_absolute_url(),
        reverse("events:calendar", kwargs=a),
        reverse("events:calendar", kwargs=a) + "?ansicht=woche",
        reverse("events:calendar-widget", kwargs=a),
        reverse("events:event-detail", kwargs={**a, "slug": event.slug}),
        reverse("moderation:suggest", kwargs=a),
        reverse("moderation:report", kwargs={**a, "kind": "angebot", "slug": offer.slug}),
        reverse("interop:open-data", kwargs=a),
        reverse("outreach:help", kwargs=a),
        reverse("outreach:news", kwargs=a),
        reverse("outreach:plan", kwargs=a),
        reverse("participation:survey-list", kwargs=a),
        # A survey chooses its language with ?sprache= (its default otherwise).
        reverse("participation:survey-answer", kwargs={**a, "slug": objects["survey"].slug})
        + f"?sprache={translation.get_language()}",
        reverse("outreach:rally-detail", kwargs={**a, "slug": objects["rally"].slug}),
        reverse("outreach:rally-station", kwargs={**a, "slug": objects["rally"].slug, "number": 1}),
        reverse("accounts:login"),
        reverse("accounts:password-reset"),
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_renders_in_the_language(client, alliance, guide, language):  # noqa: F811
    event = EventFactory(alliance=alliance, organisation=guide["krabbel"].organisation)
    event_sync_occurrences(event=event)
    rally = outreach.rally_save(alliance=alliance, values={"title": "Entdecker-Rallye"})
    outreach.station_save(
        rally=rally,
        values={"location": guide["rathaus"], "number": 1, "title": "Rathaus", "task": "Zählt!"},
    )
    rally = outreach.rally_save(alliance=alliance, values={"is_published": True}, rally=rally)
    objects = {
        **guide,
        "event": event,
        "rally": rally,
        "survey": needs_survey(alliance, districts=("Ottendorf",)),  # German and Arabic
    }
    survey = objects["survey"]
    with translation.override(language):
        urls = _public_urls(alliance, objects)
    problems = []
    for url in urls:
        if language != "de":
            assert url.startswith(f"/{language}/"), url
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        if response.status_code != 200:
            problems.append(f"{url}: status {response.status_code}")
            continue
        html = response.content.decode()
        opening = re.search(r"<html[^>]*>", html)
        # A survey speaks its own languages: the interface's if it has it, else its default.
        expected = language
        if f"/umfragen/{survey.slug}/" in url and language not in survey.languages:
            expected = survey.default_language
        if not opening or f'lang="{expected}"' not in opening[0]:
            problems.append(
                f"{url}: {opening[0] if opening else 'no <html>'} is not lang={language}"
            )
        elif (language in RTL) != ('dir="rtl"' in opening[0]):
            problems.append(f"{url}: {opening[0]} has the wrong direction for {expected}")
        page = SCRIPTS.sub("", html)
        for leak in sorted(set(LEAKS.findall(page))):
            at = page.index(leak)
            problems.append(f"{url}: {leak!r} leaks: …{page[max(at - 80, 0) : at + 40]!r}…")
    assert not problems, "\n".join(problems)
