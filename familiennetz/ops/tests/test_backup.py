"""Backup and restore round trip: an instance full of data → ``manage.py backup`` → restore
into a new, empty database and empty media folders → every table's rows and every file equal.

SQLite runs in ``make test``; PostgreSQL in CI's PostgreSQL step (``CI_REQUIRE_SERVICES``
makes it fail there instead of skipping)."""

from __future__ import annotations

import json
import sqlite3

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from familiennetz.ops import backup
from familiennetz.ops.backup import BackupError, Target

from .support import (
    django_rows,
    files_under,
    fill_instance,
    postgresql_rows,
    require_postgresql,
    sqlite_rows,
)

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def media(settings, tmp_path, private_files):
    settings.MEDIA_ROOT = tmp_path / "media"
    return {"public": tmp_path / "media", "private": private_files}


@pytest.fixture
def restored_media(tmp_path):
    return {"public": tmp_path / "restored-media", "private": tmp_path / "restored-private"}


@pytest.fixture
def new_postgresql_database():
    """An empty database next to the test database, dropped afterwards."""
    require_postgresql()
    settings_dict = dict(connection.settings_dict)
    name = f"{settings_dict['NAME']}_restored"[:63]
    admin = {**settings_dict, "NAME": "postgres"}
    with _connect(admin) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    yield {**settings_dict, "NAME": name}
    with _connect(admin) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _connect(database):
    return psycopg.connect(
        dbname=database["NAME"],
        host=database.get("HOST") or None,
        port=database.get("PORT") or None,
        user=database.get("USER") or None,
        password=database.get("PASSWORD") or None,
        autocommit=True,
    )


def assert_media_equal(media, restored_media):
    for part in ("public", "private"):
        original = files_under(media[part])
        assert original, f"the filled instance has {part} files"
        assert files_under(restored_media[part]) == original


def test_postgresql_round_trip_restores_every_row_and_file(
    media, restored_media, new_postgresql_database, tmp_path
):
    fill_instance()
    before = django_rows()
    call_command("backup", str(tmp_path / "backup"))
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    assert manifest["engine"] == "postgresql"
    assert manifest["tables"]["directory_offer"] == len(before["directory_offer"]) >= 150

    backup.backup_restore(
        tmp_path / "backup", target=Target(new_postgresql_database, restored_media)
    )

    after = postgresql_rows(new_postgresql_database)
    assert set(after) == set(before)
    differing = [table for table in before if after[table] != before[table]]
    assert not differing
    assert_media_equal(media, restored_media)
    # Sequences came along: the restored instance can insert the next row.
    with _connect(new_postgresql_database) as conn:
        next_id = conn.execute(
            "SELECT nextval(pg_get_serial_sequence('directory_offer', 'id'))"
        ).fetchone()[0]
    assert next_id > max(int(row.split(",")[0].strip("(")) for row in before["directory_offer"])


def test_postgresql_restore_refuses_a_database_with_tables(
    media, restored_media, tmp_path, new_postgresql_database
):
    call_command("backup", str(tmp_path / "backup"))
    with _connect(new_postgresql_database) as conn:
        conn.execute("CREATE TABLE something_else (id int)")
    with pytest.raises(BackupError, match="is not empty"):
        backup.backup_restore(
            tmp_path / "backup", target=Target(new_postgresql_database, restored_media)
        )
    assert not restored_media["public"].exists()


@pytest.fixture
def on_sqlite():
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite variant (the PostgreSQL one runs on PostgreSQL)")


def test_sqlite_round_trip_restores_every_row_and_file(on_sqlite, media, restored_media, tmp_path):
    fill_instance()
    before = django_rows()
    call_command("backup", str(tmp_path / "backup"))
    target_database = {**connection.settings_dict, "NAME": str(tmp_path / "restored.sqlite3")}

    backup.backup_restore(tmp_path / "backup", target=Target(target_database, restored_media))

    after = sqlite_rows(tmp_path / "restored.sqlite3", list(before))
    differing = [table for table in before if after[table] != before[table]]
    assert not differing
    assert sum(len(rows) for rows in before.values()) > 1000
    assert_media_equal(media, restored_media)


