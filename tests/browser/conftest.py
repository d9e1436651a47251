"""Playwright + Chromium + axe-core against pytest-django's live server.

Run:  make test-browser
  or  .venv/bin/python -m pytest -m browser -p no:xdist tests/browser

Needs Debian's Chromium (``apt-get install chromium``) and axe-core (``npm ci``);
``make browser-deps`` installs both. Missing pieces fail the tests, they are never skipped.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pytest

from .helpers import DESKTOP, PHONE

HERE = Path(__file__).resolve().parent
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
DEFAULT_TIMEOUT_MS = 10_000


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Every test in this folder is a browser test (and only those)."""
    for item in items:
        if Path(str(item.path)).resolve().is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)


# --- browser ----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(executable).exists():
        pytest.fail(
            "Chromium is missing: install Debian's package (`apt-get install chromium`, "
            "or `make browser-deps`). Do not run `playwright install`.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in the main thread; the Django ORM refuses to
    # run next to it in test code without this. Set here, not at import, so that the rest of
    # the suite (``make test`` collects this folder too) keeps Django's async-safety check.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=executable, headless=True, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@dataclass
class PageProblems:
    """Console errors, uncaught exceptions and failed asset loads of all pages of one test."""

    messages: list[str]

    def report(self) -> str:
        return "Browser console errors during the test:\n  " + "\n  ".join(self.messages)


@pytest.fixture
def page_problems() -> PageProblems:
    return PageProblems(messages=[])


@pytest.fixture
def new_page(browser, live_server, page_problems):
    """``new_page(viewport)``: a fresh context (no cookies) and page that logs problems."""
    contexts = []

    def make(viewport: dict = DESKTOP, *, mobile: bool | None = None, locale: str = "de-DE"):
        mobile = viewport["width"] < 600 if mobile is None else mobile
        context = browser.new_context(
            base_url=live_server.url,
            viewport=viewport,
            is_mobile=mobile,
            has_touch=mobile,
            device_scale_factor=2 if mobile else 1,
            locale=locale,
            timezone_id="Europe/Berlin",
            service_workers="block",
        )
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()

        def on_console(message):
            if message.type == "error":
                location = message.location or {}
                page_problems.messages.append(
                    f"console error on {page.url}: {message.text} ({location.get('url', '')})"
                )

        def on_response(response):
            if response.status >= 400 and response.request.resource_type != "document":
                page_problems.messages.append(f"{response.status} for {response.url}")

        page.on("console", on_console)
        page.on("pageerror", lambda exc: page_problems.messages.append(f"page error: {exc}"))
        page.on("response", on_response)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    """A desktop page (1280×900)."""
    return new_page(DESKTOP)


@pytest.fixture
def phone_page(new_page):
    """A phone page (360×740, touch, mobile viewport)."""
    return new_page(PHONE)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """Fail the test (not just its teardown) when a page logged console errors."""
    problems = getattr(item, "funcargs", {}).get("page_problems")
    try:
        result = yield
    except BaseException:
        if problems is not None and problems.messages:
            item.add_report_section("call", "browser console", problems.report())
        raise
    if problems is not None and problems.messages:
        pytest.fail(problems.report(), pytrace=False)
    return result


# --- data ---------------------------------------------------------------------------------------


def _reload_languages() -> None:
    """The language table is filled by a data migration; live_server tests flush it."""
    migration = importlib.import_module("familiennetz.directory.migrations.0002_load_languages")
    from familiennetz.directory.models import Language

    for position, (code, name_de, name_en, endonym) in enumerate(migration.LANGUAGES):
        Language.objects.update_or_create(
            code=code,
            defaults={
                "name_de": name_de,
                "name_en": name_en,
                "endonym": endonym,
                "position": position,
            },
        )


@pytest.fixture
def corpus(live_server):
    """A small German family guide: Hainichen with offers, and a second alliance."""
    from django.utils import timezone

    from familiennetz.alliances.tests.factories import AllianceFactory
    from familiennetz.directory.models import Category, Language, OfferLocation, Organisation
    from familiennetz.directory.services import taxonomy_install
    from familiennetz.directory.tests.factories import (
        DistrictFactory,
        LocationFactory,
        OfferFactory,
        OrganisationFactory,
        ScheduleFactory,
    )
    from familiennetz.search.api import reindex_alliance

    _reload_languages()
    assert Language.objects.filter(code="ar").exists(), "the language table is empty"
    now = timezone.now()
    alliance = AllianceFactory(
        slug="hainichen",
        name="Netzwerk Familie Hainichen",
        region="Hainichen",
        latitude=50.9700,
        longitude=13.1240,
        about="Das Netzwerk bündelt Angebote für Familien in Hainichen und den Ortsteilen.",
        contact_email="netzwerk@hainichen.example",
        contact_phone="037207 650-0",
    )
    other = AllianceFactory(slug="prohlis", name="Bündnis Prohlis", region="Dresden-Prohlis")
    taxonomy_install(alliance=alliance)
    category = {c.code: c for c in Category.objects.filter(alliance=alliance)}

    zentrum = DistrictFactory(
        alliance=alliance, name="Zentrum", slug="zentrum", latitude=50.9702, longitude=13.1238
    )
    ottendorf = DistrictFactory(
        alliance=alliance, name="Ottendorf", slug="ottendorf", latitude=50.9850, longitude=13.0990
    )

    familienzentrum = OrganisationFactory(
        alliance=alliance,
        name="Familienzentrum Hainichen e. V.",
        slug="familienzentrum-hainichen",
        kind=Organisation.Kind.FAMILY_CENTRE,
        description="Offener Treffpunkt für Familien mit Kindern jeden Alters.",
        phone="037207 1234",
        email="info@familienzentrum-hainichen.example",
        website="https://familienzentrum-hainichen.example/",
    )
    beratung_org = OrganisationFactory(
        alliance=alliance,
        name="Diakonie Hainichen",
        slug="diakonie-hainichen",
        kind=Organisation.Kind.COUNSELLING,
        phone="037207 5550",
    )
    sportverein = OrganisationFactory(
        alliance=alliance,
        name="TSV Hainichen 1848",
        slug="tsv-hainichen",
        kind=Organisation.Kind.CLUB,
    )

    am_markt = LocationFactory(
        alliance=alliance,
        organisation=familienzentrum,
        name="Familienzentrum am Markt",
        slug="familienzentrum-am-markt",
        street="Markt 3",
        district=zentrum,
        latitude=50.97035,
        longitude=13.12410,
        is_wheelchair_accessible=True,
        is_pram_accessible=True,
        transport_notes="Bus 745, Haltestelle Markt",
    )
    beratungshaus = LocationFactory(
        alliance=alliance,
        organisation=beratung_org,
        name="Beratungshaus Gellertstraße",
        slug="beratungshaus-gellertstrasse",
        street="Gellertstraße 12",
        district=zentrum,
        latitude=50.96810,
        longitude=13.12050,
    )
    kita_ottendorf = LocationFactory(
        alliance=alliance,
        organisation=familienzentrum,
        name="Kita Regenbogen Ottendorf",
        slug="kita-regenbogen-ottendorf",
        street="Dorfstraße 7",
        district=ottendorf,
        latitude=50.98490,
        longitude=13.09870,
    )
    turnhalle = LocationFactory(
        alliance=alliance,
        organisation=sportverein,
        name="Turnhalle am Park",
        slug="turnhalle-am-park",
        street="Parkstraße 2",
        district=zentrum,
        latitude=50.97300,
        longitude=13.12900,
    )

    def session(offer, location, rrule, opens, closes, description=""):
        ScheduleFactory(
            alliance=alliance,
            offer_location=OfferLocation.objects.get(offer=offer, location=location),
            rrule=rrule,
            opens_at=dt.time(*opens),
            closes_at=dt.time(*closes),
            description=description,
        )

    sonnenschein = OfferFactory(
        alliance=alliance,
        organisation=familienzentrum,
        name="Eltern-Kind-Gruppe Sonnenschein",
        slug="eltern-kind-gruppe-sonnenschein",
        summary="Spielen, Singen und Austausch für Eltern mit Babys und Kleinkindern.",
        description=(
            "Jeden Dienstag treffen sich Mütter und Väter mit ihren Kleinen im Familienzentrum. "
            "Wir spielen, singen und frühstücken gemeinsam. Eine Mitarbeiterin spricht Arabisch."
        ),
        categories=[category["elternbildung.eltern-kind-gruppe"]],
        is_free=True,
        age_min_months=0,
        age_max_months=36,
        languages=["de", "ar"],
        locations=[am_markt],
        last_checked_at=now - dt.timedelta(days=91),
    )
    session(sonnenschein, am_markt, "FREQ=WEEKLY;BYDAY=TU", (9, 0), (11, 0), "nicht in den Ferien")

    beratung = OfferFactory(
        alliance=alliance,
        organisation=beratung_org,
        name="Beratungsstelle für Familien",
        slug="beratungsstelle-fuer-familien",
        summary="Vertrauliche Beratung für Eltern, Kinder und Jugendliche.",
        description=(
            "Wir beraten bei Trennung und Scheidung, bei Streit in der Familie, "
            "in Erziehungsfragen und in Krisen. Vertraulich und kostenlos."
        ),
        categories=[category["beratung.trennung"], category["beratung.erziehung"]],
        is_free=True,
        participation="referral",
        phone="03731 12345-0",
        email="beratung@diakonie-hainichen.example",
        languages=["de", "uk"],
        locations=[beratungshaus],
    )
    session(beratung, beratungshaus, "FREQ=WEEKLY;BYDAY=MO,WE", (9, 0), (16, 0))

    babymassage = OfferFactory(
        alliance=alliance,
        organisation=familienzentrum,
        name="Babymassage für Neugeborene",
        slug="babymassage",
        summary="Fünf Termine für Eltern mit Babys von 4 Wochen bis 6 Monaten.",
        categories=[category["gesundheit.bewegung"]],
        is_free=False,
        fee_description="30 € für fünf Termine",
        age_min_months=1,
        age_max_months=6,
        participation="registration",
        locations=[am_markt],
    )
    session(babymassage, am_markt, "FREQ=WEEKLY;BYDAY=TH", (10, 0), (11, 0))

    elterncafe = OfferFactory(
        alliance=alliance,
        organisation=familienzentrum,
        name="Elterncafé Ottendorf",
        slug="elterncafe-ottendorf",
        summary="Kaffee, Kuchen und Zeit zum Reden, während die Kinder spielen.",
        categories=[category["elternbildung.elterncafe"]],
        is_free=True,
        languages=["de", "ar", "tr"],
        locations=[kita_ottendorf],
    )
    session(elterncafe, kita_ottendorf, "FREQ=MONTHLY;BYDAY=1TH", (15, 0), (17, 0))

    turnen = OfferFactory(
        alliance=alliance,
        organisation=sportverein,
        name="Kinderturnen für Drei- bis Sechsjährige",
        slug="kinderturnen",
        summary="Laufen, Klettern, Balancieren in der Turnhalle.",
        categories=[category["freizeit.sport"]],
        is_free=False,
        fee_description="Vereinsbeitrag 5 € im Monat",
        age_min_months=36,
        age_max_months=72,
        locations=[turnhalle],
    )
    session(turnen, turnhalle, "FREQ=WEEKLY;BYDAY=FR", (16, 0), (17, 0))

    OfferFactory(
        alliance=alliance,
        organisation=familienzentrum,
        name="Krabbelgruppe (Entwurf)",
        slug="krabbelgruppe-entwurf",
        status="draft",
        published_at=None,
        locations=[am_markt],
    )

    # Search indexes on commit; rebuild once in case the signal handlers are not wired yet.
    reindex_alliance(alliance=alliance)

    offers = [sonnenschein, beratung, babymassage, elterncafe, turnen]
    return SimpleNamespace(
        alliance=alliance,
        other_alliance=other,
        sonnenschein=sonnenschein,
        beratung=beratung,
        published_offers=offers,
        familienzentrum=familienzentrum,
        am_markt=am_markt,
        zentrum=zentrum,
        url=lambda path="": f"/{alliance.slug}/{path}",
    )
