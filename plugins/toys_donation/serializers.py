"""Serializers of the toys_donation API: what goes in, what comes out (lists stay plain for
LeanListMixin; computed fields are filled by the views)."""
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.identity.fields import HandleField
from core.money import MoneySerializer
from plugins.toys_donation.models import (DeliveryMethod, Institution, InstitutionKind,
                                          ItemCategory, Pledge, Priority,
                                          Purchase, ThanksUpdate, Ward, WishlistItem)


class DetailSerializer(serializers.Serializer):
    detail = serializers.CharField()


class InstitutionSerializer(serializers.ModelSerializer):
    verified = serializers.BooleanField(read_only=True)

    class Meta:
        model = Institution
        fields = ["id", "name", "kind", "city", "region", "verified", "created_at"]
        read_only_fields = ["id", "created_at"]


class InstitutionCreateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    kind = serializers.ChoiceField(choices=InstitutionKind.choices,
                                   default=InstitutionKind.HOSPITAL)
    city = serializers.CharField(max_length=100)
    region = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")


class WardSerializer(serializers.ModelSerializer):
    institution = serializers.UUIDField(source="institution_id", read_only=True)
    institution_name = serializers.CharField(source="institution.name", read_only=True)
    city = serializers.CharField(source="institution.city", read_only=True)
    region = serializers.CharField(source="institution.region", read_only=True)
    delivery_address = serializers.CharField(
        read_only=True, allow_null=True,
        help_text=_("Only for the ward's managers and donors with an active pledge; else null."))
    is_manager = serializers.BooleanField(read_only=True)

    class Meta:
        model = Ward
        fields = ["id", "institution", "institution_name", "city", "region", "name",
                  "accepts_dropoff", "accepts_shipping", "wishlist_open", "impact_public",
                  "delivery_address", "is_manager", "created_at"]


class WardWriteSerializer(serializers.Serializer):
    institution = serializers.UUIDField()
    name = serializers.CharField(max_length=200)
    delivery_address = serializers.CharField(max_length=1000)
    accepts_dropoff = serializers.BooleanField(default=True)
    accepts_shipping = serializers.BooleanField(default=True)
    wishlist_open = serializers.BooleanField(default=True)
    impact_public = serializers.BooleanField(default=False)


class WardUpdateSerializer(WardWriteSerializer):
    institution = None

    def __init__(self, *args, **kwargs):
        kwargs["partial"] = True
        super().__init__(*args, **kwargs)


class ManagerSerializer(serializers.Serializer):
    handle = HandleField()


class ItemSerializer(serializers.ModelSerializer):
    ward = serializers.UUIDField(source="ward_id", read_only=True)
    quantity_remaining = serializers.IntegerField(source="remaining", read_only=True)

    class Meta:
        model = WishlistItem
        fields = ["id", "ward", "title", "category", "age_min", "age_max", "quantity_needed",
                  "quantity_pledged", "quantity_received", "quantity_remaining", "new_only",
                  "washable", "no_soft_toys", "notes", "priority", "is_open", "created_at"]


class ItemWriteSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    category = serializers.ChoiceField(choices=ItemCategory.choices, default=ItemCategory.TOY)
    age_min = serializers.IntegerField(min_value=0, max_value=18, default=0)
    age_max = serializers.IntegerField(min_value=0, max_value=18, default=18)
    quantity_needed = serializers.IntegerField(min_value=1, max_value=10000)
    new_only = serializers.BooleanField(default=True)
    washable = serializers.BooleanField(default=False)
    no_soft_toys = serializers.BooleanField(default=False)
    notes = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="")
    priority = serializers.ChoiceField(choices=Priority.choices, default=Priority.NORMAL)
    is_open = serializers.BooleanField(default=True)


