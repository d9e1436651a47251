"""A large synthetic corpus for the performance test: 5,000 offers in one alliance."""

from __future__ import annotations

import random

from django.utils import timezone

from familiennetz.directory.models import Location, Offer, OfferLocation, Organisation, Status
from familiennetz.directory.services import taxonomy_install

KINDS = [
    "Krabbelgruppe",
    "Elterncafé",
    "Beratung",
    "Hebammensprechstunde",
    "Kita",
    "Spielplatz",
    "Familienzentrum",
    "Schwimmkurs",
    "Jugendclub",
    "Kinderturnen",
    "Babymassage",
    "Elternkurs",
    "Sprachkurs",
    "Ferienprogramm",
    "Hausaufgabenhilfe",
    "Familienpatenschaft",
    "Leseclub",
    "Musikgarten",
    "Tagesmutter",
    "Schuldnerberatung",
    "Erziehungsberatung",
    "Babytreff",
]
NAMES = [
    "Sonnenschein",
    "Regenbogen",
    "Pusteblume",
    "Zwergenland",
    "Löwenzahn",
    "Süd",
    "Nord",
    "am Markt",
    "im Park",
    "Kunterbunt",
    "Wirbelwind",
    "Sternschnuppe",
    "Glühwürmchen",
    "Schatzkiste",
    "Seepferdchen",
    "Spatzennest",
    "Rasselbande",
    "Purzelbaum",
    "Abenteuerland",
]
WORDS_TEXT = (
    "Eltern Kinder Familien Mütter Väter Babys Jugendliche Großeltern Beratung Unterstützung "
    "Begleitung Treffen Austausch Spielen Singen Basteln Lernen Bewegung Ernährung Gesundheit "
    "Schlaf Sprache Entwicklung Erziehung Alltag Fragen Themen Gruppe Kurs Angebot Termin "
    "Anmeldung kostenlos offen wöchentlich monatlich Vormittag Nachmittag Abend Räume Garten "
    "Küche Frühstück Kaffee Kuchen Kinderbetreuung Fachkräfte Pädagoginnen Hebammen Ärztinnen "
    "Sozialarbeiter Ehrenamtliche Stadtteil Nachbarschaft Bücher Musik Tanz Sport Schwimmen "
    "Natur Wald Ausflüge Ferien Schule Hausaufgaben Übergang Einschulung Vorsorge Impfungen "
    "Trennung Scheidung Konflikte Krisen Sorgen Geld Anträge Wohnung Arbeit Migration Deutsch"
)
WORDS = WORDS_TEXT.split()
STREETS = [
    "Hauptstraße",
    "Bahnhofstraße",
    "Straße des Friedens",
    "Am Markt",
    "Schulweg",
    "Parkallee",
]


def pseudo_word(rng: random.Random) -> str:
    syllables = ["ba", "ko", "ri", "len", "ter", "hau", "mei", "sto", "ful", "gan", "wer", "dix"]
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).capitalize()


def sentence(rng: random.Random, length: int) -> str:
    words = [rng.choice(WORDS) if rng.random() < 0.8 else pseudo_word(rng) for _ in range(length)]
    return " ".join(words) + "."


def build_large_alliance(alliance, *, offers: int = 5000, seed: int = 7) -> list[Offer]:
    rng = random.Random(seed)
    taxonomy_install(alliance=alliance)
    categories = list(alliance.categories.filter(parent__isnull=False))
    organisations = Organisation.objects.bulk_create(
        Organisation(alliance=alliance, name=f"Träger {pseudo_word(rng)} {n}", slug=f"t-{n}")
        for n in range(300)
    )
    locations = Location.objects.bulk_create(
        Location(
            alliance=alliance,
            name=f"Haus {pseudo_word(rng)}",
            slug=f"ort-{n}",
            street=f"{rng.choice(STREETS)} {n}",
            postal_code="09661",
            city="Hainichen",
        )
        for n in range(400)
    )
    now = timezone.now()
    created = Offer.objects.bulk_create(
        Offer(
            alliance=alliance,
            organisation=rng.choice(organisations),
            name=f"{rng.choice(KINDS)} {rng.choice(NAMES)} {n}",
            slug=f"angebot-{n}",
            summary=sentence(rng, rng.randint(8, 16)),
            description=" ".join(sentence(rng, rng.randint(8, 20)) for _ in range(4)),
            status=Status.PUBLISHED,
            published_at=now,
        )
        for n in range(offers)
    )
    through = Offer.categories.through
    through.objects.bulk_create(
        through(offer_id=offer.pk, category_id=category.pk)
        for offer in created
        for category in rng.sample(categories, rng.randint(1, 2))
    )
    OfferLocation.objects.bulk_create(
        OfferLocation(alliance=alliance, offer=offer, location=rng.choice(locations))
        for offer in created
    )
    return created
