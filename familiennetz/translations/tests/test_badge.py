"""The navigation's "Übersetzungen" badge (translations waiting for review) on every workspace
page: no query for it while nothing changed, right at once after a translation or an entry
changed."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from familiennetz.translations.models import ContentTranslation

pytestmark = pytest.mark.django_db

BADGE = re.compile(r'>Übersetzungen(?: <span class="ws-count">(\d+)</span>)?</a>')


@pytest.fixture
def offer(alliance, offer_factory, provider_organisation):
    return offer_factory(alliance=alliance, organisation=provider_organisation, name="Elterncafé")


def edit_url(offer, language="uk"):
    return f"/manage/{offer.alliance.slug}/uebersetzungen/angebot/{offer.pk}/{language}/"


@pytest.fixture
def waiting(client, offer, provider, coordinator):
    """A provider's translation waits for review; the coordinator is logged in."""
    client.force_login(provider.user)
    client.post(edit_url(offer), {"name": "Батьківське кафе"})
    assert ContentTranslation.objects.proposed().count() == 1
    client.force_login(coordinator.user)
    return offer


def badge(client, alliance) -> str:
    """The badge's number on a workspace page ("" without a badge)."""
    page = client.get(f"/manage/{alliance.slug}/qr-codes/").content.decode()
    match = BADGE.search(page)
    assert match, "the navigation shows no translations entry"
    return match.group(1) or ""


def translation_queries(client, alliance) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert badge(client, alliance) == "1"
    return [q["sql"] for q in captured if "translations_contenttranslation" in q["sql"]]


def test_the_badge_costs_no_query_while_nothing_changed(client, alliance, waiting):
    assert translation_queries(client, alliance)  # counted once
    assert translation_queries(client, alliance) == []  # then kept


def test_the_badge_is_right_right_after_a_translation_changes(client, alliance, waiting):
    assert badge(client, alliance) == "1"
    client.post(edit_url(waiting) + "pruefen/", {"decision": "accept"})
    assert badge(client, alliance) == ""
    client.post(edit_url(waiting, "tr"), {"name": "Ebeveyn kafesi"})  # published at once
    assert badge(client, alliance) == ""


def test_the_badge_is_right_right_after_a_new_proposal(
    client, alliance, waiting, provider, coordinator
):
    assert badge(client, alliance) == "1"
    client.force_login(provider.user)
    client.post(edit_url(waiting, "ru"), {"name": "Родительское кафе"})
    client.force_login(coordinator.user)
    assert badge(client, alliance) == "2"


def test_the_badge_is_right_right_after_an_entry_changes(client, alliance, waiting):
    assert badge(client, alliance) == "1"
    waiting.name = "Elterncafé am Markt"
    waiting.save()
    assert translation_queries(client, alliance)  # counted again
    waiting.delete()  # its translations go with it
    assert badge(client, alliance) == ""


def test_another_alliances_changes_do_not_reach_the_badge(
    client, alliance, other_alliance, waiting, offer_factory
):
    assert badge(client, alliance) == "1"
    offer_factory(alliance=other_alliance, name="Fremdes Angebot")
    assert translation_queries(client, alliance) == []
