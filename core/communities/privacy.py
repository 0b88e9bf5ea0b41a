"""PrivacyHandler of core.communities: the member's community memberships."""
from django.utils.translation import gettext_lazy as _

from core.communities.models import Membership
from core.privacy.handlers import PrivacyHandler


class MembershipHandler(PrivacyHandler):
    identifier = "communities"
    verbose_name = _("Communities")
    description = _("The communities you joined or asked to join, your role in each, and "
                    "whether you show them on your profile.")
    models = (Membership,)

    def export(self, member) -> dict:
        memberships = member.community_memberships.select_related("community").order_by(
            "created_at")
        return {"memberships": [{
            "community": membership.community.name, "slug": membership.community.slug,
            "status": membership.status, "role": membership.role,
            "shown_on_profile": membership.shown_on_profile, "joined_at": membership.created_at,
        } for membership in memberships]}

    def erase(self, member) -> None:
        member.community_memberships.all().delete()
