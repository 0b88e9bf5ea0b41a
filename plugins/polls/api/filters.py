"""List filters of polls and surveys: by community and state, newest first."""
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.filters import BaseFilterBackend

from core.errors import Invalid


class StateAndCommunityFilter(BaseFilterBackend):
    """``?community=<slug>&state=<state>``; the view names its model's states."""

    def filter_queryset(self, request, queryset, view):
        params = request.query_params
        state = params.get("state")
        if state:
            if state not in view.states:
                raise Invalid("state", _("Choose one of: %s.") % ", ".join(view.states))
            queryset = queryset.with_state(state)
        if params.get("community"):
            queryset = queryset.filter(community__slug=params["community"])
        return queryset

    def get_schema_operation_parameters(self, view):
        return [
            {"name": "state", "required": False, "in": "query", "description": "State.",
             "schema": {"type": "string", "enum": list(view.states)}},
            {"name": "community", "required": False, "in": "query",
             "description": "Community slug.", "schema": {"type": "string"}},
        ]


EXPORT_FORMAT = OpenApiParameter("format", OpenApiTypes.STR, enum=["json", "csv"],
                                 description="json (default) or csv")
