"""The calendar: occurrences in a bounded date range, recurrences expanded (stored rows)."""
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.permissions import AllowAny

from core.api.lean import LeanListMixin
from core.api.pagination import StentCursorPagination
from plugins.agenda import queries
from plugins.agenda.api.filters import OccurrenceFilter
from plugins.agenda.api.schema import errors
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

    def get_queryset(self):
        return queries.occurrences_for(self.request.user)

    def complete_rows(self, rows):
        for row in rows:
            row["access_features"] = decode_features(row["access_features"])

    @extend_schema(responses={200: OccurrenceSerializer(many=True), **errors(400, 401, 403)})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
