"""Campaigns, their reward tiers, pledges and updates; totals are stored counters on the rows."""
import uuid

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelsearch import index

from core.money import AmountField, CurrencyField, Money
from core.privacy.audiences import Audience
from core.privacy.models import Audienced, AudiencedQuerySet


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    REJECTED = "rejected", _("Rejected")
    LIVE = "live", _("Live")
    SUCCESSFUL = "successful", _("Ended: successful")
    FAILED = "failed", _("Ended: failed")
    CLOSED = "closed", _("Closed")


#: States the campaign's audience sees; the others only its owner, managers and moderators.
PUBLIC_STATES = (CampaignStatus.LIVE, CampaignStatus.SUCCESSFUL, CampaignStatus.FAILED,
                 CampaignStatus.CLOSED)
ENDED_STATES = (CampaignStatus.SUCCESSFUL, CampaignStatus.FAILED, CampaignStatus.CLOSED)


class FundingModel(models.TextChoices):
    ALL_OR_NOTHING = "all_or_nothing", _("All or nothing: refunded unless the goal is reached")
    KEEP_WHAT_YOU_RAISE = "keep_what_you_raise", _("Keep what you raise")


class CampaignQuerySet(AudiencedQuerySet):
    """visible_to() narrowed by the lifecycle: the audience sees a campaign once live; drafts
    stay with their owner (and the plugin's managers); moderators see those in review."""

    def visible_to(self, user):
        from core.moderation.roles import is_moderator
        from plugins.crowdfunding.roles import is_plugin_manager

        queryset = super().visible_to(user)
        shown = Q(status__in=PUBLIC_STATES)
        if user is not None and user.is_authenticated:
            if is_plugin_manager(user):
                return queryset
            shown |= Q(owner=user)
            if is_moderator(user):
                shown |= Q(status__in=[CampaignStatus.IN_REVIEW, CampaignStatus.REJECTED])
        return queryset.filter(shown)


