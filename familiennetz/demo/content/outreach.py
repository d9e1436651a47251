"""Demo outreach: an Erste-Hilfe-Box and a Stadtteil-Rallye with six stations per town (the
Stadtteilplan is drawn from the demo districts and places, nothing to store).

The national numbers are the real ones (112, 110, 116 117, Nummer gegen Kummer …); local
first contacts come from the town's own demo offers in the emergency categories. Station
pictures are simple drawings made here (no photos of real places or people).
"""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw, ImageFont

from familiennetz.directory.models import Location, Offer
from familiennetz.directory.selectors import emergency_offer_list
from familiennetz.outreach import services

NATIONAL = [
    ("notfall", "Feuerwehr und Rettungsdienst", "112", "rund um die Uhr", ""),
    ("notfall", "Polizei", "110", "rund um die Uhr", ""),
    (
        "notfall",
        "Giftnotruf (Giftinformationszentrum Erfurt)",
        "0361 730 730",
        "rund um die Uhr",
        "Bei Vergiftungen: Verpackung bereithalten.",
    ),
    (
        "beratung",
        "Elterntelefon (Nummer gegen Kummer)",
        "0800 111 0 550",
        "Mo–Fr 9–17 Uhr, Di und Do bis 19 Uhr",
        "kostenlos und anonym",
    ),
    (
        "beratung",
        "Hilfetelefon Schwangere in Not",
        "0800 40 40 020",
        "rund um die Uhr",
        "kostenlos, anonym, in vielen Sprachen",
    ),
    (
        "beratung",
        "Hilfetelefon Gewalt gegen Frauen",
        "116 016",
        "rund um die Uhr",
        "in 18 Sprachen",
    ),
    (
        "nachts",
        "Ärztlicher Bereitschaftsdienst",
        "116 117",
        "nachts, am Wochenende und an Feiertagen",
        "Wenn die Kinderarztpraxis zu ist.",
    ),
    (
        "nachts",
        "Kinder- und Jugendtelefon",
        "116 111",
        "Mo–Sa 14–20 Uhr",
        "Für Kinder und Jugendliche selbst.",
    ),
    ("nachts", "TelefonSeelsorge", "0800 111 0 111", "rund um die Uhr", "kostenlos"),
]

# (title of the rally, intro, the places' names in order)
RALLIES = {
    "hainichen": (
        "Entdecker-Rallye durch Hainichen",
        "Für Vorschulkinder und ihre Familien: sechs Stationen rund um den Stadtpark. "
        "Wer alle geschafft hat, bekommt im Familienzentrum eine Urkunde.",
        [
            "Rathaus Hainichen",
            "Stadtbibliothek im Kulturhaus",
            "Spielplatz im Stadtpark",
            "Familienzentrum „Regenbogen“",
            "Grundschule am Stadtpark",
            "Evangelisches Gemeindehaus",
        ],
    ),
    "prohlis": (
        "Stadtteil-Rallye Prohlis",
        "Sechs Stationen durch Prohlis für Kinder vor dem Schulanfang. "
        "Die Urkunde gibt es im Kinder- und Familienzentrum.",
        [
            "Stadtteilladen Prohlis",
            "Stadtteilbibliothek Prohlis",
            "Spielplatz im Prohliser Park",
            "Kinder- und Familienzentrum Prohlis",
            "Grundschule Am Geberbach",
            "Nachbarschaftsgarten am Geberbach",
        ],
    ),
}

# A task for a kind of place (first matching word of the place's name).
TASKS = [
    (
        "Rathaus",
        "Das Rathaus",
        "Findet das Wappen über der Tür. Welche Farben hat es?",
        "Ein Haus mit Turm und Uhr",
    ),
    (
        "Stadtteilladen",
        "Der Stadtteilladen",
        "Schaut ins Schaufenster: Was hängt dort für Kinder?",
        "Ein Laden mit großem Fenster",
    ),
    (
        "bibliothek",
        "Bücherwurm",
        "Wie viele Bücher mit Tieren seht ihr im Fenster?",
        "Ein Stapel bunter Bücher",
    ),
    (
        "Spielplatz",
        "Rutsche",
        "Rutscht einmal – und zählt die Stufen hinauf!",
        "Eine Rutsche auf dem Spielplatz",
    ),
    (
        "Familienzentrum",
        "Elterncafé",
        "Findet das Schild mit der Kaffeetasse!",
        "Eine Tasse und ein Kinderbecher",
    ),
    (
        "Grundschule",
        "Meine Schule",
        "Hier lernt ihr bald. Winkt dem Schulhaus zu!",
        "Eine Schultüte",
    ),
    (
        "Gemeindehaus",
        "Die Glocke",
        "Hört ihr die Glocke? Klatscht so oft, wie sie schlägt.",
        "Eine Glocke",
    ),
    (
        "Garten",
        "Im Garten",
        "Findet drei verschiedene Blätter und zeigt sie euren Eltern.",
        "Drei grüne Blätter",
    ),
]
COLOURS = ["#c0392b", "#2e7d32", "#1565c0", "#ef6c00", "#6a1b9a", "#00838f"]


