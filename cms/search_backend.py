"""The database search backend, with UUID primary keys indexed the way SQLite stores them.

modelsearch's SQLite index writes ``str(obj.pk)`` ("1b4e...-..." with hyphens) but SQLite
stores a UUIDField as 32 hex digits, so the join between index entries and a model whose
primary key is a UUID (every Audienced plugin model) matched nothing. Writing the database's
own form of the key fixes the join and the deletion; integer keys are written as before.
PostgreSQL and Elasticsearch are unaffected.
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


def SearchBackend(params):  # noqa: N802 (the name modelsearch looks up)
    if connections["default"].vendor == "sqlite":
        _use_database_form_of_primary_keys()
    return DatabaseSearchBackend(params)