class Campaign(index.Indexed, Audienced):
    """A fund-raising campaign of an association or a community, for a fixed window."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    audience = models.CharField(_("audience"), max_length=16, choices=Audience.choices,
                                default=Audience.PUBLIC, db_index=True)
    title = models.CharField(_("title"), max_length=200)
    story = models.TextField(_("story"))
    cover = models.ImageField(_("cover image"), upload_to="crowdfunding/covers/", blank=True)
    goal = AmountField(verbose_name=_("goal (minor units)"))
    currency = CurrencyField(verbose_name=_("currency"))
    vat_note = models.CharField(_("VAT note"), max_length=200, blank=True,
                                help_text=_("For example: goal excluding VAT."))
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    funding_model = models.CharField(_("funding model"), max_length=24,
                                     choices=FundingModel.choices,
                                     default=FundingModel.ALL_OR_NOTHING)
    #: [{"label": "Development", "percent": 45}, ...], adding up to 100.
    use_of_funds = models.JSONField(_("use of funds"), default=list, blank=True)
    #: [{"amount": 35000000, "title": "...", "description": "..."}, ...], increasing amounts.
    stretch_goals = models.JSONField(_("stretch goals"), default=list, blank=True)

    status = models.CharField(_("status"), max_length=16, choices=CampaignStatus.choices,
                              default=CampaignStatus.DRAFT, db_index=True)
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True,
                                        editable=False)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True, editable=False)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True, editable=False)

    # Totals of the paid pledges, moved with F() in the transaction that changes a pledge.
    raised = AmountField(verbose_name=_("raised (minor units)"), default=0, editable=False)
    backer_count = models.PositiveIntegerField(_("paid pledges"), default=0, editable=False)

    objects = CampaignQuerySet.as_manager()
    #: Campaigns in review reach the site's moderators whatever their audience (they review).
    awaiting_review = Q(status=CampaignStatus.IN_REVIEW)

    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("story"),
        index.AutocompleteField("title"),
        index.FilterField("audience"),
        index.FilterField("status"),
        index.FilterField("hidden_at"),
        index.FilterField("owner_id"),
        index.FilterField("community_id"),
    ]

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(goal__gt=0), name="crowdfunding_goal_positive"),
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")),
                                   name="crowdfunding_ends_after_start"),
            models.CheckConstraint(condition=Q(raised__gte=0) & Q(backer_count__gte=0),
                                   name="crowdfunding_totals_never_negative"),
        ]

    def __str__(self):
        return self.title

    # The site-wide search protocol (cms/search.py).
    search_result_type = "crowdfunding.campaign"

    @property
    def search_result_title(self) -> str:
        return self.title

    @property
    def search_result_excerpt(self) -> str:
        return self.story

    def get_api_url(self) -> str:
        return f"/api/v1/crowdfunding/campaigns/{self.pk}/"

    @property
    def goal_money(self) -> Money:
        return Money(self.goal, self.currency)

    @property
    def raised_money(self) -> Money:
        return Money(self.raised, self.currency)

    def is_open_for_pledges(self, now=None) -> bool:
        now = now or timezone.now()
        return (self.status == CampaignStatus.LIVE and self.hidden_at is None
                and self.starts_at <= now < self.ends_at)

    @property
    def is_open(self) -> bool:
        return self.is_open_for_pledges()

    @property
    def percentage(self) -> int:
        return self.raised * 100 // self.goal if self.goal else 0


class Tier(models.Model):
    """A reward tier: a counterpart from a minimum amount, maybe limited in quantity.

    ``reward_kind`` "" is an ordinary reward; another key names a RewardKind that a plugin adds
    through ``crowdfunding_reward_kinds``, with its own ``reward_config``.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="tiers")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    minimum_amount = AmountField(verbose_name=_("minimum amount (minor units)"))
    quantity = models.PositiveIntegerField(_("quantity available"), null=True, blank=True,
                                           help_text=_("Empty: unlimited."))
    #: Places held by pending and paid pledges; a cancelled or refunded pledge gives it back.
    taken = models.PositiveIntegerField(_("taken"), default=0, editable=False)
    estimated_delivery = models.DateField(_("estimated delivery"), null=True, blank=True)
    position = models.PositiveIntegerField(_("order"), default=0)
    needs_shipping = models.BooleanField(_("needs shipping details"), default=False)
    hidden = models.BooleanField(_("hidden"), default=False)
    reward_kind = models.CharField(_("kind of reward"), max_length=100, blank=True)
    reward_config = models.JSONField(_("reward settings"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reward tier")
        verbose_name_plural = _("reward tiers")
        ordering = ["position", "minimum_amount", "created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(quantity__isnull=True) | Q(taken__lte=F("quantity")),
                                   name="crowdfunding_tier_never_oversold"),
        ]

    def __str__(self):
        return self.title

    @property
    def minimum_money(self) -> Money:
        return Money(self.minimum_amount, self.campaign.currency)

    @property
    def remaining(self):
        return None if self.quantity is None else max(0, self.quantity - self.taken)

    @property
    def sold_out(self) -> bool:
        return self.quantity is not None and self.taken >= self.quantity


class PledgeStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for payment")
    PAID = "paid", _("Paid")
    CANCELLED = "cancelled", _("Cancelled")
    REFUND_DUE = "refund_due", _("To be refunded")
    REFUNDED = "refunded", _("Refunded")


#: Pledges holding a place in their tier.
HOLDING_STATES = (PledgeStatus.PENDING, PledgeStatus.PAID)


class RewardStatus(models.TextChoices):
    NONE = "", _("No reward")
    TO_FULFIL = "to_fulfil", _("To fulfil")
    FULFILLED = "fulfilled", _("Fulfilled")
    CANCELLED = "cancelled", _("Cancelled")


class Pledge(Audienced):
    """One contribution. Its audience is ``public`` when the backer chose to be named, else
    ``private`` (the default): an anonymous pledge counts in the totals and is never listed.

    The owner is the backer; erasure drops it and the pledge (and the totals) stay.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="pledges")
    tier = models.ForeignKey(Tier, null=True, blank=True, on_delete=models.PROTECT,
                             related_name="pledges")
    audience = models.CharField(_("audience"), max_length=16, choices=Audience.choices,
                                default=Audience.PRIVATE)
    amount = AmountField(verbose_name=_("amount (minor units)"))
    currency = CurrencyField(verbose_name=_("currency"))
    message = models.TextField(_("message"), blank=True, max_length=1000)
    status = models.CharField(_("status"), max_length=16, choices=PledgeStatus.choices,
                              default=PledgeStatus.PENDING, db_index=True)
    provider = models.CharField(_("payment provider"), max_length=40)
    #: The provider's handle on the payment: a structured reference, a PaymentIntent id.
    payment_reference = models.CharField(_("payment reference"), max_length=100, blank=True,
                                         db_index=True)
    reward_data = models.JSONField(_("reward data"), default=dict, blank=True)
    reward_status = models.CharField(_("reward"), max_length=16, choices=RewardStatus.choices,
                                     default=RewardStatus.NONE, blank=True)
    shipping_name = models.CharField(_("ship to (name)"), max_length=200, blank=True)
    shipping_address = models.TextField(_("shipping address"), blank=True, max_length=500)
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    refunded_at = models.DateTimeField(_("refunded at"), null=True, blank=True)
    fulfilled_at = models.DateTimeField(_("fulfilled at"), null=True, blank=True)

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="crowdfunding_pledge_positive"),
            models.UniqueConstraint(fields=["provider", "payment_reference"],
                                    condition=~Q(payment_reference=""),
                                    name="crowdfunding_one_pledge_per_payment"),
        ]
        indexes = [models.Index(fields=["campaign", "status"], name="crowdfunding_pledge_state")]

    def __str__(self):
        return f"{self.campaign} ({self.pk})"

    @property
    def backer(self):
        return self.owner

    @property
    def is_named(self) -> bool:
        return self.audience == Audience.PUBLIC

    @property
    def money(self) -> Money:
        return Money(self.amount, self.currency)


class CampaignUpdate(Audienced):
    """News posted by a campaign's managers: ``public``, or for the backers only (``private``
    here means the campaign's paid backers and managers; see queries.updates_visible_to)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="updates")
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    backers_only = models.BooleanField(_("for backers only"), default=False)

    class Meta:
        verbose_name = _("campaign update")
        verbose_name_plural = _("campaign updates")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title


class WebhookEvent(models.Model):
    """A provider's event already handled: a second delivery of the same id changes nothing."""

    provider = models.CharField(max_length=40)
    event_id = models.CharField(max_length=255)
    kind = models.CharField(max_length=100)
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("payment event")
        verbose_name_plural = _("payment events")
        constraints = [models.UniqueConstraint(fields=["provider", "event_id"],
                                               name="crowdfunding_event_once")]
