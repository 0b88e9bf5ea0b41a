"""PrivacyHandler of core.communities: the member's community memberships."""
from django.utils.translation import gettext_lazy as _

from core.communities.models import Community, CommunityBan, CommunityIndexPage, Membership
from core.privacy.handlers import PrivacyHandler


class MembershipHandler(PrivacyHandler):
    identifier = "communities"
    verbose_name = _("Communities")
    description = _("The communities you joined or asked to join, your role in each, whether "
                    "you show them on your profile, and the bans you received.")
    # CommunityIndexPage points to members only through wagtailcore.Page (owner, locked_by),
    # which the cms handler exports and erases for every page type.
    models = (Membership, Community, CommunityIndexPage, CommunityBan)

    def export(self, member) -> dict:
        memberships = member.community_memberships.select_related("community").order_by(
            "created_at")
        return {
            "memberships": [{
                "community": membership.community.name, "slug": membership.community.slug,
                "status": membership.status, "role": membership.role,
                "shown_on_profile": membership.shown_on_profile,
                "requested_at": membership.created_at, "joined_at": membership.joined_at,
            } for membership in memberships],
            "bans": [{"community": ban.community.slug, "until": ban.until, "reason": ban.reason,
                      "banned_at": ban.created_at}
                     for ban in member.community_bans.select_related("community")],
            "animated_communities": list(member.animated_communities.order_by("slug")
                                         .values_list("slug", flat=True)),
        }

    def erase(self, member) -> None:
        member.community_memberships.all().delete()
        member.community_bans.all().delete()
        CommunityBan.objects.filter(banned_by=member).update(banned_by=None)
        member.animated_communities.clear()
