"""Impact figures, and a member's count of items given when they chose to show it."""
from drf_spectacular.utils import extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from core.identity.handles import member_by_handle
from plugins.exchange import queries
from plugins.exchange.api.listings import ERRORS
from plugins.exchange.models import GiverProfile
from plugins.exchange.serializers import GiverProfileSerializer, StatsSerializer
from plugins.exchange.stats import impact_figures


class StatsView(GenericAPIView):
    """Items given and lent, by category and region; small groups hidden."""

    permission_classes = [AllowAny]
    serializer_class = StatsSerializer

    def get(self, request):
        return Response(impact_figures())


def _profile_of(member) -> dict:
    shown = GiverProfile.objects.filter(member=member, show_given_count=True).exists()
    return {"handle": member.profile.handle, "show_given_count": shown,
            "given": queries.given_count(member) if shown else None}


class GiverView(GenericAPIView):
    """How many items a member gave, only if they allow it."""

    permission_classes = [AllowAny]
    serializer_class = GiverProfileSerializer

    @extend_schema(responses={200: GiverProfileSerializer, 404: ERRORS[404]})
    def get(self, request, handle):
        return Response(_profile_of(member_by_handle(handle)))


class MyGiverProfileView(GenericAPIView):
    """The member's own choice to show their count of items given."""

    permission_classes = [IsAuthenticated]
    serializer_class = GiverProfileSerializer

    def get(self, request):
        return Response(_profile_of(request.user))

    @extend_schema(request=GiverProfileSerializer, responses={200: GiverProfileSerializer,
                                                              400: ERRORS[400]})
    def patch(self, request):
        data = self.get_serializer(data=request.data)
        data.is_valid(raise_exception=True)
        GiverProfile.objects.update_or_create(
            member=request.user,
            defaults={"show_given_count": data.validated_data["show_given_count"]})
        return Response(_profile_of(request.user))
