"""Moving one alliance between instances: ``export_alliance`` / ``import_alliance`` (ADR 1120).

The file is JSON lines:

1. a header: format, slug, the models in insert order, and for each model the fields that
   point at other exported rows (``relations``) — enough to read the file without this code;
2. one line per row: ``{"model": "directory.offer", "ref": 17, "fields": {…}}`` — ``ref`` is the
   row's id on the old instance, used only to link rows inside the file; foreign keys to
   exported rows hold refs; foreign keys to shared rows hold natural keys (users: e-mail;
   content types: ``[app, model]``; languages and other shared lists: their unique code);
3. the users the rows refer to (``accounts.user`` lines: name, e-mail, password hash; never
   staff or superuser rights);
4. one line per file: ``{"file": "private/governance/…", "data": base64}``.

Every row of every ``AllianceOwned`` model is exported, plus the alliance's rows that are not
tenant rows (memberships, invitations, API tokens, the history of entries and minutes) and
their many-to-many tables. The search index is rebuilt, not moved. Import assigns new ids on
the target (one transaction: all or nothing), refuses a slug that exists, and writes files
first and deletes them again if the rows fail.

Ids inside JSON values are remapped too (``JSON_IDS``): a pending change request's proposed
values (relation fields of its entry), a review reminder's entries, a network snapshot's
partners and ties, an import's created rows; frozen report figures hold labels and counts, no
ids. Second-factor devices (TOTP, backup codes) move with the users the import creates (an
account that exists on the target keeps its own). State offices are instance-wide: the
alliance is linked to the state office of the same name on the target if there is exactly one
(``ImportSummary.state_offices``). Queued background tasks are not moved: their arguments are
ids on the old instance and they run there — drain the queue before the export (the
import's own derived data, the search index, is rebuilt; report summaries refresh nightly).
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import ObjectDoesNotExist
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction

from familiennetz.alliances.models import Alliance, StateOffice
from familiennetz.alliances.owned import AllianceOwned
from familiennetz.alliances.scopes import all_alliances
from familiennetz.core.files import private_storage
from familiennetz.search.api import reindex_alliance

FORMAT = "familiennetz-alliance/1"
NOT_MOVED = {"search.searchdocument", "search.searchterm", "alliances.stateoffice"}


class _Encoder(DjangoJSONEncoder):
    """Django's encoder cuts times to milliseconds; a move keeps every microsecond."""

    def default(self, o):
        if isinstance(o, dt.datetime | dt.time):
            return o.isoformat()
        return super().default(o)


class TransferError(Exception):
    """The file cannot be imported; nothing was saved."""


def label(model: Any) -> str:
    return model._meta.label_lower


# --- which models, in which order -----------------------------------------------------------


def _points_at_alliance(model: type[models.Model]) -> bool:
    return any(
        f.concrete and f.is_relation and not f.many_to_many and f.related_model is Alliance
        for f in model._meta.get_fields()
    )


def moved_models() -> list[type[models.Model]]:
    """The alliance first, then every model with rows of one alliance, then the tables that
    hang off those (many-to-many history), each after the models it points at."""
    direct = [
        m
        for m in apps.get_models()
        if (issubclass(m, AllianceOwned) or _points_at_alliance(m)) and label(m) not in NOT_MOVED
    ]
    chosen = set(direct)
    dependent = [
        m
        for m in apps.get_models()
        if m not in chosen
        and m is not Alliance
        and label(m) not in NOT_MOVED
        and any(
            f.concrete and f.is_relation and f.related_model in chosen for f in m._meta.get_fields()
        )
        and not any(
            f.concrete and f.is_relation and f.related_model is Alliance
            for f in m._meta.get_fields()
        )
    ]
    return [Alliance, *_dependency_order(direct + dependent)]


def _dependency_order(models_: list[type[models.Model]]) -> list[type[models.Model]]:
    remaining = sorted(models_, key=label)
    done: list[type[models.Model]] = []
    placed: set[type[models.Model]] = set()
    while remaining:
        for model in remaining:
            targets = {
                f.related_model
                for f in model._meta.concrete_fields
                if f.is_relation and f.related_model in remaining and f.related_model is not model
            }
            if not targets - placed:
                break
        else:  # a cycle: ids are allocated before rows are written, so any order inserts
            model = remaining[0]
        remaining.remove(model)
        done.append(model)
        placed.add(model)
    return done


