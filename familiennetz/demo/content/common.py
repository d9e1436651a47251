"""Content both demo alliances share: the nationwide emergency numbers and hotlines.

Unlike everything else in the demo these numbers are real on purpose: they are public,
free, nationwide services, and an emergency page with made-up numbers would be dangerous if
somebody ever used the demo in earnest. They are institutions' numbers, not personal data.
"""

from __future__ import annotations

from .types import OfferSpec, OrganisationSpec, years


def emergency_numbers(*, key: str, place: str, where: str) -> OrganisationSpec:
    """The "Erste-Hilfe-Box" numbers, shown at ``place`` (the printed box lies there)."""
    note = f"Telefonisch erreichbar. Die Nummer steht auch in der Erste-Hilfe-Box ({where})."
    at = (place,)
    return OrganisationSpec(
        key=key,
        name="Notrufe und Hilfetelefone",
        kind="other",
        description=(
            "Die wichtigsten Notrufnummern und bundesweiten Hilfetelefone auf einen Blick. "
            "Alle Nummern sind kostenlos und aus jedem Netz erreichbar, die meisten rund um "
            "die Uhr. Diese Nummern sind echt – anders als die übrigen Demo-Einträge."
        ),
        contacts=(),
        phone="112",
        email="",
        offers=(
            OfferSpec(
                name="Notruf 112 – Rettungsdienst und Feuerwehr",
                summary="Bei Lebensgefahr, schweren Verletzungen, Bränden und Unfällen sofort "
                "die 112 wählen.",
                description=(
                    "Die 112 gilt in ganz Europa, auch ohne Guthaben. Sagen Sie ruhig, wo Sie "
                    "sind, was passiert ist und wie viele Menschen verletzt sind – dann warten "
                    "Sie auf Rückfragen und legen nicht zuerst auf. Typische Notfälle mit "
                    "Kindern: Atemnot, Bewusstlosigkeit, ein Krampfanfall, Verbrühungen, ein "
                    "Sturz aus großer Höhe."
                ),
                categories=("notfall.telefon",),
                phone="112",
                email="",
                at=at,
                place_note=note,
                languages=("de", "en"),
                how="Rund um die Uhr, kostenlos, aus jedem Telefon.",
                checked_days_ago=20,
            ),
            OfferSpec(
                name="Polizei-Notruf 110",
                summary="Wenn Sie oder Ihr Kind bedroht werden, bei Gewalt, Einbruch oder "
                "wenn ein Kind vermisst wird.",
                description=(
                    "Unter 110 erreichen Sie rund um die Uhr die Einsatzleitstelle der "
                    "Polizei. Rufen Sie lieber einmal zu oft an: Auch wenn ein Kind nicht wie "
                    "verabredet nach Hause kommt und Sie es nicht erreichen, hilft die Polizei "
                    "bei der Suche."
                ),
                categories=("notfall.telefon", "notfall.gewalt"),
                phone="110",
                email="",
                at=at,
                place_note=note,
                how="Rund um die Uhr, kostenlos.",
                checked_days_ago=20,
            ),
            OfferSpec(
                name="Ärztlicher Bereitschaftsdienst 116 117",
                summary="Ihr Kind ist nachts oder am Wochenende krank, aber es ist kein "
                "lebensbedrohlicher Notfall? Dann hilft die 116 117.",
                description=(
                    "Der Bereitschaftsdienst der Kassenärztlichen Vereinigungen nennt Ihnen "
                    "die nächste Bereitschaftspraxis – oft auch eine kinderärztliche – oder "
                    "schickt in dringenden Fällen eine Ärztin oder einen Arzt nach Hause. Bei "
                    "Lebensgefahr wählen Sie bitte sofort die 112."
                ),
                categories=("notfall.telefon", "gesundheit.kinderarzt"),
                phone="116 117",
                email="",
                at=at,
                place_note=note,
                how="Rund um die Uhr, kostenlos.",
                checked_days_ago=20,
            ),
            OfferSpec(
                name="Giftnotruf",
                summary="Ihr Kind hat Tabletten, Putzmittel, Pflanzen oder etwas anderes "
                "verschluckt? Der Giftnotruf sagt Ihnen, was jetzt zu tun ist.",
                description=(
                    "Für Sachsen ist das Gemeinsame Giftinformationszentrum in Erfurt "
                    "zuständig. Halten Sie wenn möglich die Verpackung bereit und schätzen "
                    "Sie, wie viel Ihr Kind genommen haben könnte. Geben Sie nichts zu "
                    "trinken und lösen Sie kein Erbrechen aus, bevor Sie angerufen haben."
                ),
                categories=("notfall.telefon",),
                phone="0361 730 730",
                email="",
                at=at,
                place_note=note,
                how="Rund um die Uhr erreichbar.",
                checked_days_ago=20,
            ),
            OfferSpec(
                name="Nummer gegen Kummer – Kinder- und Jugendtelefon",
                summary="Kinder und Jugendliche können hier anonym über alles reden, was sie "
                "bedrückt.",
                description=(
                    "Streit zu Hause, Mobbing, Liebeskummer oder Angst: Am Kinder- und "
                    "Jugendtelefon hören geschulte Beraterinnen und Berater zu. Niemand muss "
                    "seinen Namen sagen, und der Anruf erscheint nicht auf der "
                    "Telefonrechnung."
                ),
                categories=("notfall.telefon", "notfall.kinderschutz"),
                ages=years(6, 21),
                phone="116 111",
                email="",
                at=at,
                place_note=note,
                how="Montag bis Samstag 14 bis 20 Uhr, anonym und kostenlos.",
                checked_days_ago=45,
            ),
            OfferSpec(
                name="Elterntelefon",
                summary="Beratung am Telefon für Mütter, Väter und alle, die Kinder erziehen "
                "– anonym und kostenlos.",
                description=(
                    "Wenn Ihnen der Alltag über den Kopf wächst, das Kind nicht schläft oder "
                    "die Pubertät alle an die Grenzen bringt: Am Elterntelefon der Nummer "
                    "gegen Kummer können Sie in Ruhe erzählen und gemeinsam überlegen, was "
                    "helfen könnte."
                ),
                categories=("notfall.telefon", "beratung.erziehung"),
                phone="0800 111 0 550",
                email="",
                at=at,
                place_note=note,
                how="Montag bis Freitag 9 bis 17 Uhr, Dienstag und Donnerstag bis 19 Uhr.",
                checked_days_ago=45,
            ),
            OfferSpec(
                name="Hilfetelefon Gewalt gegen Frauen",
                summary="Beratung für Frauen, die Gewalt erleben – rund um die Uhr, anonym "
                "und in vielen Sprachen.",
                description=(
                    "Das Hilfetelefon berät Betroffene, Angehörige und Fachkräfte. Auf Wunsch "
                    "wird eine Dolmetscherin dazugeschaltet. Die Beraterinnen kennen die "
                    "Frauenhäuser und Beratungsstellen in der Nähe und helfen beim nächsten "
                    "Schritt."
                ),
                categories=("notfall.gewalt", "notfall.telefon"),
                phone="116 016",
                email="",
                languages=("de", "en", "ar", "tr", "ru", "uk", "fa", "pl"),
                at=at,
                place_note=note,
                how="Rund um die Uhr, anonym und kostenlos.",
                checked_days_ago=45,
            ),
            OfferSpec(
                name="Hilfetelefon Schwangere in Not",
                summary="Schwanger und Sie wissen nicht weiter? Hier finden Sie anonym und "
                "vertraulich Hilfe.",
                description=(
                    "Das Hilfetelefon berät rund um die Uhr, auch zur vertraulichen Geburt. "
                    "Die Beraterinnen vermitteln auf Wunsch an eine "
                    "Schwangerschaftsberatungsstelle in Ihrer Nähe."
                ),
                categories=("schwangerschaft.beratung", "notfall.telefon"),
                pregnancy=True,
                phone="0800 40 40 020",
                email="",
                at=at,
                place_note=note,
                how="Rund um die Uhr, anonym und kostenlos.",
                checked_days_ago=45,
            ),
            OfferSpec(
                name="Telefonseelsorge",
                summary="Wenn Sorgen, Trauer oder Einsamkeit zu schwer werden: jemand hört zu, "
                "Tag und Nacht.",
                description=(
                    "Die Telefonseelsorge ist für Erwachsene in jeder Lebenslage da, auch "
                    "nach einem Todesfall in der Familie oder in einer Krise mitten in der "
                    "Nacht. Die Gespräche sind vertraulich und anonym."
                ),
                categories=("notfall.telefon", "beratung.trauer"),
                phone="0800 111 0 111",
                email="",
                at=at,
                place_note=note,
                how="Rund um die Uhr, auch unter 0800 111 0 222.",
                checked_days_ago=45,
            ),
        ),
    )
