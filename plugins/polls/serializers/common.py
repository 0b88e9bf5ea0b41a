"""Serializer pieces shared by polls and surveys: the community field, error bodies."""
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.communities.models import Community

NOT_YOUR_COMMUNITY = _("Choose one of the communities you belong to.")


def community_field(**kwargs):
    # One message for an unknown community and one the author is not in: no existence leak.
    return serializers.SlugRelatedField(
        slug_field="slug", queryset=Community.objects.all(), required=False, allow_null=True,
        error_messages={"does_not_exist": NOT_YOUR_COMMUNITY}, **kwargs)


class PollsDetailSerializer(serializers.Serializer):
    detail = serializers.CharField()