def rows_of(model: type[models.Model], alliance: Alliance, refs: dict) -> models.QuerySet:
    manager = model._base_manager
    if model is Alliance:
        return manager.filter(pk=alliance.pk)
    if _points_at_alliance(model):
        name = next(
            f.name
            for f in model._meta.concrete_fields
            if f.is_relation and f.related_model is Alliance
        )
        return manager.filter(**{name: alliance}).order_by("pk")
    fk = next(
        f
        for f in model._meta.concrete_fields
        if f.is_relation and label(f.related_model) in refs and f.related_model is not Alliance
    )
    return manager.filter(**{f"{fk.name}__in": list(refs[label(fk.related_model)])}).order_by("pk")


# --- natural keys of shared rows ------------------------------------------------------------


def _unique_field(model: type[models.Model]) -> str | None:
    if model is get_user_model():
        return "email"
    for f in model._meta.concrete_fields:
        if f.unique and not f.primary_key:
            return f.name
    if _uses_natural_keys(model):
        return None
    raise TransferError(f"{label(model)} has no unique field to match rows between instances")


def _uses_natural_keys(model: Any) -> bool:
    """Django's natural-key protocol (``natural_key()`` and the manager's
    ``get_by_natural_key()``), for shared rows without a unique field."""
    return hasattr(model, "natural_key") and hasattr(model._default_manager, "get_by_natural_key")


def _natural_key(model: Any, pk: Any) -> Any:
    if model is ContentType:
        content_type = ContentType.objects.get_for_id(pk)
        return [content_type.app_label, content_type.model]
    unique = _unique_field(model)
    if unique is None:
        row = model._base_manager.filter(pk=pk).first()
        return None if row is None else list(row.natural_key())
    return model._base_manager.filter(pk=pk).values_list(unique, flat=True).first()


def _from_natural_key(model: type[models.Model], key: Any) -> Any:
    if model is ContentType:
        return ContentType.objects.get_by_natural_key(*key).pk
    unique = _unique_field(model)
    if unique is None:
        manager: Any = model._default_manager
        try:
            return manager.get_by_natural_key(*key).pk
        except ObjectDoesNotExist:
            raise TransferError(f"{label(model)} {key!r} does not exist on this instance") from None
    pk = model._base_manager.filter(**{unique: key}).values_list("pk", flat=True)
    found = pk.first()
    if found is None:
        raise TransferError(f"{label(model)} {key!r} does not exist on this instance")
    return found


# --- ids inside JSON values -----------------------------------------------------------------

Remap = Callable[[str, Any], Any]  # (model label, old id) → new id (the old one if unknown)


def _change_request_payload(fields: dict, remap: Remap) -> None:
    """Proposed values: {field name: [str(value), …]} of the entry's form; relation fields
    hold ids of the entry's related rows (categories, organisation, districts, …)."""
    content_type = fields.get("content_type")
    payload = fields.get("payload")
    if not isinstance(content_type, list) or not isinstance(payload, dict):
        return
    try:
        model = apps.get_model(*content_type)
    except LookupError:
        return
    for name, values in payload.items():
        try:
            f = model._meta.get_field(name)
        except Exception:
            continue
        if not f.is_relation or not isinstance(values, list):
            continue
        target = label(f.related_model)
        payload[name] = [str(remap(target, int(v))) if str(v).isdigit() else v for v in values]


def _review_entries(fields: dict, remap: Remap) -> None:
    fields["entries"] = [
        [model_label, remap(model_label, pk)] for model_label, pk in fields.get("entries") or []
    ]


def _snapshot(fields: dict, remap: Remap) -> None:
    for node in fields.get("nodes") or []:
        node["id"] = remap("network.partner", node.get("id"))
    for edge in fields.get("edges") or []:
        for end in ("source", "target"):
            edge[end] = remap("network.partner", edge.get(end))


