"""DRF serializers of campaigns, tiers, pledges and updates: amounts are integer minor units."""
import functools

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.communities.models import Community
from core.money import MoneySerializer, minor_units
from core.privacy.audiences import Audience
from core.privacy.statistics import min_group_size, suppress
from plugins.crowdfunding.models import (Campaign, CampaignStatus, CampaignUpdate, FundingModel,
                                         Pledge, Tier)

#: Ten million in the currency's major unit at two decimals: beyond any realistic campaign.
MAX_AMOUNT = 1_000_000_000


def amount_field(**kwargs):
    return serializers.IntegerField(min_value=1, max_value=MAX_AMOUNT,
                                    help_text=_("In minor units (cents)."), **kwargs)


class UseOfFundsPartSerializer(serializers.Serializer):
    label = serializers.CharField(max_length=100)
    percent = serializers.IntegerField(min_value=1, max_value=100)


class StretchGoalSerializer(serializers.Serializer):
    amount = amount_field()
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=2000, required=False, allow_blank=True,
                                        default="")


@functools.lru_cache(maxsize=4096)
def _published(count: int, minimum: int):
    return suppress({"count": count}, minimum=minimum)["count"]


def published_count(count: int):
    """A count of people as published: null below the statistics' minimum group size.
    (Memoised: a list page asks for many counts, and suppression is pure.)"""
    return _published(count, min_group_size())


class SuppressedCountField(serializers.IntegerField):
    def to_representation(self, value):
        return published_count(value)


@extend_schema_field(UseOfFundsPartSerializer(many=True))
class UseOfFundsField(serializers.JSONField):
    pass


@extend_schema_field(StretchGoalSerializer(many=True))
class StretchGoalsField(serializers.JSONField):
    pass


def enum_text(choices, name):
    """A read-only text field documented as an enum in the schema (no per-request choice
    mapping: the stored value is the published one)."""
    return extend_schema_field({"type": "string", "enum": [value for value, _label in choices],
                                "title": name})(type(name, (serializers.CharField,), {}))


CampaignStatusField = enum_text(CampaignStatus.choices, "CampaignStatusField")
FundingModelField = enum_text(FundingModel.choices, "FundingModelField")
AudienceField = enum_text(Audience.choices, "AudienceField")


class CampaignSerializer(serializers.Serializer):
    """A campaign as readers see it, lists and detail alike (plain columns: a lean list).

    Declared field by field rather than as a ModelSerializer: a list builds it on every
    request, and model introspection would cost more than the rows."""

    id = serializers.UUIDField(read_only=True)
    slug = serializers.SlugField(read_only=True)
    title = serializers.CharField(read_only=True)
    story = serializers.CharField(read_only=True)
    cover = serializers.ImageField(read_only=True, use_url=True, allow_null=True)
    goal = serializers.IntegerField(read_only=True, help_text=_("In minor units."))
    raised = serializers.IntegerField(read_only=True, help_text=_(
        "The sum of the paid pledges, in minor units."))
    currency = serializers.CharField(read_only=True, help_text=_("ISO 4217 code."))
    percentage = serializers.IntegerField(read_only=True)
    backers = SuppressedCountField(source="backer_count", read_only=True, allow_null=True,
                                   help_text=_("Paid pledges; null below the published "
                                               "statistics' minimum group size."))
    vat_note = serializers.CharField(read_only=True)
    starts_at = serializers.DateTimeField(read_only=True)
    ends_at = serializers.DateTimeField(read_only=True)
    funding_model = FundingModelField(read_only=True)
    use_of_funds = UseOfFundsField(read_only=True)
    stretch_goals = StretchGoalsField(read_only=True)
    status = CampaignStatusField(read_only=True)
    is_open = serializers.BooleanField(read_only=True)
    audience = AudienceField(read_only=True)
    community = serializers.CharField(source="community.slug", read_only=True, allow_null=True)
    owner = serializers.CharField(source="owner.profile.handle", read_only=True,
                                  allow_null=True)
    rejection_reason = serializers.CharField(read_only=True)
    submitted_at = serializers.DateTimeField(read_only=True, allow_null=True)
    approved_at = serializers.DateTimeField(read_only=True, allow_null=True)
    ended_at = serializers.DateTimeField(read_only=True, allow_null=True)
    closed_at = serializers.DateTimeField(read_only=True, allow_null=True)
    created_at = serializers.DateTimeField(read_only=True)


