"""The family calendar in a real browser: journeys 3, 4 and 8 of JOURNEYS.md, axe-core on every
calendar view and the event page (desktop and 360 px), and the widget on a partner's website
served from another origin."""

from __future__ import annotations

import datetime as dt
import http.server
import re
import threading
import urllib.request
from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from .helpers import DESKTOP, PHONE, axe_check, no_horizontal_scroll, visit

VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}
EVENING = "Elternabend: Kinder in Trennung, Trauer und Verlust begleiten"
CAFE = "Elterncafé am Nachmittag"
TURNEN = "Schnupperstunde Kinderturnen"
LANTERN = "Laternenumzug zum Martinstag"


def de(msgid: str, **values) -> str:
    """The German text of a msgid, translated or not yet (see events/tests/registration_support)."""
    from django.utils import translation

    with translation.override("de"):
        text = translation.gettext(msgid)
    return text % values if values else text


@pytest.fixture
def calendar(corpus):
    """Hainichen's calendar around today: a weekly café (0–3, free; one date cancelled), a
    parents' evening with 40 places and registration, a paid gym taster for 3–6-year-olds and
    a lantern walk for everyone."""
    from django.utils import timezone

    from familiennetz.directory.models import Category, Language
    from familiennetz.events.services import event_sync_occurrences, occurrence_cancel
    from familiennetz.events.tests.factories import BERLIN, EventFactory

    alliance = corpus.alliance
    category = {c.code: c for c in Category.objects.filter(alliance=alliance)}
    today = timezone.localdate()

    def at(days: int, hour: int, minute: int = 0) -> dt.datetime:
        day = today + dt.timedelta(days=days)
        return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=BERLIN)

    tuesday = (1 - today.weekday()) % 7 or 7
    cafe = EventFactory(
        alliance=alliance,
        organisation=corpus.familienzentrum,
        location=corpus.am_markt,
        title=CAFE,
        slug="elterncafe-am-nachmittag",
        summary="Kaffee, Kuchen und Gespräche, während die Kinder spielen.",
        starts_at=at(tuesday, 15),
        ends_at=at(tuesday, 17),
        rrule="FREQ=WEEKLY;BYDAY=TU;COUNT=10",
        is_free=True,
        age_min_months=0,
        age_max_months=35,
    )
    cafe.categories.set([category["elternbildung.elterncafe"]])
    cafe.languages.set(Language.objects.filter(code__in=["de", "ar"]))
    evening = EventFactory(
        alliance=alliance,
        organisation=corpus.beratung.organisation,
        location=corpus.beratung.locations.first(),
        title=EVENING,
        slug="elternabend-trennung-trauer-verlust",
        summary="Ein Abend für Eltern, Großeltern und Fachkräfte – mit Anmeldung, 40 Plätze.",
        description="Eine Familienberaterin und eine Trauerbegleiterin beantworten Ihre Fragen.",
        starts_at=at(9, 19),
        ends_at=at(9, 21),
        is_free=True,
        requires_registration=True,
        capacity=40,
        registration_closes_hours=24,
    )
    evening.categories.set([category["beratung.trennung"]])
    turnen = EventFactory(
        alliance=alliance,
        organisation=corpus.familienzentrum,
        location=corpus.am_markt,
        title=TURNEN,
        slug="schnupperstunde-kinderturnen",
        starts_at=at(3, 16),
        ends_at=at(3, 17),
        is_free=False,
        fee_description="3 €",
        age_min_months=36,
        age_max_months=71,
    )
    lantern = EventFactory(
        alliance=alliance,
        organisation=corpus.familienzentrum,
        location=corpus.am_markt,
        title=LANTERN,
        slug="laternenumzug",
        starts_at=at(4, 17),
        ends_at=at(4, 18, 30),
        is_free=True,
    )
    for event in (cafe, evening, turnen, lantern):
        event_sync_occurrences(event=event)
    cancelled = cafe.occurrences.order_by("starts_at")[1]
    occurrence_cancel(occurrence=cancelled, note="Das Team ist auf Fortbildung.")
    return SimpleNamespace(
        alliance=alliance,
        cafe=cafe,
        evening=evening,
        cancelled=cancelled,
        url=lambda query="": f"/{alliance.slug}/kalender/{query}",
    )