IMPORT_KINDS = {
    "offer": "directory.offer",
    "organisation": "directory.organisation",
    "location": "directory.location",
}


def _import_result(fields: dict, remap: Remap) -> None:
    created = (fields.get("result") or {}).get("created") or {}
    for kind, pks in created.items():
        if kind in IMPORT_KINDS:
            created[kind] = [remap(IMPORT_KINDS[kind], pk) for pk in pks]


# model label (or the label of the entry a history version is of) → rewrites the row's JSON
JSON_IDS: dict[str, Callable[[dict, Remap], None]] = {
    "moderation.changerequest": _change_request_payload,
    "freshness.reviewreminder": _review_entries,
    "network.snapshot": _snapshot,
    "interop.importupload": _import_result,
}


def json_remap(model: Any, fields: dict, remap: Remap) -> dict:
    """A copy of ``fields`` with the ids inside its JSON values remapped."""
    instance_type = getattr(model, "instance_type", None)
    rewrite = JSON_IDS.get(label(model)) or (
        JSON_IDS.get(label(instance_type)) if instance_type is not None else None
    )
    if rewrite is None:
        return fields
    fields = json.loads(json.dumps(fields, cls=_Encoder))  # a deep copy
    rewrite(fields, remap)
    return fields


# --- export ---------------------------------------------------------------------------------


@dataclass
class ExportSummary:
    rows: dict[str, int] = field(default_factory=dict)
    users: int = 0
    files: int = 0
    devices: int = 0


DEVICE_MODELS = ("otp_totp.totpdevice", "otp_static.staticdevice")


def _device_lines(user_model, user_ids: set[int]) -> Iterator[dict]:
    """Second-factor devices of the exported users: TOTP secrets and backup codes."""
    for device_label in DEVICE_MODELS:
        try:
            model = apps.get_model(device_label)
        except LookupError:
            continue
        queryset = model._default_manager.filter(user_id__in=user_ids).order_by("pk")
        for device in queryset:
            fields = serializers.serialize("python", [device])[0]["fields"]
            fields.pop("user")
            line = {
                "device": device_label,
                "user": user_model._base_manager.get(pk=device.user_id).email,
                "fields": fields,
            }
            if device_label == "otp_static.staticdevice":
                line["tokens"] = list(device.token_set.values_list("token", flat=True))
            yield line


def _relations(model: type[models.Model], moved: set[str]) -> dict[str, str]:
    """Fields (FK and many-to-many) that point at moved rows: field name → model label."""
    out = {}
    for f in [*model._meta.concrete_fields, *model._meta.many_to_many]:
        if f.is_relation and label(f.related_model) in moved:
            out[f.name] = label(f.related_model)
    for gfk in model._meta.private_fields:
        if isinstance(gfk, GenericForeignKey):
            out[gfk.fk_field] = "@" + gfk.ct_field  # the model is named by the content type
    instance_type = getattr(model, "instance_type", None)  # a version (django-simple-history)
    if instance_type is not None and label(instance_type) in moved and "id" not in out:
        out["id"] = label(instance_type)  # the id of the entry this version is of
    return out


