"""Wards: their details (the delivery address only to those allowed), wishlists, managers,
the pledges made to them (for managers) and their impact figures."""
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from core.api.lean import LeanListMixin
from core.api.pagination import StentCursorPagination
from core.errors import NotFound
from plugins.toys_donation import impact, queries
from plugins.toys_donation.api.common import refusals, visible_or_404
from plugins.toys_donation.models import Ward, WishlistItem
from plugins.toys_donation.permissions import IsWardManager
from plugins.toys_donation.serializers import (ImpactSerializer, ItemSerializer,
                                               ItemWriteSerializer, ManagerSerializer,
                                               WardPledgeSerializer, WardSerializer,
                                               WardUpdateSerializer, WardWriteSerializer)
from plugins.toys_donation.services import institutions as services


def with_private_fields(user, wards):
    """Set ``delivery_address`` (or None) and ``is_manager`` on ward rows or objects."""
    ids = [ward["id"] if isinstance(ward, dict) else ward.pk for ward in wards]
    readable = queries.wards_with_address_for(user, ids)
    managed = queries.managed_ward_ids(user, ids)
    for ward in wards:
        if isinstance(ward, dict):
            ward["is_manager"] = ward["id"] in managed
            if ward["id"] not in readable:
                ward["delivery_address"] = None
        else:
            ward.is_manager = ward.pk in managed
            if ward.pk not in readable:
                ward.delivery_address = None
    return wards


@extend_schema_view(
    list=extend_schema(responses={200: WardSerializer(many=True), **refusals(400)}),
    retrieve=extend_schema(responses={200: WardSerializer, **refusals(404)}),
    create=extend_schema(request=WardWriteSerializer,
                         responses={201: WardSerializer, **refusals(400, 401, 403, 404)}),
    partial_update=extend_schema(request=WardUpdateSerializer,
                                 responses={200: WardSerializer, **refusals(400, 401, 403, 404)}),
)
class WardViewSet(LeanListMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin,
                  mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.GenericViewSet):
    serializer_class = WardSerializer
    pagination_class = StentCursorPagination
    computed_fields = ("is_manager",)
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        wards = queries.wards_for(self.request.user)
        institution = self.request.query_params.get("institution")
        if institution and self.action == "list":
            wards = visible_or_404(queries.institutions_for(self.request.user),
                                   institution).wards.all().select_related("institution")
        return wards

    def get_permissions(self):
        if self.action in ("list", "retrieve", "impact"):
            return [AllowAny()]
        return [IsAuthenticated()]

    def complete_rows(self, rows):
        with_private_fields(self.request.user, rows)

    def get_object(self):
        return visible_or_404(queries.wards_for(self.request.user), self.kwargs["pk"],
                              _("No such ward."))

    def _detail(self, ward_id, code=status.HTTP_200_OK):
        ward = queries.wards_for(self.request.user).get(pk=ward_id)
        with_private_fields(self.request.user, [ward])
        return Response(WardSerializer(ward).data, status=code)

    def retrieve(self, request, pk=None):
        return self._detail(self.get_object().pk)

    def create(self, request):
        data = WardWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        institution = visible_or_404(queries.institutions_for(request.user),
                                     fields.pop("institution"), _("No such institution."))
        ward = services.add_ward(request.user, institution, **fields)
        return self._detail(ward.pk, status.HTTP_201_CREATED)

    def partial_update(self, request, pk=None):
        ward = self.get_object()
        data = WardUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.update_ward(request.user, ward, **data.validated_data)
        return self._detail(ward.pk)

    def update(self, request, *args, **kwargs):
        return self.partial_update(request, *args, **kwargs)

    @extend_schema(request=ManagerSerializer,
                   responses={200: WardSerializer, **refusals(400, 401, 403, 404)})
    @action(detail=True, methods=["post"])
    def managers(self, request, pk=None):
        """A manager adds another member (by handle) as a manager of the ward."""
        ward = self.get_object()
        data = ManagerSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.add_manager(request.user, ward, data.validated_data["handle"])
        return self._detail(ward.pk)

    @extend_schema(responses={200: ImpactSerializer, **refusals(404)})
    @action(detail=True, methods=["get"])
    def impact(self, request, pk=None):
        """The ward's figures, if it agreed to publish them."""
        ward = self.get_object()
        figures = impact.impact()["wards"].get(ward.pk)
        if figures is None:
            raise NotFound(_("This ward does not publish its figures."))
        return Response(impact.as_json(figures))


