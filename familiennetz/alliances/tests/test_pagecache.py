"""Public pages are served from the page cache until anything of their alliance changes."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from familiennetz.alliances.models import Alliance
from familiennetz.directory.models import Status
from familiennetz.directory.tests import factories as f


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def home(alliance) -> str:
    return reverse("directory:home", kwargs={"alliance_slug": alliance.slug})


def offer_url(offer) -> str:
    return reverse(
        "directory:offer-detail", kwargs={"alliance_slug": offer.alliance.slug, "slug": offer.slug}
    )


def queries_for(client, url, **extra) -> tuple:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, **extra)
    return response, len(ctx.captured_queries)


def test_second_visit_comes_from_the_cache_with_one_query(client, alliance):
    offer = f.OfferFactory(alliance=alliance, name="Krabbelgruppe Sonnenschein")
    _first, cold = queries_for(client, offer_url(offer))
    again, warm = queries_for(client, offer_url(offer))
    assert again.status_code == 200
    assert again["X-Cache"] == "hit"
    assert "Krabbelgruppe Sonnenschein" in again.text
    assert warm == 1  # the alliance (with its content version), nothing else
    assert cold > warm


def test_an_edit_shows_up_at_once(client, alliance):
    offer = f.OfferFactory(alliance=alliance, name="Krabbelgruppe Sonnenschein")
    client.get(offer_url(offer))
    offer.summary = "Neu: jetzt auch dienstags."
    offer.save()
    assert "jetzt auch dienstags" in client.get(offer_url(offer)).text
    offer.summary = "Und donnerstags."  # a second change in the same (test) transaction
    offer.save()
    assert "Und donnerstags" in client.get(offer_url(offer)).text


def test_a_change_to_a_related_row_or_a_link_shows_up_at_once(client, alliance):
    location = f.LocationFactory(alliance=alliance, name="Rathaus")
    offer = f.OfferFactory(alliance=alliance, name="Elterncafé", locations=[location])
    client.get(offer_url(offer))
    location.name = "Bürgerhaus"
    location.save()
    assert "Bürgerhaus" in client.get(offer_url(offer)).text
    category = f.CategoryFactory(alliance=alliance, name="Familienbildung")
    offer.categories.add(category)
    assert "Familienbildung" in client.get(offer_url(offer)).text


def test_unpublishing_removes_the_page_at_once(client, alliance):
    offer = f.OfferFactory(alliance=alliance)
    assert client.get(offer_url(offer)).status_code == 200
    offer.status = Status.DRAFT
    offer.save()
    assert client.get(offer_url(offer)).status_code == 404


def test_another_alliance_changing_keeps_this_cache(client, alliance, other_alliance):
    offer = f.OfferFactory(alliance=alliance)
    client.get(offer_url(offer))
    f.OfferFactory(alliance=other_alliance)
    assert client.get(offer_url(offer))["X-Cache"] == "hit"


@pytest.mark.django_db(transaction=True)
def test_version_changes_once_per_transaction_for_many_edits():
    from django.db import transaction

    alliance = Alliance.objects.create(name="Netz", slug="netz", region="Hainichen")
    before = Alliance.objects.get(pk=alliance.pk).content_version
    with CaptureQueriesContext(connection) as ctx, transaction.atomic():
        for number in range(20):
            f.OfferFactory(alliance=alliance, name=f"Angebot {number}")
    updates = [q for q in ctx.captured_queries if q["sql"].startswith('UPDATE "alliances')]
    assert len(updates) == 1  # one new version for the whole import, not twenty
    assert Alliance.objects.get(pk=alliance.pk).content_version != before


@pytest.mark.django_db(transaction=True)
def test_committed_edit_changes_the_version_seen_by_other_processes(client):
    """Real commits: what another server process reads from the database."""
    alliance = Alliance.objects.create(name="Netz", slug="netz", region="Hainichen")
    offer = f.OfferFactory(alliance=alliance, name="Babytreff")
    client.get(offer_url(offer))
    version = Alliance.objects.get(pk=alliance.pk).content_version
    offer.name = "Babytreff am Markt"
    offer.save()
    assert Alliance.objects.get(pk=alliance.pk).content_version != version
    assert "Babytreff am Markt" in client.get(offer_url(offer)).text


def test_a_cached_page_gets_the_csp_nonce_of_the_request_serving_it(rf):
    from csp.middleware import CSPMiddleware
    from django.http import HttpResponse

    from familiennetz.alliances import pagecache

    def request():
        made = rf.get("/")
        CSPMiddleware(lambda r: None).process_request(made)
        return made

    first = request()
    nonce = str(first.csp_nonce)
    page = HttpResponse(f'<script nonce="{nonce}" src="/a.js"></script>')
    page["Cache-Control"] = "public, max-age=300"
    frozen = pagecache._freeze(first, page)
    later = request()
    served = pagecache._thaw(later, frozen)
    assert nonce not in served.text
    assert f'nonce="{later.csp_nonce}"' in served.text
    assert served["Cache-Control"] == "public, max-age=300"


def test_signed_in_people_get_fresh_pages(client, alliance, django_user_model):
    offer = f.OfferFactory(alliance=alliance)
    client.get(offer_url(offer))
    user = django_user_model.objects.create_user(email="ko@example.org")
    client.force_login(user)
    assert not client.get(offer_url(offer)).has_header("X-Cache")


def test_private_and_failed_responses_are_not_cached(client, alliance):
    missing = reverse(
        "directory:offer-detail", kwargs={"alliance_slug": alliance.slug, "slug": "x"}
    )
    assert client.get(missing).status_code == 404
    assert client.get(missing).status_code == 404
    f.OfferFactory(alliance=alliance, slug="x")
    assert client.get(missing).status_code == 200  # the 404 was not kept


def test_page_cache_can_be_turned_off(client, alliance, settings):
    settings.PAGE_CACHE_SECONDS = 0
    offer = f.OfferFactory(alliance=alliance)
    client.get(offer_url(offer))
    assert not client.get(offer_url(offer)).has_header("X-Cache")


@pytest.mark.parametrize("name", ["calendar-rss", "calendar-atom"])
def test_rss_and_atom_answer_304_until_the_content_changes(client, alliance, name):
    offer = f.OfferFactory(alliance=alliance)
    url = reverse(f"events:{name}", kwargs={"alliance_slug": alliance.slug})
    first = client.get(url)
    etag = first["ETag"]
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    offer.name = "Neuer Name"
    offer.save()
    changed = client.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_pages_are_compressed_for_browsers_that_accept_it(client, alliance):
    f.OfferFactory(alliance=alliance)
    plain = client.get(home(alliance))
    compressed = client.get(home(alliance), headers={"Accept-Encoding": "gzip"})
    assert compressed["Content-Encoding"] == "gzip"
    assert len(compressed.content) < len(plain.content) / 2
    assert "Content-Encoding" not in plain


def test_event_page_shows_the_free_places_after_a_confirmation_and_a_cancellation(
    client, alliance, django_capture_on_commit_callbacks
):
    """Registrations do not change the alliance's content version (that would empty the page
    cache at every sign-up), so the event page with its free places must not be cached."""
    from familiennetz.events import registration as registration_services
    from familiennetz.events.tests.registration_support import confirmed, registration_date

    occurrence = registration_date(alliance=alliance, capacity=10)
    url = occurrence.event.get_absolute_url()
    assert "10 von 10 Plätzen frei" in client.get(url).text
    with django_capture_on_commit_callbacks(execute=True):
        registration = confirmed(occurrence, adults=2, children=1)
    assert "7 von 10 Plätzen frei" in client.get(url).text
    with django_capture_on_commit_callbacks(execute=True):
        registration_services.registration_cancel(registration_id=registration.pk)
    assert "10 von 10 Plätzen frei" in client.get(url).text


def test_a_public_error_report_does_not_empty_the_page_cache(client, alliance):
    from familiennetz.moderation.services import report_create

    offer = f.OfferFactory(alliance=alliance, name="Krabbelgruppe Sonnenschein")
    client.get(offer_url(offer))
    version = Alliance.objects.get(pk=alliance.pk).content_version
    report_create(alliance=alliance, target=offer, message="Die Gruppe trifft sich jetzt montags.")
    assert Alliance.objects.get(pk=alliance.pk).content_version == version
    assert client.get(offer_url(offer))["X-Cache"] == "hit"
