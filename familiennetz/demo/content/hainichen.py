"""Demo alliance "hainichen": a small Saxon town with nine Ortsteile.

Modelled on the Hainichen alliance in the seed report (four Kitas, a Hort, a primary and a
secondary school, three youth clubs and mobile youth work, a town library, the "Werkstatt
Familie", a counselling centre, a Kita becoming a parent–child centre, two churches). The
Ortsteile carry their real names; their centre coordinates are approximate and every
institution, street address, person, phone number and e-mail address is invented.
"""

from __future__ import annotations

import random

from .common import emergency_numbers
from .types import (
    OWN,
    WORKDAYS,
    AllianceSpec,
    DistrictSpec,
    OfferSpec,
    OrganisationSpec,
    PlaceSpec,
    monthly,
    weekly,
    yearly,
    years,
)

KITA_FEE = "Elternbeitrag nach der Satzung der Stadt, Ermäßigung für Geschwister und auf Antrag"

DISTRICTS = (
    DistrictSpec("hainichen", "Hainichen (Stadt)", 50.9700, 13.1250, "09661", radius=0.005),
    DistrictSpec("bockendorf", "Bockendorf", 50.9430, 13.1690, "09661"),
    DistrictSpec("cunnersdorf", "Cunnersdorf", 50.9480, 13.1020, "09661"),
    DistrictSpec("eulendorf", "Eulendorf", 50.9590, 13.1900, "09661"),
    DistrictSpec("falkenau", "Falkenau", 51.0000, 13.0980, "09661", radius=0.002),
    DistrictSpec("gersdorf", "Gersdorf", 50.9900, 13.0850, "09661"),
    DistrictSpec("riechberg", "Riechberg", 50.9330, 13.1380, "09661"),
    DistrictSpec("siegfried", "Siegfried", 50.9220, 13.1540, "09661", radius=0.002),
    DistrictSpec("schlegel", "Schlegel", 50.9910, 13.1620, "09661"),
)

OFFICE_HOURS = (
    weekly("TU", "09:00", "12:00"),
    weekly("TU", "13:00", "18:00"),
    weekly("TH", "09:00", "12:00"),
    weekly("TH", "13:00", "16:00"),
)