# --- journey 4: sign up for the parents' evening, confirm and cancel by e-mail link --------


def _link_in_last_mail(to: str, kind: str) -> str:
    from django.core import mail

    messages = [m for m in mail.outbox if to in m.to]
    assert messages, f"no e-mail to {to}"
    links = re.findall(r"https?://\S+/anmeldung/\S+/", messages[-1].body)
    (link,) = [link for link in links if f"/{kind}/" in link]
    return re.sub(r"^https?://[^/]+", "", link)  # SITE_URL is not the live server


def test_journey_4_filter_open_register_confirm_and_cancel(calendar, phone_page):
    from familiennetz.events.models import Registration

    page = phone_page
    visit(page, calendar.url())
    expect(page.locator("main")).to_contain_text(EVENING)
    no_horizontal_scroll(page)

    # Filter: counselling events (the parent category of "separation & divorce").
    page.locator("form.cal-filters details > summary").click()
    page.locator("select[name=kategorie]").select_option("beratung")
    page.locator("form.cal-filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"kategorie=beratung"))
    days = page.locator(".cal-days")
    expect(days).to_contain_text(EVENING)
    expect(days).not_to_contain_text(CAFE)
    expect(days).not_to_contain_text(TURNEN)
    axe_check(page)

    # The event page: what, when, where, registration panel with 40 free places.
    days.get_by_role("link", name=EVENING).click()
    page.wait_for_url(re.compile(r"/hainichen/termine/elternabend-trennung-trauer-verlust/"))
    expect(page.locator("h1")).to_have_text(EVENING)
    panel = page.locator("#anmeldung")
    expect(panel).to_contain_text("40")
    no_horizontal_scroll(page)
    axe_check(page)

    # Register with name and e-mail; the place is only reserved after the e-mail link.
    panel.get_by_label(de("Your name")).fill("Anna Beispiel")
    panel.get_by_label(de("Your e-mail address")).fill("anna@example.org")
    panel.get_by_label(de("Adults")).fill("1")
    panel.get_by_label(de("Children")).fill("1")
    panel.locator("input[name=privacy]").check()
    panel.locator("button[type=submit]").click()
    page.wait_for_url("**/anmelden/gesendet/")
    axe_check(page)
    registration = Registration.objects.get(email="anna@example.org")
    assert registration.state == Registration.State.PENDING

    # Confirm via the link in the e-mail: GET shows a button, the click confirms.
    visit(page, _link_in_last_mail("anna@example.org", "bestaetigen"))
    axe_check(page)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text(de("You are registered"))
    registration.refresh_from_db()
    assert registration.state == Registration.State.CONFIRMED
    no_horizontal_scroll(page)
    axe_check(page)

    # The event page now counts the two places as taken.
    visit(page, calendar.evening.get_absolute_url())
    expect(page.locator("#anmeldung")).to_contain_text("38")

    # Cancel via the link in the confirmation e-mail.
    visit(page, _link_in_last_mail("anna@example.org", "absagen"))
    axe_check(page)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text(de("Your registration is cancelled"))
    registration.refresh_from_db()
    assert registration.state == Registration.State.CANCELLED
    axe_check(page)


# --- journey 3: planning the week ------------------------------------------------------------


def test_journey_3_this_week_0_to_3_and_subscribe(calendar, phone_page):
    page = phone_page
    visit(page, calendar.url("?ansicht=woche"))
    page.locator("form.cal-filters details > summary").click()
    page.locator("select[name=alter]").select_option("0-3")
    page.locator("input[name=kostenlos]").check()
    page.locator("form.cal-filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"alter=0-3"))
    assert "ansicht=woche" in page.url and "kostenlos=on" in page.url
    main = page.locator("main .cal-days")
    expect(main).not_to_contain_text(TURNEN)
    no_horizontal_scroll(page)
    # The subscription address carries the filters, not the view.
    address = page.locator("#cal-ical-url").input_value()
    assert "alter=0-3" in address and "kostenlos=on" in address and "ansicht" not in address
    subscribe = page.locator(".cal-subscribe a[href^='webcal://']")
    assert subscribe.get_attribute("href") == "webcal://" + address.split("://", 1)[1]
    axe_check(page)


def test_cancelled_date_is_marked_in_the_calendar_and_on_the_event_page(calendar, page):
    day = calendar.cancelled.starts_at.astimezone(calendar.cancelled.starts_at.tzinfo).date()
    visit(page, calendar.url(f"?ansicht=tag&von={day.isoformat()}"))
    entry = page.locator(".cal-entry--cancelled")
    expect(entry).to_contain_text(CAFE)
    expect(entry.locator("del")).to_have_count(1)
    expect(entry).to_contain_text("Das Team ist auf Fortbildung.")
    entry.get_by_role("link").click()
    expect(page.locator(".cal-notice")).to_contain_text("Das Team ist auf Fortbildung.")
    axe_check(page)


# --- axe-core on every view, desktop and phone ------------------------------------------------

VIEWS = {
    "upcoming": "",
    "today": "?ansicht=tag",
    "week": "?ansicht=woche",
    "month": "?ansicht=monat",
    "filtered-month": "?ansicht=monat&alter=0-3&kostenlos=on",
    "empty-list": "?kategorie=freizeit.sport",
}


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("view", VIEWS)
def test_calendar_view_passes_axe(calendar, new_page, view, viewport):
    page = new_page(VIEWPORTS[viewport])
    visit(page, calendar.url(VIEWS[view]))
    page.locator("form.cal-filters details").evaluate("d => { d.open = true; }")
    page.locator("details.cal-embed").evaluate("d => { d.open = true; }")
    axe_check(page)
    if viewport == "phone":
        no_horizontal_scroll(page)


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("which", ["evening", "cafe", "cancelled-date"])
def test_event_page_passes_axe(calendar, new_page, which, viewport):
    page = new_page(VIEWPORTS[viewport])
    if which == "cancelled-date":
        path = calendar.cancelled.get_absolute_url()
    else:
        path = getattr(calendar, which).get_absolute_url()
    visit(page, path)
    if which == "evening":
        expect(page.locator("#anmeldung form")).to_be_visible()
    axe_check(page)
    if viewport == "phone":
        no_horizontal_scroll(page)


SMALL_TARGETS = """() => [...document.querySelectorAll(
    'main a, main button, main summary, main select, main textarea, main input')]
  .filter(el => el.offsetParent !== null && el.type !== "hidden")
  .map(el => {
    // A checkbox counts with its label (the label is what a finger taps).
    const target = (el.type === "checkbox" || el.type === "radio") ? el.closest("label") : el;
    const box = (target || el).getBoundingClientRect();
    return {html: el.outerHTML.slice(0, 120), height: Math.round(box.height)};
  })
  .filter(item => item.height < 44)"""


@pytest.mark.parametrize("where", [*VIEWS, "event"])
def test_touch_targets_on_a_phone_are_at_least_44_px(calendar, phone_page, where):
    page = phone_page
    path = calendar.evening.get_absolute_url() if where == "event" else calendar.url(VIEWS[where])
    visit(page, path)
    for details in page.locator("main details").all():
        details.evaluate("d => { d.open = true; }")
    small = page.evaluate(SMALL_TARGETS)
    assert small == [], "\n".join(f"{s['height']} px: {s['html']}" for s in small)


def test_english_calendar_passes_axe(calendar, page):
    visit(page, "/en" + calendar.url("?ansicht=woche"))
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.locator("h1")).to_have_text("Family calendar")
    axe_check(page)


# --- journey 8: the widget on a partner's website (another origin) ------------------------


@dataclass
class PartnerSite:
    url: str
    server: http.server.ThreadingHTTPServer


@pytest.fixture
def partner_site(live_server, calendar, page):
    """A plain HTML page of a Kita on another port (another origin) that embeds the calendar
    twice: the iframe code copied from the calendar page, and the plain-HTML list included on
    the Kita's server (and, to show CORS, also fetched by the Kita's own script)."""
    visit(page, calendar.url("?organisation=familienzentrum-hainichen&alter=0-3"))
    page.locator("details.cal-embed > summary").click()
    embed_code = page.locator("#cal-embed-code").input_value()
    snippet_url = page.locator(".cal-embed__url").inner_text()
    assert embed_code.startswith(f'<iframe src="{live_server.url}/hainichen/kalender/widget/?')
    with urllib.request.urlopen(snippet_url, timeout=10) as response:  # server-side include
        snippet = response.read().decode("utf-8")

    body = f"""<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Kita Regenbogen – Termine</title>
<link rel="icon" href="data:,"><meta name="viewport" content="width=device-width"></head>
<body><main>
<h1>Termine der Kita Regenbogen</h1>
{embed_code}
<h2>Als Liste (vom Server eingebunden)</h2>
<div id="included">{snippet}</div>
<h2>Als Liste (vom Browser geladen)</h2>
<div id="fetched"></div>
<script>
fetch({snippet_url!r}).then(r => r.text()).then(html => {{
  document.getElementById("fetched").innerHTML = html;
}});
</script>
</main></body></html>""".encode()

    framed = (
        '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Eingebettet</title>'
        '<link rel="icon" href="data:,"></head><body>'
        f'<iframe name="widget" src="{live_server.url}{calendar.url("widget/")}"></iframe>'
        f'<iframe name="calendar" src="{live_server.url}{calendar.url()}"></iframe>'
        "</body></html>"
    ).encode()
    pages = {"/": body, "/framed": framed}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path not in pages:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(pages[self.path])))
            self.end_headers()
            self.wfile.write(pages[self.path])

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield PartnerSite(url=f"http://127.0.0.1:{server.server_address[1]}/", server=server)
    server.shutdown()
    server.server_close()


