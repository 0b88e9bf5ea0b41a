"""Who manages a campaign: its owner, and the plugin's managers (a Wagtail group grants it)."""
from core.privacy.roles import is_manager_of


def is_campaign_manager(user, campaign) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return campaign.owner_id == user.id or is_manager_of(user, campaign)
