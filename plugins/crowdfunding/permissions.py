"""Who may act on crowdfunding objects: small DRF permissions, composed in the views."""
from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission

from plugins.crowdfunding.roles import is_campaign_manager


def _campaign_of(obj):
    return getattr(obj, "campaign", obj)


class IsCampaignManager(BasePermission):
    """The campaign's owner, or one of the plugin's managers."""

    message = _("Only the campaign's managers may do this.")

    def has_object_permission(self, request, view, obj):
        return is_campaign_manager(request.user, _campaign_of(obj))


class IsBacker(BasePermission):
    """The member who made the pledge."""

    message = _("Only the backer may do this.")

    def has_object_permission(self, request, view, obj):
        return request.user.is_authenticated and obj.owner_id == request.user.id
