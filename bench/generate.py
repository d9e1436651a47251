"""A fast, deterministic generator of a realistic family-guide directory for benchmarks.

One alliance ("Familiennetz Musterstadt", slug ``bench``) with the shipped taxonomy, districts
with coordinates, organisations, and N offers – each with one location (coordinates, address,
district), categories, ages, costs, languages and weekly/monthly sessions or opening hours.
Texts are German and composed from varied fragments, so word frequencies look like a real
guide rather than "Angebot 1 … Angebot N". Everything is inserted with ``bulk_create``; the
search index is then built once with ``reindex_alliance`` and that time is reported separately.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 python -m bench.generate --migrate --offers 5000

The same seed gives the same data (ids aside) on SQLite and PostgreSQL.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import random
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field, fields

from bench.cli import across_alliances

DEFAULT_SEED = 20261121
ALLIANCE_SLUG = "bench"
TOWN = "Musterstadt"
CENTRE = (50.8320, 12.9250)  # map centre of the (fictional) town
BATCH = 1000
# Expanded series by (rule, start, end, window): the same few rules recur in every alliance.
_SLOT_CACHE: dict = {}

# --- word material --------------------------------------------------------------------------

MOTTOS = [
    "Sonnenschein", "Regenbogen", "Pusteblume", "Löwenzahn", "Kunterbunt", "Spatzennest",
    "Wirbelwind", "Zwergenland", "Sternschnuppe", "Schatzkiste", "Glühwürmchen", "Marienkäfer",
    "Pünktchen", "Abenteuerland", "Wichtelhaus", "Purzelbaum", "Sonnenblume", "Seepferdchen",
    "Kleeblatt", "Apfelbäumchen", "Waldwichtel", "Rappelkiste", "Lummerland", "Traumzauberbaum",
    "Wolkenschloss", "Kinderinsel", "Arche", "Lindenhaus", "Mühlenzwerge", "Farbklecks",
]  # fmt: skip
ANIMALS = [
    "Igel", "Eichhörnchen", "Schmetterlinge", "Käfer", "Mäuse", "Bären", "Frösche", "Spatzen",
    "Füchse", "Eulen", "Schnecken", "Zebras", "Pinguine", "Raupen", "Hasen", "Delfine",
]  # fmt: skip
SURNAMES = [
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
    "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Zimmermann", "Braun",
    "Krüger", "Hartmann", "Lange", "Werner", "Krause", "Lehmann", "Köhler", "Günther", "Böhme",
    "Seidel", "Vogel", "Fuchs", "Yılmaz", "Kaya", "Nowak", "Kowalski", "Petrenko", "Nguyen",
    "Haddad", "Popescu", "Schubert", "Ullrich",
]  # fmt: skip
OPERATORS = [
    "Diakonie", "Caritas", "AWO", "Volkssolidarität", "DRK", "Kinderschutzbund",
    "Stadtmission", "Lebenshilfe", "Johanniter", "Kolping", "Malteser", "Pro Familia",
]  # fmt: skip
STREETS = [
    "Hauptstraße", "Bahnhofstraße", "Schulstraße", "Gartenstraße", "Lindenstraße", "Am Markt",
    "Kirchplatz", "Rosenweg", "Bergstraße", "Waldstraße", "Mühlenweg", "Goethestraße",
    "Schillerstraße", "Friedrich-Ebert-Straße", "Dresdner Straße", "Leipziger Straße",
    "Am Wiesengrund", "Birkenweg", "Talstraße", "Feldstraße", "Parkstraße", "Uferstraße",
    "Straße der Einheit", "Zschopauer Straße", "Annaberger Straße", "Ahornweg", "Am Teich",
]  # fmt: skip

# Stadtteile with their Ortsteile: (name, kind, latitude offset, longitude offset)
DISTRICTS = {
    "Zentrum": ["Altstadt", "Schlossviertel", "Bahnhofsviertel"],
    "Nord": ["Nordvorstadt", "Lindenhof", "Am Mühlberg"],
    "Süd": ["Südvorstadt", "Sonnenberg", "Wiesengrund"],
    "Ost": ["Ostend", "Birkenhain", "Eichwald"],
    "West": ["Westend", "Rosenhöhe", "Kappelbach"],
    "Land": ["Oberdorf", "Niederau", "Grünau", "Kleinwaltersdorf"],
}
DISTRICT_OFFSETS = {  # rough direction of each Stadtteil from the centre, in degrees
    "Zentrum": (0.0, 0.0),
    "Nord": (0.025, 0.002),
    "Süd": (-0.025, -0.004),
    "Ost": (0.002, 0.04),
    "West": (-0.003, -0.04),
    "Land": (0.05, -0.06),
}

ORG_NAMES = {
    "kita": ["Kita {motto}", "Kindertagesstätte {motto}", "Kinderhaus {motto}",
             "Integrative Kita {motto}", "Kinderkrippe {motto}"],
    "kindertagespflege": ["Kindertagespflege {surname}", "Tagespflege „Kleine {animal}“"],
    "school": ["Grundschule {district}", "Oberschule am {am}", "Grundschule „{motto}“"],
    "hort": ["Hort {motto}", "Hort an der Grundschule {district}"],
    "family_centre": ["Familienzentrum {motto}", "Familienzentrum {district}",
                      "Eltern-Kind-Zentrum {district}", "Mehrgenerationenhaus {district}"],
    "counselling": ["Beratungsstelle für Eltern, Kinder und Jugendliche {district}",
                    "{operator} Beratungszentrum {district}",
                    "Erziehungs- und Familienberatung {operator}",
                    "Psychologische Beratungsstelle {district}"],
    "health": ["Hebammenpraxis {motto}", "Kinderarztpraxis Dr. {surname}",
               "Praxis für Logopädie {surname}", "Frühförderstelle {district}",
               "Praxis für Ergotherapie {surname}"],
    "youth": ["Jugendhaus {motto}", "Jugendclub {motto}", "Offener Jugendtreff {district}"],
    "library": ["Stadtbibliothek {town}", "Stadtteilbibliothek {district}"],
    "club": ["SV {district} e. V.", "Turnverein {district} 1890 e. V.",
             "Schwimmverein Delphin {town} e. V.", "Förderverein {motto} e. V.",
             "Familienverein {district} e. V."],
    "church": ["Ev.-Luth. Kirchgemeinde {district}", "Kath. Pfarrei St. Marien {town}",
               "Evangelisch-Freikirchliche Gemeinde {town}"],
    "public_authority": ["Jugendamt {town}", "Sozialamt {town}", "Bürgerbüro {district}"],
    "other": ["Tafel {town} e. V.", "Kinderschutzbund Ortsverband {town}",
              "Nachbarschaftshilfe {district}", "Sozialkaufhaus {motto}"],
}  # fmt: skip


@dataclass(frozen=True)
class Theme:
    """One kind of offer: names, the taxonomy term, target group and how it is organised."""

    code: str  # leaf category code of the shipped taxonomy
    weight: int
    names: tuple[str, ...]
    about: tuple[str, ...]  # first sentence of summary/description
    kinds: tuple[str, ...]  # organisation kinds that run it
    ages: tuple[int | None, int | None] = (None, None)  # months
    pregnancy: bool = False
    style: str = "session"  # session | opening_hours | appointment
    free: float = 0.7  # share of offers free of charge
    participation: str = "open"
    also: tuple[str, ...] = ()  # related categories, sometimes added
    languages: float = 1.0  # factor on the chance of further languages
    as_org: bool = False  # the offer is the organisation itself (a Kita, a family centre)


# fmt: off
THEMES = [
    Theme("elternbildung.eltern-kind-gruppe", 10,
          ("Eltern-Kind-Gruppe {motto}", "Krabbelgruppe „Kleine {animal}“",
           "Babytreff {district}", "PEKiP-Kurs im Familienzentrum {motto}", "Spielgruppe {motto}",
           "Vater-Kind-Treff {district}", "Krabbeltreff am {weekday}"),
          ("Wir singen, spielen und krabbeln gemeinsam, und Eltern kommen ins Gespräch.",
           "In der Krabbelgruppe entdecken die Kleinsten Neues, die Eltern tauschen sich aus.",
           "Ein offener Treff für Eltern mit Babys und Kleinkindern zum Spielen und Kennenlernen."),
          ("family_centre", "church", "club"), (0, 36), free=0.75,
          also=("elternbildung.elterncafe",)),
    Theme("schwangerschaft.hebamme", 6,
          ("Hebammensprechstunde {district}", "Hebammensprechstunde im Familienzentrum {motto}",
           "Geburtsvorbereitungskurs für Paare", "Rückbildungskurs {district}",
           "Stillcafé {motto}", "Familienhebamme – Hausbesuche in {district}"),
          ("Hebammen beantworten Fragen zu Schwangerschaft, Geburt, Wochenbett und Stillen.",
           "Der Kurs bereitet werdende Eltern auf die Geburt und die ersten Wochen mit Baby vor.",
           "Im Stillcafé treffen sich Mütter mit ihren Babys; eine Hebamme ist immer dabei."),
          ("health", "family_centre"), (0, 12), pregnancy=True, free=0.55,
          participation="registration", also=("gesundheit.bewegung",)),
    Theme("schwangerschaft.beratung", 2,
          ("Schwangerschaftsberatung {operator}", "Schwangerschaftskonfliktberatung {district}",
           "Beratung rund um Schwangerschaft und Geburt"),
          ("Wir beraten Schwangere und ihre Partner zu allen Fragen rund um die Schwangerschaft.",
           "Die Beratung hilft auch bei Anträgen auf Unterstützung aus der Bundesstiftung."),
          ("counselling",), pregnancy=True, style="opening_hours", free=1.0,
          participation="referral", also=("finanzen.leistungen",)),
    Theme("schwangerschaft.fruehe-hilfen", 2,
          ("Willkommensbesuch für Neugeborene", "Babylotse {district}",
           "Familienpatenschaften – Frühe Hilfen"),
          ("Nach der Geburt besuchen wir Familien zu Hause und bringen Informationen mit.",
           "Ehrenamtliche Familienpatinnen entlasten Eltern im ersten Lebensjahr ihres Kindes."),
          ("public_authority", "counselling"), (0, 36), pregnancy=True, style="appointment",
          free=1.0, participation="referral"),
    Theme("beratung.erziehung", 6,
          ("Erziehungsberatung {operator} {district}",
           "Erziehungs- und Familienberatung {district}", "Schreibaby-Sprechstunde",
           "Elternberatung bei Erziehungsfragen", "Offene Sprechstunde der Erziehungsberatung"),
          ("Wir beraten Eltern, Kinder und Jugendliche bei Erziehungsfragen und Konflikten.",
           "Wenn Ihr Baby viel schreit oder schlecht schläft, finden Sie bei uns Unterstützung.",
           "Die Erziehungsberatung hilft bei Sorgen im Familienalltag, in Kita und Schule."),
          ("counselling",), (0, 324), style="opening_hours", free=1.0, participation="referral",
          also=("beratung.trennung",)),
    Theme("beratung.trennung", 3,
          ("Beratung bei Trennung und Scheidung", "Elternkurs „Kinder im Blick“",
           "Gruppe für Trennungskinder {district}", "Umgangs- und Sorgerechtsberatung"),
          ("Wir begleiten Eltern in Trennung und Scheidung und achten dabei auf die Kinder.",
           "Kinder getrennter Eltern treffen sich, um über ihre Gefühle zu sprechen.",
           "Die Beratung unterstützt bei Fragen zu Umgang, Sorgerecht und Unterhalt."),
          ("counselling",), (36, 216), style="opening_hours", free=0.9, participation="referral",
          also=("beratung.erziehung",)),
    Theme("beratung.trauer", 2,
          ("Trauergruppe für Kinder „{animal}“", "Trauerbegleitung für Familien",
           "Trauercafé {district}", "Gesprächskreis für verwaiste Eltern"),
          ("Kinder und Jugendliche, die einen nahen Menschen verloren haben, finden hier Halt.",
           "Wir begleiten Familien nach dem Tod eines Angehörigen – behutsam und ohne Zeitdruck."),
          ("counselling", "church"), (48, 216), free=1.0, participation="registration"),
    Theme("beratung.schulden", 1,
          ("Schuldnerberatung {operator}", "Budgetberatung für Familien"),
          ("Wir helfen, einen Überblick über Schulden zu bekommen und Wege heraus zu finden.",),
          ("counselling",), style="opening_hours", free=1.0, participation="referral",
          also=("finanzen.leistungen",)),
    Theme("beratung.sucht", 1,
          ("Suchtberatung {operator}", "Gruppe für Kinder aus suchtbelasteten Familien"),
          ("Beratung für Menschen mit Suchtproblemen und ihre Angehörigen, auch für Kinder.",),
          ("counselling",), style="opening_hours", free=1.0, participation="referral"),
    Theme("beratung.migration", 3,
          ("Migrationsberatung für Familien {district}", "Deutschkurs mit Kinderbetreuung",
           "Sprachcafé {motto}", "Willkommenstreff für geflüchtete Familien"),
          ("Wir beraten zugewanderte Familien zu Aufenthalt, Schule, Kita und Arbeit.",
           "Beim Sprachcafé üben Erwachsene Deutsch, die Kinder spielen nebenan.",
           "Ein Treffpunkt für Familien, die neu in der Stadt sind."),
          ("counselling", "club", "family_centre"), free=0.95, also=("elternbildung.elterncafe",),
          languages=4.0),
    Theme("beratung.jugendamt", 1,
          ("Allgemeiner Sozialer Dienst – Sprechstunde {district}",
           "Beistandschaft und Unterhalt", "Jugendgerichtshilfe"),
          ("Der Allgemeine Soziale Dienst des Jugendamts berät Familien in schwierigen Lagen.",),
          ("public_authority",), (0, 216), style="opening_hours", free=1.0,
          participation="referral"),
    Theme("gesundheit.kinderarzt", 2,
          ("Kinderärztliche Praxis Dr. {surname}", "Kinder- und Jugendarztpraxis {surname}",
           "Impfsprechstunde {district}"),
          ("Die Praxis bietet Vorsorge (U1 bis J2), Impfungen und eine Akutsprechstunde.",),
          ("health",), (0, 216), style="opening_hours", free=1.0, participation="referral"),
    Theme("gesundheit.therapie", 3,
          ("Logopädie {surname}", "Ergotherapie für Kinder {district}",
           "Interdisziplinäre Frühförderstelle {district}",
           "Physiotherapie für Säuglinge und Kinder"),
          ("Wir fördern Kinder mit Entwicklungsverzögerung in Sprache, Bewegung und Wahrnehmung.",
           "Frühförderung unterstützt Kinder von der Geburt bis zum Schuleintritt."),
          ("health",), (0, 144), style="opening_hours", free=0.9, participation="referral"),
    Theme("gesundheit.bewegung", 3,
          ("Babymassage-Kurs", "Kinderturnen {district}",
           "Kochkurs: Gesunde Ernährung für Kleinkinder", "Bewegungsgruppe „Kleine {animal}“"),
          ("Bei der Babymassage lernen Eltern, ihr Baby mit sanften Berührungen zu entspannen.",
           "Kinder toben, klettern und balancieren – Bewegung macht stark und fröhlich.",
           "Wir kochen einfache, gesunde Gerichte, die auch kleinen Kindern schmecken."),
          ("family_centre", "club", "health"), (0, 72), free=0.5, participation="registration",
          also=("freizeit.sport",)),
    Theme("betreuung.kita", 8,
          ("Kita {motto}", "Kindertagesstätte {motto}", "Kinderkrippe {motto}",
           "Integrative Kita {motto}", "Kinderhaus {motto}"),
          ("Unsere Kita betreut Kinder von einem Jahr bis zum Schuleintritt in kleinen Gruppen.",
           "Im Kinderhaus lernen Krippen- und Kindergartenkinder spielerisch und mit viel Natur.",
           "Die integrative Kita nimmt auch Kinder mit Förderbedarf auf."),
          ("kita",), (12, 83), style="opening_hours", free=0.1, participation="registration",
          also=("uebergang.schulvorbereitung",), as_org=True),
    Theme("betreuung.tagespflege", 3,
          ("Kindertagespflege {surname}", "Kindertagespflege „Kleine {animal}“"),
          ("Eine Tagesmutter betreut bis zu fünf Kinder bei sich zu Hause.",),
          ("kindertagespflege",), (0, 36), style="opening_hours", free=0.1,
          participation="registration", as_org=True),
    Theme("betreuung.hort", 2,
          ("Hort an der Grundschule {district}", "Hort {motto}",
           "Ganztagsangebot Grundschule {district}"),
          ("Nach dem Unterricht gibt es Mittagessen, Hausaufgabenzeit und viel Spiel.",),
          ("hort", "school"), (72, 119), style="opening_hours", free=0.1,
          participation="registration"),
    Theme("betreuung.schule", 1,
          ("Schulsozialarbeit an der Oberschule {district}",
           "Tag der offenen Tür Grundschule {district}"),
          ("Die Schulsozialarbeit ist Ansprechpartnerin für Schülerinnen, Schüler und Eltern.",),
          ("school",), (72, 215), free=1.0),
    Theme("betreuung.bibliothek", 2,
          ("Vorlesestunde in der Stadtbibliothek", "Bilderbuchkino {district}",
           "Lesepaten für Grundschulkinder"),
          ("Einmal im Monat lesen wir Bilderbücher vor – danach wird gemalt und gebastelt.",
           "Ehrenamtliche Lesepatinnen lesen mit Grundschulkindern und stärken die Lesefreude."),
          ("library",), (24, 119), free=1.0, also=("freizeit.kultur",)),
    Theme("elternbildung.elterncafe", 4,
          ("Elterncafé {motto}", "Familiencafé {district}", "Offener Elterntreff {district}",
           "Elternfrühstück im Familienzentrum {motto}"),
          ("Bei Kaffee und Kuchen kommen Eltern ins Gespräch, die Kinder spielen nebenan.",
           "Ein gemütlicher Treffpunkt für Mütter, Väter und Großeltern aus dem Stadtteil."),
          ("family_centre", "church"), (0, 72), free=0.9, also=("elternbildung.familienzentrum",)),
    Theme("elternbildung.kurse", 3,
          ("Elternkurs „Starke Eltern – starke Kinder“", "Elternabend: Medien in der Familie",
           "Elternseminar Pubertät", "Vortrag: Gut schlafen lernen", "Erste Hilfe am Kind"),
          ("Der Kurs stärkt Eltern darin, liebevoll und zugleich klar zu erziehen.",
           "Ein Abend mit Fachleuten und viel Zeit für Ihre Fragen."),
          ("family_centre", "counselling"), (0, 216), free=0.5, participation="registration"),
    Theme("elternbildung.familienzentrum", 3,
          ("Familienzentrum {district}", "Familienzentrum {motto}",
           "Eltern-Kind-Zentrum {district}", "Mehrgenerationenhaus {district}"),
          ("Das Familienzentrum ist Treffpunkt, Beratungs- und Bildungsort für alle Familien.",),
          ("family_centre",), style="opening_hours", free=1.0, as_org=True,
          also=("elternbildung.elterncafe",)),
    Theme("freizeit.sport", 5,
          ("Schwimmkurs für Kinder (Seepferdchen)", "Eltern-Kind-Turnen",
           "Fußball-Bambini {district}", "Kindertanz „{animal}“", "Judo für Kinder",
           "Schwimmkurs für Anfänger {district}"),
          ("Im Schwimmkurs lernen Kinder ab fünf Jahren schwimmen – bis zum Seepferdchen.",
           "Beim Training stehen Spaß an der Bewegung und faires Miteinander im Mittelpunkt."),
          ("club",), (36, 168), free=0.15, participation="registration"),
    Theme("freizeit.kultur", 3,
          ("Musikgarten für Kleinkinder", "Malwerkstatt für Kinder", "Kindertheater {motto}",
           "Kinderchor {district}", "Museumsnachmittag für Familien"),
          ("Kinder singen, tanzen und entdecken erste Instrumente.",
           "Mit Farbe, Pinsel und Fantasie entstehen eigene Kunstwerke."),
          ("club", "library", "church"), (24, 168), free=0.4, participation="registration"),
    Theme("freizeit.jugend", 5,
          ("Jugendclub {motto}", "Jugendtreff {district}", "Offene Jugendarbeit {district}",
           "Mobile Jugendarbeit {district}", "Jugendhaus {motto}"),
          ("Im Jugendclub treffen sich junge Leute zum Kickern, Kochen, Zocken und Reden.",
           "Streetworker sind in den Stadtteilen unterwegs und haben ein offenes Ohr.",
           "Ein Ort für Jugendliche mit Werkstatt, Proberaum und Hausaufgabenhilfe."),
          ("youth",), (120, 324), free=1.0),
    Theme("freizeit.spielplatz", 3,
          ("Abenteuerspielplatz {district}", "Spielplatz am {am}", "Waldspielgruppe „{animal}“",
           "Spielmobil in {district}"),
          ("Auf dem Abenteuerspielplatz wird gehämmert, gebaut und am Feuer gekocht.",
           "Das Spielmobil bringt Spiele, Roller und Bastelsachen auf Plätze in Ihrer Nähe."),
          ("club", "public_authority", "other"), (12, 168), free=1.0),
    Theme("freizeit.ferien", 2,
          ("Ferienprogramm {district}", "Ferienfreizeit an der Ostsee",
           "Sommerferienbetreuung {motto}"),
          ("In den Ferien gibt es Ausflüge, Workshops und Spiele für Schulkinder.",),
          ("youth", "club", "church"), (72, 168), free=0.3, participation="registration"),
    Theme("freizeit.werkstatt", 1,
          ("Familienwerkstatt {district}", "Repair-Café für Familien"),
          ("Gemeinsam reparieren, bauen und werken Familien mit Holz und Werkzeug.",),
          ("other", "club"), free=0.8),
    Theme("freizeit.kirche", 2,
          ("Kindergottesdienst {district}", "Christenlehre für Grundschulkinder",
           "Krabbelgottesdienst"),
          ("Mit Geschichten, Liedern und Basteln feiern wir Gottesdienst für kleine Leute.",),
          ("church",), (0, 144), free=1.0),
    Theme("finanzen.leistungen", 2,
          ("Beratung zu Kindergeld, Elterngeld und Kinderzuschlag", "Elterngeldstelle {town}",
           "Hilfe beim Antrag auf Wohngeld"),
          ("Wir helfen beim Ausfüllen von Anträgen und klären, welche Leistungen Ihnen zustehen.",),
          ("public_authority", "counselling"), style="opening_hours", free=1.0,
          participation="referral"),
    Theme("finanzen.but", 1,
          ("Bildung und Teilhabe – Beratung und Antrag",
           "Mittagessen und Schulbedarf über das Bildungspaket"),
          ("Über das Bildungspaket gibt es Zuschüsse für Mittagessen, Ausflüge und Schulbedarf.",),
          ("public_authority",), (0, 300), style="opening_hours", free=1.0,
          participation="referral"),
    Theme("finanzen.tafel", 2,
          ("Tafel {district}", "Kleiderkammer {operator}", "Kinderkleiderbörse {district}",
           "Sozialkaufhaus {motto}"),
          ("Hier gibt es Lebensmittel, Kinderkleidung und Spielzeug für wenig Geld.",),
          ("other", "church"), style="opening_hours", free=0.6),
    Theme("notfall.kinderschutz", 1,
          ("Kinderschutz-Beratung (insoweit erfahrene Fachkraft)", "Kinderschutzdienst {town}"),
          ("Wir beraten bei Sorge um das Wohl eines Kindes – auch anonym.",),
          ("counselling", "public_authority"), (0, 216), style="appointment", free=1.0,
          participation="referral"),
    Theme("notfall.gewalt", 1,
          ("Frauen- und Kinderschutzhaus", "Beratung bei häuslicher Gewalt",
           "Interventionsstelle gegen häusliche Gewalt"),
          ("Schutz und Beratung für Frauen und Kinder, die Gewalt erleben – rund um die Uhr.",),
          ("counselling",), style="appointment", free=1.0, participation="referral"),
    Theme("notfall.telefon", 1,
          ("Elterntelefon", "Kinder- und Jugendtelefon", "Krisentelefon für Familien"),
          ("Anonym, kostenlos und vertraulich: Am Telefon hören wir zu und helfen weiter.",),
          ("other",), style="appointment", free=1.0),
    Theme("uebergang.schulvorbereitung", 2,
          ("Vorschulgruppe {motto}", "Schulanfängertreff {district}", "Infoabend zur Einschulung"),
          ("Im letzten Kita-Jahr bereiten wir die Kinder spielerisch auf die Schule vor.",),
          ("kita", "school"), (48, 83), free=1.0),
    Theme("generationen.pflege", 1,
          ("Pflegeberatung für pflegende Angehörige", "Pflegestützpunkt {town}"),
          ("Wir beraten Familien, die Angehörige pflegen, und vermitteln Entlastung.",),
          ("counselling",), style="opening_hours", free=1.0, participation="referral"),
    Theme("generationen.begegnung", 2,
          ("Leihoma-Vermittlung", "Generationencafé {district}", "Großelterndienst {operator}"),
          ("Ältere Menschen schenken Familien Zeit – als Leihoma, Leihopa oder beim Vorlesen.",),
          ("other", "family_centre"), free=1.0),
]
# fmt: on

AUDIENCE = [
    "Das Angebot richtet sich an Familien mit Kindern {ages}.",
    "Eingeladen sind Mütter, Väter und alle, die Kinder {ages} im Alltag begleiten.",
    "Willkommen sind Familien mit Kindern {ages}, auch Großeltern und Pflegeeltern.",
]
AUDIENCE_ALL = [
    "Das Angebot steht allen Familien offen.",
    "Willkommen sind alle Familien, egal wie alt die Kinder sind.",
]
AUDIENCE_PREGNANCY = [
    "Das Angebot richtet sich an Schwangere und junge Familien.",
    "Werdende Eltern sind ebenso willkommen wie Familien mit Neugeborenen.",
]
PARTICIPATION_TEXT = {
    "open": [
        "Eine Anmeldung ist nicht nötig – kommen Sie einfach vorbei.",
        "Sie können jederzeit einsteigen, auch ohne Anmeldung.",
        "Schauen Sie einfach unverbindlich vorbei.",
    ],
    "registration": [
        "Bitte melden Sie sich vorher telefonisch oder per E-Mail an.",
        "Die Plätze sind begrenzt, deshalb bitten wir um Anmeldung.",
        "Eine Anmeldung ist erforderlich; neue Kurse beginnen regelmäßig.",
    ],
    "referral": [
        "Termine vereinbaren Sie telefonisch oder per E-Mail.",
        "Die Beratung ist vertraulich und auf Wunsch anonym; bitte vereinbaren Sie einen Termin.",
        "Ein Termin ist meist innerhalb von zwei Wochen möglich.",
    ],
}
COST_FREE = [
    "Die Teilnahme ist kostenlos.",
    "Es entstehen keine Kosten.",
    "Das Angebot ist kostenfrei.",
]
COST_PAID = [
    "Die Kosten erfahren Sie bei der Anmeldung.",
    "Bei geringem Einkommen ist eine Ermäßigung möglich.",
    "Für Material bitten wir um einen kleinen Beitrag.",
]
FEES = [
    "2 € pro Termin", "30 € für 10 Termine", "nach Einkommen gestaffelt", "5 € im Monat",
    "Elternbeitrag nach Satzung der Stadt", "Kosten übernimmt die Krankenkasse",
    "Mitgliedsbeitrag 8 € im Monat", "45 € pro Kurs", "3 € inkl. Frühstück",
]  # fmt: skip
PRACTICAL = [
    "Bitte bringen Sie eine Decke und rutschfeste Socken mit.",
    "Geschwisterkinder dürfen gern mitkommen.",
    "Ein Stellplatz für Kinderwagen ist vorhanden.",
    "Die Haltestelle {street} liegt direkt vor dem Haus.",
    "In den Schulferien findet das Angebot nicht statt.",
    "Getränke und ein kleiner Imbiss stehen bereit.",
    "Wir arbeiten eng mit den Kitas und Schulen in {district} zusammen.",
    "Unser Team besteht aus erfahrenen sozialpädagogischen Fachkräften.",
    "Alle Mitarbeitenden unterliegen der Schweigepflicht.",
    "Bei Bedarf organisieren wir eine Dolmetscherin oder einen Dolmetscher.",
    "Informationen gibt es auf Wunsch auch in Leichter Sprache.",
    "Parkplätze gibt es im Hof.",
    "Eine Wickelmöglichkeit ist vorhanden.",
    "Der Garten lädt bei schönem Wetter zum Spielen im Freien ein.",
    "Neue Familien sind jederzeit willkommen.",
    "Das Angebot wird von der Stadt {town} gefördert.",
    "Wir freuen uns auf Sie und Ihre Kinder!",
    "Bei Fragen rufen Sie uns gern an.",
    "Auch Väter sind ausdrücklich eingeladen.",
    "Ehrenamtliche unterstützen das Team.",
]
ACCESS_YES = [
    "Die Räume sind barrierefrei erreichbar.",
    "Es gibt einen Aufzug und ein barrierefreies WC.",
]
ACCESS_NO = [
    "Die Räume liegen im ersten Stock, leider ohne Aufzug.",
    "Der Eingang hat drei Stufen.",
]
ROOMS = ["Gemeinderaum", "Turnhalle", "Saal", "Beratungsraum", "Spielzimmer", "Kursraum", "Garten"]
SESSION_RULES = [
    ("FREQ=WEEKLY;BYDAY=MO", 6), ("FREQ=WEEKLY;BYDAY=TU", 6), ("FREQ=WEEKLY;BYDAY=WE", 6),
    ("FREQ=WEEKLY;BYDAY=TH", 6), ("FREQ=WEEKLY;BYDAY=FR", 4), ("FREQ=WEEKLY;BYDAY=SA", 1),
    ("FREQ=WEEKLY;BYDAY=MO,WE", 2), ("FREQ=WEEKLY;BYDAY=TU,TH", 2),
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", 1), ("FREQ=MONTHLY;BYDAY=2TU", 1),
    ("FREQ=MONTHLY;BYDAY=1SA", 1), ("FREQ=MONTHLY;BYDAY=-1FR", 1),
]  # fmt: skip
SESSION_TIMES = [(9, 0, 10, 30), (9, 30, 11, 0), (10, 0, 11, 30), (14, 0, 16, 0),
                 (15, 0, 16, 30), (16, 0, 18, 0), (17, 0, 19, 0), (19, 0, 21, 0)]  # fmt: skip
OPENING_RULES = [
    "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    "FREQ=WEEKLY;BYDAY=MO,TU,TH",
    "FREQ=WEEKLY;BYDAY=TU,TH",
]
OPENING_TIMES = [(6, 30, 17, 0), (8, 0, 16, 0), (9, 0, 12, 0), (13, 0, 18, 0), (8, 0, 18, 0)]
EXTRA_LANGUAGES = [  # (code, chance)
    ("en", 0.12), ("ar", 0.07), ("uk", 0.08), ("tr", 0.05), ("ru", 0.05), ("fa", 0.03),
    ("pl", 0.02), ("de-x-ls", 0.05), ("gsg", 0.01), ("vi", 0.02), ("ro", 0.02), ("ku", 0.01),
]  # fmt: skip
EVENT_TITLES = [
    "Sommerfest im {district}", "Flohmarkt rund ums Kind", "Vortrag: Gut schlafen lernen",
    "Laternenumzug {district}", "Familienwandertag", "Kinderflohmarkt im {district}",
    "Bilderbuchkino: „Die kleinen {animal}“", "Elternabend: Medien in der Familie",
    "Tag der offenen Tür – {district}", "Weihnachtsbasteln für Familien", "Kinderkonzert",
    "Osterbasteln im {district}", "Ferienwerkstatt: Wir bauen Nistkästen", "Spielefest {town}",
    "Infoabend Einschulung", "Erste Hilfe am Kind – Kurs", "Familienfrühstück {district}",
    "Puppentheater „Die {animal}“", "Lesung für Kinder", "Kinderkleiderbörse {district}",
]  # fmt: skip
LANDMARKS = ["Stadtpark", "Mühlteich", "Schlossberg", "Wasserturm", "Rosengarten", "Lindenplatz"]
WEEKDAY_NAMES = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"]


@dataclass
class GenerationReport:
    offers: int = 0
    published: int = 0
    organisations: int = 0
    locations: int = 0
    schedules: int = 0
    categories: int = 0
    districts: int = 0
    category_links: int = 0
    language_links: int = 0
    events: int = 0
    occurrences: int = 0
    alliances: int = 0
    generate_s: float = 0.0  # inserting everything (incl. taxonomy), without the index
    index_s: float = 0.0  # reindex_alliance
    indexed: int = 0  # what reindex_alliance returned
    seed: int = DEFAULT_SEED
    timings: dict[str, float] = field(default_factory=dict)
    total_s: float = 0.0
    alliance: object = None  # the last alliance made (not in the JSON)

    def as_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "alliance"}


def _age_phrase(lo: int | None, hi: int | None) -> str:
    if lo is None and hi is None:
        return ""
    if hi is not None and hi <= 12:
        return "im ersten Lebensjahr"
    lo_y, hi_y = (lo or 0) // 12, None if hi is None else round(hi / 12)
    if hi_y is None:
        return f"ab {lo_y} Jahren"
    if not lo_y:
        return f"bis {hi_y} Jahre"
    return f"von {lo_y} bis {hi_y} Jahren"


class _Slugs:
    """In-memory ``unique_slug``: the same rule, without a query per row."""

    def __init__(self):
        self.taken: set[str] = set()

    def __call__(self, text: str, max_length: int = 100) -> str:
        from django.utils.text import slugify

        base = (slugify(text.replace("ß", "ss")) or "eintrag")[:max_length].strip("-")
        slug, n = base, 2
        while slug in self.taken:
            suffix = f"-{n}"
            slug = f"{base[: max_length - len(suffix)]}{suffix}"
            n += 1
        self.taken.add(slug)
        return slug


def _fill(pattern: str, rng: random.Random, district: str, town: str = TOWN) -> str:
    return pattern.format(
        motto=rng.choice(MOTTOS),
        animal=rng.choice(ANIMALS),
        surname=rng.choice(SURNAMES),
        operator=rng.choice(OPERATORS),
        street=rng.choice(STREETS),
        am=rng.choice(LANDMARKS),
        district=district,
        town=town,
        weekday=rng.choice(WEEKDAY_NAMES),
    )


@dataclass
class _Plan:
    theme: Theme
    organisation: object  # Organisation; its ``home`` attribute is its district


def _description(rng, theme, home, audience, is_free, languages_de, wheelchair, town=TOWN):
    """(summary, description): the theme's own sentences plus varied practical ones."""
    about = rng.sample(theme.about, len(theme.about))
    sentences = [about[0], audience]
    if len(about) > 1 and rng.random() < 0.5:
        sentences.append(about[1])
    sentences += [
        s.format(street=rng.choice(STREETS), district=home.name, town=town)
        for s in rng.sample(PRACTICAL, rng.randint(2, 5))
    ]
    sentences.append(rng.choice(PARTICIPATION_TEXT[theme.participation]))
    sentences.append(rng.choice(COST_FREE if is_free else COST_PAID))
    if languages_de:
        sentences.append("Wir sprechen auch " + " und ".join(languages_de) + ".")
    sentences.append(rng.choice(ACCESS_YES if wheelchair else ACCESS_NO))
    return f"{about[0]} {audience}"[:400], " ".join(sentences)


