"""The exchange's JSON shapes. A listing shows an approximate area only: region and prefix."""
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.communities.models import Community
from core.moderation.models import Report
from plugins.exchange.models import (Category, Condition, ExchangeRequest, Listing,
                                     ListingPhoto, Message, Thanks)

LISTED_FIELDS = ("id", "kind", "mode", "title", "category", "condition", "region",
                 "postal_prefix", "pick_up", "delivery", "shipping", "status", "owner",
                 "published_at", "expires_at")


class CategorySerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    name = serializers.CharField(read_only=True)
    safety_notice = serializers.CharField(read_only=True)

    class Meta:
        model = Category
        fields = ("slug", "name", "parent", "forbidden", "safety_notice")


class PhotoSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = ListingPhoto
        fields = ("id", "url", "created_at")

    def get_url(self, photo) -> str:
        return f"/api/v1/exchange/listings/{photo.listing_id}/photos/{photo.pk}/"


class PhotoUploadSerializer(serializers.Serializer):
    image = serializers.FileField()


class ListingSerializer(serializers.ModelSerializer):
    """A listing in full; its owner's handle, never more about them than the area."""

    category = serializers.SlugRelatedField(slug_field="slug", queryset=Category.objects.all())
    community = serializers.SlugRelatedField(slug_field="slug", queryset=Community.objects.all(),
                                             required=False, allow_null=True)
    owner = serializers.CharField(source="owner.profile.handle", read_only=True, default=None,
                                   allow_null=True)
    safety_notice = serializers.CharField(source="category.safety_notice", read_only=True)
    under_review = serializers.SerializerMethodField()
    photos = PhotoSerializer(many=True, read_only=True)
    condition = serializers.ChoiceField(choices=Condition.choices, required=False,
                                        allow_blank=True)

    class Meta:
        model = Listing
        fields = ("id", "kind", "mode", "title", "description", "category", "safety_notice",
                  "condition", "width_cm", "depth_cm", "height_cm", "weight_kg", "region",
                  "postal_prefix", "pick_up", "delivery", "shipping", "cleaning_declared",
                  "loan_days", "audience", "community", "status", "owner", "published_at",
                  "expires_at", "under_review", "photos")
        read_only_fields = ("status", "published_at", "expires_at")

    def get_under_review(self, listing) -> bool:
        return listing.hidden_at is not None


class ListingListSerializer(serializers.ModelSerializer):
    """A row of the listings list: plain columns only (read leanly from ``.values()``)."""

    category = serializers.CharField(source="category.slug")
    owner = serializers.CharField(source="owner.profile.handle", allow_null=True)
    # Stored values as they are: plain fields need no per-row conversion in the lean list.
    kind = serializers.CharField(help_text="offer or request")
    mode = serializers.CharField(help_text="give or lend")
    condition = serializers.CharField(help_text="new, like_new, good, worn or empty")
    status = serializers.CharField(help_text="available or reserved (others: owner only)")

    class Meta:
        model = Listing
        fields = LISTED_FIELDS


class RequestCreateSerializer(serializers.Serializer):
    message = serializers.CharField(max_length=1000)


class RequestSerializer(serializers.ModelSerializer):
    """A request as its two members see it."""

    listing = serializers.UUIDField(source="listing_id", read_only=True)
    member = serializers.CharField(source="owner.profile.handle", read_only=True, default=None,
                                   allow_null=True)

    class Meta:
        model = ExchangeRequest
        fields = ("id", "listing", "member", "message", "status", "cancel_reason", "return_by",
                  "created_at", "accepted_at", "handed_over_at", "received_at", "returned_at")
        read_only_fields = fields


class CancelSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class HandoverSerializer(serializers.Serializer):
    return_by = serializers.DateField(required=False, allow_null=True, default=None)


class ReportSerializer(serializers.Serializer):
    reason = serializers.ChoiceField(choices=Report.Reason.choices)
    comment = serializers.CharField(max_length=2000, required=False, allow_blank=True,
                                    default="")


class ReportedSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    state = serializers.CharField()


class MessageSerializer(serializers.ModelSerializer):
    author = serializers.CharField(source="owner.profile.handle", read_only=True, default=None,
                                   allow_null=True)

    class Meta:
        model = Message
        fields = ("id", "author", "body", "created_at")
        read_only_fields = ("id", "author", "created_at")
        extra_kwargs = {"body": {"max_length": 2000}}


class ThanksSerializer(serializers.ModelSerializer):
    author = serializers.CharField(source="owner.profile.handle", read_only=True, default=None,
                                   allow_null=True)

    class Meta:
        model = Thanks
        fields = ("id", "author", "body", "created_at")
        read_only_fields = ("id", "author", "created_at")


class GiverProfileSerializer(serializers.Serializer):
    handle = serializers.CharField(read_only=True)
    given = serializers.IntegerField(read_only=True, allow_null=True, help_text=_(
        "Items handed over; null unless the member chose to show it."))
    show_given_count = serializers.BooleanField()


class FigureSerializer(serializers.Serializer):
    value = serializers.IntegerField(allow_null=True)
    suppressed = serializers.BooleanField()


class StatsRowSerializer(serializers.Serializer):
    key = serializers.CharField()
    given = FigureSerializer()
    lent = FigureSerializer()


class StatsSerializer(serializers.Serializer):
    given = FigureSerializer()
    lent = FigureSerializer()
    by_category = StatsRowSerializer(many=True)
    by_region = StatsRowSerializer(many=True)
    minimum_group_size = serializers.IntegerField()
