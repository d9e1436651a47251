"""Public calendar pages, event pages, home teaser and the embeddable widget."""

import datetime as dt
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from familiennetz.events.models import EventStatus
from familiennetz.events.services import event_set_status, event_sync_occurrences, occurrence_cancel
from familiennetz.events.tests.factories import BERLIN, EventFactory
from familiennetz.events.tests.test_selectors import at, build_calendar


@pytest.fixture
def cal(alliance, other_alliance):
    return build_calendar(alliance, other_alliance)


def url(name, alliance, **kwargs):
    return reverse(f"events:{name}", kwargs={"alliance_slug": alliance.slug, **kwargs})


def jsonld(response) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', response.text, re.S)
    return json.loads(match.group(1))


# --- calendar page -------------------------------------------------------------------------


@pytest.mark.parametrize("view", ["", "liste", "tag", "woche", "monat"])
def test_calendar_views_render_in_german(client, alliance, cal, view):
    response = client.get(url("calendar", alliance), {"ansicht": view} if view else {})
    assert response.status_code == 200
    assert '<html lang="de"' in response.text
    assert not response.cookies


def test_upcoming_list_shows_public_events_only(client, alliance, cal):
    text = client.get(url("calendar", alliance)).text
    for key in ["cafe", "toddler", "evening", "lantern", "pregnancy"]:
        assert cal[key].title in text
    assert "Entwurf Spielenachmittag" not in text
    assert "Fremdes Familienfest" not in text


def test_week_view_shows_the_week_of_von(client, alliance, cal):
    tuesday = cal["tuesday"]
    response = client.get(url("calendar", alliance), {"ansicht": "woche", "von": tuesday})
    text = response.text
    assert "Elterncafé" in text and "Laternenumzug St. Martin" in text
    assert len(response.context["days"]) == 7
    assert response.context["days"][0].date == tuesday - dt.timedelta(days=1)
    later = client.get(
        url("calendar", alliance),
        {"ansicht": "woche", "von": tuesday + dt.timedelta(weeks=9)},
    )
    assert "Elterncafé" not in later.text  # the café has 8 dates


def test_day_view_lists_one_day(client, alliance, cal):
    tuesday = cal["tuesday"]
    response = client.get(url("calendar", alliance), {"ansicht": "tag", "von": tuesday})
    assert "Elterncafé" in response.text and "Krabbelkurs" not in response.text


def test_month_view_is_an_accessible_table(client, alliance, cal):
    response = client.get(url("calendar", alliance), {"ansicht": "monat", "von": cal["tuesday"]})
    text = response.text
    assert '<table class="cal-month">' in text and "<caption" in text
    assert text.count('<th scope="col">') == 7
    assert "Elterncafé" in text


def test_filters_narrow_the_calendar(client, alliance, cal):
    response = client.get(url("calendar", alliance), {"alter": "0-3", "kostenlos": "on"})
    text = response.text
    assert "Elterncafé" in text and "Laternenumzug St. Martin" in text
    assert "Krabbelkurs" not in text and "Elternabend" not in text
    assert "Geburtsvorbereitung" not in text
    assert len(response.context["selection"].chips) == 2


def test_date_range_filter(client, alliance, cal):
    wednesday = cal["tuesday"] + dt.timedelta(days=1)
    response = client.get(
        url("calendar", alliance), {"von": wednesday, "bis": wednesday + dt.timedelta(days=1)}
    )
    text = response.text
    assert "Krabbelkurs" in text and "Elternabend Trennung" in text
    assert "Laternenumzug" not in text


@pytest.mark.parametrize(
    "params",
    [
        {"alter": "xx"},
        {"von": "gestern"},
        {"von": "2027-02-30"},
        {"von": "2027-03-10", "bis": "2027-03-01"},
        {"von": "0001-01-01"},
        {"von": "2027-01-01", "bis": "2029-01-01"},
        {"ansicht": "jahr"},
        {"seite": "abc"},
        {"seite": "99999"},
        {"kategorie": "<script>"},
        {"organisation": "gibt-es-nicht"},
        {"kostenlos": "vielleicht", "sprache": "xx"},
    ],
)
def test_bad_filter_input_gives_a_normal_page(client, alliance, cal, params):
    response = client.get(url("calendar", alliance), params)
    assert response.status_code == 200
    assert "<script>" not in response.text.split("</header>", 1)[1]


def test_unknown_filters_are_reported(client, alliance, cal):
    response = client.get("/en" + url("calendar", alliance), {"alter": "xx"})
    assert "were not understood" in response.text


