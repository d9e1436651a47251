"""Writes of the district analysis: imports (check, then commit all or nothing), assigning
places to districts, indicators and their values, composite indices, district walks."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from familiennetz.core.files import IMAGES, check_upload, strip_image_metadata
from familiennetz.directory.models import Location

from . import geo
from .importers.districts import DistrictOptions, DistrictPlan, check_districts, commit_districts
from .importers.indicators import (
    IndicatorOptions,
    IndicatorPlan,
    check_indicators,
    commit_indicators,
)
from .models import (
    CompositeIndex,
    DataImport,
    District,
    IndexComponent,
    Indicator,
    IndicatorValue,
    Walk,
    WalkNote,
    WalkRating,
    WalkTopic,
)
from .report import Report

IMPORT_VALID_HOURS = 24
PHOTO_MAX_BYTES = 15 * 1024 * 1024


# --- places → districts -----------------------------------------------------------------------


def boundaries_changed(alliance_id: int) -> None:
    """Drop this process's prepared boundaries (a district was saved or deleted)."""
    geo.clear_cache()


def boundary_version(alliance_id: int) -> str:
    """Changes whenever a district of the alliance is saved (one small aggregate query;
    the prepared geometries are cached per version, see geo.district_index)."""
    found = District.objects.filter(alliance_id=alliance_id, boundary__isnull=False).aggregate(
        latest=Max("updated_at"), n=Count("pk")
    )
    if not found["n"]:
        return ""
    return f"{found['n']}:{found['latest'].isoformat()}"


def _leaf_boundaries(alliance_id: int):
    """(id, boundary, has no sub-district with a boundary) of every district with one."""
    rows = list(
        District.objects.filter(alliance_id=alliance_id, boundary__isnull=False).values_list(
            "pk", "boundary", "parent_id"
        )
    )
    parents = {parent for _pk, _boundary, parent in rows if parent is not None}
    return [(pk, boundary, pk not in parents) for pk, boundary, _parent in rows]


def district_index_for(alliance_id: int) -> geo.DistrictIndex | None:
    version = boundary_version(alliance_id)
    if not version:
        return None
    return geo.district_index(alliance_id, version, lambda: _leaf_boundaries(alliance_id))


def district_for_point(*, alliance_id: int, latitude: float, longitude: float) -> int | None:
    """The smallest district of the alliance whose boundary contains the point."""
    index = district_index_for(alliance_id)
    return index.locate(longitude, latitude) if index else None


def place_assign_district(location: Location, index: geo.DistrictIndex | None = None) -> bool:
    """Set ``location.district`` from its coordinates (not saved); True if it changed.

    A place outside every boundary keeps a district that has no boundary (chosen by hand
    where the alliance has none) and loses one whose boundary does not contain it.
    """
    if not location.has_coordinates or not location.alliance_id:
        return False
    if index is None:
        index = district_index_for(location.alliance_id)
    if index is None:
        return False
    assert location.longitude is not None and location.latitude is not None  # has_coordinates
    found = index.locate(location.longitude, location.latitude)
    if found is None:
        if location.district_id and location.district_id in set(index.ids):
            location.district_id = None
            return True
        return False
    if found != location.district_id:
        location.district_id = found
        return True
    return False


@transaction.atomic
def places_assign_districts(*, alliance) -> dict:
    """Assign every place of the alliance with coordinates (after a boundary import)."""
    index = district_index_for(alliance.pk)
    changed, outside = [], []
    places = Location.objects.for_alliance(alliance).filter(latitude__isnull=False)
    for place in places.only("pk", "alliance_id", "district_id", "latitude", "longitude", "name"):
        if place_assign_district(place, index):
            changed.append(place)
        if index is not None and place.district_id is None:
            outside.append(place)
    Location.objects.bulk_update(changed, ["district"], batch_size=1000)
    return {"changed": len(changed), "outside": [(p.pk, p.name) for p in outside]}


def places_outside(*, alliance) -> list[Location]:
    """Places with coordinates that lie in no district (listed, not forced in)."""
    index = district_index_for(alliance.pk)
    if index is None:
        return []
    return [
        place
        for place in Location.objects.for_alliance(alliance)
        .filter(latitude__isnull=False)
        .order_by("name")
        if index.locate(place.longitude, place.latitude) is None
    ]


# --- imports ----------------------------------------------------------------------------------


def import_check(*, alliance, kind: str, data: bytes, filename: str, options: dict):
    """(plan, report) for the file; nothing is written."""
    plan: DistrictPlan | IndicatorPlan
    if kind == DataImport.Kind.DISTRICTS:
        plan = check_districts(alliance=alliance, data=data, options=DistrictOptions(**options))
    else:
        plan = check_indicators(
            alliance=alliance, data=data, filename=filename, options=IndicatorOptions(**options)
        )
    return plan, plan.report


def import_commit_plan(*, alliance, kind: str, plan, options: dict, source: str) -> dict:
    if kind == DataImport.Kind.DISTRICTS:
        with transaction.atomic():
            counts = commit_districts(
                alliance=alliance, plan=plan, options=DistrictOptions(**options)
            )
            boundaries_changed(alliance.pk)
            assigned = places_assign_districts(alliance=alliance)
        counts["places_changed"] = assigned["changed"]
        counts["places_outside"] = len(assigned["outside"])
        counts["outside_names"] = [name for _pk, name in assigned["outside"][:50]]
        return counts
    return commit_indicators(alliance=alliance, plan=plan, source=source)


