"""Demo annual reports and the demo state office.

Both demo alliances: last year's report submitted (the first alliance's also accepted),
this year's draft with texts. The "Landeskoordinierungsstelle (Demo)" sees them and three
small generated networks in the same state (Döbeln, Mittweida, Rochlitz in Mittelsachsen):
partners with sectors, offers with categories and ages, steering-group and working-group
meetings, a consolidated quality self-assessment, and reports in every state the state
office deals with - accepted, submitted, requested (due in six weeks) and overdue - so
that its overview, comparison and yearly coordination report have something to show.

The generated networks are built from a ``random.Random`` with a fixed seed (the same rows
every time; only dates are relative to "now"); ``GENERATED_SLUGS`` names them for cleaning up
(``remove_generated``)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from django.utils import timezone

from familiennetz.alliances.models import Alliance, StateOffice
from familiennetz.alliances.scopes import alliance_scope
from familiennetz.directory.models import (
    Category,
    Location,
    Offer,
    OfferLocation,
    Organisation,
    Status,
)
from familiennetz.directory.services import taxonomy_install
from familiennetz.governance import services as governance
from familiennetz.governance.models import Body, Meeting, QualityCriterion
from familiennetz.network.models import Partner
from familiennetz.network.services import ensure_default_sectors
from familiennetz.reports import selectors
from familiennetz.reports import services as reports
from familiennetz.reports.models import AnnualReport

OFFICE_NAME = "Landeskoordinierungsstelle (Demo)"
DEMO_NOTE = "Demo-Daten: ein erfundenes Netzwerk zum Ausprobieren der Landesstelle."


@dataclass(frozen=True)
class Generated:
    slug: str
    name: str
    town: str
    latitude: float
    longitude: float
    size: int  # partners (and roughly twice as many offers)
    last_year: str  # the state of last year's report: accepted, submitted, overdue
    requested: bool  # this year's report requested by the state office


GENERATED = (
    Generated(
        "doebeln", "Netzwerk Familie Döbeln (Demo)", "Döbeln", 51.122, 13.112, 9, "accepted", True
    ),
    Generated(
        "mittweida",
        "Bündnis für Familie Mittweida (Demo)",
        "Mittweida",
        50.986,
        12.981,
        7,
        "submitted",
        False,
    ),
    Generated(
        "rochlitz",
        "Netzwerk Frühe Hilfen Rochlitz (Demo)",
        "Rochlitz",
        51.046,
        12.799,
        6,
        "overdue",
        False,
    ),
)
GENERATED_SLUGS = tuple(g.slug for g in GENERATED)

# (organisation, kind, sector code, [(offer, category code, age from, age to in months)])
ORGANISATIONS = [
    ("Kita Pusteblume", "kita", "kita", [("Eingewöhnungsnachmittag", "betreuung", 0, 35)]),
    (
        "Familienzentrum am Markt",
        "family_centre",
        "familienzentrum",
        [("Krabbelgruppe", "elternbildung", 0, 35), ("Elterncafé", "elternbildung", None, None)],
    ),
    (
        "Erziehungs- und Familienberatungsstelle",
        "counselling",
        "erziehungsberatung",
        [("Offene Sprechstunde", "beratung", 0, 215)],
    ),
    (
        "Hebammenpraxis Storchennest",
        "health",
        "gesundheit-hebamme",
        [("Rückbildungskurs", "schwangerschaft", 0, 11), ("Babymassage", "gesundheit", 1, 11)],
    ),
    ("Jugendamt, Allgemeiner Sozialer Dienst", "other", "jugendhilfe-asd", []),
    (
        "Grundschule am Park",
        "school",
        "schule",
        [("Schnuppertag für Vorschulkinder", "uebergang", 60, 83)],
    ),
    ("Kinderarztpraxis Dr. Winter", "health", "gesundheit-kinderarzt", []),
    (
        "Sportverein Blau-Weiß",
        "club",
        "verein-sport-kultur",
        [("Eltern-Kind-Turnen", "freizeit", 18, 71)],
    ),
    ("Stadtbibliothek", "library", "familienbildung", [("Vorlesestunde", "freizeit", 36, 95)]),
]
GOALS = {
    "accepted": "Frühe Hilfen bekannter machen; Kinderarztpraxen als Partner gewinnen.",
    "submitted": "Elterncafés in allen Ortsteilen; Übergang Kita–Schule begleiten.",
}


def remove_generated() -> None:
    """Delete the generated demo networks (never an alliance that is not marked as demo)."""
    Alliance.objects.filter(slug__in=GENERATED_SLUGS, is_demo=True).delete()


def _generated_alliance(spec: Generated, *, rng: random.Random, now: dt.datetime) -> Alliance:
    alliance = Alliance.objects.create(
        slug=spec.slug,
        name=spec.name,
        region=f"{spec.town}, Sachsen",
        latitude=spec.latitude,
        longitude=spec.longitude,
        is_demo=True,
        about=DEMO_NOTE,
    )
    today = timezone.localdate(now)
    with alliance_scope(alliance):
        taxonomy_install(alliance=alliance)
        categories = {c.code: c for c in Category.objects.filter(alliance=alliance)}
        sectors = {s.code: s for s in ensure_default_sectors(alliance)}
        for index, (org_name, kind, sector, offers) in enumerate(ORGANISATIONS[: spec.size]):
            checked = now - dt.timedelta(days=rng.randint(20, 520))
            organisation = Organisation.objects.create(
                alliance=alliance,
                name=f"{org_name} {spec.town}",
                slug=f"organisation-{index}",
                kind=kind,
                last_checked_at=checked,
            )
            Partner.objects.create(
                alliance=alliance,
                organisation=organisation,
                sector=sectors.get(sector),
                member_since=dt.date(today.year - rng.randint(0, 5), rng.randint(1, 12), 1),
            )
            for number, (title, category, age_from, age_to) in enumerate(offers):
                offer = Offer.objects.create(
                    alliance=alliance,
                    organisation=organisation,
                    name=title,
                    slug=f"angebot-{index}-{number}",
                    summary=f"{title} – {organisation.name}.",
                    status=Status.PUBLISHED,
                    published_at=now,
                    is_free=rng.random() < 0.7,
                    age_min_months=age_from,
                    age_max_months=age_to,
                    last_checked_at=now - dt.timedelta(days=rng.randint(10, 540)),
                )
                if category in categories:
                    offer.categories.add(categories[category])
        steering = Body.objects.create(
            alliance=alliance, name="Steuerungsgruppe", kind=Body.Kind.STEERING
        )
        working = Body.objects.create(
            alliance=alliance, name="AG Übergänge", kind=Body.Kind.WORKING_GROUP
        )
        for months in range(1, 24, 3):  # quarterly over two years, the working group twice
            for body in (steering, working) if months % 6 == 1 else (steering,):
                starts = now - dt.timedelta(days=30 * months + rng.randint(0, 6))
                Meeting.objects.create(
                    alliance=alliance,
                    body=body,
                    title=body.name,
                    starts_at=starts,
                    ends_at=starts + dt.timedelta(hours=2),
                    status=Meeting.Status.HELD,
                )
        _backdate_entries(alliance, rng=rng, now=now)
        _self_assessment(alliance, year=today.year - 1, rng=rng)
        selectors.summary_refresh(alliance, now=now)
    return alliance


def _backdate_entries(alliance: Alliance, *, rng: random.Random, now: dt.datetime) -> None:
    """The demo is built in one go, but its entries stand for years of work: each offer, place
    and offer's place gets a creation date in the past (one in ten in this year), and its
    history begins then - so that last year's report counts what was live last year (the
    figures are "as of" the reporting date, from the history)."""
    start_of_year = timezone.make_aware(dt.datetime(now.year, 1, 2))
    for model in (Offer, Location, OfferLocation):
        rows = list(model.objects.filter(alliance=alliance).order_by("pk"))
        for row in rows:
            if rng.random() < 0.1 and now > start_of_year:
                row.created_at = start_of_year + (now - start_of_year) * rng.random()
            else:
                row.created_at = now - dt.timedelta(days=rng.randint(400, 2200))
        model.objects.bulk_update(rows, ["created_at"], batch_size=500)
        created = {row.pk: row.created_at for row in rows}
        records = list(
            model.history.filter(alliance_id=alliance.pk, history_type="+")  # type: ignore[attr-defined]
        )
        for record in records:
            record.history_date = created.get(record.id, record.history_date)
        model.history.bulk_update(records, ["history_date"], batch_size=500)  # type: ignore[attr-defined]


def _self_assessment(alliance: Alliance, *, year: int, rng: random.Random) -> None:
    """Last year's consolidated quality self-assessment (the state report averages it)."""
    assessment = governance.assessment_open(alliance=alliance, year=year)
    criteria = list(QualityCriterion.objects.filter(alliance=alliance))
    governance.assessment_consolidate(
        assessment=assessment,
        results={c: (rng.choice((2, 3, 3, 4)), "") for c in criteria},
        actor=None,
        summary="Demo: Selbstbewertung der Steuerungsgruppe.",
    )


