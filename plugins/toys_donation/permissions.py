"""Who may act on toy donations: small DRF permissions (services check the same rules)."""
from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission

from plugins.toys_donation.queries import is_ward_manager


class IsWardManager(BasePermission):
    """A manager of the ward (or of the ward the object belongs to)."""

    message = _("Only the ward's managers may do this.")

    def has_object_permission(self, request, view, obj):
        return is_ward_manager(request.user, getattr(obj, "ward", obj))