def _file_fields(model: type[models.Model]) -> list[models.FileField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def _storage_part(storage: Storage) -> str:
    return "private" if storage is private_storage() or storage is private_storage else "public"


def alliance_export(slug: str, out: IO[str]) -> ExportSummary:
    """Write alliance ``slug`` as JSON lines to ``out``."""
    summary = ExportSummary()
    with all_alliances():
        alliance = Alliance.objects.filter(slug=slug).first()
        if alliance is None:
            raise TransferError(f"there is no alliance {slug!r}")
        order = moved_models()
        moved = {label(m) for m in order}
        relations = {label(m): _relations(m, moved) for m in order}
        header = {
            "format": FORMAT,
            "slug": slug,
            "models": list(relations),
            "relations": relations,
            "state_offices": sorted(alliance.state_offices.values_list("name", flat=True)),
        }
        out.write(json.dumps(header) + "\n")
        refs: dict[str, set] = defaultdict(set)
        user_ids: set[int] = set()
        files: list[tuple[str, Storage, str]] = []
        user_model = get_user_model()
        for model in order:
            queryset = rows_of(model, alliance, refs)
            for row in serializers.serialize("python", queryset.iterator()):
                refs[label(model)].add(row["pk"])
                fields = row["fields"]
                for f in [*model._meta.concrete_fields, *model._meta.many_to_many]:
                    if not f.is_relation or f.name not in fields or f.primary_key:
                        continue
                    value = fields[f.name]
                    target = f.related_model
                    if value is None or label(target) in moved:
                        continue
                    if target is user_model:
                        user_ids.update(value if f.many_to_many else [value])
                        fields[f.name] = (
                            [_natural_key(target, v) for v in value]
                            if f.many_to_many
                            else _natural_key(target, value)
                        )
                    elif f.many_to_many:
                        fields[f.name] = [_natural_key(target, v) for v in value]
                    else:
                        fields[f.name] = _natural_key(target, value)
                for f in _file_fields(model):
                    if fields.get(f.name):
                        storage = f.storage
                        files.append((_storage_part(storage), storage, fields[f.name]))
                line = {"model": label(model), "ref": row["pk"], "fields": fields}
                out.write(json.dumps(line, cls=_Encoder) + "\n")
                summary.rows[label(model)] = summary.rows.get(label(model), 0) + 1
        for user in user_model._base_manager.filter(pk__in=user_ids).order_by("pk"):
            out.write(
                json.dumps(
                    {
                        "user": {
                            "email": user.email,
                            "first_name": user.first_name,
                            "last_name": user.last_name,
                            "password": user.password,
                            "is_active": user.is_active,
                            "preferred_language": getattr(user, "preferred_language", ""),
                        }
                    }
                )
                + "\n"
            )
            summary.users += 1
        for device_line in _device_lines(user_model, user_ids):
            out.write(json.dumps(device_line, cls=_Encoder) + "\n")
            summary.devices += 1
        for part, storage, name in files:
            if not storage.exists(name):
                continue  # a row naming a lost file: the row moves, the file cannot
            with storage.open(name, "rb") as handle:
                data = base64.b64encode(handle.read()).decode("ascii")
            out.write(json.dumps({"file": f"{part}/{name}", "data": data}) + "\n")
            summary.files += 1
    return summary


# --- import ---------------------------------------------------------------------------------


@dataclass
class ImportSummary:
    alliance: Alliance
    rows: dict[str, int]
    users_created: int
    files: int
    devices: int = 0
    state_offices: dict[str, bool] = field(default_factory=dict)  # name → linked


def _read(
    lines: Iterable[str],
) -> tuple[dict, list[dict], list[dict], dict[str, bytes], list[dict]]:
    iterator = iter(lines)
    try:
        header = json.loads(next(iterator))
    except (StopIteration, json.JSONDecodeError) as error:
        raise TransferError("the file does not start with a familiennetz header") from error
    if header.get("format") != FORMAT:
        raise TransferError(f"unknown format {header.get('format')!r} (expected {FORMAT})")
    rows, users, files, devices = [], [], {}, []
    for number, text in enumerate(iterator, start=2):
        try:
            line = json.loads(text)
        except json.JSONDecodeError as error:
            raise TransferError(f"line {number} is not JSON: {error}") from error
        if "model" in line:
            rows.append(line)
        elif "device" in line:  # before "user": a device line names its user
            devices.append(line)
        elif "user" in line:
            users.append(line["user"])
        elif "file" in line:
            files[line["file"]] = base64.b64decode(line["data"])
        else:
            raise TransferError(f"line {number}: unknown kind of line")
    return header, rows, users, files, devices


@contextlib.contextmanager
def _keep_timestamps(models_: Iterable[type[models.Model]]) -> Iterator[None]:
    """auto_now/auto_now_add off while rows are inserted: they keep their own dates."""
    changed = []
    for model in models_:
        for f in model._meta.concrete_fields:
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                changed.append(
                    (f, getattr(f, "auto_now", False), getattr(f, "auto_now_add", False))
                )
                setattr(f, "auto_now", False)  # noqa: B010 (not every Field has them)
                setattr(f, "auto_now_add", False)  # noqa: B010
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in changed:
            setattr(f, "auto_now", auto_now)  # noqa: B010
            setattr(f, "auto_now_add", auto_now_add)  # noqa: B010


def _allocate_ids(model: type[models.Model], count: int) -> list[int]:
    """``count`` new ids for ``model`` that no other writer can take."""
    if count == 0:
        return []
    table = model._meta.db_table
    column = str(model._meta.pk.column)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [table, column])
            sequence = cursor.fetchone()[0]
            if sequence:
                cursor.execute("SELECT nextval(%s) FROM generate_series(1, %s)", [sequence, count])
                return [row[0] for row in cursor.fetchall()]
        # SQLite: writers are serialised (BEGIN IMMEDIATE), the maximum is safe to count on.
        quote = connection.ops.quote_name
        cursor.execute(f"SELECT COALESCE(MAX({quote(column)}), 0) FROM {quote(table)}")
        start = cursor.fetchone()[0] + 1
        # sqlite_sequence (AUTOINCREMENT) is not used by Django's tables; nothing to bump.
        return list(range(start, start + count))


