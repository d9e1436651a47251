"""Issue 16 on a 360 px phone: what a parent needs is on the first screen.

Positions are measured in CSS pixels from the top of the page; "one screen" is the phone's
viewport height (740 px).
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from .helpers import PHONE, axe_check, no_horizontal_scroll, visit

SCREEN = PHONE["height"]


def _top(page, selector: str) -> float:
    return page.locator(selector).first.evaluate("e => e.getBoundingClientRect().top + scrollY")


def _placeholder_fits(page, selector: str) -> bool:
    """The placeholder's text width (canvas, in the input's font) fits its content box."""
    return page.locator(selector).evaluate(
        """input => {
            const style = getComputedStyle(input);
            const context = document.createElement("canvas").getContext("2d");
            context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
            const room = input.clientWidth - parseFloat(style.paddingLeft)
                - parseFloat(style.paddingRight);
            return context.measureText(input.placeholder).width <= room;
        }"""
    )


def test_home_page_first_screen_has_search_emergency_and_categories(corpus, phone_page):
    page = phone_page
    visit(page, corpus.url())
    for selector in ("#home-q", ".emergency", "#categories-heading", ".category-grid li"):
        assert _top(page, selector) < SCREEN, f"{selector} starts below the first screen"
    # The emergency box is compact: 112 is one tap away, the other numbers behind one line.
    emergency = page.locator(".emergency")
    assert emergency.bounding_box()["height"] < 200
    expect(emergency.locator('a[href="tel:112"]')).to_be_visible()
    assert _placeholder_fits(page, "#home-q"), "the search placeholder is cut"
    no_horizontal_scroll(page)
    axe_check(page)


def test_journey_1_first_result_within_one_screen_after_the_search(corpus, phone_page):
    page = phone_page
    visit(page, corpus.url())
    page.locator("#home-q").fill("Krabbelgruppe")
    page.locator("#home-q").press("Enter")
    page.wait_for_url(re.compile(r"/hainichen/suche/\?q=Krabbelgruppe"))
    first = page.locator("ol.results__list > li").first
    expect(first).to_contain_text("Eltern-Kind-Gruppe Sonnenschein")
    assert _top(page, ".result-count") < _top(page, "details.filters__more")
    assert _top(page, "ol.results__list > li") + 60 < SCREEN
    assert _placeholder_fits(page, "#id_q")

    # Filters: a closed panel (no JavaScript needed) that says what is set afterwards.
    details = page.locator("details.filters__more")
    assert not details.evaluate("d => d.open")
    details.locator("summary").click()
    page.locator("input[name=kostenlos]").check()
    page.locator("select[name=alter]").select_option("0-3")
    details.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"kostenlos=on"))
    assert "q=Krabbelgruppe" in page.url and "alter=0-3" in page.url
    summary = page.locator("details.filters__more > summary")
    expect(summary).to_contain_text("kostenlos")
    expect(summary).to_contain_text("0–3")
    assert not page.locator("details.filters__more").evaluate("d => d.open")
    assert _top(page, "ol.results__list > li") + 60 < SCREEN
    # A new search keeps the filters.
    page.locator("#id_q").fill("Eltern")
    page.locator("#id_q").press("Enter")
    page.wait_for_url(re.compile(r"q=Eltern"))
    assert "kostenlos=on" in page.url and "alter=0-3" in page.url
    no_horizontal_scroll(page)
    axe_check(page)


def test_calendar_dates_come_before_the_closed_filters(corpus, phone_page):
    page = phone_page
    visit(page, corpus.url("kalender/?kostenlos=on"))
    details = page.locator("form.cal-filters details")
    assert not details.evaluate("d => d.open")
    expect(details.locator("summary")).to_contain_text("kostenlos")
    assert _top(page, ".result-count") < SCREEN
    no_horizontal_scroll(page)


def test_journey_2_crisis_search_shows_tappable_emergency_numbers(corpus, phone_page):
    page = phone_page
    visit(page, corpus.url())
    page.locator("#home-q").fill("Trennung")
    page.locator("#home-q").press("Enter")
    page.wait_for_url(re.compile(r"/hainichen/suche/\?q=Trennung"))
    box = page.locator("main .emergency")
    expect(box).to_be_visible()
    phone = box.locator('a[href="tel:112"]')
    expect(phone).to_be_visible()
    size = phone.bounding_box()
    assert size and size["height"] >= 44, f"touch target too small: {size}"
    phone.click(trial=True)
    assert _top(page, "main .emergency") < SCREEN
    # Counselling first.
    expect(page.locator("ol.results__list > li").first).to_contain_text(
        "Beratungsstelle für Familien"
    )
    no_horizontal_scroll(page)
    axe_check(page)
    # An everyday search shows no emergency box.
    visit(page, corpus.url("suche/?q=Krabbelgruppe"))
    expect(page.locator("main .emergency")).to_have_count(0)


def test_journey_3_regular_session_in_the_week_view_not_in_school_holidays(corpus, phone_page):
    import datetime as dt

    from django.utils import timezone

    from familiennetz.directory.tests.factories import OfferLocationFactory, ScheduleFactory
    from familiennetz.events.models import HolidayPeriod
    from familiennetz.events.sessions import offer_sessions_sync

    today = timezone.localdate()
    wednesday = today + dt.timedelta(days=(2 - today.weekday()) % 7 or 7)
    holiday = wednesday + dt.timedelta(days=7)
    HolidayPeriod.objects.create(
        alliance=corpus.alliance,
        name="Winterferien",
        starts_on=holiday - dt.timedelta(days=2),
        ends_on=holiday + dt.timedelta(days=4),
    )
    link = OfferLocationFactory(
        alliance=corpus.alliance,
        offer__alliance=corpus.alliance,
        offer__name="Eltern-Kind-Gruppe „Krabbelkäfer“",
        offer__organisation=corpus.familienzentrum,
        offer__age_min_months=0,
        offer__age_max_months=36,
        location=corpus.am_markt,
    )
    ScheduleFactory(
        alliance=corpus.alliance,
        offer_location=link,
        rrule="FREQ=WEEKLY;BYDAY=WE",
        opens_at=dt.time(9, 30),
        closes_at=dt.time(11),
        skips_school_holidays=True,
    )
    offer_sessions_sync(offer=link.offer)

    page = phone_page
    monday = wednesday - dt.timedelta(days=2)
    visit(page, corpus.url(f"kalender/?ansicht=woche&alter=0-3&von={monday.isoformat()}"))
    day = page.locator(f"#day-{wednesday.isoformat()}").locator("xpath=..")
    expect(day).to_contain_text("Krabbelkäfer")
    expect(day).to_contain_text("9:30")
    no_horizontal_scroll(page)
    axe_check(page)
    visit(page, corpus.url(f"kalender/?ansicht=woche&alter=0-3&von={holiday.isoformat()}"))
    holiday_day = page.locator(f"#day-{holiday.isoformat()}").locator("xpath=..")
    expect(holiday_day).to_be_visible()
    expect(holiday_day).not_to_contain_text("Krabbelkäfer")
