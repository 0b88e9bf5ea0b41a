"""DRF serializers of campaigns, tiers, pledges and updates: amounts are integer minor units."""
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.communities.models import Community
from core.money import MoneySerializer, format_money, minor_units
from core.privacy.audiences import Audience
from core.privacy.statistics import suppress
from plugins.crowdfunding.models import Campaign, CampaignUpdate, FundingModel, Pledge, Tier

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


class SuppressedCountField(serializers.IntegerField):
    """A count of people, published only from the statistics' minimum group size (else null)."""

    def to_representation(self, value):
        return suppress({"count": value})["count"]


@extend_schema_field(UseOfFundsPartSerializer(many=True))
class UseOfFundsField(serializers.JSONField):
    pass


@extend_schema_field(StretchGoalSerializer(many=True))
class StretchGoalsField(serializers.JSONField):
    pass


class CampaignSerializer(serializers.ModelSerializer):
    """A campaign as readers see it, lists and detail alike (plain columns: a lean list)."""

    owner = serializers.CharField(source="owner.profile.handle", read_only=True,
                                  allow_null=True)
    community = serializers.CharField(source="community.slug", read_only=True, allow_null=True)
    goal = serializers.IntegerField(read_only=True, help_text=_("In minor units."))
    raised = serializers.IntegerField(read_only=True, help_text=_(
        "The sum of the paid pledges, in minor units."))
    goal_formatted = serializers.SerializerMethodField()
    raised_formatted = serializers.SerializerMethodField()
    percentage = serializers.IntegerField(read_only=True)
    backers = SuppressedCountField(source="backer_count", read_only=True, allow_null=True,
                                   help_text=_("Paid pledges; null below the published "
                                               "statistics' minimum group size."))
    is_open = serializers.BooleanField(read_only=True)
    use_of_funds = UseOfFundsField(read_only=True)
    stretch_goals = StretchGoalsField(read_only=True)
    cover = serializers.ImageField(read_only=True, use_url=True, allow_null=True)

    class Meta:
        model = Campaign
        fields = ["id", "slug", "title", "story", "cover", "goal", "raised", "currency",
                  "goal_formatted", "raised_formatted", "percentage", "backers", "vat_note",
                  "starts_at", "ends_at", "funding_model", "use_of_funds", "stretch_goals",
                  "status", "is_open", "audience", "community", "owner", "rejection_reason",
                  "submitted_at", "approved_at", "ended_at", "closed_at", "created_at"]
        read_only_fields = fields

    def get_goal_formatted(self, campaign) -> str:
        return format_money(campaign.goal, campaign.currency)

    def get_raised_formatted(self, campaign) -> str:
        return format_money(campaign.raised, campaign.currency)


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

