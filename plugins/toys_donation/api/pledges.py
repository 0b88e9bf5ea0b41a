"""Pledges: donors pledge (idempotent), see theirs, mark them sent or cancel them; ward
managers confirm receptions."""
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from core.api.idempotency import IDEMPOTENCY_KEY_PARAMETER, idempotent
from core.api.lean import LeanListMixin
from core.api.pagination import StentCursorPagination
from core.errors import NotAllowed
from plugins.toys_donation import queries
from plugins.toys_donation.api.common import refusals, visible_or_404
from plugins.toys_donation.serializers import (PledgeCreateSerializer, PledgeSerializer,
                                               ReceiveSerializer, WardPledgeSerializer)
from plugins.toys_donation.services import pledges as services


@extend_schema_view(
    retrieve=extend_schema(responses={200: PledgeSerializer, **refusals(401, 404)}),
    create=extend_schema(request=PledgeCreateSerializer, parameters=[IDEMPOTENCY_KEY_PARAMETER],
                         responses={201: PledgeSerializer, **refusals(400, 401, 404, 409)}),
)
class PledgeViewSet(LeanListMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                    viewsets.GenericViewSet):
    serializer_class = PledgeSerializer
    pagination_class = StentCursorPagination
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        if self.action == "mine":
            pledges = queries.my_pledges(self.request.user)
            wanted = self.request.query_params.get("status")
            return pledges.filter(status=wanted) if wanted else pledges
        return queries.pledges_for(self.request.user)

    def get_object(self):
        return visible_or_404(self.get_queryset(), self.kwargs["pk"], _("No such pledge."))

    def retrieve(self, request, pk=None):
        pledge = self.get_object()
        if pledge.owner_id != request.user.pk:
            raise NotAllowed(_("Only the donor sees this; managers read the ward's pledges."))
        return Response(PledgeSerializer(pledge).data)

    def _detail(self, pledge, code=status.HTTP_200_OK):
        fresh = queries.pledges_for(self.request.user).get(pk=pledge.pk)
        return Response(PledgeSerializer(fresh).data, status=code)

    @idempotent(scope="toys_donation.pledge")
    def create(self, request):
        data = PledgeCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        item = visible_or_404(queries.items_for(request.user).select_related("ward"),
                              fields.pop("item"), _("No such item."))
        pledge = services.pledge(request.user, item, **fields)
        return self._detail(pledge, status.HTTP_201_CREATED)

    @extend_schema(responses={200: PledgeSerializer(many=True), **refusals(400, 401)})
    @action(detail=False, methods=["get"])
    def mine(self, request):
        """My pledges, newest first (``?status=`` filters)."""
        return self.list(request)

    @extend_schema(request=None, responses={200: PledgeSerializer,
                                            **refusals(401, 403, 404, 409)})
    @action(detail=True, methods=["post"])
    def send(self, request, pk=None):
        """The donor sent or dropped off the toys."""
        return self._detail(services.mark_sent(request.user, self.get_object()))

    @extend_schema(request=None, responses={200: PledgeSerializer,
                                            **refusals(401, 403, 404, 409)})
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        """The donor cancels: the quantity is needed again."""
        return self._detail(services.cancel(request.user, self.get_object()))

    @extend_schema(request=ReceiveSerializer,
                   responses={200: WardPledgeSerializer, **refusals(400, 401, 403, 404, 409)})
    @action(detail=True, methods=["post"])
    def receive(self, request, pk=None):
        """A manager of the ward confirms the toys arrived (and thanks the donor)."""
        pledge = self.get_object()
        data = ReceiveSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        received = services.receive(request.user, pledge, **data.validated_data)
        received.donor = received.owner.profile.handle if (
            received.show_handle and received.owner is not None) else None
        return Response(WardPledgeSerializer(received).data)
