"""Demo network: every organisation of a demo alliance becomes a partner with a sector, plus
further partners the guide does not list (practices, companies, administration), until
Hainichen has about 40 and Prohlis about 70. Cooperation ties of every intensity, agreements
(two due for renewal), contributions (a company lends its training room), contact persons,
a few partners without ties, two yearly snapshots.

Hainichen has no pregnancy counselling partner: the analysis names the gap against the
national reference. Everything is fictional; names of people are invented (and clearly so).
Runs before the governance demo, which takes the partners it finds.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random

from django.core.files.base import ContentFile

from familiennetz.core.slugs import unique_slug
from familiennetz.directory.models import Organisation
from familiennetz.network import services
from familiennetz.network.models import ContactPerson, Contribution, Partner, Sector, Tie

BY_KEYWORD = [
    ("kinderarzt", "gesundheit-kinderarzt"),
    ("hebamme", "gesundheit-hebamme"),
    ("fruehe-hilfen", "gesundheit-hebamme"),
    ("gesundheitsamt", "gesundheit-oegd"),
    ("schwanger", "schwangerschaftsberatung"),
    ("jugendamt", "jugendhilfe-asd"),
    ("asd", "jugendhilfe-asd"),
    ("familienberatung", "erziehungsberatung"),
    ("beratungsstelle", "erziehungsberatung"),
    ("erziehungsberatung", "erziehungsberatung"),
    ("werkstatt-familie", "familienbildung"),
    ("familienbildung", "familienbildung"),
    ("elternbeirat", "elternvertretung"),
    ("elternrat", "elternvertretung"),
    ("stadtverwaltung", "verwaltung-politik"),
    ("quartiersmanagement", "verwaltung-politik"),
    ("ortsamt", "verwaltung-politik"),
    ("hort", "hort"),
]
BY_KIND = {
    "kita": "kita",
    "kindertagespflege": "kita",
    "school": "schule",
    "hort": "hort",
    "family_centre": "familienzentrum",
    "counselling": "erziehungsberatung",
    "health": "gesundheit-oegd",
    "youth": "jugendhilfe-asd",
    "library": "bibliothek",
    "club": "verein-sport-kultur",
    "church": "kirche",
    "company": "wirtschaft",
    "public_authority": "verwaltung-politik",
}

# (name, organisation kind, sector) of partners the guide does not list yet
EXTRA = {
    "hainichen": [
        ("Kinderarztpraxis Dr. Beispiel-Lindner", "health", "gesundheit-kinderarzt"),
        (
            "Gesundheitsamt Mittelsachsen – Kinder- und Jugendärztlicher Dienst",
            "public_authority",
            "gesundheit-oegd",
        ),
        (
            "Allgemeiner Sozialer Dienst Mittelsachsen – Region Hainichen",
            "public_authority",
            "jugendhilfe-asd",
        ),
        ("Sparkasse Mittelsachsen – Filiale Hainichen", "company", "wirtschaft"),
        ("Bäckerei Striegisbrot", "company", "wirtschaft"),
        (
            "Stadtrat Hainichen – Ausschuss für Bildung und Soziales",
            "public_authority",
            "verwaltung-politik",
        ),
        ("Kreiselternrat Mittelsachsen", "other", "elternvertretung"),
        ("Heimatverein Hainichen e. V.", "club", "verein-sport-kultur"),
    ],
    "prohlis": [
        *[
            (f"{n}", "school", "schule")
            for n in (
                "122. Grundschule Dresden",
                "120. Grundschule Dresden",
                "121. Oberschule Dresden",
                "Förderschule am Jägerpark",
            )
        ],
        ("Kinderarztpraxis Dr. Beispiel", "health", "gesundheit-kinderarzt"),
        ("Kinder- und Jugendarztpraxis am Jacob-Winter-Platz", "health", "gesundheit-kinderarzt"),
        (
            "Gesundheitsamt Dresden – Kinder- und Jugendärztlicher Dienst",
            "public_authority",
            "gesundheit-oegd",
        ),
        ("Hebammenpraxis Elbwiese", "health", "gesundheit-hebamme"),
        (
            "Schwangerschaftsberatung der Diakonie Dresden",
            "counselling",
            "schwangerschaftsberatung",
        ),
        ("Erziehungsberatung des Caritasverbands", "counselling", "erziehungsberatung"),
        ("Familienbildung im Stadtteilhaus Prohlis", "family_centre", "familienbildung"),
        ("Eltern-Kind-Treff Albert-Wolf-Platz", "family_centre", "familienzentrum"),
        ("Kinder- und Jugendnotdienst Dresden", "youth", "jugendhilfe-asd"),
        ("Mobile Jugendarbeit Prohlis", "youth", "jugendhilfe-asd"),
        ("Sozialpädagogische Familienhilfe Dresden-Süd", "youth", "jugendhilfe-asd"),
        ("Ortsamt Prohlis", "public_authority", "verwaltung-politik"),
        ("Jobcenter Dresden – Standort Süd", "public_authority", "verwaltung-politik"),
        ("Stadtelternrat Dresden", "other", "elternvertretung"),
        ("Palitzschhof – Kultur in Prohlis", "club", "verein-sport-kultur"),
        ("Boxclub Prohlis e. V.", "club", "verein-sport-kultur"),
        ("Musikschule Dresden – Außenstelle Prohlis", "club", "verein-sport-kultur"),
        ("Katholische Pfarrei Heilige Familie", "church", "kirche"),
        ("Moschee- und Kulturverein Dresden-Süd", "church", "kirche"),
        ("Wohnungsgenossenschaft Prohlis eG", "company", "wirtschaft"),
        ("Drogeriemarkt am Prohliszentrum", "company", "wirtschaft"),
        ("Stadtteilbibliothek Leuben", "library", "bibliothek"),
        ("Nachbarschaftshilfe Prohlis e. V.", "club", "sonstige"),
        ("Seniorentreff Gamigstraße", "other", "sonstige"),
        ("Integrationsprojekt Brückenbauer", "other", "sonstige"),
        ("Freiwilligenagentur Dresden", "other", "sonstige"),
        ("Polizeirevier Dresden-Süd – Bürgerpolizist", "public_authority", "sonstige"),
        ("Tagespflegeverbund Dresden-Süd", "kindertagespflege", "kita"),
    ],
}
# names (substrings) of partners left without any tie
LOOSE = {
    "hainichen": ("Reit- und Fahrverein", "Heimatverein", "Bäckerei Striegisbrot"),
    "prohlis": ("Drogeriemarkt", "Seniorentreff", "Moschee- und Kulturverein", "Polizeirevier"),
}
# the company that lends rooms
ROOMS = {"hainichen": "Striegis Automotive", "prohlis": "Wohnungsgenossenschaft Prohlis"}

TOPICS = [
    "Übergang Kita–Schule",
    "Kinderschutz",
    "Frühe Hilfen",
    "Sprachförderung",
    "Elternbildung",
    "Ferienangebote",
    "Gesundheitsförderung",
    "Integration",
    "Armutsprävention",
    "Veranstaltungen",
]
CONTACT_SECTORS = ("kita", "jugendhilfe-asd", "gesundheit-hebamme", "erziehungsberatung")
FIRST = ["Anna", "Jana", "Tobias", "Sabine", "Martin", "Katrin", "Uwe", "Petra", "Lars", "Mira"]


def _sector_of(organisation: Organisation, sectors: dict[str, Sector]) -> Sector:
    text = f"{organisation.slug} {organisation.name}".lower()
    for word, code in BY_KEYWORD:
        if word in text:
            return sectors[code]
    return sectors[BY_KIND.get(organisation.kind, "sonstige")]


def install_demo_network(*, alliance, now: dt.datetime) -> None:
    rng = random.Random(f"network-{alliance.slug}")
    today = now.date()
    key = "prohlis" if "prohlis" in alliance.slug else "hainichen"
    sectors = {s.code: s for s in services.ensure_default_sectors(alliance)}
    for name, kind, _sector in EXTRA[key]:
        Organisation.objects.create(
            alliance=alliance,
            name=name,
            slug=unique_slug(model=Organisation, alliance=alliance, text=name),
            kind=kind,
            last_checked_at=now - dt.timedelta(days=rng.randint(20, 300)),
        )
    extra_sector = {name: code for name, _kind, code in EXTRA[key]}
    partners: list[Partner] = []
    for organisation in Organisation.objects.filter(alliance=alliance).order_by("name"):
        sector = sectors.get(extra_sector.get(organisation.name, "")) or _sector_of(
            organisation, sectors
        )
        years = rng.choice([1, 2, 2, 3, 4, 6, 8])
        partners.append(
            Partner.objects.create(
                alliance=alliance,
                organisation=organisation,
                sector=sector,
                role=rng.choice(["partner", "partner", "partner", "contact"]),
                member_since=today.replace(month=1, day=1)
                - dt.timedelta(days=365 * years)
                + dt.timedelta(days=rng.randint(0, 300)),
            )
        )
    by_sector: dict[str, list[Partner]] = {}
    for p in partners:
        by_sector.setdefault(p.sector.code, []).append(p)
    loose = [p for p in partners if any(w in p.organisation.name for w in LOOSE[key])]
    for p in loose:
        p.role = Partner.Role.TO_APPROACH
        p.member_since = None
        p.save(update_fields=["role", "member_since"])
    tied = [p for p in partners if p not in loose]
    # Two groups that only the family centre connects with the rest (journey 12: "one
    # family centre connects three groups that otherwise do not talk to each other"):
    # clubs and churches, and the health services.
    clubs = [
        p
        for p in by_sector.get("verein-sport-kultur", []) + by_sector.get("kirche", [])
        if p not in loose
    ]
    health = [
        p
        for code in ("gesundheit-hebamme", "gesundheit-kinderarzt", "gesundheit-oegd")
        for p in by_sector.get(code, [])
        if p not in loose
    ]
    main = [p for p in tied if p not in clubs and p not in health]
    bridge = next((p for p in main if p.sector.code == "familienzentrum"), main[0])
    others = [
        p
        for p in main
        if p is not bridge
        and (p.sector.code in ("familienzentrum", "verwaltung-politik") or "Netzwerk" in str(p))
    ]
    hubs = [bridge, *others[:3]]
    for hub in hubs:
        hub.role = Partner.Role.CORE
        hub.save(update_fields=["role"])
    pairs: dict[tuple[int, int], int] = {}

    def tie(a: Partner, b: Partner, intensity: int) -> None:
        if a.pk == b.pk:
            return
        pairs.setdefault((min(a.pk, b.pk), max(a.pk, b.pk)), intensity)

    asd = [p for p in by_sector.get("jugendhilfe-asd", []) if p in main]
    schools = [p for p in by_sector.get("schule", []) if p in main]
    for kita in by_sector.get("kita", []) + by_sector.get("hort", []):
        if kita not in main:
            continue
        if asd:
            tie(kita, asd[0], rng.choice([2, 3, 4]))
        if schools:
            tie(kita, rng.choice(schools), 3)
        tie(kita, rng.choice(hubs), rng.choice([1, 2, 3]))
    for hub in hubs:
        for other in rng.sample(main, k=min(len(main), 8)):
            tie(hub, other, rng.choice([1, 2, 3, 4]))
    for group in (clubs, health):
        for a, b in itertools.pairwise(group):
            tie(a, b, rng.choice([0, 1, 2, 3]))
        if group:
            tie(group[0], bridge, rng.choice([2, 3]))
    for _n in range(len(main) // 2):
        a, b = rng.sample(main, 2)
        tie(a, b, rng.choice([0, 0, 1, 1, 2]))
    # nobody is left alone by chance (only the LOOSE partners are), every intensity occurs
    spare = [p for p in main if all(p.pk not in pair for pair in pairs)]
    for n, p in enumerate(spare):
        tie(p, hubs[n % len(hubs)], n % 5)
    for n, (a, b) in enumerate(rng.sample(sorted(pairs), k=min(5, len(pairs)))):
        pairs[(a, b)] = n  # at least one tie of each intensity
    agreements = 0
    for (a_pk, b_pk), intensity in sorted(pairs.items()):
        since = today - dt.timedelta(days=rng.randint(60, 365 * 5))
        has_agreement = intensity == 4
        renewal = None
        if has_agreement:
            agreements += 1
            renewal = today + dt.timedelta(days=[25, 50, 200, 400][agreements % 4])
        tie_row = Tie.objects.create(
            alliance=alliance,
            partner_a_id=a_pk,
            partner_b_id=b_pk,
            intensity=intensity,
            topics=", ".join(rng.sample(TOPICS, k=rng.choice([1, 1, 2]))),
            since=since,
            has_agreement=has_agreement,
            renewal_on=renewal,
        )
        if has_agreement and agreements <= 2:
            name = "kooperationsvereinbarung.txt"
            tie_row.agreement.save(
                name,
                ContentFile(
                    "Kooperationsvereinbarung (Demo)\n\nDie Partner vereinbaren einen festen "
                    "Ansprechpartner und ein jährliches Auswertungsgespräch.\n".encode(),
                    name=name,
                ),
                save=False,
            )
            tie_row.agreement_name = name
            tie_row.save(update_fields=["agreement", "agreement_name"])
    # contributions: the company lends its training room; others bring staff, money, expertise
    year = today.year
    company = next((p for p in partners if ROOMS[key] in p.organisation.name), None)
    if company is not None:
        Contribution.objects.create(
            alliance=alliance,
            partner=company,
            kind=Contribution.Kind.ROOMS,
            description="Schulungsraum für Elternabende und den Fachtag",
            amount=6,
            unit="Abende",
            year=year,
        )
        Contribution.objects.create(
            alliance=alliance,
            partner=company,
            kind=Contribution.Kind.MONEY,
            description="Spende für das Familienfest",
            amount=500,
            unit="€",
            year=year - 1,
        )
    for hub in hubs[:2]:
        Contribution.objects.create(
            alliance=alliance,
            partner=hub,
            kind=Contribution.Kind.STAFF_HOURS,
            description="Koordination der Arbeitsgruppe Übergänge",
            amount=80,
            unit="Stunden",
            year=year,
        )
    for p in rng.sample(tied, k=min(6, len(tied))):
        Contribution.objects.create(
            alliance=alliance,
            partner=p,
            kind=rng.choice(
                [
                    Contribution.Kind.EXPERTISE,
                    Contribution.Kind.VOLUNTEERS,
                    Contribution.Kind.MATERIALS,
                ]
            ),
            description=rng.choice(
                [
                    "Vortrag beim Elternabend",
                    "Ehrenamtliche beim Stadtteilfest",
                    "Bastelmaterial für die Ferienwoche",
                    "Fachberatung für die Kitas",
                ]
            ),
            year=year,
        )
    # contact persons (professionals; invented)
    for p in partners:
        if p.sector.code in CONTACT_SECTORS and not p.contact_persons.exists():
            ContactPerson.objects.create(
                alliance=alliance,
                partner=p,
                name=f"{rng.choice(FIRST)} Beispiel",
                function="Leitung" if p.sector.code == "kita" else "Fachkraft",
                email=f"kontakt-{p.pk}@{alliance.slug}.demo.invalid",
            )
    # two yearly snapshots (the network as it stood at the end of the last two years)
    for back in (2, 1):
        services.snapshot_take(
            alliance=alliance,
            taken_on=dt.date(today.year - back, 12, 31),
            label=f"Jahresbilanz {today.year - back}",
        )
