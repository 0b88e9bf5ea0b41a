"""The polls collection, voting and results (thin: rules are in services and results)."""
import uuid

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.generics import get_object_or_404
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from core.api.idempotency import IDEMPOTENCY_KEY_PARAMETER, idempotent
from core.api.lean import LeanListMixin
from core.api.pagination import StentCursorPagination
from core.errors import NotFound
from plugins.polls import queries
from plugins.polls.api.filters import StateAndCommunityFilter
from plugins.polls.models import PollState
from plugins.polls.permissions import IsAuthor
from plugins.polls.results.polls import check_results_visible, poll_results
from plugins.polls.serializers.common import PollsDetailSerializer
from plugins.polls.serializers.polls import (BallotSerializer, PollCreateSerializer,
                                             PollListSerializer, PollResultsSerializer,
                                             PollSerializer, VoteSerializer)
from plugins.polls.services import polls as poll_services, voting

REFUSALS = {400: OpenApiResponse(description="Invalid input."),
            403: OpenApiResponse(PollsDetailSerializer, description="Not allowed."),
            404: OpenApiResponse(PollsDetailSerializer, description="No such poll."),
            409: OpenApiResponse(PollsDetailSerializer, description="Conflicts with its state.")}


def state_of(row, now):
    if row["closed_at"] is not None or (row["closes_at"] is not None and row["closes_at"] <= now):
        return PollState.CLOSED.value
    return PollState.OPEN.value if row["opens_at"] <= now else PollState.SCHEDULED.value


@extend_schema_view(
    list=extend_schema(responses={200: PollSerializer(many=True), 400: REFUSALS[400]}),
    retrieve=extend_schema(responses={200: PollSerializer, 404: REFUSALS[404]}),
    create=extend_schema(request=PollCreateSerializer,
                         responses={201: PollSerializer, **REFUSALS}),
    destroy=extend_schema(responses={204: None, **REFUSALS}),
)
class PollViewSet(LeanListMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin,
                  mixins.CreateModelMixin, mixins.DestroyModelMixin, viewsets.GenericViewSet):
    """Polls: anyone the audience allows reads; members vote; authors close."""

    serializer_class = PollSerializer
    pagination_class = StentCursorPagination
    filter_backends = [StateAndCommunityFilter]
    states = PollState.values
    computed_fields = ("state", "options")
    source_columns = ("listed_options",)

    def get_queryset(self):
        if self.action == "list":
            return queries.polls_for(self.request.user)
        return queries.polls_with_options(self.request.user)

    def get_serializer_class(self):
        if self.action == "list" and not getattr(self, "swagger_fake_view", False):
            return PollListSerializer
        return PollSerializer

    def get_permissions(self):
        if self.action in ("list", "retrieve", "results"):
            return [AllowAny()]
        if self.action in ("close", "destroy"):
            return [IsAuthenticated(), IsAuthor()]
        return [IsAuthenticated()]

    def get_object(self):
        try:
            key = uuid.UUID(str(self.kwargs["pk"]))
        except ValueError:
            raise NotFound(_("No such poll."))
        poll = get_object_or_404(self.get_queryset(), pk=key)
        self.check_object_permissions(self.request, poll)
        return poll

    def complete_rows(self, rows):
        now = timezone.now()
        for row in rows:
            row["state"] = state_of(row, now)
            row["options"] = row["listed_options"]  # in the poll's row: no query per page

    def _detail(self, poll_id, status_code=status.HTTP_200_OK):
        poll = get_object_or_404(queries.polls_with_options(self.request.user), pk=poll_id)
        return Response(PollSerializer(poll).data, status=status_code)

    def create(self, request):
        data = PollCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        poll = poll_services.create_poll(request.user, **data.validated_data)
        return self._detail(poll.pk, status.HTTP_201_CREATED)

    def perform_destroy(self, poll):
        poll_services.delete_poll(poll)

    @extend_schema(request=None, responses={200: PollSerializer, **REFUSALS})
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        """The author closes the poll before its time."""
        poll = poll_services.close_poll(self.get_object())
        return self._detail(poll.pk)

    @extend_schema(methods=["GET"], request=None,
                   responses={200: BallotSerializer, 404: REFUSALS[404]})
    @extend_schema(methods=["POST"], request=VoteSerializer,
                   parameters=[IDEMPOTENCY_KEY_PARAMETER],
                   responses={200: BallotSerializer, 201: BallotSerializer, **REFUSALS})
    @extend_schema(methods=["DELETE"], request=None, responses={204: None, **REFUSALS})
    @action(detail=True, methods=["get", "post", "delete"])
    def vote(self, request, pk=None):
        """GET: my own vote. POST: vote (or change it, if the poll allows). DELETE: withdraw."""
        if request.method == "POST":
            return self._vote(request)
        poll = self.get_object()
        if request.method == "DELETE":
            voting.withdraw_vote(poll, request.user)
            return Response(status=status.HTTP_204_NO_CONTENT)
        ballot = queries.ballot_of(request.user, poll)
        if ballot is None:
            raise NotFound(_("You have not voted in this poll."))
        return Response(BallotSerializer(ballot).data)

    @idempotent(scope="polls.vote")
    def _vote(self, request):
        poll = self.get_object()
        data = VoteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        ballot, created = voting.vote(poll, request.user, data.validated_data["options"])
        ballot = queries.ballot_of(request.user, poll)
        return Response(BallotSerializer(ballot).data,
                        status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)

    @extend_schema(request=None, responses={200: PollResultsSerializer, 403: REFUSALS[403],
                                            404: REFUSALS[404]})
    @action(detail=True, methods=["get"])
    def results(self, request, pk=None):
        """Counts and shares, when the poll's rule lets this viewer see them."""
        poll = self.get_object()
        check_results_visible(poll, request.user, has_voted=poll.has_voted)
        return Response(PollResultsSerializer(poll_results(poll, request.user)).data)