def test_month_view_query_count_does_not_grow_with_events(client, alliance, cal):
    month_of = cal["tuesday"]

    def count():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url("calendar", alliance), {"ansicht": "monat", "von": month_of})
            assert response.status_code == 200
        return len(ctx.captured_queries), response.context["grid"].total

    def add_events(n):
        for i in range(n):
            event = EventFactory(
                alliance=alliance,
                title=f"Spielkreis {i}-{n}",
                starts_at=at(month_of, 9),
                ends_at=at(month_of, 10),
                rrule="FREQ=DAILY;COUNT=5",
                is_free=True,
            )
            event_sync_occurrences(event=event)

    add_events(3)
    queries_3, dates_3 = count()
    add_events(12)
    queries_15, dates_15 = count()
    assert dates_15 > dates_3
    assert queries_15 == queries_3
    assert queries_3 <= 10


def test_list_view_query_count_does_not_grow_with_events(client, alliance, cal):
    def count():
        with CaptureQueriesContext(connection) as ctx:
            client.get(url("calendar", alliance), {"kostenlos": "on"})
        return len(ctx.captured_queries)

    before = count()
    for i in range(10):
        event = EventFactory(
            alliance=alliance,
            title=f"Treff {i}",
            starts_at=at(cal["tuesday"], 10),
            is_free=True,
            location=cal["familienzentrum"],
        )
        event_sync_occurrences(event=event)
    assert count() == before


@pytest.mark.parametrize(
    "name",
    [
        "calendar-ical",
        "calendar-rss",
        "calendar-atom",
        "calendar-widget",
        "calendar-widget-snippet",
    ],
)
def test_feed_and_widget_query_count_does_not_grow_with_events(client, alliance, cal, name):
    """Feeds and the widget load each event once with what they show (selectors: only());
    a field they read but did not load would cost one query per event."""
    from django.core.cache import cache

    def count():
        cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url(name, alliance), {"kostenlos": "on"})
            assert response.status_code == 200
        return len(ctx.captured_queries), response.content

    def add_events(n, start):
        for i in range(n):
            category = cal["begegnung"]
            event = EventFactory(
                alliance=alliance,
                organisation=cal["kita"],
                title=f"Treff {start + i}",
                summary="Mit Kaffee.",
                starts_at=at(cal["tuesday"] + dt.timedelta(days=i % 3), 10),
                ends_at=at(cal["tuesday"] + dt.timedelta(days=i % 3), 11),
                is_free=True,
                location=cal["familienzentrum"],
                online_url="https://treff.example.org/" if i % 2 else "",
                rrule="FREQ=WEEKLY;COUNT=2",
            )
            event.categories.set([category])
            event_sync_occurrences(event=event)

    add_events(2, 0)
    before, small = count()
    add_events(10, 2)
    after, large = count()
    assert large.count(b"Treff") > small.count(b"Treff")
    assert after == before


def test_cancelled_date_is_shown_as_cancelled(client, alliance, cal):
    first = cal["cafe"].occurrences.order_by("starts_at").first()
    occurrence_cancel(occurrence=first, note="Die Leiterin ist krank.")
    response = client.get(url("calendar", alliance), {"ansicht": "tag", "von": cal["tuesday"]})
    assert 'data-status="cancelled"' in response.text
    assert "<del>Elterncafé</del>" in response.text
    assert "Die Leiterin ist krank." in response.text
    english = client.get(
        "/en" + url("calendar", alliance), {"ansicht": "tag", "von": cal["tuesday"]}
    )
    assert "Cancelled" in english.text


def test_subscribe_box_offers_https_and_webcal_for_the_filters(client, alliance, cal):
    response = client.get(url("calendar", alliance), {"alter": "0-3", "kostenlos": "on"})
    context = response.context
    assert context["ical_url"].startswith("http://testserver/hainichen/kalender/feed.ics?")
    assert "alter=0-3" in context["ical_url"] and "kostenlos=on" in context["ical_url"]
    assert context["webcal_url"].startswith("webcal://testserver/hainichen/kalender/feed.ics?")
    assert 'href="{}"'.format(context["webcal_url"].replace("&", "&amp;")) in response.text
    assert "feed.rss" in response.text and "feed.atom" in response.text


