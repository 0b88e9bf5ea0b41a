"""The one DRF permission for writes on member content: its owner, or the plugin's managers."""
from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import SAFE_METHODS, BasePermission

from core.privacy.roles import is_manager_of


class IsOwnerOrManager(BasePermission):
    """Reads pass (the queryset already went through visible_to); writes need owner or manager."""

    message = _("Only the owner or a manager may change this.")

    def has_object_permission(self, request, view, obj):
        if request.method in SAFE_METHODS:
            return True
        owner_id = getattr(obj, "owner_id", None)
        return (owner_id is not None and owner_id == request.user.id) or is_manager_of(
            request.user, obj)
