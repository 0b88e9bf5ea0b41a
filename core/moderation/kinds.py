"""The notification kinds of moderation: reports for moderators, decisions for members."""
from django.utils.translation import gettext_lazy as _

from core.notifications.kinds import NotificationKind

REPORT_RECEIVED = "moderation.report_received"
REPORT_RESOLVED = "moderation.report_resolved"
CONTENT_HIDDEN = "moderation.content_hidden"
CONTENT_RESTORED = "moderation.content_restored"
WARNING = "moderation.warning"
ACCOUNT_SUSPENDED = "moderation.account_suspended"
ACCOUNT_BLOCKED = "moderation.account_blocked"
ACCOUNT_REINSTATED = "moderation.account_reinstated"

KINDS = [
    NotificationKind(REPORT_RECEIVED, _("A report to review in a community you moderate")),
    NotificationKind(REPORT_RESOLVED, _("A report you made was reviewed")),
    NotificationKind(CONTENT_HIDDEN, _("Moderators hid something you posted"),
                     email_by_default=True),
    NotificationKind(CONTENT_RESTORED, _("Moderators restored something you posted")),
    NotificationKind(WARNING, _("A warning from the moderators"), email_by_default=True),
    # A suspended or blocked member can no longer sign in: e-mail is the only way to tell them.
    NotificationKind(ACCOUNT_SUSPENDED, _("Your account was suspended"), security=True),
    NotificationKind(ACCOUNT_BLOCKED, _("Your account was blocked"), security=True),
    NotificationKind(ACCOUNT_REINSTATED, _("Your account was reinstated"), security=True),
]
