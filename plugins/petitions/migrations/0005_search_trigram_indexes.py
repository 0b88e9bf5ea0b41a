"""The list's ``?search=`` through trigram indexes on PostgreSQL (SQLite has no such index).

Django writes ``icontains`` as ``UPPER(column::text) LIKE UPPER('%words%')`` on PostgreSQL: a
GIN trigram index on that very expression serves it (one bitmap scan per column, OR-ed), where
the plain B-tree cannot and the planner read the whole table.
"""
from django.db import migrations

COLUMNS = ("title", "text", "target")


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for column in COLUMNS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS petition_{column}_trgm ON petitions_petition "
            f"USING gin ((UPPER({column}::text)) gin_trgm_ops)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        schema_editor.execute(f"DROP INDEX IF EXISTS petition_{column}_trgm")


class Migration(migrations.Migration):
    dependencies = [("petitions", "0004_list_order_indexes")]
    operations = [migrations.RunPython(create, drop, elidable=False)]