def test_accessibility_and_weekday_filters_carry_into_subscription_and_chips(client, alliance, cal):
    response = client.get(
        url("calendar", alliance),
        {"barrierefrei": ["rollstuhl", "kinderwagen"], "wochentag": "di", "ansicht": "woche"},
    )
    assert response.status_code == 200
    ical = response.context["ical_url"]
    assert "barrierefrei=rollstuhl" in ical and "barrierefrei=kinderwagen" in ical
    assert "wochentag=di" in ical and "ansicht" not in ical
    chips = {chip.label: chip.remove_url for chip in response.context["selection"].chips}
    assert len(chips) == 3  # one per accessibility need, one for the weekday
    # Removing one accessibility need keeps the other.
    removal = next(u for label, u in chips.items() if "barrierefrei=kinderwagen" in u)
    assert "barrierefrei=rollstuhl" not in removal and "wochentag=di" in removal
    text = client.get(url("calendar", alliance), {"barrierefrei": "rollstuhl"}).text
    assert "Elterncafé" in text and "Krabbelkurs" not in text


def test_calendar_page_shows_iframe_code_for_partner_websites(client, alliance, cal):
    response = client.get(url("calendar", alliance), {"organisation": "kita-sonnenschein"})
    code = response.context["embed_code"]
    assert code.startswith('<iframe src="http://testserver/hainichen/kalender/widget/?')
    assert "organisation=kita-sonnenschein" in code and 'title="' in code
    assert "&lt;iframe" in response.text  # shown as text to copy


def test_english_calendar_under_en(client, alliance, cal):
    response = client.get("/en" + url("calendar", alliance))
    assert response.status_code == 200
    assert '<html lang="en"' in response.text
    assert "Family calendar" in response.text and "Subscribe" in response.text


def test_calendar_has_a_strict_csp_and_no_third_party_urls(client, alliance, cal):
    response = client.get(url("calendar", alliance), {"ansicht": "monat"})
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert not re.search(r'(src|href)="https?://(?!testserver)', response.text)


def test_other_alliance_calendar_is_separate(client, alliance, other_alliance, cal):
    text = client.get(url("calendar", other_alliance)).text
    assert "Fremdes Familienfest" in text and "Elterncafé" not in text


def test_dst_weekly_cafe_shows_15_00_in_march_and_november(client, alliance):
    cafe = EventFactory(
        alliance=alliance,
        title="Elterncafé Winter",
        starts_at=dt.datetime(2027, 1, 5, 15, tzinfo=BERLIN),
        ends_at=dt.datetime(2027, 1, 5, 17, tzinfo=BERLIN),
        rrule="FREQ=WEEKLY;BYDAY=TU",
    )
    event_sync_occurrences(event=cafe, today=dt.date(2027, 1, 4))
    for day in ["2027-03-23", "2027-03-30", "2027-10-26", "2027-11-02"]:
        response = client.get(url("calendar", alliance), {"ansicht": "tag", "von": day})
        assert f'datetime="{day}T15:00:00' in response.text, day
        assert ">15:00</time>" in response.text


# --- event page ----------------------------------------------------------------------------


def test_event_page_shows_what_a_parent_needs(client, alliance, cal):
    response = client.get(cal["cafe"].get_absolute_url())
    assert response.status_code == 200
    text = response.text
    assert "Elterncafé" in text
    assert cal["familienzentrum"].get_absolute_url() in text  # where: the place page
    assert "kostenlos" in text
    assert "Arabisch" in text
    assert "Familienzentrum Regenbogen" in text
    assert cal["cafe"].organisation.get_absolute_url() in text
    assert len(response.context["upcoming"]) == 8
    assert response.context["selected"].pk == response.context["upcoming"][0].pk


def test_offer_page_shows_the_next_dates_of_its_sessions(client, alliance, cal, offer_factory):
    """The recurring sessions of an offer are events: the offer page lists their next dates
    (a cancelled one marked), and each event page links back to its offer."""
    offer = offer_factory(alliance=alliance, name="Elterncafé im Familienzentrum")
    cafe = cal["cafe"]
    cafe.offer = offer
    cafe.save()
    cal["draft"].offer = offer
    cal["draft"].save()
    occurrence_cancel(occurrence=cafe.occurrences.order_by("starts_at").first(), note="Krank")
    response = client.get(offer.get_absolute_url())
    dates = response.context["offer_dates"]
    assert [d.event.title for d in dates] == ["Elterncafé"] * 5  # the next five, no draft
    assert dates[0].is_cancelled and not dates[1].is_cancelled
    text = response.text
    assert 'id="offer-dates"' in text and text.count("cal-entry--cancelled") == 1
    assert f"?termin={dates[1].pk}" in text
    event_page = client.get(cafe.get_absolute_url()).text
    assert f'href="{offer.get_absolute_url()}"' in event_page
    unrelated = offer_factory(alliance=alliance)
    assert 'id="offer-dates"' not in client.get(unrelated.get_absolute_url()).text


