"""The petitions collection and each petition's lifecycle actions (thin: rules are in services)."""
from django.core.files.storage import default_storage
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, IsAuthenticated, IsAuthenticatedOrReadOnly
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from core.api.lean import LeanListMixin
from core.api.pagination import StentCursorPagination
from core.moderation.hidden import HIDDEN_FIELDS, mark_hidden
from core.moderation.permissions import IsModerator
from core.privacy.permissions import IsOwnerOrManager
from plugins.petitions import queries, reports, services
from plugins.petitions import state as petition_state
from plugins.petitions.api.filters import EXPORT_FORMAT, PetitionFilter
from plugins.petitions.api.renderers import DeliveryCSVRenderer
from plugins.petitions.models import Petition
from plugins.petitions.permissions import IsPromoter, MayEditPetition
from plugins.petitions.serializers import (AnswerSerializer, DeliverSerializer,
                                           DeliverySerializer, PetitionSerializer,
                                           RejectSerializer, StatsSerializer)

PROMOTERS = [IsAuthenticated, IsOwnerOrManager | IsPromoter]


def complete_listed_rows(request, rows, now=None):
    """Give a page of lean rows what the detail computes: the reader's state, is_open and the
    percentage (the same functions as the model's properties), tags (``listed_tags``, read with
    the page by ``queries.listed_petitions_for``), the cover's URL."""
    now = now or timezone.now()
    for row in rows:
        row["is_open"] = petition_state.is_open(row, now)
        row["status"] = petition_state.reader_state(row, now)
        row["percentage"] = petition_state.percentage(row["signature_count"],
                                                      row["signature_goal"])
        row["tags"] = sorted(row["listed_tags"] or ())  # read in the main query
        # As the detail's ImageField(use_url=True) gives it.
        row["cover"] = (request.build_absolute_uri(default_storage.url(row["cover"]))
                        if row["cover"] else None)
    mark_hidden(Petition, rows)


class PetitionViewSet(LeanListMixin, mixins.CreateModelMixin, mixins.RetrieveModelMixin,
                      mixins.UpdateModelMixin, mixins.DestroyModelMixin, mixins.ListModelMixin,
                      viewsets.GenericViewSet):
    """Petitions: anyone the audience allows reads; promoters write; moderators review."""

    serializer_class = PetitionSerializer
    pagination_class = StentCursorPagination
    filter_backends = [PetitionFilter]
    lookup_value_regex = "[^/]+"

    permission_classes = [IsAuthenticatedOrReadOnly, MayEditPetition]
    # Computed per page by complete_rows from the stored columns it also reads.
    computed_fields = ("status", "is_open", "percentage", "tags", "cover", *HIDDEN_FIELDS)
    source_columns = ("status", "opens_at", "closes_at", "signature_count", "signature_goal",
                      "cover", "hidden_at", "listed_tags")

    def get_queryset(self):
        if self.action == "list":
            return queries.listed_petitions_for(self.request.user)
        return queries.petitions_for(self.request.user)

    def complete_rows(self, rows):
        complete_listed_rows(self.request, rows)

    def get_object(self):
        petition = queries.petition_for(self.request.user, self.kwargs["pk"])
        self.check_object_permissions(self.request, petition)
        return petition

    def perform_create(self, serializer):
        serializer.instance = services.create_petition(self.request.user,
                                                       **serializer.validated_data)

    def perform_update(self, serializer):
        serializer.instance = services.update_petition(serializer.instance,
                                                       **serializer.validated_data)

    def perform_destroy(self, instance):
        services.delete_draft(instance)

    def _state_change(self, change, body=None, **extra):
        """Permission first, then the body's validity, then the service's rules."""
        petition = change(self.get_object(), **(self._valid(body) if body else {}), **extra)
        return Response(self.get_serializer(petition).data)

    @extend_schema(request=None, responses=PetitionSerializer)
    @action(detail=True, methods=["post"], permission_classes=PROMOTERS)
    def submit(self, request, pk=None):
        """Send the draft for review (or publish it at once when review is off)."""
        return self._state_change(services.submit)

    @extend_schema(request=None, responses=PetitionSerializer)
    @action(detail=True, methods=["post"], permission_classes=[IsModerator])
    def publish(self, request, pk=None):
        """Moderators: publish a submitted petition; signing opens."""
        return self._state_change(services.publish, moderator=request.user)

    @extend_schema(request=RejectSerializer, responses=PetitionSerializer)
    @action(detail=True, methods=["post"], permission_classes=[IsModerator])
    def reject(self, request, pk=None):
        """Moderators: reject a submitted petition, with the reason its promoters will read."""
        return self._state_change(services.reject, RejectSerializer,
                                  moderator=request.user)

    @extend_schema(request=None, responses=PetitionSerializer)
    @action(detail=True, methods=["post"], permission_classes=PROMOTERS)
    def close(self, request, pk=None):
        """Promoters: stop collecting signatures before the deadline."""
        return self._state_change(services.close)

    @extend_schema(request=None, responses=PetitionSerializer)
    @action(detail=True, methods=["post"], permission_classes=PROMOTERS)
    def withdraw(self, request, pk=None):
        """Promoters: withdraw an open petition."""
        return self._state_change(services.withdraw)

    @extend_schema(request=DeliverSerializer, responses=PetitionSerializer)
    @action(detail=True, methods=["post"], permission_classes=PROMOTERS)
    def deliver(self, request, pk=None):
        """Promoters: record when, how and to whom the closed petition was delivered."""
        return self._state_change(services.deliver, DeliverSerializer)

    @extend_schema(request=AnswerSerializer, responses=PetitionSerializer)
    @action(detail=True, methods=["post"], permission_classes=PROMOTERS)
    def answer(self, request, pk=None):
        """Promoters: publish the target's answer."""
        return self._state_change(services.record_answer, AnswerSerializer)

    @extend_schema(responses=StatsSerializer)
    @action(detail=True, methods=["get"], permission_classes=[AllowAny])
    def stats(self, request, pk=None):
        """Progress and signatures per day (counts only)."""
        petition = self.get_object()
        return Response(StatsSerializer({**reports.progress(petition),
                                         "daily": reports.daily_counts(petition)}).data)

    @extend_schema(parameters=[EXPORT_FORMAT], responses={
        (200, "application/json"): DeliverySerializer, (200, "text/csv"): str})
    @action(detail=True, methods=["get"], renderer_classes=[JSONRenderer, DeliveryCSVRenderer],
            permission_classes=[IsAuthenticated, IsPromoter])
    def export(self, request, pk=None):
        """Promoters: what goes to the target: the count, counts by region, named signers."""
        petition = self.get_object()
        response = Response(DeliverySerializer(reports.delivery(petition, request.user)).data)
        if isinstance(request.accepted_renderer, DeliveryCSVRenderer):
            response["Content-Disposition"] = DeliveryCSVRenderer.disposition(petition)
        return response

    def _valid(self, serializer_class):
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code >= 400 and isinstance(
                getattr(response, "accepted_renderer", None), DeliveryCSVRenderer):
            # Errors stay JSON, whatever format the export asked for.
            response.accepted_renderer = JSONRenderer()
            response.accepted_media_type = "application/json"
        return response