def test_restore_refuses_a_damaged_backup_and_changes_nothing(
    on_sqlite, media, restored_media, tmp_path
):
    call_command("backup", str(tmp_path / "backup"))
    dump = tmp_path / "backup" / "database.sqlite3"
    dump.write_bytes(dump.read_bytes()[:-100])
    target_database = {**connection.settings_dict, "NAME": str(tmp_path / "restored.sqlite3")}
    with pytest.raises(BackupError, match=r"database.sqlite3 does not match its checksum"):
        backup.backup_restore(tmp_path / "backup", target=Target(target_database, restored_media))
    assert not (tmp_path / "restored.sqlite3").exists()


def test_restore_refuses_a_database_that_is_not_empty(on_sqlite, media, tmp_path):
    call_command("backup", str(tmp_path / "backup"))
    # The configured (test) database has every table: restore must not touch it.
    with pytest.raises(CommandError, match="is not empty"):
        call_command("restore", str(tmp_path / "backup"))


def test_backup_refuses_a_folder_that_is_not_empty(media, tmp_path):
    (tmp_path / "backup").mkdir()
    (tmp_path / "backup" / "old.txt").write_text("x")
    with pytest.raises(CommandError, match="is not empty"):
        call_command("backup", str(tmp_path / "backup"))


def test_without_postgresql_the_ci_step_fails_instead_of_skipping(on_sqlite, monkeypatch):
    monkeypatch.setenv("CI_REQUIRE_SERVICES", "1")
    with pytest.raises(pytest.fail.Exception, match="does not run on PostgreSQL"):
        require_postgresql()
    monkeypatch.delenv("CI_REQUIRE_SERVICES")
    with pytest.raises(pytest.skip.Exception):
        require_postgresql()


def test_a_failed_database_restore_leaves_no_media_behind(
    on_sqlite, media, restored_media, tmp_path
):
    media["private"].mkdir(parents=True)
    (media["private"] / "vereinbarung.pdf").write_bytes(b"%PDF-1.4\n")
    call_command("backup", str(tmp_path / "backup"))
    unreachable = {**connection.settings_dict, "NAME": str(tmp_path / "no" / "such" / "db")}
    with pytest.raises(sqlite3.OperationalError):
        backup.backup_restore(tmp_path / "backup", target=Target(unreachable, restored_media))
    assert not files_under(restored_media["private"])


@pytest.fixture
def object_store(settings):
    """Both storages reachable only through the storage API, as with django-storages' S3
    backend (MEDIA_STORAGE=s3): Django's in-memory storage stands in for the bucket."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
        "private": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }


def stored_files(media) -> dict[str, dict[str, bytes]]:
    return {
        part: {name: storage.open(name, "rb").read() for name in backup.storage_files(storage)}
        for part, storage in media.items()
    }


def test_media_on_an_object_store_is_backed_up_and_restored_through_the_storage_api(
    on_sqlite, object_store, tmp_path
):
    fill_instance()
    original = stored_files(backup.media_storages())
    assert original["public"] and original["private"]
    manifest = backup.backup_create(tmp_path / "backup")
    assert set(manifest["media"]) == {
        f"{part}/{name}" for part, files in original.items() for name in files
    }
    target_database = {**connection.settings_dict, "NAME": str(tmp_path / "restored.sqlite3")}
    bucket = {"public": InMemoryStorage(), "private": InMemoryStorage()}

    backup.backup_restore(tmp_path / "backup", target=Target(target_database, bucket))

    assert stored_files(bucket) == original


def test_restore_refuses_an_object_store_that_holds_files(on_sqlite, object_store, tmp_path):
    fill_instance()
    backup.backup_create(tmp_path / "backup")
    bucket = {"public": InMemoryStorage(), "private": InMemoryStorage()}
    bucket["public"].save("alt.png", ContentFile(b"x"))
    target_database = {**connection.settings_dict, "NAME": str(tmp_path / "restored.sqlite3")}
    with pytest.raises(BackupError, match="public media storage holds files"):
        backup.backup_restore(tmp_path / "backup", target=Target(target_database, bucket))
    assert not (tmp_path / "restored.sqlite3").exists()
    assert list(backup.storage_files(bucket["private"])) == []