def test_event_page_has_schema_org_event(client, alliance, cal):
    data = jsonld(client.get(cal["cafe"].get_absolute_url()))
    assert data["@type"] == "Event"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["isAccessibleForFree"] is True
    assert data["offers"]["price"] == 0
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["addressLocality"] == "Hainichen"
    assert data["organizer"]["name"] == "Familienzentrum"
    assert data["startDate"].endswith(":00+01:00") or data["startDate"].endswith(":00+02:00")
    assert "T15:00:00" in data["startDate"]


def test_selected_cancelled_date_shows_a_notice_and_json_ld_status(client, alliance, cal):
    second = cal["cafe"].occurrences.order_by("starts_at")[1]
    occurrence_cancel(occurrence=second, note="Raum belegt")
    response = client.get(f"{cal['cafe'].get_absolute_url()}?termin={second.pk}")
    assert response.context["selected"].pk == second.pk
    assert "cal-notice--cancelled" in response.text and "Raum belegt" in response.text
    assert jsonld(response)["eventStatus"] == "https://schema.org/EventCancelled"


def test_event_level_status_shows_a_visible_notice(client, alliance, cal):
    event_set_status(
        event=cal["lantern"], event_status=EventStatus.POSTPONED, note="Wegen Sturm verschoben."
    )
    response = client.get("/en" + cal["lantern"].get_absolute_url())
    assert 'class="notice cal-notice cal-notice--postponed"' in response.text
    assert "Postponed" in response.text and "Wegen Sturm verschoben." in response.text
    assert jsonld(response)["eventStatus"] == "https://schema.org/EventPostponed"


def test_moved_online_event_has_online_location(client, alliance, cal):
    cafe = cal["cafe"]
    cafe.online_url = "https://meet.example.org/elterncafe"
    cafe.save()
    event_set_status(event=cafe, event_status=EventStatus.MOVED_ONLINE)
    data = jsonld(client.get(cafe.get_absolute_url()))
    assert data["eventStatus"] == "https://schema.org/EventMovedOnline"
    assert data["location"]["@type"] == "VirtualLocation"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"


@pytest.mark.parametrize("termin", ["abc", "999999", ""])
def test_bad_termin_falls_back_to_the_next_date(client, alliance, cal, termin):
    response = client.get(f"{cal['cafe'].get_absolute_url()}?termin={termin}")
    assert response.status_code == 200
    assert response.context["selected"].pk == response.context["upcoming"][0].pk


def test_termin_of_another_event_is_ignored(client, alliance, cal):
    foreign = cal["toddler"].occurrences.first()
    response = client.get(f"{cal['cafe'].get_absolute_url()}?termin={foreign.pk}")
    assert response.context["selected"].event.pk == cal["cafe"].pk


def test_registration_panel_gets_the_selected_date(client, alliance, cal):
    evening = cal["evening"]
    occurrence = evening.occurrences.get()
    response = client.get(evening.get_absolute_url())
    assert "events/registration/_panel.html" in [t.name for t in response.templates]
    panel_contexts = [c for c in response.context if "occurrence" in c]
    assert panel_contexts and response.context["occurrence"].pk == occurrence.pk
    assert "private" in response["Cache-Control"]
    cafe = client.get(cal["cafe"].get_absolute_url())
    assert "events/registration/_panel.html" not in [t.name for t in cafe.templates]
    assert "public" in cafe["Cache-Control"]


@pytest.mark.parametrize("key", ["draft"])
def test_drafts_are_never_public(client, alliance, cal, key):
    event = cal[key]
    assert client.get(event.get_absolute_url()).status_code == 404
    assert client.get(url("event-ical", alliance, slug=event.slug)).status_code == 404


def test_archived_event_is_404(client, alliance, cal):
    cal["lantern"].status = "archived"
    cal["lantern"].save()
    assert client.get(cal["lantern"].get_absolute_url()).status_code == 404


def test_other_alliances_event_is_404(client, alliance, other_alliance, cal):
    foreign = cal["foreign"]
    assert client.get(url("event-detail", alliance, slug=foreign.slug)).status_code == 404
    assert client.get(url("event-ical", alliance, slug=foreign.slug)).status_code == 404
    assert client.get(foreign.get_absolute_url()).status_code == 200


