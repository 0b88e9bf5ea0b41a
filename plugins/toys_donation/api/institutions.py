"""Institutions: members register them, moderators verify them, everyone reads verified ones."""
from django.db.models import BooleanField, ExpressionWrapper, Q
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from core.api.lean import LeanListMixin
from core.api.pagination import StentCursorPagination
from core.moderation.permissions import IsModerator
from plugins.toys_donation import queries
from plugins.toys_donation.api.common import refusals, visible_or_404
from plugins.toys_donation.serializers import (InstitutionCreateSerializer,
                                               InstitutionSerializer)
from plugins.toys_donation.services import institutions as services

VERIFIED = ExpressionWrapper(Q(verified_at__isnull=False), output_field=BooleanField())


@extend_schema_view(
    list=extend_schema(responses={200: InstitutionSerializer(many=True), **refusals(400)}),
    retrieve=extend_schema(responses={200: InstitutionSerializer, **refusals(404)}),
    create=extend_schema(request=InstitutionCreateSerializer,
                         responses={201: InstitutionSerializer, **refusals(400, 401, 403)}),
)
class InstitutionViewSet(LeanListMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin,
                         mixins.CreateModelMixin, viewsets.GenericViewSet):
    serializer_class = InstitutionSerializer
    pagination_class = StentCursorPagination

    def get_queryset(self):
        institutions = queries.institutions_for(self.request.user).annotate(verified=VERIFIED)
        city = self.request.query_params.get("city")
        region = self.request.query_params.get("region")
        if city:
            institutions = institutions.filter(city__iexact=city)
        if region:
            institutions = institutions.filter(region__iexact=region)
        return institutions

    def get_permissions(self):
        if self.action in ("list", "retrieve"):
            return [AllowAny()]
        if self.action == "verify":
            return [IsAuthenticated(), IsModerator()]
        return [IsAuthenticated()]

    def get_object(self):
        return visible_or_404(self.get_queryset(), self.kwargs["pk"])

    def _detail(self, pk, code=status.HTTP_200_OK):
        return Response(InstitutionSerializer(self.get_queryset().get(pk=pk)).data, status=code)

    def create(self, request):
        data = InstitutionCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        institution = services.register_institution(request.user, **data.validated_data)
        return self._detail(institution.pk, status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={200: InstitutionSerializer,
                                            **refusals(401, 403, 404, 409)})
    @action(detail=True, methods=["post"])
    def verify(self, request, pk=None):
        """A moderator verifies the institution: it and its wards become visible."""
        institution = services.verify_institution(self.get_object())
        return self._detail(institution.pk)