class _Builder:
    """Builds the rows of one table at a time in memory and inserts them with bulk_create."""

    def __init__(
        self,
        *,
        alliance,
        rng: random.Random,
        report: GenerationReport,
        town: str = TOWN,
        centre: tuple[float, float] = CENTRE,
    ):
        from django.utils import timezone

        from familiennetz.directory.models import Category, Language

        self.alliance, self.rng, self.report = alliance, rng, report
        self.town, self.centre = town, centre
        self.now = timezone.now()
        self.categories = {c.code: c for c in Category.objects.for_alliance(alliance)}
        self.languages = {lang.code: lang for lang in Language.objects.all()}

    def _days_ago(self, low: int, high: int) -> dt.datetime:
        return self.now - dt.timedelta(days=self.rng.randint(low, high))

    def districts(self) -> list:
        """Stadtteile, each with Ortsteile, around the centre; returns the Ortsteile."""
        from familiennetz.socialspace.models import District

        rng, slugs = self.rng, _Slugs()
        parents = [
            District(
                alliance=self.alliance,
                name=name if name != "Land" else "Ländliche Ortsteile",
                slug=slugs(name),
                kind=District.Kind.STADTTEIL,
                latitude=round(self.centre[0] + DISTRICT_OFFSETS[name][0], 6),
                longitude=round(self.centre[1] + DISTRICT_OFFSETS[name][1], 6),
            )
            for name in DISTRICTS
        ]
        District.objects.bulk_create(parents)
        children = [
            District(
                alliance=self.alliance,
                name=name,
                slug=slugs(name),
                kind=District.Kind.ORTSTEIL,
                parent=parent,
                latitude=round(parent.latitude + rng.uniform(-0.008, 0.008), 6),
                longitude=round(parent.longitude + rng.uniform(-0.012, 0.012), 6),
            )
            for parent, names in zip(parents, DISTRICTS.values(), strict=True)
            for name in names
        ]
        District.objects.bulk_create(children)
        for number, district in enumerate(children):
            district.postal_code = f"091{number + 10:02d}"
        self.report.districts += len(parents) + len(children)
        return children

    def plans(self, count: int, districts: list) -> list[_Plan]:
        """A theme and an organisation per offer; organisations run several offers each."""
        from familiennetz.directory.models import Organisation

        rng, slugs = self.rng, _Slugs()
        themes = [th for th in THEMES if th.code in self.categories]
        weights = [th.weight for th in themes]
        by_kind: dict[str, list] = {}
        plans, organisations = [], []
        for _i in range(count):
            theme = rng.choices(themes, weights)[0]
            kind = rng.choice(theme.kinds)
            pool = by_kind.setdefault(kind, [])
            if pool and not theme.as_org and rng.random() < 0.75:
                plans.append(_Plan(theme, rng.choice(pool)))
                continue
            home = rng.choice(districts)
            patterns = theme.names if theme.as_org else ORG_NAMES[kind]
            name = _fill(rng.choice(patterns), rng, home.name, self.town)
            slug = slugs(name)
            organisation = Organisation(
                alliance=self.alliance,
                name=name,
                slug=slug,
                kind=kind,
                operator=rng.choice(OPERATORS) if rng.random() < 0.3 else "",
                description=f"{name} in {self.town}-{home.name}.",
                website=f"https://{slug}.example.org/",
                email=f"kontakt@{slug}.example.org",
                phone=f"0371 {rng.randint(200000, 999999)}",
                last_checked_at=self._days_ago(0, 500),
            )
            organisation.home = home  # not a field: where its places are
            pool.append(organisation)
            organisations.append(organisation)
            plans.append(_Plan(theme, organisation))
        Organisation.objects.bulk_create(organisations, batch_size=BATCH)
        self.report.organisations += len(organisations)
        return plans

    def locations(self, plans: list[_Plan]) -> list:
        """One place per offer, scattered around its organisation's district."""
        from familiennetz.directory.models import Location

        rng, slugs = self.rng, _Slugs()
        locations = []
        for plan in plans:
            org, home = plan.organisation, plan.organisation.home
            name = org.name if rng.random() < 0.6 else f"{org.name} – {rng.choice(ROOMS)}"
            wheelchair = rng.random() < 0.55
            locations.append(
                Location(
                    alliance=self.alliance,
                    organisation=org,
                    name=name,
                    slug=slugs(name, 120),
                    street=f"{rng.choice(STREETS)} {rng.randint(1, 120)}",
                    postal_code=home.postal_code,
                    city=self.town,
                    district=home,
                    latitude=round(home.latitude + rng.gauss(0, 0.004), 6),
                    longitude=round(home.longitude + rng.gauss(0, 0.006), 6),
                    is_wheelchair_accessible=wheelchair,
                    is_pram_accessible=wheelchair or rng.random() < 0.4,
                    transport_notes=f"Bus bis {rng.choice(STREETS)}" if rng.random() < 0.3 else "",
                    last_checked_at=org.last_checked_at,
                )
            )
        Location.objects.bulk_create(locations, batch_size=BATCH)
        self.report.locations += len(locations)
        return locations

    def offers(self, plans: list[_Plan], locations: list) -> list:
        """The offers with their categories, languages and place (OfferLocation)."""
        from familiennetz.directory.models import Offer, OfferLocation, Status

        rng, slugs = self.rng, _Slugs()
        offers, category_codes, language_codes = [], [], []
        for plan, location in zip(plans, locations, strict=True):
            theme, org, home = plan.theme, plan.organisation, location.district
            lo, hi = theme.ages
            if lo is not None and hi is not None and rng.random() < 0.3:  # some narrow it
                lo = min(hi, lo + 12 * rng.randint(1, 2))
            ages = _age_phrase(lo, hi)
            if theme.pregnancy:
                audience = rng.choice(AUDIENCE_PREGNANCY)
            elif ages:
                audience = rng.choice(AUDIENCE).format(ages=ages)
            else:
                audience = rng.choice(AUDIENCE_ALL)
            is_free = rng.random() < theme.free
            extra = [
                code
                for code, chance in EXTRA_LANGUAGES
                if code in self.languages and rng.random() < chance * theme.languages
            ]
            name = (
                org.name
                if theme.as_org
                else _fill(rng.choice(theme.names), rng, home.name, self.town)
            )
            summary, description = _description(
                rng,
                theme,
                home,
                audience,
                is_free,
                [self.languages[c].name_de for c in extra],
                location.is_wheelchair_accessible,
                self.town,
            )
            roll = rng.random()  # a few drafts and archived offers, as in real data
            status = Status.PUBLISHED if roll < 0.94 else Status.DRAFT
            if roll >= 0.98:
                status = Status.ARCHIVED
            offers.append(
                Offer(
                    alliance=self.alliance,
                    organisation=org,
                    name=name,
                    slug=slugs(name, 120),
                    summary=summary,
                    description=description,
                    for_pregnancy=theme.pregnancy,
                    age_min_months=lo,
                    age_max_months=hi,
                    is_free=is_free,
                    fee_description="" if is_free else rng.choice(FEES),
                    participation=theme.participation,
                    is_online=theme.code == "notfall.telefon" or rng.random() < 0.05,
                    email=org.email,
                    phone=org.phone,
                    website=org.website,
                    status=status,
                    published_at=self._days_ago(1, 700) if status == Status.PUBLISHED else None,
                    last_checked_at=self._days_ago(0, 500),
                )
            )
            codes = [theme.code]
            if theme.also and rng.random() < 0.35:
                codes.append(rng.choice(theme.also))
            category_codes.append([c for c in dict.fromkeys(codes) if c in self.categories])
            language_codes.append(["de", *extra])
        Offer.objects.bulk_create(offers, batch_size=BATCH)
        for offer, codes in zip(offers, category_codes, strict=True):
            offer.category_ids = [self.categories[code].pk for code in codes]

        categories = [
            Offer.categories.through(offer_id=offer.pk, category_id=self.categories[code].pk)
            for offer, codes in zip(offers, category_codes, strict=True)
            for code in codes
        ]
        Offer.categories.through.objects.bulk_create(categories, batch_size=BATCH)
        languages = [
            Offer.languages.through(offer_id=offer.pk, language_id=self.languages[code].pk)
            for offer, codes in zip(offers, language_codes, strict=True)
            for code in codes
            if code in self.languages
        ]
        Offer.languages.through.objects.bulk_create(languages, batch_size=BATCH)
        for offer, location in zip(offers, locations, strict=True):
            offer.place = OfferLocation(
                alliance=self.alliance,
                offer=offer,
                location=location,
                last_checked_at=offer.last_checked_at,
            )
        OfferLocation.objects.bulk_create([o.place for o in offers], batch_size=BATCH)
        report = self.report
        report.offers += len(offers)
        report.published += sum(o.status == Status.PUBLISHED for o in offers)
        report.category_links += len(categories)
        report.language_links += len(languages)
        return offers

    def schedules(self, plans: list[_Plan], offers: list) -> None:
        """Regular sessions (weekly, fortnightly, monthly) or a place's opening hours."""
        from familiennetz.directory.models import Schedule
        from familiennetz.directory.recurrence import weekday_codes

        rng = self.rng
        rules, rule_weights = zip(*SESSION_RULES, strict=True)
        schedules = []

        def add(rule, times, **target):
            h1, m1, h2, m2 = times
            schedules.append(
                Schedule(
                    alliance=self.alliance,
                    rrule=rule,
                    byday=",".join(weekday_codes(rule)),  # what Schedule.save() would set
                    opens_at=dt.time(h1, m1),
                    closes_at=dt.time(h2, m2),
                    **target,
                )
            )

        for plan, offer in zip(plans, offers, strict=True):
            style = plan.theme.style
            if style == "session" or (style == "opening_hours" and rng.random() < 0.2):
                for _n in range(1 if rng.random() < 0.8 else 2):
                    add(
                        rng.choices(rules, rule_weights)[0],
                        rng.choice(SESSION_TIMES),
                        offer_location=offer.place,
                        kind=Schedule.Kind.SESSION,
                        description="nicht in den Schulferien" if rng.random() < 0.2 else "",
                    )
            elif style == "opening_hours":
                add(
                    rng.choice(OPENING_RULES),
                    rng.choice(OPENING_TIMES),
                    location=offer.place.location,
                    kind=Schedule.Kind.OPENING_HOURS,
                )
        Schedule.objects.bulk_create(schedules, batch_size=BATCH)
        self.report.schedules += len(schedules)

    def events(self, offers: list, occurrences: int) -> None:
        """Public events with about ``occurrences`` dates in the coming year: weekly and
        monthly series (often the sessions of an offer) and single dates (festivals, talks,
        holiday camps). Dates come from the calendar's own RFC 5545 expansion and are inserted
        as materialised rows, as ``event_sync_occurrences`` would store them."""
        from familiennetz.directory.models import Status
        from familiennetz.events.models import Event, Occurrence
        from familiennetz.events.occurrences import (
            BERLIN,
            Slot,
            Window,
            expand,
            local_midnight,
        )

        if occurrences <= 0:
            return
        rng, slugs = self.rng, _Slugs()
        today = self.now.astimezone(BERLIN).date()
        window = Window(
            start=local_midnight(today - dt.timedelta(days=30)),
            end=local_midnight(today + dt.timedelta(days=335)),
        )
        published = [o for o in offers if o.status == Status.PUBLISHED] or offers
        events, dates = [], []
        budget = occurrences
        while budget > 0:
            offer = rng.choice(published)
            roll = rng.random()
            hour, minute, end_hour, end_minute = rng.choice(SESSION_TIMES)
            if roll < 0.45 and budget > 60:  # the sessions of an offer as a series
                rule = rng.choices(*zip(*SESSION_RULES, strict=True))[0]
                title = offer.name
                day = today - dt.timedelta(days=rng.randint(0, 30))
            else:
                rule = ""
                title = _fill(rng.choice(EVENT_TITLES), rng, offer.place.location.name, self.town)
                day = today + dt.timedelta(days=rng.randint(-30, 334))
            start = dt.datetime.combine(day, dt.time(hour, minute), tzinfo=BERLIN)
            end = dt.datetime.combine(day, dt.time(end_hour, end_minute), tzinfo=BERLIN)
            if not rule and rng.random() < 0.05:  # a holiday camp over several days
                end += dt.timedelta(days=rng.randint(1, 4))
            if rule:  # few distinct (rule, start, end): expand each once
                key = (rule, start, end, window)
                if key not in _SLOT_CACHE:
                    _SLOT_CACHE[key] = expand(
                        starts_at=start, ends_at=end, rrule=rule, window=window
                    )
                slots = _SLOT_CACHE[key][:budget]
            else:
                slots = [Slot(start, start, end)] if window.contains(start) else []
            if not slots:
                continue
            budget -= len(slots)
            event = Event(
                alliance=self.alliance,
                organisation=offer.organisation,
                offer=offer if rule else None,
                title=title[:300],
                slug=slugs(title, 120),
                summary=offer.summary[:400],
                description=offer.description,
                location=offer.place.location,
                starts_at=start,
                ends_at=end,
                rrule=rule,
                for_pregnancy=offer.for_pregnancy,
                age_min_months=offer.age_min_months,
                age_max_months=offer.age_max_months,
                is_free=offer.is_free,
                fee_description=offer.fee_description,
                status=Status.PUBLISHED if rng.random() < 0.97 else Status.DRAFT,
                last_checked_at=offer.last_checked_at,
            )
            event.category_ids = offer.category_ids[:1]
            events.append(event)
            dates.append(slots)
        Event.objects.bulk_create(events, batch_size=BATCH)
        Event.categories.through.objects.bulk_create(
            [
                Event.categories.through(event_id=event.pk, category_id=category_id)
                for event in events
                for category_id in event.category_ids
            ],
            batch_size=BATCH,
        )
        # The largest table: plain executemany instead of bulk_create (model instances and
        # per-field preparation were most of the generator's time at state scale).
        from django.db import connection

        if connection.vendor == "sqlite":

            def stamp(value):
                return None if value is None else str(value.astimezone(dt.UTC).replace(tzinfo=None))

        else:

            def stamp(value):
                return value

        now = stamp(self.now)
        rows = [
            (
                *(self.alliance.pk, event.pk),
                *(stamp(slot.original_start), stamp(slot.starts_at), stamp(slot.ends_at)),
                *("scheduled", "", False, now, now),
            )
            for event, slots in zip(events, dates, strict=True)
            for slot in slots
        ]
        table = connection.ops.quote_name(Occurrence._meta.db_table)
        with connection.cursor() as cursor:
            for start in range(0, len(rows), 5 * BATCH):
                cursor.executemany(
                    f"INSERT INTO {table} (alliance_id, event_id, original_start, starts_at, "
                    "ends_at, event_status, status_note, is_modified, created_at, updated_at) "
                    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                    rows[start : start + 5 * BATCH],
                )
        self.report.events += len(events)
        self.report.occurrences += len(rows)


