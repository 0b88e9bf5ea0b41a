"""News of a campaign: public or for its backers; managers post them."""
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from core.api.lean import LeanListMixin
from core.api.pagination import StentCursorPagination
from plugins.crowdfunding import queries
from plugins.crowdfunding.api.campaigns import campaign_from_url
from plugins.crowdfunding.api.errors import ERRORS, WRITE_ERRORS
from plugins.crowdfunding.permissions import IsCampaignManager
from plugins.crowdfunding.serializers import CampaignUpdateSerializer
from plugins.crowdfunding.services.updates import post_update


class UpdateListView(LeanListMixin, generics.GenericAPIView):
    serializer_class = CampaignUpdateSerializer
    pagination_class = StentCursorPagination

    def get_permissions(self):
        if self.request.method == "GET":
            return [AllowAny()]
        return [IsAuthenticated(), IsCampaignManager()]

    def get_queryset(self):
        campaign = campaign_from_url(self.request, self.kwargs["campaign"])
        return queries.updates_visible_to(campaign, self.request.user)

    @extend_schema(responses={200: CampaignUpdateSerializer(many=True), **ERRORS})
    def get(self, request, campaign):
        return self.list(request)

    @extend_schema(request=CampaignUpdateSerializer,
                   responses={201: CampaignUpdateSerializer, **WRITE_ERRORS})
    def post(self, request, campaign):
        campaign = campaign_from_url(request, campaign)
        self.check_object_permissions(request, campaign)
        body = CampaignUpdateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        update = post_update(campaign, request.user, **body.validated_data)
        return Response(CampaignUpdateSerializer(update).data, status=201)