@extend_schema_view(
    get=extend_schema(responses={200: ItemSerializer(many=True), **refusals(404)}),
    post=extend_schema(request=ItemWriteSerializer,
                       responses={201: ItemSerializer, **refusals(400, 401, 403, 404)}),
)
class WishlistView(LeanListMixin, generics.ListCreateAPIView):
    """A ward's wishlist: anyone who sees the ward reads it; its managers add items."""

    serializer_class = ItemSerializer
    pagination_class = StentCursorPagination

    def get_permissions(self):
        return [AllowAny()] if self.request.method == "GET" else [IsAuthenticated()]

    def ward(self):
        return visible_or_404(queries.wards_for(self.request.user), self.kwargs["ward"],
                              _("No such ward."))

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return WishlistItem.objects.none()
        items = queries.items_of(self.ward())
        if self.request.query_params.get("open") in ("1", "true"):
            items = items.filter(is_open=True)
        return items

    def create(self, request, *args, **kwargs):
        ward = self.ward()
        data = ItemWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        item = services.add_item(request.user, ward, **data.validated_data)
        return Response(ItemSerializer(queries.items_of(ward).get(pk=item.pk)).data,
                        status=status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(responses={200: ItemSerializer, **refusals(404)}),
    patch=extend_schema(request=ItemWriteSerializer,
                        responses={200: ItemSerializer, **refusals(400, 401, 403, 404)}),
)
class WishlistItemView(generics.GenericAPIView):
    serializer_class = ItemSerializer

    def get_permissions(self):
        return [AllowAny()] if self.request.method == "GET" else [IsAuthenticated()]

    def item(self):
        ward = visible_or_404(queries.wards_for(self.request.user), self.kwargs["ward"],
                              _("No such ward."))
        return visible_or_404(queries.items_of(ward).select_related("ward"), self.kwargs["pk"],
                              _("No such item."))

    def get(self, request, *args, **kwargs):
        return Response(ItemSerializer(self.item()).data)

    def patch(self, request, *args, **kwargs):
        item = self.item()
        data = ItemWriteSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        services.update_item(request.user, item, **data.validated_data)
        return Response(ItemSerializer(self.item()).data)


@extend_schema_view(get=extend_schema(responses={200: WardPledgeSerializer(many=True),
                                                 **refusals(401, 403, 404)}))
class WardPledgesView(LeanListMixin, generics.ListAPIView):
    """The pledges made to a ward, for its managers: the donor's handle only if they agreed."""

    serializer_class = WardPledgeSerializer
    pagination_class = StentCursorPagination
    permission_classes = [IsAuthenticated, IsWardManager]
    computed_fields = ("donor",)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Ward.objects.none()
        ward = visible_or_404(queries.wards_for(self.request.user), self.kwargs["ward"],
                              _("No such ward."))
        self.check_object_permissions(self.request, ward)
        pledges = queries.pledges_for(self.request.user).filter(item__ward=ward)
        status_filter = self.request.query_params.get("status")
        if status_filter:
            pledges = pledges.filter(status=status_filter)
        return pledges

    def complete_rows(self, rows):
        from plugins.toys_donation.models import Pledge

        shown = dict(Pledge.objects.filter(pk__in=[row["id"] for row in rows], show_handle=True)
                     .values_list("pk", "owner__profile__handle"))
        for row in rows:
            row["donor"] = shown.get(row["id"])