def _report_states(office: StateOffice, generated: list[Alliance], *, now: dt.datetime) -> None:
    """Last year's report of each generated network in its state; this year's requested."""
    today = timezone.localdate(now)
    for spec, alliance in zip(GENERATED, generated, strict=True):
        with alliance_scope(alliance):
            last = reports.report_get_or_create(alliance=alliance, year=today.year - 1)
            if spec.last_year == "overdue":  # asked for by the end of March, still a draft
                reports.report_request(
                    office=office, alliance=alliance, year=today.year - 1, due_on=today
                )
                AnnualReport.objects.filter(pk=last.pk).update(due_on=today - dt.timedelta(days=21))
            else:
                reports.report_update_narrative(
                    report=last, values={"goals": GOALS[spec.last_year]}
                )
                last = reports.report_submit(report=last, user=None, now=now)
                if spec.last_year == "accepted":
                    reports.report_accept(report=last, user=None)
            if spec.requested:
                reports.report_request(
                    office=office,
                    alliance=alliance,
                    year=today.year,
                    due_on=today + dt.timedelta(days=45),
                )


def install_demo_reports(*, alliances, now: dt.datetime) -> None:
    rng = random.Random(13)
    remove_generated()
    generated = [
        _generated_alliance(spec, rng=rng, now=now)
        for spec in GENERATED
        if not Alliance.objects.filter(slug=spec.slug).exists()  # a real one keeps its slug
    ]
    office, _created = StateOffice.objects.get_or_create(name=OFFICE_NAME)
    office.alliances.add(*alliances, *generated)
    if len(generated) == len(GENERATED):
        _report_states(office, generated, now=now)
    year = now.year
    for index, alliance in enumerate(alliances):
        with alliance_scope(alliance):
            _backdate_entries(alliance, rng=rng, now=now)
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
