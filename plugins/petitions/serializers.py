"""DRF serializers of petitions, signatures, updates and promoters: lean, no query per row."""
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.api.fields import BoundedDateTimeField
from core.communities.models import Community, Membership
from core.identity.fields import HandleField
from core.images import clean_image
from core.moderation.hidden import HiddenField, HiddenReasonField
from core.privacy.audiences import Audience
from plugins.petitions.models import MAX_GOAL, Petition, PetitionUpdate, Promoter, Signature


COVER_MAX_SIDE = 2400  # pixels: enough for a banner, far less than a camera gives
NOT_YOUR_COMMUNITY = _("Choose one of the communities you belong to.")


class TagListField(serializers.ListField):
    child = serializers.CharField(max_length=100)

    def __init__(self, **kwargs):
        super().__init__(max_length=20, **kwargs)

    def get_attribute(self, petition):
        # The prefetched links (see queries.petitions_for): no query per petition.
        return petition.tagged_items.all()

    def to_representation(self, links):
        return sorted(link.tag.name for link in links)


#: a petition's text: long enough for a full argument, bounded so a body cannot fill the disk
TEXT_MAX_LENGTH = 20000


class PetitionSerializer(serializers.ModelSerializer):
    """A petition, in the detail and in the list alike: the lean list (api.petitions) reads the
    plain fields as columns and computes the others per page from stored columns
    (``PetitionViewSet.computed_fields``), with the same rules as the model's properties."""

    status = serializers.CharField(source="state", read_only=True)
    is_open = serializers.BooleanField(read_only=True)
    percentage = serializers.IntegerField(read_only=True)
    author = serializers.CharField(source="owner.profile.handle", read_only=True,
                                   allow_null=True)
    tags = TagListField(required=False)
    community = serializers.SlugRelatedField(
        slug_field="slug", queryset=Community.objects.all(), required=False, allow_null=True,
        # One message for an unknown community and one the author is not in: no existence leak.
        error_messages={"does_not_exist": NOT_YOUR_COMMUNITY})
    audience = serializers.ChoiceField(choices=Audience.choices, default=Audience.PUBLIC)
    signature_goal = serializers.IntegerField(min_value=1, max_value=MAX_GOAL)
    cover = serializers.ImageField(required=False, allow_null=True, use_url=True)
    viewer_has_signed = serializers.BooleanField(read_only=True, default=False)
    viewer_is_promoter = serializers.BooleanField(read_only=True, default=False)
    hidden = HiddenField()
    hidden_reason = HiddenReasonField()

    class Meta:
        model = Petition
        fields = [
            "id", "slug", "title", "text", "target", "signature_goal", "opens_at", "closes_at",
            "audience", "community", "tags", "cover", "status", "is_open", "signature_count",
            "percentage", "author", "created_at", "submitted_at", "published_at",
            "rejection_reason", "withdrawn_at", "closed_at", "delivered_at", "delivery_method",
            "delivered_to", "answer", "answered_at", "viewer_has_signed", "viewer_is_promoter",
            "hidden", "hidden_reason",
        ]
        read_only_fields = [
            "id", "slug", "signature_count", "created_at", "submitted_at", "published_at",
            "rejection_reason", "withdrawn_at", "closed_at", "delivered_at", "delivery_method",
            "delivered_to", "answer", "answered_at",
        ]
        extra_kwargs = {"text": {"max_length": TEXT_MAX_LENGTH}}

    def validate_community(self, community):
        """A petition is addressed to a community its author belongs to, never from outside."""
        author = self.context["request"].user
        if community is not None and not Membership.community_ids_of(author).filter(
                community_id=community.pk).exists():
            raise serializers.ValidationError(NOT_YOUR_COMMUNITY)
        return community

    def validate_cover(self, upload):
        return clean_image(upload, field="cover", max_side=COVER_MAX_SIDE) if upload else upload

    def validate(self, attrs):
        opens = attrs.get("opens_at", getattr(self.instance, "opens_at", None))
        closes = attrs.get("closes_at", getattr(self.instance, "closes_at", None))
        if closes is not None and closes <= (opens or timezone.now()):
            raise serializers.ValidationError(
                {"closes_at": [_("The deadline must come after the opening date and now.")]})
        community = attrs.get("community", getattr(self.instance, "community", None))
        if attrs.get("audience") == Audience.COMMUNITY and community is None:
            raise serializers.ValidationError(
                {"community": [_("A petition for a community names that community.")]})
        return attrs


class RejectSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class DeliverSerializer(serializers.Serializer):
    delivered_at = BoundedDateTimeField(default=timezone.now)
    delivery_method = serializers.CharField(max_length=200)
    delivered_to = serializers.CharField(max_length=200)

    def validate_delivered_at(self, value):
        if value > timezone.now():
            raise serializers.ValidationError(_("A delivery cannot be in the future."))
        return value


class AnswerSerializer(serializers.Serializer):
    answer = serializers.CharField(max_length=20000)
    answered_at = BoundedDateTimeField(required=False)


class SignSerializer(serializers.Serializer):
    """A member signs; a visitor gives an e-mail address instead (public petitions only)."""

    show_name = serializers.BooleanField(default=False, help_text=Signature._meta.get_field(
        "show_name").help_text)
    show_region = serializers.BooleanField(default=False, help_text=Signature._meta.get_field(
        "show_region").help_text)
    comment = serializers.CharField(max_length=1000, required=False, allow_blank=True,
                                    default="")
    region = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    follows = serializers.BooleanField(default=False)
    email = serializers.EmailField(required=False, help_text=_("Only without an account."))


class SignatureSerializer(serializers.ModelSerializer):
    """The signer's own view of their signature."""

    confirmed = serializers.SerializerMethodField()

    class Meta:
        model = Signature
        fields = ["id", "petition", "show_name", "show_region", "comment", "region", "follows",
                  "confirmed",
                  "created_at"]
        read_only_fields = ["id", "petition", "created_at"]

    def get_confirmed(self, signature) -> bool:
        return signature.confirmed_at is not None


class PublicSignatureSerializer(serializers.ModelSerializer):
    """A named signer as everyone allowed to see the petition sees them."""

    handle = serializers.CharField(source="owner.profile.handle")
    signed_at = serializers.DateTimeField(source="confirmed_at")

    class Meta:
        model = Signature
        fields = ["id", "handle", "comment", "signed_at"]



class ConfirmSerializer(serializers.Serializer):
    token = serializers.CharField(max_length=200)


class DetailSerializer(serializers.Serializer):
    detail = serializers.CharField()


class AlreadySignedSerializer(DetailSerializer):
    # Only when the member had already signed; a petition not open for signatures says why.
    signature = SignatureSerializer(required=False)


class DayCountSerializer(serializers.Serializer):
    date = serializers.DateField()
    count = serializers.IntegerField(allow_null=True, help_text=_(
        "null when the day counts too few signers to be published"))
    suppressed = serializers.BooleanField()


class StatsSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    goal = serializers.IntegerField()
    percentage = serializers.IntegerField()
    milestones_reached = serializers.ListField(child=serializers.IntegerField())
    daily = DayCountSerializer(many=True)


class RegionCountSerializer(serializers.Serializer):
    region = serializers.CharField(help_text=_('"" for signers who gave none; "other" merges '
                                               "regions too small to be shown."))
    count = serializers.IntegerField()


class NamedSignerSerializer(serializers.Serializer):
    handle = serializers.CharField()
    region = serializers.CharField(help_text=_(
        '"" unless the signer chose to give their region next to their handle.'))


class DeliveryPetitionSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    title = serializers.CharField()
    target = serializers.CharField()


class DeliverySerializer(serializers.Serializer):
    petition = DeliveryPetitionSerializer()
    count = serializers.IntegerField()
    counts_by_region = RegionCountSerializer(many=True)
    named_signers = NamedSignerSerializer(many=True)


class PetitionUpdateSerializer(serializers.ModelSerializer):
    author = serializers.CharField(source="owner.profile.handle", read_only=True,
                                   allow_null=True)

    class Meta:
        model = PetitionUpdate
        fields = ["id", "title", "body", "author", "created_at"]
        read_only_fields = ["id", "author", "created_at"]


class PromoterSerializer(serializers.ModelSerializer):
    handle = serializers.CharField(source="member.profile.handle", read_only=True)

    class Meta:
        model = Promoter
        fields = ["handle", "status", "created_at", "accepted_at"]


class InviteSerializer(serializers.Serializer):
    handle = HandleField(help_text=_("The handle of the member to invite."))