def alliance_import(lines: Iterable[str], *, storages_: dict[str, Storage] | None = None):
    """Import an export file as a new alliance (all or nothing). Returns an ImportSummary."""
    header, rows, users, file_data, devices = _read(lines)
    slug = header["slug"]
    known = {label(m): m for m in apps.get_models()}
    missing = [name for name in header["models"] if name not in known]
    if missing:
        raise TransferError(f"this instance has no model {', '.join(missing)} (older code?)")
    relations: dict[str, dict[str, str]] = header["relations"]
    storages_ = storages_ or {"public": _default_storage(), "private": private_storage()}
    written: list[tuple[Storage, str]] = []
    try:
        with all_alliances(), transaction.atomic():
            if Alliance.objects.filter(slug=slug).exists():
                raise TransferError(
                    f"an alliance {slug!r} exists on this instance: nothing was imported"
                )
            user_model = get_user_model()
            created_users = {}
            for user in users:
                if not user_model._base_manager.filter(email=user["email"]).exists():
                    created_users[user["email"]] = user_model._base_manager.create(
                        **user, is_staff=False, is_superuser=False
                    )
            users_created = len(created_users)
            devices_moved = _import_devices(devices, created_users)
            by_model: dict[str, list[dict]] = defaultdict(list)
            for row in rows:
                by_model[row["model"]].append(row)
            # New ids first, so that a row may point at one written later (cycles).
            new_ids: dict[str, dict[Any, Any]] = {}
            for name in header["models"]:
                model = known[name]
                refs = [row["ref"] for row in by_model[name]]
                if isinstance(model._meta.pk, models.AutoField | models.BigAutoField):
                    new_ids[name] = dict(zip(refs, _allocate_ids(model, len(refs)), strict=True))
                else:
                    new_ids[name] = {ref: ref for ref in refs}
            # Files next; their (maybe changed) names go into the rows.
            file_names: dict[str, str] = {}
            for key, data in file_data.items():
                part, name = key.split("/", 1)
                storage = storages_[part]
                saved = storage.save(name, ContentFile(data))
                written.append((storage, saved))
                file_names[key] = saved
            counts: dict[str, int] = {}
            links: list[tuple[type[models.Model], list[models.Model]]] = []
            with _keep_timestamps(known[name] for name in header["models"]):
                for name in header["models"]:
                    model = known[name]
                    objects, m2m = [], []
                    for row in by_model[name]:
                        obj, many = _build(model, row, relations[name], new_ids, file_names)
                        objects.append(obj)
                        m2m.append(many)
                    model._base_manager.bulk_create(objects, batch_size=500)
                    links.extend(_links(model, objects, m2m))
                    counts[name] = len(objects)
                # Many-to-many rows straight into their tables: .set() would send signals
                # (the history of entries writes a version for each).
                for through, rows_ in links:
                    through._base_manager.bulk_create(rows_, batch_size=500)
            alliance = Alliance.objects.get(slug=slug)
            offices = _link_state_offices(alliance, header.get("state_offices", []))
            reindex_alliance(alliance=alliance)
    except BaseException:
        for storage, saved in written:
            storage.delete(saved)
        raise
    return ImportSummary(alliance, counts, users_created, len(written), devices_moved, offices)


