"""Lean list endpoints: rows come straight from ``.values()``, shaped by the serializer.

The serializer stays the single description of a list item (the OpenAPI schema is built from it),
but no per-row serializer runs: each field's ``source`` becomes a column of one ``.values()``
query, so a privacy-filtered list costs little more than a raw ``JsonResponse`` view. Fields
needing Python (SerializerMethodField, nested serializers) are refused: annotate them in SQL,
or name them in the view's ``computed_fields`` and fill them in its ``complete_rows(rows)``, which
sees each page's raw values (datetimes still datetimes) before they are converted to JSON.
"""
from django.core.exceptions import ImproperlyConfigured
from django.db.models import F
from django.utils import timezone
from rest_framework import ISO_8601, serializers
from rest_framework.settings import api_settings
from rest_framework.response import Response


def _iso_datetime(value):
    """What DRF's DateTimeField gives (current time zone, "Z" for UTC), minus its overhead."""
    text = timezone.localtime(value).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _converter(field):
    """How a column's value becomes JSON, when the JSON encoder would not give the same."""
    if (isinstance(field, serializers.DateTimeField) and not hasattr(field, "format")
            and not hasattr(field, "timezone")
            and api_settings.DATETIME_FORMAT == ISO_8601):
        return _iso_datetime
    if isinstance(field, (serializers.DateTimeField, serializers.DecimalField,
                          serializers.ChoiceField)):
        return field.to_representation
    return None


def _columns(serializer, model, computed=()):
    """(output name, ORM lookup) for each field; refuses fields that need Python per row.

    ``computed`` fields are no column: the view's ``complete_rows`` gives them."""
    model_fields = {field.name for field in model._meta.get_fields()} | {
        field.attname for field in model._meta.concrete_fields}
    columns = []
    for name, field in serializer.fields.items():
        if name in computed:
            continue
        if isinstance(field, (serializers.SerializerMethodField, serializers.BaseSerializer)) \
                or field.source == "*":
            raise ImproperlyConfigured(
                f"{type(serializer).__name__}.{name} cannot be listed leanly: annotate it in the "
                "queryset and declare it as a plain field.")
        lookup = field.source.replace(".", "__")
        if isinstance(field, serializers.SlugRelatedField):
            lookup = f"{lookup}__{field.slug_field}"  # the related row's slug, as the field gives
        columns.append((name, lookup, name != lookup and name in model_fields))
    return columns


class LeanListMixin:
    """``list()`` for a GenericAPIView whose serializer has only plain, source-mapped fields."""

    #: Serializer fields read from no column: ``complete_rows`` sets them on each row.
    computed_fields = ()
    #: Stored columns ``complete_rows`` reads to compute them; not in the response unless a
    #: field of the same name is (then ``complete_rows`` rewrites the value).
    source_columns = ()

    def complete_rows(self, rows):
        """Hook: complete (or rewrite) a page of raw rows in place, before the JSON conversion.

        A row holds each column under its field's name, plus the cursor's ordering columns."""

    def list(self, request, *args, **kwargs):
        serializer = self.get_serializer()
        queryset = self.filter_queryset(self.get_queryset())
        columns = _columns(serializer, queryset.model, self.computed_fields)
        plain = [lookup for name, lookup, _ in columns if name == lookup]
        aliases = {(f"_lean_{name}" if clashes else name): F(lookup)
                   for name, lookup, clashes in columns if name != lookup}
        ordering_columns = [
            column for column in dict.fromkeys(
                [field.lstrip("-") for field in self._cursor_ordering(queryset)]
                + list(self.source_columns))
            if column not in plain and column not in aliases]
        rows = queryset.values(*plain, *ordering_columns, **aliases)
        page = self.paginate_queryset(rows)
        items = page if page is not None else list(rows)
        # The paginator's links read the ordering columns from the rows: build them first.
        response = self.get_paginated_response(items) if page is not None else Response(items)
        renames = [(f"_lean_{name}", name) for name, _, clashes in columns if clashes]
        for row in items:
            for alias, name in renames:
                row[name] = row.pop(alias)
        self.complete_rows(items)
        converters = [(name, _converter(field)) for name, field in serializer.fields.items()
                      if _converter(field) is not None]
        extra = [column for column in ordering_columns if column not in serializer.fields]
        for row in items:
            for column in extra:
                del row[column]
            for name, convert in converters:
                if row[name] is not None:
                    row[name] = convert(row[name])
        return response

    def _cursor_ordering(self, queryset):
        """A cursor paginator reads its position from the row: its ordering columns must be in it."""
        paginator = self.paginator
        if paginator is None or not hasattr(paginator, "get_ordering"):
            return ()
        return paginator.get_ordering(self.request, queryset, self)
