"""Impact figures, and (with crowdfunding) the money allocated to wards and their purchases."""
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.lean import LeanListMixin
from core.api.pagination import StentCursorPagination
from plugins.toys_donation import impact, queries
from plugins.toys_donation.api.common import refusals, visible_or_404
from plugins.toys_donation.models import Purchase
from plugins.toys_donation.serializers import (AllocationTotalSerializer,
                                               OverallImpactSerializer, PurchaseCreateSerializer,
                                               PurchaseSerializer)
from plugins.toys_donation.services import allocations as services


class ImpactView(APIView):
    """Overall figures over the wards that agreed to publish theirs."""

    permission_classes = [AllowAny]

    @extend_schema(responses={200: OverallImpactSerializer})
    def get(self, request):
        return Response(impact.as_json(impact.impact()["overall"]))


class AllocationsView(APIView):
    """Money allocated to each publishing ward and what it spent (figures suppressed as the
    statistics module says)."""

    permission_classes = [AllowAny]

    @extend_schema(responses={200: AllocationTotalSerializer(many=True)})
    def get(self, request):
        figures = impact.impact()["wards"]
        names = dict(queries.verified_wards_for(request.user).filter(pk__in=list(figures))
                     .values_list("pk", "name"))
        return Response([
            {"ward": str(ward_id), "ward_name": names[ward_id],
             "allocated": impact.as_json(row)["allocated"], "spent": impact.as_json(row)["spent"]}
            for ward_id, row in figures.items() if ward_id in names])


@extend_schema_view(
    list=extend_schema(responses={200: PurchaseSerializer(many=True), **refusals(400, 404)}),
    create=extend_schema(request=PurchaseCreateSerializer,
                         responses={201: PurchaseSerializer, **refusals(400, 401, 403, 404)}),
)
class PurchaseViewSet(LeanListMixin, mixins.ListModelMixin, mixins.CreateModelMixin,
                      viewsets.GenericViewSet):
    """Purchases of the wards that publish their figures (and, for managers, their own)."""

    serializer_class = PurchaseSerializer
    pagination_class = StentCursorPagination

    def get_permissions(self):
        return [AllowAny()] if self.action == "list" else [IsAuthenticated()]

    def get_queryset(self):
        wards = queries.verified_wards_for(self.request.user)
        if self.request.user.is_authenticated:
            readable = wards.filter(impact_public=True) | wards.filter(managers=self.request.user)
        else:
            readable = wards.filter(impact_public=True)
        purchases = Purchase.objects.filter(ward__in=readable.values("pk"))
        ward = self.request.query_params.get("ward")
        if ward:
            purchases = purchases.filter(ward=visible_or_404(wards, ward, _("No such ward.")))
        return purchases

    def create(self, request):
        data = PurchaseCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        ward = visible_or_404(queries.verified_wards_for(request.user), fields.pop("ward"),
                              _("No such ward."))
        purchase = services.record_purchase(request.user, ward, **fields)
        return Response(PurchaseSerializer(purchase).data, status=status.HTTP_201_CREATED)
