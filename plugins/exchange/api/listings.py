"""Categories, listings (CRUD, renew, withdraw) and their photos: thin views over services."""
import uuid

from django.http import FileResponse, Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from core.api.lean import LeanListMixin
from core.api.pagination import StentCursorPagination
from core.errors import Conflict
from plugins.exchange import queries, services
from plugins.exchange.api.filters import ListingFilter
from plugins.exchange.models import ListingPhoto
from plugins.exchange.permissions import IsListingOwner
from plugins.exchange.serializers import (CategorySerializer, ListingListSerializer,
                                          ListingSerializer, PhotoSerializer,
                                          PhotoUploadSerializer)

ERRORS = {400: OpenApiResponse(description="Invalid input"),
          403: OpenApiResponse(description="Not allowed"),
          404: OpenApiResponse(description="Not found"),
          409: OpenApiResponse(description="Conflict with the listing's state")}
OWNER = [IsAuthenticated, IsListingOwner]


class CategoryViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """The managed category tree, with each category's safety notice."""

    serializer_class = CategorySerializer
    permission_classes = [AllowAny]
    pagination_class = None

    def get_queryset(self):
        return queries.categories()


@extend_schema_view(
    list=extend_schema(responses={200: ListingListSerializer, 400: ERRORS[400]}),
    create=extend_schema(responses={201: ListingSerializer, **ERRORS}),
    retrieve=extend_schema(responses={200: ListingSerializer, 404: ERRORS[404]}),
    partial_update=extend_schema(responses={200: ListingSerializer, **ERRORS}),
    update=extend_schema(responses={200: ListingSerializer, **ERRORS}),
    destroy=extend_schema(responses={204: None, **ERRORS}),
)
class ListingViewSet(LeanListMixin, mixins.CreateModelMixin, mixins.RetrieveModelMixin,
                     mixins.UpdateModelMixin, mixins.DestroyModelMixin, mixins.ListModelMixin,
                     viewsets.GenericViewSet):
    """Listings anyone allowed by the audience reads; their owner writes."""

    pagination_class = StentCursorPagination
    filter_backends = [ListingFilter]
    ordering = ("-published_at", "-id")

    def get_queryset(self):
        listings = queries.listings_visible_to(self.request.user)
        if self.action == "retrieve":
            listings = listings.prefetch_related("photos")
        return listings

    def get_serializer_class(self):
        if self.action == "list":
            return ListingListSerializer
        return ListingSerializer

    def get_permissions(self):
        if self.action in ("list", "retrieve"):
            return [AllowAny()]
        if self.action == "create":
            return [IsAuthenticated()]
        return [permission() for permission in OWNER]

    def perform_create(self, serializer):
        serializer.instance = services.create_listing(self.request.user,
                                                      **serializer.validated_data)

    def perform_update(self, serializer):
        serializer.instance = services.update_listing(serializer.instance,
                                                      **serializer.validated_data)

    def perform_destroy(self, instance):
        if instance.requests.exists():
            raise Conflict(_("Someone asked for this listing: withdraw it instead."))
        instance.delete()

    def _answer(self, listing):
        return Response(ListingSerializer(queries.listing_for(self.request.user, listing.pk),
                                          context=self.get_serializer_context()).data)

    @extend_schema(request=None, responses={200: ListingSerializer, **ERRORS})
    @action(detail=True, methods=["post"], permission_classes=OWNER)
    def renew(self, request, pk=None):
        return self._answer(services.renew(self.get_object()))

    @extend_schema(request=None, responses={200: ListingSerializer, **ERRORS})
    @action(detail=True, methods=["post"], permission_classes=OWNER)
    def withdraw(self, request, pk=None):
        return self._answer(services.withdraw(self.get_object()))

    @extend_schema(request={"multipart/form-data": PhotoUploadSerializer},
                   responses={201: PhotoSerializer, **ERRORS})
    @action(detail=True, methods=["post"], permission_classes=OWNER,
            parser_classes=[MultiPartParser, FormParser])
    def photos(self, request, pk=None):
        upload = PhotoUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        photo = services.add_photo(self.get_object(), upload.validated_data["image"],
                                   request.user)
        return Response(PhotoSerializer(photo).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses={(200, "image/*"): OpenApiResponse(description="The photo"),
                              404: ERRORS[404]})
    @action(detail=True, methods=["get"], url_path=r"photos/(?P<photo>[0-9a-f-]{36})",
            permission_classes=[AllowAny])
    def photo(self, request, pk=None, photo=None):
        """The photo's bytes, only to those who may see the listing."""
        listing = self.get_object()
        try:
            found = ListingPhoto.objects.filter(listing=listing, pk=uuid.UUID(photo)).first()
        except ValueError:
            found = None
        if found is None:
            raise Http404
        return FileResponse(found.image.open("rb"))
