"""A petition's promoters (invitation by handle, acceptance) and the news they post."""
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.mixins import ListModelMixin
from rest_framework.permissions import SAFE_METHODS, AllowAny, IsAuthenticated
from rest_framework.response import Response

from core.api.pagination import StentCursorPagination, StentPageNumberPagination
from plugins.petitions import services
from plugins.petitions.api.petitions import petition_from_url
from plugins.petitions.models import PetitionUpdate, Promoter
from plugins.petitions.permissions import IsPromoter
from plugins.petitions.serializers import (InviteSerializer, PetitionUpdateSerializer,
                                           PromoterSerializer)


class PetitionScopedView(GenericAPIView):
    """Reads for whoever may see the petition; writes for its promoters."""

    def get_permissions(self):
        if self.request.method in SAFE_METHODS:
            return [AllowAny()]
        return [IsAuthenticated(), IsPromoter()]

    def petition(self):
        petition = petition_from_url(self.request, self.kwargs["petition"], whole=False)
        if self.request.method not in SAFE_METHODS:
            self.check_object_permissions(self.request, petition)
        return petition


class UpdateListView(ListModelMixin, PetitionScopedView):
    serializer_class = PetitionUpdateSerializer
    pagination_class = StentCursorPagination

    def get_queryset(self):
        return (PetitionUpdate.objects.visible_to(self.request.user)
                .filter(petition=self.petition()).select_related("owner__profile"))

    def get(self, request, petition):
        return self.list(request)

    def post(self, request, petition):
        petition = self.petition()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        update = services.post_update(petition, request.user, **serializer.validated_data)
        return Response(self.get_serializer(update).data, status=status.HTTP_201_CREATED)


class PromoterListView(ListModelMixin, PetitionScopedView):
    """Accepted promoters are public faces of the petition; invitations show to promoters only."""

    serializer_class = PromoterSerializer
    pagination_class = StentPageNumberPagination

    def get_queryset(self):
        petition = self.petition()
        promoters = petition.promoters.select_related("member__profile").order_by("created_at",
                                                                                  "pk")
        if not getattr(petition, "viewer_is_promoter", False):
            promoters = promoters.filter(status=Promoter.Status.ACCEPTED)
        return promoters

    def get(self, request, petition):
        return self.list(request)

    @extend_schema(request=InviteSerializer, responses={201: PromoterSerializer})
    def post(self, request, petition):
        petition = self.petition()
        invitation = InviteSerializer(data=request.data)
        invitation.is_valid(raise_exception=True)
        promoter = services.invite(petition, inviter=request.user,
                                   handle=invitation.validated_data["handle"])
        promoter = Promoter.objects.select_related("member__profile").get(pk=promoter.pk)
        return Response(self.get_serializer(promoter).data, status=status.HTTP_201_CREATED)


class AcceptInvitationView(GenericAPIView):
    """The invited member accepts to promote the petition."""

    permission_classes = [IsAuthenticated]
    serializer_class = PromoterSerializer

    @extend_schema(request=None, responses=PromoterSerializer)
    def post(self, request, petition):
        promoter = services.accept(petition_from_url(request, petition, whole=False), request.user)
        promoter = Promoter.objects.select_related("member__profile").get(pk=promoter.pk)
        return Response(self.get_serializer(promoter).data)


class DeclineInvitationView(GenericAPIView):
    """The invited member declines, or a co-promoter steps down."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses={204: None})
    def post(self, request, petition):
        services.decline(petition_from_url(request, petition, whole=False), request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
