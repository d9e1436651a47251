"""The columns of the coordinators' spreadsheet (German headers) and how a cell is read.

Headers are matched without regard to case, spaces, hyphens and umlaut spelling; each column
also knows the names other lists use for it (the Chemnitz Kita list: BEZEICHNUNG, TRAEGER,
X/Y, …). A parser returns the cleaned value or raises ``Invalid`` with a message for the
report.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from familiennetz.directory.models import Offer, Status
from familiennetz.directory.models.audience import MAX_AGE_MONTHS
from familiennetz.interop.checks import Invalid, clean_email, clean_text
from familiennetz.interop.tabular_io import parse_bool, parse_number


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # German header of the template
    help: str  # for the notes sheet of the template
    aliases: tuple[str, ...] = ()
    required: bool = False
    max_length: int | None = None


COLUMNS = [
    Column("key", "Kennung", gettext_lazy("Your identifier of the offer. Rows with the same identifier are one offer at several places; importing again updates the offer."), ("id", "nr", "nummer")),  # noqa: E501
    Column("name", "Angebot", gettext_lazy("Name of the offer (required)."), ("name", "bezeichnung", "titel", "angebotsname"), True, 300),  # noqa: E501
    Column("summary", "Kurzbeschreibung", gettext_lazy("One or two sentences for the result list."), ("kurztext",), False, 400),  # noqa: E501
    Column("description", "Beschreibung", gettext_lazy("Longer description."), ("text", "langbeschreibung")),  # noqa: E501
    Column("organisation", "Träger", gettext_lazy("Organisation offering it (required); created if unknown."), ("traeger", "trager", "organisation", "anbieter", "einrichtungstraeger"), True, 300),  # noqa: E501
    Column("categories", "Kategorien", gettext_lazy("Categories by name or code, separated by commas."), ("kategorie",)),  # noqa: E501
    Column("place", "Name des Ortes", gettext_lazy("Where it takes place; empty: the name of the offer."), ("ortsname", "standort", "einrichtung"), False, 300),  # noqa: E501
    Column("street", "Straße und Hausnummer", gettext_lazy("Street and number."), ("strasse", "strase", "adresse", "anschrift"), False, 200),  # noqa: E501
    Column("house_number", "Hausnummer", gettext_lazy("Only if the street column has no number."), ("hausbez", "hausnr")),  # noqa: E501
    Column("postal_code", "PLZ", gettext_lazy("Five-digit postal code."), ("postleitzahl",)),
    Column("city", "Ort", gettext_lazy("Town."), ("stadt", "gemeinde"), False, 100),
    Column("district", "Ortsteil", gettext_lazy("District (Ortsteil, Stadtteil) of the network."), ("stadtteil",)),  # noqa: E501
    Column("latitude", "Breitengrad", gettext_lazy("Latitude, e.g. 50,9712 (empty: from the address)."), ("lat", "latitude", "breite", "y")),  # noqa: E501
    Column("longitude", "Längengrad", gettext_lazy("Longitude, e.g. 13,1203."), ("lon", "lng", "longitude", "laenge", "x")),  # noqa: E501
    Column("age_from", "Alter von", gettext_lazy("Youngest age in years (e.g. 3) or months (e.g. 18 Monate)."), ("mindestalter", "alter ab")),  # noqa: E501
    Column("age_to", "Alter bis", gettext_lazy("Oldest age in years (inclusive) or months."), ("hoechstalter", "hochstalter")),  # noqa: E501
    Column("pregnancy", "Schwangerschaft", gettext_lazy("Also for pregnant people: ja/nein."), ("schwangere",)),  # noqa: E501
    Column("free", "Kostenlos", gettext_lazy("Free of charge: ja/nein."), ("gratis", "kostenfrei")),
    Column("costs", "Kosten", gettext_lazy("What it costs."), ("gebuehr", "gebuehren", "preis"), False, 300),  # noqa: E501
    Column("languages", "Sprachen", gettext_lazy("Languages spoken, e.g. Deutsch, Arabisch, Leichte Sprache."), ("sprache",)),  # noqa: E501
    Column("participation", "Teilnahme", gettext_lazy("offen, Anmeldung or Vermittlung."), ("zugang",)),  # noqa: E501
    Column("participation_notes", "Hinweise zur Teilnahme", gettext_lazy("How to take part (details)."), ("anmeldung",)),  # noqa: E501
    Column("email", "E-Mail", gettext_lazy("E-mail address."), ("email", "mail", "e-mail-adresse")),
    Column("phone", "Telefon", gettext_lazy("Phone number."), ("tel", "telefonnummer"), False, 50),
    Column("website", "Website", gettext_lazy("Web address."), ("url", "internet", "webseite", "homepage")),  # noqa: E501
    Column("wheelchair", "Rollstuhlgerecht", gettext_lazy("Place is wheelchair accessible: ja/nein."), ("barrierefrei", "rollstuhl")),  # noqa: E501
    Column("pram", "Kinderwagengerecht", gettext_lazy("Place is accessible with a pram: ja/nein."), ("kinderwagen",)),  # noqa: E501
    Column("online", "Auch online", gettext_lazy("Also online: ja/nein."), ("online",)),
    Column("status", "Status", gettext_lazy("veröffentlicht or Entwurf (empty: Entwurf)."), ("veroeffentlicht",)),  # noqa: E501
]  # fmt: skip
BY_KEY = {column.key: column for column in COLUMNS}
OFFER_FIELDS = ("name", "summary", "description", "organisation", "categories", "age_from",
                "age_to", "pregnancy", "free", "costs", "languages", "participation",
                "participation_notes", "email", "phone", "website", "online", "status")  # fmt: skip


def normalise_header(text: str) -> str:
    text = str(text).strip().casefold()
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, plain)
    return re.sub(r"[\s_\-./()]+", " ", text).strip()


HEADER_INDEX = {
    normalise_header(name): column.key
    for column in COLUMNS
    for name in (column.header, column.key, *column.aliases)
}


def match_headers(header: list[str]) -> tuple[dict[int, str], list[str]]:
    """Column position → key, and the headers nobody knows (reported, not fatal)."""
    matched, unknown, taken = {}, [], set()
    for position, name in enumerate(header):
        key = HEADER_INDEX.get(normalise_header(name))
        if key and key not in taken:
            matched[position] = key
            taken.add(key)
        elif name:
            unknown.append(name)
    return matched, unknown


# --- cell parsers ---------------------------------------------------------------------------


def text(value, max_length: int | None = None) -> str:
    cleaned = " ".join(str(value).split()) if max_length else str(value).strip()
    if max_length:
        cleaned, cut = clean_text(cleaned, max_length)
        if cut:
            raise Invalid(_("At most %(n)d characters.") % {"n": max_length})
    return cleaned


def boolean(value) -> bool:
    try:
        return parse_bool(value)
    except ValueError:
        raise Invalid(_("Write “ja” or “nein”.")) from None


def number(value) -> float:
    try:
        return parse_number(value)
    except ValueError:
        raise Invalid(_("“%(value)s” is not a number.") % {"value": value}) from None


_AGE = re.compile(r"^(\d+(?:[.,]\d+)?)\s*(j|jahr|jahre|years?|y|m|mon|monat|monate|months?)?\.?$")


def age_months(value, *, upper: bool) -> int:
    """ "3" → 36 (from) or 47 (until: up to the day before the 4th birthday); "18 Monate" → 18."""
    match = _AGE.match(str(value).strip().casefold())
    if not match:
        raise Invalid(_("Write an age in years (3) or months (18 Monate)."))
    amount = float(match[1].replace(",", "."))
    if match[2] and match[2].startswith("m"):
        if not amount.is_integer():
            raise Invalid(_("Write months as a whole number."))
        months = int(amount)
    elif upper and amount.is_integer():
        months = int(amount) * 12 + 11
    else:
        months = round(amount * 12)
    if months > MAX_AGE_MONTHS:
        raise Invalid(_("Ages up to 27 years are possible."))
    return months


def age_text(months: int | None, *, upper: bool) -> str:
    """The inverse of ``age_months``: what the export writes."""
    if months is None:
        return ""
    if not upper and months % 12 == 0:
        return str(months // 12)
    if upper and (months + 1) % 12 == 0:
        return str((months + 1) // 12 - 1)
    return f"{months} Monate"


def postal_code(value) -> str:
    text_value = str(value).strip()
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    if is_number and 0 <= value < 100_000 and float(value).is_integer():
        text_value = f"{int(value):05d}"  # Excel drops the leading zero of 01234
    if not re.fullmatch(r"\d{5}", text_value):
        raise Invalid(_("A postal code has five digits."))
    return text_value


def email(value) -> str:
    return clean_email(value)


def split_list(value) -> list[str]:
    return [part.strip() for part in re.split(r"[,;|\n]+", str(value)) if part.strip()]


def _words(choices: dict[str, tuple[str, ...]]) -> dict[str, str]:
    with translation.override("de"):
        labels = {str(label).casefold(): key for key, label in Offer.Participation.choices}
    return labels | {word: key for key, words in choices.items() for word in words}


PARTICIPATION_WORDS = {
    Offer.Participation.OPEN: ("offen", "open", "ohne anmeldung", "einfach vorbeikommen"),
    Offer.Participation.REGISTRATION: ("anmeldung", "mit anmeldung", "registration"),
    Offer.Participation.REFERRAL: ("vermittlung", "termin", "referral", "überweisung"),
}
STATUS_WORDS = {
    Status.PUBLISHED: ("veröffentlicht", "veroeffentlicht", "published", "öffentlich", "ja"),
    Status.DRAFT: ("entwurf", "draft", "nein"),
    Status.ARCHIVED: ("archiviert", "archived"),
}
STATUS_TEXT = {
    Status.PUBLISHED: "veröffentlicht",
    Status.DRAFT: "Entwurf",
    Status.ARCHIVED: "archiviert",
}


def participation(value) -> str:
    found = _words(PARTICIPATION_WORDS).get(str(value).strip().casefold())
    if found is None:
        raise Invalid(_("Write “offen”, “Anmeldung” or “Vermittlung”."))
    return found


def participation_text(key: str) -> str:
    return {"open": "offen", "registration": "Anmeldung", "referral": "Vermittlung"}[key]


def status(value) -> str:
    text_value = str(value).strip().casefold()
    for key, words in STATUS_WORDS.items():
        if text_value in words:
            return key
    raise Invalid(_("Write “veröffentlicht” or “Entwurf”."))


PARSERS: dict[str, Callable] = {
    "pregnancy": boolean,
    "free": boolean,
    "wheelchair": boolean,
    "pram": boolean,
    "online": boolean,
    "latitude": number,
    "longitude": number,
    "age_from": lambda v: age_months(v, upper=False),
    "age_to": lambda v: age_months(v, upper=True),
    "postal_code": postal_code,
    "email": email,
    "participation": participation,
    "status": status,
}
