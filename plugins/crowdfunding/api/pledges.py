"""Pledges: backing a campaign (idempotent), one's own pledges, the managers' payment desk."""
from django.db import transaction
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.generics import get_object_or_404
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from core.api.idempotency import IDEMPOTENCY_KEY_PARAMETER, idempotent
from core.api.lean import LeanListMixin
from core.api.pagination import StentCursorPagination
from core.errors import Invalid, NotFound
from plugins.crowdfunding import queries
from plugins.crowdfunding.api.campaigns import audit_staff_read, campaign_from_url
from plugins.crowdfunding.api.errors import ERRORS, WRITE_ERRORS
from plugins.crowdfunding.models import Pledge, PledgeStatus, Tier
from plugins.crowdfunding.permissions import IsBacker, IsCampaignManager
from plugins.crowdfunding.providers.references import normalise
from plugins.crowdfunding.serializers import (ManagedPledgeSerializer, NamedBackerSerializer,
                                              PledgeCreateSerializer, PledgeCreatedSerializer,
                                              PledgeSerializer, PledgeVisibilitySerializer,
                                              TransferReferenceSerializer)
from plugins.crowdfunding.services import fulfilment, payments
from plugins.crowdfunding.services.pledges import cancel_pledge, change_visibility, create_pledge

PLEDGE_STATUS_FILTER = OpenApiParameter("status", str, enum=list(PledgeStatus.values),
                                        description="Only pledges in this state.")


class CampaignPledgesView(LeanListMixin, generics.GenericAPIView):
    """GET: the backers who chose to be named. POST: back the campaign (``Idempotency-Key``)."""

    serializer_class = NamedBackerSerializer
    pagination_class = StentCursorPagination

    def get_permissions(self):
        return [AllowAny()] if self.request.method == "GET" else [IsAuthenticated()]

    def campaign(self):
        return campaign_from_url(self.request, self.kwargs["campaign"])

    def get_queryset(self):
        return queries.named_pledges(self.campaign(), self.request.user)

    @extend_schema(responses={200: NamedBackerSerializer(many=True), **ERRORS})
    def get(self, request, campaign):
        return self.list(request)

    @extend_schema(request=PledgeCreateSerializer, parameters=[IDEMPOTENCY_KEY_PARAMETER],
                   responses={201: PledgeCreatedSerializer, **WRITE_ERRORS})
    @idempotent(scope="crowdfunding.pledge")
    def post(self, request, campaign):
        campaign = self.campaign()
        body = PledgeCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = dict(body.validated_data)
        tier_id = data.pop("tier", None)
        tier = None
        if tier_id is not None:
            tier = Tier.objects.filter(pk=tier_id, campaign=campaign).first()
            if tier is None:
                raise Invalid("tier", _("This reward is not offered by this campaign."))
        pledge, instructions = create_pledge(request.user, campaign, tier=tier, **data)
        return Response(PledgeCreatedSerializer(
            {"pledge": pledge, "payment": instructions}).data, status=201)


class MyCampaignPledgesView(generics.ListAPIView):
    """The signed-in member's pledges to one campaign."""

    serializer_class = PledgeSerializer
    pagination_class = StentCursorPagination
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        campaign = campaign_from_url(self.request, self.kwargs["campaign"])
        return queries.pledges_of(self.request.user).filter(campaign=campaign).select_related(
            "tier")

    @extend_schema(responses={200: PledgeSerializer(many=True), **WRITE_ERRORS})
    def get(self, request, *args, **kwargs):
        return self.list(request, *args, **kwargs)


class MyPledgesView(generics.ListAPIView):
    """The signed-in member's pledges, every campaign."""

    serializer_class = PledgeSerializer
    pagination_class = StentCursorPagination
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        return queries.pledges_of(self.request.user).select_related("tier")

    @extend_schema(responses={200: PledgeSerializer(many=True), **WRITE_ERRORS})
    def get(self, request, *args, **kwargs):
        return self.list(request, *args, **kwargs)


class ManagedPledgesView(generics.ListAPIView):
    """Managers: every pledge of their campaign (anonymous ones without handle)."""

    serializer_class = ManagedPledgeSerializer
    pagination_class = StentCursorPagination
    permission_classes = [IsAuthenticated, IsCampaignManager]

    def get_queryset(self):
        campaign = campaign_from_url(self.request, self.kwargs["campaign"])
        self.check_object_permissions(self.request, campaign)
        audit_staff_read(self.request.user, campaign, "crowdfunding.pledges_viewed")
        queryset = queries.pledges_for_managers(campaign).select_related("owner__profile")
        status = self.request.query_params.get("status")
        if status in PledgeStatus.values:
            queryset = queryset.filter(status=status)
        return queryset

    @extend_schema(parameters=[PLEDGE_STATUS_FILTER],
                   responses={200: ManagedPledgeSerializer(many=True), **WRITE_ERRORS})
    def get(self, request, *args, **kwargs):
        return self.list(request, *args, **kwargs)