def test_widget_renders_on_a_partner_page_from_another_origin(calendar, partner_site, new_page):
    page = new_page(DESKTOP)
    responses = {}
    page.on("response", lambda r: responses.setdefault(r.url.split("?")[0], r))
    visit(page, partner_site.url)
    iframe = page.locator("iframe")
    iframe.scroll_into_view_if_needed()
    widget = page.frame_locator("iframe")
    expect(widget.locator(".fn-events")).to_contain_text(CAFE)
    expect(widget.locator(".fn-events")).to_contain_text(LANTERN)  # for all ages
    expect(widget.locator(".fn-events")).not_to_contain_text(EVENING)  # another organiser
    expect(widget.locator(".fn-events")).not_to_contain_text(TURNEN)  # 3–6 years
    expect(widget.locator(".fn-event--cancelled")).to_have_count(1)
    expect(page.locator("#included .fn-events")).to_contain_text(CAFE)
    expect(page.locator("#fetched .fn-events")).to_contain_text(CAFE)
    assert page.locator("#fetched .fn-event").count() == widget.locator(".fn-event").count()
    # The widget page allows framing from any origin; nothing else was loaded from elsewhere.
    widget_response = next(r for u, r in responses.items() if u.endswith("/kalender/widget/"))
    headers = widget_response.all_headers()
    assert "x-frame-options" not in headers
    assert "frame-ancestors *" in headers["content-security-policy"]
    origins = {re.match(r"https?://[^/]+", u)[0] for u in responses if u.startswith("http")}
    assert origins <= {partner_site.url.rstrip("/"), calendar_origin(page, widget_response)}
    # Links open the event on familiennetz in a new tab (the iframe is sandboxed).
    link = widget.locator(".fn-event__title").first
    assert link.get_attribute("target") == "_blank"
    assert link.get_attribute("href").startswith(calendar_origin(page, widget_response))


def calendar_origin(page, response) -> str:
    return re.match(r"https?://[^/]+", response.url)[0]


def test_other_calendar_pages_refuse_to_be_framed_by_a_partner(browser, calendar, partner_site):
    """Only the widget is embeddable: the calendar page itself, framed by the partner, is
    blocked by the browser (X-Frame-Options DENY, frame-ancestors 'none')."""
    context = browser.new_context()  # not the page_problems fixture: errors are expected here
    page = context.new_page()
    page.goto(partner_site.url + "framed")
    # Once the widget frame has rendered, the other frame has had its answer too.
    expect(page.frame_locator("iframe[name=widget]").locator(".fn-events")).to_be_visible()
    page.wait_for_load_state("load")
    framed = page.frame(name="calendar")
    assert framed is not None
    assert framed.url.startswith("chrome-error://"), framed.url
    assert CAFE not in framed.content()
    context.close()
