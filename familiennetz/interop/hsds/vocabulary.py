"""Our two HSDS taxonomies: the alliance's categories and the "familiennetz attributes" that
carry German specifics HSDS has no field for (district, legal basis, age bands, Leichte
Sprache, …) as HSDS ``attribute`` rows with a value. See docs/dev/hsds.md."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from familiennetz.directory.models.audience import AGE_BANDS
from familiennetz.directory.services import DEFAULT_TAXONOMY

from .ids import fixed_id

CATEGORY_TAXONOMY_ID = fixed_id("taxonomy:categories")
ATTRIBUTE_TAXONOMY_ID = fixed_id("taxonomy:attributes")
TAXONOMY_FILE = DEFAULT_TAXONOMY
LEICHTE_SPRACHE = "de-x-ls"


@dataclass(frozen=True)
class AttributeTerm:
    code: str
    entity: str  # link_entity: service, location, organization, schedule
    name: str
    description: str

    @property
    def id(self) -> str:
        return fixed_id(f"attribute:{self.code}")  # cached


ATTRIBUTE_TERMS = [
    AttributeTerm(
        "summary",
        "service",
        "Kurzbeschreibung",
        "Short description (one or two sentences).",
    ),
    AttributeTerm(
        "legal_basis",
        "service",
        "Rechtsgrundlage",
        "German legal basis, derived from the categories (export only).",
    ),
    AttributeTerm(
        "age_band",
        "service",
        "Altersgruppe",
        "Age band of the family guide: schwangerschaft, 0-3, 3-6, 6-10, 10-14, 14-18.",
    ),
    AttributeTerm(
        "pregnancy",
        "service",
        "Schwangerschaft",
        "For pregnant people (true).",
    ),
    AttributeTerm(
        "age_min_months",
        "service",
        "Mindestalter (Monate)",
        "Exact youngest age in months.",
    ),
    AttributeTerm(
        "age_max_months",
        "service",
        "Höchstalter (Monate)",
        "Exact oldest age in months (inclusive).",
    ),
    AttributeTerm(
        "leichte_sprache",
        "service",
        "Leichte Sprache",
        "Information and counselling available in Leichte Sprache (true).",
    ),
    AttributeTerm(
        "free_of_charge",
        "service",
        "Kostenlos",
        "Free of charge (true).",
    ),
    AttributeTerm(
        "participation",
        "service",
        "Teilnahme",
        "How to take part: open, registration or referral.",
    ),
    AttributeTerm(
        "online",
        "service",
        "Auch online",
        "Also available online (true).",
    ),
    AttributeTerm(
        "accessibility_notes",
        "service",
        "Barrierefreiheit",
        "Accessibility of the offer.",
    ),
    AttributeTerm(
        "district",
        "location",
        "Ortsteil",
        "District (Ortsteil, Stadtteil) of the location.",
    ),
    AttributeTerm(
        "wheelchair_accessible",
        "location",
        "Rollstuhlgerecht",
        "Wheelchair accessible (true).",
    ),
    AttributeTerm(
        "pram_accessible",
        "location",
        "Kinderwagengerecht",
        "Accessible with a pram (true).",
    ),
    AttributeTerm(
        "organisation_kind",
        "organization",
        "Art des Trägers",
        "Kind of organisation: kita, school, counselling, …",
    ),
    AttributeTerm(
        "operator",
        "organization",
        "Träger",
        "Operator (Träger), if different from the organisation.",
    ),
    AttributeTerm(
        "rrule",
        "schedule",
        "Wiederholung (RFC 5545)",
        "The exact RFC 5545 recurrence rule.",
    ),
    AttributeTerm(
        "schedule_kind",
        "schedule",
        "Art der Zeiten",
        "opening_hours or session.",
    ),
]
ATTRIBUTE_TERMS_BY_CODE = {term.code: term for term in ATTRIBUTE_TERMS}
ATTRIBUTE_TERMS_BY_ID = {term.id: term for term in ATTRIBUTE_TERMS}
AGE_BAND_KEYS = [band.key for band in AGE_BANDS]

# German legal basis of typical offers, by category code (most specific first). Derived on
# export; an import does not store it.
LEGAL_BASIS = {
    "betreuung.kita": "§§ 22–24 SGB VIII (Förderung in Tageseinrichtungen)",
    "betreuung.tagespflege": "§§ 23, 24 SGB VIII (Kindertagespflege)",
    "betreuung.hort": "§§ 22, 24 SGB VIII (Förderung in Tageseinrichtungen)",
    "beratung.erziehung": "§ 28 SGB VIII (Erziehungsberatung)",
    "beratung.trennung": "§§ 17, 18 SGB VIII (Beratung bei Trennung und Scheidung)",
    "beratung.jugendamt": "SGB VIII (Kinder- und Jugendhilfe)",
    "schwangerschaft.beratung": "§ 2 SchKG (Schwangerschaftsberatung)",
    "schwangerschaft.fruehe-hilfen": "§ 3 KKG, § 16 SGB VIII (Frühe Hilfen)",
    "elternbildung": "§ 16 SGB VIII (Förderung der Erziehung in der Familie)",
    "freizeit.jugend": "§ 11 SGB VIII (Jugendarbeit)",
    "notfall.kinderschutz": "§ 8a SGB VIII, KKG (Kinderschutz)",
    "finanzen.but": "§ 28 SGB II, § 34 SGB XII, § 6b BKGG (Bildung und Teilhabe)",
    "gesundheit.therapie": "§ 46 SGB IX (Früherkennung und Frühförderung)",
}


def legal_bases(category_codes: list[str]) -> list[str]:
    found = []
    for code in category_codes:
        for key in (code, code.split(".")[0]):
            basis = LEGAL_BASIS.get(key)
            if basis:
                if basis not in found:
                    found.append(basis)
                break
    return found


def age_bands(for_pregnancy: bool, lo: int | None, hi: int | None) -> list[str]:
    """The family guide's age bands an offer shows up under (same rule as the search)."""
    keys = ["schwangerschaft"] if for_pregnancy else []
    if lo is None and hi is None:
        return keys if for_pregnancy else AGE_BAND_KEYS[1:]
    for band in AGE_BANDS[1:]:
        if (lo is None or lo <= band.max_months) and (hi is None or hi >= band.min_months):
            keys.append(band.key)
    return keys