class ConfirmTransferView(generics.GenericAPIView):
    """Managers: a bank transfer quoting this structured reference was received."""

    serializer_class = TransferReferenceSerializer
    permission_classes = [IsAuthenticated, IsCampaignManager]

    @extend_schema(request=TransferReferenceSerializer,
                   responses={200: ManagedPledgeSerializer, **WRITE_ERRORS})
    def post(self, request, campaign):
        campaign = campaign_from_url(request, campaign)
        self.check_object_permissions(request, campaign)
        body = TransferReferenceSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        reference = normalise(body.validated_data["reference"])
        if reference is None:
            raise Invalid("reference", _("This reference's check digits are wrong: check it."))
        pledge = Pledge.objects.filter(campaign=campaign, provider="manual",
                                       payment_reference=reference).first()
        if pledge is None:
            raise NotFound(_("No pledge of this campaign has this reference."))
        pledge = payments.confirm_manual_payment(pledge.pk)
        return Response(ManagedPledgeSerializer(pledge).data)


def _pledge_for_backer(request, pk):
    pledge = get_object_or_404(queries.pledges_of(request.user).select_related("tier"), pk=pk)
    return pledge


def _pledge_for_manager(view, request, pk):
    pledge = get_object_or_404(Pledge.objects.select_related("campaign", "owner__profile"),
                               pk=pk)
    if not queries.campaigns_visible_to(request.user).filter(pk=pledge.campaign_id).exists():
        raise NotFound()
    view.check_object_permissions(request, pledge)
    return pledge


class PledgeView(generics.GenericAPIView):
    """The backer's own pledge: read it, choose again whether to be named."""

    serializer_class = PledgeSerializer
    permission_classes = [IsAuthenticated, IsBacker]

    @extend_schema(responses={200: PledgeSerializer, **WRITE_ERRORS})
    def get(self, request, pk):
        return Response(PledgeSerializer(_pledge_for_backer(request, pk)).data)

    @extend_schema(request=PledgeVisibilitySerializer,
                   responses={200: PledgeSerializer, **WRITE_ERRORS})
    def patch(self, request, pk):
        pledge = _pledge_for_backer(request, pk)
        body = PledgeVisibilitySerializer(data=request.data)
        body.is_valid(raise_exception=True)
        pledge = change_visibility(pledge, **body.validated_data)
        return Response(PledgeSerializer(pledge).data)


class CancelPledgeView(generics.GenericAPIView):
    """The backer cancels before the end (a paid one where the provider refunds)."""

    serializer_class = PledgeSerializer
    permission_classes = [IsAuthenticated, IsBacker]

    @extend_schema(request=None, responses={200: PledgeSerializer, **WRITE_ERRORS})
    def post(self, request, pk):
        return Response(PledgeSerializer(cancel_pledge(_pledge_for_backer(request, pk))).data)


class ManagerPledgeActionView(generics.GenericAPIView):
    """Managers: one step of a pledge's payment or reward (see the subclasses)."""

    serializer_class = ManagedPledgeSerializer
    permission_classes = [IsAuthenticated, IsCampaignManager]

    def change(self, pledge):
        raise NotImplementedError

    @extend_schema(request=None, responses={200: ManagedPledgeSerializer, **WRITE_ERRORS})
    def post(self, request, pk):
        pledge = _pledge_for_manager(self, request, pk)
        with transaction.atomic():
            pledge = self.change(pledge)
        return Response(ManagedPledgeSerializer(pledge).data)


class ConfirmPaymentView(ManagerPledgeActionView):
    """Managers: the bank transfer of this pledge was received."""

    def change(self, pledge):
        if pledge.provider != "manual":
            raise Invalid("provider", _("Only a bank transfer is confirmed by hand."))
        return payments.confirm_manual_payment(pledge.pk)


class MarkRefundedView(ManagerPledgeActionView):
    """Managers: the money of this pledge was paid back by hand."""

    def change(self, pledge):
        return payments.mark_refunded(pledge.pk, by_provider=False)


class FulfilView(ManagerPledgeActionView):
    """Managers: the reward was delivered; its shipping details are dropped."""

    def change(self, pledge):
        return fulfilment.fulfil(pledge)
