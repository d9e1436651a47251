"""Demo alliance "prohlis": a city district modelled on Dresden-Prohlis.

Modelled on the alliance for healthy growing-up in the seed text: 14 Kitas, a Kinder- und
Familienzentrum, the social services (ASD), the children's and youth medical service, family
midwives, the counselling centre, open youth work, school social work and the district round
table – with the "Familienkalender", the "Erste-Hilfe-Box für Eltern", the district rally
for pre-school children and the district map. The sub-areas carry real names, their centre
coordinates are approximate; every institution, address, person, phone number and e-mail
address is invented.
"""

from __future__ import annotations

import random

from .common import emergency_numbers
from .types import (
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

KITA_FEE = "Elternbeitrag nach der Satzung der Stadt, Ermäßigung auf Antrag"

DISTRICTS = (
    DistrictSpec("prohlis-nord", "Prohlis-Nord", 51.0045, 13.7985, "01239", kind="stadtteil"),
    DistrictSpec("prohlis-sued", "Prohlis-Süd", 50.9960, 13.8015, "01239", kind="stadtteil"),
    DistrictSpec("reick", "Reick", 51.0185, 13.7835, "01237", kind="stadtteil"),
    DistrictSpec("niedersedlitz", "Niedersedlitz", 50.9950, 13.8290, "01259", kind="stadtteil"),
    DistrictSpec("lockwitz", "Lockwitz", 50.9835, 13.8180, "01257", kind="stadtteil"),
    DistrictSpec(
        "leubnitz-neuostra", "Leubnitz-Neuostra", 51.0140, 13.7625, "01219", kind="stadtteil"
    ),
    DistrictSpec("strehlen", "Strehlen", 51.0290, 13.7700, "01219", kind="stadtteil"),
)


def _kita(
    *,
    key: str,
    name: str,
    street: str,
    district: str,
    operator: str,
    summary: str,
    description: str,
    ages: tuple[int, int] = years(0, 7),
    languages: tuple[str, ...] = ("de",),
    opens: str = "06:00",
    closes: str = "17:00",
    wheelchair: bool = True,
    how: str = "Anmeldung über die zentrale Platzvergabe der Stadt; Besichtigung nach "
    "Absprache mit der Leitung.",
    more: tuple[OfferSpec, ...] = (),
) -> OrganisationSpec:
    return OrganisationSpec(
        key=key,
        name=name,
        kind="kita",
        operator=operator,
        description=f"Kita im Stadtteil, Träger: {operator}. Teil des Bündnisses.",
        contacts=("Leitung", "Kita-Sozialarbeit"),
        places=(
            PlaceSpec(
                key,
                name,
                street,
                district,
                wheelchair=wheelchair,
                hours=(weekly(WORKDAYS, opens, closes),),
            ),
        ),
        offers=(
            OfferSpec(
                name=name,
                summary=summary,
                description=description,
                categories=("betreuung.kita",),
                ages=ages,
                languages=languages,
                fee=KITA_FEE,
                participation="registration",
                how=how,
            ),
            *more,
        ),
    )


def _kitas() -> list[OrganisationSpec]:
    public = "Städtischer Kita-Eigenbetrieb"
    return [
        _kita(
            key="kita-kunterbunt",
            name="Kita „Kunterbunt“",
            street="Am Geberbach 12",
            district="prohlis-nord",
            operator=public,
            summary="Große Kita mit 180 Plätzen zwischen den Hochhäusern, mit "
            "Bewegungsbaustelle und Kinderrestaurant.",
            description=(
                "Die Kinder wählen im offenen Konzept selbst, ob sie im Atelier, in der "
                "Bauecke oder im Garten spielen. Das Kinderrestaurant ist ab 11 Uhr geöffnet; "
                "die Großen decken selbst auf. Eine Kita-Sozialarbeiterin ist an drei Tagen "
                "im Haus und hilft Eltern bei Anträgen und Fragen."
            ),
            languages=("de", "ar", "ru"),
            more=(
                OfferSpec(
                    name="Elterncafé in der Kita „Kunterbunt“",
                    summary="Jeden Montag nach dem Bringen: Kaffee, Gespräche und Infos "
                    "aus dem Stadtteil.",
                    description=(
                        "Das Elterncafé ist der Ort, an dem viele Familien zum ersten Mal vom "
                        "Familienkalender, der Tafel oder der Erziehungsberatung hören. Die "
                        "Kita-Sozialarbeiterin ist immer dabei. Wer möchte, bringt etwas zum "
                        "Frühstück mit."
                    ),
                    categories=("elternbildung.elterncafe",),
                    ages=years(0, 7),
                    languages=("de", "ar", "ru"),
                    sessions=(weekly("MO", "08:00", "09:30"),),
                    contacts=("Kita-Sozialarbeit",),
                ),
            ),
        ),
        _kita(
            key="kita-wirbelwind",
            name="Kita „Wirbelwind“",
            street="Lilienweg 3",
            district="prohlis-nord",
            operator="Kinderwelt Elbtal e. V.",
            summary="Bewegungskita mit eigener Turnhalle und wöchentlichem Schwimmen "
            "für die Vorschulkinder.",
            description=(
                "Jeden Tag gibt es eine Bewegungszeit, auch bei Regen. Die Kita arbeitet mit "
                "dem Sportverein im Stadtteil zusammen und hat das Siegel einer "
                "bewegungsfreundlichen Einrichtung. Für die Krippenkinder gibt es einen "
                "eigenen, ruhigeren Gartenbereich."
            ),
        ),
        _kita(
            key="kita-sternschnuppe",
            name="Kita „Sternschnuppe“",
            street="Heidelbeerweg 8",
            district="prohlis-nord",
            operator=public,
            summary="Sprach-Kita: Alltagsintegrierte Sprachbildung für Kinder mit "
            "Deutsch als erster und zweiter Sprache.",
            description=(
                "In der „Sternschnuppe“ wachsen Kinder aus über 15 Herkunftsländern auf. "
                "Sprache lernen sie hier beim Spielen, Vorlesen und Erzählen – nicht in "
                "Extra-Stunden. Elternbriefe gibt es in mehreren Sprachen, und für "
                "Gespräche werden Sprachmittlerinnen organisiert."
            ),
            languages=("de", "ar", "uk", "ru", "fa", "vi"),
            more=(
                OfferSpec(
                    name="Spielgruppe „Sprachspatzen“ für Familien ohne Kita-Platz",
                    summary="Für Kinder von zwei bis vier Jahren, die noch keinen Kita-Platz "
                    "haben: spielen, singen, Deutsch hören – mit Mama oder Papa.",
                    description=(
                        "Die Spielgruppe bereitet Kinder und Eltern auf die Kita vor. Eine "
                        "Erzieherin und eine Sprachmittlerin für Arabisch und Ukrainisch "
                        "begleiten die Gruppe. Die Eltern erfahren nebenbei, wie die Kita-"
                        "Anmeldung funktioniert."
                    ),
                    categories=("elternbildung.eltern-kind-gruppe", "beratung.migration"),
                    ages=years(2, 4),
                    languages=("de", "ar", "uk"),
                    sessions=(weekly("TU,TH", "15:00", "16:30"),),
                    checked_days_ago=70,
                ),
            ),
        ),
        _kita(
            key="kita-regenbogenland",
            name="Kita „Regenbogenland“",
            street="Am Prohliser Park 21",
            district="prohlis-sued",
            operator=public,
            summary="Kita am Park mit großem Außengelände, Hochbeeten und Kita-Sozialarbeit.",
            description=(
                "Das „Regenbogenland“ nutzt den Park nebenan als zweiten Garten. Die "
                "Kita-Sozialarbeiterin berät Eltern jeden Mittwochnachmittag – zu "
                "Bildung-und-Teilhabe-Anträgen, Behördenpost oder Sorgen im "
                "Familienalltag."
            ),
            languages=("de", "ru"),
            more=(
                OfferSpec(
                    name="Sprechstunde der Kita-Sozialarbeit",
                    summary="Hilfe bei Anträgen, Briefen und Sorgen – für Eltern aller Kitas "
                    "im Stadtteil.",
                    description=(
                        "Die Kita-Sozialarbeiterin kennt die Beratungsstellen, die Ämter und "
                        "den Allgemeinen Sozialen Dienst und begleitet auf Wunsch zum ersten "
                        "Termin. Alles bleibt vertraulich."
                    ),
                    categories=("beratung.erziehung", "finanzen.leistungen"),
                    languages=("de", "ru"),
                    sessions=(weekly("WE", "14:00", "16:30"),),
                    contacts=("Kita-Sozialarbeit",),
                ),
            ),
        ),
        _kita(
            key="kita-kleine-strolche",
            name="Kita „Kleine Strolche“",
            street="Kiefernstraße 14",
            district="prohlis-sued",
            operator="Kinderwelt Elbtal e. V.",
            summary="Kleine Kita mit 60 Plätzen und Schwerpunkt Natur und Umwelt.",
            description=(
                "Die Strolche sind viel im Grünen unterwegs: am Geberbach, im Park und auf dem "
                "Bauernhof in Lockwitz. Im Garten gibt es eine Matschküche und ein "
                "Insektenhotel, das die Kinder selbst gebaut haben."
            ),
            ages=years(1, 7),
        ),
        _kita(
            key="kita-weltentdecker",
            name="Kita „Weltentdecker“",
            street="Am Jägerpark 2",
            district="prohlis-sued",
            operator="Interkulturelle Kinderhäuser Dresden gGmbH",
            summary="Interkulturelle Kita, in der Erzieherinnen und Erzieher Deutsch, "
            "Arabisch, Ukrainisch und Russisch sprechen.",
            description=(
                "Jede Sprache der Kinder ist hier willkommen und sichtbar: in Liedern, "
                "Büchern und an der Begrüßungswand. Feste aus verschiedenen Kulturen gehören "
                "zum Jahreslauf. Eltern können im Kita-Alltag hospitieren."
            ),
            languages=("de", "ar", "uk", "ru"),
            more=(
                OfferSpec(
                    name="Mehrsprachige Vorlesestunde der Kita „Weltentdecker“",
                    summary="Eltern lesen in ihrer Sprache vor – Arabisch, Ukrainisch, "
                    "Russisch, Deutsch und was sonst gesprochen wird.",
                    description=(
                        "Einmal im Monat öffnet die Kita ihre Bibliothek für Familien aus dem "
                        "Stadtteil. Dieselbe Geschichte wird in zwei oder drei Sprachen "
                        "gelesen; die Kinder erkennen die Bilder wieder und erzählen mit."
                    ),
                    categories=("betreuung.bibliothek", "freizeit.kultur"),
                    ages=years(2, 8),
                    languages=("de", "ar", "uk", "ru"),
                    sessions=(monthly("2TH", "15:30", "16:30"),),
                ),
            ),
        ),
        _kita(
            key="kita-abenteuerland",
            name="Kita „Abenteuerland“",
            street="Reicker Straße 60",
            district="reick",
            operator="Kita-Verbund Dresden-Süd gGmbH",
            summary="Kita mit Werkstatt, Forscherraum und einem eigenen Waldtag pro Woche.",
            description=(
                "Im Forscherraum experimentieren die Kinder mit Wasser, Magneten und Licht. "
                "Donnerstags geht eine Gruppe in den nahen Wald. Die Kita nimmt Kinder ab "
                "einem Jahr auf und begleitet die Eingewöhnung nach dem Berliner Modell."
            ),
            ages=years(1, 7),
            more=(
                OfferSpec(
                    name="Krabbelgruppe für Familien aus Reick",
                    summary="Offene Eltern-Kind-Gruppe für Babys und Kleinkinder bis drei "
                    "Jahre, jeden Freitag in der Kita.",
                    description=(
                        "Die Gruppe trifft sich im Bewegungsraum. Eltern lernen andere "
                        "Familien aus der Nachbarschaft kennen; eine Erzieherin gibt "
                        "Anregungen für Spiel und Sprache."
                    ),
                    categories=("elternbildung.eltern-kind-gruppe",),
                    ages=years(0, 3),
                    sessions=(weekly("FR", "09:30", "11:00"),),
                ),
            ),
        ),
        _kita(
            key="kita-zauberwald",
            name="Kita „Zauberwald“",
            street="Am Reicker Wäldchen 5",
            district="reick",
            operator=public,
            summary="Kita mit Krippe, Kindergarten und einem Schwerpunkt auf Musik.",
            description=(
                "Jede Gruppe singt jeden Morgen, und die Musikpädagogin der Kita kommt "
                "zweimal in der Woche. Im Sommer gibt der Kita-Chor ein Konzert im "
                "Stadtteilladen."
            ),
            opens="06:30",
        ),
        _kita(
            key="kita-lokomotive",
            name="Kita „Lokomotive“",
            street="Am Bahnhof 7",
            district="niedersedlitz",
            operator="Kita-Verbund Dresden-Süd gGmbH",
            summary="Kita in einem früheren Bahngebäude mit großem Garten und Bauwagen.",
            description=(
                "Die Kinder lieben die vorbeifahrenden Züge. Die Kita arbeitet "
                "situationsorientiert: Was die Kinder beschäftigt, wird zum Projekt – "
                "zuletzt eine ganze Eisenbahnlandschaft aus Kartons."
            ),
            wheelchair=False,
        ),
        _kita(
            key="kita-entdeckerhaus",
            name="Kita „Entdeckerhaus“",
            street="Schulweg 2",
            district="niedersedlitz",
            operator=public,
            summary="Integrative Kita mit heilpädagogischer Gruppe und Therapieraum.",
            description=(
                "Kinder mit und ohne Behinderung lernen hier gemeinsam. Logopädie und "
                "Ergotherapie finden direkt in der Kita statt, damit Eltern keine "
                "zusätzlichen Termine wahrnehmen müssen."
            ),
        ),
        _kita(
            key="kita-am-lockwitzbach",
            name="Kita „Am Lockwitzbach“",
            street="Lockwitzgrund 11",
            district="lockwitz",
            operator="Evangelisches Kita-Werk Dresden-Süd",
            summary="Evangelische Kita am Bach, mit Bauerngarten und religionspädagogischem "
            "Angebot für alle Kinder.",
            description=(
                "Die Kinder feiern die Feste im Kirchenjahr und lernen biblische "
                "Geschichten kennen; Familien jeder Religion und ohne Religion sind "
                "willkommen. Der Bach direkt hinter dem Haus ist im Sommer der liebste "
                "Spielort."
            ),
            ages=years(1, 7),
            wheelchair=False,
        ),
        _kita(
            key="kita-apfelbaeumchen",
            name="Kita „Apfelbäumchen“",
            street="Altleubnitz 9",
            district="leubnitz-neuostra",
            operator=public,
            summary="Kita im alten Dorfkern von Leubnitz mit Streuobstwiese.",
            description=(
                "Jeden Herbst pressen die Kinder Saft aus den eigenen Äpfeln. Die Kita "
                "ist klein und familiär; Eltern helfen beim jährlichen Gartentag mit."
            ),
            opens="06:30",
            closes="16:30",
        ),
        _kita(
            key="kita-villa-sonnenschein",
            name="Kita „Villa Sonnenschein“",
            street="Teichstraße 4",
            district="strehlen",
            operator="Kinderwelt Elbtal e. V.",
            summary="Kita in einer Gründerzeitvilla mit Montessori-Material und "
            "altersgemischten Gruppen.",
            description=(
                "Die Kinder arbeiten mit Montessori-Material in ihrem eigenen Tempo. In der "
                "Villa gibt es viele kleine Räume, in denen man sich auch mal zurückziehen "
                "kann. Die Kita nimmt Kinder ab drei Jahren auf."
            ),
            ages=years(3, 7),
            wheelchair=False,
        ),
        _kita(
            key="kita-pfiffikus",
            name="Kita „Pfiffikus“",
            street="Wasastraße 30",
            district="strehlen",
            operator=public,
            summary="Kita mit Schwerpunkt Gesundheit: täglich frisch gekocht, viel "
            "Bewegung, Zahnputzprojekt.",
            description=(
                "Die Kita kocht selbst und bezieht Gemüse aus der Region. Mit dem Kinder- "
                "und Jugendärztlichen Dienst gibt es jedes Jahr einen Gesundheitstag für "
                "Kinder und Eltern."
            ),
            ages=years(1, 7),
        ),
    ]


def organisations(rng: random.Random) -> list[OrganisationSpec]:
    return [
        # --- the alliance and the district -----------------------------------------------
        OrganisationSpec(
            key="buendnis",
            name="Bündnis Gesund aufwachsen in Prohlis",
            kind="other",
            description=(
                "„Keine Kita, kein Familienzentrum, kein Kindertreff kann die komplexen "
                "Problemlagen der Kinder und Familien allein lösen!“ Im Bündnis arbeiten 14 "
                "Kitas, Grundschulen, der Allgemeine Soziale Dienst, der Kinder- und "
                "Jugendärztliche Dienst, Familienhebammen, die Beratungsstelle, die offene "
                "Kinder- und Jugendarbeit und die Stadtteilrunde zusammen."
            ),
            contacts=("Netzwerkkoordination",),
            places=(
                PlaceSpec(
                    "stadtteilladen",
                    "Stadtteilladen Prohlis",
                    "Am Prohliser Park 1",
                    "prohlis-nord",
                    wheelchair=True,
                    hours=(weekly("MO,TU,TH", "10:00", "18:00"), weekly("FR", "10:00", "14:00")),
                    transport="Straßenbahn und Bus bis „Prohlis Zentrum“.",
                ),
            ),
            offers=(
                OfferSpec(
                    name="Erste-Hilfe-Box für Eltern",
                    summary="Eine Box mit Notrufnummern, Anlaufstellen im Stadtteil und "
                    "praktischen Tipps – entwickelt mit Eltern aus Prohlis.",
                    description=(
                        "In der Box stecken Karten für alle Notfälle: Notruf, "
                        "Bereitschaftsdienst, Giftnotruf, Kinderschutz, Beratung bei "
                        "Trennung oder Schulden und die Familienhebammen. Die Karten gibt es "
                        "auf Deutsch, Arabisch, Ukrainisch, Russisch und in Leichter "
                        "Sprache. Alle Kitas und der Stadtteilladen geben die Box kostenlos "
                        "aus."
                    ),
                    categories=("notfall.telefon", "notfall.kinderschutz"),
                    languages=("de", "ar", "uk", "ru", "de-x-ls"),
                    checked_days_ago=25,
                ),
                OfferSpec(
                    name="Stadtteilrallye für Vorschulkinder",
                    summary="Jedes Frühjahr erkunden die Vorschulkinder aller Kitas ihren "
                    "Stadtteil – mit Stationen in Bibliothek, Feuerwache und Grundschule.",
                    description=(
                        "Die Rallye zeigt Kindern und Eltern, welche Orte es im Stadtteil "
                        "gibt. An jeder Station wartet eine kleine Aufgabe; am Ziel gibt es "
                        "ein Fest mit dem Stadtteil-Song. Familien ohne Kita-Platz können "
                        "sich im Stadtteilladen anmelden."
                    ),
                    categories=("uebergang.schulvorbereitung", "freizeit.kultur"),
                    ages=(60, 83),
                    sessions=(yearly(5, "2WE", "09:00", "12:00"),),
                    participation="registration",
                ),
                OfferSpec(
                    name="Familienkalender und Stadtteilplan für Familien",
                    summary="Alle Termine und Orte für Familien im Stadtteil – als Heft, "
                    "Plakat und hier im Familienwegweiser.",
                    description=(
                        "Der Familienkalender erscheint zweimal im Jahr und liegt in Kitas, "
                        "Arztpraxen und im Stadtteilladen aus. Der Stadtteilplan zeigt "
                        "Spielplätze, Beratungsstellen und Treffpunkte. Termine können "
                        "Einrichtungen und Eltern im Stadtteilladen melden."
                    ),
                    categories=("elternbildung.familienzentrum",),
                    contacts=("Netzwerkkoordination",),
                ),
                OfferSpec(
                    name="Fachkräfte auf dem Spielplatz",
                    summary="Im Sommer sind Fachkräfte aus Kitas, Beratung und "
                    "Jugendhilfe donnerstags auf dem Spielplatz im Prohliser Park "
                    "ansprechbar.",
                    description=(
                        "Eltern können nebenbei Fragen stellen, ohne ein Büro betreten zu "
                        "müssen. Für die Kinder gibt es Spielkisten, Kreide und "
                        "Seifenblasen. Bei Regen fällt das Angebot aus."
                    ),
                    categories=("freizeit.spielplatz", "beratung.erziehung"),
                    at=("spielplatz-park",),
                    sessions=(weekly("TH", "15:00", "17:00", "Mai bis September"),),
                ),
                OfferSpec(
                    name="Stadtteil-Song-Workshop (in Planung)",
                    summary="Neue Strophen für den Stadtteil-Song, mit Kindern aus allen Kitas.",
                    description="Entwurf: Termine und Ort stehen noch nicht fest.",
                    categories=("freizeit.kultur",),
                    status="draft",
                ),
            ),
        ),
        OrganisationSpec(
            key="quartiersmanagement",
            name="Quartiersmanagement Prohlis",
            kind="other",
            description=(
                "Das Quartiersmanagement betreibt den Stadtteilladen, organisiert die "
                "Stadtteilrunde und unterstützt Projekte von Bewohnerinnen und Bewohnern."
            ),
            contacts=("Quartiersmanagement",),
            offers=(
                OfferSpec(
                    name="Stadtteilladen Prohlis – offene Sprechzeit",
                    summary="Fragen zum Stadtteil, Ideen für Projekte, Hilfe bei der Suche "
                    "nach dem passenden Angebot.",
                    description=(
                        "Im Stadtteilladen bekommen Sie Familienkalender, Stadtteilplan und "
                        "die Erste-Hilfe-Box. Das Team vermittelt an Beratungsstellen und "
                        "hilft Nachbarschaftsinitiativen mit Räumen und kleinen Budgets."
                    ),
                    categories=("generationen.begegnung", "beratung"),
                    at=("stadtteilladen",),
                    sessions=(weekly("MO,TU,TH", "10:00", "18:00"),),
                    languages=("de", "ru", "en"),
                ),
                OfferSpec(
                    name="Repair-Café im Stadtteilladen",
                    summary="Kaputtes gemeinsam reparieren statt wegwerfen – jeden ersten "
                    "Samstag im Monat.",
                    description=(
                        "Ehrenamtliche helfen bei Elektrogeräten, Fahrrädern, Kleidung und "
                        "Spielzeug. Kinder dürfen mitschrauben. Ersatzteile bringen Sie "
                        "bitte selbst mit, wenn möglich."
                    ),
                    categories=("freizeit.werkstatt", "generationen.begegnung"),
                    at=("stadtteilladen",),
                    sessions=(monthly("1SA", "10:00", "13:00"),),
                ),
                OfferSpec(
                    name="Nachbarschaftsgarten am Geberbach",
                    summary="Gemeinsam gärtnern mitten im Stadtteil – Familien können ein "
                    "eigenes Beet übernehmen.",
                    description=(
                        "Der Garten hat Hochbeete, die auch mit Rollstuhl erreichbar sind, "
                        "eine Kräuterspirale und einen Sandkasten. Gartentreffen ist jeden "
                        "Samstagvormittag von April bis Oktober."
                    ),
                    categories=("freizeit.spielplatz", "generationen.begegnung"),
                    at=("nachbarschaftsgarten",),
                    sessions=(weekly("SA", "10:00", "12:00", "April bis Oktober"),),
                ),
                OfferSpec(
                    name="Stadtteilfest Prohlis",
                    summary="Das große Fest im September mit Bühne, Spielstraße, Essen aus "
                    "vielen Ländern und allen Vereinen des Stadtteils.",
                    description=(
                        "Kitas, Schulen und Vereine stellen sich vor; die Kinder singen den "
                        "Stadtteil-Song. Der Eintritt ist frei."
                    ),
                    categories=("freizeit.kultur",),
                    at=("spielplatz-park",),
                    sessions=(yearly(9, "2SA", "13:00", "19:00"),),
                ),
            ),
        ),
        *_kitas(),
        # --- family centres -------------------------------------------------------------
        OrganisationSpec(
            key="kifaz-prohlis",
            name="Kinder- und Familienzentrum Prohlis",
            kind="family_centre",
            operator="Familienzentren Dresden e. V.",
            description=(
                "Das KiFaZ verbindet eine Kita mit einem offenen Familienzentrum: Beratung, "
                "Kurse, Begegnung und der Familienkiosk unter einem Dach."
            ),
            contacts=("Leitung", "Familienkiosk", "Sozialpädagogik"),
            places=(
                PlaceSpec(
                    "kifaz",
                    "Kinder- und Familienzentrum Prohlis",
                    "Allee am Park 15",
                    "prohlis-nord",
                    wheelchair=True,
                    hours=(weekly(WORKDAYS, "08:00", "18:00"),),
                    accessibility_notes="Barrierefrei, Wickelraum, Stillzimmer, Aufzug.",
                ),
            ),
            offers=(
                OfferSpec(
                    name="Offener Familientreff im KiFaZ",
                    summary="Ein Ort für alle Familien im Stadtteil: Spielzimmer, Café, "
                    "Ansprechpersonen – ohne Anmeldung.",
                    description=(
                        "Vormittags kommen vor allem Eltern mit kleinen Kindern, nachmittags "
                        "auch Schulkinder mit ihren Familien. Das Team hört zu, hilft weiter "
                        "und begleitet auf Wunsch zu Ämtern."
                    ),
                    categories=("elternbildung.familienzentrum",),
                    languages=("de", "ar", "ru", "uk"),
                    sessions=(weekly(WORKDAYS, "09:00", "12:00"),),
                ),
                OfferSpec(
                    name="Elterncafé im KiFaZ",
                    summary="Jeden Mittwoch: Frühstück, Gespräche, ein kleines Thema – und "
                    "eine Kinderbetreuung.",
                    description=(
                        "Die Themen wünschen sich die Eltern selbst: Zähne, Schlaf, "
                        "Taschengeld, Medien. Eine Sprachmittlerin für Arabisch und "
                        "Ukrainisch ist jede Woche dabei."
                    ),
                    categories=("elternbildung.elterncafe",),
                    languages=("de", "ar", "uk"),
                    sessions=(weekly("WE", "09:00", "11:00"),),
                    checked_days_ago=55,
                ),
                OfferSpec(
                    name="Krabbelgruppe „Kleine Hände“",
                    summary="Spielgruppe für Eltern mit Babys und Kleinkindern bis drei "
                    "Jahre, kostenlos.",
                    description=(
                        "Die Gruppe ist klein und gemütlich. Es wird gesungen, gespielt und "
                        "erzählt; die Leiterin hat eine Ausbildung als Familienbegleiterin. "
                        "Familien mit Russisch oder Arabisch als Familiensprache sind gern "
                        "gesehen."
                    ),
                    categories=("elternbildung.eltern-kind-gruppe",),
                    ages=years(0, 3),
                    languages=("de", "ru", "ar"),
                    sessions=(weekly("TU", "09:30", "11:00"),),
                ),
                OfferSpec(
                    name="Familienkiosk",
                    summary="Die Anlaufstelle für alle Fragen: Wo finde ich Hilfe, wie "
                    "fülle ich diesen Antrag aus, wer hilft bei diesem Brief?",
                    description=(
                        "Der Familienkiosk ist fünf Tage in der Woche besetzt. Die "
                        "Mitarbeiterinnen kennen die Angebote im Stadtteil und vermitteln "
                        "direkt – oft mit einem Anruf, während Sie dabei sind."
                    ),
                    categories=("finanzen.leistungen", "beratung"),
                    languages=("de", "ar", "ru", "uk", "de-x-ls"),
                    sessions=(weekly(WORKDAYS, "10:00", "14:00"),),
                    contacts=("Familienkiosk",),
                    checked_days_ago=15,
                ),
                OfferSpec(
                    name="Kurzzeitbegleitung für Eltern",
                    summary="Für ein paar Wochen an der Seite von Eltern, die gerade viel "
                    "zu tragen haben – freiwillig und kostenlos.",
                    description=(
                        "Eine Sozialpädagogin begleitet Sie für bis zu zehn Termine: bei "
                        "Arztbesuchen, Amtsterminen, der Suche nach einem Kita-Platz oder "
                        "einfach beim Ordnen des Alltags. Das Angebot ist bewusst ohne "
                        "Antrag beim Jugendamt."
                    ),
                    categories=("beratung.erziehung", "schwangerschaft.fruehe-hilfen"),
                    participation="referral",
                    contacts=("Sozialpädagogik",),
                ),
                OfferSpec(
                    name="Kochkurs „Gesund essen mit wenig Geld“",
                    summary="Vier Abende für Eltern: günstig einkaufen, schnell kochen, "
                    "Kinder mitessen lassen.",
                    description=(
                        "Gemeinsam wird geplant, eingekauft und gekocht. Die Kinder werden "
                        "nebenan betreut und essen am Ende mit. Die Zutaten bezahlt das "
                        "Bündnis."
                    ),
                    categories=("gesundheit.bewegung", "elternbildung.kurse"),
                    sessions=(weekly("TH", "16:30", "19:00", "vier Termine"),),
                    participation="registration",
                ),
                OfferSpec(
                    name="Papa-Kind-Samstag",
                    summary="Einmal im Monat: Väter und Kinder bauen, kochen oder gehen "
                    "gemeinsam raus.",
                    description=(
                        "Die Idee kam von Vätern aus dem Elterncafé. Jeder Samstag hat ein "
                        "anderes Programm – vom Drachenbauen bis zum Ausflug in die "
                        "Sächsische Schweiz."
                    ),
                    categories=("elternbildung.eltern-kind-gruppe", "freizeit.werkstatt"),
                    ages=years(3, 12),
                    sessions=(monthly("2SA", "10:00", "13:00"),),
                ),
                OfferSpec(
                    name="Familienfreizeit an der Ostsee (Entwurf)",
                    summary="Fünf Tage Urlaub für Familien mit wenig Geld – noch in Planung.",
                    description="Entwurf: Zuschüsse und Unterkunft werden noch geklärt.",
                    categories=("freizeit.ferien",),
                    status="draft",
                ),
            ),
        ),
        OrganisationSpec(
            key="familienzentrum-sued",
            name="Familienzentrum Süd",
            kind="family_centre",
            operator="Nachbarschaftshilfe Dresden-Süd e. V.",
            description=(
                "Das Familienzentrum Süd in Prohlis-Süd ist Treffpunkt, Beratungsort und "
                "Lernort für Familien aus dem südlichen Stadtteil und aus Lockwitz."
            ),
            contacts=("Leitung", "Beratung"),
            places=(
                PlaceSpec(
                    "familienzentrum-sued",
                    "Familienzentrum Süd",
                    "Kiefernstraße 30",
                    "prohlis-sued",
                    wheelchair=True,
                    hours=(weekly("MO,TU,WE,TH", "09:00", "18:00"), weekly("FR", "09:00", "13:00")),
                ),
            ),
            offers=(
                OfferSpec(
                    name="Offener Treff im Familienzentrum Süd",
                    summary="Spielen, Kaffee trinken, Leute treffen: offene Türen für "
                    "Familien aus Prohlis-Süd und Lockwitz.",
                    description=(
                        "Im Familienzentrum Süd gibt es ein großes Spielzimmer, einen "
                        "Garten und eine kleine Bücherei zum Tauschen. Das Team ist da, wenn "
                        "Sie eine Frage haben."
                    ),
                    categories=("elternbildung.familienzentrum",),
                    sessions=(weekly("MO,TU,WE,TH", "09:00", "12:00"),),
                    languages=("de", "uk", "ru"),
                ),
                OfferSpec(
                    name="Familiencafé im Familienzentrum Süd",
                    summary="Jeden Dienstagnachmittag Kuchen, Gespräche und ein Spielangebot "
                    "für die Kinder.",
                    description=(
                        "Das Familiencafé ist das Herz des Hauses. Ehrenamtliche backen, "
                        "Eltern kommen ins Gespräch, und oft ist eine Fachkraft aus dem "
                        "Bündnis zu Gast."
                    ),
                    categories=("elternbildung.elterncafe",),
                    sessions=(weekly("TU", "15:00", "17:30"),),
                    fee="Kuchen 1 €",
                    free=True,
                ),
                OfferSpec(
                    name="Beratung für Alleinerziehende im Familienzentrum Süd",
                    summary="Unterhalt, Umgang, Wohngeld, Kinderbetreuung: Beratung und "
                    "Austausch für Alleinerziehende.",
                    description=(
                        "Eine Sozialpädagogin berät zu Geld, Recht und Alltag. Einmal im "
                        "Monat gibt es einen Gruppenabend, an dem die Kinder betreut werden."
                    ),
                    categories=("beratung.trennung", "finanzen.leistungen"),
                    sessions=(weekly("TH", "14:00", "17:00"), monthly("1TH", "17:30", "19:30")),
                    contacts=("Beratung",),
                ),
                OfferSpec(
                    name="Hausaufgabenhilfe im Familienzentrum Süd",
                    summary="Ehrenamtliche helfen Grundschulkindern bei Hausaufgaben und "
                    "beim Lesenüben.",
                    description=(
                        "Die Kinder kommen nach der Schule oder nach dem Hort. Es gibt einen "
                        "kleinen Imbiss; für Familien ist das Angebot kostenlos."
                    ),
                    categories=("betreuung.schule",),
                    ages=years(6, 12),
                    sessions=(weekly("MO,WE", "14:30", "16:30"),),
                ),
                OfferSpec(
                    name="Kleidertausch und Nähwerkstatt",
                    summary="Kinderkleidung tauschen, Hosen flicken, Kostüme nähen – mit "
                    "Nähmaschinen und Anleitung.",
                    description=(
                        "Jeden dritten Donnerstag stehen Nähmaschinen bereit. Gut erhaltene "
                        "Kinderkleidung kann jederzeit gebracht und mitgenommen werden."
                    ),
                    categories=("finanzen.tafel", "freizeit.werkstatt"),
                    sessions=(monthly("3TH", "16:00", "19:00"),),
                ),
                OfferSpec(
                    name="Babyspielgruppe im Familienzentrum Süd",
                    summary="Für Eltern mit Babys im ersten Lebensjahr: Spielanregungen, "
                    "Austausch und Beratung.",
                    description=(
                        "Die Gruppe trifft sich in kleinen Runden, damit jedes Baby genug "
                        "Platz und Ruhe hat. Themen sind Schlaf, Tragen, Beikost und "
                        "Entwicklung."
                    ),
                    categories=("elternbildung.eltern-kind-gruppe",),
                    ages=(1, 12),
                    sessions=(weekly("FR", "10:00", "11:30"),),
                    participation="registration",
                ),
            ),
        ),
        # --- schools -------------------------------------------------------------------
        OrganisationSpec(
            key="grundschule-geberbach",
            name="Grundschule Am Geberbach",
            kind="school",
            description="Grundschule in Prohlis-Nord mit Ganztagsangeboten und Hort.",
            contacts=("Schulleitung", "Schulsozialarbeit"),
            places=(
                PlaceSpec(
                    "grundschule-geberbach",
                    "Grundschule Am Geberbach",
                    "Am Geberbach 30",
                    "prohlis-nord",
                    wheelchair=True,
                    hours=(weekly(WORKDAYS, "06:00", "17:00"),),
                ),
            ),
            offers=(
                OfferSpec(
                    name="Grundschule Am Geberbach",
                    summary="Grundschule für 320 Kinder mit Vorbereitungsklassen für Kinder, "
                    "die neu Deutsch lernen.",
                    description=(
                        "In den DaZ-Klassen lernen neu zugewanderte Kinder Deutsch und "
                        "wechseln Schritt für Schritt in die Regelklassen. Die Schule arbeitet "
                        "eng mit den Kitas im Stadtteil zusammen."
                    ),
                    categories=("betreuung.schule",),
                    ages=years(6, 10),
                    participation="registration",
                ),
                OfferSpec(
                    name="Hort an der Grundschule Am Geberbach",
                    summary="Hort im Schulgebäude, mit Hausaufgabenzeit und Angeboten wie "
                    "Tanz, Fußball und Garten.",
                    description=(
                        "Der Hort ist von 6 bis 17 Uhr geöffnet. In den Ferien gibt es ein "
                        "eigenes Programm mit Ausflügen in die Stadt."
                    ),
                    categories=("betreuung.hort",),
                    ages=years(6, 10),
                    fee=KITA_FEE,
                    participation="registration",
                ),
                OfferSpec(
                    name="Schulsozialarbeit an der Grundschule Am Geberbach",
                    summary="Ansprechpartnerin für Kinder und Eltern bei Streit, Kummer "
                    "oder Problemen in der Familie.",
                    description=(
                        "Die Schulsozialarbeiterin leitet auch den Klassenrat und ein "
                        "soziales Training für die dritten Klassen. Eltern erreichen sie "
                        "telefonisch oder in ihrer Sprechstunde."
                    ),
                    categories=("beratung.erziehung",),
                    ages=years(6, 10),
                    sessions=(weekly("TU", "13:00", "15:00", "Elternsprechstunde"),),
                    contacts=("Schulsozialarbeit",),
                ),
            ),
        ),
        OrganisationSpec(
            key="grundschule-niedersedlitz",
            name="Grundschule Niedersedlitz",
            kind="school",
            description="Kleine Grundschule mit Hort im Haus.",
            contacts=("Schulleitung",),
            places=(
                PlaceSpec(
                    "grundschule-niedersedlitz",
                    "Grundschule Niedersedlitz",
                    "Schulweg 6",
                    "niedersedlitz",
                    hours=(weekly(WORKDAYS, "06:00", "16:30"),),
                ),
            ),
            offers=(
                OfferSpec(
                    name="Grundschule Niedersedlitz",
                    summary="Einzügige Grundschule mit Schulgarten und Schwerpunkt Lesen.",
                    description=(
                        "Jeden Morgen beginnt mit einer Lesezeit. Ältere Kinder sind "
                        "Lesepaten für die Erstklässler. Die Schule ist klein, jedes Kind "
                        "ist bekannt."
                    ),
                    categories=("betreuung.schule",),
                    ages=years(6, 10),
                    participation="registration",
                ),
                OfferSpec(
                    name="Hort an der Grundschule Niedersedlitz",
                    summary="Betreuung vor und nach dem Unterricht, mit großem Außengelände.",
                    description=(
                        "Der Hort nutzt den Schulgarten und einen eigenen Bolzplatz. Die "
                        "Kinder planen ihre Ferienwochen im Hortrat mit."
                    ),
                    categories=("betreuung.hort",),
                    ages=years(6, 10),
                    fee=KITA_FEE,
                    participation="registration",
                ),
            ),
        ),
        OrganisationSpec(
            key="oberschule-prohlis",
            name="Oberschule Prohlis",
            kind="school",
            description="Oberschule für die Klassen 5 bis 10.",
            contacts=("Schulleitung", "Schulsozialarbeit"),
            places=(
                PlaceSpec(
                    "oberschule-prohlis",
                    "Oberschule Prohlis",
                    "Allee am Park 40",
                    "prohlis-sued",
                    wheelchair=True,
                ),
            ),
            offers=(
                OfferSpec(
                    name="Oberschule Prohlis",
                    summary="Oberschule mit Praxisklassen, Berufsorientierung ab Klasse 7 "
                    "und Schülerfirma.",
                    description=(
                        "Die Schule kooperiert mit Betrieben im Dresdner Süden. In der "
                        "Schülerfirma betreiben Jugendliche das Pausencafé."
                    ),
                    categories=("betreuung.schule",),
                    ages=years(10, 17),
                    participation="registration",
                ),
                OfferSpec(
                    name="Schulsozialarbeit an der Oberschule Prohlis",
                    summary="Beratung für Jugendliche und Eltern – bei Mobbing, Schulangst, "
                    "Stress zu Hause oder Fragen zur Zukunft.",
                    description=(
                        "Der Schulsozialarbeiter ist täglich in der Schule. Er begleitet "
                        "auch den Übergang in Ausbildung und arbeitet mit dem "
                        "Jugendmigrationsdienst zusammen."
                    ),
                    categories=("beratung.erziehung", "freizeit.jugend"),
                    ages=years(10, 18),
                    sessions=(weekly(WORKDAYS, "08:00", "14:00"),),
                    languages=("de", "ru"),
                    contacts=("Schulsozialarbeit",),
                ),
            ),
        ),
        # --- youth work -----------------------------------------------------------------
        OrganisationSpec(
            key="jugendhaus-pixel",
            name="Jugendhaus „Pixel“",
            kind="youth",
            operator="Offene Jugendarbeit Dresden-Süd e. V.",
            description="Offenes Kinder- und Jugendhaus in Prohlis-Süd.",
            contacts=("Leitung", "Mobile Jugendarbeit"),
            places=(
                PlaceSpec(
                    "pixel",
                    "Jugendhaus „Pixel“",
                    "Kiefernstraße 50",
                    "prohlis-sued",
                    wheelchair=True,
                    hours=(weekly(WORKDAYS, "13:00", "20:00"),),
                ),
            ),
            offers=(
                OfferSpec(
                    name="Offener Treff im Jugendhaus „Pixel“",
                    summary="Gaming-Ecke, Tonstudio, Küche und Sportplatz – für alle von 12 "
                    "bis 21.",
                    description=(
                        "Ihr könnt einfach vorbeikommen, chillen, zocken oder eigene Projekte "
                        "starten. Das Team hilft auch bei Bewerbungen und hat ein offenes "
                        "Ohr für alles andere."
                    ),
                    categories=("freizeit.jugend",),
                    ages=years(12, 21),
                    languages=("de", "ar", "ru"),
                    sessions=(weekly(WORKDAYS, "14:00", "20:00"),),
                ),
                OfferSpec(
                    name="Mädchentag im „Pixel“",
                    summary="Jeden Donnerstag gehört das Haus den Mädchen – mit eigenem Programm.",
                    description=(
                        "Kochen, Selbstverteidigung, Schminken, Reden: Die Mädchen bestimmen "
                        "das Programm mit. Zwei Mitarbeiterinnen sind dabei."
                    ),
                    categories=("freizeit.jugend",),
                    ages=years(10, 18),
                    languages=("de", "ar", "fa"),
                    sessions=(weekly("TH", "15:00", "19:00"),),
                ),
                OfferSpec(
                    name="Ferienprogramm im „Pixel“",
                    summary="In den Sommerferien jeden Tag ein Ausflug oder Workshop – "
                    "Kanu, Klettern, Graffiti.",
                    description=(
                        "Das Programm hängt vier Wochen vor den Ferien aus. Die meisten "
                        "Angebote sind kostenlos, für Ausflüge gibt es einen kleinen "
                        "Beitrag."
                    ),
                    categories=("freizeit.ferien", "freizeit.jugend"),
                    ages=years(10, 18),
                    fee="0 bis 5 € je Ausflug",
                    free=False,
                    participation="registration",
                ),
                OfferSpec(
                    name="Mobile Jugendarbeit Prohlis",
                    summary="Streetworkerinnen und Streetworker sind dort, wo Jugendliche "
                    "sich aufhalten – auf Plätzen, in Parks und am Einkaufszentrum.",
                    description=(
                        "Sie helfen bei Stress mit Schule, Polizei, Wohnung oder Geld, "
                        "vermitteln an Beratungsstellen und unterstützen Gruppen, die etwas "
                        "im Stadtteil verändern wollen. Alles ist freiwillig und vertraulich."
                    ),
                    categories=("freizeit.jugend", "beratung"),
                    ages=years(14, 27),
                    languages=("de", "ar", "ru"),
                    sessions=(weekly("MO,WE,FR", "15:00", "21:00", "unterwegs"),),
                    contacts=("Mobile Jugendarbeit",),
                ),
            ),
        ),
        OrganisationSpec(
            key="trixi",
            name="Kinder- und Jugendhaus „Trixi“",
            kind="youth",
            operator="Offene Jugendarbeit Dresden-Süd e. V.",
            description="Kinder- und Jugendhaus in Reick mit Abenteuerspielplatz.",
            contacts=("Leitung",),
            places=(
                PlaceSpec(
                    "trixi",
                    "Kinder- und Jugendhaus „Trixi“",
                    "Am Reicker Wäldchen 20",
                    "reick",
                    hours=(weekly(WORKDAYS, "13:00", "19:00"),),
                ),
                PlaceSpec(
                    "wilde-wiese",
                    "Abenteuerspielplatz „Wilde Wiese“",
                    "Am Reicker Wäldchen 22",
                    "reick",
                    pram=False,
                ),
            ),
            offers=(
                OfferSpec(
                    name="Kindertreff im „Trixi“",
                    summary="Für Kinder von sechs bis zwölf: spielen, basteln, kochen – "
                    "ohne Anmeldung und kostenlos.",
                    description=(
                        "Die Kinder kommen nach Schule und Hort. Es gibt einen Snack, "
                        "Gesellschaftsspiele und jede Woche ein Projekt. Eltern können "
                        "jederzeit vorbeischauen."
                    ),
                    categories=("freizeit.jugend",),
                    ages=years(6, 12),
                    sessions=(weekly(WORKDAYS, "13:00", "18:00"),),
                ),
                OfferSpec(
                    name="Lernwerkstatt im „Trixi“",
                    summary="Hilfe bei Hausaufgaben und Lernen für Kinder und Jugendliche "
                    "der Klassen 3 bis 8.",
                    description=(
                        "Studierende und Ehrenamtliche helfen in kleinen Gruppen. Wer vor "
                        "einer Klassenarbeit steht, bekommt einen Extratermin."
                    ),
                    categories=("betreuung.schule",),
                    ages=years(8, 15),
                    sessions=(weekly("TU,TH", "14:30", "16:30"),),
                ),
                OfferSpec(
                    name="Abenteuerspielplatz „Wilde Wiese“",
                    summary="Hütten bauen, Feuer machen, Tiere versorgen – betreuter "
                    "Abenteuerspielplatz mit Hasen und Ziegen.",
                    description=(
                        "Auf der „Wilden Wiese“ bauen Kinder mit Hammer und Säge ihre "
                        "eigenen Hütten. Die Betreuerinnen achten auf Sicherheit, lassen "
                        "die Kinder aber machen. Am Freitag wird am Feuer gekocht."
                    ),
                    categories=("freizeit.spielplatz", "freizeit.werkstatt"),
                    ages=years(6, 14),
                    at=("wilde-wiese",),
                    sessions=(weekly("TU,WE,TH,FR", "14:00", "18:00"),),
                ),
            ),
        ),
        OrganisationSpec(
            key="jugendtreff-lockwitz",
            name="Jugendtreff Lockwitz",
            kind="youth",
            description="Kleiner Jugendtreff im alten Gasthof.",
            contacts=("Sozialarbeit",),
            places=(
                PlaceSpec(
                    "jugendtreff-lockwitz",
                    "Jugendtreff Lockwitz",
                    "Lockwitzgrund 40",
                    "lockwitz",
                ),
            ),
            offers=(
                OfferSpec(
                    name="Jugendtreff Lockwitz",
                    summary="Treffpunkt für Jugendliche aus Lockwitz und Niedersedlitz, mit "
                    "Billard, Werkstatt und Fahrradreparatur.",
                    description=(
                        "Die Jugendlichen reparieren hier ihre Fahrräder und Mopeds und "
                        "organisieren im Sommer ein Open-Air-Kino. Ein Sozialarbeiter ist "
                        "immer da."
                    ),
                    categories=("freizeit.jugend", "freizeit.werkstatt"),
                    ages=years(12, 21),
                    sessions=(weekly("TU,WE,FR", "15:00", "20:00"),),
                ),
            ),
        ),
        # --- counselling ----------------------------------------------------------------
        OrganisationSpec(
            key="beratungsstelle-sued",
            name="Beratungsstelle für Kinder, Jugendliche und Familien Dresden-Süd",
            kind="counselling",
            operator="Familienberatung Dresden e. V.",
            description=(
                "Erziehungs- und Familienberatung, Trennungs- und Scheidungsberatung, "
                "Trauerbegleitung und Jugendberatung. Kostenlos, vertraulich, auf Wunsch "
                "anonym."
            ),
            contacts=("Leitung", "Beratung", "Anmeldung"),
            places=(
                PlaceSpec(
                    "beratungsstelle-sued",
                    "Beratungsstelle Dresden-Süd",
                    "Wasastraße 12",
                    "strehlen",
                    wheelchair=True,
                    hours=(weekly("MO,TU,WE,TH", "08:00", "18:00"), weekly("FR", "08:00", "14:00")),
                ),
                PlaceSpec(
                    "beratung-im-kifaz",
                    "Außenstelle im Kinder- und Familienzentrum Prohlis",
                    "Allee am Park 15",
                    "prohlis-nord",
                    wheelchair=True,
                ),
            ),
            offers=(
                OfferSpec(
                    name="Erziehungs- und Familienberatung",
                    summary="Beratung für Eltern, Kinder und Jugendliche bei Sorgen im "
                    "Familienalltag, kostenlos und vertraulich.",
                    description=(
                        "Sie können allein, als Paar oder als Familie kommen. Jeden "
                        "Donnerstag gibt es eine offene Sprechstunde im Kinder- und "
                        "Familienzentrum Prohlis, ohne Anmeldung. Für Gespräche in Arabisch "
                        "oder Farsi werden Sprachmittlerinnen dazugeholt."
                    ),
                    categories=("beratung.erziehung",),
                    ages=years(0, 27),
                    at=("beratungsstelle-sued", "beratung-im-kifaz"),
                    sessions=(weekly("TH", "14:00", "17:00", at="beratung-im-kifaz"),),
                    languages=("de", "en", "ar", "fa"),
                    participation="referral",
                    how="Termin telefonisch; offene Sprechstunde donnerstags im KiFaZ.",
                    contacts=("Beratung",),
                ),
                OfferSpec(
                    name="Beratung bei Trennung und Scheidung",
                    summary="Für Eltern in Trennung: Umgang regeln, Streit entschärfen, "
                    "Kinder entlasten.",
                    description=(
                        "Die Beratung hilft, eine Umgangsregelung zu finden, mit der alle "
                        "leben können, und bereitet auf Termine beim Familiengericht vor. "
                        "Beide Eltern können getrennt oder gemeinsam kommen."
                    ),
                    categories=("beratung.trennung",),
                    participation="referral",
                    contacts=("Beratung",),
                ),
                OfferSpec(
                    name="Begleiteter Umgang",
                    summary="Wenn Kinder einen Elternteil nur in geschütztem Rahmen sehen "
                    "können: Umgang in den Räumen der Beratungsstelle.",
                    description=(
                        "Eine Fachkraft ist bei den Treffen dabei und bespricht mit beiden "
                        "Eltern, wie es weitergehen kann. Der begleitete Umgang wird meist "
                        "vom Familiengericht oder Jugendamt angeregt."
                    ),
                    categories=("beratung.trennung",),
                    participation="referral",
                ),
                OfferSpec(
                    name="Trauergruppe für Kinder „Abschiedsweg“",
                    summary="Eine Gruppe für Kinder von sechs bis zwölf, die einen nahen "
                    "Menschen verloren haben.",
                    description=(
                        "In der Gruppe ist Platz für Traurigkeit, Wut und auch für Lachen. "
                        "Die Kinder gestalten Erinnerungskisten und erleben, dass es anderen "
                        "ähnlich geht. Vorher gibt es ein Gespräch mit den Eltern."
                    ),
                    categories=("beratung.trauer",),
                    ages=years(6, 12),
                    sessions=(monthly("1TU,3TU", "16:00", "17:30"),),
                    participation="registration",
                ),
                OfferSpec(
                    name="Beratung für Eltern von Schreibabys",
                    summary="Wenn das Baby viel weint, schlecht schläft oder schwer zu "
                    "beruhigen ist – schnelle Hilfe für erschöpfte Eltern.",
                    description=(
                        "Die Beraterin besucht Sie auf Wunsch zu Hause. Gemeinsam schauen "
                        "Sie auf Schlaf, Tagesablauf und Beruhigung und finden Wege, wie "
                        "auch Sie wieder zur Ruhe kommen. Einen ersten Termin gibt es "
                        "innerhalb weniger Tage."
                    ),
                    categories=("beratung.erziehung", "schwangerschaft.fruehe-hilfen"),
                    ages=(0, 17),
                    participation="referral",
                    how="Bitte anrufen; bei akuter Überforderung am selben Tag.",
                    contacts=("Beratung",),
                ),
                OfferSpec(
                    name="Jugendberatung",
                    summary="Für Jugendliche und junge Erwachsene: Beratung bei Krisen, "
                    "Konflikten zu Hause, Liebeskummer oder Ängsten.",
                    description=(
                        "Du kannst ohne deine Eltern kommen, und was du erzählst, bleibt "
                        "hier. Termine gibt es auch am späten Nachmittag; schreiben geht "
                        "über die Online-Beratung."
                    ),
                    categories=("beratung.erziehung",),
                    ages=years(12, 27),
                    online=True,
                    participation="referral",
                ),
            ),
        ),
        OrganisationSpec(
            key="schuldnerberatung",
            name="Schuldner- und Insolvenzberatung Dresden-Süd",
            kind="counselling",
            operator="Soziale Dienste Elbtal e. V.",
            description="Anerkannte Schuldner- und Insolvenzberatungsstelle.",
            contacts=("Beratung",),
            places=(
                PlaceSpec(
                    "schuldnerberatung",
                    "Schuldnerberatung",
                    "Heidelbeerweg 40",
                    "prohlis-nord",
                    wheelchair=True,
                ),
            ),
            offers=(
                OfferSpec(
                    name="Schuldnerberatung für Familien",
                    summary="Kostenlose Beratung bei Schulden: Überblick, Verhandlungen mit "
                    "Gläubigern, P-Konto und Privatinsolvenz.",
                    description=(
                        "Viele Familien warten zu lange, bevor sie kommen. Die offene "
                        "Sprechstunde ist für den ersten Schritt gedacht – bringen Sie "
                        "einfach alle Briefe mit. Bei drohender Strom- oder Wohnungssperre "
                        "gibt es sofort einen Termin."
                    ),
                    categories=("beratung.schulden",),
                    sessions=(weekly("TU", "09:00", "12:00", "offene Sprechstunde"),),
                    languages=("de", "ru", "ar"),
                    participation="referral",
                    contacts=("Beratung",),
                ),
                OfferSpec(
                    name="Workshop „Mein Haushaltsbuch“",
                    summary="Ein Nachmittag zum Thema Geld: Ausgaben planen, Sparen mit "
                    "Kindern, Handyverträge prüfen.",
                    description=(
                        "Der Workshop findet im Familienzentrum Süd statt; Kinder werden "
                        "betreut. Jede Familie geht mit einem eigenen Haushaltsplan nach "
                        "Hause."
                    ),
                    categories=("beratung.schulden", "elternbildung.kurse"),
                    at=("familienzentrum-sued",),
                    sessions=(monthly("-1WE", "15:00", "17:00"),),
                    participation="registration",
                ),
            ),
        ),
        OrganisationSpec(
            key="migrationsdienst",
            name="Migrationsdienst Dresden-Süd",
            kind="counselling",
            operator="Internationale Nachbarschaft e. V.",
            description=(
                "Migrationsberatung für Erwachsene, Jugendmigrationsdienst und "
                "Begegnungsangebote. Das Team spricht Arabisch, Ukrainisch, Russisch, Farsi, "
                "Dari und Englisch."
            ),
            contacts=("Migrationsberatung", "Jugendmigrationsdienst"),
            places=(
                PlaceSpec(
                    "migrationsdienst",
                    "Migrationsdienst Dresden-Süd",
                    "Allee am Park 22",
                    "prohlis-nord",
                    wheelchair=True,
                    hours=(weekly("MO,TU,TH", "09:00", "16:00"),),
                ),
            ),
            offers=(
                OfferSpec(
                    name="Migrationsberatung für Erwachsene",
                    summary="Beratung zu Aufenthalt, Integrationskurs, Arbeit, Wohnung und "
                    "Familiennachzug – auf Arabisch, Farsi, Russisch und Englisch.",
                    description=(
                        "Bringen Sie bitte Ihren Ausweis und alle Briefe mit, um die es "
                        "geht. Die Beraterinnen erklären, was in den Schreiben steht, und "
                        "helfen bei Anträgen. Die Beratung ist kostenlos und unabhängig vom "
                        "Aufenthaltsstatus."
                    ),
                    categories=("beratung.migration",),
                    languages=("de", "ar", "fa", "prs", "ru", "en"),
                    sessions=(weekly("MO,TH", "09:00", "12:00", "offene Sprechstunde"),),
                    participation="open",
                    contacts=("Migrationsberatung",),
                    checked_days_ago=100,
                ),
                OfferSpec(
                    name="Beratung für Familien aus der Ukraine",
                    summary="Hilfe bei Anmeldung, Jobcenter, Kita- und Schulplatz, "
                    "Anerkennung von Abschlüssen – auf Ukrainisch und Russisch.",
                    description=(
                        "Die Beraterin kam selbst vor einigen Jahren aus Charkiw nach "
                        "Dresden. Sie kennt die Wege durch die Behörden und vermittelt an "
                        "Sprachkurse, Kitas und Ärztinnen, die Ukrainisch oder Russisch "
                        "sprechen."
                    ),
                    categories=("beratung.migration",),
                    languages=("uk", "ru", "de"),
                    sessions=(weekly("TU", "10:00", "15:00"),),
                    contacts=("Migrationsberatung",),
                ),
                OfferSpec(
                    name="Internationales Frauencafé",
                    summary="Frauen aus aller Welt treffen sich, trinken Tee, lernen Deutsch "
                    "und tauschen Erfahrungen aus – Kinder können mitkommen.",
                    description=(
                        "Das Café ist ein geschützter Raum nur für Frauen. Manchmal kommt "
                        "eine Hebamme, eine Ärztin oder eine Juristin mit einem Thema. "
                        "Kinder spielen im Nebenraum."
                    ),
                    categories=("beratung.migration", "elternbildung.elterncafe"),
                    languages=("de", "ar", "fa", "tr", "uk", "ku"),
                    sessions=(weekly("WE", "14:00", "16:30"),),
                ),
                OfferSpec(
                    name="Deutschkurs für Eltern mit Kinderbetreuung",
                    summary="Deutsch lernen am Vormittag, während die Kinder nebenan "
                    "betreut werden.",
                    description=(
                        "Der Kurs richtet sich an Mütter und Väter, die keinen "
                        "Integrationskurs besuchen können, weil sie keinen Kita-Platz haben. "
                        "Es geht um Alltagssprache: beim Arzt, in der Kita, beim Einkaufen."
                    ),
                    categories=("beratung.migration", "elternbildung.kurse"),
                    languages=("de", "ar", "uk", "fa"),
                    sessions=(weekly("MO,WE", "09:00", "11:30"),),
                    participation="registration",
                ),
                OfferSpec(
                    name="Hilfe bei Briefen und Anträgen in Leichter Sprache",
                    summary="Sie verstehen einen Brief vom Amt nicht? Wir erklären ihn in "
                    "einfachen Worten und helfen bei der Antwort.",
                    description=(
                        "Kommen Sie mit Ihrem Brief vorbei. Wir lesen ihn mit Ihnen, "
                        "erklären ihn in Leichter Sprache und füllen Anträge gemeinsam aus. "
                        "Das kostet nichts."
                    ),
                    categories=("finanzen.leistungen",),
                    languages=("de-x-ls", "de", "ar", "uk"),
                    sessions=(weekly("TH", "13:00", "16:00"),),
                ),
                OfferSpec(
                    name="Jugendmigrationsdienst",
                    summary="Beratung für junge Zugewanderte von 12 bis 27 Jahren zu Schule, "
                    "Ausbildung, Studium und Alltag.",
                    description=(
                        "Der Jugendmigrationsdienst begleitet junge Menschen oft über längere "
                        "Zeit, hilft bei Bewerbungen und bei der Anerkennung von Zeugnissen "
                        "und arbeitet eng mit den Schulen im Stadtteil zusammen."
                    ),
                    categories=("beratung.migration",),
                    ages=years(12, 27),
                    languages=("de", "ar", "fa", "prs", "uk", "en"),
                    participation="referral",
                    contacts=("Jugendmigrationsdienst",),
                ),
            ),
        ),
        # --- public services and health -------------------------------------------------
        OrganisationSpec(
            key="asd-prohlis",
            name="Allgemeiner Sozialer Dienst – Stadtteilteam Prohlis",
            kind="public_authority",
            operator="Jugendamt der Stadt",
            description=(
                "Der Allgemeine Soziale Dienst des Jugendamts berät Familien, vermittelt "
                "Hilfen zur Erziehung und ist für den Kinderschutz zuständig. Jede Kita im "
                "Bündnis hat eine feste Ansprechperson im Team."
            ),
            contacts=("Allgemeiner Sozialer Dienst",),
            places=(
                PlaceSpec(
                    "asd",
                    "Sozialrathaus Prohlis",
                    "Allee am Park 5",
                    "prohlis-nord",
                    wheelchair=True,
                    hours=(weekly("TU", "09:00", "12:00"), weekly("TH", "13:00", "18:00")),
                ),
            ),
            offers=(
                OfferSpec(
                    name="Sprechzeiten des Allgemeinen Sozialen Dienstes",
                    summary="Beratung und Hilfen zur Erziehung vom Jugendamt, mitten im Stadtteil.",
                    description=(
                        "Wenn es in der Familie nicht mehr rund läuft, berät der ASD und "
                        "klärt, welche Hilfe passt – von der Erziehungsberatung bis zur "
                        "Familienhilfe. Die meisten Familien kommen von sich aus."
                    ),
                    categories=("beratung.jugendamt",),
                    sessions=(weekly("TU", "09:00", "12:00"), weekly("TH", "13:00", "18:00")),
                    languages=("de", "en"),
                    contacts=("Allgemeiner Sozialer Dienst",),
                    checked_days_ago=390,
                ),
                OfferSpec(
                    name="Kinderschutz: Hinweise und Beratung beim Jugendamt",
                    summary="Sie machen sich Sorgen um ein Kind? Das Jugendamt nimmt "
                    "Hinweise entgegen, auch anonym.",
                    description=(
                        "Tagsüber erreichen Sie das Stadtteilteam, nachts und am Wochenende "
                        "den Kinder- und Jugendnotdienst. Bei akuter Gefahr wählen Sie "
                        "110 oder 112."
                    ),
                    categories=("notfall.kinderschutz",),
                    contacts=("Allgemeiner Sozialer Dienst",),
                    checked_days_ago=30,
                ),
                OfferSpec(
                    name="Kinder- und Jugendnotdienst",
                    summary="Rund um die Uhr erreichbar für Kinder und Jugendliche in Not "
                    "und für Eltern in akuten Krisen.",
                    description=(
                        "Der Notdienst nimmt Kinder und Jugendliche auf, die nicht nach "
                        "Hause können, und berät Eltern in zugespitzten Situationen – auch "
                        "nachts. Anrufe sind kostenlos."
                    ),
                    categories=("notfall.kinderschutz", "notfall.telefon"),
                    ages=years(0, 18),
                    how="Rund um die Uhr, auch an Feiertagen.",
                    checked_days_ago=30,
                ),
            ),
        ),
        OrganisationSpec(
            key="kjaed",
            name="Kinder- und Jugendärztlicher Dienst – Team Süd",
            kind="health",
            operator="Gesundheitsamt der Stadt",
            description="Ärztinnen und Kinderkrankenpflegerinnen des Gesundheitsamts für "
            "Kitas und Schulen im Dresdner Süden.",
            contacts=("Ärztlicher Dienst",),
            places=(
                PlaceSpec(
                    "kjaed",
                    "Gesundheitsamt, Außenstelle Süd",
                    "Wasastraße 40",
                    "strehlen",
                    wheelchair=True,
                ),
            ),
            offers=(
                OfferSpec(
                    name="Gesundheitsberatung in der Kita",
                    summary="Eine Kinderärztin des Gesundheitsamts kommt in die Kita und "
                    "beantwortet Fragen der Eltern zu Gesundheit, Impfen und Entwicklung.",
                    description=(
                        "Die Sprechstunden finden reihum in allen Kitas des Bündnisses statt; "
                        "den Termin erfahren Sie in Ihrer Kita. Die Beratung ist kostenlos und "
                        "ersetzt nicht die Kinderärztin oder den Kinderarzt."
                    ),
                    categories=("gesundheit.kinderarzt",),
                    ages=years(0, 7),
                    at=("kita-kunterbunt", "kita-regenbogenland"),
                    sessions=(monthly("2MO", "14:00", "16:00", at="kita-kunterbunt"),),
                    languages=("de", "en"),
                ),
                OfferSpec(
                    name="Impfsprechstunde des Gesundheitsamts",
                    summary="Impfungen für Kinder und Jugendliche ohne Kinderarzt-Termin, "
                    "auch bei fehlenden Impfunterlagen.",
                    description=(
                        "Bringen Sie, wenn vorhanden, den Impfausweis oder das gelbe Heft "
                        "mit. Die Ärztin klärt, welche Impfungen noch fehlen."
                    ),
                    categories=("gesundheit.kinderarzt",),
                    ages=years(0, 18),
                    sessions=(monthly("1WE,3WE", "13:00", "16:00"),),
                ),
            ),
        ),
        OrganisationSpec(
            key="hebammenpraxis-kugelrund",
            name="Hebammenpraxis „Kugelrund“",
            kind="health",
            description="Hebammenpraxis mit Kursraum in Strehlen.",
            contacts=("Hebamme",),
            places=(
                PlaceSpec(
                    "kugelrund",
                    "Hebammenpraxis „Kugelrund“",
                    "Teichstraße 12",
                    "strehlen",
                    wheelchair=True,
                    hours=(weekly("MO,WE,TH", "09:00", "13:00"),),
                ),
            ),
            offers=(
                OfferSpec(
                    name="Hebammensprechstunde",
                    summary="Vorsorge, Beratung und Wochenbettbetreuung – auch auf Englisch "
                    "und Arabisch.",
                    description=(
                        "Die Hebammen betreuen Sie in der Schwangerschaft, kommen nach der "
                        "Geburt zu Ihnen nach Hause und helfen beim Stillen. Die Kosten "
                        "übernimmt die Krankenkasse; bitte melden Sie sich früh."
                    ),
                    categories=("schwangerschaft.hebamme",),
                    pregnancy=True,
                    ages=(0, 11),
                    languages=("de", "en", "ar"),
                    sessions=(weekly("WE", "14:00", "17:00", "offene Sprechstunde"),),
                    fee="Leistung der Krankenkasse",
                    free=True,
                ),
                OfferSpec(
                    name="Geburtsvorbereitung am Wochenende",
                    summary="Kompaktkurs an zwei Wochenenden für Schwangere und ihre Begleitung.",
                    description=(
                        "Atmen, Gebärhaltungen, Kreißsaal, Wochenbett und die ersten Tage "
                        "zu Hause. Partnerinnen und Partner üben mit."
                    ),
                    categories=("schwangerschaft.hebamme",),
                    pregnancy=True,
                    sessions=(monthly("1SA", "10:00", "16:00"),),
                    fee="Für Schwangere zahlt die Krankenkasse, Begleitperson 70 €",
                    free=False,
                    participation="registration",
                ),
                OfferSpec(
                    name="Rückbildungsgymnastik",
                    summary="Acht Termine ab der sechsten Woche nach der Geburt, Babys "
                    "dürfen mitkommen.",
                    description=(
                        "Die Übungen kräftigen Beckenboden und Rücken. Am Ende jeder Stunde "
                        "ist Zeit für Fragen und Austausch."
                    ),
                    categories=("schwangerschaft.hebamme", "gesundheit.bewegung"),
                    ages=(1, 9),
                    sessions=(weekly("MO", "10:00", "11:00"),),
                    fee="Leistung der Krankenkasse",
                    free=True,
                    participation="registration",
                ),
            ),
        ),
        OrganisationSpec(
            key="familienhebammen",
            name="Familienhebammen-Projekt „Hebamme vor Ort“",
            kind="health",
            operator="Netzwerk Frühe Hilfen der Stadt",
            description=(
                "Familienhebammen suchen Familien aktiv auf und begleiten sie von der "
                "Schwangerschaft bis zum Übergang in die Kita – besonders dort, wo Eltern "
                "wenig Unterstützung haben."
            ),
            contacts=("Familienhebamme",),
            offers=(
                OfferSpec(
                    name="Familienhebamme: Begleitung von der Geburt bis zur Kita",
                    summary="Eine Familienhebamme besucht Sie regelmäßig zu Hause – "
                    "kostenlos, freiwillig und in Ihrer Sprache.",
                    description=(
                        "Die Familienhebamme hilft bei Gesundheit und Entwicklung Ihres "
                        "Kindes, begleitet zu U-Untersuchungen und Ämtern und kennt alle "
                        "Angebote im Stadtteil. Sie können sich selbst melden oder über Ihre "
                        "Kita, Ihre Ärztin oder den Familienkiosk."
                    ),
                    categories=("schwangerschaft.fruehe-hilfen", "schwangerschaft.hebamme"),
                    pregnancy=True,
                    ages=years(0, 3),
                    languages=("de", "ar", "ru"),
                    at=("kifaz",),
                    participation="referral",
                    place_note="Hausbesuche; Treffpunkt im KiFaZ nach Vereinbarung.",
                    checked_days_ago=45,
                ),
            ),
        ),
        OrganisationSpec(
            key="schwangerenberatung",
            name="Schwangerschaftsberatung Dresden-Süd",
            kind="counselling",
            operator="Frauen- und Familienhilfe e. V.",
            description="Staatlich anerkannte Schwangerschafts- und "
            "Schwangerschaftskonfliktberatungsstelle.",
            contacts=("Beratung",),
            offers=(
                OfferSpec(
                    name="Schwangerschaftsberatung",
                    summary="Beratung zu Schwangerschaft, Geburt, Geld und Rechten – und bei "
                    "ungeplanter Schwangerschaft.",
                    description=(
                        "Die Beraterinnen helfen bei Anträgen auf Elterngeld und Mittel der "
                        "Bundesstiftung Mutter und Kind, beraten ergebnisoffen im "
                        "Schwangerschaftskonflikt und begleiten nach einer Fehlgeburt."
                    ),
                    categories=("schwangerschaft.beratung", "finanzen.leistungen"),
                    pregnancy=True,
                    at=("beratungsstelle-sued",),
                    languages=("de", "en", "ru", "ar"),
                    participation="referral",
                ),
            ),
        ),
        # --- library, playgrounds, leisure ----------------------------------------------
        OrganisationSpec(
            key="bibliothek-prohlis",
            name="Stadtteilbibliothek Prohlis",
            kind="library",
            operator="Städtische Bibliotheken",
            description="Bibliothek im Einkaufszentrum mit großer Kinderabteilung.",
            contacts=("Kinderbibliothek",),
            places=(
                PlaceSpec(
                    "bibliothek-prohlis",
                    "Stadtteilbibliothek Prohlis",
                    "Allee am Park 10",
                    "prohlis-nord",
                    wheelchair=True,
                    hours=(weekly("MO,TU,TH,FR", "10:00", "19:00"), weekly("SA", "10:00", "14:00")),
                ),
            ),
            offers=(
                OfferSpec(
                    name="Stadtteilbibliothek Prohlis",
                    summary="Bücher, Filme, Spiele und Lernplätze – mit mehrsprachigen "
                    "Kinderbüchern auf Arabisch, Ukrainisch, Russisch und Farsi.",
                    description=(
                        "Kinder und Jugendliche bis 18 leihen kostenlos aus. Es gibt "
                        "Computerplätze, WLAN und ruhige Lernplätze für Schülerinnen und "
                        "Schüler."
                    ),
                    categories=("betreuung.bibliothek",),
                    languages=("de", "ar", "uk", "ru", "fa"),
                    fee="Bis 18 kostenlos, Erwachsene 15 € im Jahr (ermäßigt 5 €)",
                    free=False,
                ),
                OfferSpec(
                    name="Mehrsprachige Vorlesestunde",
                    summary="Geschichten auf Deutsch und in einer zweiten Sprache, jede "
                    "Woche wechselnd.",
                    description=(
                        "Vorleserinnen und Vorleser aus dem Stadtteil lesen gemeinsam mit der "
                        "Bibliothekarin. Danach gibt es eine kleine Bastelaktion."
                    ),
                    categories=("betreuung.bibliothek", "freizeit.kultur"),
                    ages=years(3, 8),
                    languages=("de", "ar", "uk", "fa"),
                    sessions=(weekly("FR", "15:30", "16:15"),),
                ),
                OfferSpec(
                    name="Bücherbabys",
                    summary="Reime, Fingerspiele und die ersten Bilderbücher für Babys "
                    "und ihre Eltern.",
                    description=(
                        "Alle vier Wochen treffen sich Eltern mit Kindern bis zwei Jahre in "
                        "der Kinderbibliothek. Jede Familie bekommt ein Lesestart-Set."
                    ),
                    categories=("betreuung.bibliothek", "elternbildung.eltern-kind-gruppe"),
                    ages=years(0, 2),
                    sessions=(monthly("2TU", "10:00", "10:45"),),
                ),
                OfferSpec(
                    name="Sprachcafé in der Bibliothek",
                    summary="Deutsch sprechen üben in entspannter Runde – alle Niveaus willkommen.",
                    description=(
                        "Ehrenamtliche moderieren kleine Gesprächsgruppen. Kinder können in "
                        "der Kinderbibliothek lesen oder spielen."
                    ),
                    categories=("beratung.migration",),
                    languages=("de", "ar", "uk", "ru", "fa", "tr", "vi"),
                    sessions=(weekly("TH", "17:00", "18:30"),),
                ),
            ),
        ),
        OrganisationSpec(
            key="stadtgruen",
            name="Stadtgrün Dresden-Süd",
            kind="public_authority",
            description="Zuständig für Parks und Spielplätze im Stadtbezirk.",
            contacts=("Spielplatzkontrolle",),
            places=(
                PlaceSpec(
                    "spielplatz-park",
                    "Spielplatz im Prohliser Park",
                    "Am Prohliser Park",
                    "prohlis-nord",
                    wheelchair=True,
                ),
                PlaceSpec(
                    "wasserspielplatz-reick",
                    "Wasserspielplatz Reick",
                    "Reicker Straße",
                    "reick",
                    wheelchair=True,
                ),
                PlaceSpec(
                    "spielplatz-lockwitzgrund",
                    "Kleinkindspielplatz Lockwitzgrund",
                    "Lockwitzgrund",
                    "lockwitz",
                ),
                PlaceSpec(
                    "nachbarschaftsgarten",
                    "Nachbarschaftsgarten am Geberbach",
                    "Am Geberbach",
                    "prohlis-nord",
                    wheelchair=True,
                ),
                PlaceSpec(
                    "spielplatz-strehlen",
                    "Spielplatz am Wasserturm Strehlen",
                    "Am Wasserturm",
                    "strehlen",
                ),
            ),
            offers=(
                OfferSpec(
                    name="Spielplatz im Prohliser Park",
                    summary="Großer Spielplatz mit Kletterschiff, inklusivem Karussell und "
                    "Bolzplatz.",
                    description=(
                        "Das Karussell ist mit dem Rollstuhl befahrbar, und die Wege sind "
                        "befestigt. Toiletten gibt es im Stadtteilladen gegenüber."
                    ),
                    categories=("freizeit.spielplatz",),
                    ages=years(0, 14),
                    at=("spielplatz-park",),
                    phone="",
                    email="",
                ),
                OfferSpec(
                    name="Wasserspielplatz Reick",
                    summary="Pumpen, Rinnen und Staudämme: Wasserspielplatz von Mai bis September.",
                    description=(
                        "Die Wasserpumpen laufen bei warmem Wetter. Wechselkleidung "
                        "einpacken! Schattige Sitzplätze gibt es unter den Bäumen am Rand."
                    ),
                    categories=("freizeit.spielplatz",),
                    ages=years(1, 10),
                    at=("wasserspielplatz-reick",),
                    phone="",
                    email="",
                ),
                OfferSpec(
                    name="Kleinkindspielplatz Lockwitzgrund",
                    summary="Ruhiger, eingezäunter Spielplatz für die Kleinsten am Lockwitzbach.",
                    description=(
                        "Sandkasten, Kleinkindschaukel und Wipptiere, dazu Bänke im Schatten. "
                        "Ein beliebter Treffpunkt der Krabbelgruppen."
                    ),
                    categories=("freizeit.spielplatz",),
                    ages=years(0, 6),
                    at=("spielplatz-lockwitzgrund",),
                    phone="",
                    email="",
                ),
                OfferSpec(
                    name="Spielplatz am Wasserturm Strehlen",
                    summary="Kletterspielplatz mit Seilbahn für Schulkinder.",
                    description=(
                        "Die Seilbahn ist 30 Meter lang. Für kleinere Kinder gibt es eine "
                        "Sandecke mit Rutsche."
                    ),
                    categories=("freizeit.spielplatz",),
                    ages=years(3, 14),
                    at=("spielplatz-strehlen",),
                    phone="",
                    email="",
                ),
                OfferSpec(
                    name="Spielplatz Reicker Straße (gesperrt)",
                    summary="Der alte Spielplatz ist abgebaut und durch den Wasserspielplatz "
                    "ersetzt.",
                    description="Nicht mehr vorhanden.",
                    categories=("freizeit.spielplatz",),
                    at=("wasserspielplatz-reick",),
                    status="archived",
                    checked_days_ago=600,
                ),
            ),
        ),
        OrganisationSpec(
            key="sg-dresden-sued",
            name="SG Dresden-Süd e. V.",
            kind="club",
            description="Sportverein mit Turnen, Fußball und Schwimmen.",
            contacts=("Jugendleitung",),
            places=(
                PlaceSpec(
                    "turnhalle-sued",
                    "Turnhalle an der Oberschule Prohlis",
                    "Allee am Park 42",
                    "prohlis-sued",
                    wheelchair=True,
                ),
                PlaceSpec(
                    "schwimmhalle",
                    "Schwimmhalle Dresden-Süd",
                    "Am Bahnhof 20",
                    "niedersedlitz",
                    wheelchair=True,
                ),
            ),
            offers=(
                OfferSpec(
                    name="Kinderturnen",
                    summary="Turnen, Toben und Spielen für Kinder von drei bis sechs Jahren.",
                    description=(
                        "Die Übungsleiterinnen bauen jede Woche neue Stationen auf. Die "
                        "ersten drei Stunden sind zum Ausprobieren kostenlos; den Beitrag "
                        "kann Bildung und Teilhabe übernehmen."
                    ),
                    categories=("freizeit.sport",),
                    ages=years(3, 7),
                    sessions=(weekly("WE", "16:00", "17:00"),),
                    fee="6 € im Monat",
                ),
                OfferSpec(
                    name="Mädchenfußball",
                    summary="Fußballtraining nur für Mädchen von acht bis vierzehn.",
                    description=(
                        "Vorkenntnisse braucht niemand. Die Trainerinnen legen Wert auf "
                        "Teamgeist und Spaß; im Sommer gibt es ein Turnier mit anderen "
                        "Vereinen."
                    ),
                    categories=("freizeit.sport",),
                    ages=years(8, 15),
                    sessions=(weekly("TU", "17:00", "18:30"),),
                    fee="6 € im Monat",
                ),
                OfferSpec(
                    name="Eltern-Kind-Schwimmen",
                    summary="Wassergewöhnung für Babys und Kleinkinder mit einem Elternteil.",
                    description=(
                        "Im warmen Lehrschwimmbecken lernen die Kinder spielerisch das "
                        "Wasser kennen. Ein Kurs umfasst zehn Termine."
                    ),
                    categories=("freizeit.sport", "elternbildung.eltern-kind-gruppe"),
                    ages=(4, 36),
                    at=("schwimmhalle",),
                    sessions=(weekly("SA", "09:00", "09:45"),),
                    fee="70 € für zehn Termine",
                    participation="registration",
                ),
            ),
        ),
        OrganisationSpec(
            key="kirchgemeinde-sued",
            name="Evangelische Kirchgemeinde Dresden-Süd",
            kind="church",
            description="Gemeinde mit Kirchen in Leubnitz und Lockwitz.",
            contacts=("Gemeindebüro", "Gemeindepädagogik"),
            places=(
                PlaceSpec(
                    "gemeindehaus-leubnitz",
                    "Gemeindehaus Leubnitz",
                    "Altleubnitz 2",
                    "leubnitz-neuostra",
                ),
                PlaceSpec(
                    "pfarrhaus-lockwitz",
                    "Pfarrhaus Lockwitz",
                    "Lockwitzgrund 25",
                    "lockwitz",
                ),
            ),
            offers=(
                OfferSpec(
                    name="Krabbelgruppe im Gemeindehaus Leubnitz",
                    summary="Offene Spielgruppe für Eltern mit Kindern bis drei Jahre.",
                    description=(
                        "Die Gruppe trifft sich im hellen Saal mit Garten. Zum Abschluss "
                        "wird ein Lied gesungen – wer nicht mitsingen mag, hört einfach zu."
                    ),
                    categories=("elternbildung.eltern-kind-gruppe", "freizeit.kirche"),
                    ages=years(0, 3),
                    sessions=(weekly("WE", "09:30", "11:00"),),
                ),
                OfferSpec(
                    name="Kinderkirche",
                    summary="Geschichten, Lieder und Spiele für Grundschulkinder, in "
                    "Leubnitz und Lockwitz.",
                    description=(
                        "Die Kinderkirche ist offen für alle Kinder, auch ohne Taufe. In "
                        "den Winterferien gibt es eine Kinderbibelwoche."
                    ),
                    categories=("freizeit.kirche",),
                    ages=years(6, 12),
                    at=("gemeindehaus-leubnitz", "pfarrhaus-lockwitz"),
                    sessions=(
                        weekly("TU", "16:00", "17:00"),
                        weekly("TH", "16:00", "17:00", at="pfarrhaus-lockwitz"),
                    ),
                ),
                OfferSpec(
                    name="Kleiderkammer im Pfarrhaus Lockwitz",
                    summary="Kostenlose Kleidung für Kinder und Erwachsene, gespendet aus "
                    "dem Stadtteil.",
                    description=(
                        "Die Kleiderkammer hat zweimal in der Woche geöffnet. Spenden nehmen "
                        "die Ehrenamtlichen zu denselben Zeiten an: bitte nur saubere, "
                        "tragbare Kleidung."
                    ),
                    categories=("finanzen.tafel",),
                    at=("pfarrhaus-lockwitz",),
                    sessions=(weekly("MO,TH", "14:00", "17:00"),),
                ),
            ),
        ),
        OrganisationSpec(
            key="tafel-prohlis",
            name="Tafel Dresden – Ausgabestelle Prohlis",
            kind="other",
            description="Lebensmittelausgabe für Menschen mit geringem Einkommen.",
            contacts=("Ausgabestelle",),
            places=(
                PlaceSpec(
                    "tafel-prohlis",
                    "Tafel-Ausgabestelle Prohlis",
                    "Heidelbeerweg 50",
                    "prohlis-nord",
                    wheelchair=True,
                ),
            ),
            offers=(
                OfferSpec(
                    name="Lebensmittelausgabe der Tafel",
                    summary="Lebensmittel für Haushalte mit wenig Geld, dreimal in der Woche.",
                    description=(
                        "Für die Ausgabe brauchen Sie einen Tafel-Ausweis. Den stellt die "
                        "Ausgabestelle gegen Vorlage Ihres Bescheids aus. Familien mit "
                        "Babys bekommen auf Nachfrage auch Windeln und Babynahrung."
                    ),
                    categories=("finanzen.tafel",),
                    sessions=(weekly("MO,WE,FR", "13:00", "16:00"),),
                    fee="2 € pro Einkauf",
                    participation="registration",
                    languages=("de", "ru", "ar"),
                ),
                OfferSpec(
                    name="Weihnachtspäckchen-Aktion 2023",
                    summary="Die Päckchenaktion für Kinder aus dem Vorjahr.",
                    description="Abgeschlossen.",
                    categories=("finanzen.tafel",),
                    status="archived",
                    checked_days_ago=680,
                ),
            ),
        ),
        emergency_numbers(
            key="notrufe",
            place="stadtteilladen",
            where="im Stadtteilladen und in allen Kitas des Bündnisses",
        ),
    ]


ALLIANCE = AllianceSpec(
    slug="prohlis",
    name="Bündnis Gesund aufwachsen in Prohlis (Demo)",
    region="Dresden-Prohlis (Sachsen)",
    about=(
        "Demo-Daten: Dieses Bündnis ist ein Beispiel. Es ist einem Bündnis im Dresdner "
        "Stadtteil Prohlis nachempfunden, aber alle Einrichtungen, Angebote, Adressen, "
        "Telefonnummern und E-Mail-Adressen sind erfunden. Echt sind nur die Namen der "
        "Stadtteile sowie die bundesweiten Notrufnummern und Hilfetelefone.\n\n"
        "Im Bündnis arbeiten 14 Kitas, Schulen, das Kinder- und Familienzentrum, der "
        "Allgemeine Soziale Dienst, der Kinder- und Jugendärztliche Dienst, "
        "Familienhebammen, Beratungsstellen und die offene Kinder- und Jugendarbeit Hand "
        "in Hand, damit Kinder im Stadtteil gesund aufwachsen."
    ),
    latitude=51.0000,
    longitude=13.8000,
    map_zoom=14,
    city="Dresden",
    phone_prefix="0351",
    email_domain="prohlis.example.org",
    districts=DISTRICTS,
    organisations=organisations,
    bounding_box=(50.97, 13.74, 51.04, 13.85),
)
