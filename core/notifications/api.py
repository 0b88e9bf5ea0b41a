"""The member's notifications and e-mail preferences, under /api/v1/me/."""
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.lean import LeanListMixin
from core.api.pagination import StentCursorPagination
from core.notifications import services
from core.notifications.models import Notification
from core.notifications.serializers import (MarkedReadSerializer, NotificationSerializer,
                                            PreferenceSerializer, target_of)


class InboxPagination(StentCursorPagination):
    ordering = ("-created_at", "-id")


@extend_schema(parameters=[OpenApiParameter("unread", bool, description="only unread ones")])
class NotificationListView(LeanListMixin, generics.ListAPIView):
    """The member's notifications, newest first (a lean list)."""

    serializer_class = NotificationSerializer
    permission_classes = [IsAuthenticated]
    pagination_class = InboxPagination
    computed_fields = ("target", "unread")
    source_columns = ("target_type_id", "target_id")

    def complete_rows(self, rows):
        for row in rows:
            row["target"] = target_of(row["target_type_id"], row["target_id"])
            row["unread"] = row["read_at"] is None

    def get_queryset(self):
        notifications = Notification.objects.filter(recipient=self.request.user)
        if self.request.query_params.get("unread", "").lower() in {"1", "true", "yes"}:
            notifications = notifications.filter(read_at__isnull=True)
        return notifications


class NotificationReadView(APIView):
    """Mark one of the member's notifications read (idempotent)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses=NotificationSerializer)
    def post(self, request, pk):
        notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
        return Response(NotificationSerializer(services.mark_read(notification)).data)


class NotificationReadAllView(APIView):
    """Mark every unread notification of the member read."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses=MarkedReadSerializer)
    def post(self, request):
        return Response({"marked": services.mark_all_read(request.user)})


class NotificationPreferencesView(APIView):
    """Which notification kinds the member receives by e-mail (security ones always)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=PreferenceSerializer(many=True))
    def get(self, request):
        return Response(PreferenceSerializer(services.preferences_of(request.user),
                                             many=True).data)

    @extend_schema(request=PreferenceSerializer(many=True),
                   responses=PreferenceSerializer(many=True))
    def patch(self, request):
        choices = PreferenceSerializer(data=request.data, many=True)
        choices.is_valid(raise_exception=True)
        preferences = services.set_preferences(request.user, choices.validated_data)
        return Response(PreferenceSerializer(preferences, many=True).data)
