"""SQLite only: the FTS5 table that holds the stemmed words of each search document.

Its rowid is the offer id (= SearchDocument primary key). The words are already folded and
stemmed in Python (familiennetz/search/text.py); unicode61 only splits them.
"""

from django.db import migrations

CREATE = """
CREATE VIRTUAL TABLE search_offer_fts USING fts5(
    name, categories, places, body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '4'
)
"""


def create_fts_table(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(CREATE)


def drop_fts_table(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_offer_fts")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create_fts_table, drop_fts_table, elidable=False)]
