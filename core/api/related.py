"""Related lists read in a list's own query: a JSON array per row instead of a query per page.

A lean list needing each row's related objects (a community's conditions, its associations)
reads them as one column of its main query: ``JSONB_AGG`` on PostgreSQL, ``JSON_GROUP_ARRAY``
on SQLite, over a subquery correlated to the row. Neither orders its items here (SQLite before
3.44 cannot): the caller sorts them.
"""
from django.contrib.postgres.aggregates import JSONBAgg
from django.db import connection
from django.db.models import Aggregate, JSONField, Subquery
from django.db.models.functions import JSONObject


class JSONGroupArray(Aggregate):
    """SQLite's JSON_GROUP_ARRAY: the group's values as one JSON array."""

    function = "JSON_GROUP_ARRAY"
    output_field = JSONField()


def json_array(expression):
    """The aggregate gathering ``expression`` into a JSON array on this database."""
    if connection.vendor == "postgresql":
        return JSONBAgg(expression)
    return JSONGroupArray(expression)


def related_list(related, group: str, **values):
    """A column holding ``[{name: value}, ...]`` for the ``related`` rows (a queryset filtered
    on ``OuterRef``, its rows grouped by ``group``, the column naming the outer row), or None
    when there are none. ``values`` are expressions or lookups from the related model."""
    rows = (related.order_by().values(group)
            .annotate(items=json_array(JSONObject(**values))).values("items"))
    return Subquery(rows, output_field=JSONField())
