"""Who may act on the agenda: organisers (owner or the plugin's managers) on their events."""
from rest_framework.permissions import BasePermission

from plugins.agenda.queries import is_organiser


class IsOrganiser(BasePermission):
    """The event's organiser (its owner) or a manager of the agenda."""

    message = "Only the event's organiser may do this."

    def has_object_permission(self, request, view, obj):
        return is_organiser(request.user, getattr(obj, "event", obj))
