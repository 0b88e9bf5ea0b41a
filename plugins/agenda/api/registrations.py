"""Registrations of one event: register (with companions), one's own, the organiser's list and
decisions, who else comes, the waiting list."""
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.idempotency import IDEMPOTENCY_KEY_PARAMETER, idempotent
from core.api.pagination import StentCursorPagination
from core.errors import NotFound
from plugins.agenda import queries
from plugins.agenda.api.events import valid
from plugins.agenda.api.schema import OCCURRENCE_PARAMETER, errors
from plugins.agenda.models import Registration
from plugins.agenda.permissions import IsOrganiser
from plugins.agenda.serializers.registrations import (MyRegistrationSerializer,
                                                      OrganiserRegistrationSerializer,
                                                      ParticipantSerializer,
                                                      RegisterSerializer,
                                                      RegistrationChangeSerializer,
                                                      WaitingPlaceSerializer)
from plugins.agenda.services import registrations as services


class RegistrationPagination(StentCursorPagination):
    ordering = ("created_at", "id")


class WaitingPagination(StentCursorPagination):
    ordering = ("position",)


class EventScopedMixin:
    """The event of the URL, read through visible_to: a 404 for anyone who may not see it."""

    def event(self):
        if not hasattr(self, "_event"):
            self._event = queries.event_for(self.request.user, self.kwargs["event"])
        return self._event

    def occurrence(self, *, required=True):
        """The date of ``?occurrence=`` when the event registers per occurrence, else None."""
        return queries.occurrence_named(self.event(), self.request.query_params.get("occurrence"),
                                        required=required)


class RegistrationListView(EventScopedMixin, ListAPIView):
    """GET (organiser): every live registration with the needs shared. POST: register."""

    serializer_class = OrganiserRegistrationSerializer
    pagination_class = RegistrationPagination

    def get_permissions(self):
        if self.request.method == "GET":
            return [IsAuthenticated(), IsOrganiser()]
        return [IsAuthenticated()]

    def get_queryset(self):
        event = self.event()
        self.check_object_permissions(self.request, event)
        return queries.participants_for(event, self.request.user,
                                        self.occurrence(required=False)).select_related(
            "member__profile")

    @extend_schema(parameters=[OCCURRENCE_PARAMETER],
                   responses={200: OrganiserRegistrationSerializer(many=True),
                              **errors(400, 401, 403, 404)})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(request=RegisterSerializer, parameters=[IDEMPOTENCY_KEY_PARAMETER],
                   responses={201: MyRegistrationSerializer, **errors(400, 401, 403, 404, 409)})
    @idempotent(scope="agenda.register")
    def post(self, request, event):
        data = valid(RegisterSerializer, request)
        registration = services.register(self.event(), request.user, **data)
        return Response(MyRegistrationSerializer(registration).data,
                        status=status.HTTP_201_CREATED)


class ParticipantListView(EventScopedMixin, ListAPIView):
    """Other confirmed participants who chose to be shown (only to confirmed participants)."""

    permission_classes = [IsAuthenticated]
    serializer_class = ParticipantSerializer
    pagination_class = RegistrationPagination

    def get_queryset(self):
        event = self.event()
        return (queries.participants_for(event, self.request.user, self.occurrence())
                .filter(status="confirmed", shown_to_participants=True)
                .select_related("member__profile"))

    @extend_schema(parameters=[OCCURRENCE_PARAMETER],
                   responses={200: ParticipantSerializer(many=True), **errors(400, 401, 404)})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class OwnRegistrationMixin(EventScopedMixin):
    permission_classes = [IsAuthenticated]

    def mine(self):
        registration = queries.registration_of(self.event(), self.request.user,
                                               self.occurrence())
        if registration is None:
            raise NotFound()
        return registration


class MyRegistrationView(OwnRegistrationMixin, APIView):
    """The member's own registration: read it, change what others see, cancel it."""

    @extend_schema(parameters=[OCCURRENCE_PARAMETER],
                   responses={200: MyRegistrationSerializer, **errors(400, 401, 404)})
    def get(self, request, event):
        return Response(MyRegistrationSerializer(self.mine()).data)

    @extend_schema(request=RegistrationChangeSerializer, parameters=[OCCURRENCE_PARAMETER],
                   responses={200: MyRegistrationSerializer, **errors(400, 401, 403, 404)})
    def patch(self, request, event):
        data = valid(RegistrationChangeSerializer, request)
        registration = services.change_visibility(self.mine(), request.user, **data)
        return Response(MyRegistrationSerializer(registration).data)

    @extend_schema(parameters=[OCCURRENCE_PARAMETER],
                   responses={200: MyRegistrationSerializer, **errors(400, 401, 404, 409)})
    def delete(self, request, event):
        """Cancel the registration, or leave the waiting list."""
        return Response(MyRegistrationSerializer(services.cancel_registration(self.mine())).data)


class ConfirmOfferView(OwnRegistrationMixin, APIView):
    @extend_schema(request=None, parameters=[OCCURRENCE_PARAMETER],
                   responses={200: MyRegistrationSerializer, **errors(400, 401, 404, 409, 410)})
    def post(self, request, event):
        """Take the place offered from the waiting list, before the offer expires."""
        return Response(MyRegistrationSerializer(services.confirm_offer(self.mine())).data)


class DecisionView(EventScopedMixin, APIView):
    """The organiser approves or refuses a registration awaiting approval."""

    permission_classes = [IsAuthenticated, IsOrganiser]
    approve = True

    @extend_schema(request=None, responses={200: OrganiserRegistrationSerializer,
                                            **errors(401, 403, 404, 409)})
    def post(self, request, event, registration):
        event = self.event()
        self.check_object_permissions(request, event)
        target = Registration.objects.filter(event=event, pk=registration).first()
        if target is None:
            raise NotFound()
        decided = services.decide(target, approve=self.approve)
        return Response(OrganiserRegistrationSerializer(decided).data)


class RefuseView(DecisionView):
    approve = False


class WaitingListView(EventScopedMixin, ListAPIView):
    """The organiser sees the whole line; a member sees their own place. DELETE: leave it."""

    permission_classes = [IsAuthenticated]
    serializer_class = WaitingPlaceSerializer
    pagination_class = WaitingPagination

    def get_queryset(self):
        return queries.waiting_list_for(self.event(), self.request.user,
                                        self.occurrence()).select_related("member__profile")

    @extend_schema(parameters=[OCCURRENCE_PARAMETER],
                   responses={200: WaitingPlaceSerializer(many=True), **errors(400, 401, 404)})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(parameters=[OCCURRENCE_PARAMETER],
                   responses={200: MyRegistrationSerializer, **errors(400, 401, 404, 409)})
    def delete(self, request, event):
        mine = queries.waiting_list_for(self.event(), request.user, self.occurrence()).filter(
            member=request.user).first()
        if mine is None:
            raise NotFound()
        return Response(MyRegistrationSerializer(services.cancel_registration(mine)).data)
