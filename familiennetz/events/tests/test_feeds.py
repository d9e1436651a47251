"""iCalendar subscription feeds, 'add to my calendar' files, RSS and Atom."""

import datetime as dt
import xml.etree.ElementTree as ET

import icalendar
import pytest
import vobject
from django.urls import reverse
from django.utils import timezone

from familiennetz.events import selectors
from familiennetz.events.services import event_sync_occurrences, occurrence_cancel
from familiennetz.events.tests.factories import BERLIN, EventFactory
from familiennetz.events.tests.test_selectors import build_calendar

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def cal(alliance, other_alliance):
    return build_calendar(alliance, other_alliance)


@pytest.fixture(autouse=True)
def empty_cache():
    from django.core.cache import cache

    cache.clear()


def feed_url(alliance, name="calendar-ical"):
    return reverse(f"events:{name}", kwargs={"alliance_slug": alliance.slug})


def parse_both(body: bytes):
    """Parse with two independent parsers; both must accept the file."""
    calendar = icalendar.Calendar.from_ical(body)
    parsed = vobject.readOne(body.decode("utf-8"))
    vevents = calendar.walk("VEVENT")
    assert len(vevents) == len(getattr(parsed, "vevent_list", []))
    return calendar, parsed


def summaries(calendar) -> list[str]:
    return [str(vevent["SUMMARY"]) for vevent in calendar.walk("VEVENT")]


def by_uid(calendar) -> dict:
    return {str(vevent["UID"]): vevent for vevent in calendar.walk("VEVENT")}


def test_feed_parses_in_icalendar_and_vobject(client, alliance, cal):
    response = client.get(feed_url(alliance))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert not response.cookies
    calendar, parsed = parse_both(response.content)
    assert len(calendar.walk("VEVENT")) == 8 + 4 + 1 + 1 + 1
    assert len(by_uid(calendar)) == 15  # one UID per date
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    for vevent in calendar.walk("VEVENT"):
        assert vevent["DTSTART"].params["TZID"] == "Europe/Berlin"
        for name in ["DTSTAMP", "LAST-MODIFIED", "SEQUENCE", "STATUS", "URL"]:
            assert name in vevent, name
    for vevent in parsed.vevent_list:
        assert vevent.dtstart.value.tzinfo is not None


def test_feed_for_age_0_to_3_free_contains_only_those(client, alliance, cal):
    response = client.get(feed_url(alliance), {"alter": "0-3", "kostenlos": "on"})
    calendar, parsed = parse_both(response.content)
    assert set(summaries(calendar)) == {"Elterncafé", "Laternenumzug St. Martin"}
    assert len(calendar.walk("VEVENT")) == 8 + 1
    assert {v.summary.value for v in parsed.vevent_list} == set(summaries(calendar))
    assert "0–3" in str(calendar["X-WR-CALNAME"])


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"organisation": "kita-sonnenschein"}, {"Krabbelkurs", "Laternenumzug St. Martin"}),
        ({"kategorie": "begegnung"}, {"Elterncafé"}),
        ({"ortsteil": "zentrum", "kostenlos": "on"}, {"Elterncafé", "Geburtsvorbereitung"}),
        ({"alter": "schwangerschaft"}, {"Geburtsvorbereitung"}),
        ({"sprache": "ar"}, {"Elterncafé"}),
    ],
)
def test_feed_contains_exactly_what_the_filter_selects(client, alliance, cal, params, expected):
    calendar, _parsed = parse_both(client.get(feed_url(alliance), params).content)
    assert set(summaries(calendar)) == expected


@pytest.mark.parametrize("params", [{"alter": "xx"}, {"organisation": "vertippt"}])
def test_feed_with_a_bad_selection_is_empty_not_everything(client, alliance, cal, params):
    response = client.get(feed_url(alliance), params)
    assert response.status_code == 200
    calendar, _parsed = parse_both(response.content)
    assert calendar.walk("VEVENT") == []


def test_drafts_and_other_alliances_never_in_feeds(client, alliance, cal):
    for name in ["calendar-ical", "calendar-rss", "calendar-atom"]:
        text = client.get(feed_url(alliance, name)).content.decode()
        assert "Entwurf Spielenachmittag" not in text, name
        assert "Fremdes Familienfest" not in text, name