def _import_devices(devices: list[dict], created_users: dict) -> int:
    """The second factors of accounts this import created (an existing account keeps its
    own devices: it logs in on this instance already)."""
    moved = 0
    for line in devices:
        user = created_users.get(line["user"])
        if user is None:
            continue
        model = apps.get_model(line["device"])
        values = {
            f.attname: f.to_python(line["fields"][f.name])
            for f in model._meta.concrete_fields
            if f.name in line["fields"] and not f.primary_key and not f.is_relation
        }
        device = model._default_manager.create(user=user, **values)
        for token in line.get("tokens", []):
            device.token_set.create(token=token)
        moved += 1
    return moved


def _link_state_offices(alliance: Alliance, names: list[str]) -> dict[str, bool]:
    """Link the alliance to the state office of the same name when exactly one exists."""
    linked = {}
    for name in names:
        offices = list(StateOffice.objects.filter(name=name)[:2])
        linked[name] = len(offices) == 1
        if len(offices) == 1:
            offices[0].alliances.add(alliance)
    return linked


def _links(model, objects, m2m) -> Iterator[tuple[type[models.Model], list[models.Model]]]:
    for f in model._meta.many_to_many:
        through = f.remote_field.through
        if not through._meta.auto_created:
            continue  # an explicit through model is moved as rows of its own
        source = f.m2m_column_name()
        target = f.m2m_reverse_name()
        rows = [
            through(**{source: obj.pk, target: value})
            for obj, many in zip(objects, m2m, strict=True)
            for value in many.get(f.name, [])
        ]
        if rows:
            yield through, rows


def _default_storage() -> Storage:
    from django.core.files.storage import default_storage  # a LazyObject; read at call time

    return default_storage


def _build(model, row, relations, new_ids, file_names):
    fields = json_remap(
        model,
        dict(row["fields"]),
        lambda target, old: new_ids.get(target, {}).get(old, old),
    )
    many: dict[str, list] = {}
    opts = model._meta
    values: dict[str, Any] = {}
    for f in [*opts.concrete_fields, *opts.many_to_many]:
        if f.primary_key or f.name not in fields:
            continue
        value = fields[f.name]
        target_label = relations.get(f.name)
        if f.is_relation:
            target = f.related_model
            if f.many_to_many:
                if target_label:
                    value = [new_ids[target_label][v] for v in value]
                else:
                    value = [_from_natural_key(target, v) for v in value]
                many[f.name] = value
                continue
            if value is not None:
                if target_label:
                    value = new_ids[target_label].get(value, value)
                else:
                    value = _from_natural_key(target, value)
            values[f.attname] = value
            continue
        if target_label and value is not None:
            if target_label.startswith("@"):  # a generic relation: the content type says which
                content_type = fields.get(target_label[1:])
                if isinstance(content_type, list):
                    type_label = ".".join(content_type)
                    if type_label in new_ids:
                        value = new_ids[type_label].get(value, value)
            else:  # a version's id: the entry's new id (kept if the entry is gone)
                value = new_ids[target_label].get(value, value)
        if isinstance(f, models.FileField) and value:
            value = file_names.get(f"{_storage_part(f.storage)}/{value}", value)
        values[f.attname] = f.to_python(value) if not f.is_relation else value
    obj = model(**values)
    obj.pk = new_ids[label(model)][row["ref"]]
    return obj, many


def export_to_file(slug: str, path: Path) -> ExportSummary:
    with open(path, "w", encoding="utf-8") as out:
        return alliance_export(slug, out)


def import_from_file(path: Path) -> ImportSummary:
    with open(path, encoding="utf-8") as handle:
        return alliance_import(handle)
