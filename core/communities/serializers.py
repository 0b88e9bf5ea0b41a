"""JSON shapes of communities, of a member's own membership and of member lists."""
from django.conf import settings
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.api.fields import BoundedDateTimeField
from core.communities.models import Community, CommunityBan, Membership
from core.identity.fields import HandleField
from core.identity.serializers import ConditionSerializer


class OwnMembershipSerializer(serializers.ModelSerializer):
    """The viewer's own membership: only ever shown to that member."""

    class Meta:
        model = Membership
        fields = ["status", "role", "shown_on_profile", "joined_at", "created_at"]
        read_only_fields = ["status", "role", "joined_at", "created_at"]


class ViewerMembershipSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Membership.Status.choices)
    role = serializers.ChoiceField(choices=Membership.Role.choices)


def shown_member_count(count: int):
    """The active member count as published: null below the smallest publishable group."""
    return count if count >= settings.STENT_MIN_GROUP_SIZE else None


def viewer_membership(status: str | None, role: str | None):
    """The viewer's own membership as shown to them, None when they have none."""
    return {"status": status, "role": role} if status else None


class CommunitySerializer(serializers.ModelSerializer):
    conditions = ConditionSerializer(many=True, read_only=True, source="listed_conditions")
    associations = serializers.SerializerMethodField(
        help_text="handles of the associations animating the community")
    member_count = serializers.SerializerMethodField(
        help_text="active members; null while fewer than the smallest publishable group")
    membership = serializers.SerializerMethodField(
        help_text="the viewer's own membership, null if none")

    class Meta:
        model = Community
        fields = ["id", "name", "slug", "description", "language", "visibility",
                  "joining_policy", "conditions", "associations", "member_count", "membership", "created_at"]
        read_only_fields = fields

    def get_associations(self, community) -> list[str]:
        return [association.profile.handle for association in community.associations.all()]

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_member_count(self, community):
        return shown_member_count(community.active_member_count)

    @extend_schema_field(ViewerMembershipSerializer(allow_null=True))
    def get_membership(self, community):
        return viewer_membership(community.viewer_status, community.viewer_role)


class CommunityMemberSerializer(serializers.ModelSerializer):
    handle = serializers.CharField(source="member.profile.handle")
    display_name = serializers.CharField(
        source="shown_display_name", default=None, allow_null=True,
        help_text="null unless the member shows their display name to the viewer")

    class Meta:
        model = Membership
        fields = ["handle", "display_name", "role", "joined_at"]
        read_only_fields = fields


class JoinRequestSerializer(serializers.ModelSerializer):
    handle = serializers.CharField(source="member.profile.handle")
    requested_at = serializers.DateTimeField(source="created_at")

    class Meta:
        model = Membership
        fields = ["handle", "requested_at"]
        read_only_fields = fields


class HandleSerializer(serializers.Serializer):
    handle = HandleField(missing_is_404=True, help_text="the member concerned")


class BanRequestSerializer(HandleSerializer):
    until = BoundedDateTimeField(required=False, allow_null=True, default=None,
                                 help_text="when the ban ends; null: until it is lifted")
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True,
                                   default="", help_text="told to the banned member")


class BanSerializer(serializers.ModelSerializer):
    handle = serializers.CharField(source="member.profile.handle")

    class Meta:
        model = CommunityBan
        fields = ["handle", "until", "reason", "created_at"]


class MembershipVisibilitySerializer(serializers.Serializer):
    shown_on_profile = serializers.BooleanField(
        help_text="show my membership in the member list and on my profile")