def organisations(rng: random.Random) -> list[OrganisationSpec]:
    return [
        # --- the town and the network ---------------------------------------------------
        OrganisationSpec(
            key="stadtverwaltung",
            name="Stadtverwaltung Hainichen",
            kind="public_authority",
            description=(
                "Die Stadtverwaltung ist Trägerin der städtischen Kitas und des Horts, "
                "finanziert die Koordinierungsstelle Familienbildung und kümmert sich um "
                "Spielplätze und Grünanlagen in der Stadt und in den Ortsteilen."
            ),
            contacts=("Bürgerbüro", "Sachgebiet Kita und Schule"),
            places=(
                PlaceSpec(
                    "rathaus",
                    "Rathaus Hainichen",
                    "Am Markt 1",
                    "hainichen",
                    wheelchair=True,
                    hours=OFFICE_HOURS,
                    accessibility_notes="Aufzug am Hintereingang, Behinderten-WC im Erdgeschoss.",
                    transport="Bushaltestelle „Markt“ direkt vor dem Haus.",
                ),
                PlaceSpec(
                    "stadtpark",
                    "Spielplatz im Stadtpark",
                    "Am Stadtpark",
                    "hainichen",
                    wheelchair=True,
                    description="Großer Spielplatz mit Sandbereich, Kletterturm und Bänken "
                    "im Schatten, gleich neben dem Tiergehege.",
                ),
                PlaceSpec(
                    "dorfplatz-schlegel",
                    "Spielplatz am Dorfplatz Schlegel",
                    "Am Anger 2",
                    "schlegel",
                ),
                PlaceSpec(
                    "spielwiese-cunnersdorf",
                    "Spielwiese Cunnersdorf",
                    "Teichweg",
                    "cunnersdorf",
                    pram=False,
                    accessibility_notes="Wiesenweg, mit dem Kinderwagen nur bei trockenem "
                    "Wetter gut befahrbar.",
                ),
            ),
            offers=(
                OfferSpec(
                    name="Willkommensbesuch für Neugeborene",
                    summary="Nach der Geburt besucht Sie auf Wunsch die Koordinatorin für "
                    "Familienbildung und bringt ein Begrüßungspaket der Stadt mit.",
                    description=(
                        "Im Paket stecken ein Stadtplan mit allen Angeboten für Familien, die "
                        "Erste-Hilfe-Box für Eltern, ein Gutschein für die Stadtbibliothek und "
                        "ein kleines Geschenk von Hainichener Betrieben. Der Besuch dauert etwa "
                        "eine halbe Stunde. Sie entscheiden, ob er bei Ihnen zu Hause, im "
                        "Rathaus oder im Eltern-Kind-Zentrum stattfindet."
                    ),
                    categories=("schwangerschaft.fruehe-hilfen",),
                    ages=(0, 11),
                    participation="registration",
                    how="Anruf oder E-Mail genügt; einen Termin gibt es meist innerhalb "
                    "von zwei Wochen.",
                    contacts=("Koordination Familienbildung",),
                ),
                OfferSpec(
                    name="Sprechstunde der Koordinatorin für Familienbildung",
                    summary="Sie suchen ein Angebot für Ihre Familie oder haben eine Idee für "
                    "Hainichen? Kommen Sie vorbei.",
                    description=(
                        "Die Koordinatorin kennt die Kitas, Vereine und Beratungsstellen in "
                        "Hainichen und den Ortsteilen. Sie hilft bei der Suche nach dem "
                        "passenden Angebot, nimmt Wünsche von Eltern auf und bringt sie in das "
                        "Netzwerk ein. Auch Anbieter, die neu dazukommen möchten, sind "
                        "willkommen."
                    ),
                    categories=("elternbildung.kurse", "beratung"),
                    sessions=(weekly("TU", "14:00", "18:00"),),
                    contacts=("Koordination Familienbildung",),
                ),
                OfferSpec(
                    name="Spielplatz im Stadtpark",
                    summary="Der größte Spielplatz der Stadt – mit Matschanlage, Nestschaukel "
                    "und einem Bereich für die Kleinsten.",
                    description=(
                        "Unter den alten Linden ist es auch im Hochsommer schattig. Die "
                        "Kleinkindecke ist eingezäunt, die Wege sind befestigt. Ein Besuch "
                        "lässt sich gut mit einem Abstecher zum Tiergehege im Park verbinden."
                    ),
                    categories=("freizeit.spielplatz",),
                    ages=years(0, 12),
                    at=("stadtpark",),
                    phone="",
                    email="",
                    how="Frei zugänglich, von morgens bis zur Dämmerung.",
                ),
                OfferSpec(
                    name="Spielplatz am Dorfplatz Schlegel",
                    summary="Kleiner Dorfspielplatz mit Rutsche, Wippe und Sandkasten.",
                    description=(
                        "Der Spielplatz wurde mit Hilfe des Heimatvereins neu gestaltet. Die "
                        "Bänke am Rand laden Eltern und Großeltern zum Verweilen ein, und "
                        "nebenan gibt es eine Wiese zum Ballspielen."
                    ),
                    categories=("freizeit.spielplatz",),
                    ages=years(1, 10),
                    at=("dorfplatz-schlegel",),
                    phone="",
                    email="",
                ),
                OfferSpec(
                    name="Spielwiese mit Grillplatz in Cunnersdorf",
                    summary="Große Wiese am Dorfteich mit Fußballtoren und einem Grillplatz, "
                    "den Familien reservieren können.",
                    description=(
                        "Der Grillplatz kann über das Bürgerbüro für Familienfeiern gebucht "
                        "werden. Auf der Wiese stehen zwei kleine Tore und eine "
                        "Tischtennisplatte; Spielgeräte für Kleinkinder gibt es hier nicht."
                    ),
                    categories=("freizeit.spielplatz",),
                    at=("spielwiese-cunnersdorf",),
                    fee="Grillplatz 10 € pro Tag, die Wiese ist frei zugänglich",
                    free=False,
                ),
                OfferSpec(
                    name="Erste-Hilfe-Box für Eltern",
                    summary="Eine Mappe mit allen wichtigen Notrufnummern und Anlaufstellen "
                    "für Familien in Hainichen – gedruckt und hier online.",
                    description=(
                        "Das Netzwerk hat die Box gemeinsam mit Eltern entwickelt. Sie "
                        "enthält die Notrufe, den ärztlichen Bereitschaftsdienst, den "
                        "Giftnotruf, die Hilfetelefone sowie die Beratungsstellen und das "
                        "Jugendamt für Hainichen. Sie bekommen die Box kostenlos im "
                        "Bürgerbüro, in allen Kitas und bei der Hebammenpraxis."
                    ),
                    categories=("notfall.telefon", "notfall.kinderschutz"),
                    how="Einfach im Bürgerbüro oder in Ihrer Kita nachfragen.",
                    checked_days_ago=40,
                ),
                OfferSpec(
                    name="Hainichener Familienpass",
                    summary="Ermäßigter Eintritt im Freibad, im Museum und bei vielen "
                    "Vereinen für Familien mit kleinem Einkommen und für Familien mit drei "
                    "und mehr Kindern.",
                    description=(
                        "Den Familienpass stellt das Bürgerbüro aus. Bringen Sie bitte einen "
                        "Nachweis mit, zum Beispiel den Bescheid über Bürgergeld, Wohngeld "
                        "oder Kinderzuschlag oder die Geburtsurkunden der Kinder. Der Pass "
                        "gilt ein Jahr."
                    ),
                    categories=("finanzen.leistungen",),
                    participation="registration",
                    how="Antrag im Bürgerbüro während der Öffnungszeiten.",
                ),
                OfferSpec(
                    name="Familienfest im Stadtpark 2022",
                    summary="Das Familienfest zum Kindertag mit allen Kitas und Vereinen.",
                    description=(
                        "Dieses Fest hat stattgefunden. Den Termin für dieses Jahr finden Sie "
                        "im Familienkalender."
                    ),
                    categories=("freizeit.kultur",),
                    at=("stadtpark",),
                    status="archived",
                    checked_days_ago=700,
                ),
            ),
        ),
        OrganisationSpec(
            key="netzwerk-familie",
            name="Netzwerk Familie Hainichen",
            kind="other",
            description=(
                "Im Netzwerk arbeiten die vier Kitas, der Hort, die Grundschule, der "
                "Stadtelternbeirat, die Werkstatt Familie, Kirchgemeinden, Vereine und die "
                "Stadtverwaltung zusammen – mit einem Ziel: Hainichen soll ein Zuhause für "
                "Familien sein, in dem sie finden, was sie brauchen. Die Koordination liegt "
                "bei der Koordinierungsstelle Familienbildung im Rathaus."
            ),
            contacts=("Koordination",),
            offers=(
                OfferSpec(
                    name="St.-Martins-Fest aller Kitas",
                    summary="Laternenumzug vom Markt durch die Altstadt, mit Martinsspiel, "
                    "Posaunenchor und Hörnchen für alle.",
                    description=(
                        "Aus diesem Fest ist das Netzwerk einmal entstanden: Zwei "
                        "Kirchgemeinden, eine Kita und das Familienzentrum wollten gemeinsam "
                        "feiern. Heute laufen alle Kitas mit, und die Grundschule singt. Der "
                        "Umzug ist etwa eine Stunde lang und auch für Kinderwagen geeignet."
                    ),
                    categories=("freizeit.kultur", "freizeit.kirche"),
                    ages=years(0, 12),
                    at=("rathaus",),
                    sessions=(yearly(11, "2MO", "17:00", "18:30", "Treffpunkt am Markt"),),
                    how="Keine Anmeldung, Laterne mitbringen.",
                ),
                OfferSpec(
                    name="Themenabend: Übergang von der Kita in die Grundschule",
                    summary="Kita-Leitungen, Grundschule und Stadtelternbeirat beantworten "
                    "Fragen von Eltern künftiger Schulkinder.",
                    description=(
                        "Wann wird mein Kind eingeschult, wie läuft die Schulaufnahme, was "
                        "übt die Kita im letzten Jahr, und wie klappt es mit dem Hort? Der "
                        "Abend findet einmal im Jahr im Ratssaal statt, eine Kinderbetreuung "
                        "wird organisiert. Wer nicht kommen kann, findet die Unterlagen "
                        "danach bei der Koordinatorin."
                    ),
                    categories=("uebergang.schulvorbereitung", "elternbildung.kurse"),
                    ages=years(4, 7),
                    at=("rathaus",),
                    sessions=(yearly(3, "2TU", "19:00", "21:00"),),
                    participation="registration",
                    how="Bitte bis eine Woche vorher anmelden, wenn Sie Kinderbetreuung brauchen.",
                ),
                OfferSpec(
                    name="Online-Elternabend zur Schulvorbereitung 2021",
                    summary="Der digitale Themenabend aus der Pandemiezeit.",
                    description="Das Online-Format wurde durch den Themenabend im Ratssaal "
                    "ersetzt.",
                    categories=("uebergang.schulvorbereitung",),
                    at=("rathaus",),
                    online=True,
                    status="archived",
                    checked_days_ago=900,
                ),
            ),
        ),
        OrganisationSpec(
            key="stadtelternbeirat",
            name="Stadtelternbeirat Hainichen",
            kind="club",
            description=(
                "Der Stadtelternbeirat wurde 2019 gegründet. In ihm sitzen gewählte "
                "Elternvertreterinnen und -vertreter aller Kitas und des Horts. Er bringt die "
                "Sicht der Eltern in das Netzwerk und in die Stadtpolitik ein."
            ),
            contacts=("Vorsitz",),
            offers=(
                OfferSpec(
                    name="Sprechstunde des Stadtelternbeirats",
                    summary="Eltern reden mit Eltern: über Kita-Beiträge, Schulwege, "
                    "Öffnungszeiten und alles, was Familien in Hainichen bewegt.",
                    description=(
                        "Einmal im Monat sitzen zwei Mitglieder des Beirats im Elterncafé des "
                        "Eltern-Kind-Zentrums. Anliegen, die alle betreffen, nimmt der Beirat "
                        "mit in die nächste Sitzung mit der Stadt. Sie können auch per E-Mail "
                        "schreiben."
                    ),
                    categories=("elternbildung.elterncafe", "uebergang.schulvorbereitung"),
                    at=("ekiz-sonnenschein",),
                    sessions=(monthly("1MO", "16:00", "17:30"),),
                ),
            ),
        ),
        # --- Kitas, Hort, schools ----------------------------------------------------------
        OrganisationSpec(
            key="kita-sonnenschein",
            name="Kita „Sonnenschein“ – Eltern-Kind-Zentrum",
            kind="kita",
            operator="Stadt Hainichen",
            description=(
                "Die Kita entwickelt sich im Landesmodellprojekt zum Eltern-Kind-Zentrum "
                "(EKiZ): Sie ist nicht nur Betreuungsort, sondern auch ein Ort zum Lernen, "
                "für Hilfe und Begegnung für alle Familien im Stadtgebiet – auch für "
                "Familien, deren Kinder (noch) keine Kita besuchen."
            ),
            contacts=("Leitung", "Koordination Eltern-Kind-Zentrum"),
            places=(
                PlaceSpec(
                    "ekiz-sonnenschein",
                    "Kita „Sonnenschein“",
                    "Parkstraße 5",
                    "hainichen",
                    wheelchair=True,
                    hours=(weekly(WORKDAYS, "06:00", "17:00"),),
                    accessibility_notes="Ebenerdiger Eingang, Wickelraum und Kinderwagen-"
                    "Stellplatz im Foyer.",
                    transport="Fünf Minuten zu Fuß vom Markt, Parkplätze am Stadtpark.",
                ),
            ),
            offers=(
                OfferSpec(
                    name="Kita „Sonnenschein“",
                    summary="Städtische Kita mit Krippe und Kindergarten für 120 Kinder, "
                    "mitten in der Stadt am Rand des Stadtparks.",
                    description=(
                        "Die Kinder verbringen viel Zeit draußen, im Garten und im Stadtpark. "
                        "Die Kita arbeitet nach dem Sächsischen Bildungsplan, beteiligt die "
                        "Kinder an Entscheidungen im Alltag und hat dafür einen Kinderrat. Als "
                        "Eltern-Kind-Zentrum lädt sie Eltern ausdrücklich ein, mitzumachen und "
                        "eigene Ideen einzubringen."
                    ),
                    categories=("betreuung.kita", "elternbildung.familienzentrum"),
                    ages=years(0, 7),
                    fee=KITA_FEE,
                    participation="registration",
                    how="Anmeldung über die Stadtverwaltung (Sachgebiet Kita und Schule) "
                    "oder direkt bei der Kita-Leitung; Besichtigung nach Absprache.",
                    checked_days_ago=75,
                ),
                OfferSpec(
                    name="Eltern-Kind-Gruppe „Krabbelkäfer“",
                    summary="Spielen, singen und andere Eltern kennenlernen: offene Gruppe für "
                    "Babys und Kleinkinder bis drei Jahre mit ihren Eltern. Kostenlos.",
                    description=(
                        "Jeden Mittwochvormittag ist der Bewegungsraum der Kita für die "
                        "Krabbelkäfer reserviert. Die Kinder entdecken Bälle, Tücher und "
                        "Kletterpolster, die Eltern trinken einen Tee und tauschen sich aus. "
                        "Eine Erzieherin ist dabei und beantwortet Fragen zu Schlaf, Essen und "
                        "Entwicklung. Eine Mitarbeiterin spricht Arabisch – neu zugezogene "
                        "Familien sind herzlich willkommen."
                    ),
                    categories=("elternbildung.eltern-kind-gruppe",),
                    ages=years(0, 3),
                    languages=("de", "ar"),
                    sessions=(weekly("WE", "09:30", "11:00", skips_school_holidays=True),),
                    how="Einfach vorbeikommen, Hausschuhe oder Stoppersocken mitbringen.",
                    checked_days_ago=91,
                    contacts=("Koordination Eltern-Kind-Zentrum",),
                ),
                OfferSpec(
                    name="Elterncafé im Eltern-Kind-Zentrum",
                    summary="Jeden Freitagnachmittag: Kaffee, Kuchen und Zeit zum Reden, "
                    "während die Kinder im Garten spielen.",
                    description=(
                        "Das Elterncafé ist offen für alle Familien, nicht nur für Kita-"
                        "Eltern. Oft ist jemand aus dem Netzwerk zu Gast – die Hebamme, die "
                        "Erziehungsberatung oder die Bibliothek – und bringt ein kleines "
                        "Thema mit. Den Kuchen backen Eltern im Wechsel."
                    ),
                    categories=("elternbildung.elterncafe",),
                    languages=("de", "ar", "uk"),
                    sessions=(weekly("FR", "14:30", "16:30"),),
                    fee="Kaffee und Kuchen gegen eine kleine Spende",
                    free=True,
                    checked_days_ago=60,
                ),
                OfferSpec(
                    name="Schulkindertreff",
                    summary="Für Kinder im letzten Kita-Jahr und ihre Eltern: Schule "
                    "spielerisch kennenlernen und Fragen loswerden.",
                    description=(
                        "Einmal im Monat kommt eine Lehrerin der Grundschule in den Treff. "
                        "Die Kinder probieren Schulranzen aus, üben den Schulweg und lernen "
                        "ihre künftigen Mitschülerinnen und Mitschüler kennen. Die Eltern "
                        "sprechen parallel mit der Lehrerin und der Hort-Leitung."
                    ),
                    categories=("uebergang.schulvorbereitung",),
                    ages=(60, 83),
                    sessions=(monthly("3TH", "15:00", "16:30"),),
                    participation="registration",
                    how="Für Kinder aller Hainichener Kitas; bitte in der eigenen Kita anmelden.",
                ),
                OfferSpec(
                    name="Erziehungsberatung vor Ort im Eltern-Kind-Zentrum",
                    summary="Eine Beraterin der Familienberatungsstelle ist einmal im Monat "
                    "im Haus – ohne Termin und ohne Formular.",
                    description=(
                        "Trotzphase, Geschwisterstreit, Sauberwerden oder die Frage, ob die "
                        "Entwicklung des eigenen Kindes normal ist: Die offene Sprechstunde "
                        "ist für kurze Fragen gedacht. Wenn mehr Zeit nötig ist, vereinbaren "
                        "Sie einen Termin in der Beratungsstelle."
                    ),
                    categories=("beratung.erziehung",),
                    ages=years(0, 7),
                    sessions=(monthly("1TU", "15:00", "17:00"),),
                    contacts=("Beratung",),
                ),
                OfferSpec(
                    name="Sommerferien-Zirkuswoche (in Planung)",
                    summary="Eine Zirkuswoche für Kita- und Hortkinder – noch in Planung.",
                    description="Entwurf: Termin, Kosten und Anmeldung werden noch geklärt.",
                    categories=("freizeit.ferien",),
                    ages=years(4, 10),
                    status="draft",
                ),
            ),
        ),
        OrganisationSpec(
            key="kita-pusteblume",
            name="Kita „Pusteblume“",
            kind="kita",
            operator="Stadt Hainichen",
            description="Städtische Kita im Wohngebiet Lindenstraße mit großem Garten.",
            places=(
                PlaceSpec(
                    "kita-pusteblume",
                    "Kita „Pusteblume“",
                    "Lindenstraße 22",
                    "hainichen",
                    wheelchair=True,
                    hours=(weekly(WORKDAYS, "06:15", "16:45"),),
                ),
            ),
            offers=(
                OfferSpec(
                    name="Kita „Pusteblume“",
                    summary="Kita mit Krippe und Kindergarten für 85 Kinder, mit Hochbeeten, "
                    "Kinderküche und eigenem Hühnerstall.",
                    description=(
                        "Gesundes Essen ist hier ein Bildungsthema: Die Kinder ernten im "
                        "Garten, kochen einmal in der Woche selbst und versorgen die Hühner. "
                        "In der Krippe werden die Kleinsten in festen Bezugsgruppen "
                        "eingewöhnt; für die Eingewöhnung planen die Erzieherinnen mit den "
                        "Eltern zwei bis drei Wochen ein."
                    ),
                    categories=("betreuung.kita",),
                    ages=years(1, 7),
                    fee=KITA_FEE,
                    participation="registration",
                    how="Anmeldung über die Stadtverwaltung; Kennenlern-Nachmittage "
                    "jeden ersten Donnerstag im Monat.",
                ),
                OfferSpec(
                    name="Offener Spielenachmittag in der Kita „Pusteblume“",
                    summary="Einmal im Monat öffnet die Kita ihren Garten und die "
                    "Spielräume für Familien aus der Nachbarschaft.",
                    description=(
                        "Eine gute Gelegenheit, die Kita vor der Anmeldung kennenzulernen. "
                        "Die Kinder spielen, die Eltern kommen mit Erzieherinnen und anderen "
                        "Familien ins Gespräch. Bei schlechtem Wetter geht es in den "
                        "Bewegungsraum."
                    ),
                    categories=("elternbildung.eltern-kind-gruppe", "freizeit.spielplatz"),
                    ages=years(1, 6),
                    sessions=(monthly("3WE", "15:30", "17:00"),),
                ),
            ),
        ),
        OrganisationSpec(
            key="kita-gaensebluemchen",
            name="Kita „Gänseblümchen“ Gersdorf",
            kind="kita",
            operator="Stadt Hainichen",
            description="Kleine Dorf-Kita mit 40 Plätzen in einem alten Bauernhaus.",
            places=(
                PlaceSpec(
                    "kita-gaensebluemchen",
                    "Kita „Gänseblümchen“",
                    "Dorfstraße 15",
                    "gersdorf",
                    hours=(weekly(WORKDAYS, "06:30", "16:30"),),
                    accessibility_notes="Zwei Stufen am Eingang, eine Rampe ist beantragt.",
                ),
            ),
            offers=(
                OfferSpec(
                    name="Kita „Gänseblümchen“",
                    summary="Familiäre Dorf-Kita in Gersdorf: altersgemischte Gruppen, "
                    "Streuobstwiese und Bauernhof gleich nebenan.",
                    description=(
                        "Weil die Kita klein ist, kennt jedes Kind jedes andere. Die Großen "
                        "helfen den Kleinen, und die Erzieherinnen kennen die Familien oft "
                        "schon seit Generationen. Die Kinder aus Gersdorf und Falkenau werden "
                        "auf Wunsch mit dem Kita-Bus gebracht."
                    ),
                    categories=("betreuung.kita",),
                    ages=years(1, 7),
                    fee=KITA_FEE,
                    participation="registration",
                    how="Anmeldung über die Stadtverwaltung oder bei der Leitung.",
                ),
            ),
        ),
        OrganisationSpec(
            key="kita-spatzennest",
            name="Naturkita „Spatzennest“ Riechberg",
            kind="kita",
            operator="Waldkinder Striegistal e. V.",
            description="Naturkita in freier Trägerschaft am Waldrand von Riechberg.",
            places=(
                PlaceSpec(
                    "kita-spatzennest",
                    "Naturkita „Spatzennest“",
                    "Am Waldrand 3",
                    "riechberg",
                    pram=False,
                    hours=(weekly(WORKDAYS, "07:00", "16:00"),),
                    accessibility_notes="Schotterweg zum Haus, der Bauwagen ist nicht "
                    "barrierefrei.",
                ),
            ),
            offers=(
                OfferSpec(
                    name="Naturkita „Spatzennest“",
                    summary="Die Kinder sind fast jeden Tag im Wald – bei jedem Wetter, mit "
                    "Bauwagen als Rückzugsort und einem festen Haus für Mittagessen und "
                    "Schlaf.",
                    description=(
                        "Im „Spatzennest“ lernen Kinder mit allen Sinnen: Sie bauen Hütten, "
                        "beobachten Käfer und lernen, Risiken selbst einzuschätzen. Die "
                        "Elterninitiative legt Wert auf Mitbestimmung; Eltern helfen bei "
                        "Arbeitseinsätzen mit. Die Kita nimmt Kinder ab zwei Jahren auf."
                    ),
                    categories=("betreuung.kita", "freizeit.spielplatz"),
                    ages=years(2, 7),
                    fee=KITA_FEE + "; dazu 10 € Vereinsbeitrag im Monat",
                    participation="registration",
                    how="Bitte zuerst einen Schnuppertag mit der Leitung vereinbaren.",
                ),
                OfferSpec(
                    name="Wald-Spielgruppe für Familien",
                    summary="Am ersten Samstag im Monat zeigen die Erzieherinnen Familien "
                    "den Wald – mit Tipi bauen, Feuer machen und Picknick.",
                    description=(
                        "Die Spielgruppe ist offen für alle Familien mit Kindern bis sechs "
                        "Jahre. Bringen Sie wetterfeste Kleidung und etwas zu trinken mit; "
                        "Stockbrot gibt es vom Verein. Treffpunkt ist der Parkplatz am "
                        "Waldrand."
                    ),
                    categories=("elternbildung.eltern-kind-gruppe", "freizeit.spielplatz"),
                    ages=years(1, 7),
                    sessions=(monthly("1SA", "10:00", "12:30"),),
                    fee="3 € pro Familie",
                ),
            ),
        ),
        OrganisationSpec(
            key="hort-schulberg",
            name="Hort am Schulberg",
            kind="hort",
            operator="Stadt Hainichen",
            description="Der städtische Hort für alle Kinder der Grundschule.",
            places=(
                PlaceSpec(
                    "hort-schulberg",
                    "Hort am Schulberg",
                    "Schulberg 4",
                    "hainichen",
                    wheelchair=True,
                    hours=(weekly(WORKDAYS, "06:00", "17:00"),),
                ),
            ),
            offers=(
                OfferSpec(
                    name="Hort am Schulberg",
                    summary="Betreuung für Grundschulkinder vor und nach dem Unterricht, mit "
                    "Hausaufgabenzeit und vielen Arbeitsgemeinschaften.",
                    description=(
                        "Der Hort liegt direkt neben der Grundschule, die Kinder wechseln "
                        "ohne Straße zwischen Schule und Hort. Nach dem Mittagessen gibt es "
                        "eine feste Hausaufgabenzeit, danach Angebote wie Töpfern, Fußball, "
                        "Theater oder Schach. Ein Kinderparlament entscheidet über die "
                        "Ferienplanung mit."
                    ),
                    categories=("betreuung.hort",),
                    ages=years(6, 10),
                    fee="Elternbeitrag nach der Satzung der Stadt",
                    participation="registration",
                    how="Anmeldung zusammen mit der Schulanmeldung.",
                ),
                OfferSpec(
                    name="Ferienbetreuung im Hort",
                    summary="In den Ferien ist der Hort ganztags geöffnet – mit Ausflügen, "
                    "Projekttagen und einer Übernachtung im Hort.",
                    description=(
                        "Das Ferienprogramm erscheint vier Wochen vor den Ferien. Für "
                        "Ausflüge kann ein kleiner Kostenbeitrag anfallen. In der zweiten "
                        "Sommerferienwoche und zwischen Weihnachten und Neujahr ist der Hort "
                        "geschlossen."
                    ),
                    categories=("freizeit.ferien", "betreuung.hort"),
                    ages=years(6, 10),
                    fee="Im Hortbeitrag enthalten, Ausflüge bis 8 €",
                    participation="registration",
                    how="Bitte bis zwei Wochen vor den Ferien im Hort anmelden.",
                ),
            ),
        ),
        OrganisationSpec(
            key="grundschule",
            name="Grundschule am Stadtpark",
            kind="school",
            operator="Stadt Hainichen",
            description="Die Grundschule für Hainichen und alle Ortsteile, zweizügig.",
            contacts=("Schulleitung", "Sekretariat"),
            places=(
                PlaceSpec(
                    "grundschule",
                    "Grundschule am Stadtpark",
                    "Schulberg 2",
                    "hainichen",
                    wheelchair=True,
                    hours=(weekly(WORKDAYS, "07:00", "14:00"),),
                    transport="Schulbus aus allen Ortsteilen, Haltestelle „Schulberg“.",
                ),
            ),
            offers=(
                OfferSpec(
                    name="Grundschule am Stadtpark",
                    summary="Grundschule für rund 250 Kinder aus der Stadt und den Ortsteilen, "
                    "mit Schulgarten und enger Zusammenarbeit mit dem Hort.",
                    description=(
                        "Die Schule legt Wert auf einen guten Start: Lehrkräfte der ersten "
                        "Klassen besuchen die Kinder schon im letzten Kita-Jahr. Es gibt "
                        "Förderunterricht in Deutsch als Zweitsprache und Ganztagsangebote "
                        "wie Chor, Schach und Schulgarten."
                    ),
                    categories=("betreuung.schule",),
                    ages=years(6, 10),
                    participation="registration",
                    how="Die Schulanmeldung erfolgt im Herbst des Vorjahres; die Stadt "
                    "schreibt alle Familien an.",
                ),
                OfferSpec(
                    name="Schnuppertag für Vorschulkinder",
                    summary="Künftige Erstklässler erleben einen Vormittag in der Schule, "
                    "die Eltern erfahren alles zur Einschulung.",
                    description=(
                        "Die Kinder besuchen eine kleine Unterrichtsstunde, frühstücken mit "
                        "den Zweitklässlern und dürfen die Turnhalle ausprobieren. Die Eltern "
                        "treffen sich parallel mit Schulleitung und Hort."
                    ),
                    categories=("uebergang.schulvorbereitung",),
                    ages=(60, 83),
                    sessions=(yearly(5, "2SA", "09:00", "12:00"),),
                    participation="registration",
                ),
                OfferSpec(
                    name="Schulsozialarbeit an der Grundschule",
                    summary="Ansprechpartnerin für Kinder, Eltern und Lehrkräfte bei Streit, "
                    "Sorgen oder Problemen zu Hause.",
                    description=(
                        "Die Schulsozialarbeiterin hat ihr Büro im Erdgeschoss. Kinder können "
                        "in den Pausen einfach anklopfen. Eltern vereinbaren am besten einen "
                        "Termin. Alles, was besprochen wird, bleibt vertraulich."
                    ),
                    categories=("beratung.erziehung",),
                    ages=years(6, 10),
                    sessions=(weekly("MO,TU,TH", "08:00", "14:00"),),
                    contacts=("Schulsozialarbeit",),
                ),
            ),
        ),
        OrganisationSpec(
            key="oberschule",
            name="Oberschule an der Striegis",
            kind="school",
            operator="Landkreis",
            description="Die weiterführende Schule in Hainichen mit Haupt- und Realschulabschluss.",
            contacts=("Schulleitung", "Sekretariat"),
            places=(
                PlaceSpec(
                    "oberschule",
                    "Oberschule an der Striegis",
                    "Frankenberger Straße 40",
                    "hainichen",
                    wheelchair=True,
                    hours=(weekly(WORKDAYS, "07:00", "15:30"),),
                ),
            ),
            offers=(
                OfferSpec(
                    name="Oberschule an der Striegis",
                    summary="Oberschule für die Klassen 5 bis 10 mit Profilen in Technik, "
                    "Gesundheit und Soziales sowie Kunst.",
                    description=(
                        "Ab Klasse 7 lernen die Jugendlichen in Praktika regionale Betriebe "
                        "kennen, darunter den großen Automobilzulieferer der Stadt. Die "
                        "Schule hat eine eigene Schülerfirma und eine Theatergruppe."
                    ),
                    categories=("betreuung.schule",),
                    ages=years(10, 17),
                    participation="registration",
                    how="Anmeldung nach der Bildungsempfehlung in Klasse 4, im Februar.",
                ),
                OfferSpec(
                    name="Schulsozialarbeit an der Oberschule",
                    summary="Beratung und Unterstützung für Schülerinnen und Schüler – bei "
                    "Mobbing, Schulfrust, Streit mit den Eltern oder Fragen zur Zukunft.",
                    description=(
                        "Der Schulsozialarbeiter ist an vier Tagen in der Schule und leitet "
                        "außerdem den Klassenrat-Workshop und die Streitschlichter-AG. Eltern "
                        "können sich jederzeit melden, auch anonym."
                    ),
                    categories=("beratung.erziehung", "freizeit.jugend"),
                    ages=years(10, 18),
                    sessions=(weekly("MO,TU,WE,TH", "07:30", "14:30"),),
                    contacts=("Schulsozialarbeit",),
                ),
                OfferSpec(
                    name="Ganztagsangebote: Robotik, Theater und Schulgarten",
                    summary="Nach dem Unterricht bieten Lehrkräfte und Vereine "
                    "Arbeitsgemeinschaften an.",
                    description=(
                        "Die Robotik-AG baut mit Lego-Bausätzen, die Theatergruppe führt "
                        "jedes Jahr ein Stück in der Aula auf. Weitere Angebote wechseln je "
                        "Halbjahr. Die Teilnahme ist freiwillig und kostenlos."
                    ),
                    categories=("betreuung.hort", "freizeit.kultur"),
                    ages=years(10, 17),
                    sessions=(weekly("TU,TH", "13:30", "15:00"),),
                    participation="registration",
                    how="Einwahl zu Beginn jedes Halbjahrs über die Klassenleitung.",
                ),
            ),
        ),
        OrganisationSpec(
            key="kindertagespflege-zwergenstube",
            name="Kindertagespflege „Zwergenstube“",
            kind="kindertagespflege",
            description="Kindertagespflegestelle in Bockendorf für bis zu fünf Kinder.",
            places=(
                PlaceSpec(
                    "zwergenstube",
                    "Kindertagespflege „Zwergenstube“",
                    "Kirchweg 6",
                    "bockendorf",
                    hours=(weekly(WORKDAYS, "07:00", "15:30"),),
                ),
            ),
            offers=(
                OfferSpec(
                    name="Kindertagespflege „Zwergenstube“",
                    summary="Betreuung für bis zu fünf Kinder unter drei Jahren in familiärer "
                    "Atmosphäre, mit Garten und Hühnern.",
                    description=(
                        "Die Tagespflegeperson ist ausgebildete Erzieherin und betreut die "
                        "Kinder in eigens eingerichteten Räumen. Der Tagesablauf ist ruhig und "
                        "überschaubar – gut für Kinder, denen eine große Kita noch zu viel "
                        "ist. Die Kosten entsprechen einem Krippenplatz."
                    ),
                    categories=("betreuung.tagespflege",),
                    ages=years(0, 3),
                    fee="Elternbeitrag wie für einen Krippenplatz",
                    participation="registration",
                    how="Vermittlung und Anmeldung über die Stadtverwaltung.",
                ),
            ),
        ),
        # --- youth work ------------------------------------------------------------------
        OrganisationSpec(
            key="jugendhilfe-striegistal",
            name="Jugendhilfe Striegistal e. V.",
            kind="youth",
            description=(
                "Der Verein betreibt den Jugendclub „Alte Schmiede“ in der Stadt und "
                "unterstützt die Jugendtreffs in Schlegel und Bockendorf. Außerdem ist die "
                "Mobile Jugendarbeit beim Verein angestellt."
            ),
            contacts=("Geschäftsführung", "Mobile Jugendarbeit"),
            places=(
                PlaceSpec(
                    "alte-schmiede",
                    "Jugendclub „Alte Schmiede“",
                    "Mühlweg 3",
                    "hainichen",
                    hours=(weekly(WORKDAYS, "14:00", "20:00"),),
                    accessibility_notes="Erdgeschoss ebenerdig, Bandraum im Keller nur über "
                    "Treppe.",
                ),
                PlaceSpec(
                    "jugendtreff-schlegel",
                    "Jugendtreff Schlegel",
                    "Am Anger 5",
                    "schlegel",
                ),
                PlaceSpec(
                    "jugendclub-bockendorf",
                    "Jugendclub Bockendorf",
                    "Hauptstraße 31",
                    "bockendorf",
                ),
                PlaceSpec(
                    "skatepark",
                    "Skatepark an der Oberschule",
                    "Frankenberger Straße 42",
                    "hainichen",
                ),
            ),
            offers=(
                OfferSpec(
                    name="Offener Treff im Jugendclub „Alte Schmiede“",
                    summary="Billard, Kicker, Musik und eine Küche zum Selberkochen – der "
                    "Treffpunkt für Jugendliche ab zwölf.",
                    description=(
                        "Hier kannst du einfach abhängen, Hausaufgaben machen oder Projekte "
                        "planen. Das Team hat immer ein offenes Ohr, auch wenn es zu Hause "
                        "oder in der Schule gerade schwierig ist. Einmal im Monat entscheidet "
                        "die Clubversammlung, was als Nächstes passiert."
                    ),
                    categories=("freizeit.jugend",),
                    ages=years(12, 21),
                    sessions=(weekly(WORKDAYS, "14:00", "20:00"),),
                ),
                OfferSpec(
                    name="Bandraum und Musikwerkstatt",
                    summary="Schlagzeug, Verstärker und ein kleines Aufnahmestudio für "
                    "Jugendliche, die Musik machen wollen.",
                    description=(
                        "Bands und Einzelne können den Raum stundenweise nutzen. Einmal in der "
                        "Woche gibt ein ehrenamtlicher Musiker Tipps zu Gitarre, Bass und "
                        "Aufnahmetechnik. Instrumente sind vorhanden."
                    ),
                    categories=("freizeit.kultur", "freizeit.jugend"),
                    ages=years(12, 27),
                    sessions=(weekly("WE", "17:00", "20:00", "Musikwerkstatt"),),
                    participation="registration",
                    how="Probenzeiten bitte im Club eintragen.",
                ),
                OfferSpec(
                    name="Ferienfahrt der „Alten Schmiede“",
                    summary="Eine Woche Zelten an der Ostsee – gemeinsam geplant, gekocht und "
                    "erlebt.",
                    description=(
                        "Die Jugendlichen planen die Fahrt ab Frühjahr selbst mit. Für "
                        "Familien mit wenig Geld gibt es Zuschüsse über Bildung und Teilhabe "
                        "oder den Verein; am Geld soll niemand scheitern."
                    ),
                    categories=("freizeit.ferien", "freizeit.jugend"),
                    ages=years(12, 18),
                    fee="120 € für die Woche, Zuschuss möglich",
                    participation="registration",
                    how="Anmeldung bis Ende April im Club.",
                ),
                OfferSpec(
                    name="Jugendtreff Schlegel",
                    summary="Der selbstverwaltete Treff für Jugendliche aus Schlegel und den "
                    "Nachbardörfern.",
                    description=(
                        "Die Jugendlichen haben den alten Konsum selbst renoviert und "
                        "verwalten den Treff mit einem Schlüsseldienst. Die Mobile "
                        "Jugendarbeit schaut jede Woche vorbei. Im Sommer wird draußen "
                        "gegrillt und Volleyball gespielt."
                    ),
                    categories=("freizeit.jugend",),
                    ages=years(12, 21),
                    at=("jugendtreff-schlegel",),
                    sessions=(
                        weekly("TU,TH", "16:00", "21:00"),
                        weekly("FR", "16:00", "22:00"),
                    ),
                ),
                OfferSpec(
                    name="Kochabend im Jugendtreff Schlegel",
                    summary="Gemeinsam einkaufen, kochen und essen – günstig und lecker.",
                    description=(
                        "Einmal im Monat wird zusammen ein Gericht ausgesucht, das wenig "
                        "kostet und satt macht. Wer will, nimmt das Rezept mit nach Hause."
                    ),
                    categories=("gesundheit.bewegung", "freizeit.jugend"),
                    ages=years(12, 21),
                    at=("jugendtreff-schlegel",),
                    sessions=(monthly("2TH", "17:00", "20:00"),),
                    fee="2 € pro Person",
                ),
                OfferSpec(
                    name="Jugendclub Bockendorf",
                    summary="Kleiner Club im ehemaligen Gemeindeamt mit Tischtennis, "
                    "Dartscheibe und Spielekonsole.",
                    description=(
                        "Der Club ist dreimal in der Woche offen und wird von zwei "
                        "ehrenamtlichen Jugendlichen betreut. Die Mobile Jugendarbeit "
                        "unterstützt bei Festen und Ausflügen."
                    ),
                    categories=("freizeit.jugend",),
                    ages=years(12, 21),
                    at=("jugendclub-bockendorf",),
                    sessions=(weekly("WE,FR", "17:00", "21:00"), weekly("SA", "15:00", "21:00")),
                ),
                OfferSpec(
                    name="Mobile Jugendarbeit Hainichen",
                    summary="Zwei Streetworker sind dort unterwegs, wo Jugendliche sich "
                    "treffen – in der Stadt und in allen Ortsteilen.",
                    description=(
                        "Die Mobile Jugendarbeit kommt zu euch: an die Bushaltestelle, auf den "
                        "Skatepark oder zum Dorfplatz. Sie hilft bei Stress mit Schule, "
                        "Ausbildung, Geld oder zu Hause und unterstützt Gruppen, die eigene "
                        "Projekte umsetzen wollen."
                    ),
                    categories=("freizeit.jugend", "beratung"),
                    ages=years(12, 27),
                    at=("alte-schmiede", "skatepark"),
                    sessions=(weekly("MO,WE,FR", "15:00", "21:00", "unterwegs"),),
                    contacts=("Mobile Jugendarbeit",),
                ),
                OfferSpec(
                    name="Beratung für junge Menschen",
                    summary="Vertrauliche Beratung zu Ausbildung, Wohnung, Schulden, Drogen "
                    "oder Streit zu Hause – ohne Termin im Jugendclub.",
                    description=(
                        "Du weißt nicht, wie es nach der Schule weitergeht, oder es gibt "
                        "Ärger mit dem Jobcenter? Die Sozialarbeiterinnen helfen beim "
                        "Ausfüllen von Anträgen, begleiten zu Ämtern und kennen die richtigen "
                        "Stellen. Du musst deinen Namen nicht sagen."
                    ),
                    categories=("beratung", "freizeit.jugend"),
                    ages=years(14, 27),
                    sessions=(weekly("TU", "14:00", "17:00"),),
                    contacts=("Mobile Jugendarbeit",),
                ),
                OfferSpec(
                    name="Skatepark-Treff",
                    summary="Im Sommer jeden Donnerstag: Skateboards und Helme zum Ausleihen, "
                    "Tipps für Anfänger.",
                    description=(
                        "Die Mobile Jugendarbeit bringt Boards und Schutzausrüstung mit. "
                        "Ältere Skater zeigen den Jüngeren die ersten Tricks. Bei Regen fällt "
                        "der Treff aus."
                    ),
                    categories=("freizeit.sport", "freizeit.jugend"),
                    ages=years(8, 18),
                    at=("skatepark",),
                    sessions=(weekly("TH", "16:00", "19:00", "Mai bis September"),),
                ),
            ),
        ),
        # --- library and family workshop ---------------------------------------------------
        OrganisationSpec(
            key="stadtbibliothek",
            name="Stadtbibliothek Hainichen",
            kind="library",
            operator="Stadt Hainichen",
            description="Die Stadtbibliothek im Kulturhaus mit Kinder- und Jugendbereich.",
            places=(
                PlaceSpec(
                    "bibliothek",
                    "Stadtbibliothek im Kulturhaus",
                    "Bahnhofstraße 18",
                    "hainichen",
                    wheelchair=True,
                    hours=(
                        weekly("TU,TH", "10:00", "18:00"),
                        weekly("WE,FR", "10:00", "16:00"),
                        weekly("SA", "09:00", "12:00"),
                    ),
                    accessibility_notes="Aufzug, Kinderbereich im Erdgeschoss mit Stillecke.",
                ),
            ),
            offers=(
                OfferSpec(
                    name="Stadtbibliothek Hainichen",
                    summary="Bücher, Hörbücher, Spiele und Tonies für alle Altersgruppen – "
                    "Kinder und Jugendliche leihen kostenlos aus.",
                    description=(
                        "Im Kinderbereich gibt es Bilderbücher, Erstlesebücher und eine Ecke "
                        "mit Sitzsäcken. Eltern finden Ratgeber zu Erziehung, Schwangerschaft "
                        "und Gesundheit. Mit dem Bibliotheksausweis können Sie auch E-Books "
                        "ausleihen."
                    ),
                    categories=("betreuung.bibliothek",),
                    fee="Kinder und Jugendliche frei, Erwachsene 12 € im Jahr",
                    free=False,
                ),
                OfferSpec(
                    name="Bücherbabys – Reime, Lieder und Fingerspiele",
                    summary="Für Babys und Kleinkinder bis drei Jahre mit ihren Eltern: "
                    "gemeinsam reimen, singen und erste Bilderbücher entdecken.",
                    description=(
                        "Sprache beginnt lange vor dem ersten Wort. In der halben Stunde "
                        "lernen Eltern Reime und Lieder, die sie zu Hause weiterspielen können. "
                        "Danach ist Zeit zum Stöbern und Ausleihen."
                    ),
                    categories=("betreuung.bibliothek", "elternbildung.eltern-kind-gruppe"),
                    ages=years(0, 3),
                    sessions=(monthly("1TH", "10:00", "10:45"),),
                ),
                OfferSpec(
                    name="Vorlesestunde für Kinder ab drei",
                    summary="Jeden Mittwochnachmittag liest jemand aus dem Vorleseteam eine "
                    "Geschichte vor, danach wird gemalt oder gebastelt.",
                    description=(
                        "Die Kinder können allein oder mit Begleitung kommen. Das Vorleseteam "
                        "besteht aus Ehrenamtlichen aller Generationen; manchmal lesen auch "
                        "Schulkinder vor."
                    ),
                    categories=("betreuung.bibliothek", "freizeit.kultur"),
                    ages=years(3, 8),
                    sessions=(weekly("WE", "15:30", "16:15"),),
                ),
                OfferSpec(
                    name="Lesepatenschaften: Jung und Alt lesen zusammen",
                    summary="Ehrenamtliche Lesepatinnen und -paten lesen einmal in der Woche "
                    "mit einem Grundschulkind.",
                    description=(
                        "Die Bibliothek bringt Kinder, die beim Lesen Unterstützung brauchen, "
                        "mit Lesepaten zusammen – viele davon im Ruhestand. Wer selbst Pate "
                        "werden möchte, meldet sich ebenfalls in der Bibliothek."
                    ),
                    categories=("generationen.begegnung", "betreuung.bibliothek"),
                    ages=years(6, 10),
                    participation="registration",
                    how="Anmeldung über die Klassenleitung oder direkt in der Bibliothek.",
                ),
                OfferSpec(
                    name="Bibliotheksführerschein für Vorschulkinder",
                    summary="Kita-Gruppen im letzten Jahr besuchen die Bibliothek dreimal und "
                    "bekommen am Ende ihren eigenen Ausweis.",
                    description=(
                        "Die Kinder lernen, wie man Bücher findet, ausleiht und zurückbringt. "
                        "Zum Abschluss gibt es eine kleine Feier mit Urkunde. Die Kitas "
                        "melden ihre Gruppen direkt bei der Bibliothek an."
                    ),
                    categories=("uebergang.schulvorbereitung", "betreuung.bibliothek"),
                    ages=(60, 83),
                    participation="registration",
                    how="Anmeldung durch die Kita.",
                ),
            ),
        ),
        OrganisationSpec(
            key="werkstatt-familie",
            name="Werkstatt Familie Hainichen",
            kind="family_centre",
            operator="Familienbildung Mittelsachsen e. V.",
            description=(
                "Die Familienwerkstatt ist Treffpunkt, Werkstatt und Bildungsort in einer "
                "alten Tuchfabrik. Hier wird gesägt, gekocht, repariert und über Erziehung "
                "gesprochen. Gemeinsam mit dem Eltern-Kind-Zentrum ist sie der Kern des "
                "Netzwerks."
            ),
            contacts=("Leitung", "Familienbildung"),
            places=(
                PlaceSpec(
                    "werkstatt-familie",
                    "Werkstatt Familie in der alten Tuchfabrik",
                    "Tuchmacherweg 6",
                    "hainichen",
                    wheelchair=True,
                    hours=(weekly("TU,WE,TH", "10:00", "18:00"), weekly("SA", "10:00", "14:00")),
                    accessibility_notes="Werkstatt und Café ebenerdig, Seminarraum im "
                    "ersten Stock mit Aufzug.",
                ),
            ),
            offers=(
                OfferSpec(
                    name="Offene Familienwerkstatt",
                    summary="Am zweiten Samstag im Monat bauen Familien gemeinsam – "
                    "Vogelhäuser, Seifenkisten oder Regale fürs Kinderzimmer.",
                    description=(
                        "Werkzeug, Holz und fachkundige Anleitung sind da. Kinder ab vier "
                        "Jahren arbeiten mit einem Erwachsenen zusammen, Ältere auch allein. "
                        "Mittags gibt es eine Suppe für alle."
                    ),
                    categories=("freizeit.werkstatt",),
                    ages=years(4, 14),
                    sessions=(monthly("2SA", "10:00", "14:00"),),
                    fee="3 € pro Familie für Material",
                ),
                OfferSpec(
                    name="Väter-Kind-Werkstatt",
                    summary="Papas, Opas und andere Bezugspersonen werkeln mit ihren Kindern "
                    "– und kommen nebenbei ins Gespräch.",
                    description=(
                        "Das Angebot ist bewusst niedrigschwellig: Man muss nichts können und "
                        "nichts vorbereiten. Viele Väter erzählen, dass sie hier andere "
                        "Väter zum ersten Mal richtig kennengelernt haben."
                    ),
                    categories=("freizeit.werkstatt", "elternbildung.eltern-kind-gruppe"),
                    ages=years(3, 12),
                    sessions=(monthly("4SA", "10:00", "13:00"),),
                    fee="3 € pro Treffen",
                ),
                OfferSpec(
                    name="Reparaturcafé",
                    summary="Kaputtes Spielzeug, Kinderwagen, Toaster oder Fahrrad? "
                    "Ehrenamtliche helfen beim Reparieren.",
                    description=(
                        "Bringen Sie den defekten Gegenstand mit, am besten mit Netzteil oder "
                        "Ersatzteil, falls vorhanden. Repariert wird gemeinsam, damit Sie es "
                        "beim nächsten Mal vielleicht selbst können. Kaffee gibt es auch."
                    ),
                    categories=("freizeit.werkstatt", "generationen.begegnung"),
                    sessions=(monthly("3TH", "16:00", "19:00"),),
                    fee="Spende erbeten",
                    free=True,
                ),
                OfferSpec(
                    name="Themenabend „Trennung und Verlust – Kinder begleiten“",
                    summary="Wie sprechen wir mit Kindern über Trennung, Tod und Abschied? "
                    "Ein Abend für Eltern und Großeltern.",
                    description=(
                        "Eine Trauerbegleiterin und eine Beraterin der Familienberatungsstelle "
                        "erklären, wie Kinder in verschiedenen Altersstufen Verluste erleben "
                        "und was ihnen hilft. Es bleibt viel Zeit für Fragen. Eine "
                        "Kinderbetreuung wird angeboten."
                    ),
                    categories=("beratung.trennung", "beratung.trauer", "elternbildung.kurse"),
                    sessions=(yearly(4, "3WE", "19:00", "21:00"),),
                    participation="registration",
                    how="Anmeldung erbeten, damit genug Stühle und Betreuung da sind.",
                ),
                OfferSpec(
                    name="Elternkurs „Gelassen durch den Familienalltag“",
                    summary="Sechs Abende für Eltern von Kindern zwischen zwei und zehn "
                    "Jahren: Grenzen setzen, ohne laut zu werden.",
                    description=(
                        "Im Kurs geht es um Regeln und Rituale, um Wut – die der Kinder und "
                        "die eigene – und um die Frage, wie Eltern gut für sich selbst sorgen. "
                        "Die Gruppe bleibt über alle Abende gleich, damit Vertrauen entstehen "
                        "kann."
                    ),
                    categories=("elternbildung.kurse",),
                    ages=years(2, 10),
                    sessions=(weekly("MO", "19:00", "21:00", "sechs Abende ab Oktober"),),
                    fee="20 € für den ganzen Kurs, ermäßigt kostenlos",
                    participation="registration",
                    how="Höchstens zwölf Teilnehmende; Anmeldung bei der Familienbildung.",
                    contacts=("Familienbildung",),
                ),
                OfferSpec(
                    name="Familienkochkurs „Schnell, gesund, günstig“",
                    summary="Eltern und Kinder kochen zusammen Gerichte, die im Alltag "
                    "schnell gehen und wenig kosten.",
                    description=(
                        "Eine Ökotrophologin zeigt, wie man mit saisonalem Gemüse, "
                        "Hülsenfrüchten und Vorratsküche abwechslungsreich kocht. Am Ende "
                        "essen alle gemeinsam. Die Rezepte gibt es zum Mitnehmen."
                    ),
                    categories=("gesundheit.bewegung", "elternbildung.kurse"),
                    ages=years(5, 14),
                    sessions=(monthly("1WE", "16:00", "18:30"),),
                    fee="5 € pro Familie",
                    participation="registration",
                ),
            ),
        ),
        # --- counselling -----------------------------------------------------------------
        OrganisationSpec(
            key="familienberatung",
            name="Familien- und Erziehungsberatungsstelle Hainichen",
            kind="counselling",
            operator="Beratungszentrum Mittelsachsen e. V.",
            description=(
                "Die Beratungsstelle berät Eltern, Kinder und Jugendliche bei Fragen zur "
                "Erziehung, in Krisen, bei Trennung und Scheidung und nach Verlusten. "
                "Außerdem gibt es hier die Schuldnerberatung und die "
                "Schwangerschaftsberatung für die Region. Die Beratung ist kostenlos und "
                "vertraulich; die Mitarbeitenden unterliegen der Schweigepflicht."
            ),
            contacts=("Leitung", "Beratung", "Sekretariat"),
            places=(
                PlaceSpec(
                    "beratungsstelle",
                    "Beratungsstelle am Markt",
                    "Am Markt 9",
                    "hainichen",
                    wheelchair=True,
                    hours=(
                        weekly("MO,TU,TH", "08:00", "18:00"),
                        weekly("WE,FR", "08:00", "14:00"),
                    ),
                    accessibility_notes="Aufzug vorhanden; Gespräche auf Wunsch auch zu Hause.",
                ),
            ),
            offers=(
                OfferSpec(
                    name="Erziehungs- und Familienberatung",
                    summary="Kostenlose, vertrauliche Beratung für Eltern, Kinder und "
                    "Jugendliche bei Fragen und Sorgen im Familienalltag.",
                    description=(
                        "Ob Ihr Kind nicht schlafen will, sich in der Schule zurückzieht oder "
                        "es zu Hause ständig kracht: Sie können allein, als Paar oder mit der "
                        "ganzen Familie kommen. Jugendliche dürfen sich auch ohne ihre Eltern "
                        "melden. Die erste Sprechstunde gibt es meist innerhalb von zwei "
                        "Wochen."
                    ),
                    categories=("beratung.erziehung",),
                    ages=years(0, 27),
                    participation="referral",
                    how="Termin telefonisch oder per E-Mail vereinbaren; keine Überweisung nötig.",
                    languages=("de", "en"),
                    contacts=("Beratung",),
                ),
                OfferSpec(
                    name="Beratung bei Trennung und Scheidung",
                    summary="Unterstützung für Eltern, die sich trennen: Umgang, Sorgerecht "
                    "und wie Kinder gut durch die Trennung kommen.",
                    description=(
                        "Die Beraterinnen helfen, tragfähige Absprachen zum Umgang zu finden, "
                        "und begleiten auf Wunsch gemeinsame Elterngespräche. Sie erklären "
                        "auch, was das Familiengericht erwartet. Kinder und Jugendliche "
                        "bekommen eigene Gesprächstermine."
                    ),
                    categories=("beratung.trennung",),
                    participation="referral",
                    how="Bitte rufen Sie an; Termine auch am frühen Abend.",
                    contacts=("Beratung",),
                    checked_days_ago=120,
                ),
                OfferSpec(
                    name="Trauerbegleitung für Kinder und Familien",
                    summary="Wenn ein Elternteil, ein Geschwisterkind oder die Oma stirbt: "
                    "Gespräche und eine Kindergruppe für trauernde Familien.",
                    description=(
                        "Kinder trauern anders als Erwachsene – manchmal in Pfützen statt in "
                        "Seen. Die Trauerbegleiterin berät Eltern, wie sie ihr Kind "
                        "unterstützen können, und leitet eine kleine Gruppe für Kinder im "
                        "Grundschulalter. Auch nach einer Fehl- oder Totgeburt sind Sie hier "
                        "willkommen."
                    ),
                    categories=("beratung.trauer",),
                    participation="referral",
                    sessions=(monthly("2WE,4WE", "16:00", "17:30", "Kindergruppe"),),
                    how="Ein erstes Gespräch vereinbaren Sie telefonisch.",
                    contacts=("Trauerbegleitung",),
                ),
                OfferSpec(
                    name="Schuldnerberatung für Familien",
                    summary="Hilfe, wenn die Rechnungen über den Kopf wachsen: Überblick "
                    "verschaffen, mit Gläubigern verhandeln, Pfändungsschutz sichern.",
                    description=(
                        "Bringen Sie zum ersten Termin alle Briefe mit, auch die ungeöffneten. "
                        "Die Beraterin prüft, welche Forderungen berechtigt sind, hilft beim "
                        "P-Konto und beim Haushaltsplan und begleitet bei Bedarf durch die "
                        "Verbraucherinsolvenz. Die Beratung ist kostenlos."
                    ),
                    categories=("beratung.schulden",),
                    participation="referral",
                    sessions=(weekly("TH", "14:00", "17:00", "offene Sprechstunde"),),
                    how="Offene Sprechstunde donnerstags, sonst Termin nach Vereinbarung.",
                    contacts=("Schuldnerberatung",),
                ),
                OfferSpec(
                    name="Schreibaby-Sprechstunde",
                    summary="Ihr Baby weint viel und lässt sich kaum beruhigen? Beratung für "
                    "erschöpfte Eltern – schnell und ohne Wartezeit.",
                    description=(
                        "Eine Familienberaterin mit Zusatzausbildung in Eltern-Säuglings-"
                        "Beratung schaut mit Ihnen auf Schlaf, Tagesablauf und Signale Ihres "
                        "Babys. Wenn es Ihnen zu viel wird, rufen Sie an – auch wenn es "
                        "„nur“ eine Frage ist. Gemeinsam mit der Hebamme und der "
                        "Kinderärztin wird geklärt, was Ihrem Kind und Ihnen hilft."
                    ),
                    categories=("beratung.erziehung", "schwangerschaft.fruehe-hilfen"),
                    ages=(0, 17),
                    participation="referral",
                    how="Telefonisch melden; in dringenden Fällen noch in derselben Woche.",
                    contacts=("Beratung",),
                ),
                OfferSpec(
                    name="Online-Beratung für Eltern und Jugendliche",
                    summary="Schreiben statt sprechen: vertrauliche Beratung per "
                    "verschlüsseltem Chat und Nachricht.",
                    description=(
                        "Manchen fällt es leichter, ein Problem aufzuschreiben. Über das "
                        "Beratungsportal antworten die Fachkräfte innerhalb von zwei "
                        "Werktagen. Sie brauchen nur einen selbst gewählten Spitznamen."
                    ),
                    categories=("beratung.erziehung",),
                    ages=years(12, 27),
                    online=True,
                    place_note="Online, die Beraterinnen sitzen in der Beratungsstelle.",
                    # The offer's own session (no place): the live chat.
                    sessions=(weekly("TU", "18:00", "20:00", "Live-Chat", at=OWN),),
                ),
                OfferSpec(
                    name="Kindergruppe „Stark bleiben“ für Kinder getrennter Eltern",
                    summary="Acht Treffen für Kinder von sechs bis zwölf Jahren, deren "
                    "Eltern sich getrennt haben.",
                    description=(
                        "In der Gruppe merken Kinder, dass sie nicht allein sind. Sie spielen, "
                        "malen und reden über Gefühle wie Wut, Traurigkeit und Loyalität. Die "
                        "Eltern treffen sich zweimal zu einem begleitenden Elternabend."
                    ),
                    categories=("beratung.trennung",),
                    ages=years(6, 12),
                    sessions=(weekly("MO", "15:30", "17:00", "acht Termine ab Februar"),),
                    participation="registration",
                    contacts=("Beratung",),
                ),
                OfferSpec(
                    name="Schwangerschafts- und Schwangerschaftskonfliktberatung",
                    summary="Beratung zu allen Fragen rund um Schwangerschaft, finanzielle "
                    "Hilfen und – wenn Sie es wünschen – zum Schwangerschaftsabbruch.",
                    description=(
                        "Die Beraterin informiert über Mutterschutz, Elterngeld und Hilfen "
                        "der Bundesstiftung Mutter und Kind und hilft bei den Anträgen. Die "
                        "Konfliktberatung nach § 219 StGB ist ergebnisoffen; den "
                        "Beratungsschein bekommen Sie am Ende des Gesprächs."
                    ),
                    categories=("schwangerschaft.beratung", "finanzen.leistungen"),
                    pregnancy=True,
                    participation="referral",
                    languages=("de", "en", "ru"),
                    how="Termine innerhalb weniger Tage, auf Wunsch anonym.",
                    contacts=("Schwangerschaftsberatung",),
                ),
            ),
        ),
        OrganisationSpec(
            key="familienzentrum-regenbogen",
            name="Familienzentrum „Regenbogen“",
            kind="family_centre",
            operator="Familienhilfe Mittelsachsen e. V.",
            description=(
                "Das Familienzentrum ist ein offenes Haus für alle Generationen mit Café, "
                "Spielzimmer und Beratungsräumen. Es gehört zu den Gründungsmitgliedern des "
                "Netzwerks."
            ),
            contacts=("Leitung", "Sozialpädagogik"),
            places=(
                PlaceSpec(
                    "familienzentrum",
                    "Familienzentrum „Regenbogen“",
                    "Gartenstraße 7",
                    "hainichen",
                    wheelchair=True,
                    hours=(weekly("MO,TU,WE,TH", "09:00", "17:00"), weekly("FR", "09:00", "13:00")),
                    accessibility_notes="Rampe am Seiteneingang, Wickeltisch, "
                    "Kinderwagen-Stellplatz.",
                ),
            ),
            offers=(
                OfferSpec(
                    name="Offener Treff im Familienzentrum „Regenbogen“",
                    summary="Das Spielzimmer und das Café stehen allen Familien offen – "
                    "einfach reinkommen, spielen, ausruhen.",
                    description=(
                        "Das Team ist da, wenn Sie eine Frage haben oder jemanden zum Reden "
                        "brauchen, und vermittelt bei Bedarf weiter. Der Treff ist auch ein "
                        "guter Ort, um neu in Hainichen Anschluss zu finden."
                    ),
                    categories=("elternbildung.familienzentrum",),
                    sessions=(weekly("MO,TU,WE,TH", "09:00", "12:00"),),
                    languages=("de", "en", "ru"),
                ),
                OfferSpec(
                    name="Elterncafé „Kaffeeklatsch“",
                    summary="Jeden Dienstagvormittag: Frühstück, Austausch und ein "
                    "Spielbereich für die Kleinen.",
                    description=(
                        "Das Elterncafé ist seit Jahren ein fester Treffpunkt für Mütter und "
                        "Väter in Elternzeit. Manchmal gibt es ein Thema – etwa Beikost, "
                        "Zahnpflege oder Kita-Anmeldung –, oft wird einfach erzählt."
                    ),
                    categories=("elternbildung.elterncafe",),
                    ages=years(0, 3),
                    sessions=(weekly("TU", "09:00", "11:00"),),
                    fee="Frühstück 2 €",
                    free=False,
                ),
                OfferSpec(
                    name="Babymassage-Kurs",
                    summary="Fünf Treffen für Eltern mit Babys zwischen sechs Wochen und "
                    "sechs Monaten.",
                    description=(
                        "Sanfte Berührung tut Babys gut und hilft manchen bei Bauchweh. Die "
                        "Kursleiterin zeigt die Griffe Schritt für Schritt. Bitte ein großes "
                        "Handtuch und ein Fläschchen Pflanzenöl mitbringen."
                    ),
                    categories=("elternbildung.kurse",),
                    ages=(1, 6),
                    sessions=(weekly("TH", "10:00", "11:00", "fünf Termine"),),
                    fee="25 € für fünf Termine",
                    participation="registration",
                ),
                OfferSpec(
                    name="Familienfrühstück am Samstag",
                    summary="Am letzten Samstag im Monat frühstücken Familien gemeinsam – "
                    "jeder bringt etwas mit.",
                    description=(
                        "Besonders Väter, Großeltern und berufstätige Eltern kommen gern, weil "
                        "sie unter der Woche keine Zeit haben. Für die Kinder gibt es ein "
                        "Bastelangebot."
                    ),
                    categories=("elternbildung.elterncafe", "generationen.begegnung"),
                    sessions=(monthly("-1SA", "09:30", "11:30"),),
                ),
                OfferSpec(
                    name="Deutsch-Café für zugewanderte Familien",
                    summary="Deutsch üben im Gespräch, Fragen zu Kita, Schule und Ämtern "
                    "klären – die Kinder spielen nebenan.",
                    description=(
                        "Ehrenamtliche sprechen mit Ihnen über Alltagsthemen, erklären Briefe "
                        "und helfen beim Ausfüllen von Formularen. Im Team gibt es "
                        "Menschen, die Arabisch, Ukrainisch, Russisch, Farsi und Türkisch "
                        "sprechen. "
                        "Alle Sprachniveaus sind willkommen."
                    ),
                    categories=("beratung.migration",),
                    languages=("de", "ar", "uk", "ru", "fa", "tr"),
                    sessions=(weekly("WE", "15:00", "17:00"),),
                    checked_days_ago=50,
                ),
                OfferSpec(
                    name="Kinderkleiderbörse",
                    summary="Zweimal im Jahr: gut erhaltene Kinderkleidung, Spielzeug und "
                    "Kinderwagen kaufen und verkaufen.",
                    description=(
                        "Verkäuferinnen und Verkäufer bekommen eine Nummer und bringen ihre "
                        "Sachen am Vorabend. Zehn Prozent des Erlöses gehen an das "
                        "Familienzentrum. Schwangere dürfen eine halbe Stunde früher "
                        "einkaufen."
                    ),
                    categories=("finanzen.tafel",),
                    sessions=(
                        yearly(3, "1SA", "09:00", "12:00", "Frühjahrsbörse"),
                        yearly(9, "2SA", "09:00", "12:00", "Herbstbörse"),
                    ),
                ),
                OfferSpec(
                    name="Treff für Alleinerziehende",
                    summary="Austausch, Entlastung und praktische Tipps für Mütter und Väter, "
                    "die ihre Kinder allein großziehen.",
                    description=(
                        "Die Kinder werden währenddessen betreut. Einmal im Quartal kommt eine "
                        "Expertin, etwa zu Unterhalt, Wohngeld oder Urlaub mit wenig Geld."
                    ),
                    categories=("elternbildung.elterncafe", "beratung.trennung"),
                    sessions=(monthly("2TH", "17:00", "19:00"),),
                ),
                OfferSpec(
                    name="Beratung zu Elterngeld, Kindergeld und Kinderzuschlag",
                    summary="Welche Leistungen stehen Ihrer Familie zu? Hilfe beim Ausfüllen "
                    "der Anträge.",
                    description=(
                        "Viele Familien bekommen weniger, als ihnen zusteht, weil Anträge "
                        "kompliziert sind. Die Sozialpädagogin prüft mit Ihnen Elterngeld, "
                        "Kindergeld, Kinderzuschlag, Wohngeld und Bildung und Teilhabe. "
                        "Bringen Sie Einkommensnachweise und Bescheide mit."
                    ),
                    categories=("finanzen.leistungen", "finanzen.but"),
                    sessions=(weekly("MO", "13:00", "16:00"),),
                    participation="registration",
                    languages=("de", "de-x-ls", "ru"),
                    contacts=("Sozialpädagogik",),
                ),
            ),
        ),
        # --- churches ---------------------------------------------------------------------
        OrganisationSpec(
            key="ev-kirchgemeinde",
            name="Evangelische Kirchgemeinde am Markt",
            kind="church",
            description="Evangelisch-lutherische Gemeinde mit Kirche am Markt und "
            "Gemeindehaus; zur Gemeinde gehören auch die Dorfkirchen in den Ortsteilen.",
            contacts=("Pfarramt", "Gemeindepädagogik"),
            places=(
                PlaceSpec(
                    "gemeindehaus",
                    "Evangelisches Gemeindehaus",
                    "Kirchplatz 3",
                    "hainichen",
                    wheelchair=True,
                ),
                PlaceSpec(
                    "dorfkirche-bockendorf",
                    "Dorfkirche Bockendorf",
                    "Kirchweg 1",
                    "bockendorf",
                    pram=False,
                ),
            ),
            offers=(
                OfferSpec(
                    name="Krabbelgottesdienst",
                    summary="Ein kurzer Gottesdienst für die Kleinsten mit Liedern, "
                    "Bewegung und einer biblischen Geschichte zum Anfassen.",
                    description=(
                        "Die Feier dauert eine halbe Stunde, niemand muss still sitzen. "
                        "Danach gibt es Saft und Kekse im Gemeindehaus. Familien jeder "
                        "Konfession und ohne Konfession sind willkommen."
                    ),
                    categories=("freizeit.kirche",),
                    ages=years(0, 4),
                    sessions=(monthly("1SU", "10:00", "10:30"),),
                ),
                OfferSpec(
                    name="Christenlehre für Grundschulkinder",
                    summary="Singen, spielen, basteln und biblische Geschichten – jede Woche "
                    "für Kinder der ersten bis vierten Klasse.",
                    description=(
                        "Die Gemeindepädagogin holt die Kinder auf Wunsch vom Hort ab. In "
                        "Bockendorf trifft sich eine zweite Gruppe in der Dorfkirche."
                    ),
                    categories=("freizeit.kirche",),
                    ages=years(6, 10),
                    at=("gemeindehaus", "dorfkirche-bockendorf"),
                    sessions=(
                        weekly("TU", "15:00", "16:00"),
                        weekly("TH", "15:30", "16:30", at="dorfkirche-bockendorf"),
                    ),
                    contacts=("Gemeindepädagogik",),
                ),
                OfferSpec(
                    name="Junge Gemeinde",
                    summary="Der Treff für Jugendliche ab 14 – mit Abendessen, Gesprächen "
                    "und Ausflügen.",
                    description=(
                        "Die Junge Gemeinde plant ihr Programm selbst: Filmabende, "
                        "Diskussionen, Rüstzeiten und Sommerfahrten. Mitmachen kann jede und "
                        "jeder, auch ohne Taufe."
                    ),
                    categories=("freizeit.kirche", "freizeit.jugend"),
                    ages=years(14, 21),
                    sessions=(weekly("FR", "18:30", "21:30"),),
                ),
                OfferSpec(
                    name="Kinderchor „Kirchenmäuse“",
                    summary="Chor für Kinder von fünf bis zwölf Jahren, mit Auftritten im "
                    "Gottesdienst und beim Weihnachtsmarkt.",
                    description=(
                        "Gesungen wird alles von Kinderliedern bis zum kleinen Musical. Noten "
                        "lesen muss niemand können. Die Kantorin übt in zwei Altersgruppen."
                    ),
                    categories=("freizeit.kultur", "freizeit.kirche"),
                    ages=years(5, 12),
                    sessions=(weekly("WE", "16:00", "17:00"),),
                ),
            ),
        ),
        OrganisationSpec(
            key="kath-pfarrei",
            name="Katholische Pfarrgemeinde St. Josef",
            kind="church",
            description="Katholische Gemeinde mit Kirche und Pfarrhaus an der Oststraße.",
            contacts=("Pfarrbüro",),
            places=(PlaceSpec("pfarrhaus", "Pfarrhaus St. Josef", "Oststraße 30", "hainichen"),),
            offers=(
                OfferSpec(
                    name="Eltern-Kind-Kreis im Pfarrhaus",
                    summary="Offene Spielgruppe für Eltern mit Kindern bis vier Jahre, "
                    "jeden Donnerstagvormittag.",
                    description=(
                        "Im großen Saal des Pfarrhauses gibt es Spielzeug, eine Kuschelecke "
                        "und Kaffee. Die Gruppe wird von zwei Müttern aus der Gemeinde "
                        "geleitet und steht allen Familien offen."
                    ),
                    categories=("elternbildung.eltern-kind-gruppe",),
                    ages=years(0, 4),
                    sessions=(weekly("TH", "09:30", "11:30"),),
                    languages=("de", "pl"),
                ),
                OfferSpec(
                    name="Familiengottesdienst mit Kinderprogramm",
                    summary="Einmal im Monat feiern Familien zusammen Gottesdienst; die "
                    "Kinder haben ihren eigenen Teil im Pfarrhaus.",
                    description=(
                        "Nach dem Gottesdienst gibt es ein Kirchencafé, zu dem alle "
                        "eingeladen sind. Im Sommer findet der Gottesdienst manchmal im "
                        "Garten statt."
                    ),
                    categories=("freizeit.kirche",),
                    ages=years(3, 12),
                    sessions=(monthly("3SU", "10:30", "11:45"),),
                ),
                OfferSpec(
                    name="Kinderbibeltage in den Herbstferien",
                    summary="Drei Tage mit Geschichten, Theater, Spielen und Mittagessen für "
                    "Kinder von sechs bis zwölf.",
                    description=(
                        "Die Kinderbibeltage organisieren beide Kirchgemeinden gemeinsam. Am "
                        "letzten Tag führen die Kinder ihr Theaterstück für die Familien auf."
                    ),
                    categories=("freizeit.ferien", "freizeit.kirche"),
                    ages=years(6, 12),
                    fee="10 € für drei Tage inklusive Mittagessen",
                    participation="registration",
                ),
            ),
        ),
        # --- clubs ------------------------------------------------------------------------
        OrganisationSpec(
            key="sv-striegistal",
            name="SV Striegistal Hainichen e. V.",
            kind="club",
            description="Mehrspartenverein mit Turnen, Fußball, Tischtennis und Leichtathletik.",
            contacts=("Jugendwart", "Vorstand"),
            places=(
                PlaceSpec(
                    "sporthalle",
                    "Sporthalle an der Oberschule",
                    "Frankenberger Straße 44",
                    "hainichen",
                    wheelchair=True,
                ),
                PlaceSpec(
                    "sportplatz", "Sportplatz an der Striegis", "Am Sportplatz 1", "hainichen"
                ),
            ),
            offers=(
                OfferSpec(
                    name="Eltern-Kind-Turnen",
                    summary="Klettern, balancieren, rollen: Bewegungslandschaft für Kinder "
                    "von anderthalb bis vier Jahren mit einem Elternteil.",
                    description=(
                        "Jede Woche bauen die Übungsleiterinnen eine neue Landschaft aus "
                        "Kästen, Matten und Bänken auf. Die Eltern turnen mit und bekommen "
                        "Anregungen, wie sie Bewegung in den Alltag bringen."
                    ),
                    categories=("freizeit.sport", "elternbildung.eltern-kind-gruppe"),
                    ages=(18, 47),
                    sessions=(weekly("MO", "16:00", "17:00"),),
                    fee="Vereinsbeitrag 5 € im Monat, zwei Schnupperstunden kostenlos",
                ),
                OfferSpec(
                    name="Kinderturnen für Vier- bis Sechsjährige",
                    summary="Spiele, Geräteturnen und erste Übungen aus der Leichtathletik.",
                    description=(
                        "Die Kinder turnen ohne Eltern in kleinen Gruppen. Im Sommer geht es "
                        "auch auf den Sportplatz zum Laufen und Werfen."
                    ),
                    categories=("freizeit.sport",),
                    ages=years(4, 7),
                    sessions=(weekly("MO", "17:00", "18:00"),),
                    fee="5 € im Monat",
                ),
                OfferSpec(
                    name="Bambini-Fußball",
                    summary="Fußball für Jungen und Mädchen ab vier Jahren – Spaß am Ball "
                    "steht vor Tabellen.",
                    description=(
                        "Trainiert wird auf dem Kleinfeld, im Winter in der Halle. Fußballschuhe "
                        "sind am Anfang nicht nötig, Turnschuhe reichen."
                    ),
                    categories=("freizeit.sport",),
                    ages=years(4, 7),
                    at=("sportplatz",),
                    sessions=(weekly("WE", "16:30", "17:30"),),
                    fee="5 € im Monat",
                ),
                OfferSpec(
                    name="Tischtennis für Kinder und Jugendliche",
                    summary="Training für Anfänger und Fortgeschrittene ab acht Jahren.",
                    description=(
                        "Schläger können ausgeliehen werden. Wer möchte, spielt später in "
                        "einer Jugendmannschaft im Kreis mit."
                    ),
                    categories=("freizeit.sport",),
                    ages=years(8, 18),
                    sessions=(weekly("TU,FR", "17:00", "18:30"),),
                    fee="6 € im Monat",
                ),
            ),
        ),
        OrganisationSpec(
            key="reitverein-eulendorf",
            name="Reit- und Fahrverein Eulendorf e. V.",
            kind="club",
            description="Kleiner Reitverein auf einem Dreiseithof in Eulendorf.",
            contacts=("Jugendwartin",),
            places=(
                PlaceSpec(
                    "reiterhof",
                    "Reiterhof Eulendorf",
                    "Am Eulenbach 8",
                    "eulendorf",
                    pram=False,
                ),
            ),
            offers=(
                OfferSpec(
                    name="Ponyreiten und Pferdepflege für Kinder",
                    summary="Kinder ab vier Jahren lernen Ponys kennen, putzen, führen und reiten.",
                    description=(
                        "Im Vordergrund steht der Umgang mit dem Tier, nicht die Technik. "
                        "Ein Helm wird gestellt. Bitte feste Schuhe und lange Hosen anziehen."
                    ),
                    categories=("freizeit.sport",),
                    ages=years(4, 12),
                    sessions=(weekly("SA", "10:00", "12:00"),),
                    fee="8 € pro Termin",
                    participation="registration",
                ),
                OfferSpec(
                    name="Ferien auf dem Reiterhof",
                    summary="Eine Woche Tagesbetreuung mit Pferden in den Sommerferien.",
                    description=(
                        "Die Kinder versorgen die Pferde, reiten jeden Tag und lernen die "
                        "Arbeit auf dem Hof kennen. Mittagessen gibt es vom Hof."
                    ),
                    categories=("freizeit.ferien", "freizeit.sport"),
                    ages=years(7, 14),
                    fee="150 € pro Woche, Zuschuss über Bildung und Teilhabe möglich",
                    participation="registration",
                ),
            ),
        ),
        OrganisationSpec(
            key="feuerwehr-cunnersdorf",
            name="Freiwillige Feuerwehr Cunnersdorf – Kinder- und Jugendfeuerwehr",
            kind="club",
            description="Die Ortswehr Cunnersdorf mit Kinder- und Jugendfeuerwehr.",
            contacts=("Jugendfeuerwehrwart",),
            places=(
                PlaceSpec("geraetehaus", "Gerätehaus Cunnersdorf", "Dorfstraße 40", "cunnersdorf"),
            ),
            offers=(
                OfferSpec(
                    name="Kinderfeuerwehr „Löschzwerge“",
                    summary="Für Kinder von sechs bis zehn: Erste Hilfe, Brandschutz und "
                    "viel Spiel im Gerätehaus.",
                    description=(
                        "Die Löschzwerge lernen, wie man einen Notruf absetzt, was bei Feuer "
                        "zu tun ist und wie ein Feuerwehrauto von innen aussieht. Dazu gibt "
                        "es Ausflüge und im Sommer ein Zeltlager."
                    ),
                    categories=("freizeit.jugend",),
                    ages=years(6, 10),
                    sessions=(monthly("1FR,3FR", "16:30", "18:00"),),
                ),
                OfferSpec(
                    name="Jugendfeuerwehr",
                    summary="Technik, Teamgeist und Wettkämpfe für Jugendliche von zehn bis "
                    "sechzehn.",
                    description=(
                        "Die Jugendfeuerwehr übt mit echter Ausrüstung und nimmt an "
                        "Kreiswettkämpfen teil. Mit 16 ist der Wechsel in die aktive Wehr "
                        "möglich."
                    ),
                    categories=("freizeit.jugend",),
                    ages=years(10, 17),
                    sessions=(weekly("FR", "18:00", "20:00"),),
                ),
            ),
        ),
        OrganisationSpec(
            key="musikschule",
            name="Musikschule Striegistal – Unterrichtsort Hainichen",
            kind="club",
            description="Musikschule in freier Trägerschaft mit Unterricht im Kulturhaus.",
            contacts=("Sekretariat",),
            places=(
                PlaceSpec(
                    "kulturhaus",
                    "Kulturhaus, Musikräume",
                    "Bahnhofstraße 20",
                    "hainichen",
                    wheelchair=True,
                ),
            ),
            offers=(
                OfferSpec(
                    name="Musikalische Früherziehung",
                    summary="Singen, tanzen und erste Instrumente ausprobieren – für Kinder "
                    "von vier bis sechs Jahren.",
                    description=(
                        "In kleinen Gruppen lernen die Kinder Rhythmus, Melodie und "
                        "verschiedene Instrumente kennen. Am Ende des zweiten Jahres dürfen "
                        "sie im Instrumentenkarussell ihr Lieblingsinstrument finden."
                    ),
                    categories=("freizeit.kultur",),
                    ages=years(4, 7),
                    sessions=(weekly("TH", "15:00", "15:45"),),
                    fee="28 € im Monat, Sozialermäßigung möglich",
                    participation="registration",
                ),
                OfferSpec(
                    name="Eltern-Kind-Musizieren",
                    summary="Für Kinder von einem bis drei Jahren mit ihren Eltern: Lieder, "
                    "Kniereiter und Klanginstrumente.",
                    description=(
                        "Die Stunde ist ruhig aufgebaut und wiederholt viele Lieder, damit "
                        "die Kinder mitsingen können. Eltern bekommen ein Liederheft für "
                        "zu Hause."
                    ),
                    categories=("freizeit.kultur", "elternbildung.eltern-kind-gruppe"),
                    ages=years(1, 3),
                    sessions=(weekly("TH", "10:00", "10:45"),),
                    fee="45 € für zehn Termine",
                    participation="registration",
                ),
            ),
        ),
        # --- company ----------------------------------------------------------------------
        OrganisationSpec(
            key="striegis-automotive",
            name="Striegis Automotive GmbH",
            kind="company",
            description=(
                "Automobilzulieferer und größter Arbeitgeber der Stadt. Das Unternehmen ist "
                "Partner im Netzwerk und unterstützt die Vereinbarkeit von Familie und Beruf."
            ),
            contacts=("Personalabteilung", "Sozialberatung"),
            places=(
                PlaceSpec(
                    "werk",
                    "Werk Hainichen, Verwaltungsgebäude",
                    "Industriestraße 40",
                    "hainichen",
                    wheelchair=True,
                ),
            ),
            offers=(
                OfferSpec(
                    name="Ferienbetreuung für Kinder von Beschäftigten",
                    summary="In den Sommer- und Herbstferien betreut ein Team Kinder der "
                    "Beschäftigten auf dem Werksgelände – mit Ausflügen und Werkstatttag.",
                    description=(
                        "Die Ferienbetreuung läuft zwei Wochen im Sommer und eine Woche im "
                        "Herbst, jeweils von 7 bis 16 Uhr. Die Kinder lernen auch die "
                        "Lehrwerkstatt kennen. Freie Plätze gehen an Familien aus Hainichen."
                    ),
                    categories=("freizeit.ferien",),
                    ages=years(6, 12),
                    fee="40 € pro Woche",
                    participation="registration",
                    how="Für Kinder von Beschäftigten; Restplätze über die Personalabteilung.",
                    contacts=("Personalabteilung",),
                ),
                OfferSpec(
                    name="Eltern-Kind-Büro für Betreuungsnotfälle",
                    summary="Wenn die Kita geschlossen hat: ein Büro mit Spielecke, in dem "
                    "Beschäftigte mit Kind arbeiten können.",
                    description=(
                        "Das Zimmer hat zwei Arbeitsplätze, eine Spielecke und eine "
                        "Schlafmöglichkeit. Es wird tageweise über das Intranet gebucht."
                    ),
                    categories=("betreuung",),
                    ages=years(0, 12),
                    participation="registration",
                    how="Nur für Beschäftigte.",
                ),
                OfferSpec(
                    name="Sozialberatung für Beschäftigte und ihre Familien",
                    summary="Vertrauliche Beratung bei Pflege von Angehörigen, "
                    "Kinderbetreuung, Schulden oder Krisen.",
                    description=(
                        "Die Sozialberaterin ist zwei Tage in der Woche im Werk und vermittelt "
                        "an Beratungsstellen in der Region. Die Gespräche bleiben "
                        "vertraulich, auch gegenüber Vorgesetzten."
                    ),
                    categories=("generationen.pflege", "beratung"),
                    sessions=(weekly("TU,TH", "08:00", "15:00"),),
                    contacts=("Sozialberatung",),
                ),
            ),
        ),
        # --- health -----------------------------------------------------------------------
        OrganisationSpec(
            key="hebammenpraxis-storchennest",
            name="Hebammenpraxis „Storchennest“",
            kind="health",
            description="Gemeinschaftspraxis von drei Hebammen für Hainichen und Umgebung.",
            contacts=("Hebamme",),
            places=(
                PlaceSpec(
                    "storchennest",
                    "Hebammenpraxis „Storchennest“",
                    "Rosenweg 4",
                    "hainichen",
                    wheelchair=True,
                    hours=(weekly("MO,WE", "09:00", "12:00"), weekly("MO", "14:00", "17:00")),
                ),
            ),
            offers=(
                OfferSpec(
                    name="Hebammensprechstunde",
                    summary="Beratung in der Schwangerschaft und im Wochenbett, "
                    "Vorsorgeuntersuchungen und Hausbesuche nach der Geburt.",
                    description=(
                        "Melden Sie sich am besten früh in der Schwangerschaft, denn die "
                        "Plätze für die Wochenbettbetreuung sind begehrt. Die Hebammen kommen "
                        "nach der Geburt zu Ihnen nach Hause, auch in die Ortsteile. Die "
                        "Kosten übernimmt die Krankenkasse."
                    ),
                    categories=("schwangerschaft.hebamme",),
                    pregnancy=True,
                    ages=(0, 11),
                    sessions=(weekly("MO", "14:00", "17:00", "offene Sprechstunde"),),
                    fee="Leistung der Krankenkasse",
                    free=True,
                    languages=("de", "en"),
                    checked_days_ago=30,
                ),
                OfferSpec(
                    name="Geburtsvorbereitungskurs",
                    summary="Sieben Abende zu Geburt, Atmung, Wochenbett und den ersten "
                    "Wochen mit Baby – Partnerinnen und Partner sind willkommen.",
                    description=(
                        "Der Kurs beginnt etwa in der 30. Schwangerschaftswoche. Ein Abend ist "
                        "für Partner und Partnerinnen reserviert. Für Mehrgebärende gibt es "
                        "einen kompakten Wochenendkurs."
                    ),
                    categories=("schwangerschaft.hebamme",),
                    pregnancy=True,
                    sessions=(weekly("TU", "18:30", "20:30", "sieben Abende"),),
                    fee="Für Schwangere zahlt die Krankenkasse, Partner:in 60 €",
                    free=False,
                    participation="registration",
                ),
                OfferSpec(
                    name="Rückbildungskurs mit Baby",
                    summary="Beckenboden, Bauch und Rücken stärken – die Babys sind dabei.",
                    description=(
                        "Der Kurs beginnt frühestens sechs Wochen nach der Geburt. Die Babys "
                        "liegen auf Decken neben ihren Müttern; wenn eines weint, wird "
                        "gestillt oder getröstet."
                    ),
                    categories=("schwangerschaft.hebamme", "gesundheit.bewegung"),
                    ages=(1, 9),
                    sessions=(weekly("WE", "10:00", "11:00", "acht Termine"),),
                    fee="Leistung der Krankenkasse",
                    free=True,
                    participation="registration",
                ),
                OfferSpec(
                    name="Stillcafé",
                    summary="Offener Treff für Stillende und Mütter, die mit der Flasche "
                    "füttern – mit Hebamme, ohne Anmeldung.",
                    description=(
                        "Ob wunde Brustwarzen, Zufüttern oder Beikost: Eine Hebamme beantwortet "
                        "Fragen, und die Mütter unterstützen sich gegenseitig. Jede "
                        "Ernährungsform ist hier willkommen."
                    ),
                    categories=("schwangerschaft.hebamme", "elternbildung.elterncafe"),
                    ages=(0, 11),
                    sessions=(weekly("TH", "10:00", "11:30"),),
                    at=("familienzentrum",),
                ),
            ),
        ),
        OrganisationSpec(
            key="fruehe-hilfen",
            name="Netzwerk Frühe Hilfen – Familienhebammen für Hainichen",
            kind="health",
            operator="Landkreis, Koordinierungsstelle Frühe Hilfen",
            description=(
                "Familienhebammen und Familien-Gesundheits- und Kinderkrankenpflegerinnen "
                "begleiten Familien, die in Schwangerschaft und im ersten Lebensjahr mehr "
                "Unterstützung brauchen."
            ),
            contacts=("Familienhebamme", "Koordination Frühe Hilfen"),
            offers=(
                OfferSpec(
                    name="Familienhebamme – Begleitung im ersten Lebensjahr",
                    summary="Eine Familienhebamme besucht Sie zu Hause, regelmäßig bis zum "
                    "ersten Geburtstag Ihres Kindes – kostenlos.",
                    description=(
                        "Die Familienhebamme hilft bei allem, was mit einem Baby neu und "
                        "manchmal schwer ist: Schlafen, Füttern, Weinen, Arzttermine, "
                        "Behördengänge. Das Angebot ist freiwillig und richtet sich besonders "
                        "an sehr junge Eltern, Alleinerziehende, Familien mit Frühgeborenen "
                        "oder Eltern, denen alles zu viel wird."
                    ),
                    categories=("schwangerschaft.fruehe-hilfen", "schwangerschaft.hebamme"),
                    pregnancy=True,
                    ages=(0, 11),
                    participation="referral",
                    at=("familienzentrum",),
                    how="Melden Sie sich selbst oder über Ihre Hebamme, Kinderärztin oder "
                    "Beratungsstelle.",
                    languages=("de", "ru"),
                    place_note="Hausbesuche; Sprechstunde im Familienzentrum nach Vereinbarung.",
                ),
            ),
        ),
        OrganisationSpec(
            key="kinderarztpraxis",
            name="Kinderarztpraxis am Markt",
            kind="health",
            description="Kinder- und jugendärztliche Gemeinschaftspraxis.",
            contacts=("Praxisteam",),
            places=(
                PlaceSpec(
                    "kinderarztpraxis",
                    "Kinderarztpraxis am Markt",
                    "Am Markt 12",
                    "hainichen",
                    wheelchair=True,
                    hours=(
                        weekly(WORKDAYS, "08:00", "12:00"),
                        weekly("MO,TU,TH", "14:00", "17:00"),
                    ),
                ),
            ),
            offers=(
                OfferSpec(
                    name="Kinderärztliche Praxis am Markt",
                    summary="Vorsorgeuntersuchungen, Impfungen und Behandlung kranker Kinder "
                    "und Jugendlicher.",
                    description=(
                        "Für die U-Untersuchungen und Impfungen vergibt die Praxis Termine; "
                        "kranke Kinder kommen in die Akutsprechstunde am Vormittag. Es gibt "
                        "ein getrenntes Wartezimmer für Kinder mit Fieber."
                    ),
                    categories=("gesundheit.kinderarzt",),
                    ages=years(0, 18),
                    participation="referral",
                    how="Termine telefonisch; Akutsprechstunde täglich 8 bis 10 Uhr.",
                ),
            ),
        ),
        OrganisationSpec(
            key="fruehfoerderstelle",
            name="Interdisziplinäre Frühförderstelle Striegistal",
            kind="health",
            operator="Lebenshilfe Striegistal e. V.",
            description="Heilpädagogik, Logopädie, Ergo- und Physiotherapie unter einem "
            "Dach für Kinder bis zum Schuleintritt.",
            contacts=("Leitung", "Erstberatung"),
            places=(
                PlaceSpec(
                    "fruehfoerderstelle",
                    "Frühförderstelle",
                    "Friedensstraße 14",
                    "hainichen",
                    wheelchair=True,
                ),
            ),
            offers=(
                OfferSpec(
                    name="Frühförderung für Kinder bis zum Schuleintritt",
                    summary="Förderung und Therapie für Kinder, die sich langsamer entwickeln "
                    "oder eine Behinderung haben – auch zu Hause oder in der Kita.",
                    description=(
                        "Am Anfang steht ein offenes Erstgespräch, für das Sie keine "
                        "Überweisung brauchen. Danach planen Fachkräfte aus Heilpädagogik und "
                        "Therapie gemeinsam mit Ihnen die Förderung. Die Kosten tragen "
                        "Krankenkasse und Sozialhilfeträger."
                    ),
                    categories=("gesundheit.therapie",),
                    ages=years(0, 7),
                    participation="referral",
                    how="Erstgespräch telefonisch vereinbaren.",
                    contacts=("Erstberatung",),
                ),
                OfferSpec(
                    name="Offene Beratung zur kindlichen Entwicklung",
                    summary="Sie fragen sich, ob Ihr Kind altersgerecht spricht, läuft oder "
                    "spielt? Kommen Sie ohne Termin vorbei.",
                    description=(
                        "Eine Heilpädagogin nimmt sich eine halbe Stunde Zeit, schaut auf Ihr "
                        "Kind und sagt Ihnen ehrlich, ob weitere Schritte sinnvoll sind."
                    ),
                    categories=("gesundheit.therapie", "beratung.erziehung"),
                    ages=years(0, 7),
                    sessions=(monthly("2WE", "14:00", "17:00"),),
                ),
            ),
        ),
        # --- public authority and other services -----------------------------------------
        OrganisationSpec(
            key="jugendamt-aussenstelle",
            name="Jugendamt des Landkreises – Außensprechstunde Hainichen",
            kind="public_authority",
            description=(
                "Der Allgemeine Soziale Dienst (ASD) und weitere Sachgebiete des Jugendamts "
                "bieten regelmäßig Sprechstunden im Rathaus an, damit Familien nicht in die "
                "Kreisstadt fahren müssen."
            ),
            contacts=("Allgemeiner Sozialer Dienst", "Beistandschaften"),
            offers=(
                OfferSpec(
                    name="Außensprechstunde des Allgemeinen Sozialen Dienstes",
                    summary="Beratung und Hilfe zur Erziehung vom Jugendamt – einmal im Monat "
                    "im Rathaus Hainichen.",
                    description=(
                        "Der ASD berät Familien in schwierigen Situationen und klärt, welche "
                        "Hilfen passen, etwa eine Familienhelferin oder eine Erziehungshilfe. "
                        "Das Jugendamt ist für Sie da, nicht gegen Sie: Die meisten Hilfen "
                        "beginnen, weil Eltern selbst fragen."
                    ),
                    categories=("beratung.jugendamt",),
                    at=("rathaus",),
                    sessions=(
                        monthly("2TH", "09:00", "12:00"),
                        monthly("2TH", "13:00", "16:00"),
                    ),
                    participation="open",
                    how="Ohne Termin; für längere Gespräche bitte vorher anrufen.",
                    contacts=("Allgemeiner Sozialer Dienst",),
                    checked_days_ago=200,
                ),
                OfferSpec(
                    name="Beistandschaft und Unterhaltsvorschuss – Beratung",
                    summary="Hilfe für Alleinerziehende bei Vaterschaft, Unterhalt und beim "
                    "Antrag auf Unterhaltsvorschuss.",
                    description=(
                        "Das Jugendamt kann als Beistand Unterhalt für Ihr Kind berechnen und "
                        "durchsetzen. Zahlt der andere Elternteil nicht, hilft der "
                        "Unterhaltsvorschuss. Bringen Sie Geburtsurkunde, Ausweis und "
                        "vorhandene Unterhaltstitel mit."
                    ),
                    categories=("finanzen.leistungen", "beratung.trennung"),
                    at=("rathaus",),
                    sessions=(monthly("4TU", "09:00", "12:00"),),
                    participation="registration",
                    contacts=("Beistandschaften",),
                ),
                OfferSpec(
                    name="Bildung und Teilhabe – Hilfe beim Antrag",
                    summary="Zuschüsse für Schulbedarf, Klassenfahrten, Mittagessen, "
                    "Nachhilfe und Vereinsbeiträge.",
                    description=(
                        "Familien, die Bürgergeld, Wohngeld, Kinderzuschlag oder Sozialhilfe "
                        "bekommen, haben Anspruch auf Leistungen für Bildung und Teilhabe. In "
                        "der Sprechstunde wird der Antrag gemeinsam ausgefüllt."
                    ),
                    categories=("finanzen.but",),
                    ages=years(0, 25),
                    at=("rathaus",),
                    sessions=(monthly("4TU", "13:00", "15:00"),),
                    languages=("de", "de-x-ls"),
                ),
                OfferSpec(
                    name="Kinderschutz: Hinweise und Beratung beim Jugendamt",
                    summary="Sie machen sich Sorgen um ein Kind? Das Jugendamt nimmt "
                    "Hinweise entgegen und berät – auch anonym.",
                    description=(
                        "Fachkräfte des Jugendamts prüfen jeden Hinweis auf eine Gefährdung "
                        "des Kindeswohls. Außerhalb der Dienstzeiten erreichen Sie den "
                        "Bereitschaftsdienst über die Rettungsleitstelle. Bei akuter Gefahr "
                        "wählen Sie 110."
                    ),
                    categories=("notfall.kinderschutz",),
                    at=("rathaus",),
                    how="Telefonisch, auch anonym. Außerhalb der Dienstzeit über die "
                    "Rettungsleitstelle.",
                    contacts=("Allgemeiner Sozialer Dienst",),
                    checked_days_ago=35,
                ),
            ),
        ),
        OrganisationSpec(
            key="migrationsberatung",
            name="Migrationsberatung Mittelsachsen – Außenstelle Hainichen",
            kind="counselling",
            description="Beratung für zugewanderte Erwachsene und ihre Familien.",
            contacts=("Migrationsberatung",),
            offers=(
                OfferSpec(
                    name="Migrationsberatung für Erwachsene",
                    summary="Beratung zu Aufenthalt, Sprachkursen, Arbeit, Wohnen und "
                    "Familiennachzug – mit Dolmetschenden.",
                    description=(
                        "Die Beraterinnen sprechen Arabisch, Russisch und Englisch; für "
                        "Ukrainisch, Farsi und Türkisch werden Sprachmittlerinnen dazugeholt. "
                        "Bringen Sie bitte Ihre Dokumente und Briefe mit."
                    ),
                    categories=("beratung.migration",),
                    at=("familienzentrum",),
                    languages=("de", "ar", "ru", "en", "uk", "fa", "tr"),
                    sessions=(weekly("WE", "09:00", "13:00"),),
                    participation="open",
                    how="Offene Sprechstunde mittwochs; sonst Termin nach Vereinbarung.",
                ),
            ),
        ),
        OrganisationSpec(
            key="suchtberatung",
            name="Suchtberatung Mittelsachsen – Außensprechstunde",
            kind="counselling",
            description="Beratung für Menschen mit Suchtproblemen und ihre Angehörigen.",
            contacts=("Beratung",),
            offers=(
                OfferSpec(
                    name="Suchtberatung für Eltern und Angehörige",
                    summary="Vertrauliche Beratung bei Problemen mit Alkohol, Medikamenten, "
                    "Drogen, Glücksspiel oder Medien – auch für Angehörige.",
                    description=(
                        "Kinder aus Familien mit Suchtproblemen brauchen besondere "
                        "Aufmerksamkeit. Die Beraterin hilft Eltern, erste Schritte zu gehen, "
                        "und vermittelt in Selbsthilfegruppen und Therapie."
                    ),
                    categories=("beratung.sucht",),
                    at=("beratungsstelle",),
                    sessions=(monthly("1WE,3WE", "13:00", "17:00"),),
                    participation="referral",
                ),
            ),
        ),
        OrganisationSpec(
            key="tafel",
            name="Tafel Hainichen",
            kind="other",
            operator="Tafel Mittelsachsen e. V.",
            description="Lebensmittelausgabe für Menschen mit geringem Einkommen.",
            contacts=("Ausgabestelle",),
            places=(
                PlaceSpec(
                    "tafel",
                    "Tafel-Ausgabestelle",
                    "Bergstraße 9",
                    "hainichen",
                    hours=(weekly("TU,FR", "12:00", "15:00"),),
                ),
            ),
            offers=(
                OfferSpec(
                    name="Lebensmittelausgabe der Tafel",
                    summary="Zweimal in der Woche Obst, Gemüse, Brot und mehr für Haushalte "
                    "mit wenig Geld.",
                    description=(
                        "Sie brauchen einen Tafel-Ausweis, den Sie mit Ihrem Bescheid "
                        "(Bürgergeld, Grundsicherung, Wohngeld, Kinderzuschlag oder "
                        "Asylbewerberleistungen) bei der Ausgabestelle bekommen. Familien mit "
                        "kleinen Kindern werden bevorzugt bedient."
                    ),
                    categories=("finanzen.tafel",),
                    sessions=(weekly("TU,FR", "12:00", "15:00"),),
                    fee="2 € pro Einkauf",
                    participation="registration",
                ),
            ),
        ),
        OrganisationSpec(
            key="begegnungsstaette",
            name="Begegnungsstätte „Lindenhof“",
            kind="other",
            operator="Volkshilfe Mittelsachsen e. V.",
            description="Seniorenbegegnungsstätte mit Angeboten für Jung und Alt.",
            contacts=("Leitung",),
            places=(
                PlaceSpec(
                    "lindenhof",
                    "Begegnungsstätte „Lindenhof“",
                    "Lindenstraße 40",
                    "hainichen",
                    wheelchair=True,
                ),
            ),
            offers=(
                OfferSpec(
                    name="Leihgroßeltern – Zeit schenken",
                    summary="Ältere Menschen übernehmen regelmäßig Zeit mit einem Kind, "
                    "dessen Großeltern weit weg wohnen.",
                    description=(
                        "Die Begegnungsstätte bringt Familien und Leihgroßeltern zusammen und "
                        "begleitet das erste Kennenlernen. Vorlesen, Spielplatz, Backen – was "
                        "gemeinsam passiert, entscheiden die Beteiligten."
                    ),
                    categories=("generationen.begegnung",),
                    ages=years(0, 10),
                    participation="registration",
                ),
                OfferSpec(
                    name="Beratung für pflegende Angehörige",
                    summary="Eltern, die zugleich Angehörige pflegen, bekommen hier Rat zu "
                    "Pflegegrad, Entlastung und Auszeiten.",
                    description=(
                        "Die Pflegeberaterin erklärt, welche Leistungen der Pflegekasse "
                        "infrage kommen, und hilft bei Anträgen. Auf Wunsch kommt sie nach "
                        "Hause."
                    ),
                    categories=("generationen.pflege",),
                    sessions=(monthly("1TH", "14:00", "17:00"),),
                    participation="referral",
                ),
                OfferSpec(
                    name="Generationen-Spielenachmittag",
                    summary="Brettspiele, Kuchen und Geschichten: Kinder und Senioren "
                    "spielen zusammen.",
                    description=(
                        "Die Hortkinder kommen einmal im Monat in den Lindenhof. Familien aus "
                        "der Nachbarschaft sind ebenfalls eingeladen."
                    ),
                    categories=("generationen.begegnung",),
                    ages=years(5, 12),
                    sessions=(monthly("2WE", "15:00", "17:00"),),
                    status="draft",
                ),
            ),
        ),
        emergency_numbers(
            key="notrufe",
            place="rathaus",
            where="im Bürgerbüro im Rathaus, in den Kitas und in der Hebammenpraxis",
        ),
    ]


