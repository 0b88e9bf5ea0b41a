"""Who manages a campaign: its owner, and the plugin's managers (a Wagtail group grants it)."""
from core.privacy.roles import is_manager_of


def is_plugin_manager(user) -> bool:
    """The site's crowdfunding team. They work in the Wagtail admin, so they are staff:
    checking ``is_staff`` first spares every member's request the permission queries."""
    from plugins.crowdfunding.models import Campaign

    return bool(user is not None and user.is_authenticated and user.is_staff
                and is_manager_of(user, Campaign()))


def is_campaign_manager(user, campaign) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return campaign.owner_id == user.id or is_plugin_manager(user)
