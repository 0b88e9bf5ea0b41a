"""The database search backend, with UUID primary keys indexed the way SQLite stores them.

modelsearch's SQLite index writes ``str(obj.pk)`` ("1b4e...-..." with hyphens) but SQLite
stores a UUIDField as 32 hex digits, so the join between index entries and a model whose
primary key is a UUID (every Audienced plugin model) matched nothing. Writing the database's
own form of the key fixes the join and the deletion; integer keys are written as before.
PostgreSQL and Elasticsearch are unaffected. Double quotes inside search terms are escaped
the FTS5 way, so that any text a visitor types is a valid query. On PostgreSQL, each object is
indexed and matched in its own language (``cms/search_languages.py``).

On PostgreSQL, modelsearch recomputed the title-length norms after every write: an average over
every index entry and an update of each entry whose norm was still the default, 10 s per saved
petition at 200,000 (it grows with the index). New entries keep the neutral norm 1.0 until the
periodic job ``cms.refresh_search_norms`` recomputes them all, as a rebuild does.
"""
from django.db import connections
from django.utils.encoding import force_str
from django.utils.functional import cached_property
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend


def _use_database_form_of_primary_keys():
    from modelsearch.backends.database.sqlite import sqlite

    if getattr(sqlite.ObjectIndexer, "stent_database_keys", False):
        return

    class ObjectIndexer(sqlite.ObjectIndexer):
        stent_database_keys = True

        @cached_property
        def id(self):
            pk_field = self.obj._meta.pk
            return force_str(pk_field.get_db_prep_value(self.obj.pk, connections["default"]))

    sqlite.ObjectIndexer = ObjectIndexer

    def delete_item(index, item):
        # The generic relation looks entries up by str(pk): use the stored form instead, or the
        # text of deleted objects (an erased member's posts) would stay in the index.
        from django.contrib.contenttypes.models import ContentType

        sqlite.IndexEntry._default_manager.filter(
            content_type=ContentType.objects.get_for_model(item),
            object_id=ObjectIndexer(item, index.backend).id,
        )._raw_delete(using=index.write_connection.alias)

    sqlite.SQLiteIndex.delete_item = delete_item


def _escape_quotes_in_fts5_strings():
    """modelsearch writes each term as an FTS5 string (``"term"``) without doubling the
    double quotes inside it: a search for ``"a`` was an FTS5 syntax error (a 500)."""
    from modelsearch.backends.database.sqlite import query

    if getattr(query.Lexeme, "stent_escaped", False):
        return
    original = query.Lexeme.as_sql

    def as_sql(self, compiler, connection):
        template, params = original(self, compiler, connection)
        return template, [param.replace('"', '""') for param in params]

    query.Lexeme.as_sql = as_sql
    query.Lexeme.stent_escaped = True


def _norms_refreshed_by_the_periodic_job(backend):
    from modelsearch.backends.database.postgres import postgres

    class PostgresIndex(postgres.PostgresIndex):
        def _refresh_title_norms(self, full=False):
            if full:  # a rebuild, or the periodic job
                super()._refresh_title_norms(full=True)

    backend.index_class = PostgresIndex


def refresh_title_norms(backend) -> None:
    """Recompute every title-length norm (PostgreSQL); other backends keep none."""
    for index in backend.all_indexes():
        if hasattr(index, "_refresh_title_norms"):
            index._refresh_title_norms(full=True)


def SearchBackend(params):  # noqa: N802 (the name modelsearch looks up)
    vendor = connections["default"].vendor
    if vendor == "postgresql":
        from cms import search_languages

        search_languages.use_per_object_configs()
        backend = search_languages.SearchBackend(params)
        _norms_refreshed_by_the_periodic_job(backend)
        return backend
    if vendor == "sqlite":
        _use_database_form_of_primary_keys()
        _escape_quotes_in_fts5_strings()
    return DatabaseSearchBackend(params)
