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
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response
from rest_framework.settings import api_settings

#: A page's datetimes are converted with the time zone read once (a marker in the plan).
_ISO_DATETIME = object()
#: Serializer methods through which the fields can vary with the request or its context.
_VARYING = ("__init__", "get_fields", "fields", "get_field_names", "get_extra_kwargs",
            "build_field", "_readable_fields", "many_init")
#: Converters a cached plan may hold: DRF's own, which read nothing from the serializer's
#: context (a subclass overriding ``to_representation`` might: its plan is not cached).
_CONTEXT_FREE = {serializers.DateTimeField.to_representation,
                 serializers.DecimalField.to_representation,
                 serializers.ChoiceField.to_representation}
_PLANS = {}


def _iso_datetimes(tz):
    """What DRF's DateTimeField gives (``tz``, "Z" for UTC), minus its per-value overhead."""
    def convert(value):
        text = value.astimezone(tz).isoformat()
        return text[:-6] + "Z" if text.endswith("+00:00") else text
    return convert


def _converter(field):
    """How a column's value becomes JSON, when the JSON encoder would not give the same."""
    if (isinstance(field, serializers.DateTimeField) and not hasattr(field, "format")
            and not hasattr(field, "timezone")
            and api_settings.DATETIME_FORMAT == ISO_8601
            and type(field).to_representation is serializers.DateTimeField.to_representation):
        return _ISO_DATETIME
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


class _Plan:
    """What a list needs from its serializer: the columns to read, the renames, the converters.

    Computed once per view class when the serializer's fields cannot depend on the request
    (``_cacheable``), else for each request."""

    def __init__(self, serializer, model, computed):
        self.columns = _columns(serializer, model, computed)
        #: A row's keys in the serializer's order: the list writes what the detail writes.
        self.order = tuple(serializer.fields)
        self.plain = [lookup for name, lookup, _ in self.columns if name == lookup]
        self.aliases = {(f"_lean_{name}" if clashes else name): lookup
                        for name, lookup, clashes in self.columns if name != lookup}
        self.renames = [(f"_lean_{name}", name) for name, _, clashes in self.columns if clashes]
        self.converters = [(name, converter) for name, converter in (
            (name, _converter(field)) for name, field in serializer.fields.items())
            if converter is not None]

    @property
    def context_free(self):
        return all(converter is _ISO_DATETIME or converter.__func__ in _CONTEXT_FREE
                   for _, converter in self.converters)

    def page_converters(self):
        """The converters of one page: the current time zone is read here, once."""
        if not any(converter is _ISO_DATETIME for _, converter in self.converters):
            return self.converters
        iso = _iso_datetimes(timezone.get_current_timezone())
        return [(name, iso if converter is _ISO_DATETIME else converter)
                for name, converter in self.converters]


def _cacheable(view, serializer_class):
    """Whether the serializer's fields are the same whatever the request: no method through
    which they could vary is overridden below DRF (a manager-only field added in ``__init__`` or
    ``get_fields``), and the view builds the serializer as GenericAPIView does."""
    if type(view).get_serializer is not GenericAPIView.get_serializer:
        return False
    return not any(
        name in vars(klass) for klass in serializer_class.__mro__
        if not klass.__module__.startswith("rest_framework") and klass is not object
        for name in _VARYING)


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

    def lean_plan(self, model, serializer_class=None):
        """The column plan, from the cache when the serializer's fields cannot vary.

        ``serializer_class``: another list of the view (an action's), with no computed field."""
        computed = self.computed_fields if serializer_class is None else ()
        serializer_class = serializer_class or self.get_serializer_class()
        key = (type(self), serializer_class, model, tuple(computed))
        plan = _PLANS.get(key)
        if plan is None:
            serializer = (self.get_serializer() if serializer_class is self.get_serializer_class()
                          else serializer_class(context=self.get_serializer_context()))
            plan = _Plan(serializer, model, computed)
            if _cacheable(self, serializer_class) and plan.context_free:
                # The cached converters' fields hang on this serializer: it must not keep
                # this request (and its user) alive for the life of the process.
                serializer._context = {}
                _PLANS[key] = plan
        return plan

    def list(self, request, *args, **kwargs):
        return self.lean_response(self.filter_queryset(self.get_queryset()))

    def lean_response(self, queryset, serializer_class=None):
        """The paginated response of ``queryset`` shaped by the view's serializer, or by
        ``serializer_class`` for an action's list (plain fields only: no ``complete_rows``)."""
        plan = self.lean_plan(queryset.model, serializer_class)
        sources = self.source_columns if serializer_class is None else ()
        plain, aliases = plan.plain, plan.aliases
        ordering_columns = [
            column for column in dict.fromkeys(
                [field.lstrip("-") for field in self._cursor_ordering(queryset)]
                + list(sources))
            if column not in plain and column not in aliases]
        if queryset.query.is_empty():
            # A filter knew the page is empty (an unknown tag): no query would run, but
            # compiling the list's columns and annotations would cost more than the rest.
            rows = queryset.model._default_manager.none()
        else:
            rows = queryset.values(*plain, *ordering_columns,
                                   **{alias: F(lookup) for alias, lookup in aliases.items()})
        page = self.paginate_queryset(rows)
        items = page if page is not None else list(rows)
        # The paginator's links read the ordering columns from the rows: build them first.
        response = self.get_paginated_response(items) if page is not None else Response(items)
        renames = plan.renames
        if renames:
            for row in items:
                for alias, name in renames:
                    row[name] = row.pop(alias)
        if serializer_class is None:
            self.complete_rows(items)
        converters = plan.page_converters()
        order = plan.order
        for index, row in enumerate(items):
            for name, convert in converters:
                value = row[name]
                if value is not None:
                    row[name] = convert(value)
            # In the serializer's order, without the columns only read (ordering, sources).
            items[index] = {name: row[name] for name in order}
        return response

    def _cursor_ordering(self, queryset):
        """A cursor paginator reads its position from the row: its ordering columns must be in it."""
        paginator = self.paginator
        if paginator is None or not hasattr(paginator, "get_ordering"):
            return ()
        return paginator.get_ordering(self.request, queryset, self)
