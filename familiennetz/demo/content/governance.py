"""Demo governance: bodies with members, a year of monthly steering-group meetings with
minutes, decisions and action items (some overdue), working groups, the St. Martin festival as
a project with budget and rooms, shared rooms with bookings, a budget pot, two years of the
quality self-assessment and the professionals' side.

Everything goes through the governance services, relative to ``now``. Names of people are
invented (and clearly so); the parents' council's members are recorded by their role only.
Partners and contact persons are taken if they exist (the network's demo may create them) and
created otherwise.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.core.files.base import ContentFile
from django.utils import timezone

from familiennetz.alliances.models import Membership, Role
from familiennetz.directory.models import Location, Organisation
from familiennetz.events.models import Event
from familiennetz.governance import services
from familiennetz.governance.models import (
    ActionItem,
    AgendaItem,
    Body,
    BodyMembership,
    Booking,
    QualityCriterion,
)
from familiennetz.governance.services.meetings import NewAction
from familiennetz.network.models import ContactPerson, Partner
from familiennetz.participation.models import Survey


@dataclass(frozen=True)
class PersonSpec:
    key: str
    organisation: str  # organisation slug
    name: str
    function: str
    user_role: str = ""  # link to the demo user of this role (if the demo users exist)


@dataclass(frozen=True)
class BodySpec:
    name: str
    kind: str
    members: tuple[tuple[str, str], ...]  # (person key, role)
    description: str = ""
    is_open: bool = True


@dataclass(frozen=True)
class GovernanceSpec:
    people: tuple[PersonSpec, ...]
    bodies: tuple[BodySpec, ...]
    steering_months: int  # past months with minutes
    topics: tuple[tuple[str, str, str], ...]  # (agenda item, decision, action) per meeting
    rooms: tuple[tuple[str, str, str, str, int], ...]  # (name, kind, organisation, place, capacity)
    festival_event_words: tuple[str, ...] = ("Martin",)
    working_group_topics: dict = field(default_factory=dict)
    assessment_years: int = 2


HAINICHEN = GovernanceSpec(
    people=(
        PersonSpec(
            "koordination",
            "stadtverwaltung",
            "Katrin Beispiel",
            "Koordinatorin Familienbildung",
            Role.COORDINATOR,
        ),
        PersonSpec(
            "werkstatt",
            "werkstatt-familie",
            "Thomas Muster",
            "Leiter der Werkstatt Familie",
            Role.STEERING,
        ),
        PersonSpec("ekiz", "kita-sonnenschein", "Sabine Sonnig", "Leiterin Eltern-Kind-Zentrum"),
        PersonSpec("pusteblume", "kita-pusteblume", "Jana Blum", "Kita-Leiterin"),
        PersonSpec("gaensebluemchen", "kita-gaensebluemchen", "Petra Gans", "Kita-Leiterin"),
        PersonSpec("spatzennest", "kita-spatzennest", "Martin Spatz", "Kita-Leiter"),
        PersonSpec("grundschule", "grundschule", "Ulrike Lehr", "Schulleiterin"),
        PersonSpec("hort", "hort-schulberg", "Heike Horn", "Hortleiterin"),
        PersonSpec("beratung", "familienberatung", "Frank Rat", "Erziehungsberater"),
        PersonSpec(
            "regenbogen",
            "familienzentrum-regenbogen",
            "Mira Bunt",
            "Koordinatorin Familienzentrum",
            Role.PROVIDER,
        ),
        PersonSpec("bibliothek", "stadtbibliothek", "Lena Buch", "Bibliothekarin"),
        PersonSpec(
            "eltern-sonnenschein",
            "stadtelternbeirat",
            "Elternvertretung Kita Sonnenschein",
            "Elternvertretung",
        ),
        PersonSpec(
            "eltern-pusteblume",
            "stadtelternbeirat",
            "Elternvertretung Kita Pusteblume",
            "Elternvertretung",
        ),
        PersonSpec(
            "eltern-hort",
            "stadtelternbeirat",
            "Elternvertretung Hort am Schulberg",
            "Elternvertretung",
        ),
    ),
    bodies=(
        BodySpec(
            "Steuerungsgruppe",
            Body.Kind.STEERING,
            (("koordination", "chair"), ("werkstatt", "deputy"), ("ekiz", "minutes")),
            "Impulsgeber des Bündnisses; tagt monatlich.",
        ),
        BodySpec(
            "Kita-Leitungsrunde",
            Body.Kind.LEADERS_ROUND,
            (
                ("ekiz", "chair"),
                ("pusteblume", "member"),
                ("gaensebluemchen", "member"),
                ("spatzennest", "member"),
                ("koordination", "guest"),
            ),
        ),
        BodySpec(
            "AG Übergang Kita – Schule",
            Body.Kind.WORKING_GROUP,
            (
                ("grundschule", "chair"),
                ("hort", "member"),
                ("pusteblume", "member"),
                ("regenbogen", "minutes"),
            ),
        ),
        BodySpec(
            "AG St.-Martins-Fest",
            Body.Kind.WORKING_GROUP,
            (
                ("koordination", "chair"),
                ("regenbogen", "member"),
                ("spatzennest", "member"),
                ("eltern-sonnenschein", "member"),
            ),
        ),
        BodySpec(
            "Stadtelternbeirat",
            Body.Kind.PARENTS_COUNCIL,
            (
                ("eltern-sonnenschein", "chair"),
                ("eltern-pusteblume", "member"),
                ("eltern-hort", "member"),
                ("koordination", "guest"),
            ),
            "Delegierte der Elternbeiräte aller Kitas und des Horts.",
            False,
        ),
        BodySpec(
            "Netzwerkkonferenz",
            Body.Kind.CONFERENCE,
            (
                ("koordination", "chair"),
                ("werkstatt", "member"),
                ("ekiz", "member"),
                ("beratung", "member"),
                ("bibliothek", "member"),
                ("grundschule", "member"),
            ),
        ),
    ),
    steering_months=12,
    topics=(
        (
            "Jahresplanung",
            "Die Jahresplanung wird wie vorgelegt beschlossen.",
            "Jahresplan an alle Partner versenden",
        ),
        (
            "Themenelternabend Trennung und Verlust",
            "Der Themenelternabend findet im Frühjahr in der Werkstatt Familie statt.",
            "Referentin für den Elternabend anfragen",
        ),
        (
            "Digitale Karte für Eltern",
            "Das Bündnis nutzt familiennetz als digitale Karte.",
            "Einträge der Kitas prüfen lassen",
        ),
        (
            "Elterncafé neu denken",
            "Der Elternbeirat gestaltet das Elterncafé ab sofort mit.",
            "Termine des Elterncafés abstimmen",
        ),
        (
            "Bedarfsabfrage bei Familien",
            "Die Bedarfsabfrage wird im Herbst durchgeführt.",
            "Fragebogen mit dem Elternbeirat entwerfen",
        ),
        (
            "Sommerfest im Stadtpark",
            "Das Sommerfest wird gemeinsam mit dem Sportverein ausgerichtet.",
            "Standplan für das Sommerfest erstellen",
        ),
        (
            "Fortbildung Beteiligung von Kindern",
            "Die gemeinsame Fortbildung findet im Oktober statt.",
            "Raum für die Fortbildung buchen",
        ),
        (
            "St.-Martins-Fest",
            "Das St.-Martins-Fest aller Kitas findet am 11. November statt.",
            "Laternen und Martinsspiel organisieren",
        ),
        (
            "Kooperation mit der Grundschule",
            "Der Schulkindertreff wird monatlich angeboten.",
            "Schnuppertag mit der Grundschule planen",
        ),
        (
            "Haushalt Verfügungsfonds",
            "Der Verfügungsfonds wird auf die Projekte aufgeteilt.",
            "Verwendungsnachweis vorbereiten",
        ),
        (
            "Qualitätsdimensionen",
            "Die Selbstbewertung wird jährlich im Frühjahr durchgeführt.",
            "Selbstbewertung vorbereiten",
        ),
        (
            "Öffentlichkeitsarbeit",
            "Die Aushänge in Kitas und Rathaus werden aus familiennetz gedruckt.",
            "Aushänge für alle Kitas drucken",
        ),
    ),
    rooms=(
        ("Saal der Werkstatt Familie", "room", "werkstatt-familie", "werkstatt-familie", 60),
        (
            "Beratungsraum im Eltern-Kind-Zentrum",
            "room",
            "kita-sonnenschein",
            "ekiz-sonnenschein",
            12,
        ),
        ("Beamer mit Leinwand", "equipment", "stadtverwaltung", "rathaus", 0),
    ),
)

PROHLIS = GovernanceSpec(
    people=(
        PersonSpec(
            "koordination", "buendnis", "Anna Vorbild", "Bündniskoordinatorin", Role.COORDINATOR
        ),
        PersonSpec(
            "quartier", "quartiersmanagement", "Jonas Probe", "Quartiersmanager", Role.STEERING
        ),
        PersonSpec("kifaz", "kifaz-prohlis", "Selin Muster", "Leiterin KiFaZ", Role.PROVIDER),
        PersonSpec("kunterbunt", "kita-kunterbunt", "Olga Beispiel", "Kita-Leiterin"),
        PersonSpec("asd", "asd-prohlis", "Paul Fall", "Sozialarbeiter ASD"),
        PersonSpec("kjaed", "kjaed", "Dr. Eva Gesund", "Kinderärztin"),
    ),
    bodies=(
        BodySpec(
            "Steuerungsrunde",
            Body.Kind.STEERING,
            (("koordination", "chair"), ("quartier", "member"), ("kifaz", "minutes")),
        ),
        BodySpec(
            "AG Gesundheit",
            Body.Kind.WORKING_GROUP,
            (("kjaed", "chair"), ("kifaz", "member"), ("kunterbunt", "member"), ("asd", "member")),
        ),
    ),
    steering_months=6,
    topics=(
        (
            "Familienkalender",
            "Alle Partner tragen ihre Termine in den Familienkalender ein.",
            "Partner an den Familienkalender erinnern",
        ),
        (
            "Stadtteil-Rallye",
            "Die Stadtteil-Rallye findet im Mai statt.",
            "Stationen der Rallye verteilen",
        ),
        ("Erste-Hilfe-Box", "Die Erste-Hilfe-Box wird neu aufgelegt.", "Druckauftrag vergeben"),
        ("Räume teilen", "Räume werden über familiennetz gebucht.", "Raumliste vervollständigen"),
        (
            "Gesundheitstage",
            "Die Gesundheitstage werden mit dem KJÄD geplant.",
            "Termine mit dem KJÄD abstimmen",
        ),
        (
            "Neue Fachkräfte",
            "Neue Fachkräfte werden persönlich eingeladen.",
            "Willkommensmappe aktualisieren",
        ),
    ),
    rooms=(
        ("Gruppenraum im KiFaZ", "room", "kifaz-prohlis", "kifaz", 25),
        ("Stadtteilladen", "room", "quartiersmanagement", "stadtteilladen", 30),
    ),
    assessment_years=1,
)

SPECS = {"hainichen": HAINICHEN, "prohlis": PROHLIS}


def install_demo_governance(*, alliance, now: dt.datetime) -> None:
    spec = SPECS.get(alliance.slug)
    if spec is None:
        return
    _Builder(alliance=alliance, spec=spec, now=now).build()


class _Builder:
    def __init__(self, *, alliance, spec: GovernanceSpec, now: dt.datetime):
        self.alliance, self.spec, self.now = alliance, spec, now
        self.today = timezone.localdate(now)
        self.rng = random.Random(f"familiennetz-demo-governance:{alliance.slug}")
        self.organisations = {o.slug: o for o in Organisation.objects.filter(alliance=alliance)}
        users = Membership.objects.filter(alliance=alliance).select_related("user")
        self.users = {m.role: m.user for m in users}
        self.people: dict[str, ContactPerson] = {}
        self.bodies: dict[str, Body] = {}

    def build(self) -> None:
        for person in self.spec.people:
            self.people[person.key] = self._person(person)
        for body in self.spec.bodies:
            self.bodies[body.name] = self._body(body)
        steering = self.bodies[self.spec.bodies[0].name]
        self._steering_year(steering)
        for body in list(self.bodies.values())[1:3]:
            self._working_group(body)
        rooms = [self._room(*room) for room in self.spec.rooms]
        project = self._festival(steering, rooms)
        self._bookings(rooms, project)
        self._quality(steering)
        self._professionals()

    # --- people and bodies --------------------------------------------------------------

    def _person(self, spec: PersonSpec) -> ContactPerson:
        organisation = self.organisations[spec.organisation]
        partner, _created = Partner.objects.get_or_create(
            organisation=organisation, defaults={"alliance": self.alliance}
        )
        contact, _created = ContactPerson.objects.get_or_create(
            partner=partner,
            name=spec.name,
            defaults={
                "alliance": self.alliance,
                "function": spec.function,
                "email": f"{spec.key}@{self.alliance.slug}.demo.invalid",
            },
        )
        return contact

    def _user_for(self, key: str):
        person = next(p for p in self.spec.people if p.key == key)
        return self.users.get(person.user_role) if person.user_role else None

    def _body(self, spec: BodySpec) -> Body:
        body = services.body_save(
            alliance=self.alliance,
            values={
                "name": spec.name,
                "kind": spec.kind,
                "description": spec.description,
                "is_open": spec.is_open,
                "is_active": True,
            },
        )
        for key, role in spec.members:
            label = self.people[key].name if spec.kind == Body.Kind.PARENTS_COUNCIL else ""
            services.membership_save(
                body=body,
                contact=self.people[key],
                role=role,
                label=label,
                joined_on=self.today - relativedelta(years=2),
                user=self._user_for(key),
            )
        return body

    def _officer(self, body: Body, *roles: str) -> ContactPerson:
        membership = BodyMembership.objects.filter(body=body, role__in=roles).first()
        return membership.contact if membership else None

    # --- meetings -----------------------------------------------------------------------

    def _start(self, months_ago: int, *, weekday: int = 3, nth: int = 2, hour: int = 16):
        first = self.today.replace(day=1) - relativedelta(months=months_ago)
        day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
        return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))

    def _steering_year(self, body: Body) -> None:
        months = self.spec.steering_months
        first = services.meeting_create(
            body=body,
            title=body.name,
            starts_at=self._start(months - 1),
            ends_at=self._start(months - 1) + dt.timedelta(hours=2),
            place="Rathaus Hainichen, Beratungsraum"
            if self.alliance.slug == "hainichen"
            else "Stadtteilladen Prohlis",
            rrule="FREQ=MONTHLY;BYDAY=2TH",
        )
        meetings = list(first.series.meetings.order_by("starts_at"))
        members = list(BodyMembership.objects.filter(body=body).select_related("contact"))
        owners = [m.contact for m in members]
        for index, meeting in enumerate(meetings):
            topic, decision, action = self.spec.topics[index % len(self.spec.topics)]
            services.agenda_from_open_items(meeting=meeting)
            services.agenda_item_add(
                meeting=meeting, title=topic, owner=owners[index % len(owners)], minutes=30
            )
            services.agenda_item_add(meeting=meeting, title="Verschiedenes", minutes=10)
            if meeting.starts_at > self.now:
                continue
            meeting_day = timezone.localtime(meeting.starts_at).date()
            AgendaItem.objects.filter(meeting=meeting).update(outcome=AgendaItem.Outcome.DONE)
            services.attendance_save(
                meeting=meeting,
                statuses={
                    m.contact: ("excused" if (index + n) % 5 == 0 else "present")
                    for n, m in enumerate(members)
                },
            )
            due = meeting_day + dt.timedelta(days=self.rng.choice((14, 21, 28)))
            services.minutes_save(
                meeting=meeting,
                actor=self.users.get(Role.COORDINATOR),
                text=(
                    f"## Anwesend\n\n{', '.join(o.name for o in owners)}\n\n"
                    f"## {topic}\n\n{decision} Die Runde hat die Vorlage besprochen; "
                    "Rückfragen wurden geklärt.\n\n## Verschiedenes\n\n- Termine der Partner\n"
                    "- Rückmeldungen aus den Kitas\n"
                ),
                decisions=[decision],
                actions=[NewAction(action, owner=owners[(index + 1) % len(owners)], due_on=due)],
            )
            if meeting.starts_at < self.now - dt.timedelta(days=20):
                services.minutes_approve(meeting=meeting, actor=self.users.get(Role.COORDINATOR))
        # Older actions are done; the last few stay open (some overdue).
        actions = list(ActionItem.objects.filter(body=body).order_by("due_on"))
        for action in actions[:-3]:
            services.action_set_status(action=action, status=ActionItem.Status.DONE)

    def _working_group(self, body: Body) -> None:
        chair = self._officer(body, "chair")
        for months_ago, title in ((5, "Auftakt"), (2, "Zwischenstand"), (-1, "Planungstreffen")):
            start = self._start(months_ago, weekday=1, nth=3, hour=15)
            meeting = services.meeting_create(
                body=body,
                title=f"{body.name}: {title}",
                starts_at=start,
                ends_at=start + dt.timedelta(minutes=90),
                place="Werkstatt Familie",
            )
            services.agenda_from_open_items(meeting=meeting)
            services.agenda_item_add(meeting=meeting, title=title, owner=chair, minutes=45)
            if start < self.now:
                services.minutes_save(
                    meeting=meeting,
                    actor=None,
                    text=f"## {title}\n\nDie AG hat die nächsten Schritte verabredet.",
                    actions=[
                        NewAction(
                            f"Nächste Schritte nach „{title}“ umsetzen",
                            owner=chair,
                            due_on=timezone.localtime(start).date() + dt.timedelta(days=30),
                        )
                    ],
                )
                services.minutes_approve(meeting=meeting, actor=None)
        # The provider user's overdue action: one click from her dashboard.
        owner = self.people.get("regenbogen") or self.people.get("kifaz")
        if owner is not None and BodyMembership.objects.filter(body=body, contact=owner).exists():
            meeting = body.meetings.filter(starts_at__lt=self.now).order_by("-starts_at").first()
            services.action_save(
                alliance=self.alliance,
                values={
                    "title": "Rückmeldebogen für Eltern überarbeiten",
                    "owner": owner,
                    "meeting": meeting,
                    "body": body,
                    "due_on": max(
                        self.today - dt.timedelta(days=5),
                        timezone.localtime(meeting.starts_at).date(),
                    ),
                },
            )

    # --- rooms, project, budget -------------------------------------------------------------

    def _room(self, name, kind, organisation, place, capacity):
        return services.room_save(
            alliance=self.alliance,
            values={
                "name": name,
                "kind": kind,
                "organisation": self.organisations.get(organisation),
                "location": Location.objects.filter(alliance=self.alliance, slug=place).first(),
                "capacity": capacity or None,
                "is_wheelchair_accessible": kind == "room",
                "accessibility_notes": "Ebenerdiger Zugang, WC barrierefrei"
                if kind == "room"
                else "",
                "rules": "Bitte den Raum aufgeräumt verlassen. Schlüssel im Büro abholen.",
                "requires_approval": kind == "room",
                "is_active": True,
            },
        )

    def _festival(self, steering: Body, rooms) -> object:
        year = (
            self.today.year
            if self.today < dt.date(self.today.year, 11, 11)
            else self.today.year + 1
        )
        festival_day = dt.date(year, 11, 11)
        workgroup = next((b for b in self.bodies.values() if "Martin" in b.name), steering)
        partners = Partner.objects.filter(alliance=self.alliance).exclude(
            organisation__slug="stadtelternbeirat"
        )[:6]
        events = Event.objects.filter(alliance=self.alliance, title__icontains="Martin")[:2]
        project = services.project_save(
            alliance=self.alliance,
            values={
                "title": "St.-Martins-Fest aller Kitas",
                "goal": "Ein gemeinsames Fest aller Kitas, offen für alle Familien der Stadt.",
                "description": "Laternenumzug vom Markt durch die Altstadt, Martinsspiel, "
                "Posaunenchor, Tee und Martinshörnchen am Lagerfeuer.",
                "status": "planning",
                "body": workgroup,
                "lead": self._officer(workgroup, "chair"),
                "starts_on": festival_day - dt.timedelta(days=90),
                "ends_on": festival_day,
                "partners": list(partners),
                "events": list(events),
            },
        )
        pot = services.pot_save(
            alliance=self.alliance,
            values={
                "name": "Verfügungsfonds Familienfreundliche Kommune",
                "funder": "Land (Demo-Förderprogramm)",
                "funding_reference": "FK-2026-017",
                "starts_on": self.today.replace(month=1, day=1),
                "ends_on": self.today.replace(month=12, day=31),
                "description": "Gemeinsame Mittel für Projekte des Bündnisses.",
                "warn_at_percent": 85,
            },
        )
        services.contribution_add(
            pot=pot,
            amount=Decimal("3000"),
            source="Land (Demo-Förderprogramm)",
            received_on=self.today.replace(month=2, day=15),
        )
        town = Partner.objects.filter(alliance=self.alliance).order_by("pk").first()
        services.contribution_add(pot=pot, amount=Decimal("1000"), partner=town)
        for kind, label, planned, actual, from_pot in [
            ("cost", "Laternen und Bastelmaterial", "450", "438.60", True),
            ("cost", "Bühne und Beschallung", "900", None, True),
            ("cost", "Posaunenchor (Aufwandsentschädigung)", "200", None, True),
            ("cost", "Tee und Martinshörnchen", "350", None, False),
            ("fee", "Standgebühren", "120", None, False),
            ("contribution", "Spende Förderverein", "250", "250", False),
        ]:
            services.budget_line_save(
                alliance=self.alliance,
                values={
                    "project": project,
                    "pot": pot if from_pot else None,
                    "kind": kind,
                    "label": label,
                    "planned": Decimal(planned),
                    "actual": Decimal(actual) if actual else None,
                },
            )
        other = services.project_save(
            alliance=self.alliance,
            values={
                "title": "Themenelternabend „Kinder in Trennung begleiten“",
                "goal": "Eltern in Trennungssituationen stärken.",
                "status": "done",
                "body": steering,
                "starts_on": self.today - dt.timedelta(days=120),
                "ends_on": self.today - dt.timedelta(days=100),
                **self._evaluation_survey(),
            },
        )
        services.budget_line_save(
            alliance=self.alliance,
            values={
                "project": other,
                "pot": pot,
                "kind": "cost",
                "label": "Honorar Referentin",
                "planned": Decimal("1900"),
                "actual": Decimal("1900"),
            },
        )
        goal = services.goal_add(project=project, text="Familien aus allen Ortsteilen nehmen teil")
        indicator = services.indicator_add(
            goal=goal, name="Teilnehmende Familien", unit="Familien", target=Decimal("150")
        )
        services.result_add(
            indicator=indicator,
            measured_on=festival_day - relativedelta(years=1),
            value=Decimal("132"),
            note="Zählung am Ausgang (Vorjahr)",
        )
        services.goal_add(project=project, text="Alle Kitas gestalten eine Station")
        for title, days in (
            ("Laternen-Bastelnachmittag vorbereiten", 20),
            ("Genehmigung für den Umzug beantragen", -3),
        ):
            services.action_save(
                alliance=self.alliance,
                values={
                    "title": title,
                    "project": project,
                    "body": workgroup,
                    "owner": self._officer(workgroup, "chair"),
                    "due_on": self.today + dt.timedelta(days=days),
                },
            )
        return project

    def _evaluation_survey(self) -> dict:
        """The parents' evening was evaluated by a survey of the participation demo."""
        survey = (
            Survey.objects.filter(alliance=self.alliance, kind=Survey.Kind.EVALUATION)
            .order_by("pk")
            .first()
        )
        if survey is None:
            return {}
        return {"evaluation_source": "survey", "evaluation_ref": str(survey.pk)}

    def _bookings(self, rooms, project) -> None:
        user = self.users.get(Role.COORDINATOR)
        provider = self.users.get(Role.PROVIDER) or user
        main = rooms[0]
        slots = [
            (main, 3, 17, 2, "Elternabend „Übergang in die Schule“", Booking.Status.APPROVED, user),
            (main, 10, 9, 7, "Fachtag Kinderschutz", Booking.Status.APPROVED, user),
            (main, 17, 15, 3, "Laternen basteln", Booking.Status.REQUESTED, provider),
            (rooms[1], 5, 10, 2, "Beratung", Booking.Status.APPROVED, provider),
            (rooms[-1], 10, 9, 7, "Beamer für den Fachtag", Booking.Status.APPROVED, user),
        ]
        for room, days, hour, hours, title, status, who in slots:
            start = timezone.make_aware(
                dt.datetime.combine(self.today + dt.timedelta(days=days), dt.time(hour))
            )
            booking = services.booking_request(
                room=room,
                starts_at=start,
                ends_at=start + dt.timedelta(hours=hours),
                title=title,
                user=who,
                project=project if "Laternen" in title else None,
                approve=status == Booking.Status.APPROVED,
            )
            assert booking.status == status

    # --- quality and professionals -----------------------------------------------------------

    def _quality(self, steering: Body) -> None:
        services.quality_install_defaults(alliance=self.alliance)
        criteria = list(QualityCriterion.objects.filter(alliance=self.alliance))
        raters = [u for u in self.users.values() if u is not None]
        first_year = self.today.year - self.spec.assessment_years
        for offset in range(self.spec.assessment_years + 1):
            year = first_year + offset
            assessment = services.assessment_open(alliance=self.alliance, year=year)
            for rater in raters:
                services.ratings_save(
                    assessment=assessment,
                    rater=rater,
                    scores={
                        c: (
                            min(
                                4,
                                max(
                                    1,
                                    2
                                    + offset
                                    + self.rng.choice((-1, 0, 0, 1))
                                    - (c.dimension.position == 3),
                                ),
                            ),
                            "",
                        )
                        for c in criteria
                    },
                )
            if year == self.today.year:
                continue  # this year's is still open for ratings
            results = {
                c: (
                    min(4, 2 + offset - (c.dimension.position == 3) + (c.position == 1)),
                    "Stärke des Bündnisses" if c.position == 1 else "",
                )
                for c in criteria
            }
            services.assessment_consolidate(
                assessment=assessment,
                results=results,
                actor=self.users.get(Role.COORDINATOR),
                summary="Die Beteiligung von Kindern als eigenständiges Angebot ist noch "
                "wenig entwickelt; das Bündnis will hier nachlegen.",
                actions=[
                    NewAction(
                        "Partizipationskonzept des EKiZ in alle Kitas tragen",
                        owner=self._officer(steering, "minutes"),
                        due_on=dt.date(year + 1, 6, 30),
                    )
                ],
                body=steering,
            )

    def _professionals(self) -> None:
        user = self.users.get(Role.COORDINATOR)
        for days, title, kind, hours in (
            (10, "Fachtag Kinderschutz", "fachtag", 7),
            (40, "Gemeinsame Fortbildung: Beteiligung von Kindern", "training", 4),
        ):
            start = timezone.make_aware(
                dt.datetime.combine(self.today + dt.timedelta(days=days), dt.time(9))
            )
            event = services.pro_event_save(
                alliance=self.alliance,
                values={
                    "title": title,
                    "kind": kind,
                    "starts_at": start,
                    "ends_at": start + dt.timedelta(hours=hours),
                    "place": "Werkstatt Familie",
                    "capacity": 40,
                    "description": "Für Fachkräfte der Partner im Netzwerk.",
                },
            )
            for member in [u for u in self.users.values() if u is not None][:2]:
                services.pro_event_register(event=event, user=member)
        ekiz = self.organisations.get("kita-sonnenschein") or self.organisations.get(
            "kifaz-prohlis"
        )
        document = services.document_add(
            alliance=self.alliance,
            values={
                "title": "Beschwerdekonzept für Kinder",
                "organisation": ekiz,
                "description": "Wie Kinder sich beschweren können und wie wir damit umgehen – "
                "zum Übernehmen für andere Kitas.",
            },
            file=ContentFile(
                b"Beschwerdekonzept (Demo), Fassung 1\n", name="beschwerdekonzept.txt"
            ),
            user=user,
        )
        services.document_add_version(
            document=document,
            file=ContentFile(
                b"Beschwerdekonzept (Demo), Fassung 2\n", name="beschwerdekonzept.txt"
            ),
            note="Abschnitt zu Krippenkindern ergänzt",
            user=user,
        )
        if user is not None:
            services.announcement_send(
                alliance=self.alliance,
                title="Einladung zum Fachtag Kinderschutz",
                text="Liebe Partnerinnen und Partner,\n\nam **Fachtag Kinderschutz** sind noch "
                "Plätze frei. Anmeldung im Arbeitsbereich unter „Für Fachkräfte“.",
                actor=user,
            )
