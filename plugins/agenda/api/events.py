"""The events collection: the filtered lean list, the organiser's CRUD, cancel and postpone."""
from django.core.files.storage import default_storage
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from core.api.lean import LeanListMixin
from core.api.pagination import StentCursorPagination
from core.errors import NotFound
from plugins.agenda import queries
from plugins.agenda.api.filters import AgendaFilter
from plugins.agenda.api.schema import errors
from plugins.agenda.models import Occurrence
from plugins.agenda.models.accessibility import decode_features
from plugins.agenda.models.events import places_left, registers_per_date
from plugins.agenda.permissions import IsOrganiser
from plugins.agenda.serializers.events import (CancelSerializer, EventListSerializer,
                                               EventSerializer, EventWriteSerializer,
                                               PostponeSerializer)
from plugins.agenda.services import events as services

ORGANISERS = [IsAuthenticated, IsOrganiser]


class EventPagination(StentCursorPagination):
    ordering = ("starts_at", "id")


def valid(serializer_class, request, **kwargs):
    serializer = serializer_class(data=request.data, context={"request": request}, **kwargs)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def _occurrence_of(event, data):
    """The occurrence named in the body (an id of this event's), or None when none is named."""
    if not data.get("occurrence"):
        return None
    occurrence = Occurrence.objects.filter(event=event, pk=data["occurrence"]).first()
    if occurrence is None:
        raise NotFound()
    return occurrence


@extend_schema_view(
    list=extend_schema(responses={200: EventListSerializer, **errors(400, 401, 403)}),
    retrieve=extend_schema(responses={200: EventSerializer, **errors(404)}),
    create=extend_schema(request=EventWriteSerializer,
                         responses={201: EventSerializer, **errors(400, 401)}),
    partial_update=extend_schema(request=EventWriteSerializer,
                                 responses={200: EventSerializer, **errors(400, 401, 403, 404,
                                                                           409)}),
    destroy=extend_schema(responses={204: None, **errors(401, 403, 404, 409)}),
)
class EventViewSet(LeanListMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin,
                   viewsets.GenericViewSet):
    """Events anyone the audience allows may read; organisers write."""

    serializer_class = EventSerializer
    pagination_class = EventPagination
    filter_backends = [AgendaFilter]
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    computed_fields = ()

    def get_queryset(self):
        if self.action == "list":
            return queries.events_for(self.request.user)
        return queries.events_for(self.request.user).select_related("venue", "community",
                                                                     "owner__profile")

    def get_serializer_class(self):
        if self.action == "list" and not getattr(self, "swagger_fake_view", False):
            return EventListSerializer
        return EventSerializer

    def get_permissions(self):
        if self.action in ("list", "retrieve"):
            return [AllowAny()]
        if self.action == "create":
            return [IsAuthenticated()]
        return [permission() for permission in ORGANISERS]

    def get_object(self):
        event = queries.event_for(self.request.user, self.kwargs["pk"])
        self.check_object_permissions(self.request, event)
        return event

    def complete_rows(self, rows):
        for row in rows:
            per_date = registers_per_date(row["registration_required"],
                                          row["registration_scope"])
            row["places_left"] = (None if per_date
                                  else places_left(row["capacity"], row["places_left"]))
            row["access_features"] = decode_features(row["access_features"])
            # As the detail's ImageField(use_url=True) gives it.
            cover = row["cover"]
            row["cover"] = (self.request.build_absolute_uri(default_storage.url(cover))
                            if cover else None)

    def _detail(self, event, code=status.HTTP_200_OK):
        event = queries.event_for(self.request.user, event.pk)
        return Response(EventSerializer(event, context={"request": self.request}).data,
                        status=code)

    def create(self, request, *args, **kwargs):
        fields = valid(EventWriteSerializer, request)
        return self._detail(services.create_event(request.user, **fields),
                            status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        event = self.get_object()
        fields = valid(EventWriteSerializer, request, partial=True)
        return self._detail(services.update_event(event, request.user, **fields))

    def destroy(self, request, *args, **kwargs):
        services.delete_event(self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=CancelSerializer,
                   responses={200: EventSerializer, **errors(400, 401, 403, 404, 409)})
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        """Cancel the event, or one occurrence of a series; participants are told."""
        event = self.get_object()
        data = valid(CancelSerializer, request)
        return self._detail(services.cancel_event(
            event, reason=data["reason"], occurrence=_occurrence_of(event, data)))

    @extend_schema(request=PostponeSerializer,
                   responses={200: EventSerializer, **errors(400, 401, 403, 404, 409)})
    @action(detail=True, methods=["post"])
    def postpone(self, request, pk=None):
        """Move the event, or one occurrence of a series, to new dates; registrations are kept
        and participants told."""
        event = self.get_object()
        data = valid(PostponeSerializer, request)
        data["occurrence"] = _occurrence_of(event, data)
        return self._detail(services.postpone_event(event, **data))

