"""Thank-you updates: public reads; ward managers publish them with photos (multipart)."""
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from core.api.lean import LeanListMixin
from core.api.pagination import StentCursorPagination
from plugins.toys_donation import queries
from plugins.toys_donation.api.common import refusals, visible_or_404
from plugins.toys_donation.models import ThanksPhoto
from plugins.toys_donation.serializers import ThanksCreateSerializer, ThanksSerializer
from plugins.toys_donation.services import thanks as services


def photo_urls(update_ids) -> dict:
    urls = {}
    for update_id, image in (ThanksPhoto.objects.filter(update_id__in=update_ids)
                             .order_by("position").values_list("update_id", "image")):
        urls.setdefault(update_id, []).append(ThanksPhoto.image.field.storage.url(image))
    return urls


@extend_schema_view(
    list=extend_schema(responses={200: ThanksSerializer(many=True), **refusals(400, 404)}),
    retrieve=extend_schema(responses={200: ThanksSerializer, **refusals(404)}),
    create=extend_schema(request={"multipart/form-data": ThanksCreateSerializer},
                         responses={201: ThanksSerializer, **refusals(400, 401, 403, 404)}),
)
class ThanksViewSet(LeanListMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin,
                    mixins.CreateModelMixin, viewsets.GenericViewSet):
    serializer_class = ThanksSerializer
    pagination_class = StentCursorPagination
    parser_classes = [MultiPartParser, FormParser, JSONParser]
    computed_fields = ("photos",)

    def get_permissions(self):
        return [AllowAny()] if self.action in ("list", "retrieve") else [IsAuthenticated()]

    def get_queryset(self):
        updates = queries.thanks_for(self.request.user)
        ward = self.request.query_params.get("ward")
        if ward and self.action == "list":
            updates = updates.filter(ward=visible_or_404(queries.wards_for(self.request.user),
                                                         ward, _("No such ward.")))
        return updates

    def complete_rows(self, rows):
        urls = photo_urls([row["id"] for row in rows])
        for row in rows:
            row["photos"] = urls.get(row["id"], [])

    def _detail(self, update_id, code=status.HTTP_200_OK):
        update = queries.thanks_for(self.request.user).get(pk=update_id)
        update.photo_urls = photo_urls([update.pk]).get(update.pk, [])
        return Response(ThanksSerializer(update).data, status=code)

    def retrieve(self, request, pk=None):
        return self._detail(visible_or_404(self.get_queryset(), pk, _("No such update.")).pk)

    def create(self, request):
        data = ThanksCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        ward = visible_or_404(queries.wards_for(request.user), fields.pop("ward"),
                              _("No such ward."))
        update = services.publish_thanks(request.user, ward, **fields)
        return self._detail(update.pk, status.HTTP_201_CREATED)