def data_import_create(
    *, alliance, user, kind: str, filename: str, data: bytes, options: dict
) -> DataImport:
    """Store an uploaded file with its options and the report of its check. Expired uploads
    of the alliance are deleted on the way (they are only kept between check and import)."""
    DataImport.objects.for_alliance(alliance).filter(expires_at__lte=timezone.now()).delete()
    _plan, report = import_check(
        alliance=alliance, kind=kind, data=data, filename=filename, options=options
    )
    return DataImport.objects.create(
        alliance=alliance,
        user=user,
        kind=kind,
        filename=filename[:255],
        data=data,
        options=options | {"sha256": hashlib.sha256(data).hexdigest()},
        report=report.as_dict(),
        expires_at=timezone.now() + dt.timedelta(hours=IMPORT_VALID_HOURS),
    )


@transaction.atomic
def data_import_commit(*, upload: DataImport) -> dict:
    """Import exactly the checked bytes (all or nothing); the result is kept on the upload."""
    upload = DataImport.objects.select_for_update().get(pk=upload.pk)
    if upload.committed_at:
        raise ValidationError(_("This file has already been imported."))
    options = {k: v for k, v in upload.options.items() if k != "sha256"}
    plan, report = import_check(
        alliance=upload.alliance,
        kind=upload.kind,
        data=bytes(upload.data),
        filename=upload.filename,
        options=options,
    )
    if not report.ok:
        upload.report = report.as_dict()
        upload.save(update_fields=["report"])
        raise ValidationError(_("The file has errors; nothing was imported."))
    counts = import_commit_plan(
        alliance=upload.alliance,
        kind=upload.kind,
        plan=plan,
        options=options,
        source=upload.filename,
    )
    upload.report = report.as_dict() | {"result": counts}
    upload.committed_at = timezone.now()
    upload.data = b""  # the values are in the tables now; no need to keep the file
    upload.save(update_fields=["report", "committed_at", "data"])
    return counts


def import_file(
    *, alliance, kind: str, data: bytes, filename: str, options: dict, dry_run: bool = False
) -> tuple[Report, dict]:
    """Check and (unless ``dry_run`` or there are errors) import: the commands' path."""
    plan, report = import_check(
        alliance=alliance, kind=kind, data=data, filename=filename, options=options
    )
    if dry_run or not report.ok:
        return report, {}
    return report, import_commit_plan(
        alliance=alliance, kind=kind, plan=plan, options=options, source=filename
    )


# --- indicators and values ---------------------------------------------------------------------


@transaction.atomic
def indicator_save(*, form) -> Indicator:
    indicator = form.save()
    return indicator


@transaction.atomic
def indicator_values_set(
    *, indicator: Indicator, year: int, values: dict[int, float | None]
) -> dict:
    """Manual edit: set (or, with None, delete) the values of one year per district id."""
    if indicator.is_derived:
        raise ValidationError(_("A derived indicator is computed; its values cannot be edited."))
    existing = {
        v.district_id: v for v in IndicatorValue.objects.filter(indicator=indicator, year=year)
    }
    created = updated = deleted = 0
    for district_id, value in values.items():
        row = existing.get(district_id)
        if value is None:
            if row is not None:
                row.delete()
                deleted += 1
        elif row is None:
            IndicatorValue.objects.create(
                alliance_id=indicator.alliance_id,
                indicator=indicator,
                district_id=district_id,
                year=year,
                value=value,
            )
            created += 1
        elif row.value != value:
            row.value = value
            row.save(update_fields=["value", "updated_at"])
            updated += 1
    return {"created": created, "updated": updated, "deleted": deleted}


# --- composite index ---------------------------------------------------------------------------


@transaction.atomic
def index_save(*, form, components: list[tuple[Indicator, float, int]]) -> CompositeIndex:
    index = form.save()
    index.components.all().delete()
    for indicator, weight, direction in components:
        if weight > 0:
            IndexComponent.objects.create(
                alliance=index.alliance,
                index=index,
                indicator=indicator,
                weight=weight,
                direction=direction,
            )
    return index


# --- walks ------------------------------------------------------------------------------------


@transaction.atomic
def walk_save(*, form, ratings: dict[str, tuple[str, str]], user) -> Walk:
    walk = form.save(commit=False)
    if walk.pk is None:
        walk.created_by = user
    walk.save()
    for topic in WalkTopic.values:
        rating, note = ratings.get(topic, ("", ""))
        WalkRating.objects.update_or_create(
            walk=walk,
            topic=topic,
            defaults={"alliance": walk.alliance, "rating": rating, "note": note[:500]},
        )
    return walk


@transaction.atomic
def walk_note_add(
    *,
    walk: Walk,
    text: str,
    topic: str = "",
    latitude: float | None = None,
    longitude: float | None = None,
    photo=None,
    keep_location: bool = False,
) -> WalkNote:
    """A note on a walk; a photo is checked and, unless kept on purpose, stripped of EXIF
    (the phone's location and camera data) before it is stored privately."""
    note = WalkNote(
        alliance=walk.alliance,
        walk=walk,
        text=text,
        topic=topic,
        latitude=latitude,
        longitude=longitude,
        photo_keeps_location=bool(photo and keep_location),
    )
    if photo:
        check_upload(photo, kinds=IMAGES, max_bytes=PHOTO_MAX_BYTES)
        if keep_location:
            photo.seek(0)
            note.photo.save(photo.name or "foto", photo, save=False)
        else:
            clean = strip_image_metadata(photo)
            note.photo.save(clean.name or "foto.jpg", clean, save=False)
    note.full_clean(exclude=["photo"])
    note.save()
    return note
