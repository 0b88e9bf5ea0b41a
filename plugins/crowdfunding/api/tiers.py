"""A campaign's reward tiers: anyone who sees the campaign reads them; managers change them."""
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.generics import get_object_or_404
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from core.api.pagination import StentCursorPagination
from plugins.crowdfunding.api.campaigns import campaign_from_url
from plugins.crowdfunding.api.errors import ERRORS, WRITE_ERRORS
from plugins.crowdfunding.permissions import IsCampaignManager
from plugins.crowdfunding.roles import is_campaign_manager
from plugins.crowdfunding.serializers import TierSerializer, TierWriteSerializer
from plugins.crowdfunding.services import tiers as services


class TierPagination(StentCursorPagination):
    ordering = ("position", "minimum_amount", "created_at")


def _tiers_shown(request, campaign):
    tiers = campaign.tiers.select_related("campaign")
    # Hidden tiers stay with the managers (a chosen tier is hidden, never deleted).
    return tiers if is_campaign_manager(request.user, campaign) else tiers.filter(hidden=False)


class TierListView(generics.GenericAPIView):
    serializer_class = TierSerializer
    pagination_class = TierPagination

    def get_permissions(self):
        if self.request.method == "GET":
            return [AllowAny()]
        return [IsAuthenticated(), IsCampaignManager()]

    def get_queryset(self):
        return _tiers_shown(self.request, campaign_from_url(self.request, self.kwargs["campaign"]))

    @extend_schema(responses={200: TierSerializer(many=True), **ERRORS})
    def get(self, request, campaign):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(TierSerializer(page, many=True).data)

    @extend_schema(request=TierWriteSerializer, responses={201: TierSerializer, **WRITE_ERRORS})
    def post(self, request, campaign):
        campaign = campaign_from_url(request, campaign)
        self.check_object_permissions(request, campaign)
        body = TierWriteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        tier = services.create_tier(campaign, **body.validated_data)
        return Response(TierSerializer(tier).data, status=201)


class TierDetailView(generics.GenericAPIView):
    serializer_class = TierSerializer
    http_method_names = ["get", "patch", "delete", "head", "options"]

    def get_permissions(self):
        if self.request.method == "GET":
            return [AllowAny()]
        return [IsAuthenticated(), IsCampaignManager()]

    def get_object(self):
        campaign = campaign_from_url(self.request, self.kwargs["campaign"])
        tier = get_object_or_404(_tiers_shown(self.request, campaign), pk=self.kwargs["pk"])
        self.check_object_permissions(self.request, tier)
        return tier

    @extend_schema(responses={200: TierSerializer, **ERRORS})
    def get(self, request, campaign, pk):
        return Response(TierSerializer(self.get_object()).data)

    @extend_schema(request=TierWriteSerializer, responses={200: TierSerializer, **WRITE_ERRORS})
    def patch(self, request, campaign, pk):
        tier = self.get_object()
        body = TierWriteSerializer(tier, data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        return Response(TierSerializer(services.update_tier(tier, **body.validated_data)).data)

    @extend_schema(responses={204: None, **WRITE_ERRORS})
    def delete(self, request, campaign, pk):
        services.delete_tier(self.get_object())
        return Response(status=204)
