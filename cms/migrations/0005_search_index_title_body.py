"""A GIN index on the vector the site-wide search matches (``title || body``), on PostgreSQL.

modelsearch indexes ``title`` and ``body`` apart but matches their concatenation, which no index
served: ``cms.search_indexed`` reads matches through this one. SQLite and Elasticsearch have
their own full-text indexes.
"""
from django.db import migrations

INDEX = "stent_indexentry_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
                          f"USING gin ((title || body))")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0004_medical_review_four_eyes"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]
    operations = [migrations.RunPython(create, drop, elidable=False)]
