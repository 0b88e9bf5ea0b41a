"""The calendar: occurrences in a bounded date range, recurrences expanded (stored rows)."""
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.permissions import AllowAny

from core.api.lean import LeanListMixin
from core.api.pagination import StentCursorPagination
from plugins.agenda import queries
from plugins.agenda.api.filters import OccurrenceFilter
from plugins.agenda.api.schema import errors
from plugins.agenda.models.events import places_left, registers_per_date
from plugins.agenda.models.accessibility import decode_features
from plugins.agenda.serializers.events import OccurrenceSerializer


class OccurrencePagination(StentCursorPagination):
    ordering = ("starts_at", "id")


class OccurrenceListView(LeanListMixin, ListAPIView):
    """Every date of the events you may see within ``from``..``to`` (cancelled ones marked)."""

    permission_classes = [AllowAny]
    serializer_class = OccurrenceSerializer
    pagination_class = OccurrencePagination
    filter_backends = [OccurrenceFilter]

    computed_fields = ("places_left",)
    source_columns = ("places_taken", "event__places_taken", "event__capacity")

    def get_queryset(self):
        return queries.occurrences_for(self.request.user)

    def complete_rows(self, rows):
        for row in rows:
            row["access_features"] = decode_features(row["access_features"])
            # Of the date when each counts its own, else of the series.
            required = row["registration_required"]
            taken = (row["places_taken"] if registers_per_date(required, row["registration_scope"])
                     else row["event__places_taken"])
            row["places_left"] = places_left(row["event__capacity"], taken) if required else None

    @extend_schema(responses={200: OccurrenceSerializer(many=True), **errors(400, 401, 403)})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
