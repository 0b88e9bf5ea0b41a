"""Who may act on a petition: its promoters (author included) and the site's moderators."""
from rest_framework.permissions import BasePermission

from core.moderation.roles import is_moderator


class IsPromoter(BasePermission):
    """An accepted promoter of the petition (the author is one from the start)."""

    message = "Only the petition's promoters may do this."

    def has_object_permission(self, request, view, obj):
        petition = getattr(obj, "petition", obj)
        return request.user.is_authenticated and petition.promoters.filter(
            member=request.user, status="accepted").exists()


class IsModerator(BasePermission):
    message = "Only moderators may do this."

    def has_permission(self, request, view):
        return is_moderator(request.user)
