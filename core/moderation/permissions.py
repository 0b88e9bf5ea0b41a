"""Who may use the moderators' API: small DRF permissions."""
from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission

from core.moderation.roles import is_moderator
from core.moderation.services import moderates_anything


class IsAnyModerator(BasePermission):
    """Site moderators, and moderators of at least one community."""

    message = _("Only moderators may do this.")

    def has_permission(self, request, view):
        return moderates_anything(request.user)


class IsModerator(BasePermission):
    """The site's moderators (``core.moderation.roles.is_moderator``)."""

    message = _("Only the site's moderators may do this.")

    def has_permission(self, request, view):
        return is_moderator(request.user)