def _picture(number: int, colour: str) -> SimpleUploadedFile:
    """A simple drawing: a coloured sign with the station's number."""
    image = Image.new("RGB", (480, 320), "#fdf6e3")
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((40, 40, 440, 280), radius=36, fill=colour)
    draw.ellipse((170, 90, 310, 230), fill="#ffffff")
    font = ImageFont.load_default(size=96)
    draw.text((240, 160), str(number), fill=colour, font=font, anchor="mm")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return SimpleUploadedFile(f"station-{number}.png", out.getvalue(), content_type="image/png")


def _task_for(name: str) -> tuple[str, str, str]:
    for word, title, task, picture_text in TASKS:
        if word.lower() in name.lower():
            return title, task, picture_text
    return name, "Was gibt es hier für Kinder? Erzählt es euren Eltern!", "Ein Haus"


def _help_box(alliance) -> None:
    local = emergency_offer_list(alliance=alliance, limit=2)
    rows = list(NATIONAL)
    known = {"".join(ch for ch in row[2] if ch.isdigit()) for row in rows}
    for offer in local:
        if "".join(ch for ch in offer.phone if ch.isdigit()) in known:
            continue
        rows.insert(6, ("beratung", offer.name, offer.phone, "", "vor Ort in Ihrer Nähe"))
    for position, (group, name, phone, hours, note) in enumerate(rows, start=1):
        services.help_contact_save(
            alliance=alliance,
            values={
                "group": group,
                "name": name[:120],
                "phone": phone,
                "hours": hours,
                "note": note,
                "position": position * 10,
            },
        )


def _rally(alliance) -> None:
    spec = RALLIES.get(alliance.slug)
    if spec is None:
        return
    title, intro, names = spec
    places = {p.name: p for p in Location.objects.for_alliance(alliance).filter(name__in=names)}
    chosen = [places[name] for name in names if name in places]
    if len(chosen) < 6:  # a changed demo town: fill up with other places that have coordinates
        others = Location.objects.for_alliance(alliance).filter(latitude__isnull=False)
        chosen += list(
            others.exclude(pk__in=[p.pk for p in chosen]).order_by("name")[: 6 - len(chosen)]
        )
    rally = services.rally_save(alliance=alliance, values={"title": title, "intro": intro})
    for number, place in enumerate(chosen[:6], start=1):
        station_title, task, picture_text = _task_for(place.name)
        services.station_save(
            rally=rally,
            values={
                "location": place,
                "number": number,
                "title": station_title,
                "task": task,
                "picture_text": picture_text,
            },
            picture=_picture(number, COLOURS[number - 1]),
        )
    services.rally_save(alliance=alliance, values={"is_published": True}, rally=rally)


# Kita → school (issue 14): the same school year in both towns, contacts from the town's data.
TRANSITION = [
    (
        "anmeldung",
        "im September/Oktober, ein Jahr vor der Einschulung",
        "Schulanmeldung",
        "Die Stadt schreibt Ihnen. Melden Sie Ihr Kind an der Grundschule Ihres Schulbezirks an; "
        "mitbringen: Geburtsurkunde und Ausweis.",
        "schul",
    ),
    (
        "untersuchung",
        "im Winter vor der Einschulung",
        "Schuleingangsuntersuchung",
        "Das Gesundheitsamt lädt Sie ein: Sehen, Hören, Sprache, Bewegung. Bringen Sie das gelbe "
        "Heft und den Impfausweis mit.",
        "gesundheit",
    ),
    (
        "vorschule",
        "im letzten Kita-Jahr",
        "Vorschulgruppe und Schulbesuch",
        "Die Kita bereitet die Kinder in der Vorschulgruppe vor; oft gibt es einen Schnuppertag "
        "in der Grundschule.",
        "kita",
    ),
    (
        "einschulung",
        "im August",
        "Erster Schultag",
        "Schuleinführung mit Zuckertüte. Fragen zum Hort oder zur Ganztagsbetreuung klären Sie "
        "vorher mit der Schule.",
        "hort",
    ),
]


def _transition(alliance) -> None:
    offers = list(Offer.objects.for_alliance(alliance).published().order_by("name"))
    places = list(Location.objects.for_alliance(alliance).order_by("name"))
    for position, (phase, when, title, text, word) in enumerate(TRANSITION, start=1):
        offer = next((o for o in offers if word in o.name.lower()), None)
        place = next((p for p in places if word in p.name.lower()), None)
        services.transition_step_save(
            alliance=alliance,
            values={
                "phase": phase,
                "when": when,
                "title": title,
                "text": text,
                "offer": offer,
                "location": place,
                "position": position * 10,
            },
        )


def install_demo_outreach(*, alliance, now=None) -> None:
    _help_box(alliance)
    _rally(alliance)
    _transition(alliance)