class PledgeSerializer(serializers.ModelSerializer):
    """A pledge as its donor sees it."""

    item = serializers.UUIDField(source="item_id", read_only=True)
    item_title = serializers.CharField(source="item.title", read_only=True)
    ward = serializers.UUIDField(source="item.ward_id", read_only=True)
    ward_name = serializers.CharField(source="item.ward.name", read_only=True)

    class Meta:
        model = Pledge
        fields = ["id", "item", "item_title", "ward", "ward_name", "quantity", "method",
                  "status", "show_handle", "message", "expires_at", "sent_at", "received_at",
                  "ended_at", "created_at"]


class WardPledgeSerializer(serializers.ModelSerializer):
    """A pledge as the ward's managers see it: the donor's handle only if the donor agreed."""

    item = serializers.UUIDField(source="item_id", read_only=True)
    item_title = serializers.CharField(source="item.title", read_only=True)
    donor = serializers.CharField(read_only=True, allow_null=True,
                                  help_text=_("The donor's handle, if they agreed; else null."))

    class Meta:
        model = Pledge
        fields = ["id", "item", "item_title", "quantity", "method", "status", "donor",
                  "message", "expires_at", "sent_at", "received_at", "created_at"]


class PledgeCreateSerializer(serializers.Serializer):
    item = serializers.UUIDField()
    quantity = serializers.IntegerField(min_value=1, max_value=10000)
    method = serializers.ChoiceField(choices=DeliveryMethod.choices)
    show_handle = serializers.BooleanField(default=False)
    message = serializers.CharField(max_length=500, required=False, allow_blank=True,
                                    default="")


class ReceiveSerializer(serializers.Serializer):
    thanks = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class ThanksSerializer(serializers.ModelSerializer):
    ward = serializers.UUIDField(source="ward_id", read_only=True)
    ward_name = serializers.CharField(source="ward.name", read_only=True)
    photos = serializers.ListField(child=serializers.CharField(), source="photo_urls",
                                   read_only=True)

    class Meta:
        model = ThanksUpdate
        fields = ["id", "ward", "ward_name", "text", "photos", "created_at"]


class ThanksCreateSerializer(serializers.Serializer):
    ward = serializers.UUIDField()
    text = serializers.CharField(max_length=3000)
    consent_confirmed = serializers.BooleanField(default=False)
    faces_shown = serializers.BooleanField(default=False)
    photos = serializers.ListField(child=serializers.ImageField(), required=False, default=list,
                                   max_length=6)


class FigureSerializer(serializers.Serializer):
    value = serializers.IntegerField(allow_null=True)
    suppressed = serializers.BooleanField()


class MoneyFigureSerializer(serializers.Serializer):
    value = MoneySerializer(many=True, allow_null=True)
    suppressed = serializers.BooleanField()


class ImpactSerializer(serializers.Serializer):
    needed = FigureSerializer()
    pledged = FigureSerializer()
    received = FigureSerializer()
    allocated = MoneyFigureSerializer()
    spent = MoneyFigureSerializer()


class OverallImpactSerializer(ImpactSerializer):
    wards = serializers.IntegerField()


class AllocationTotalSerializer(serializers.Serializer):
    ward = serializers.UUIDField()
    ward_name = serializers.CharField()
    allocated = MoneyFigureSerializer()
    spent = MoneyFigureSerializer()


class PurchaseSerializer(serializers.ModelSerializer):
    ward = serializers.UUIDField(source="ward_id", read_only=True)

    class Meta:
        model = Purchase
        fields = ["id", "ward", "description", "amount", "currency", "purchased_on",
                  "created_at"]


class PurchaseCreateSerializer(serializers.Serializer):
    ward = serializers.UUIDField()
    description = serializers.CharField(max_length=300)
    amount = serializers.IntegerField(min_value=1, max_value=10**9)
    currency = serializers.CharField(min_length=3, max_length=3)
    purchased_on = serializers.DateField()

    def validate_currency(self, value):
        from core.money import is_currency

        if not is_currency(value):
            raise serializers.ValidationError(_("Not an ISO 4217 currency code."))
        return value
