"""Requests on a listing and their steps, the private conversation, thanks: thin views."""
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from core.api.idempotency import IDEMPOTENCY_KEY_PARAMETER, idempotent
from core.api.pagination import StentCursorPagination
from core.errors import NotFound
from plugins.exchange import queries, services
from plugins.exchange.api.listings import ERRORS
from plugins.exchange.serializers import (CancelSerializer, HandoverSerializer,
                                          MessageSerializer, ReportedSerializer,
                                          ReportSerializer, RequestCreateSerializer,
                                          RequestSerializer, ThanksSerializer)


class CreatedAtCursor(StentCursorPagination):
    ordering = ("created_at", "id")


class ListingRequestsView(GenericAPIView):
    """GET: the listing's requests (all of them for its owner, one's own for a requester);
    POST: ask for an offer, or answer a request."""

    permission_classes = [IsAuthenticated]
    serializer_class = RequestSerializer
    pagination_class = CreatedAtCursor

    def listing(self, *, to_answer=False):
        find = queries.listing_to_answer if to_answer else queries.listing_for
        listing = find(self.request.user, self.kwargs["listing"])
        if listing is None:
            raise NotFound
        return listing

    @extend_schema(responses={200: RequestSerializer(many=True), 404: ERRORS[404]})
    def get(self, request, listing):
        page = self.paginate_queryset(queries.requests_on(request.user, self.listing()))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(request=RequestCreateSerializer, responses={201: RequestSerializer, **ERRORS},
                   parameters=[IDEMPOTENCY_KEY_PARAMETER])
    @idempotent(scope="exchange.request")
    def post(self, request, listing):
        data = RequestCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        created = services.send_request(self.listing(to_answer=True), request.user,
                                        message=data.validated_data["message"])
        return Response(self.get_serializer(created).data, status=status.HTTP_201_CREATED)


class RequestLookup(GenericAPIView):
    """Views on one request, found among those the member is part of."""

    permission_classes = [IsAuthenticated]
    serializer_class = RequestSerializer

    def exchange_request(self):
        found = queries.request_for(self.request.user, self.kwargs["pk"])
        if found is None:
            raise NotFound
        return found


class RequestView(RequestLookup):
    """One request, as its two members see it."""

    @extend_schema(responses={200: RequestSerializer, 404: ERRORS[404]})
    def get(self, request, pk):
        return Response(self.get_serializer(self.exchange_request()).data)


def step_view(step, doc, body=None):
    """A POST view applying one step of the flow to a request its user is part of."""

    class StepView(RequestLookup):
        __doc__ = doc

        @extend_schema(request=body, responses={200: RequestSerializer, **ERRORS},
                       operation_id=f"exchange_requests_{step.__name__}")
        def post(self, request, pk):
            arguments = {}
            if body is not None:
                data = body(data=request.data)
                data.is_valid(raise_exception=True)
                arguments = data.validated_data
            done = step(self.exchange_request(), request.user, **arguments)
            return Response(self.get_serializer(done).data)

    StepView.__name__ = f"{step.__name__.title()}View"
    return StepView.as_view()


accept_view = step_view(services.accept, "The listing's owner accepts this request.")
decline_view = step_view(services.decline, "The listing's owner declines this request.")
cancel_view = step_view(services.cancel, "Withdraw a request, or cancel a reservation.",
                        CancelSerializer)
handover_view = step_view(services.hand_over, "The giver marks the item handed over.",
                          HandoverSerializer)
receive_view = step_view(services.receive, "The receiver confirms reception.")
return_view = step_view(services.return_item, "The lender confirms the loan came back.")


class ReportConversationView(RequestLookup):
    """One of the two members reports the conversation: moderators may then read it."""

    @extend_schema(request=ReportSerializer, responses={201: ReportedSerializer, **ERRORS})
    def post(self, request, pk):
        data = ReportSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        report = services.report_conversation(self.exchange_request(), request.user,
                                              **data.validated_data)
        return Response({"id": report.pk, "state": report.state},
                        status=status.HTTP_201_CREATED)


class MessagesView(GenericAPIView):
    """The request's private conversation (text only)."""

    permission_classes = [IsAuthenticated]
    serializer_class = MessageSerializer
    pagination_class = CreatedAtCursor

    def conversation(self):
        found = queries.request_for(self.request.user, self.kwargs["pk"])
        if found is None:
            raise NotFound
        return found

    @extend_schema(responses={200: MessageSerializer(many=True), 404: ERRORS[404]})
    def get(self, request, pk):
        page = self.paginate_queryset(queries.messages_of(request.user, self.conversation()))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(request=MessageSerializer, responses={201: MessageSerializer, **ERRORS},
                   parameters=[IDEMPOTENCY_KEY_PARAMETER])
    @idempotent(scope="exchange.message")
    def post(self, request, pk):
        data = self.get_serializer(data=request.data)
        data.is_valid(raise_exception=True)
        message = services.post_message(self.conversation(), request.user,
                                        body=data.validated_data["body"])
        return Response(self.get_serializer(message).data, status=status.HTTP_201_CREATED)


class ThanksView(MessagesView):
    """Thanks left after the hand-over, by either member."""

    serializer_class = ThanksSerializer

    @extend_schema(responses={200: ThanksSerializer(many=True), 404: ERRORS[404]})
    def get(self, request, pk):
        page = self.paginate_queryset(queries.thanks_of(request.user, self.conversation()))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(request=ThanksSerializer, responses={201: ThanksSerializer, **ERRORS})
    def post(self, request, pk):
        data = self.get_serializer(data=request.data)
        data.is_valid(raise_exception=True)
        thanks = services.thank(self.conversation(), request.user,
                                body=data.validated_data["body"])
        return Response(self.get_serializer(thanks).data, status=status.HTTP_201_CREATED)
