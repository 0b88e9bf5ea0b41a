"""Row locks in the one order every write takes them: campaign, then tier, then pledge."""
from plugins.crowdfunding.models import Campaign, Pledge, Tier


def lock_campaign(campaign_id) -> Campaign:
    return Campaign.objects.select_for_update().get(pk=campaign_id)


def lock_tier(tier_id) -> Tier:
    return Tier.objects.select_for_update().get(pk=tier_id)


def lock_pledge(pledge_id) -> Pledge:
    """The pledge and its campaign, locked campaign first (a state change moves its totals)."""
    campaign_id = Pledge.objects.values_list("campaign_id", flat=True).get(pk=pledge_id)
    lock_campaign(campaign_id)
    return Pledge.objects.select_for_update(of=("self",)).select_related(
        "tier", "campaign").get(pk=pledge_id)