class CampaignWriteSerializer(serializers.ModelSerializer):
    """What an owner sends to create or change a campaign."""

    goal = amount_field()
    currency = serializers.RegexField(r"^[A-Z]{3}$", error_messages={
        "invalid": _("Give an ISO 4217 currency code, such as EUR.")})
    audience = serializers.ChoiceField(choices=Audience.choices, default=Audience.PUBLIC)
    funding_model = serializers.ChoiceField(choices=FundingModel.choices,
                                            default=FundingModel.ALL_OR_NOTHING)
    community = serializers.SlugRelatedField(slug_field="slug", queryset=Community.objects.all(),
                                             required=False, allow_null=True)
    use_of_funds = UseOfFundsPartSerializer(many=True, required=False)
    stretch_goals = StretchGoalSerializer(many=True, required=False)
    cover = serializers.ImageField(required=False, allow_null=True)

    class Meta:
        model = Campaign
        fields = ["title", "story", "cover", "goal", "currency", "vat_note", "starts_at",
                  "ends_at", "funding_model", "use_of_funds", "stretch_goals", "audience",
                  "community"]

    def validate_currency(self, value):
        try:
            minor_units(value)
        except Exception:
            raise serializers.ValidationError(_("Unknown ISO 4217 currency code."))
        return value


class CampaignRejectSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class TierSerializer(serializers.ModelSerializer):
    minimum = MoneySerializer(source="minimum_money", read_only=True)
    remaining = serializers.IntegerField(read_only=True, allow_null=True)
    sold_out = serializers.BooleanField(read_only=True)

    class Meta:
        model = Tier
        fields = ["id", "title", "description", "minimum", "quantity", "remaining", "sold_out",
                  "estimated_delivery", "position", "needs_shipping", "hidden", "reward_kind",
                  "reward_config"]
        read_only_fields = fields


class TierWriteSerializer(serializers.ModelSerializer):
    minimum_amount = amount_field()
    quantity = serializers.IntegerField(min_value=1, max_value=1_000_000, required=False,
                                        allow_null=True)
    position = serializers.IntegerField(min_value=0, max_value=10_000, required=False)
    reward_kind = serializers.CharField(max_length=100, required=False, allow_blank=True)
    reward_config = serializers.DictField(required=False)

    class Meta:
        model = Tier
        fields = ["title", "description", "minimum_amount", "quantity", "estimated_delivery",
                  "position", "needs_shipping", "hidden", "reward_kind", "reward_config"]


class PledgeCreateSerializer(serializers.Serializer):
    amount = amount_field()
    currency = serializers.RegexField(r"^[A-Z]{3}$")
    tier = serializers.UUIDField(required=False, allow_null=True)
    provider = serializers.CharField(max_length=40, default="manual")
    named = serializers.BooleanField(default=False, help_text=_(
        "Show my handle (and message) among the backers. Off by default: only the amount "
        "counts in the totals."))
    message = serializers.CharField(max_length=1000, required=False, allow_blank=True,
                                    default="")
    reward_data = serializers.DictField(required=False, default=dict)
    shipping_name = serializers.CharField(max_length=200, required=False, allow_blank=True,
                                          default="")
    shipping_address = serializers.CharField(max_length=500, required=False, allow_blank=True,
                                             default="")


class PledgeSerializer(serializers.ModelSerializer):
    """A backer's own pledge."""

    amount = MoneySerializer(source="money", read_only=True)
    campaign = serializers.UUIDField(source="campaign_id", read_only=True)
    tier = serializers.UUIDField(source="tier_id", read_only=True, allow_null=True)
    named = serializers.BooleanField(source="is_named", read_only=True)
    reward = serializers.SerializerMethodField()

    class Meta:
        model = Pledge
        fields = ["id", "campaign", "tier", "amount", "status", "named", "message", "provider",
                  "payment_reference", "reward_status", "reward_data", "reward",
                  "shipping_name", "shipping_address", "created_at", "paid_at", "cancelled_at",
                  "refunded_at", "fulfilled_at"]
        read_only_fields = fields

    @extend_schema_field(serializers.DictField())
    def get_reward(self, pledge) -> dict:
        """What the reward kind says the contribution became ({} for an ordinary reward)."""
        from plugins.crowdfunding.reward_kinds import reward_kind

        kind = reward_kind(pledge.tier.reward_kind) if pledge.tier_id else None
        return kind.describe(pledge) if kind else {}