def _clone_taxonomy(source, alliance) -> int:
    """Copy ``source``'s categories into ``alliance`` in two bulk inserts (what
    ``taxonomy_install`` does with ~150 queries per alliance)."""
    from familiennetz.directory.models import Category

    rows = list(Category.objects.for_alliance(source).order_by("parent_id", "pk"))
    tops = [row for row in rows if row.parent_id is None]
    clones = {}
    for row in tops:
        clones[row.pk] = _copy(row, alliance=alliance, parent=None)
    Category.objects.bulk_create(clones.values())
    children = []
    for row in rows:
        if row.parent_id is not None:
            clones[row.pk] = _copy(row, alliance=alliance, parent=clones[row.parent_id])
            children.append(clones[row.pk])
    Category.objects.bulk_create(children)
    return len(rows)


def _copy(row, **changes):
    from django.forms.models import model_to_dict

    data = model_to_dict(row, exclude=["id", "alliance", "parent", "offers", "events"])
    return type(row)(**data, **changes)


@across_alliances
def generate(
    *,
    offers: int = 5000,
    occurrences: int = 0,
    seed: int = DEFAULT_SEED,
    alliance_slug: str = ALLIANCE_SLUG,
    town: str = TOWN,
    centre: tuple[float, float] = CENTRE,
    taxonomy_from=None,
    index: bool = True,
    report: GenerationReport | None = None,
    log=None,
) -> GenerationReport:
    """Create the alliance ``alliance_slug`` with ``offers`` offers and about ``occurrences``
    event dates; it must not exist yet. With ``report``, figures are added to it."""
    from django.db import transaction

    from familiennetz.alliances.models import Alliance
    from familiennetz.directory.services import taxonomy_install
    from familiennetz.search.api import deferred_indexing, reindex_alliance

    log = log or (lambda msg: None)
    report = report or GenerationReport(seed=seed)
    t_start = t = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal t
        now = time.perf_counter()
        report.timings[name] = round(report.timings.get(name, 0) + now - t, 3)
        t = now

    if Alliance.objects.filter(slug=alliance_slug).exists():
        raise SystemExit(f"alliance '{alliance_slug}' exists already; use a fresh database")
    with transaction.atomic():
        alliance = Alliance.objects.create(
            name=f"Familiennetz {town} (Benchmark)",
            slug=alliance_slug,
            region=f"{town}, Sachsen",
            about="Erfundene Daten für Messungen.",
            latitude=centre[0],
            longitude=centre[1],
            is_demo=True,
        )
        if taxonomy_from is None:
            report.categories = taxonomy_install(alliance=alliance)
        else:
            _clone_taxonomy(taxonomy_from, alliance)
    report.alliances += 1
    lap("taxonomy")

    build = _Builder(
        alliance=alliance, rng=random.Random(seed), report=report, town=town, centre=centre
    )
    with deferred_indexing(), transaction.atomic():
        districts = build.districts()
        lap("districts")
        plans = build.plans(offers, districts)
        lap("organisations")
        locations = build.locations(plans)
        lap("locations")
        offer_rows = build.offers(plans, locations)
        lap("offers")
        build.schedules(plans, offer_rows)
        lap("schedules")
        build.events(offer_rows, occurrences)
        lap("events")
    lap("commit")  # includes whatever deferred_indexing does on exit
    report.generate_s = round(report.generate_s + t - t_start, 3)
    log(
        f"{alliance_slug}: {len(offer_rows)} offers, {occurrences} dates "
        f"(total so far: {report.offers} offers, {report.occurrences} dates, "
        f"{report.generate_s:.1f} s)"
    )

    if index:
        t0 = time.perf_counter()
        report.indexed += reindex_alliance(alliance=alliance) or 0
        report.index_s = round(report.index_s + time.perf_counter() - t0, 3)
    report.alliance = alliance
    return report


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    """``total`` split into ``parts`` uneven shares (small towns and larger ones)."""
    if parts <= 0:
        return []
    weights = [rng.lognormvariate(0, 0.6) for _ in range(parts)]
    scale = total / sum(weights)
    shares = [int(w * scale) for w in weights]
    for i in range(total - sum(shares)):
        shares[i % parts] += 1
    return shares


