"""Listing petitions: filter by state, community, tag and target, search, and the three orders."""
from django.db.models import Q
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError
from rest_framework.filters import BaseFilterBackend

from plugins.petitions import queries
from plugins.petitions import state as petition_state
from plugins.petitions.state import Status

ORDERINGS = {
    "newest": ("-created_at",),
    "most_signed": ("-signature_count", "-created_at"),
    "closing_soon": ("closes_at", "created_at"),
}


class PetitionFilter(BaseFilterBackend):
    """Query parameters of the list; also tells the cursor pagination the chosen order."""

    def filter_queryset(self, request, queryset, view):
        params = request.query_params
        state = params.get("status")
        if state:
            if state not in Status.values:
                raise ValidationError({"status": [_("Choose one of: %s.") % ", ".join(Status.values)]})
            queryset = queryset.filter(petition_state.state_q(state))
        # Filter values are resolved first: an unknown community or tag is an empty page at
        # once, not a walk of the whole index looking for rows that cannot be there.
        if params.get("community"):
            community_id = queries.community_id_of(params["community"])
            if community_id is None:
                return queryset.none()
            queryset = queryset.filter(community_id=community_id)
        if params.get("tag"):
            tag_id = queries.tag_id_of(params["tag"])
            if tag_id is None:
                return queryset.none()
            queryset = queries.tagged(queryset, tag_id)
        if params.get("target"):
            queryset = queryset.filter(target__icontains=params["target"])
        if params.get("search"):
            words = params["search"]
            queryset = queryset.filter(Q(title__icontains=words) | Q(text__icontains=words)
                                       | Q(target__icontains=words))
        if self._ordering_name(request) == "closing_soon":
            # Only open petitions have a deadline to come; the cursor needs non-null values.
            queryset = queryset.filter(petition_state.open_q())
        return queryset

    def _ordering_name(self, request):
        name = request.query_params.get("ordering") or "newest"
        if name not in ORDERINGS:
            raise ValidationError({"ordering": [_("Choose one of: %s.") % ", ".join(ORDERINGS)]})
        return name

    def get_ordering(self, request, queryset, view):
        return ORDERINGS[self._ordering_name(request)]

    def get_schema_operation_parameters(self, view):
        def param(name, description, enum=None):
            schema = {"type": "string"}
            if enum:
                schema["enum"] = list(enum)
            return {"name": name, "required": False, "in": "query", "description": description,
                    "schema": schema}

        return [
            param("status", "State as readers see it (a petition past its deadline is closed).",
                  Status.values),
            param("community", "Community slug."),
            param("tag", "Tag slug."),
            param("target", "Part of the target's name."),
            param("search", "Words in the title, text or target."),
            param("ordering", "Order of the list (default: newest).", ORDERINGS),
        ]


EXPORT_FORMAT = OpenApiParameter("format", OpenApiTypes.STR, enum=["json", "csv"],
                                 description="json (default) or csv")
