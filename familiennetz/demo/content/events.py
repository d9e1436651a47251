"""Demo calendar: a few months of realistic events for each demo alliance, from "today" on.

Unlike the other content modules this one also writes (``install_demo_events``): event dates
depend on the day the demo is built and on the holiday calendar, so the data are functions of
``today``. The events use the organisations and places of ``hainichen``/``prohlis`` (by slug,
which the builder derives from the keys) and go through the calendar's services, so the
occurrences are materialised exactly as for events typed in by a coordinator.

Each alliance gets: a weekly parents' café (Tuesday 15–17, not in school holidays; one date
cancelled with a notice, one moved by an hour), a counselling hour on every 2nd Tuesday, a
parents' evening with 40 places and registration, a St. Martin lantern walk (11 November, next
year's once this year's is past), a school-starter meeting, a summer festival and a toddler
swimming course with 8 places. The Saxon school holidays come from
``ferien_sachsen_2026_2027.ics`` (hand-written demo dates); sign-ups for the events with
registration come from ``registrations.py``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from familiennetz.core.slugs import unique_slug
from familiennetz.directory.models import Category, Language, Location, Offer, Organisation, Status
from familiennetz.events.holidays import holiday_periods_import
from familiennetz.events.models import Event, HolidayPeriod
from familiennetz.events.services import (
    event_sync_occurrences,
    occurrence_cancel,
    occurrence_update,
)

from .registrations import install_demo_registrations
from .types import years

BERLIN = ZoneInfo("Europe/Berlin")
HOLIDAYS_ICS = Path(__file__).with_name("ferien_sachsen_2026_2027.ics")
SERIES_MONTHS = 5  # how far the café and the counselling hour run


class DemoEventsError(Exception):
    pass


@dataclass(frozen=True)
class EventSpec:
    title: str
    summary: str
    description: str
    organisation: str  # organisation slug (= OrganisationSpec.key)
    place: str | None  # location slug (= PlaceSpec.key); None: no fixed place
    starts_at: dt.datetime
    minutes: int
    categories: tuple[str, ...] = ()
    ages: tuple[int | None, int | None] = (None, None)
    is_free: bool = True
    fee: str = ""
    languages: tuple[str, ...] = ("de",)
    rrule: str = ""
    skips_school_holidays: bool = False
    requires_registration: bool = False
    capacity: int | None = None
    registration_closes_hours: int = 0
    offer: str | None = None  # offer name, if these are an offer's sessions
    accessibility: str = ""
    cancel_nth: tuple[int, str] | None = None  # (index of the future date, notice)
    move_nth: tuple[int, int, str] | None = None  # (index, minutes later, notice)


# --- dates ---------------------------------------------------------------------------------


def _at(day: dt.date, hhmm: str) -> dt.datetime:
    hours, minutes = (int(part) for part in hhmm.split(":"))
    return dt.datetime.combine(day, dt.time(hours, minutes), tzinfo=BERLIN)


def _next_weekday(after: dt.date, weekday: int) -> dt.date:
    """The first ``weekday`` (0 = Monday) strictly after ``after``."""
    return after + dt.timedelta(days=(weekday - after.weekday() - 1) % 7 + 1)


def _second_tuesday(year: int, month: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(1 - first.weekday()) % 7 + 7)


def _next_second_tuesday(after: dt.date) -> dt.date:
    year, month = after.year, after.month
    while (day := _second_tuesday(year, month)) <= after:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return day


def _martinmas(today: dt.date) -> dt.date:
    this_year = dt.date(today.year, 11, 11)
    return this_year if this_year >= today else dt.date(today.year + 1, 11, 11)


def _first_saturday_in_june(today: dt.date) -> dt.date:
    year = today.year if today < dt.date(today.year, 6, 1) else today.year + 1
    return _next_weekday(dt.date(year, 5, 31), 5)


def _outside_holidays(day: dt.date, holidays: list[tuple[dt.date, dt.date]]) -> dt.date:
    """``day``, or the same weekday after the holidays it falls into."""
    while any(first <= day <= last for first, last in holidays):
        day += dt.timedelta(days=7)
    return day


def _last_of_course(first: dt.date, sessions: int, holidays) -> str:
    """UNTIL for a weekly course of ``sessions`` dates that pauses in the holidays (a COUNT
    would count the skipped holiday dates too)."""
    day, left = first, sessions
    while True:
        if not any(lo <= day <= hi for lo, hi in holidays):
            left -= 1
            if left == 0:
                return day.strftime("%Y%m%d")
        day += dt.timedelta(days=7)


def _until(today: dt.date) -> str:
    month = today.month - 1 + SERIES_MONTHS
    end = dt.date(today.year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return end.strftime("%Y%m%d")


# --- the events ----------------------------------------------------------------------------


def _specs(slug: str, today: dt.date, holidays: list[tuple[dt.date, dt.date]]) -> list[EventSpec]:
    until = _until(today)
    cafe_day = _next_weekday(today, 1)
    counselling_day = _next_second_tuesday(today)
    evening_day = _outside_holidays(_next_weekday(today + dt.timedelta(days=20), 2), holidays)
    school_day = _outside_holidays(_next_weekday(today + dt.timedelta(days=45), 3), holidays)
    swim_day = _outside_holidays(_next_weekday(today + dt.timedelta(days=13), 5), holidays)
    swim_rule = f"FREQ=WEEKLY;BYDAY=SA;UNTIL={_last_of_course(swim_day, 8, holidays)}"
    martin_day = _martinmas(today)
    summer_day = _first_saturday_in_june(today)

    cafe_cancelled = (
        2,
        "Fällt heute aus: Das Team ist auf Fortbildung. Nächste Woche sind wir wieder da.",
    )
    cafe_moved = (4, 60, "Ausnahmsweise eine Stunde später: 16 bis 18 Uhr.")
    evening_text = (
        "Wie erleben Kinder eine Trennung der Eltern, den Tod der Oma oder den Abschied von "
        "einem Freund – und was hilft ihnen? Eine Familienberaterin und eine "
        "Trauerbegleiterin geben Antworten für Kinder von drei bis zwölf Jahren und haben "
        "Zeit für Ihre Fragen. Während des Abends werden Kinder betreut (bitte bei der "
        "Anmeldung angeben)."
    )
    swim_text = (
        "Acht Samstage im warmen Lehrschwimmbecken: Die Kinder gewöhnen sich mit einem "
        "Elternteil spielerisch ans Wasser – pusten, plantschen, springen. Kein "
        "Schwimmkurs zum Seepferdchen, sondern Spaß am Wasser. Bitte Schwimmwindel "
        "mitbringen. Die Plätze gelten für jeden Termin einzeln."
    )
    if slug == "hainichen":
        return [
            EventSpec(
                title="Elterncafé am Nachmittag",
                summary="Kaffee, Kuchen und Gespräche, während die Kinder im Spielzimmer "
                "toben – jeden Dienstag außerhalb der Schulferien.",
                description="Einfach vorbeikommen, auch mit Geschwistern. Das Team des "
                "Familienzentrums ist da, wenn Sie eine Frage haben.",
                organisation="familienzentrum-regenbogen",
                place="familienzentrum",
                starts_at=_at(cafe_day, "15:00"),
                minutes=120,
                rrule=f"FREQ=WEEKLY;BYDAY=TU;UNTIL={until}",
                skips_school_holidays=True,
                categories=("elternbildung.elterncafe",),
                ages=years(0, 10),
                languages=("de", "en", "ru"),
                cancel_nth=cafe_cancelled,
                move_nth=cafe_moved,
            ),
            EventSpec(
                title="Offene Sprechstunde der Familienberatung",
                summary="Jeden 2. Dienstag im Monat: Fragen zu Erziehung, Trennung oder "
                "Familienalltag – ohne Termin, kostenlos und vertraulich.",
                description="Eine Beraterin hört zu, beantwortet erste Fragen und vereinbart "
                "bei Bedarf einen Termin für ein längeres Gespräch.",
                organisation="familienberatung",
                place="beratungsstelle",
                starts_at=_at(counselling_day, "16:00"),
                minutes=120,
                rrule=f"FREQ=MONTHLY;BYDAY=2TU;UNTIL={until}",
                categories=("beratung.erziehung",),
                languages=("de", "en"),
                offer="Erziehungs- und Familienberatung",
            ),
            EventSpec(
                title="Elternabend: Kinder in Trennung, Trauer und Verlust begleiten",
                summary="Ein Abend für Eltern, Großeltern und Fachkräfte – mit Anmeldung, "
                "40 Plätze.",
                description=evening_text,
                organisation="werkstatt-familie",
                place="werkstatt-familie",
                starts_at=_at(evening_day, "19:00"),
                minutes=120,
                categories=("beratung.trennung", "beratung.trauer"),
                requires_registration=True,
                capacity=40,
                registration_closes_hours=24,
                offer="Themenabend „Trennung und Verlust – Kinder begleiten“",
            ),
            EventSpec(
                title="Laternenumzug zum Martinstag",
                summary="Vom Markt durch die Altstadt, mit Martinsspiel, Posaunenchor und "
                "Hörnchen für alle.",
                description="Alle Kitas laufen mit, die Grundschule singt. Der Umzug dauert "
                "etwa eine Stunde und ist für Kinderwagen geeignet. Laterne mitbringen!",
                organisation="netzwerk-familie",
                place="rathaus",
                starts_at=_at(martin_day, "17:00"),
                minutes=90,
                categories=("freizeit.kultur", "freizeit.kirche"),
                ages=years(0, 12),
                offer="St.-Martins-Fest aller Kitas",
            ),
            EventSpec(
                title="Schulanfängertreffen",
                summary="Für Eltern der Kinder, die im Sommer in die Schule kommen: "
                "Anmeldung, Schulweg, Hort und erste Fragen.",
                description="Die Schulleiterin, der Hort und die Schulsozialarbeit stellen "
                "sich vor. Danach können Sie Klassenzimmer und Hort ansehen.",
                organisation="grundschule",
                place="grundschule",
                starts_at=_at(school_day, "18:00"),
                minutes=90,
                categories=("uebergang.schulvorbereitung",),
                ages=years(5, 7),
            ),
            EventSpec(
                title="Sommerfest im Stadtpark",
                summary="Hüpfburg, Kinderschminken, Musik und ein Markt der Möglichkeiten "
                "mit allen Vereinen und Einrichtungen.",
                description="Das Familienfest der Stadt Hainichen: Eintritt frei, für Essen "
                "und Getränke sorgen die Fördervereine der Kitas.",
                organisation="stadtverwaltung",
                place="stadtpark",
                starts_at=_at(summer_day, "14:00"),
                minutes=240,
                categories=("freizeit.kultur",),
                accessibility="Wege im Park sind befestigt; Toilettenwagen mit Rampe.",
            ),
            EventSpec(
                title="Wassergewöhnung für Kleinkinder",
                summary="Acht Samstage im Lehrschwimmbecken Frankenberg, für Kinder von "
                "anderthalb bis vier Jahren mit einem Elternteil – 8 Plätze.",
                description=swim_text + " Treffpunkt: Eingang Hallenbad Frankenberg.",
                organisation="sv-striegistal",
                place=None,
                starts_at=_at(swim_day, "10:00"),
                minutes=45,
                rrule=swim_rule,
                skips_school_holidays=True,
                categories=("gesundheit.bewegung", "freizeit.sport"),
                ages=(18, 47),
                is_free=False,
                fee="64 € für acht Termine (mit Familienpass 40 €)",
                requires_registration=True,
                capacity=8,
                registration_closes_hours=24,
            ),
        ]
    if slug == "prohlis":
        return [
            EventSpec(
                title="Elterncafé am Nachmittag",
                summary="Kaffee, Tee und Gespräche im KiFaZ, die Kinder spielen nebenan – "
                "jeden Dienstag außerhalb der Schulferien.",
                description="Ohne Anmeldung, kostenlos. Oft sind Sprachmittlerinnen für "
                "Arabisch, Russisch und Ukrainisch dabei.",
                organisation="kifaz-prohlis",
                place="kifaz",
                starts_at=_at(cafe_day, "15:00"),
                minutes=120,
                rrule=f"FREQ=WEEKLY;BYDAY=TU;UNTIL={until}",
                skips_school_holidays=True,
                categories=("elternbildung.elterncafe",),
                ages=years(0, 10),
                languages=("de", "ar", "ru", "uk"),
                cancel_nth=cafe_cancelled,
                move_nth=cafe_moved,
            ),
            EventSpec(
                title="Beratungssprechstunde im KiFaZ",
                summary="Jeden 2. Dienstag im Monat berät die Beratungsstelle Dresden-Süd "
                "im KiFaZ – ohne Termin.",
                description="Erziehungsfragen, Trennung, Streit in der Familie: Eine "
                "Beraterin hat Zeit für Sie. Kostenlos und vertraulich.",
                organisation="beratungsstelle-sued",
                place="beratung-im-kifaz",
                starts_at=_at(counselling_day, "16:00"),
                minutes=120,
                rrule=f"FREQ=MONTHLY;BYDAY=2TU;UNTIL={until}",
                categories=("beratung.erziehung",),
                languages=("de", "ru"),
                offer="Erziehungs- und Familienberatung",
            ),
            EventSpec(
                title="Elternabend: Kinder in Trennung, Trauer und Verlust begleiten",
                summary="Ein Abend der Beratungsstelle Dresden-Süd im KiFaZ – mit Anmeldung, "
                "40 Plätze.",
                description=evening_text,
                organisation="beratungsstelle-sued",
                place="kifaz",
                starts_at=_at(evening_day, "19:00"),
                minutes=120,
                categories=("beratung.trennung", "beratung.trauer"),
                languages=("de", "ar"),
                requires_registration=True,
                capacity=40,
                registration_closes_hours=24,
            ),
            EventSpec(
                title="Martinsumzug in Leubnitz",
                summary="Andacht im Gemeindehaus, danach mit Laternen durch Altleubnitz "
                "und Martinshörnchen am Feuer.",
                description="Für Familien aus allen Stadtteilen, egal welcher Religion. "
                "Laternen können ab 16 Uhr im Gemeindehaus gebastelt werden.",
                organisation="kirchgemeinde-sued",
                place="gemeindehaus-leubnitz",
                starts_at=_at(martin_day, "17:00"),
                minutes=90,
                categories=("freizeit.kirche", "freizeit.kultur"),
                ages=years(0, 12),
            ),
            EventSpec(
                title="Schulanfängertreffen an der Grundschule am Geberbach",
                summary="Für Eltern der künftigen Erstklässler: Schulanmeldung, Hort, "
                "Schulweg und Sprachförderung.",
                description="Sprachmittlerinnen für Arabisch und Ukrainisch sind da. Bitte "
                "bringen Sie den Bescheid über die Schulaufnahmeuntersuchung mit.",
                organisation="grundschule-geberbach",
                place="grundschule-geberbach",
                starts_at=_at(school_day, "17:30"),
                minutes=90,
                categories=("uebergang.schulvorbereitung",),
                ages=years(5, 7),
                languages=("de", "ar", "uk"),
            ),
            EventSpec(
                title="Sommerfest im Prohliser Park",
                summary="Spielmobil, Wasserspiele, Musik aus aller Welt und die Stände der "
                "Vereine und Einrichtungen im Stadtteil.",
                description="Das Quartiersmanagement lädt mit dem Bündnis für Familien ein. "
                "Eintritt frei, Essen zum Selbstkostenpreis.",
                organisation="quartiersmanagement",
                place="spielplatz-park",
                starts_at=_at(summer_day, "14:00"),
                minutes=240,
                categories=("freizeit.kultur",),
                languages=("de", "ar", "ru", "uk", "vi"),
            ),
            EventSpec(
                title="Wassergewöhnung für Kleinkinder",
                summary="Acht Samstage im warmen Lehrschwimmbecken, für Kinder von "
                "anderthalb bis vier Jahren mit einem Elternteil – 8 Plätze.",
                description=swim_text,
                organisation="sg-dresden-sued",
                place="schwimmhalle",
                starts_at=_at(swim_day, "10:00"),
                minutes=45,
                rrule=swim_rule,
                skips_school_holidays=True,
                categories=("gesundheit.bewegung", "freizeit.sport"),
                ages=(18, 47),
                is_free=False,
                fee="56 € für acht Termine (mit Dresden-Pass frei)",
                requires_registration=True,
                capacity=8,
                registration_closes_hours=24,
            ),
        ]
    return []


# --- writing -------------------------------------------------------------------------------


def install_demo_events(*, alliance, now: dt.datetime) -> int:
    """Import the demo school holidays and create the demo events of ``alliance``.

    Returns the number of events. Raises DemoEventsError if the demo content lacks an
    organisation the events need.
    """
    holiday_periods_import(alliance=alliance, data=HOLIDAYS_ICS.read_bytes())
    holidays = list(
        HolidayPeriod.objects.for_alliance(alliance).values_list("starts_on", "ends_on")
    )
    today = now.astimezone(BERLIN).date()
    specs = _specs(alliance.slug, today, holidays)
    if not specs:
        return 0
    organisations = {o.slug: o for o in Organisation.objects.for_alliance(alliance)}
    locations = {loc.slug: loc for loc in Location.objects.for_alliance(alliance)}
    categories = {c.code: c for c in Category.objects.for_alliance(alliance)}
    languages = {lang.code: lang for lang in Language.objects.all()}
    offers = {o.name: o for o in Offer.objects.for_alliance(alliance)}
    for spec in specs:
        organisation = organisations.get(spec.organisation)
        if organisation is None:
            raise DemoEventsError(
                f"{alliance.slug}: event {spec.title!r} needs organisation {spec.organisation!r}"
            )
        location = locations.get(spec.place) if spec.place else None
        if spec.place and location is None:  # content changed: fall back to the organiser
            location = next(
                (loc for loc in locations.values() if loc.organisation_id == organisation.pk),
                None,
            )
        age_min, age_max = spec.ages
        event = Event.objects.create(
            alliance=alliance,
            organisation=organisation,
            offer=offers.get(spec.offer) if spec.offer else None,
            title=spec.title,
            slug=unique_slug(
                model=Event,
                alliance=alliance,
                text=spec.title,
                max_length=120,
            ),
            summary=spec.summary,
            description=spec.description,
            location=location,
            starts_at=spec.starts_at,
            ends_at=spec.starts_at + dt.timedelta(minutes=spec.minutes),
            rrule=spec.rrule,
            skips_school_holidays=spec.skips_school_holidays,
            age_min_months=age_min,
            age_max_months=age_max,
            is_free=spec.is_free,
            fee_description=spec.fee,
            accessibility_notes=spec.accessibility,
            requires_registration=spec.requires_registration,
            capacity=spec.capacity,
            has_waiting_list=True,
            registration_closes_hours=spec.registration_closes_hours,
            status=Status.PUBLISHED,
            last_checked_at=now,
        )
        event.categories.set([categories[c] for c in spec.categories if c in categories])
        event.languages.set([languages[c] for c in spec.languages if c in languages])
        event_sync_occurrences(event=event)
        _change_single_dates(event, spec, now)
    install_demo_registrations(alliance=alliance, now=now)
    return len(specs)


def _change_single_dates(event: Event, spec: EventSpec, now: dt.datetime) -> None:
    if not (spec.cancel_nth or spec.move_nth):
        return
    upcoming = list(event.occurrences.filter(starts_at__gte=now).order_by("starts_at")[:10])
    if spec.cancel_nth and len(upcoming) > spec.cancel_nth[0]:
        index, note = spec.cancel_nth
        occurrence_cancel(occurrence=upcoming[index], note=note)
    if spec.move_nth and len(upcoming) > spec.move_nth[0]:
        index, minutes, note = spec.move_nth
        occurrence = upcoming[index]
        occurrence_update(
            occurrence=occurrence,
            starts_at=occurrence.starts_at + dt.timedelta(minutes=minutes),
            status_note=note,
        )