class PaymentInstructionsSerializer(serializers.Serializer):
    provider = serializers.CharField()
    amount = serializers.IntegerField()
    currency = serializers.CharField()
    reference = serializers.CharField(required=False, help_text=_(
        "Bank transfer: the structured reference to quote."))
    iban = serializers.CharField(required=False)
    beneficiary = serializers.CharField(required=False)
    payment_intent = serializers.CharField(required=False)
    client_secret = serializers.CharField(required=False, help_text=_(
        "Card: for Stripe.js to confirm the PaymentIntent."))


class PledgeCreatedSerializer(serializers.Serializer):
    pledge = PledgeSerializer()
    payment = PaymentInstructionsSerializer()


class PledgeVisibilitySerializer(serializers.Serializer):
    named = serializers.BooleanField()
    message = serializers.CharField(max_length=1000, required=False, allow_blank=True)


class NamedBackerSerializer(serializers.ModelSerializer):
    """The public list of backers: only those who chose to be named; no amount."""

    handle = serializers.CharField(source="owner.profile.handle", read_only=True,
                                   allow_null=True)
    tier = serializers.CharField(source="tier.title", read_only=True, allow_null=True)

    class Meta:
        model = Pledge
        fields = ["id", "handle", "message", "tier", "created_at"]
        read_only_fields = fields


class ManagedPledgeSerializer(serializers.ModelSerializer):
    """The managers' view: what fulfilment needs; an anonymous backer's handle never."""

    amount = MoneySerializer(source="money", read_only=True)
    tier = serializers.UUIDField(source="tier_id", read_only=True, allow_null=True)
    handle = serializers.SerializerMethodField()
    named = serializers.BooleanField(source="is_named", read_only=True)

    class Meta:
        model = Pledge
        fields = ["id", "tier", "amount", "status", "named", "handle", "message", "provider",
                  "payment_reference", "reward_status", "reward_data", "shipping_name",
                  "shipping_address", "created_at", "paid_at", "refunded_at", "fulfilled_at"]
        read_only_fields = fields

    def get_handle(self, pledge) -> str | None:
        if pledge.is_named and pledge.owner_id:
            return pledge.owner.profile.handle
        return None


class TransferReferenceSerializer(serializers.Serializer):
    reference = serializers.CharField(max_length=64, help_text=_(
        "The structured reference the transfer quoted (RF… or +++…+++)."))


class CampaignUpdateSerializer(serializers.ModelSerializer):
    class Meta:
        model = CampaignUpdate
        fields = ["id", "title", "body", "backers_only", "created_at"]
        read_only_fields = ["id", "created_at"]
        extra_kwargs = {"title": {"max_length": 200}, "body": {"max_length": 20000}}


class PaymentProviderSerializer(serializers.Serializer):
    name = serializers.CharField()
    verbose_name = serializers.CharField()
    can_refund = serializers.BooleanField()


class RewardKindSerializer(serializers.Serializer):
    key = serializers.CharField()
    verbose_name = serializers.CharField()


class CrowdfundingCountSerializer(serializers.Serializer):
    count = serializers.IntegerField(allow_null=True)
    suppressed = serializers.BooleanField()


class TierBackersSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    title = serializers.CharField()
    backers = CrowdfundingCountSerializer()


class CampaignStatsSerializer(serializers.Serializer):
    goal = MoneySerializer()
    raised = MoneySerializer()
    percentage = serializers.IntegerField()
    backers = CrowdfundingCountSerializer()
    tiers = TierBackersSerializer(many=True)
    minimum_group_size = serializers.IntegerField()