TOWN_PARTS = (
    ["Ober", "Nieder", "Alt", "Neu", "Groß", "Klein", "Bad ", "Hohen", "Mittel", "Wald"],
    [
        "lichten",
        "rosen",
        "eichen",
        "linden",
        "birken",
        "mühl",
        "stein",
        "sonnen",
        "wiesen",
        "ahorn",
    ],
    ["au", "bach", "berg", "dorf", "feld", "hain", "tal", "walde", "brück", "stadt"],
)


@across_alliances
def generate_scale(scale, *, seed: int = DEFAULT_SEED, log=None) -> GenerationReport:
    """All alliances of a scale (bench/scales.py): first the measured alliance ``bench``,
    then the others (state scale), each with its own town name and map centre in Saxony."""
    log = log or (lambda msg: None)
    rng = random.Random(seed)
    report = GenerationReport(seed=seed)
    t0 = time.perf_counter()
    with _search_indexes_built_afterwards(log):
        _generate_alliances(scale, seed, rng, report, log)
    report.total_s = round(time.perf_counter() - t0, 3)
    return report


@contextmanager
def _search_indexes_built_afterwards(log):
    """PostgreSQL: drop the GIN indexes of the search tables during the bulk load and build
    them once at the end (the usual way to bulk-load; inserting 100,000 documents into a live
    GIN index was half of the state scale's generation time). The indexes are the ones
    migration search.0003 creates."""
    from django.db import connection

    if connection.vendor != "postgresql":
        yield
        return
    fulltext = importlib.import_module("familiennetz.search.migrations.0003_postgresql_fulltext")
    creates = [sql for sql in fulltext.CREATE if sql.startswith("CREATE INDEX")]
    with connection.cursor() as cursor:
        for sql in creates:
            cursor.execute(f"DROP INDEX IF EXISTS {sql.split()[2]}")
    try:
        yield
    finally:
        t = time.perf_counter()
        with connection.cursor() as cursor:
            for sql in creates:
                cursor.execute(sql)
        log(f"search indexes (GIN) built in {time.perf_counter() - t:.1f} s")


