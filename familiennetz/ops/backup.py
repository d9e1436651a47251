"""Whole-instance backup and restore (``manage.py backup`` / ``manage.py restore``, ADR 1120).

A backup is a folder:

- ``database.dump`` (PostgreSQL: ``pg_dump --format=custom``) or ``database.sqlite3``
  (SQLite: the online backup API, consistent while the app keeps writing);
- ``media.tar.gz``: the public uploads (``public/…``) and the private files (``private/…``),
  read through Django's storage API: folders on this machine, a shared folder or an
  S3-compatible store (django-storages) alike; a restore writes them the same way;
- ``manifest.json``: format version, engine, the applied migrations, the row count of every
  table and the SHA-256 of each file above. ``restore`` checks the checksums before it touches
  anything and the row counts after.

Restore only goes into an empty database and empty media folders; it never merges.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import posixpath
import sqlite3
import subprocess
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from django.core.files.base import File
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.db import connections

FORMAT = "familiennetz-backup/1"
MANIFEST = "manifest.json"
PG_DUMP = "database.dump"
SQLITE_DUMP = "database.sqlite3"
MEDIA = "media.tar.gz"
MEDIA_PARTS = {"public": "default", "private": "private"}  # folder in the archive → storage


class BackupError(Exception):
    """A backup or restore that cannot go on; nothing was changed by the failing step."""


@dataclass
class Target:
    """Where a restore goes: the database settings (Django's ``settings_dict`` shape) and the
    media by archive part — a storage, or a folder (a ``FileSystemStorage`` on it)."""

    database: dict[str, Any]
    media: dict[str, Storage | Path]

    def storages(self) -> dict[str, Storage]:
        return {
            part: where
            if isinstance(where, Storage)
            else FileSystemStorage(location=where, base_url=None)
            for part, where in self.media.items()
        }


def default_target(alias: str = "default") -> Target:
    return Target(database=dict(connections[alias].settings_dict), media=dict(media_storages()))


def media_storages() -> dict[str, Storage]:
    """The configured storages by archive part: public uploads and private files."""
    return {part: storages[name] for part, name in MEDIA_PARTS.items()}


def storage_files(storage: Storage, folder: str = "") -> Iterator[str]:
    """Every file name in ``storage`` (below ``folder``), sorted, through the storage API."""
    try:
        folders, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in sorted(files):
        yield posixpath.join(folder, name) if folder else name
    for name in sorted(folders):
        yield from storage_files(storage, posixpath.join(folder, name) if folder else name)


def engine_of(database: dict[str, Any]) -> str:
    engine = database["ENGINE"]
    if "postgresql" in engine:
        return "postgresql"
    if "sqlite3" in engine:
        return "sqlite"
    raise BackupError(f"unsupported database engine {engine}")


# --- row counts -----------------------------------------------------------------------------


def _pg_conninfo(database: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    """Arguments and environment for pg_dump/pg_restore/psycopg from Django's settings."""
    args = []
    env = dict(os.environ)
    if database.get("HOST"):
        args += ["--host", str(database["HOST"])]
    if database.get("PORT"):
        args += ["--port", str(database["PORT"])]
    if database.get("USER"):
        args += ["--username", str(database["USER"])]
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = str(database["PASSWORD"])
    return args, env


def _pg_connect(database: dict[str, Any]):
    import psycopg  # the driver Django uses; imported here so SQLite-only installs work

    return psycopg.connect(
        dbname=database["NAME"],
        host=database.get("HOST") or None,
        port=database.get("PORT") or None,
        user=database.get("USER") or None,
        password=database.get("PASSWORD") or None,
        autocommit=True,
    )


def _pg_counts(conn) -> dict[str, int]:
    names = [
        row[0]
        for row in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
        )
    ]
    return {name: conn.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0] for name in names}


def pg_table_counts(database: dict[str, Any]) -> dict[str, int]:
    """Rows per table in the public schema of a PostgreSQL database given by its settings."""
    with _pg_connect(database) as conn:
        return _pg_counts(conn)


def sqlite_table_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return _sqlite_counts(conn)
    finally:
        conn.close()


def _sqlite_counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY 1"
        )
    ]
    return {name: conn.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0] for name in names}


