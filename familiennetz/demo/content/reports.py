"""Demo annual reports: last year's submitted (the first alliance's also accepted), this
year's draft with texts, and a demo state office with both demo alliances and three small
generated ones (partners, offers, meetings: enough for the overview to compare)."""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from familiennetz.alliances.models import Alliance, StateOffice
from familiennetz.alliances.scopes import alliance_scope
from familiennetz.directory.models import Offer, Organisation, Status
from familiennetz.governance.models import Body, Meeting
from familiennetz.network.models import Partner, Sector
from familiennetz.reports import selectors
from familiennetz.reports import services as reports

OFFICE_NAME = "Landeskoordinierungsstelle (Demo)"
DEMO_NOTE = "Demo-Daten: ein erfundenes Netzwerk zum Ausprobieren der Landesstelle."
GENERATED = [
    ("doebeln", "Netzwerk Familie Döbeln (Demo)", "Döbeln", 51.122, 13.112),
    ("mittweida", "Bündnis für Familie Mittweida (Demo)", "Mittweida", 50.986, 12.981),
    ("rochlitz", "Netzwerk Frühe Hilfen Rochlitz (Demo)", "Rochlitz", 51.046, 12.799),
]
ORGANISATIONS = [
    ("Kita Pusteblume", "kita", "kita"),
    ("Familienzentrum am Markt", "family_centre", "familienbildung"),
    ("Erziehungsberatungsstelle", "counselling", "beratung"),
    ("Hebammenpraxis Storchennest", "health", "gesundheit"),
    ("Jugendamt, Allgemeiner Sozialer Dienst", "other", "jugendhilfe"),
]
OFFERS = ["Krabbelgruppe", "Elterncafé", "Sprechstunde", "Babymassage", "Spielenachmittag"]


def _generated_alliance(slug, name, town, lat, lon, *, rng, now) -> Alliance:
    alliance = Alliance.objects.create(
        slug=slug,
        name=name,
        region=f"{town}, Sachsen",
        latitude=lat,
        longitude=lon,
        is_demo=True,
        about=DEMO_NOTE,
    )
    with alliance_scope(alliance):
        sectors = {}
        for position, (_n, _k, code) in enumerate(ORGANISATIONS):
            sectors[code] = Sector.objects.create(
                alliance=alliance, code=code, name=code.capitalize(), position=position
            )
        for index, (org_name, kind, code) in enumerate(ORGANISATIONS):
            organisation = Organisation.objects.create(
                alliance=alliance,
                name=f"{org_name} {town}",
                slug=f"{code}-{index}",
                kind=kind,
                last_checked_at=now - dt.timedelta(days=rng.randint(10, 500)),
            )
            Partner.objects.create(
                alliance=alliance,
                organisation=organisation,
                sector=sectors[code],
                member_since=dt.date(now.year - rng.randint(0, 6), rng.randint(1, 12), 1),
            )
            for number in range(rng.randint(1, 3)):
                title = OFFERS[(index + number) % len(OFFERS)]
                Offer.objects.create(
                    alliance=alliance,
                    organisation=organisation,
                    name=f"{title} ({organisation.name})",
                    slug=f"{code}-{index}-{number}",
                    status=Status.PUBLISHED,
                    published_at=now,
                    is_free=rng.random() < 0.6,
                    age_min_months=0,
                    age_max_months=rng.choice([35, 71, 119]),
                    last_checked_at=now - dt.timedelta(days=rng.randint(10, 500)),
                )
        body = Body.objects.create(alliance=alliance, name="Steuerungsgruppe", kind="steering")
        for months in range(1, 12, 3):
            starts = now - dt.timedelta(days=30 * months)
            Meeting.objects.create(
                alliance=alliance,
                body=body,
                title="Steuerungsgruppe",
                starts_at=starts,
                ends_at=starts + dt.timedelta(hours=2),
                status=Meeting.Status.HELD,
            )
        selectors.summary_refresh(alliance, now=now)
    return alliance


def install_demo_reports(*, alliances, now: dt.datetime) -> None:
    rng = random.Random(13)
    old = list(
        Alliance.objects.filter(slug__in=[g[0] for g in GENERATED], is_demo=True).values_list(
            "pk", flat=True
        )
    )
    with alliance_scope(old):  # partners first: their sector is protected
        Partner.objects.filter(alliance_id__in=old).delete()
    Alliance.objects.filter(pk__in=old).delete()
    generated = [
        _generated_alliance(*spec, rng=rng, now=now)
        for spec in GENERATED
        if not Alliance.objects.filter(slug=spec[0]).exists()
    ]
    office, _created = StateOffice.objects.get_or_create(name=OFFICE_NAME)
    office.alliances.add(*alliances, *generated)
    for alliance in generated:
        with alliance_scope(alliance):
            report = reports.report_get_or_create(alliance=alliance, year=now.year - 1)
            reports.report_submit(report=report, user=None, now=now)
    due = timezone.localdate(now) + dt.timedelta(days=45)
    with alliance_scope(generated[:1]):
        for alliance in generated[:1]:
            reports.report_request(office=office, alliance=alliance, year=now.year, due_on=due)
    year = now.year
    for index, alliance in enumerate(alliances):
        with alliance_scope(alliance):
            last = reports.report_get_or_create(alliance=alliance, year=year - 1)
            reports.report_update_narrative(
                report=last,
                values={
                    "goals": "Übergänge von der Kita in die Schule begleiten; Väter erreichen.",
                    "highlights": "Familienfest im Juni mit über 300 Gästen; neue Elternlotsen.",
                    "plans": "Sprechstunde im Familienzentrum ausbauen.",
                },
            )
            last = reports.report_submit(report=last, user=None, now=now)
            if index == 0:
                reports.report_accept(report=last, user=None)
            current = reports.report_get_or_create(alliance=alliance, year=year)
            reports.report_update_narrative(
                report=current,
                values={"goals": "Familienwegweiser aktuell halten, Partner gewinnen."},
            )
