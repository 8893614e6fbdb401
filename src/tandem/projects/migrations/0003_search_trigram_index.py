"""On PostgreSQL, a trigram index makes the registry's substring search use an index.

pg_trgm ships with PostgreSQL; creating the extension needs the right to do so. Where it is
refused the index is skipped with a notice and search still works, by scanning.
"""

from django.db import migrations

CREATE = """
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'pg_trgm not available: the registry search scans instead of using an index';
END
$$;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        CREATE INDEX IF NOT EXISTS projects_search_text_trgm
            ON projects_jointproject USING gin (search_text gin_trgm_ops);
    END IF;
END
$$;
"""
DROP = "DROP INDEX IF EXISTS projects_search_text_trgm;"


def create(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("projects", "0002_project_code_digits")]
    operations = [migrations.RunPython(create, drop)]