# --- checksums and media --------------------------------------------------------------------


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def media_inventory(media: dict[str, Storage]) -> dict[str, str]:
    """``{"public/events/x.jpg": sha256, …}`` of every file in the media storages."""
    inventory = {}
    for part, storage in media.items():
        for name in storage_files(storage):
            digest = hashlib.sha256()
            with storage.open(name, "rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
            inventory[f"{part}/{name}"] = digest.hexdigest()
    return inventory


def _write_media(archive: Path, media: dict[str, Storage]) -> dict[str, str]:
    """Every file of the storages into the archive; returns the inventory of what was
    written (name → SHA-256), read in the same pass."""
    inventory = {}
    with tarfile.open(archive, "w:gz") as tar:
        for part, storage in media.items():
            for name in storage_files(storage):
                with storage.open(name, "rb") as handle:
                    data = handle.read()
                info = tarfile.TarInfo(f"{part}/{name}")
                info.size = len(data)
                info.mode = 0o640
                tar.addfile(info, io.BytesIO(data))
                inventory[info.name] = hashlib.sha256(data).hexdigest()
    return inventory


def _safe_member(member: tarfile.TarInfo) -> tuple[str, PurePosixPath]:
    path = PurePosixPath(member.name)
    if not member.isfile() or path.is_absolute() or ".." in path.parts or len(path.parts) < 2:
        raise BackupError(f"unexpected entry in the media archive: {member.name!r}")
    return path.parts[0], PurePosixPath(*path.parts[1:])


def _restore_media(archive: Path, media: dict[str, Storage]) -> list[tuple[Storage, str]]:
    """Write the archive's files into the storages under their names; returns what was
    written (for a clean-up when the database fails)."""
    written: list[tuple[Storage, str]] = []
    with tarfile.open(archive, "r:gz") as tar:
        plan = []
        for member in tar.getmembers():
            part, relative = _safe_member(member)
            if part not in media:
                raise BackupError(f"the backup holds {part} files but no storage receives them")
            if media[part].exists(str(relative)):
                raise BackupError(f"{part}/{relative} exists: restore only into empty storages")
            plan.append((member, media[part], str(relative)))
        try:
            for member, storage, name in plan:
                source = tar.extractfile(member)
                assert source is not None  # regular files only (_safe_member)
                with source:
                    saved = storage.save(name, File(source, name=name))
                written.append((storage, saved))
                if saved != name:
                    raise BackupError(f"the storage saved {name} as {saved}")
        except BaseException:
            _delete(written)
            raise
    return written


def _delete(written: list[tuple[Storage, str]]) -> None:
    for storage, name in written:
        storage.delete(name)


# --- migrations -----------------------------------------------------------------------------


def applied_migrations(alias: str = "default") -> list[str]:
    connection = connections[alias]
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        return [f"{app}.{name}" for app, name in cursor.fetchall()]


# --- backup ---------------------------------------------------------------------------------


def backup_create(folder: Path, *, alias: str = "default", media: bool = True) -> dict:
    """Write a backup of database ``alias`` and the media folders into ``folder`` (created;
    must be empty). Returns the manifest."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise BackupError(f"{folder} is not empty: a backup goes into a new folder")
    folder.mkdir(parents=True, exist_ok=True)
    connection = connections[alias]
    database = dict(connection.settings_dict)
    engine = engine_of(database)
    if engine == "postgresql":
        dump = folder / PG_DUMP
        counts = _pg_dump_with_counts(database, dump)
    else:
        dump = folder / SQLITE_DUMP
        connection.ensure_connection()
        target = sqlite3.connect(dump)
        try:
            connection.connection.backup(target)
            counts = _sqlite_counts(target)  # exactly what the copy holds
        finally:
            target.close()
    files = {dump.name: sha256(dump)}
    parts = media_storages() if media else {}
    inventory = {}
    if parts:
        inventory = _write_media(folder / MEDIA, parts)
        files[MEDIA] = sha256(folder / MEDIA)
    manifest = {
        "format": FORMAT,
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "engine": engine,
        "migrations": applied_migrations(alias),
        "tables": counts,
        "files": files,
        "media": inventory,
        "media_parts": sorted(parts),
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return manifest


def _pg_dump_with_counts(database: dict[str, Any], dump: Path) -> dict[str, int]:
    """pg_dump of one consistent snapshot, and the row counts of that same snapshot: a
    transaction exports its snapshot, counts, and pg_dump reads with ``--snapshot``."""
    args, env = _pg_conninfo(database)
    with _pg_connect(database) as conn:
        conn.autocommit = False
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        snapshot = conn.execute("SELECT pg_export_snapshot()").fetchone()[0]
        counts = _pg_counts(conn)
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--snapshot={snapshot}",
                "--file",
                str(dump),
                *args,
                database["NAME"],
            ],
            env,
        )
        conn.rollback()
    return counts


def _run(command: list[str], env: dict[str, str]) -> None:
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=3600)
    except FileNotFoundError:
        raise BackupError(
            f"{command[0]} was not found: install the PostgreSQL client tools"
        ) from None
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[-2000:]}")


# --- restore --------------------------------------------------------------------------------


def read_manifest(folder: Path) -> dict:
    path = Path(folder) / MANIFEST
    if not path.is_file():
        raise BackupError(f"{path} is missing: not a familiennetz backup folder")
    manifest = json.loads(path.read_text())
    if manifest.get("format") != FORMAT:
        raise BackupError(f"unknown backup format {manifest.get('format')!r} (expected {FORMAT})")
    for name, digest in manifest["files"].items():
        file = Path(folder) / name
        if not file.is_file():
            raise BackupError(f"{name} is missing from the backup")
        if sha256(file) != digest:
            raise BackupError(f"{name} does not match its checksum: the backup is damaged")
    return manifest


def database_is_empty(database: dict[str, Any]) -> bool:
    engine = engine_of(database)
    for alias in connections:  # a configured database: ask Django (also in-memory SQLite)
        known = connections[alias]
        if known.settings_dict["NAME"] == database["NAME"] and known.vendor == engine:
            with known.cursor() as cursor:
                return not known.introspection.table_names(cursor)
    if engine == "postgresql":
        with _pg_connect(database) as conn:
            return (
                conn.execute(
                    "SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'"
                ).fetchone()[0]
                == 0
            )
    path = Path(database["NAME"])
    return not path.exists() or not sqlite_table_counts(path)


def backup_restore(folder: Path, *, target: Target | None = None) -> dict:
    """Restore the backup in ``folder`` into an empty database and empty media folders.

    Checks the checksums first, refuses a database with tables, and compares the row count of
    every table with the manifest afterwards. Returns the manifest."""
    folder = Path(folder)
    target = target or default_target()
    manifest = read_manifest(folder)
    engine = engine_of(target.database)
    if engine != manifest["engine"]:
        raise BackupError(
            f"the backup is of a {manifest['engine']} database; this instance uses {engine}"
        )
    if not database_is_empty(target.database):
        raise BackupError(
            f"the database {target.database['NAME']} is not empty: restore only into a new, "
            "empty database (create one, point DATABASE_URL at it, run restore again)"
        )
    # Media first: a refused media storage leaves the database untouched.
    media = target.storages()
    if MEDIA in manifest["files"]:
        for part, storage in media.items():
            if part in manifest["media_parts"] and next(storage_files(storage), None):
                raise BackupError(
                    f"the {part} media storage holds files: restore only into empty storages"
                )
        restored_files = _restore_media(folder / MEDIA, media)
    else:
        restored_files = []
    try:
        counts = _restore_database(folder, target)
    except BaseException:
        _delete(restored_files)  # all or nothing: no media without its database
        raise
    expected = manifest["tables"]
    differing = sorted(
        name for name in set(expected) | set(counts) if expected.get(name) != counts.get(name)
    )
    if differing:
        raise BackupError(
            "restored row counts differ from the manifest in: " + ", ".join(differing[:20])
        )
    return manifest


def _restore_database(folder: Path, target: Target) -> dict[str, int]:
    """Load the dump into the empty target database; its row counts per table."""
    if engine_of(target.database) == "postgresql":
        args, env = _pg_conninfo(target.database)
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                "--dbname",
                target.database["NAME"],
                *args,
                str(folder / PG_DUMP),
            ],
            env,
        )
        return pg_table_counts(target.database)
    source = sqlite3.connect(folder / SQLITE_DUMP)
    destination = sqlite3.connect(Path(target.database["NAME"]))
    try:
        source.backup(destination)
        return _sqlite_counts(destination)
    finally:
        source.close()
        destination.close()
