import datetime as dt

import pytest
from django.utils import timezone

from familiennetz.directory.services import taxonomy_install
from familiennetz.directory.tests import factories as f


@pytest.fixture
def guide(alliance):
    """A small German corpus in the 'hainichen' alliance."""
    taxonomy_install(alliance=alliance)
    cat = {c.code: c for c in alliance.categories.all()}
    zentrum = f.DistrictFactory(
        alliance=alliance, name="Zentrum", slug="zentrum", latitude=50.970, longitude=13.125
    )
    dorf = f.DistrictFactory(
        alliance=alliance, name="Gersdorf", slug="gersdorf", latitude=50.990, longitude=13.160
    )
    rathaus = f.LocationFactory(
        alliance=alliance,
        name="Rathaus",
        slug="rathaus",
        district=zentrum,
        latitude=50.9702,
        longitude=13.1251,
        is_wheelchair_accessible=True,
    )
    familienzentrum = f.LocationFactory(
        alliance=alliance,
        name="Familienzentrum Regenbogen",
        slug="fz",
        district=zentrum,
        latitude=50.972,
        longitude=13.128,
        is_pram_accessible=True,
    )
    dorfhaus = f.LocationFactory(
        alliance=alliance,
        name="Dorfgemeinschaftshaus",
        slug="dgh",
        district=dorf,
        latitude=50.991,
        longitude=13.161,
    )
    krabbel = f.OfferFactory(
        alliance=alliance,
        name="Eltern-Kind-Gruppe Sonnenschein",
        slug="eltern-kind-gruppe",
        summary="Spielen, singen und andere Eltern kennenlernen.",
        categories=[cat["elternbildung.eltern-kind-gruppe"]],
        languages=["ar", "de"],
        locations=[familienzentrum],
        is_free=True,
        age_min_months=0,
        age_max_months=36,
        last_checked_at=timezone.now() - dt.timedelta(days=90),
    )
    f.ScheduleFactory(
        alliance=alliance,
        offer_location=krabbel.offer_locations.get(),
        rrule="FREQ=WEEKLY;BYDAY=TU",
        opens_at=dt.time(9),
        closes_at=dt.time(11),
    )
    beratung = f.OfferFactory(
        alliance=alliance,
        name="Beratung bei Trennung und Scheidung",
        slug="trennungsberatung",
        categories=[cat["beratung.trennung"]],
        locations=[rathaus],
        phone="03727 9999-10",
        age_min_months=None,
        age_max_months=None,
        fee_description="kostenfrei nach Absprache",
    )
    f.ScheduleFactory(
        alliance=alliance,
        location=rathaus,
        offer_location=None,
        kind="opening_hours",
        rrule="FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        opens_at=dt.time(8),
        closes_at=dt.time(16),
    )
    jugend = f.OfferFactory(
        alliance=alliance,
        name="Jugendclub Dorfhaus",
        slug="jugendclub",
        categories=[cat["freizeit.jugend"]],
        locations=[dorfhaus],
        is_free=True,
        age_min_months=144,
        age_max_months=216,
        languages=["uk"],
    )
    f.ScheduleFactory(
        alliance=alliance,
        offer_location=jugend.offer_locations.get(),
        rrule="FREQ=WEEKLY;BYDAY=FR",
        opens_at=dt.time(16),
        closes_at=dt.time(20),
    )
    hebamme = f.OfferFactory(
        alliance=alliance,
        name="Hebammensprechstunde",
        slug="hebamme",
        for_pregnancy=True,
        categories=[cat["schwangerschaft.hebamme"]],
        locations=[familienzentrum],
    )
    notruf = f.OfferFactory(
        alliance=alliance,
        name="Elterntelefon",
        slug="elterntelefon",
        phone="0800 111 0 550",
        categories=[cat["notfall.telefon"]],
        is_free=True,
    )
    draft = f.OfferFactory(
        alliance=alliance,
        name="Entwurf Elterncafé",
        slug="entwurf",
        status="draft",
        locations=[familienzentrum],
    )
    archived = f.OfferFactory(
        alliance=alliance, name="Altes Angebot", slug="alt", status="archived"
    )
    return {
        "krabbel": krabbel,
        "beratung": beratung,
        "jugend": jugend,
        "hebamme": hebamme,
        "notruf": notruf,
        "draft": draft,
        "archived": archived,
        "zentrum": zentrum,
        "dorf": dorf,
        "rathaus": rathaus,
    }
