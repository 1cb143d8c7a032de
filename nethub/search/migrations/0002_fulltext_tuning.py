"""Tune modelsearch's full-text index for nethub.

SQLite: modelsearch creates its FTS5 table with the default tokenizer, which does not stem
("remittance" would not find "remittances"); it is recreated with the Porter stemmer (English
only) and diacritics folded, and refilled from the index entries.

PostgreSQL: modelsearch matches `title || body` without an index on that expression, which
scans every entry; a GIN index on it makes keyword queries use the index.
"""

from django.db import migrations

FTS = "modelsearch_indexentry_fts"


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT count(*) FROM sqlite_master WHERE name = %s", [FTS]
            )
            if not cursor.fetchone()[0]:
                return
            cursor.execute(f"DROP TABLE {FTS}")
            cursor.execute(
                f"CREATE VIRTUAL TABLE {FTS} USING fts5(autocomplete, body, title, "
                "tokenize = 'porter unicode61 remove_diacritics 2')"
            )
            cursor.execute(
                f"INSERT INTO {FTS} (rowid, autocomplete, body, title) "
                "SELECT id, autocomplete, body, title FROM modelsearch_indexentry"
            )
        elif connection.vendor == "postgresql":
            cursor.execute(
                "CREATE INDEX IF NOT EXISTS search_indexentry_title_body_gin "
                "ON modelsearch_indexentry USING gin ((title || body))"
            )


def backwards(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"DROP TABLE IF EXISTS {FTS}")
            cursor.execute(
                f"CREATE VIRTUAL TABLE {FTS} USING fts5(autocomplete, body, title)"
            )
            cursor.execute(
                f"INSERT INTO {FTS} (rowid, autocomplete, body, title) "
                "SELECT id, autocomplete, body, title FROM modelsearch_indexentry"
            )
        elif connection.vendor == "postgresql":
            cursor.execute("DROP INDEX IF EXISTS search_indexentry_title_body_gin")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("modelsearch", "0004_rename_modelsear_autocom_476c89_gin_modelsearch_autocom_ea8581_gin_and_more"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