def test_cancelled_date_is_cancelled_in_the_feed_and_updates_in_place(client, alliance, cal):
    cafe = cal["cafe"]
    target = cafe.occurrences.order_by("starts_at")[2]
    # SEQUENCE counts seconds; let an hour pass since the dates were created.
    an_hour_ago = timezone.now() - dt.timedelta(hours=1)
    cafe.occurrences.update(updated_at=an_hour_ago)
    type(cafe).objects.filter(pk=cafe.pk).update(updated_at=an_hour_ago)
    before = by_uid(icalendar.Calendar.from_ical(client.get(feed_url(alliance)).content))
    occurrence_cancel(occurrence=target, note="Die Leiterin ist krank.")
    event_sync_occurrences(event=cafe)  # regeneration keeps the cancellation
    body = client.get(feed_url(alliance)).content
    calendar, parsed = parse_both(body)
    after = by_uid(calendar)
    assert set(after) == set(before)  # same UIDs: the phone updates the entry in place
    cancelled = [uid for uid, vevent in after.items() if vevent["STATUS"] == "CANCELLED"]
    assert len(cancelled) == 1
    vevent = after[cancelled[0]]
    assert int(vevent["SEQUENCE"]) > int(before[cancelled[0]]["SEQUENCE"])
    assert str(vevent["SUMMARY"]).endswith("Elterncafé") and str(vevent["SUMMARY"]) != "Elterncafé"
    assert "Die Leiterin ist krank." in str(vevent["DESCRIPTION"])
    assert vevent.decoded("DTSTART") == target.starts_at
    vobj = next(v for v in parsed.vevent_list if v.uid.value == cancelled[0])
    assert vobj.status.value == "CANCELLED"


def test_moved_date_keeps_its_uid(client, alliance, cal):
    from familiennetz.events.services import occurrence_update

    target = cal["cafe"].occurrences.order_by("starts_at").first()
    before = set(by_uid(icalendar.Calendar.from_ical(client.get(feed_url(alliance)).content)))
    occurrence_update(occurrence=target, starts_at=target.starts_at + dt.timedelta(hours=2))
    calendar = icalendar.Calendar.from_ical(client.get(feed_url(alliance)).content)
    assert set(by_uid(calendar)) == before


def _next_dst_change(after: dt.date) -> dt.date:
    day = after
    while True:
        if (
            dt.datetime.combine(day, dt.time(12), tzinfo=BERLIN).utcoffset()
            != dt.datetime.combine(
                day + dt.timedelta(days=1), dt.time(12), tzinfo=BERLIN
            ).utcoffset()
        ):
            return day + dt.timedelta(days=1)
        day += dt.timedelta(days=1)


def test_feed_keeps_15_00_local_across_the_next_dst_change(client, alliance):
    change = _next_dst_change(timezone.localdate() + dt.timedelta(days=8))  # a Sunday
    before = change - dt.timedelta(days=5)  # Tuesday before
    cafe = EventFactory(
        alliance=alliance,
        title="DST-Café",
        starts_at=dt.datetime.combine(before, dt.time(15), tzinfo=BERLIN),
        ends_at=dt.datetime.combine(before, dt.time(17), tzinfo=BERLIN),
        rrule="FREQ=WEEKLY;COUNT=2",
    )
    event_sync_occurrences(event=cafe)
    calendar, parsed = parse_both(client.get(feed_url(alliance)).content)
    starts = sorted(v.decoded("DTSTART") for v in calendar.walk("VEVENT"))
    assert [(s.hour, s.minute) for s in starts] == [(15, 0), (15, 0)]
    assert starts[0].utcoffset() != starts[1].utcoffset()
    vstarts = sorted(v.dtstart.value for v in parsed.vevent_list)  # vobject reads our VTIMEZONE
    assert [s.hour for s in vstarts] == [15, 15]
    assert [s.utcoffset() for s in vstarts] == [s.utcoffset() for s in starts]


