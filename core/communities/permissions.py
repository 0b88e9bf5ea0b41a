"""Who may see a community's members and who may moderate it: small DRF permissions."""
from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission

from core.communities.models import Membership
from core.communities.services import is_community_moderator


class IsCommunityMember(BasePermission):
    message = _("Only members of this community may see this.")

    def has_object_permission(self, request, view, community):
        # The audience rule's own reading of membership (a banned member is out).
        return (Membership.community_ids_of(request.user).filter(
                    community_id=community.pk).exists()
                or is_community_moderator(request.user, community))


class IsCommunityModerator(BasePermission):
    message = _("Only this community's moderators may do this.")

    def has_object_permission(self, request, view, community):
        return is_community_moderator(request.user, community)
