"""Reading and mapping the Chemnitz Kita list ("Kindertageseinrichtungen", open data of the
Stadt Chemnitz, licence dl-de/by-2-0). Pure functions: no database access.

The source is a comma-separated UTF-8 file with a byte-order mark, one row per place:
X (longitude), Y (latitude), TRAEGER (operator), BEZEICHNUNG (address plus name, with
embedded quotes, e.g. ``Straße Usti nad Labem 197 "FRIDOLIN"`` – quoted as in CSV),
STRASSE (cut at 24 characters), HAUSBEZ, PLZ, ORT, HORT and KITA (0/1), URL, TELEFON,
EMAIL, BARRIEREFREI and INTEGRATIV (0/1). Rows of private childminders (TRAEGER "Privater
Träger") must not be shown publicly; they are skipped and reported by row number only.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.text import slugify

from familiennetz.core.slugs import german_ascii
from familiennetz.interop.checks import normalise_url

ATTRIBUTION = "Quelle: Stadt Chemnitz, dl-de/by-2-0"
# (south, west, north, east) – the city area with a margin; Chemnitz spans roughly
# 50.75–50.90 N and 12.78–13.03 E.
BOUNDING_BOX = (50.70, 12.70, 50.95, 13.10)
PRIVATE_OPERATOR = "Privater Träger"
REQUIRED_COLUMNS = (
    "X",
    "Y",
    "TRAEGER",
    "BEZEICHNUNG",
    "STRASSE",
    "HAUSBEZ",
    "PLZ",
    "ORT",
    "HORT",
    "KITA",
    "URL",
    "TELEFON",
    "EMAIL",
    "BARRIEREFREI",
    "INTEGRATIV",
)
STREET_FIELD_WIDTH = 24  # STRASSE is cut at this length in the source

KITA_AGES = (0, 83)  # from birth until school entry (up to 6 years)
HORT_AGES = (72, 131)  # primary school, 6 to 10 years
TAGESPFLEGE_AGES = (0, 35)  # under three

CATEGORY_KITA = "betreuung.kita"
CATEGORY_HORT = "betreuung.hort"
CATEGORY_TAGESPFLEGE = "betreuung.tagespflege"
CATEGORY_FAMILY_CENTRE = "elternbildung.familienzentrum"
CATEGORIES = (CATEGORY_KITA, CATEGORY_HORT, CATEGORY_TAGESPFLEGE, CATEGORY_FAMILY_CENTRE)


class SkipReason:
    MALFORMED = "malformed row"
    MISSING_NAME = "missing name"
    MISSING_COORDINATES = "coordinates missing or not numbers"
    OUTSIDE = "coordinates outside Chemnitz"
    PRIVATE = "private Kindertagespflege (not shown publicly)"
    NO_KIND = "neither KITA nor HORT is set"
    DUPLICATE = "same name and address as an earlier row"
    SLUG_TAKEN = "an entry not from this import uses the same short name"


class SourceFormatError(ValueError):
    """The file is not the Chemnitz Kita list (e.g. columns are missing)."""


@dataclass(frozen=True)
class Skipped:
    row: int  # line number in the file; the header is line 1
    reason: str
    label: str = ""  # what the row is called; empty for private rows


@dataclass(frozen=True)
class KitaRecord:
    row: int
    key: str  # stable slug from the source's name and address
    name: str
    source_label: str
    operator: str
    street: str
    postal_code: str
    city: str
    latitude: float
    longitude: float
    is_kita: bool
    is_hort: bool
    is_tagespflege: bool
    is_family_centre: bool
    is_wheelchair_accessible: bool
    is_integrative: bool
    phone: str
    email: str
    website: str
    warnings: tuple[str, ...] = ()

    @property
    def kind_label(self) -> str:
        if self.is_tagespflege:
            return "Kindertagespflege"
        if self.is_kita and self.is_hort:
            return "Kita und Hort"
        return "Kita" if self.is_kita else "Hort"

    @property
    def categories(self) -> list[str]:
        if self.is_tagespflege:
            codes = [CATEGORY_TAGESPFLEGE]
        else:
            codes = [CATEGORY_KITA] if self.is_kita else []
            codes += [CATEGORY_HORT] if self.is_hort else []
        if self.is_family_centre:
            codes.append(CATEGORY_FAMILY_CENTRE)
        return codes

    @property
    def ages(self) -> tuple[int, int]:
        if self.is_tagespflege:
            return TAGESPFLEGE_AGES
        lo = KITA_AGES[0] if self.is_kita else HORT_AGES[0]
        hi = HORT_AGES[1] if self.is_hort else KITA_AGES[1]
        return lo, hi

    @property
    def summary(self) -> str:
        what = {
            "Kindertagespflege": "Kindertagespflege für Kinder unter drei Jahren",
            "Kita und Hort": "Kindertageseinrichtung mit Hort",
            "Kita": "Kindertageseinrichtung (Krippe und Kindergarten)",
            "Hort": "Hort für Grundschulkinder",
        }[self.kind_label]
        town = " ".join(part for part in (self.postal_code, self.city) if part)
        return f"{what}, {self.street}, {town}. Träger: {self.operator.rstrip('.')}."

    @property
    def description(self) -> str:
        parts = [self.summary]
        if self.is_integrative:
            parts.append(
                "Integrative Einrichtung: Kinder mit und ohne Behinderung werden gemeinsam betreut."
            )
        if self.is_family_centre:
            parts.append(
                "Die Einrichtung ist ein Kinder- und Familienzentrum (KiFaZ) mit Angeboten "
                "für Familien aus dem Stadtteil."
            )
        if self.is_wheelchair_accessible:
            parts.append("Laut Kita-Verzeichnis barrierefrei.")
        text = " ".join(parts)
        label = _QUOTED.sub(lambda m: f"„{m[1]}“", self.source_label)
        return (
            f"{text}\n\nEintrag aus dem Kita-Verzeichnis der Stadt Chemnitz, dort "
            f"bezeichnet als: {label}. {ATTRIBUTION}"
        )


@dataclass
class ParseResult:
    rows_read: int = 0
    records: list[KitaRecord] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


# --- reading ---------------------------------------------------------------------------


def read_rows(stream: Iterable[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for each data row; the header is line 1.

    ``stream`` is a text stream opened with ``newline=""``; a leading byte-order mark is
    dropped, so the file may be opened with either ``utf-8`` or ``utf-8-sig``.
    """
    reader = csv.DictReader(_strip_bom(stream), restkey="__extra__", restval=None)
    header = [name.strip() for name in (reader.fieldnames or [])]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise SourceFormatError(
            "This is not the Chemnitz Kita list: column(s) missing: " + ", ".join(missing)
        )
    reader.fieldnames = header
    for row in reader:
        yield reader.line_num, row


