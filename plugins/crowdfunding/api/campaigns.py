"""The campaigns collection and each campaign's lifecycle actions (thin: rules are in services)."""
import uuid

from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.generics import get_object_or_404
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from core.api.lean import LeanListMixin
from core.api.pagination import StentCursorPagination
from core.images import clean_image
from core.moderation.permissions import IsModerator
from core.privacy import audit
from plugins.crowdfunding import queries, reports
from plugins.crowdfunding.api.errors import ERRORS, WRITE_ERRORS
from plugins.crowdfunding.models import Campaign, CampaignStatus
from plugins.crowdfunding.permissions import IsCampaignManager
from plugins.crowdfunding.serializers import (CampaignSerializer, CampaignWriteSerializer,
                                              published_count,
                                              CampaignRejectSerializer, CampaignStatsSerializer)
from plugins.crowdfunding.services import campaigns as services

STATUS_FILTER = OpenApiParameter("status", str, enum=list(CampaignStatus.values),
                                 description="Only campaigns in this state.")


def audit_staff_read(user, campaign, action):
    """The site's team reading a campaign's backers' data is logged (not its own owner)."""
    if campaign.owner_id != user.id:
        audit.record(user, action, target=campaign)


def campaign_from_url(request, reference) -> Campaign:
    """A campaign the viewer may see, by UUID or slug; a 404 for anything else."""
    try:
        lookup = {"pk": uuid.UUID(str(reference))}
    except ValueError:
        lookup = {"slug": reference}
    queryset = queries.campaigns_visible_to(request.user).select_related(
        "owner__profile", "community")
    return get_object_or_404(queryset, **lookup)


def complete_campaign_rows(request, rows, now=None):
    """What the detail computes, per page of raw rows, with the same rules as the model."""
    now = now or timezone.now()
    for row in rows:
        row["is_open"] = (row["status"] == CampaignStatus.LIVE
                          and row["starts_at"] <= now < row["ends_at"])
        row["percentage"] = row["raised"] * 100 // row["goal"]
        row["backers"] = published_count(row["backers"])
        cover = row["cover"]
        row["cover"] = request.build_absolute_uri(default_storage.url(cover)) if cover else None


class CampaignViewSet(LeanListMixin, mixins.CreateModelMixin, mixins.RetrieveModelMixin,
                      mixins.UpdateModelMixin, mixins.DestroyModelMixin, mixins.ListModelMixin,
                      viewsets.GenericViewSet):
    """Campaigns: whoever the audience allows reads; owners write; moderators review."""

    serializer_class = CampaignSerializer
    pagination_class = StentCursorPagination
    lookup_value_regex = "[^/]+"
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    computed_fields = ("is_open", "percentage")

    def get_queryset(self):
        queryset = queries.campaigns_visible_to(self.request.user)
        status = self.request.query_params.get("status")
        if self.action == "list" and status in CampaignStatus.values:
            queryset = queryset.filter(status=status)
        return queryset

    def complete_rows(self, rows):
        complete_campaign_rows(self.request, rows)

    def get_object(self):
        campaign = campaign_from_url(self.request, self.kwargs["pk"])
        self.check_object_permissions(self.request, campaign)
        return campaign

    def get_permissions(self):
        if self.action in ("list", "retrieve", "stats"):
            return [AllowAny()]
        if self.action == "create":
            return [IsAuthenticated()]
        if self.action in ("approve", "reject"):
            return [IsModerator()]
        return [IsAuthenticated(), IsCampaignManager()]

    def _fields(self, partial=False):
        serializer = CampaignWriteSerializer(data=self.request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        if fields.get("cover"):
            fields["cover"] = clean_image(fields["cover"], field="cover")
        return fields

    def _answer(self, campaign, status=200):
        try:
            campaign = campaign_from_url(self.request, campaign.pk)
        except Http404:
            # The moderator who just approved it may not be in its audience: it answered the
            # campaign they reviewed whole, as the service returned it.
            pass
        return Response(CampaignSerializer(campaign, context={"request": self.request}).data,
                        status=status)

    @extend_schema(parameters=[STATUS_FILTER], responses={200: CampaignSerializer(many=True),
                                                          **ERRORS})
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(responses={200: CampaignSerializer, **ERRORS})
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)

    @extend_schema(request=CampaignWriteSerializer,
                   responses={201: CampaignSerializer, **WRITE_ERRORS})
    def create(self, request, *args, **kwargs):
        return self._answer(services.create_campaign(request.user, **self._fields()), 201)

    @extend_schema(request=CampaignWriteSerializer,
                   responses={200: CampaignSerializer, **WRITE_ERRORS})
    def partial_update(self, request, *args, **kwargs):
        campaign = self.get_object()
        return self._answer(services.update_campaign(campaign, **self._fields(partial=True)))

    @extend_schema(responses={204: None, **WRITE_ERRORS})
    def destroy(self, request, *args, **kwargs):
        services.delete_draft(self.get_object())
        return Response(status=204)

    @extend_schema(request=None, responses={200: CampaignSerializer, **WRITE_ERRORS})
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        """Owners: send the draft to the moderators' review."""
        return self._answer(services.submit(self.get_object()))

    @extend_schema(request=None, responses={200: CampaignSerializer, **WRITE_ERRORS})
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        """Moderators: the campaign goes live (pledges open at its start)."""
        return self._answer(services.approve(self.get_object(), moderator=request.user))

    @extend_schema(request=CampaignRejectSerializer,
                   responses={200: CampaignSerializer, **WRITE_ERRORS})
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        """Moderators: send the campaign back with the reason its owner will read."""
        campaign = self.get_object()
        body = CampaignRejectSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._answer(services.reject(campaign, moderator=request.user,
                                            reason=body.validated_data["reason"]))

    @extend_schema(request=None, responses={200: CampaignSerializer, **WRITE_ERRORS})
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        """Managers: archive an ended campaign once rewards are fulfilled (drops shipping
        details)."""
        return self._answer(services.close(self.get_object()))

    @extend_schema(responses={200: CampaignStatsSerializer, **ERRORS})
    @action(detail=True, methods=["get"])
    def stats(self, request, pk=None):
        """Progress and backers per tier (counts below the minimum group size are null)."""
        return Response(CampaignStatsSerializer(reports.stats(self.get_object())).data)

    @extend_schema(responses={(200, "text/csv"): OpenApiResponse(OpenApiTypes.STR),
                              **ERRORS})
    @action(detail=True, methods=["get"])
    def report(self, request, pk=None):
        """Managers: the pledges to fulfil or refund, as CSV (no anonymous backer's handle)."""
        campaign = self.get_object()
        audit_staff_read(request.user, campaign, "crowdfunding.report_viewed")
        response = HttpResponse(reports.report_csv(campaign), content_type="text/csv")
        response["Content-Disposition"] = f'attachment; filename="{campaign.slug}-pledges.csv"'
        return response
