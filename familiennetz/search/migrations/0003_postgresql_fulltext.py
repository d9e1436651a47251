"""PostgreSQL only: German full-text search on search documents, trigram index on terms.

A text-search configuration ``familiennetz_german`` copies ``german`` and maps words through
``unaccent`` and a German Snowball stemmer without a stop-word list (Python already removed
stop words, so both backends index the same words). A generated ``vector`` column weights
name (A) > categories (B) > organisation and places (C) > description (D); small unweighted
vectors per field tell cheaply in which field a document matched (the ranking tier).
"""

from django.db import migrations

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE TEXT SEARCH DICTIONARY familiennetz_german_stem (TEMPLATE = snowball, Language = german)",
    "CREATE TEXT SEARCH CONFIGURATION familiennetz_german (COPY = german)",
    """ALTER TEXT SEARCH CONFIGURATION familiennetz_german
       ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
       WITH unaccent, familiennetz_german_stem""",
    """ALTER TABLE search_searchdocument ADD COLUMN vector tsvector GENERATED ALWAYS AS (
         setweight(to_tsvector('familiennetz_german'::regconfig, name), 'A')
         || setweight(to_tsvector('familiennetz_german'::regconfig, categories), 'B')
         || setweight(to_tsvector('familiennetz_german'::regconfig, places), 'C')
         || setweight(to_tsvector('familiennetz_german'::regconfig, body), 'D')
       ) STORED""",
    """ALTER TABLE search_searchdocument
       ADD COLUMN name_vector tsvector
         GENERATED ALWAYS AS (to_tsvector('familiennetz_german'::regconfig, name)) STORED,
       ADD COLUMN categories_vector tsvector
         GENERATED ALWAYS AS (to_tsvector('familiennetz_german'::regconfig, categories)) STORED,
       ADD COLUMN places_vector tsvector
         GENERATED ALWAYS AS (to_tsvector('familiennetz_german'::regconfig, places)) STORED""",
    "CREATE INDEX searchdocument_vector_idx ON search_searchdocument USING gin (vector)",
    "CREATE INDEX searchterm_folded_trgm_idx ON search_searchterm USING gin (folded gin_trgm_ops)",
]

DROP = [
    "DROP INDEX IF EXISTS searchterm_folded_trgm_idx",
    "DROP INDEX IF EXISTS searchdocument_vector_idx",
    """ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS vector,
       DROP COLUMN IF EXISTS name_vector, DROP COLUMN IF EXISTS categories_vector,
       DROP COLUMN IF EXISTS places_vector""",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS familiennetz_german",
    "DROP TEXT SEARCH DICTIONARY IF EXISTS familiennetz_german_stem",
]


def create_fulltext(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in CREATE:
            schema_editor.execute(statement)


def drop_fulltext(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_sqlite_fulltext")]

    operations = [migrations.RunPython(create_fulltext, drop_fulltext, elidable=False)]
