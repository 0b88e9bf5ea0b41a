"""Who may use the moderators' API: small DRF permissions."""
from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission

from core.privacy.roles import is_moderator


class IsAnyModerator(BasePermission):
    """Site moderators, and moderators of at least one community."""

    message = _("Only moderators may do this.")

    def has_permission(self, request, view):
        from core.moderation.services import moderates_anything

        return moderates_anything(request.user)


class IsSiteModerator(BasePermission):
    message = _("Only the site's moderators may do this.")

    def has_permission(self, request, view):
        return is_moderator(request.user)
