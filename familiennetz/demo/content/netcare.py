"""Demo of the network's care work: a year of anonymous case consultations, a contact matrix
for the Kitas (with a few gaps) and the stakeholder grid, for both demo alliances.

Partners are taken where the network's demo made them (by organisation) and made otherwise,
with the sector codes of the network's default list; contact persons likewise (by partner and
name). Names of professionals are invented (and clearly so); consultations hold categories
only, as the real ones must (ADR 0620). Runs after the governance demo.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db.models import Exists, OuterRef

from familiennetz.directory.models import Organisation
from familiennetz.network import care_services as services
from familiennetz.network.care_selectors import matrix_columns
from familiennetz.network.models import (
    CaseConsultation,
    ContactPerson,
    MatrixContact,
    Partner,
    Sector,
    StakeholderRating,
)

# (code, German name) of the sectors this demo needs (codes of the network's default list)
SECTORS = {
    "kita": "Kindertagesbetreuung",
    "schule": "Schule",
    "hort": "Hort",
    "jugendhilfe-asd": "Jugendhilfe / ASD",
    "gesundheit-kinderarzt": "Gesundheit: Kinderarztpraxis",
    "gesundheit-hebamme": "Gesundheit: Hebamme / Familienhebamme",
    "gesundheit-oegd": "Gesundheit: Öffentlicher Gesundheitsdienst",
    "schwangerschaftsberatung": "Schwangerschaftsberatung",
    "erziehungsberatung": "Erziehungs- und Familienberatung",
    "familienbildung": "Familienbildung",
    "familienzentrum": "Familienzentrum",
    "verein-sport-kultur": "Verein / Sport / Kultur",
    "kirche": "Kirche",
    "wirtschaft": "Wirtschaft / Unternehmen",
    "verwaltung-politik": "Verwaltung / Politik",
    "elternvertretung": "Elternvertretung",
    "bibliothek": "Bibliothek",
    "sonstige": "Sonstige",
}
BY_KEYWORD = [
    ("kinderarzt", "gesundheit-kinderarzt"),
    ("kjaed", "gesundheit-oegd"),
    ("hebamme", "gesundheit-hebamme"),
    ("fruehe-hilfen", "gesundheit-hebamme"),
    ("schwanger", "schwangerschaftsberatung"),
    ("jugendamt", "jugendhilfe-asd"),
    ("asd", "jugendhilfe-asd"),
    ("familienberatung", "erziehungsberatung"),
    ("beratungsstelle", "erziehungsberatung"),
    ("elternbeirat", "elternvertretung"),
    ("stadtverwaltung", "verwaltung-politik"),
    ("quartiersmanagement", "verwaltung-politik"),
]
BY_KIND = {
    "kita": "kita",
    "kindertagespflege": "kita",
    "school": "schule",
    "hort": "hort",
    "family_centre": "familienzentrum",
    "counselling": "sonstige",
    "health": "gesundheit-oegd",
    "youth": "jugendhilfe-asd",
    "library": "bibliothek",
    "club": "verein-sport-kultur",
    "church": "kirche",
    "company": "wirtschaft",
    "public_authority": "verwaltung-politik",
}

# Invented professionals at the services a Kita turns to: (sector code, name, function)
PEOPLE = {
    "jugendhilfe-asd": [
        ("Andrea Beispiel-Amt", "Sozialarbeiterin im ASD"),
        ("Jonas Muster-Hilfe", "Sozialarbeiter im ASD"),
        ("Sevgi Beispiel", "Insoweit erfahrene Fachkraft (§ 8b)"),
    ],
    "gesundheit-oegd": [("Dr. Ina Beispielarzt", "Kinder- und Jugendärztin")],
    "gesundheit-kinderarzt": [("Dr. Paul Muster", "Kinderarzt")],
    "gesundheit-hebamme": [("Greta Storch", "Familienhebamme")],
    "erziehungsberatung": [
        ("Frank Rat", "Erziehungsberater"),
        ("Lea Muster-Rat", "Psychologin, Erziehungsberatung"),
    ],
    "schwangerschaftsberatung": [("Nora Beispiel-Rat", "Schwangerschaftsberaterin")],
}
# invented names for the Kita heads who have no contact person yet
LEADERS = [
    f"{first} {last}"
    for last in ("Beispiel", "Muster", "Probe")
    for first in ("Anja", "Birgit", "Claudia", "Dirk", "Elif", "Frieda", "Heike", "Ines")
]
REQUESTING = ("kita", "hort", "schule", "familienzentrum")
TOPICS = [
    (CaseConsultation.Topic.NEGLECT, 22),
    (CaseConsultation.Topic.PARENTING, 20),
    (CaseConsultation.Topic.DEVELOPMENT, 14),
    (CaseConsultation.Topic.PARENT_ILLNESS, 12),
    (CaseConsultation.Topic.DOMESTIC, 10),
    (CaseConsultation.Topic.PHYSICAL, 8),
    (CaseConsultation.Topic.EMOTIONAL, 6),
    (CaseConsultation.Topic.SEXUAL, 2),
    (CaseConsultation.Topic.OTHER, 6),
]
OUTCOMES = [
    (CaseConsultation.Outcome.TALK_TO_PARENTS, 30),
    (CaseConsultation.Outcome.REFER, 25),
    (CaseConsultation.Outcome.NO_RISK, 18),
    (CaseConsultation.Outcome.FURTHER, 14),
    (CaseConsultation.Outcome.REPORT, 9),
    (CaseConsultation.Outcome.OTHER, 4),
]
NOTES = [
    "",
    "",
    "",
    "Beobachtungen über vier Wochen dokumentieren, dann erneut beraten.",
    "Elterngespräch mit der Kita-Leitung vorbereiten; Hilfen vorstellen.",
    "Hinweis auf Erziehungsberatung und Familienhebamme gegeben.",
    "Kind wirkt häufig müde und hungrig; Frühstück in der Kita gesichert.",
    "Schutzplan besprochen; Rückmeldung an die Fachkraft in zwei Wochen.",
    "Eltern sind offen für Unterstützung; Termin in der Beratungsstelle angeregt.",
]
CONSULTATIONS_PER_YEAR = {"hainichen": 34, "prohlis": 78}
GAP_SHARE = 0.2


SERVICE_WORDS = (
    "asd",
    "jugendamt",
    "kjaed",
    "gesundheitsamt",
    "familienberatung",
    "beratungsstelle",
)


def _not_the_service(partner: Partner) -> bool:
    """Sort key: the office or service itself first (the ASD before a youth club)."""
    return not any(word in partner.organisation.slug for word in SERVICE_WORDS)


def _weighted(rng: random.Random, pairs):
    return rng.choices([value for value, _weight in pairs], [w for _v, w in pairs])[0]


class _CareDemo:
    def __init__(self, *, alliance, now: dt.datetime):
        self.alliance = alliance
        self.today = now.date()
        self.rng = random.Random(f"familiennetz-demo-netcare:{alliance.slug}")

    def build(self) -> None:
        self.sectors = {
            code: services.sector_ensure(
                alliance=self.alliance, code=code, name=name, position=position * 10
            )
            for position, (code, name) in enumerate(SECTORS.items(), start=1)
        }
        self.partners = self._partners()
        self.people = self._people()
        self._matrix()
        self._consultations()
        self._stakeholders()

    def _sector_for(self, organisation: Organisation) -> Sector:
        for keyword, code in BY_KEYWORD:
            if keyword in organisation.slug:
                return self.sectors[code]
        return self.sectors[BY_KIND.get(organisation.kind, "sonstige")]

    def _partners(self) -> dict[str, list[Partner]]:
        """The alliance's partners by sector code (made for organisations without one)."""
        for organisation in Organisation.objects.filter(alliance=self.alliance).order_by("pk"):
            services.partner_ensure(
                alliance=self.alliance,
                organisation=organisation,
                sector=self._sector_for(organisation),
            )
        by_sector: dict[str, list[Partner]] = {}
        partners = (
            Partner.objects.filter(alliance=self.alliance, left_on=None)
            .select_related("sector", "organisation")
            .order_by("organisation__name")
        )
        for partner in partners:
            if partner.sector is not None:
                by_sector.setdefault(partner.sector.code, []).append(partner)
        return by_sector

    def _people(self) -> dict[str, list[ContactPerson]]:
        people: dict[str, list[ContactPerson]] = {}
        for code, persons in PEOPLE.items():
            partners = sorted(self.partners.get(code, []), key=_not_the_service)
            for index, (name, function) in enumerate(persons):
                if not partners:
                    break
                partner = partners[0]  # the ASD itself, not a youth club of the same sector
                contact, _created = ContactPerson.objects.get_or_create(
                    partner=partner,
                    name=name,
                    defaults={
                        "alliance": self.alliance,
                        "function": function,
                        "email": f"{code}.{index + 1}@{self.alliance.slug}.demo.invalid",
                        "phone": f"0000 1234-{600 + index}",
                    },
                )
                people.setdefault(code, []).append(contact)
        for index, kita in enumerate(self.partners.get("kita", [])):
            if not kita.contact_persons.exists():
                ContactPerson.objects.create(
                    alliance=self.alliance,
                    partner=kita,
                    name=LEADERS[index % len(LEADERS)],
                    function="Kita-Leitung",
                    email=f"leitung.{kita.organisation.slug}@{self.alliance.slug}.demo.invalid",
                )
        return people

    def _matrix(self) -> None:
        kita = self.sectors["kita"]
        columns = matrix_columns(alliance=self.alliance, row_sector=kita)
        for index, partner in enumerate(self.partners.get("kita", [])):
            for column in columns:
                candidates = [
                    person
                    for sector in column.sectors
                    for person in self.people.get(sector.code, [])
                ]
                if not candidates or self.rng.random() < GAP_SHARE:
                    continue  # a gap the coordination still has to close
                contact = candidates[index % len(candidates)]
                MatrixContact.objects.get_or_create(
                    partner=partner,
                    counterpart_sector=contact.partner.sector,
                    defaults={"alliance": self.alliance, "contact": contact},
                )

    def _consultations(self) -> None:
        requesting = [p for code in REQUESTING for p in self.partners.get(code, [])]
        counsellors = [
            person.partner
            for code in ("jugendhilfe-asd", "erziehungsberatung")
            for person in self.people.get(code, [])
        ]
        if not requesting or not counsellors:
            return
        rows = []
        # Kitas ask most often: weight them up.
        weights = [4 if p.sector and p.sector.code == "kita" else 1 for p in requesting]
        for _n in range(CONSULTATIONS_PER_YEAR.get(self.alliance.slug, 30)):
            asking = self.rng.choices(requesting, weights)[0]
            counsellor = self.rng.choice([c for c in counsellors if c.pk != asking.pk])
            outcome = _weighted(self.rng, OUTCOMES)
            rows.append(
                CaseConsultation(
                    alliance=self.alliance,
                    consulted_on=self.today - dt.timedelta(days=self.rng.randint(1, 365)),
                    requesting_partner=asking,
                    counsellor_partner=counsellor,
                    topic=_weighted(self.rng, TOPICS),
                    outcome=outcome,
                    needs_follow_up=outcome == CaseConsultation.Outcome.FURTHER
                    or self.rng.random() < 0.25,
                    note=self.rng.choice(NOTES),
                )
            )
        CaseConsultation.objects.bulk_create(rows)

    def _stakeholders(self) -> None:
        """Ratings by sector with some spread; the most relevant partners without a contact
        person land high on the grid, so the suggestions have something to say."""
        base = {
            "jugendhilfe-asd": (5, 5),
            "verwaltung-politik": (4, 5),
            "kita": (4, 2),
            "familienzentrum": (5, 3),
            "gesundheit-oegd": (4, 3),
            "gesundheit-kinderarzt": (5, 3),
            "gesundheit-hebamme": (5, 2),
            "erziehungsberatung": (4, 3),
            "schwangerschaftsberatung": (4, 2),
            "schule": (3, 3),
            "hort": (3, 2),
            "wirtschaft": (2, 4),
            "kirche": (2, 2),
            "verein-sport-kultur": (2, 2),
            "bibliothek": (2, 1),
            "elternvertretung": (3, 2),
        }
        has_contact = Exists(ContactPerson.objects.filter(partner=OuterRef("pk"), is_active=True))
        partners = (
            Partner.objects.filter(alliance=self.alliance, left_on=None)
            .select_related("sector")
            .annotate(has_contact=has_contact)
            .order_by("pk")
        )
        rows = []
        for partner in partners:
            code = partner.sector.code if partner.sector else "sonstige"
            relevance, influence = base.get(code, (2, 2))
            relevance = min(5, max(1, relevance + self.rng.choice((-1, 0, 0, 0, 1))))
            influence = min(5, max(1, influence + self.rng.choice((-1, 0, 0, 1))))
            if not partner.has_contact and code in ("gesundheit-kinderarzt", "gesundheit-hebamme"):
                relevance = 5  # a practice the network should win: no contact yet
            rows.append(
                StakeholderRating(
                    alliance=self.alliance,
                    partner=partner,
                    relevance=relevance,
                    influence=influence,
                    interest=self.rng.choice((None, 2, 3, 4, 5)),
                )
            )
        StakeholderRating.objects.bulk_create(rows, ignore_conflicts=True)


def install_demo_network_care(*, alliance, now: dt.datetime) -> None:
    _CareDemo(alliance=alliance, now=now).build()
