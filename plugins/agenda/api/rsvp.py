"""RSVP to an open event: one's answer, and the counts (small groups suppressed)."""
from drf_spectacular.utils import extend_schema
from rest_framework.permissions import SAFE_METHODS, AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from plugins.agenda import queries
from plugins.agenda.api.events import valid
from plugins.agenda.api.registrations import EventScopedMixin
from plugins.agenda.api.schema import errors
from plugins.agenda.reports import rsvp_counts
from plugins.agenda.serializers.registrations import RsvpSerializer, RsvpStateSerializer
from plugins.agenda.services import rsvp as services


class RsvpView(EventScopedMixin, APIView):
    def get_permissions(self):
        return [AllowAny()] if self.request.method in SAFE_METHODS else [IsAuthenticated()]

    def state(self):
        event = self.event()
        mine = queries.rsvp_of(event, self.request.user)
        return Response(RsvpStateSerializer({"mine": mine.answer if mine else None,
                                             "counts": rsvp_counts(event)}).data)

    @extend_schema(responses={200: RsvpStateSerializer, **errors(404)})
    def get(self, request, event):
        return self.state()

    @extend_schema(request=RsvpSerializer,
                   responses={200: RsvpStateSerializer, **errors(400, 401, 404, 409)})
    def put(self, request, event):
        """Answer going, maybe or not going (again to change it)."""
        data = valid(RsvpSerializer, request)
        services.answer(self.event(), request.user, data["answer"])
        return self.state()

    @extend_schema(responses={200: RsvpStateSerializer, **errors(401, 404)})
    def delete(self, request, event):
        services.withdraw(self.event(), request.user)
        return self.state()
