"""The Wagtail admin of every app shows values the ``core.display`` way (dates, empty values).

Wagtail's generic listing builds a ``Column`` for each name of a viewset's ``list_display`` and
its inspect view prints each field's raw value ("None", a moment in any time zone): both go
through ``core.display.shown`` instead, for the core's viewsets, the snippets and the plugins'.
"""
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import IndexView, InspectView

from core.display import shown


class ShownColumn(Column):
    """A model field's column: dates in the current time zone, an empty value as a dash."""

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        raw = context["raw_value"]
        if not isinstance(raw, (int, float)) or isinstance(raw, bool):
            context["value"] = shown(raw)
        return context


def _install():
    if getattr(IndexView, "stent_shown_columns", False):
        return
    custom_column, field_value = IndexView._get_custom_column, InspectView.get_field_display_value

    def _get_custom_column(self, field_name, column_class=Column, **kwargs):
        if column_class is Column:
            column_class = ShownColumn
        return custom_column(self, field_name, column_class, **kwargs)

    def get_field_display_value(self, field_name, field):
        return shown(field_value(self, field_name, field))

    IndexView._get_custom_column = _get_custom_column
    InspectView.get_field_display_value = get_field_display_value
    IndexView.stent_shown_columns = True


_install()
