"""The petitions collection and each petition's lifecycle actions (thin: rules are in services)."""
import uuid

from collections import defaultdict

from django.core.files.storage import default_storage
from django.db.models import Exists, OuterRef, Prefetch, Value
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.generics import get_object_or_404
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from core.api.lean import LeanListMixin
from core.api.pagination import StentCursorPagination
from core.privacy.permissions import IsOwnerOrManager
from plugins.petitions import reports, services
from plugins.petitions.api.filters import EXPORT_FORMAT, PetitionFilter
from plugins.petitions.api.renderers import DeliveryCSVRenderer
from plugins.petitions.models import Petition, Promoter, Signature, Status, TaggedPetition
from plugins.petitions.permissions import IsModerator, IsPromoter
from plugins.petitions.serializers import (AnswerSerializer, DeliverSerializer,
                                           DeliverySerializer, PetitionListSerializer,
                                           PetitionSerializer,
                                           RejectSerializer, StatsSerializer)

PROMOTERS = [IsAuthenticated, IsOwnerOrManager | IsPromoter]


def petitions_for(request, *, whole=True):
    """Every petition read starts here: visible_to(), then what a row needs in one query.

    ``whole=False`` is for the views nested under a petition, which need only its identity.
    """
    user = request.user
    queryset = Petition.objects.visible_to(user)
    if whole:
        queryset = queryset.select_related("owner__profile", "community").prefetch_related(
            # taggit's own prefetch of "tags" loses UUID-keyed rows: go through the links.
            Prefetch("tagged_items", queryset=TaggedPetition.objects.select_related("tag")))
    if not user.is_authenticated:
        return queryset.annotate(viewer_has_signed=Value(False), viewer_is_promoter=Value(False))
    return queryset.annotate(
        viewer_has_signed=Exists(Signature.objects.filter(petition=OuterRef("pk"), owner=user)),
        viewer_is_promoter=Exists(Promoter.objects.filter(
            petition=OuterRef("pk"), member=user, status=Promoter.Status.ACCEPTED)),
    )


def listed_petitions(request):
    """The list's rows: the stored columns; what the detail computes is added per page in Python
    (see complete_listed_rows), from the same columns and with the same rules."""
    return petitions_for(request, whole=False)


