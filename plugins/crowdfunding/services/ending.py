"""The end of a campaign, after its grace period for pending payments (a periodic job).

Successful (goal reached): paid pledges are kept, their rewards are to fulfil. Below the goal,
a keep-what-you-raise campaign keeps them too; an all-or-nothing one refunds every paid pledge
through its provider (or lists it for the managers) and cancels the rewards. Pending pledges
are cancelled either way. Every backer is told the outcome once.
"""
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from core.conf import plugin_setting
from plugins.crowdfunding import notifications
from plugins.crowdfunding.models import Campaign, CampaignStatus, FundingModel, PledgeStatus
from plugins.crowdfunding.services.locking import lock_campaign
from plugins.crowdfunding.services.payments import refund_paid, transition


def grace_period() -> timedelta:
    return timedelta(days=plugin_setting("crowdfunding", "GRACE_DAYS"))


def due_campaigns(now=None):
    now = now or timezone.now()
    return Campaign.objects.filter(status=CampaignStatus.LIVE, ends_at__lte=now - grace_period())


def end_due_campaigns(now=None) -> int:
    """End every campaign past its end and grace period, each in its own transaction."""
    ended = 0
    for campaign_id in due_campaigns(now).values_list("pk", flat=True):
        ended += end_campaign(campaign_id) is not None
    return ended


@transaction.atomic
def end_campaign(campaign_id):
    """End one campaign (None when another run ended it first)."""
    campaign = lock_campaign(campaign_id)
    if campaign.status != CampaignStatus.LIVE:
        return None
    reached = campaign.raised >= campaign.goal
    keep = reached or campaign.funding_model == FundingModel.KEEP_WHAT_YOU_RAISE
    backers = {}
    # The campaign row is locked: no pledge changes state meanwhile; pledges in id order.
    open_pledges = campaign.pledges.select_for_update(of=("self",)).select_related(
        "tier", "owner").filter(status__in=[PledgeStatus.PENDING, PledgeStatus.PAID])
    for pledge in open_pledges.order_by("pk"):
        if pledge.owner_id:
            backers[pledge.owner_id] = pledge.owner
        if pledge.status == PledgeStatus.PENDING:
            transition(pledge, PledgeStatus.CANCELLED, cancelled_at=timezone.now())
        elif not keep:
            refund_paid(pledge)
    campaign.refresh_from_db()
    campaign.status = CampaignStatus.SUCCESSFUL if reached else CampaignStatus.FAILED
    campaign.ended_at = timezone.now()
    campaign.save(update_fields=["status", "ended_at", "updated_at"])
    notifications.campaign_ended(campaign, list(backers.values()), refunded=not keep)
    return campaign