ALLIANCE = AllianceSpec(
    slug="hainichen",
    name="Netzwerk Familie Hainichen (Demo)",
    region="Hainichen, Landkreis Mittelsachsen (Sachsen)",
    about=(
        "Demo-Daten: Dieses Bündnis ist ein Beispiel. Es ist der Kleinstadt Hainichen mit "
        "ihren neun Ortsteilen nachempfunden, aber alle Einrichtungen, Angebote, "
        "Adressen, Telefonnummern und E-Mail-Adressen sind erfunden. Echt sind nur die "
        "Namen der Ortsteile sowie die bundesweiten Notrufnummern und Hilfetelefone.\n\n"
        "Im Netzwerk arbeiten Kitas, Hort, Schulen, Beratungsstellen, Kirchgemeinden, "
        "Vereine, Betriebe und die Stadtverwaltung zusammen, damit Familien in Hainichen "
        "alles finden, was sie brauchen. „Es braucht ein ganzes Dorf, um ein Kind zu "
        "erziehen.“"
    ),
    latitude=50.9700,
    longitude=13.1250,
    map_zoom=13,
    city="Hainichen",
    phone_prefix="037207",
    email_domain="hainichen.example.org",
    districts=DISTRICTS,
    organisations=organisations,
    bounding_box=(50.90, 13.04, 51.02, 13.22),
)
