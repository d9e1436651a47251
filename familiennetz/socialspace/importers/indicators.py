"""Indicator values from CSV/XLSX tables in long form (one row per district, indicator and
value) or wide form (one row per district, one column per indicator, or per indicator and
year with the year in the column name). Districts are matched by code, by name, or by a
column holding both ("01 Innere Altstadt"). Check first (report, nothing written), then
commit all or nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from familiennetz.core.slugs import german_ascii

from ..models import District, Indicator, IndicatorValue
from ..report import Report
from ..tables import (
    COMMA,
    MISSING,
    POINT,
    NumberError,
    TableError,
    clean_header,
    decimal_style,
    parse_number,
    read_table,
)
from .districts import normalise_code

MAX_BYTES = 20 * 1024 * 1024
LONG, WIDE = "long", "wide"
SUM, REJECT, FIRST = "sum", "reject", "first"
MATCH_AUTO, MATCH_CODE, MATCH_NAME, MATCH_BOTH = "auto", "code", "name", "code_name"


@dataclass
class IndicatorOptions:
    layout: str = WIDE
    district_column: str = ""  # default: the first column
    match: str = MATCH_AUTO
    kind: str = ""  # match only districts of this kind
    year: int | None = None
    year_column: str = ""
    indicator_column: str = ""  # long form
    value_column: str = ""  # long form
    columns: list[str] = field(default_factory=list)  # wide form: only these columns
    column_pattern: str = ""  # wide form: regex with (?P<year>…) and/or (?P<indicator>…)
    duplicates: str = REJECT
    decimal: str = "auto"
    header_row: int | None = None
    sheet: str = ""

    def as_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class IndicatorPlan:
    report: Report
    values: dict[tuple[str, int, int], float] = field(default_factory=dict)  # (key, district, year)
    indicators: dict[str, dict] = field(default_factory=dict)  # key → {code, name, existing pk}


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _cell(line: int, index: int, header: str) -> str:
    return _("line %(line)s, column “%(col)s” (%(ref)s)") % {
        "line": line,
        "col": header or _column_letter(index),
        "ref": f"{_column_letter(index)}{line}",
    }


def _line(line: int) -> str:
    return _("line %(line)s") % {"line": line}


def _norm_name(text: str) -> str:
    text = clean_header(text).casefold()
    text = text.replace("str.", "straße").replace("strasse", "straße")
    return re.sub(r"[^\wäöüß]+", " ", text).strip()


class DistrictMatcher:
    def __init__(self, alliance, kind: str = ""):
        districts = District.objects.for_alliance(alliance)
        if kind:
            districts = districts.filter(kind=kind)
        self.by_code: dict[str, int] = {}
        self.by_name: dict[str, list[int]] = defaultdict(list)
        for pk, code, slug, name in districts.values_list("pk", "code", "slug", "name"):
            self.by_code[normalise_code(code or slug)] = pk
            self.by_name[_norm_name(name)].append(pk)

    def match(self, raw, mode: str) -> tuple[int | None, str]:
        """(district id, problem): problem is "" or "ambiguous"."""
        text = " ".join(str(raw).split()) if raw is not None else ""
        if isinstance(raw, float) and raw.is_integer():
            text = str(int(raw))
        if not text:
            return None, ""
        if mode in (MATCH_CODE, MATCH_AUTO):
            pk = self.by_code.get(normalise_code(text))
            if pk or mode == MATCH_CODE:
                return pk, ""
        if mode in (MATCH_BOTH, MATCH_AUTO):
            head, _sep, rest = text.partition(" ")
            if rest and any(ch.isdigit() for ch in head):
                pk = self.by_code.get(normalise_code(head))
                if pk:
                    return pk, ""
                if mode == MATCH_BOTH:
                    text = rest
        candidates = self.by_name.get(_norm_name(text), [])
        if len(candidates) > 1:
            return None, "ambiguous"
        return (candidates[0] if candidates else None), ""


def _indicator_key(text: str) -> str:
    return slugify(german_ascii(clean_header(text)))[:60] or "indikator"


def check_indicators(
    *, alliance, data: bytes, filename: str, options: IndicatorOptions
) -> IndicatorPlan:
    report = Report()
    plan = IndicatorPlan(report=report)
    if len(data) > MAX_BYTES:
        report.error(
            _("The file is too large (%(size)s MB); at most %(max)s MB are allowed.")
            % {"size": f"{len(data) / 1048576:.1f}".replace(".", ","), "max": MAX_BYTES // 1048576}
        )
        return plan
    try:
        table = read_table(data, filename, sheet=options.sheet, header_row=options.header_row)
    except TableError as exc:
        report.error(str(exc))
        return plan
    for note in table.notes:
        report.note(note)
    report.note(
        _("Header in line %(line)s; %(rows)s lines with data.")
        % {"line": table.header_line, "rows": len(table.rows)}
    )

    def column(name: str, label: str) -> int | None:
        try:
            return table.column(name)
        except KeyError:
            report.error(
                _("The %(label)s “%(name)s” is not in the header. Columns: %(cols)s.")
                % {"label": label, "name": name, "cols": ", ".join(h for h in table.header if h)}
            )
            return None

    district_col = (
        column(options.district_column, _("district column")) if options.district_column else 0
    )
    year_col = column(options.year_column, _("year column")) if options.year_column else None
    if options.layout == LONG:
        indicator_col = (
            column(options.indicator_column, _("indicator column"))
            if options.indicator_column
            else report.error(_("Long form needs the indicator column."))
        )
        value_col = (
            column(options.value_column, _("value column"))
            if options.value_column
            else report.error(_("Long form needs the value column."))
        )
    pattern = None
    if options.column_pattern:
        try:
            pattern = re.compile(options.column_pattern)
        except re.error as exc:
            report.error(
                _("The column pattern is not a valid regular expression: %(e)s") % {"e": exc}
            )
    if not report.ok:
        return plan

    # Which cells hold values: (column index, indicator key or None (long), year or None).
    value_columns: list[tuple[int, str | None, int | None]] = []
    if options.layout == LONG:
        value_columns = [(value_col, None, None)]
    else:
        wanted = {clean_header(c).casefold() for c in options.columns}
        for index, header in enumerate(table.header):
            if index in (district_col, year_col) or not header:
                continue
            if wanted and header.casefold() not in wanted:
                continue
            year = None
            key = header
            if pattern:
                found = pattern.fullmatch(header) or pattern.search(header)
                if not found:
                    continue
                groups = found.groupdict()
                if groups.get("year"):
                    year = int(groups["year"])
                if groups.get("indicator"):
                    key = groups["indicator"]
            value_columns.append((index, key, year))
        missing = wanted - {table.header[i].casefold() for i, _k, _y in value_columns}
        for name in sorted(missing):
            report.error(_("The column “%(name)s” is not in the header.") % {"name": name})
        if not value_columns:
            report.error(_("No value columns found."))
    needs_year = any(y is None for _i, _k, y in value_columns) and year_col is None
    if needs_year and not options.year:
        report.error(
            _(
                "Which year are the figures for? Give the year, a year column or a column pattern with the year."  # noqa: E501
            )
        )
    if not report.ok:
        return plan

    # Decimal separator: one style for the whole file.
    decimal = options.decimal
    if decimal == "auto":
        first: dict[str, tuple[int, int]] = {}
        for line, cells in table.rows:
            for index, _key, _year in value_columns:
                style = decimal_style(cells[index])
                if style and style not in first:
                    first[style] = (line, index)
        if len(first) == 2:
            (cl, ci), (pl, pi) = first[COMMA], first[POINT]
            report.error(
                _(
                    "Mixed decimal separators: %(a)s has a decimal comma, %(b)s a decimal point. Choose the separator or correct the file."  # noqa: E501
                )
                % {"a": _cell(cl, ci, table.header[ci]), "b": _cell(pl, pi, table.header[pi])}
            )
            return plan
        decimal = POINT if POINT in first else COMMA

    matcher = DistrictMatcher(alliance, options.kind)
    origin: dict[tuple[str, int, int], int] = {}
    skipped = matched_rows = 0
    districts_seen: set[int] = set()
    for line, cells in table.rows:
        raw_district = cells[district_col]
        district_id, problem = matcher.match(raw_district, options.match)
        label = clean_header(raw_district)
        if district_id is None:
            skipped += 1
            has_numbers = any(
                parse_safe(cells[i], decimal) is not None for i, _k, _y in value_columns
            )
            if not label:
                report.note(_("Skipped: no district in this line."), _line(line))
            elif problem == "ambiguous":
                report.error(
                    _("“%(name)s” matches several districts; choose the level or match by code.")
                    % {"name": label},
                    _line(line),
                )
            elif has_numbers:
                report.warning(
                    _(
                        "Skipped: no district matches “%(name)s” (an aggregate row or another level?)."  # noqa: E501
                    )
                    % {"name": label[:80]},
                    _line(line),
                )
            else:
                report.note(
                    _("Skipped: “%(text)s” (no figures).") % {"text": label[:80]}, _line(line)
                )
            continue
        matched_rows += 1
        districts_seen.add(district_id)
        row_year = None
        if year_col is not None:
            try:
                parsed = parse_number(cells[year_col], COMMA)
                row_year = None if parsed is MISSING else int(parsed)
            except NumberError:
                row_year = None
            if row_year is None or not 1900 <= row_year <= 2200:
                report.error(
                    _("The year is missing or not a year."),
                    _cell(line, year_col, table.header[year_col]),
                )
                continue
        for index, key, col_year in value_columns:
            if options.layout == LONG:
                key = clean_header(cells[indicator_col])
                if not key:
                    report.error(
                        _("The indicator is missing."),
                        _cell(line, indicator_col, table.header[indicator_col]),
                    )
                    continue
            year = col_year or row_year or options.year
            try:
                value = parse_number(cells[index], decimal)
            except NumberError:
                report.error(
                    _("“%(text)s” is not a number.") % {"text": str(cells[index]).strip()[:40]},
                    _cell(line, index, table.header[index]),
                )
                continue
            if value is MISSING:
                continue
            ikey = _indicator_key(key)
            plan.indicators.setdefault(ikey, {"name": clean_header(key)[:200], "integers": True})
            if not float(value).is_integer():
                plan.indicators[ikey]["integers"] = False
            slot = (ikey, district_id, int(year))
            if slot in plan.values:
                if options.duplicates == FIRST:
                    report.warning(
                        _(
                            "Ignored: same district, indicator and year as line %(other)s (the first line counts)."  # noqa: E501
                        )
                        % {"other": origin[slot]},
                        _cell(line, index, table.header[index]),
                    )
                elif options.duplicates == SUM:
                    plan.values[slot] += value
                    report.note(
                        _(
                            "Added to the value of line %(other)s (same district, indicator and year)."  # noqa: E501
                        )
                        % {"other": origin[slot]},
                        _cell(line, index, table.header[index]),
                    )
                else:
                    report.error(
                        _(
                            "Same district, indicator and year as line %(other)s. Choose “sum” if the source splits a district over several lines, or “first” if later lines are totals of another level with the same name."  # noqa: E501
                        )
                        % {"other": origin[slot]},
                        _cell(line, index, table.header[index]),
                    )
            else:
                plan.values[slot] = value
                origin[slot] = line
    if not plan.values and report.ok:
        report.error(
            _(
                "No value could be assigned to a district: check the district column and how districts are matched."  # noqa: E501
            )
        )
    existing = {i.code: i for i in Indicator.objects.for_alliance(alliance)}
    by_name = {i.name.casefold(): i for i in existing.values()}
    for key, info in plan.indicators.items():
        found = existing.get(key) or by_name.get(info["name"].casefold())
        if found is not None and found.is_derived:
            report.error(
                _("“%(name)s” is a derived indicator; it is computed, not imported.")
                % {"name": found.name}
            )
        info["pk"] = found.pk if found else None
        info["code"] = found.code if found else key
    report.counts = {
        "rows": len(table.rows),
        "matched_rows": matched_rows,
        "skipped_rows": skipped,
        "districts": len(districts_seen),
        "indicators": len(plan.indicators),
        "new_indicators": sum(1 for i in plan.indicators.values() if i["pk"] is None),
        "values": len(plan.values),
        "years": len({y for _k, _d, y in plan.values}),
    }
    return plan


def parse_safe(cell, decimal):
    try:
        value = parse_number(cell, decimal)
    except NumberError:
        return None
    return None if value is MISSING else value


def _guess_measure(name: str, integers: bool) -> str:
    lowered = name.casefold()
    if "%" in lowered or "anteil" in lowered or "quote" in lowered:
        return Indicator.Measure.PERCENT
    if "je 1" in lowered or "pro 1" in lowered:
        return Indicator.Measure.RATE
    # Whole numbers are counted as people unless a coordinator says otherwise: the safe
    # default for data protection (counts below 5 are hidden).
    return Indicator.Measure.PEOPLE if integers else Indicator.Measure.VALUE


@transaction.atomic
def commit_indicators(*, alliance, plan: IndicatorPlan, source: str = "") -> dict:
    if not plan.report.ok:
        raise ValueError("An import with errors cannot be committed.")
    indicators: dict[str, Indicator] = {}
    created_indicators = 0
    for key, info in plan.indicators.items():
        if info["pk"]:
            indicators[key] = Indicator.objects.for_alliance(alliance).get(pk=info["pk"])
            continue
        indicators[key] = Indicator.objects.create(
            alliance=alliance,
            code=info["code"],
            name=info["name"] or info["code"],
            source=source[:300],
            measure=_guess_measure(info["name"], info["integers"]),
            direction=Indicator.Direction.NEUTRAL,
        )
        created_indicators += 1
    ids = [i.pk for i in indicators.values()]
    existing = {
        (v.indicator_id, v.district_id, v.year): v
        for v in IndicatorValue.objects.for_alliance(alliance).filter(indicator_id__in=ids)
    }
    new, changed = [], []
    for (key, district_id, year), value in plan.values.items():
        indicator = indicators[key]
        row = existing.get((indicator.pk, district_id, year))
        if row is None:
            new.append(
                IndicatorValue(
                    alliance=alliance,
                    indicator=indicator,
                    district_id=district_id,
                    year=year,
                    value=value,
                )
            )
        elif row.value != value:
            row.value = value
            changed.append(row)
    IndicatorValue.objects.bulk_create(new, batch_size=2000)
    IndicatorValue.objects.bulk_update(changed, ["value"], batch_size=2000)
    return {
        "indicators_created": created_indicators,
        "values_created": len(new),
        "values_updated": len(changed),
        "values_unchanged": len(plan.values) - len(new) - len(changed),
    }
