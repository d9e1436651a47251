"""News (Aktuelles): edited in the workspace with history, public list and page, Atom feed."""

import pytest

from familiennetz.outreach import services
from familiennetz.outreach.models import NewsItem

pytestmark = pytest.mark.django_db

URL = "/manage/hainichen/aktuelles/"


def test_the_coordinator_writes_and_publishes_news(logged_in, alliance, client):
    response = logged_in.post(
        f"{URL}neu/",
        {
            "title": "Neue Krabbelgruppe im Familienzentrum",
            "summary": "Ab Januar",
            "text": "Jeden Dienstag.",
        },
    )
    assert response.status_code == 302
    item = NewsItem.objects.get(alliance=alliance)
    assert item.published_at is None  # a draft
    logged_in.logout()
    assert "Neue Krabbelgruppe" not in client.get("/hainichen/aktuelles/").content.decode()
    assert client.get(f"/hainichen/aktuelles/{item.slug}/").status_code == 404

    logged_in.force_login(alliance_coordinator(alliance))
    logged_in.post(
        f"{URL}{item.pk}/",
        {
            "title": "Neue Krabbelgruppe im Familienzentrum",
            "summary": "Ab Januar",
            "text": "Jeden Dienstag um 9 Uhr.",
            "is_published": "on",
        },
    )
    item.refresh_from_db()
    assert item.published_at is not None
    assert item.history.count() == 2
    page = client.get("/hainichen/aktuelles/").content.decode()
    assert "Neue Krabbelgruppe im Familienzentrum" in page
    assert "Jeden Dienstag um 9 Uhr." in client.get(item.get_absolute_url()).content.decode()


def alliance_coordinator(alliance):
    from familiennetz.alliances.models import Membership

    return Membership.objects.filter(alliance=alliance, role="coordinator").first().user


def test_the_atom_feed_lists_published_news(client, alliance):
    services.news_save(
        alliance=alliance,
        values={
            "title": "Sommerfest am Teich",
            "text": "Alle sind eingeladen.",
            "is_published": True,
        },
    )
    services.news_save(alliance=alliance, values={"title": "Entwurf", "text": "geheim"})
    response = client.get("/hainichen/aktuelles/feed.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = response.content.decode()
    assert "<title>Sommerfest am Teich</title>" in feed
    assert "http://testserver/hainichen/aktuelles/sommerfest-am-teich/" in feed
    assert "Entwurf" not in feed


def test_markup_in_news_is_a_field_error(logged_in, alliance):
    response = logged_in.post(f"{URL}neu/", {"title": "Hallo", "text": "<script>alert(1)</script>"})
    assert response.status_code == 200
    assert "ohne die Zeichen" in response.content.decode()
    assert not NewsItem.objects.exists()
