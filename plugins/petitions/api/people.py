"""A petition's promoters (invitation by handle, acceptance) and the news they post."""
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.mixins import ListModelMixin
from rest_framework.permissions import IsAuthenticated, IsAuthenticatedOrReadOnly
from rest_framework.response import Response

from core.api.pagination import StentCursorPagination, StentPageNumberPagination
from plugins.petitions import queries, services
from plugins.petitions.permissions import IsPromoterOrReadOnly
from plugins.petitions.serializers import (DetailSerializer, InviteSerializer,
                                           PetitionUpdateSerializer, PromoterSerializer)


class PetitionScopedView(GenericAPIView):
    """Reads for whoever may see the petition; writes for its promoters."""

    permission_classes = [IsAuthenticatedOrReadOnly, IsPromoterOrReadOnly]

    def petition(self):
        petition = queries.petition_for(self.request.user, self.kwargs["petition"], whole=False)
        self.check_object_permissions(self.request, petition)
        return petition


class UpdateListView(ListModelMixin, PetitionScopedView):
    serializer_class = PetitionUpdateSerializer
    pagination_class = StentCursorPagination

    def get_queryset(self):
        return queries.updates_of(self.request.user, self.petition())

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
        return queries.promoters_of(self.petition())

    def get(self, request, petition):
        return self.list(request)

    @extend_schema(request=InviteSerializer, responses={201: PromoterSerializer})
    def post(self, request, petition):
        petition = self.petition()
        invitation = InviteSerializer(data=request.data)
        invitation.is_valid(raise_exception=True)
        promoter = services.invite(petition, inviter=request.user,
                                   member=invitation.validated_data["handle"])
        return Response(self.get_serializer(promoter).data, status=status.HTTP_201_CREATED)


class AcceptInvitationView(GenericAPIView):
    """The invited member accepts to promote the petition."""

    permission_classes = [IsAuthenticated]
    serializer_class = PromoterSerializer

    @extend_schema(request=None, responses={
        200: PromoterSerializer,
        409: OpenApiResponse(DetailSerializer,
                             description="The petition no longer takes new promoters.")})
    def post(self, request, petition):
        promoter = services.accept(queries.petition_for(request.user, petition, whole=False),
                                   request.user)
        return Response(self.get_serializer(promoter).data)


class DeclineInvitationView(GenericAPIView):
    """The invited member declines, or a co-promoter steps down."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses={
        204: None,
        409: OpenApiResponse(DetailSerializer,
                             description="The author cannot leave their own petition.")})
    def post(self, request, petition):
        services.decline(queries.petition_for(request.user, petition, whole=False), request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
