"""The circle endpoints of /me/: whom I invited, who invited me; inviting, answering, leaving."""
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.lean import LeanListMixin
from core.identity import circles
from core.identity.models import CircleMembership
from core.identity.serializers import CircleInvitationSerializer, CircleLinkSerializer

DIRECTIONS = {"sent": "owner", "received": "member"}


def link_data(member, link) -> dict:
    """A link as the circle list shows it to ``member``."""
    return CircleLinkSerializer(circles.links_of(member).get(pk=link.pk)).data


class CircleView(LeanListMixin, generics.ListCreateAPIView):
    """My circle, both ways: whom I invited, who invited me; and inviting someone."""

    permission_classes = [IsAuthenticated]
    serializer_class = CircleLinkSerializer
    ordering = "-created_at"

    def get_queryset(self):
        me = self.request.user
        links = circles.links_of(me)
        direction = self.request.query_params.get("direction")
        if direction:
            if direction not in DIRECTIONS:
                raise ValidationError({"direction": [_("Expected sent or received.")]})
            links = links.filter(**{DIRECTIONS[direction]: me})
        wanted_status = self.request.query_params.get("status")
        if wanted_status:
            if wanted_status not in CircleMembership.Status.values:
                raise ValidationError({"status": [
                    _("Expected one of %(values)s.")
                    % {"values": ", ".join(CircleMembership.Status.values)}]})
            links = links.filter(status=wanted_status)
        return links

    @extend_schema(parameters=[
        OpenApiParameter("direction", str, enum=list(DIRECTIONS)),
        OpenApiParameter("status", str, enum=CircleMembership.Status.values),
    ])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=CircleInvitationSerializer,
        responses={201: CircleLinkSerializer, 403: OpenApiResponse(description="Blocked."),
                   404: OpenApiResponse(description="No member has this handle."),
                   409: OpenApiResponse(description="Already invited.")},
    )
    def post(self, request):
        invitation = CircleInvitationSerializer(data=request.data)
        invitation.is_valid(raise_exception=True)
        link = circles.invite(request.user, **invitation.validated_data)
        return Response(link_data(request.user, link), status=status.HTTP_201_CREATED)


class CircleAnswerView(APIView):
    """The invitee accepts or declines an invitation into another member's circle."""

    permission_classes = [IsAuthenticated]
    accept = True

    @extend_schema(request=None, responses={200: CircleLinkSerializer, 409: OpenApiResponse(
        description="Already answered.")})
    def post(self, request, handle):
        link = circles.answer(request.user, handle, accept=self.accept)
        return Response(link_data(request.user, link))


class CircleLinkView(APIView):
    """Ending a link of my circle: leaving theirs (received) or removing from mine (sent)."""

    permission_classes = [IsAuthenticated]
    end_link = None  # circles.leave or circles.remove, given by the URL

    @extend_schema(responses={204: None, 404: OpenApiResponse(description="No such link.")})
    def delete(self, request, handle):
        self.end_link(request.user, handle)
        return Response(status=status.HTTP_204_NO_CONTENT)
