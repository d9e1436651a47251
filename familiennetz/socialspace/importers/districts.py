"""District boundaries from GeoJSON: check (nothing written, a report) and commit (all or
nothing). Re-importing a file updates districts by their code; districts not in the file
stay. Invalid polygons are repaired (``make_valid``) and listed; anything that is not a
polygon, a missing or duplicate code, an unknown parent is an error naming the feature.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from familiennetz.core.slugs import german_ascii

from ..geo import GeometryError, area_km2, centre_of, polygon_from_geojson, to_geojson
from ..models import District
from ..report import Report

MAX_BYTES = 20 * 1024 * 1024
MAX_FEATURES = 20_000


@dataclass
class DistrictOptions:
    code_property: str
    name_property: str
    parent_code_property: str = ""
    parent_code_prefix: int = 0  # parent code = the first N characters of the code
    kind: str = District.Kind.STADTTEIL

    def as_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class PlannedDistrict:
    feature: int
    code: str
    name: str
    parent_code: str
    geometry: dict
    area: float
    centre: tuple[float, float]


@dataclass
class DistrictPlan:
    report: Report
    districts: list[PlannedDistrict] = field(default_factory=list)


def _where(number: int, code: str = "") -> str:
    if code:
        return _("Feature %(n)s (code %(code)s)") % {"n": number, "code": code}
    return _("Feature %(n)s") % {"n": number}


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def normalise_code(code: str) -> str:
    """Codes compared without leading zeros ("01" matches "001")."""
    return code.lstrip("0") or "0"


def check_districts(*, alliance, data: bytes, options: DistrictOptions) -> DistrictPlan:
    report = Report()
    plan = DistrictPlan(report=report)
    if len(data) > MAX_BYTES:
        report.error(
            _("The file is too large (%(size)s MB); at most %(max)s MB are allowed.")
            % {"size": f"{len(data) / 1048576:.1f}".replace(".", ","), "max": MAX_BYTES // 1048576}
        )
        return plan
    if options.kind not in District.Kind.values:
        report.error(_("Unknown kind of district: %(kind)s") % {"kind": options.kind})
        return plan
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        report.error(_("The file is not a GeoJSON file (not UTF-8 text)."))
        return plan
    except json.JSONDecodeError as exc:
        report.error(
            _("The file is not valid JSON (line %(line)s, column %(col)s: %(msg)s).")
            % {"line": exc.lineno, "col": exc.colno, "msg": exc.msg}
        )
        return plan
    if isinstance(document, dict) and document.get("type") == "Feature":
        features = [document]
    elif isinstance(document, dict) and document.get("type") == "FeatureCollection":
        features = document.get("features") or []
    elif isinstance(document, dict) and document.get("type") == "Topology":
        report.error(_("This is TopoJSON; please convert it to GeoJSON first."))
        return plan
    else:
        report.error(_("The file is not a GeoJSON FeatureCollection."))
        return plan
    if not features:
        report.error(_("The file contains no features."))
        return plan
    if len(features) > MAX_FEATURES:
        report.error(_("The file has more than %(n)s features.") % {"n": MAX_FEATURES})
        return plan
    properties = set()
    for feature in features:
        if isinstance(feature, dict) and isinstance(feature.get("properties"), dict):
            properties |= set(feature["properties"])
    for option, label in (
        (options.code_property, _("code property")),
        (options.name_property, _("name property")),
        (options.parent_code_property, _("parent code property")),
    ):
        if option and option not in properties:
            report.error(
                _("No feature has the %(label)s “%(name)s”. Properties in the file: %(props)s.")
                % {"label": label, "name": option, "props": ", ".join(sorted(properties)) or "–"}
            )
    if not report.ok:
        return plan

    seen: dict[str, int] = {}
    polygons = 0
    for number, feature in enumerate(features, start=1):
        if not isinstance(feature, dict):
            report.error(_("This is not a GeoJSON feature."), _where(number))
            continue
        props = feature.get("properties") or {}
        code = _text(props.get(options.code_property))
        name = _text(props.get(options.name_property))
        where = _where(number, code)
        if not code:
            report.error(
                _("The code property “%(name)s” is missing or empty.")
                % {"name": options.code_property},
                where,
            )
        elif code in seen:
            report.error(
                _("The code %(code)s appears twice (also feature %(other)s).")
                % {"code": code, "other": seen[code]},
                where,
            )
        else:
            seen[code] = number
        if not name:
            report.error(
                _("The name property “%(name)s” is missing or empty.")
                % {"name": options.name_property},
                where,
            )
        try:
            geom, repaired = polygon_from_geojson(feature.get("geometry"))
        except GeometryError as exc:
            report.error(_("The geometry cannot be used: %(reason)s.") % {"reason": exc}, where)
            continue
        polygons += 1
        if repaired:
            report.warning(
                _("The polygon was not valid (e.g. a ring crossing itself) and was repaired."),
                where,
            )
        parent_code = ""
        if options.parent_code_property:
            parent_code = _text(props.get(options.parent_code_property))
        elif options.parent_code_prefix:
            parent_code = code[: options.parent_code_prefix]
        plan.districts.append(
            PlannedDistrict(
                feature=number,
                code=code,
                name=name[:200],
                parent_code=parent_code,
                geometry=to_geojson(geom),
                area=area_km2(geom),
                centre=centre_of(geom),
            )
        )
    if not polygons and report.ok:
        report.error(_("The file contains no polygons."))
    # Parents: in the file or already in the alliance (codes compared without leading zeros).
    existing = {
        normalise_code(c): c
        for c in District.objects.for_alliance(alliance)
        .exclude(code="")
        .values_list("code", flat=True)
    }
    in_file = {normalise_code(d.code) for d in plan.districts}
    for planned in plan.districts:
        if (
            planned.parent_code
            and normalise_code(planned.parent_code) not in set(existing) | in_file
        ):
            report.error(
                _("The parent district with code %(code)s is neither in the file nor imported yet.")
                % {"code": planned.parent_code},
                _where(planned.feature, planned.code),
            )
    known = set(existing)
    report.counts = {
        "features": len(features),
        "created": sum(1 for d in plan.districts if normalise_code(d.code) not in known),
        "updated": sum(1 for d in plan.districts if normalise_code(d.code) in known),
        "repaired": sum(1 for i in report.issues if i.level == "warning"),
    }
    return plan


def _unique_slug(name: str, code: str, taken: set[str]) -> str:
    base = slugify(german_ascii(name))[:90] or slugify(code) or "gebiet"
    for candidate in (base, f"{base}-{slugify(code)}"[:100]):
        if candidate and candidate not in taken:
            taken.add(candidate)
            return candidate
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    taken.add(f"{base}-{number}")
    return f"{base}-{number}"


@transaction.atomic
def commit_districts(*, alliance, plan: DistrictPlan, options: DistrictOptions) -> dict:
    """Write the checked districts (all or nothing); returns the counts."""
    if not plan.report.ok:
        raise ValueError("An import with errors cannot be committed.")
    rows = list(District.objects.for_alliance(alliance).select_for_update())
    by_code = {normalise_code(d.code): d for d in rows if d.code}
    taken = {d.slug for d in rows}
    created = updated = 0
    written: dict[str, District] = {}
    for planned in plan.districts:
        district = by_code.get(normalise_code(planned.code))
        lat, lon = planned.centre
        if district is None:
            district = District(
                alliance=alliance,
                code=planned.code,
                slug=_unique_slug(planned.name, planned.code, taken),
            )
            created += 1
        else:
            updated += 1
        district.name = planned.name
        district.kind = options.kind
        district.boundary = planned.geometry
        district.area_km2 = round(planned.area, 4)
        district.latitude, district.longitude = round(lat, 6), round(lon, 6)
        district.save()
        by_code[normalise_code(planned.code)] = district
        written[planned.code] = district
    for planned in plan.districts:
        if planned.parent_code:
            parent = by_code[normalise_code(planned.parent_code)]
            district = written[planned.code]
            if district.parent_id != parent.pk and parent.pk != district.pk:
                district.parent = parent
                district.save(update_fields=["parent", "updated_at"])
    return {"created": created, "updated": updated}
