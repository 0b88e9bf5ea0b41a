"""Export and erasure of a member's notifications and notification preferences."""
from django.utils.translation import gettext_lazy as _

from core.notifications.models import Notification, NotificationPreference
from core.privacy.handlers import PrivacyHandler


class NotificationsHandler(PrivacyHandler):
    identifier = "notifications"
    verbose_name = _("Notifications")
    description = _("The notifications you received and your e-mail preferences.")
    models = (Notification, NotificationPreference)

    def export(self, member) -> dict:
        return {
            "notifications": [
                {"id": str(n.id), "kind": n.kind, "title": n.title, "body": n.body, "url": n.url,
                 "created_at": n.created_at.isoformat(),
                 "read_at": n.read_at.isoformat() if n.read_at else None}
                for n in Notification.objects.filter(recipient=member).order_by("created_at")
            ],
            "email_preferences": dict(NotificationPreference.objects.filter(member=member)
                                      .order_by("kind").values_list("kind", "email")),
        }

    def erase(self, member) -> None:
        Notification.objects.filter(recipient=member).delete()
        NotificationPreference.objects.filter(member=member).delete()