def test_past_event_page_shows_its_last_date(client, alliance):
    old = EventFactory(
        alliance=alliance,
        title="Sommerfest",
        starts_at=dt.datetime(2020, 6, 20, 14, tzinfo=BERLIN),
        ends_at=dt.datetime(2020, 6, 20, 18, tzinfo=BERLIN),
    )
    event_sync_occurrences(event=old, today=dt.date(2020, 6, 1))
    response = client.get("/en" + old.get_absolute_url())
    assert response.status_code == 200
    assert response.context["selected"] is not None and response.context["upcoming"] == []
    assert "in the past" in response.text


def test_event_image_has_alt_text(client, alliance, cal, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    gif = (
        b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00"
        b"\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
    )
    lantern = cal["lantern"]
    lantern.image = SimpleUploadedFile("laterne.gif", gif, content_type="image/gif")
    lantern.image_alt = "Kinder mit bunten Laternen im Dunkeln"
    lantern.save()
    response = client.get(lantern.get_absolute_url())
    assert 'alt="Kinder mit bunten Laternen im Dunkeln"' in response.text
    assert jsonld(response)["image"].startswith("http://testserver/media/events/")


# --- home page and navigation --------------------------------------------------------------


def test_home_shows_the_next_five_events_and_nav_links_the_calendar(client, alliance, cal):
    response = client.get(reverse("directory:home", kwargs={"alliance_slug": alliance.slug}))
    assert response.status_code == 200
    assert len(response.context["next_events"]) == 5
    assert "next-events-heading" in response.text
    assert "Elterncafé" in response.text and "Entwurf" not in response.text
    assert f'href="{url("calendar", alliance)}"' in response.text


def test_nav_marks_the_calendar_as_current(client, alliance, cal):
    text = client.get(url("calendar", alliance)).text
    assert f'href="{url("calendar", alliance)}" aria-current="page"' in text


# --- widget --------------------------------------------------------------------------------


def test_widget_may_be_framed_from_another_origin(client, alliance, cal):
    response = client.get(
        url("calendar-widget", alliance),
        {"organisation": "kita-sonnenschein"},
        headers={"Referer": "http://localhost:8765/", "Sec-Fetch-Dest": "iframe"},
    )
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors *" in csp
    nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
    assert f'<style nonce="{nonce}">' in response.text
    assert "<script" not in response.text
    assert not response.cookies
    text = response.text
    assert "Krabbelkurs" in text and "Laternenumzug St. Martin" in text
    assert "Elterncafé" not in text
    assert 'target="_blank" rel="noopener"' in text
    assert "http://testserver/hainichen/termine/" in text  # absolute links


def test_widget_filters_by_category_and_count(client, alliance, cal):
    response = client.get(url("calendar-widget", alliance), {"kategorie": "begegnung", "anzahl": 3})
    assert response.text.count('class="fn-event"') == 3


def test_widget_with_unknown_organisation_shows_nothing(client, alliance, cal):
    response = client.get(url("calendar-widget", alliance), {"organisation": "vertippt"})
    assert response.status_code == 200
    assert "fn-event--none" in response.text and "Elterncafé" not in response.text


def test_widget_snippet_is_a_fragment_with_cors(client, alliance, cal):
    response = client.get(
        url("calendar-widget-snippet", alliance),
        {"organisation": "kita-sonnenschein"},
        headers={"Origin": "http://localhost:8765"},
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Content-Type"].startswith("text/html")
    text = response.text.strip()
    assert text.startswith('<div class="fn-events"') and "<html" not in text
    assert "Krabbelkurs" in text and "Elterncafé" not in text
    assert not response.cookies


def test_other_pages_still_refuse_framing(client, alliance, cal):
    response = client.get(cal["cafe"].get_absolute_url())
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"kategorie": "begegnung", "alter": "0-3", "wochentag": "di"},
        {"kategorie": "gibt-es-nicht", "ortsteil": "gersdorf", "sprache": "ar"},
    ],
)
def test_filter_selects_are_the_markup_of_django_widgets(alliance, cal, data):
    """The calendar writes its filter <select>s directly (speed); they must stay what Django's
    Select widget renders for the same bound form (ids, names, options, the selection)."""
    from django.test.html import parse_html

    from familiennetz.events import selectors
    from familiennetz.events.forms import EventFilterForm
    from familiennetz.events.templatetags.calendar_tags import filter_select

    form = EventFilterForm(data, **selectors.filter_choices(alliance=alliance))
    filters = form.filters()
    for name in ["kategorie", "alter", "ortsteil", "sprache", "wochentag"]:
        ours = parse_html(str(filter_select(form[name], filters.get(name))))
        if name in form.errors:  # an invalid value: Django re-selects it, the page drops it
            continue
        assert ours == parse_html(str(form[name])), name