def _strip_bom(stream: Iterable[str]) -> Iterator[str]:
    first = True
    for line in stream:
        if first:
            line = line.removeprefix("\ufeff")
            first = False
        yield line


def parse(stream: Iterable[str]) -> ParseResult:
    """Map every row of the file to a record or a skip, in file order."""
    result = ParseResult()
    seen: dict[str, int] = {}
    for row_number, row in read_rows(stream):
        result.rows_read += 1
        outcome = map_row(row_number, row)
        if isinstance(outcome, KitaRecord):
            if outcome.key in seen:
                outcome = Skipped(
                    row_number,
                    f"{SkipReason.DUPLICATE} (row {seen[outcome.key]})",
                    outcome.source_label,
                )
            else:
                seen[outcome.key] = row_number
        (result.records if isinstance(outcome, KitaRecord) else result.skipped).append(outcome)
    # Several places share a name ("Kita „Rabennest“", "Hort A.-Einstein-GS"): name them by
    # their street too, so parents can tell them apart in a result list.
    names = Counter(record.name for record in result.records)
    result.records = [
        replace(record, name=f"{record.name}, {record.street}")
        if names[record.name] > 1 or " " not in record.name
        else record
        for record in result.records
    ]
    return result


def parse_text(text: str) -> ParseResult:
    return parse(io.StringIO(text, newline=""))


# --- mapping ---------------------------------------------------------------------------


