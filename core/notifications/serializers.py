"""JSON shapes of notifications and notification preferences."""
from django.contrib.contenttypes.models import ContentType
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.notifications.models import Notification


class NotificationTargetSerializer(serializers.Serializer):
    type = serializers.CharField(help_text="app_label.model of what the notification is about")
    id = serializers.CharField()


def target_of(target_type_id, target_id):
    """What a notification is about, as the API shows it (None for nothing)."""
    if target_type_id is None:
        return None
    # get_for_id is cached process-wide: no query per row.
    content_type = ContentType.objects.get_for_id(target_type_id)
    return {"type": f"{content_type.app_label}.{content_type.model}", "id": target_id}


class NotificationSerializer(serializers.ModelSerializer):
    target = serializers.SerializerMethodField()
    unread = serializers.SerializerMethodField()

    class Meta:
        model = Notification
        fields = ["id", "kind", "title", "body", "url", "target", "unread", "read_at",
                  "created_at"]
        read_only_fields = fields

    def get_unread(self, notification) -> bool:
        return notification.read_at is None

    @extend_schema_field(NotificationTargetSerializer(allow_null=True))
    def get_target(self, notification):
        return target_of(notification.target_type_id, notification.target_id)


class MarkedReadSerializer(serializers.Serializer):
    marked = serializers.IntegerField(help_text="how many notifications were marked read")


class PreferenceSerializer(serializers.Serializer):
    kind = serializers.CharField()
    label = serializers.CharField(read_only=True)
    security = serializers.BooleanField(read_only=True,
                                        help_text="security kinds are always e-mailed")
    email = serializers.BooleanField()