def complete_listed_rows(rows, now=None):
    """The reader's state, is_open and percentage of raw rows, as Petition's properties give them."""
    now = now or timezone.now()
    for row in rows:
        status, closes_at, opens_at = row["status"], row["closes_at"], row["opens_at"]
        published = status == Status.PUBLISHED
        if published and closes_at is not None and closes_at <= now:
            row["status"] = Status.CLOSED.value
        row["is_open"] = (published and closes_at is not None and closes_at > now
                          and (opens_at is None or opens_at <= now))
        row["percentage"] = min(100, row["signature_count"] * 100 // row["signature_goal"])


def add_tags_and_covers(request, rows):
    """Complete a page of lean rows: their tags in one query, their cover's URL (no query)."""
    tags = defaultdict(list)
    links = TaggedPetition.objects.filter(content_object_id__in=[row["id"] for row in rows])
    for petition_id, name in links.values_list("content_object_id", "tag__name"):
        tags[petition_id].append(name)
    for row in rows:
        row["tags"] = sorted(tags[row["id"]])
        cover = row.pop("cover_file")
        # As the detail's ImageField(use_url=True) gives it.
        row["cover"] = request.build_absolute_uri(default_storage.url(cover)) if cover else None


def petition_from_url(request, reference, *, whole=True) -> Petition:
    """A petition the viewer may see, by UUID or slug; a 404 for anything else."""
    try:
        lookup = {"pk": uuid.UUID(str(reference))}
    except ValueError:
        lookup = {"slug": reference}
    return get_object_or_404(petitions_for(request, whole=whole), **lookup)


@extend_schema_view(list=extend_schema(responses=PetitionSerializer))
class PetitionViewSet(LeanListMixin, mixins.CreateModelMixin, mixins.RetrieveModelMixin,
                      mixins.UpdateModelMixin, mixins.DestroyModelMixin, mixins.ListModelMixin,
                      viewsets.GenericViewSet):
    """Petitions: anyone the audience allows reads; promoters write; moderators review."""

    serializer_class = PetitionSerializer
    pagination_class = StentCursorPagination
    filter_backends = [PetitionFilter]
    lookup_value_regex = "[^/]+"

    def get_queryset(self):
        if self.action == "list":
            return listed_petitions(self.request)
        return petitions_for(self.request)

    def get_serializer_class(self):
        if self.action == "list" and not getattr(self, "swagger_fake_view", False):
            return PetitionListSerializer
        return PetitionSerializer

    # Set by complete_rows ("status" too, from the stored status to the reader's state).
    computed_fields = ("is_open", "percentage")

    def complete_rows(self, rows):
        complete_listed_rows(rows)
        add_tags_and_covers(self.request, rows)

    def get_object(self):
        petition = petition_from_url(self.request, self.kwargs["pk"])
        self.check_object_permissions(self.request, petition)
        return petition

    def get_permissions(self):
        if self.action in ("list", "retrieve", "stats"):
            return [AllowAny()]
        if self.action == "create":
            return [IsAuthenticated()]
        if self.action in ("publish", "reject"):
            return [IsModerator()]
        if self.action == "destroy":
            return [IsAuthenticated(), IsOwnerOrManager()]
        if self.action == "export":
            return [IsAuthenticated(), IsPromoter()]
        return [permission() for permission in PROMOTERS]

    def perform_create(self, serializer):
        petition = services.create_petition(self.request.user, **serializer.validated_data)
        serializer.instance = petition_from_url(self.request, petition.pk)

    def perform_update(self, serializer):
        petition = services.update_petition(serializer.instance, **serializer.validated_data)
        serializer.instance = petition_from_url(self.request, petition.pk)

    def perform_destroy(self, instance):
        services.delete_draft(instance)

    def _state_change(self, change, body=None, **extra):
        """Permission first, then the body's validity, then the service's rules."""
        petition = self.get_object()
        petition = change(petition, **(self._valid(body) if body else {}), **extra)
        return Response(self.get_serializer(petition_from_url(self.request, petition.pk)).data)

    @extend_schema(request=None, responses=PetitionSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        """Send the draft for review (or publish it at once when review is off)."""
        return self._state_change(services.submit)

    @extend_schema(request=None, responses=PetitionSerializer)
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        """Moderators: publish a submitted petition; signing opens."""
        return self._state_change(services.publish, moderator=request.user)

    @extend_schema(request=RejectSerializer, responses=PetitionSerializer)
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        """Moderators: reject a submitted petition, with the reason its promoters will read."""
        return self._state_change(services.reject, RejectSerializer,
                                  moderator=request.user)

    @extend_schema(request=None, responses=PetitionSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        """Promoters: stop collecting signatures before the deadline."""
        return self._state_change(services.close)

    @extend_schema(request=None, responses=PetitionSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        """Promoters: withdraw an open petition."""
        return self._state_change(services.withdraw)

    @extend_schema(request=DeliverSerializer, responses=PetitionSerializer)
    @action(detail=True, methods=["post"])
    def deliver(self, request, pk=None):
        """Promoters: record when, how and to whom the closed petition was delivered."""
        return self._state_change(services.deliver, DeliverSerializer)

    @extend_schema(request=AnswerSerializer, responses=PetitionSerializer)
    @action(detail=True, methods=["post"])
    def answer(self, request, pk=None):
        """Promoters: publish the target's answer."""
        return self._state_change(services.record_answer, AnswerSerializer)

    @extend_schema(responses=StatsSerializer)
    @action(detail=True, methods=["get"])
    def stats(self, request, pk=None):
        """Progress and signatures per day (counts only)."""
        petition = self.get_object()
        return Response(StatsSerializer({**reports.progress(petition),
                                         "daily": reports.daily_counts(petition)}).data)

    @extend_schema(parameters=[EXPORT_FORMAT], responses={
        (200, "application/json"): DeliverySerializer, (200, "text/csv"): str})
    @action(detail=True, methods=["get"], renderer_classes=[JSONRenderer, DeliveryCSVRenderer])
    def export(self, request, pk=None):
        """Promoters: what goes to the target: the count, counts by region, named signers."""
        return Response(DeliverySerializer(reports.delivery(self.get_object())).data)

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