def map_row(row_number: int, row: dict[str, str | None]) -> KitaRecord | Skipped:
    if row.get("__extra__") is not None or any(row.get(c) is None for c in REQUIRED_COLUMNS):
        return Skipped(row_number, SkipReason.MALFORMED)
    value = {key: (text or "").strip() for key, text in row.items() if key != "__extra__"}
    operator = value["TRAEGER"]
    if operator == PRIVATE_OPERATOR:
        # Names of private childminders often contain their home address: report the row
        # number only.
        return Skipped(row_number, SkipReason.PRIVATE)
    label = value["BEZEICHNUNG"] or value.get("KURZBEZEICHNUNG", "")
    if not label:
        return Skipped(row_number, SkipReason.MISSING_NAME)
    try:
        longitude = float(value["X"].replace(",", "."))
        latitude = float(value["Y"].replace(",", "."))
    except ValueError:
        return Skipped(row_number, SkipReason.MISSING_COORDINATES, label)
    south, west, north, east = BOUNDING_BOX
    if not (south <= latitude <= north and west <= longitude <= east):
        return Skipped(row_number, SkipReason.OUTSIDE, label)
    is_kita, is_hort = value["KITA"] == "1", value["HORT"] == "1"
    is_tagespflege = "kindertagespflege" in label.lower()
    if not (is_kita or is_hort or is_tagespflege):
        return Skipped(row_number, SkipReason.NO_KIND, label)

    warnings = []
    email = value["EMAIL"]
    if email:
        try:
            validate_email(email)
        except ValidationError:
            warnings.append(f"e-mail {email!r} is not valid and was left out")
            email = ""
    website = normalise_url(value["URL"])
    if value["URL"] and not website:
        warnings.append(f"website {value['URL']!r} is not a valid address and was left out")

    address, rest = split_label(label)
    record = KitaRecord(
        row=row_number,
        key=source_key(label),
        name="",
        source_label=label,
        operator=operator or "Träger unbekannt",
        street=street_line(value["STRASSE"], value["HAUSBEZ"], address),
        postal_code=value["PLZ"],
        city=value["ORT"] or "Chemnitz",
        latitude=round(latitude, 7),
        longitude=round(longitude, 7),
        is_kita=is_kita,
        is_hort=is_hort,
        is_tagespflege=is_tagespflege,
        is_family_centre="kifaz" in label.lower() or "familienzentrum" in label.lower(),
        is_wheelchair_accessible=value["BARRIEREFREI"] == "1",
        is_integrative=value["INTEGRATIV"] == "1",
        phone=value["TELEFON"],
        email=email,
        website=website,
        warnings=tuple(warnings),
    )
    name = display_name(rest, address=address or record.street, kind=record.kind_label)
    return replace(record, name=name)


def source_key(label: str, max_length: int = 120) -> str:
    """A stable slug for a row: the source's BEZEICHNUNG (address and name)."""
    text = german_ascii(label).replace("/", "-")
    slug = slugify(text) or "eintrag"
    if len(slug) > max_length:
        digest = hashlib.sha1(slug.encode()).hexdigest()[:8]
        slug = f"{slug[: max_length - 9].rstrip('-')}-{digest}"
    return slug


# "Straße Usti nad Labem 197", "Forststraße 26-30", "Max-Türpe-Straße 40/42", "Am Heim 15a"
_ADDRESS = re.compile(
    r"^(?P<address>.+?\s\d+\s?[a-zA-Z]?(?:\s?[-/]\s?\d+\s?[a-zA-Z]?)*)(?=$|[\s,])"
)
_QUOTED = re.compile(r'"([^"]*)"')
# Words that already say what the place is: "Hort …", "Naturkinderhaus …", "Kinderladen".
_FACILITY_WORD = re.compile(
    r"(kita|hort|kindergarten|kinderhaus|kinderladen|krippe|kindertagesst)", re.IGNORECASE
)
_FAMILY_CENTRE = "Kinder- und Familienzentrum"


def split_label(label: str) -> tuple[str, str]:
    """Split "Hohe Straße 6b "Sonnenschein"" into ("Hohe Straße 6b", '"Sonnenschein"')."""
    match = _ADDRESS.match(label)
    if not match:
        return "", label.strip()
    return match["address"].strip(), label[match.end() :].strip(" ,")


def street_line(street: str, number: str, address_in_label: str) -> str:
    """The street address. STRASSE is cut at 24 characters in the source; if so and the
    label starts with the same street, the label's spelling is used."""
    if (
        len(street) >= STREET_FIELD_WIDTH
        and address_in_label
        and address_in_label.startswith(street[:10])
    ):
        return address_in_label
    return " ".join(part for part in (street, number) if part)


def display_name(rest: str, *, address: str, kind: str) -> str:
    """The name parents see: 'Kita „FRIDOLIN“', 'Hort A.-Einstein-GS', 'Kita Am Heim 15a'."""
    rest = rest.strip(" ,")
    if kind == "Kindertagespflege":
        rest = re.sub(r",?\s*Kindertagespflege$", "", rest).strip(" ,")
    if not rest:
        return f"{kind} {address}".strip()
    if rest.startswith(_FAMILY_CENTRE):  # a KiFaZ without a name of its own
        return f"{rest} {address}"
    leading_quote = _QUOTED.match(rest)
    if leading_quote and _FACILITY_WORD.search(leading_quote[1]):
        # '"Kinderhaus Pusteblume"' → 'Kinderhaus Pusteblume'
        rest = leading_quote[1] + rest[leading_quote.end() :]
        return _QUOTED.sub(lambda m: f"„{m[1]}“", rest)
    text = _QUOTED.sub(lambda m: f"„{m[1]}“", rest)
    if _FACILITY_WORD.search(text.split(" ")[0]):
        return text
    return f"{kind} {text}"
