"""Venues: listed for everyone allowed, written by whoever described them (or managers)."""
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from core.api.lean import LeanListMixin
from core.api.pagination import StentCursorPagination
from core.privacy.permissions import IsOwnerOrManager
from plugins.agenda import queries
from plugins.agenda.api.schema import errors
from plugins.agenda.serializers.venues import VenueSerializer
from plugins.agenda.services import venues as services


class VenuePagination(StentCursorPagination):
    ordering = ("-created_at", "id")


@extend_schema_view(
    list=extend_schema(responses={200: VenueSerializer, **errors(400)}),
    retrieve=extend_schema(responses={200: VenueSerializer, **errors(404)}),
    create=extend_schema(responses={201: VenueSerializer, **errors(400, 401)}),
    partial_update=extend_schema(responses={200: VenueSerializer,
                                            **errors(400, 401, 403, 404)}),
    destroy=extend_schema(responses={204: None, **errors(401, 403, 404, 409)}),
)
class VenueViewSet(LeanListMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin,
                   viewsets.GenericViewSet):
    serializer_class = VenueSerializer
    pagination_class = VenuePagination
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self):
        queryset = queries.venues_for(self.request.user)
        if self.request.query_params.get("region"):
            queryset = queryset.filter(region__iexact=self.request.query_params["region"])
        return queryset

    def get_permissions(self):
        if self.action in ("list", "retrieve"):
            return [AllowAny()]
        if self.action == "create":
            return [IsAuthenticated()]
        return [IsAuthenticated(), IsOwnerOrManager()]

    def get_object(self):
        venue = queries.venue_for(self.request.user, self.kwargs["pk"])
        self.check_object_permissions(self.request, venue)
        return venue

    def _valid(self, partial=False):
        serializer = self.get_serializer(data=self.request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    def create(self, request, *args, **kwargs):
        venue = services.create_venue(request.user, **self._valid())
        return Response(self.get_serializer(venue).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        venue = self.get_object()
        venue = services.update_venue(venue, **self._valid(partial=True))
        return Response(self.get_serializer(venue).data)

    def destroy(self, request, *args, **kwargs):
        services.delete_venue(self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)
