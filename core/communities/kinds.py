"""The notification kinds of communities: requests to join, their answers, moderator changes."""
from django.utils.translation import gettext_lazy as _

from core.notifications.kinds import NotificationKind

JOIN_REQUESTED = "communities.join_requested"
REQUEST_APPROVED = "communities.request_approved"
REQUEST_REJECTED = "communities.request_rejected"
MEMBER_REMOVED = "communities.member_removed"
MODERATOR_APPOINTED = "communities.moderator_appointed"
MEMBER_BANNED = "communities.member_banned"

KINDS = [
    NotificationKind(JOIN_REQUESTED, _("Someone asks to join a community you moderate")),
    NotificationKind(REQUEST_APPROVED, _("Your request to join a community was approved"),
                     email_by_default=True),
    NotificationKind(REQUEST_REJECTED, _("Your request to join a community was declined")),
    NotificationKind(MEMBER_REMOVED, _("You were removed from a community")),
    NotificationKind(MODERATOR_APPOINTED, _("You became a moderator of a community")),
    NotificationKind(MEMBER_BANNED, _("You were banned from a community"),
                     email_by_default=True),
]