def _generate_alliances(scale, seed, rng, report, log) -> None:
    generate(
        offers=scale.bench_offers,
        occurrences=scale.bench_occurrences,
        seed=seed,
        report=report,
        log=log,
    )
    source = report.alliance
    others = scale.alliances - 1
    offer_shares = _split(scale.offers - scale.bench_offers, others, rng)
    date_shares = _split(scale.occurrences - scale.bench_occurrences, others, rng)
    names = [f"{a}{b}{c}" for a in TOWN_PARTS[0] for b in TOWN_PARTS[1] for c in TOWN_PARTS[2]]
    rng.shuffle(names)
    for number in range(others):
        generate(
            offers=offer_shares[number],
            occurrences=date_shares[number],
            seed=seed + number + 1,
            alliance_slug=f"netz-{number + 1:03d}",
            town=names[number],
            centre=(round(rng.uniform(50.3, 51.5), 4), round(rng.uniform(12.1, 14.9), 4)),
            taxonomy_from=source,
            report=report,
            log=log if (number + 1) % 50 == 0 or number + 1 == others else None,
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.generate",
        description="Fill the database in DATABASE_URL with a generated alliance (slug 'bench').",
    )
    parser.add_argument("--offers", type=int, default=5000)
    parser.add_argument("--occurrences", type=int, default=0, help="event dates (default 0)")
    parser.add_argument(
        "--scale", choices=["town", "city", "state"], help="a whole scale (bench/scales.py)"
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--alliance", default=ALLIANCE_SLUG, help="slug of the new alliance")
    parser.add_argument("--migrate", action="store_true", help="run migrations first")
    parser.add_argument("--no-index", action="store_true", help="skip reindex_alliance")
    args = parser.parse_args(argv)
    if "DATABASE_URL" not in os.environ:
        # Never fill the shared development database by accident.
        parser.error("set DATABASE_URL explicitly (e.g. sqlite:////tmp/bench.sqlite3)")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

    import django

    django.setup()
    if args.migrate:
        from django.core.management import call_command

        call_command("migrate", interactive=False, verbosity=0)
    log = lambda msg: print(msg, file=sys.stderr)  # noqa: E731
    if args.scale:
        from bench.scales import SCALES

        report = generate_scale(SCALES[args.scale], seed=args.seed, log=log)
    else:
        report = generate(
            offers=args.offers,
            occurrences=args.occurrences,
            seed=args.seed,
            alliance_slug=args.alliance,
            index=not args.no_index,
            log=log,
        )
    print(json.dumps(report.as_dict(), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
