"""No two holding bookings of a room overlap, enforced by PostgreSQL itself (ADR 0903).

An exclusion constraint over (room, [starts_at, ends_at)) for requested and approved
bookings, with btree_gist for the equality on the room. SQLite has no such constraint: there
the service's check runs under the database's single write lock (BEGIN IMMEDIATE)."""

from django.contrib.postgres.operations import BtreeGistExtension
from django.db import migrations

CREATE = """
ALTER TABLE governance_booking ADD CONSTRAINT booking_no_overlap
EXCLUDE USING gist (room_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
WHERE (status IN ('requested', 'approved'))
"""
DROP = "ALTER TABLE governance_booking DROP CONSTRAINT IF EXISTS booking_no_overlap"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("governance", "0001_initial")]

    operations = [
        BtreeGistExtension(),
        migrations.RunPython(forwards, backwards),
    ]
