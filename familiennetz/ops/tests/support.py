"""Shared by the backup and move tests: an instance full of every kind of data (the demo,
with logins, plus public and private files), and every table's rows read back for comparison.
"""

from __future__ import annotations

import importlib
import io
import os
import sqlite3
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from PIL import Image

from familiennetz.alliances.models import Alliance
from familiennetz.directory.models import Language
from familiennetz.events.models import Event
from familiennetz.governance.models import Document, DocumentVersion


def require_postgresql() -> None:
    """Skip off PostgreSQL, except in CI's PostgreSQL step (``CI_REQUIRE_SERVICES`` set),
    where running on anything else is a failure, not a skip."""
    if connection.vendor == "postgresql":
        return
    if os.environ.get("CI_REQUIRE_SERVICES"):
        pytest.fail(
            "CI_REQUIRE_SERVICES is set but the suite does not run on PostgreSQL: "
            "set DATABASE_URL=postgres://… (and start the server)"
        )
    pytest.skip("needs PostgreSQL (DATABASE_URL=postgres://…)")


def png(colour: str = "teal") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), colour).save(buffer, "PNG")
    return buffer.getvalue()


def ensure_reference_data() -> None:
    """The languages a data migration loads: a transactional test before this one may have
    flushed them (the demo's offers name their languages)."""
    languages = importlib.import_module("familiennetz.directory.migrations.0002_load_languages")
    for position, (code, name_de, name_en, endonym) in enumerate(languages.LANGUAGES):
        Language.objects.update_or_create(
            code=code,
            defaults={
                "name_de": name_de,
                "name_en": name_en,
                "endonym": endonym,
                "position": position,
            },
        )


def fill_instance() -> list[Alliance]:
    """Both demo alliances with logins, reviews, events, registrations, governance,
    participation, social space; a logo and an event image (public files) and a document
    version (a private file) in each."""
    ensure_reference_data()
    call_command("seed_demo", "--quiet", "--with-admin")
    # the two demo towns (the state office's generated networks are there too, plainer)
    alliances = list(Alliance.objects.filter(slug__in=["hainichen", "prohlis"]).order_by("slug"))
    for index, alliance in enumerate(alliances):
        alliance.logo.save(f"logo-{alliance.slug}.png", ContentFile(png()), save=True)
        event = Event.objects.filter(alliance=alliance).order_by("pk").first()
        assert event is not None, "the demo has events"
        event.image_alt = "Kinder beim Sommerfest"
        event.image.save(f"fest-{index}.png", ContentFile(png("orange")), save=True)
        document = Document.objects.create(alliance=alliance, title="Kooperationsvereinbarung")
        version = DocumentVersion(
            alliance=alliance, document=document, number=1, filename="vereinbarung.pdf", size=9
        )
        version.file.save("vereinbarung.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    return alliances


def files_under(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


# --- every table's rows ---------------------------------------------------------------------


def django_rows() -> dict[str, list[str]]:
    """Every table of the test database, each row as text, sorted."""
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        return {table: _rows(cursor, table, connection.vendor) for table in sorted(tables)}


def _rows(cursor, table: str, vendor: str) -> list[str]:
    if vendor == "postgresql":
        cursor.execute(f'SELECT t::text FROM "{table}" t')
        return sorted(row[0] for row in cursor.fetchall())
    cursor.execute(f'SELECT * FROM "{table}"')
    return sorted(repr(tuple(row)) for row in cursor.fetchall())


def postgresql_rows(database: dict) -> dict[str, list[str]]:
    import psycopg

    with psycopg.connect(
        dbname=database["NAME"],
        host=database.get("HOST") or None,
        port=database.get("PORT") or None,
        user=database.get("USER") or None,
        password=database.get("PASSWORD") or None,
    ) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        with conn.cursor() as cursor:
            return {table: _rows(cursor, table, "postgresql") for table in tables}


def sqlite_rows(path: Path, tables: list[str]) -> dict[str, list[str]]:
    # The converters Django registers (datetime, decimal, bool) apply here too.
    conn = sqlite3.connect(path, detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
    try:
        cursor = conn.cursor()
        return {table: _rows(cursor, table, "sqlite") for table in tables}
    finally:
        conn.close()