@cache
def default_terms() -> dict[str, dict]:
    """Terms of the shipped taxonomy by code (English names and synonyms for imports)."""
    data = json.loads(TAXONOMY_FILE.read_text(encoding="utf-8"))
    terms = {}

    def walk(items):
        for item in items:
            terms[item["code"]] = item
            walk(item.get("children", []))

    walk(data["terms"])
    return terms


@cache
def default_taxonomy_name() -> tuple[str, str]:
    data = json.loads(TAXONOMY_FILE.read_text(encoding="utf-8"))
    return data["name"], data.get("version", "")


# Federal state by the first two digits of the postal code (Leitregion). A few regions cross
# state borders; the state most of their postal codes belong to is given.
_STATES = {
    "Sachsen": "01 02 04 08 09",
    "Brandenburg": "03 14 15 16",
    "Sachsen-Anhalt": "06 39",
    "Thüringen": "07 36 98 99",
    "Berlin": "10 12 13",
    "Mecklenburg-Vorpommern": "17 18 19",
    "Hamburg": "20 21 22",
    "Schleswig-Holstein": "23 24 25",
    "Niedersachsen": "26 27 29 30 31 37 38 49",
    "Bremen": "28",
    "Nordrhein-Westfalen": "32 33 40 41 42 44 45 46 47 48 50 51 52 53 57 58 59",
    "Hessen": "34 35 60 61 63 64 65",
    "Rheinland-Pfalz": "54 55 56 67",
    "Saarland": "66",
    "Baden-Württemberg": "68 69 70 71 72 73 74 75 76 77 78 79 88 89",
    "Bayern": "80 81 82 83 84 85 86 87 90 91 92 93 94 95 96 97",
}
STATE_BY_REGION = {
    prefix: state for state, prefixes in _STATES.items() for prefix in prefixes.split()
}


def state_for_postal_code(postal_code: str) -> str:
    return STATE_BY_REGION.get(postal_code.strip()[:2], "") if len(postal_code.strip()) == 5 else ""