def test_all_day_event_uses_dates(client, alliance):
    today = timezone.localdate()
    camp = EventFactory(
        alliance=alliance,
        title="Ferienlager",
        is_all_day=True,
        starts_at=dt.datetime.combine(today + dt.timedelta(days=10), dt.time(), tzinfo=BERLIN),
        ends_at=dt.datetime.combine(today + dt.timedelta(days=13), dt.time(), tzinfo=BERLIN),
    )
    event_sync_occurrences(event=camp)
    calendar, parsed = parse_both(client.get(feed_url(alliance)).content)
    vevent = calendar.walk("VEVENT")[0]
    assert vevent.decoded("DTSTART") == today + dt.timedelta(days=10)
    assert vevent.decoded("DTEND") == today + dt.timedelta(days=13)
    assert parsed.vevent.dtstart.value == today + dt.timedelta(days=10)


def test_etag_gives_304_and_changes_with_the_content(client, alliance, cal):
    first = client.get(feed_url(alliance), {"kostenlos": "on"})
    etag = first["ETag"]
    assert etag.startswith('"') and first["Last-Modified"]
    assert "public" in first["Cache-Control"]
    again = client.get(feed_url(alliance), {"kostenlos": "on"}, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    since = client.get(
        feed_url(alliance),
        {"kostenlos": "on"},
        headers={"If-Modified-Since": first["Last-Modified"]},
    )
    assert since.status_code == 304
    occurrence_cancel(occurrence=cal["lantern"].occurrences.get())
    changed = client.get(feed_url(alliance), {"kostenlos": "on"}, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_feed_is_capped(client, alliance, cal, monkeypatch):
    monkeypatch.setattr(selectors, "FEED_LIMIT", 5)
    calendar, _parsed = parse_both(client.get(feed_url(alliance)).content)
    assert len(calendar.walk("VEVENT")) == 5


def test_feed_window_reaches_30_days_back(client, alliance):
    today = timezone.localdate()
    old = EventFactory(
        alliance=alliance,
        title="Vor zwei Wochen",
        starts_at=dt.datetime.combine(today - dt.timedelta(days=14), dt.time(10), tzinfo=BERLIN),
        ends_at=None,
    )
    older = EventFactory(
        alliance=alliance,
        title="Vor zwei Monaten",
        starts_at=dt.datetime.combine(today - dt.timedelta(days=50), dt.time(10), tzinfo=BERLIN),
        ends_at=None,
    )
    far = EventFactory(
        alliance=alliance,
        title="In 14 Monaten",
        starts_at=dt.datetime.combine(today + dt.timedelta(days=430), dt.time(10), tzinfo=BERLIN),
        ends_at=None,
    )
    for event in (old, older, far):
        event_sync_occurrences(event=event)
    calendar, _parsed = parse_both(client.get(feed_url(alliance)).content)
    assert summaries(calendar) == ["Vor zwei Wochen"]


def test_add_to_my_calendar_one_date_or_all(client, alliance, cal):
    cafe = cal["cafe"]
    base = reverse("events:event-ical", kwargs={"alliance_slug": alliance.slug, "slug": cafe.slug})
    second = cafe.occurrences.order_by("starts_at")[1]
    one = client.get(base, {"termin": second.pk})
    assert one.status_code == 200
    assert one["Content-Disposition"] == 'attachment; filename="elterncafe.ics"'
    calendar, _parsed = parse_both(one.content)
    assert [v.decoded("DTSTART") for v in calendar.walk("VEVENT")] == [second.starts_at]
    everything, _parsed = parse_both(client.get(base).content)
    assert len(everything.walk("VEVENT")) == 8
    # The same UIDs as in the subscription feed: no duplicates when someone has both.
    feed = by_uid(icalendar.Calendar.from_ical(client.get(feed_url(alliance)).content))
    assert set(by_uid(everything)) <= set(feed)


def test_rss_lists_upcoming_dates_with_filters(client, alliance, cal):
    response = client.get(feed_url(alliance, "calendar-rss"), {"organisation": "kita-sonnenschein"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    items = root.findall("./channel/item")
    assert len(items) == 4 + 1
    titles = [item.findtext("title") for item in items]
    assert all("Krabbelkurs" in t or "Laternenumzug" in t for t in titles)
    assert items[0].findtext("link").startswith("http://testserver/hainichen/termine/")
    assert items[0].find("guid").get("isPermaLink") == "false"


def test_atom_feed_parses(client, alliance, cal):
    response = client.get(feed_url(alliance, "calendar-atom"), {"kostenlos": "on"})
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 8 + 1 + 1
    assert root.findtext(f"{ATOM}title").startswith("Netzwerk Familie Hainichen")


def test_text_escaping_and_line_folding_round_trip(client, alliance):
    from familiennetz.events.feeds import fold, ical_text

    line = "DESCRIPTION:" + ical_text("Grüße; Kaffee, Kuchen\\Tee\nzweite Zeile " + "ä" * 80)
    folded = fold(line)
    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line
    tricky = EventFactory(
        alliance=alliance,
        title="Vater-Kind-Frühstück; mit Brötchen, Saft & \\Kakao",
        summary="Zeile eins\nZeile zwei – für Väter 👨‍👧 und Kinder " + "ü" * 60,
        starts_at=dt.datetime.combine(
            timezone.localdate() + dt.timedelta(days=3), dt.time(9), tzinfo=BERLIN
        ),
        ends_at=None,
    )
    event_sync_occurrences(event=tricky)
    calendar, parsed = parse_both(client.get(feed_url(alliance)).content)
    vevent = calendar.walk("VEVENT")[0]
    assert str(vevent["SUMMARY"]) == tricky.title
    assert "Zeile eins\nZeile zwei – für Väter 👨‍👧" in str(vevent["DESCRIPTION"])
    assert parsed.vevent.summary.value == tricky.title
    assert "DTEND" not in vevent


def test_repeated_feed_requests_come_from_the_cache_until_something_changes(client, alliance, cal):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first = client.get(feed_url(alliance), {"kostenlos": "on"})
    with CaptureQueriesContext(connection) as queries:
        again = client.get(feed_url(alliance), {"kostenlos": "on"})
    assert again.content == first.content
    assert len(queries) <= 3  # the alliance and the version of its calendar
    occurrence_cancel(occurrence=cal["lantern"].occurrences.get())
    changed = client.get(feed_url(alliance), {"kostenlos": "on"})
    assert b"STATUS:CANCELLED" in changed.content


# --- the feed selects exactly what the filters say: checked against an independent oracle ---


def _oracle_matches(occurrence, filters: dict) -> bool:
    """What a parent expects, written out in plain Python (not the selector's queries)."""
    from familiennetz.directory.models.audience import AGE_BANDS_BY_KEY

    event = occurrence.event
    if event.status != "published":
        return False
    if key := filters.get("alter"):
        band = AGE_BANDS_BY_KEY[key]
        lo, hi = event.age_min_months, event.age_max_months
        if band.min_months is None:
            if not event.for_pregnancy:
                return False
        elif lo is None and hi is None:
            if event.for_pregnancy:
                return False
        elif (lo is not None and lo > band.max_months) or (hi is not None and hi < band.min_months):
            return False
    if filters.get("kostenlos") and not event.is_free:
        return False
    if slug := filters.get("kategorie"):
        slugs = {c.slug for c in event.categories.all()}
        slugs |= {c.parent.slug for c in event.categories.all() if c.parent_id}
        if slug not in slugs:
            return False
    location = event.location
    if slug := filters.get("ortsteil"):
        district = location.district if location else None
        if district is None or slug not in {district.slug, getattr(district.parent, "slug", "")}:
            return False
    languages = {lang.code for lang in event.languages.all()}
    if (code := filters.get("sprache")) and code not in languages:
        return False
    if "rollstuhl" in filters.get("barrierefrei", []) and not (
        location and location.is_wheelchair_accessible
    ):
        return False
    if (slug := filters.get("organisation")) and event.organisation.slug != slug:
        return False
    if day := filters.get("wochentag"):
        weekday = ["mo", "di", "mi", "do", "fr", "sa", "so"][
            occurrence.starts_at.astimezone(BERLIN).weekday()
        ]
        if weekday != day:
            return False
    return True


FILTER_VALUES = {
    "alter": [None, "0-3", "3-6", "6-10", "schwangerschaft"],
    "kostenlos": [None, "on"],
    "kategorie": [None, "begegnung", "elternbildung"],
    "ortsteil": [None, "zentrum", "gersdorf"],
    "sprache": [None, "ar"],
    "barrierefrei": [None, "rollstuhl"],
    "wochentag": [None, "di", "mi", "fr"],
    "organisation": [None, "kita-sonnenschein", "familienzentrum"],
}


def _combinations(count: int, seed: int = 3):
    import random

    rng = random.Random(seed)
    seen = set()
    while len(seen) < count:
        # Each filter in about one combination of three: mostly one to three filters at once.
        combo = tuple(
            (name, rng.choice(values[1:]))
            for name, values in FILTER_VALUES.items()
            if rng.random() < 0.3
        )
        seen.add(combo)
    return sorted(seen)


def test_feeds_contain_exactly_the_dates_an_independent_oracle_selects(client, alliance, cal):
    """60 random filter combinations: the subscription feed (parsed by both parsers) holds
    exactly the dates the oracle picks, nothing more, nothing less; every feed parses."""
    from familiennetz.events.feeds import occurrence_uid
    from familiennetz.events.models import Occurrence
    from familiennetz.events.selectors import Entry

    occurrences = list(
        Occurrence.objects.filter(alliance=alliance).select_related(
            "event__organisation", "event__location__district__parent"
        )
    )
    non_empty = 0
    for combo in _combinations(60):
        params = dict(combo)
        filters = {k: ([v] if k == "barrierefrei" else v) for k, v in params.items()}
        expected = {occurrence_uid(Entry(o)) for o in occurrences if _oracle_matches(o, filters)}
        calendar, parsed = parse_both(client.get(feed_url(alliance), params).content)
        assert set(by_uid(calendar)) == expected, params
        assert {v.uid.value for v in getattr(parsed, "vevent_list", [])} == expected, params
        non_empty += bool(expected)
    assert non_empty >= 25  # the sample exercises real selections, not only empty feeds


def test_subscription_link_on_the_filtered_page_delivers_only_0_to_3_free(client, alliance, cal):
    """Journey 3: filter 'age 0–3, free of charge', copy the subscription address shown on
    the page, and the phone gets only those dates (café and lantern walk, which is for all
    ages) – including a cancelled café date, marked cancelled."""
    import html
    import re
    from urllib.parse import urlsplit

    occurrence_cancel(occurrence=cal["cafe"].occurrences.order_by("starts_at")[1], note="Krank")
    page = client.get(
        reverse("events:calendar", kwargs={"alliance_slug": alliance.slug}),
        {"alter": "0-3", "kostenlos": "on", "ansicht": "woche"},
    )
    shown = html.unescape(re.search(r'id="cal-ical-url"[^>]*value="([^"]+)"', page.text)[1])
    webcal = html.unescape(re.search(r'href="(webcal://[^"]+)"', page.text)[1])
    assert webcal == "webcal://" + shown.split("://", 1)[1]
    address = urlsplit(shown)
    calendar, parsed = parse_both(client.get(f"{address.path}?{address.query}").content)
    vevents = calendar.walk("VEVENT")
    taking_place = {str(v["SUMMARY"]) for v in vevents if v["STATUS"] == "CONFIRMED"}
    cancelled = [str(v["SUMMARY"]) for v in vevents if v["STATUS"] == "CANCELLED"]
    assert taking_place == {"Elterncafé", "Laternenumzug St. Martin"}
    assert len(vevents) == 9 and len(cancelled) == 1
    # "Abgesagt: Elterncafé" for calendar apps that ignore STATUS
    assert cancelled[0].endswith("Elterncafé") and cancelled[0] != "Elterncafé"
    assert len(parsed.vevent_list) == 9


@pytest.mark.parametrize("width", [1, 2, 3, 4])
def test_folding_never_splits_a_character_and_unfolds_to_the_original(width):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from familiennetz.core.tests.examples import examples
    from familiennetz.events.feeds import fold

    alphabet = {1: "aZ;,", 2: "äöüß", 3: "–€✓", 4: "👨😀"}[width] + " "

    @settings(max_examples=examples(200), deadline=None)
    @given(st.text(alphabet=alphabet, max_size=400))
    def check(text):
        line = "DESCRIPTION:" + text
        folded = fold(line)
        parts = folded.split("\r\n")
        assert all(len(part.encode("utf-8")) <= 75 for part in parts)
        assert all(part.startswith(" ") for part in parts[1:])
        assert folded.replace("\r\n ", "") == line

    check()
