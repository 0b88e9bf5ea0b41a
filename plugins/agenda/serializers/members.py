"""A member's own agenda data in and out: saved needs and calendar feed addresses."""
from rest_framework import serializers

from plugins.agenda.models import FEATURES, AccessNeeds, FeedToken


class NeedsSerializer(serializers.ModelSerializer):
    class Meta:
        model = AccessNeeds
        fields = [*FEATURES, "accessibility_notes", "updated_at"]
        read_only_fields = ["updated_at"]


class FeedSerializer(serializers.ModelSerializer):
    class Meta:
        model = FeedToken
        fields = ["id", "created_at", "revoked_at"]
        read_only_fields = fields


class NewFeedSerializer(FeedSerializer):
    """Given once, at creation: the token is not stored and cannot be shown again."""

    token = serializers.CharField(read_only=True)
    url = serializers.CharField(read_only=True)

    class Meta(FeedSerializer.Meta):
        fields = ["id", "token", "url", "created_at", "revoked_at"]
        read_only_fields = fields
