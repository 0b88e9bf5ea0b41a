"""Serializers of profiles: the owner's full view (/me/) and what another viewer may see."""
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.identity.handles import handle_refusal
from core.identity.models import CircleMembership, Condition, Profile, VerificationRequest
from core.identity.validators import validate_handle
from core.privacy.audiences import Audience
from core.privacy.registry import provided


class ConditionSerializer(serializers.ModelSerializer):
    """A condition named in the reader's language (the request's)."""

    name = serializers.SerializerMethodField()

    class Meta:
        model = Condition
        fields = ["slug", "name"]

    @extend_schema_field(serializers.CharField())
    def get_name(self, condition) -> str:
        return condition.name_in(get_language())


FieldAudiencesSerializer = type("FieldAudiencesSerializer", (serializers.Serializer,), {
    field: serializers.ChoiceField(choices=Audience.choices, required=False,
                                   help_text=f"Who may see `{field}`.")
    for field in Profile.AUDIENCED_FIELDS
})


class AvatarUrlMixin:
    """The avatar's address is the API endpoint that checks the viewer's right to see it.

    ``?v=`` changes with each upload (the stored file's random name), so a client may cache
    the image under that address.
    """

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_avatar(self, profile):
        if not profile.avatar:
            return None
        url = reverse("member-avatar", args=[profile.handle])
        version = profile.avatar.name.rsplit("/", 1)[-1].split(".", 1)[0]
        return self.context["request"].build_absolute_uri(f"{url}?v={version}")


class MeSerializer(AvatarUrlMixin, serializers.ModelSerializer):
    """The owner's own profile and privacy settings; the only place the e-mail appears."""

    email = serializers.EmailField(source="user.email", read_only=True)
    avatar = serializers.SerializerMethodField()
    verified = serializers.BooleanField(source="is_verified", read_only=True)
    conditions = serializers.SlugRelatedField(
        many=True, slug_field="slug", queryset=Condition.objects.all(), required=False,
        help_text="Slugs from GET /api/v1/conditions/.")
    field_audiences = FieldAudiencesSerializer(required=False)

    class Meta:
        model = Profile
        fields = ["handle", "email", "display_name", "real_name", "bio", "avatar", "kind",
                  "conditions", "language", "region", "verified", "audience", "default_audience",
                  "field_audiences", "created_at"]
        read_only_fields = ["created_at"]
        # validate_handle says the length rule too: one message, not two.
        extra_kwargs = {"handle": {"validators": [validate_handle]}}

    def validate_handle(self, handle):
        refusal = handle_refusal(handle, exclude_user=self.instance.user)
        if refusal:
            raise serializers.ValidationError(refusal)
        return handle

    def to_representation(self, profile):
        data = super().to_representation(profile)
        data["field_audiences"] = {field: profile.field_audience(field)
                                   for field in Profile.AUDIENCED_FIELDS}
        return data


class ShownCommunitySerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class MemberSerializer(AvatarUrlMixin, serializers.ModelSerializer):
    """Another member's profile: only the fields the viewer may see are present.

    ``handle`` is always there; ``verified`` goes with ``kind`` (the badge tells the kind).
    """

    avatar = serializers.SerializerMethodField()
    verified = serializers.BooleanField(source="is_verified", read_only=True)
    conditions = serializers.SlugRelatedField(many=True, slug_field="slug", read_only=True)
    communities = serializers.SerializerMethodField(help_text=gettext_lazy(
        "The communities the member chose to show on their profile (slug and name)."))

    class Meta:
        model = Profile
        fields = ["handle", "display_name", "real_name", "bio", "avatar", "kind", "verified",
                  "conditions", "language", "region", "communities"]
        read_only_fields = fields

    def to_representation(self, profile):
        data = super().to_representation(profile)
        shown = self.context["profile_view"]
        hidden = {field for field in Profile.AUDIENCED_FIELDS if not shown.shows(field)}
        if "kind" in hidden:
            hidden.add("verified")
        return {key: value for key, value in data.items() if key not in hidden}


    @extend_schema_field(ShownCommunitySerializer(many=True))
    def get_communities(self, profile) -> list[dict]:
        # Shown to whoever may see the profile: the member chose to show them there.
        return provided("shown_communities", profile.user)


class VerificationRequestSerializer(serializers.ModelSerializer):
    document = serializers.FileField(write_only=True, help_text="PDF, JPEG, PNG or WebP.")

    class Meta:
        model = VerificationRequest
        fields = ["id", "registry", "registry_number", "document", "state", "reason",
                  "created_at", "reviewed_at"]
        read_only_fields = ["id", "state", "reason", "created_at", "reviewed_at"]


class AvatarUploadSerializer(serializers.Serializer):
    avatar = serializers.FileField(help_text="JPEG, PNG or WebP; re-encoded without metadata.")


class AvatarSerializer(AvatarUrlMixin, serializers.Serializer):
    avatar = serializers.SerializerMethodField()


class CircleLinkSerializer(serializers.ModelSerializer):
    """One link of my circle, seen from my side (rows of ``circles.links_of(me)``)."""

    handle = serializers.CharField(source="other_handle", read_only=True,
                                   help_text=gettext_lazy("The other member's handle."))
    direction = serializers.ChoiceField(
        choices=["sent", "received"], read_only=True,
        help_text=gettext_lazy("sent: I invited them into my circle; received: they invited me."))
    invited_at = serializers.DateTimeField(source="created_at", read_only=True)
    answered_at = serializers.DateTimeField(source="responded_at", read_only=True,
                                            allow_null=True)

    class Meta:
        model = CircleMembership
        fields = ["handle", "direction", "relation", "status", "invited_at", "answered_at"]
        read_only_fields = fields


class CircleInvitationSerializer(serializers.Serializer):
    handle = serializers.CharField(max_length=64, help_text=gettext_lazy("the member to invite"))
    relation = serializers.ChoiceField(choices=CircleMembership.Relation.choices)
