"""The member's own agenda data: saved access needs, calendar feed addresses."""
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.pagination import StentCursorPagination
from core.errors import NotFound
from plugins.agenda.api.events import valid
from plugins.agenda.api.schema import errors
from plugins.agenda.models import FeedToken
from plugins.agenda.serializers.members import FeedSerializer, NeedsSerializer, NewFeedSerializer
from plugins.agenda.services import needs as services


class NeedsView(APIView):
    """Your access needs (private; stored with your health-data consent)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses={200: NeedsSerializer, **errors(401, 404)})
    def get(self, request):
        needs = services.needs_of(request.user)
        if needs is None:
            raise NotFound()
        return Response(NeedsSerializer(needs).data)

    @extend_schema(request=NeedsSerializer, responses={200: NeedsSerializer,
                                                       **errors(400, 401, 403)})
    def put(self, request):
        return Response(NeedsSerializer(services.save_needs(
            request.user, **valid(NeedsSerializer, request))).data)

    @extend_schema(responses={204: None, **errors(401)})
    def delete(self, request):
        services.forget_needs(request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class FeedPagination(StentCursorPagination):
    ordering = ("-created_at", "id")


class FeedListView(ListAPIView):
    """GET: your feed addresses (without their tokens). POST: a new one, its token shown once."""

    permission_classes = [IsAuthenticated]
    serializer_class = FeedSerializer
    pagination_class = FeedPagination

    def get_queryset(self):
        return FeedToken.objects.filter(member=self.request.user)

    @extend_schema(responses={200: FeedSerializer(many=True), **errors(400, 401)})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(request=None, responses={201: NewFeedSerializer, **errors(401)})
    def post(self, request):
        feed, token = services.create_feed_token(request.user)
        feed.token = token
        feed.url = request.build_absolute_uri(reverse("agenda:feed", args=[token]))
        return Response(NewFeedSerializer(feed).data, status=status.HTTP_201_CREATED)


class FeedRevokeView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses={204: None, **errors(401, 404)})
    def delete(self, request, feed):
        """Revoke a feed address: it answers 404 from now on."""
        services.revoke_feed_token(request.user, feed)
        return Response(status=status.HTTP_204_NO_CONTENT)
