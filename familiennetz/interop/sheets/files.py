"""Spreadsheet files for coordinators: the empty template and the export of an alliance's
offers in the same columns (so an edited export can be imported again)."""

from __future__ import annotations

import csv
import io

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from familiennetz.alliances.models import Alliance
from familiennetz.core.spreadsheet import neutralise_cell, xlsx_append
from familiennetz.directory.models import Category, Language, Offer, OfferLocation, Status
from familiennetz.interop.models import ExternalId

from . import columns as cols

XLSX = "xlsx"
CSV = "csv"
CONTENT_TYPES = {
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    CSV: "text/csv; charset=utf-8",
}


def export_rows(*, alliance: Alliance, include_archived: bool = False) -> list[list]:
    """One row per offer and place (an offer without a place: one row), template columns."""
    offers = (
        Offer.objects.for_alliance(alliance)
        .select_related("organisation")
        .prefetch_related(
            Prefetch("categories", queryset=Category.objects.order_by("position", "name")),
            Prefetch("languages", queryset=Language.objects.order_by("position", "name_de")),
            Prefetch(
                "offer_locations",
                queryset=OfferLocation.objects.select_related("location__district").order_by("pk"),
            ),
        )
        .order_by("name", "pk")
    )
    if not include_archived:
        offers = offers.exclude(status=Status.ARCHIVED)
    keys = dict(
        ExternalId.objects.filter(
            alliance=alliance, scheme=ExternalId.Scheme.SHEET, kind="offer"
        ).values_list("object_id", "value")
    )
    rows = []
    for offer in offers:
        places = [ol.location for ol in offer.offer_locations.all()] or [None]
        for place in places:
            values = {
                "key": keys.get(offer.pk, offer.slug),
                "name": offer.name,
                "summary": offer.summary,
                "description": offer.description,
                "organisation": offer.organisation.name,
                "categories": ", ".join(c.name for c in offer.categories.all()),
                "age_from": cols.age_text(offer.age_min_months, upper=False),
                "age_to": cols.age_text(offer.age_max_months, upper=True),
                "pregnancy": "ja" if offer.for_pregnancy else "nein",
                "free": "ja" if offer.is_free else "nein",
                "costs": offer.fee_description,
                "languages": ", ".join(lang.name_de for lang in offer.languages.all()),
                "participation": cols.participation_text(offer.participation),
                "participation_notes": offer.participation_notes,
                "email": offer.email,
                "phone": offer.phone,
                "website": offer.website,
                "online": "ja" if offer.is_online else "nein",
                "status": cols.STATUS_TEXT[offer.status],
            }
            if place is not None:
                values |= {
                    "place": place.name,
                    "street": place.street,
                    "postal_code": place.postal_code,
                    "city": place.city,
                    "district": place.district.name if place.district_id else "",
                    "latitude": place.latitude,
                    "longitude": place.longitude,
                    "wheelchair": "ja" if place.is_wheelchair_accessible else "nein",
                    "pram": "ja" if place.is_pram_accessible else "nein",
                }
            rows.append([values.get(column.key, "") for column in cols.COLUMNS])
    return rows


def headers() -> list[str]:
    return [column.header for column in cols.COLUMNS]


def write_csv(rows: list[list]) -> bytes:
    """Semicolon-separated UTF-8 with BOM and German decimal commas: opens in Excel as is.
    Texts that a spreadsheet would run as a formula are escaped (core.spreadsheet)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(headers())
    for row in rows:
        writer.writerow([_keep_numbers(_german(value)) for value in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _german(value) -> str | float | int:
    if value is None:
        return ""
    if isinstance(value, float):
        # A number stays a number: a negative coordinate is not a formula (not escaped).
        return _GermanNumber(repr(value).replace(".", ","))
    if isinstance(value, int):
        return value
    return str(value)


class _GermanNumber(str):
    """A number already written with a decimal comma; ``neutralise_cell`` leaves it alone."""


def _keep_numbers(value):
    return value if isinstance(value, _GermanNumber) else neutralise_cell(value)


def write_xlsx(rows: list[list], *, with_notes: bool = True) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Angebote"
    sheet.append(headers())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        xlsx_append(sheet, ["" if value is None else value for value in row])
    sheet.freeze_panes = "B2"
    for index, column in enumerate(cols.COLUMNS, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = max(12, min(40, len(column.header) + 4))
        if column.key in ("pregnancy", "free", "wheelchair", "pram", "online"):
            choice = DataValidation(type="list", formula1='"ja,nein"', allow_blank=True)
        elif column.key == "participation":
            choice = DataValidation(
                type="list", formula1='"offen,Anmeldung,Vermittlung"', allow_blank=True
            )
        elif column.key == "status":
            choice = DataValidation(
                type="list", formula1='"veröffentlicht,Entwurf"', allow_blank=True
            )
        else:
            continue
        sheet.add_data_validation(choice)
        choice.add(f"{letter}2:{letter}5000")
    if with_notes:
        notes = workbook.create_sheet("Hinweise")
        notes.append([_("Column"), _("What to enter")])
        for cell in notes[1]:
            cell.font = Font(bold=True)
        for column in cols.COLUMNS:
            notes.append([column.header, str(column.help)])
        notes.column_dimensions["A"].width = 26
        notes.column_dimensions["B"].width = 90
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def sheet_template(fmt: str = XLSX) -> bytes:
    """The empty import template: German headers (and, in XLSX, a notes sheet)."""
    return write_xlsx([]) if fmt == XLSX else write_csv([])


def sheet_export(*, alliance: Alliance, fmt: str = XLSX) -> bytes:
    rows = export_rows(alliance=alliance)
    return write_xlsx(rows) if fmt == XLSX else write_csv(rows)
