"""Background work of notifications: e-mails go out through django-tasks (a worker in production)."""
from django.utils import timezone
from django_tasks import task

from core.notifications.email import deliver
from core.notifications.links import emailed_link
from core.notifications.models import Notification


@task()
def send_notification_email(notification_id: str) -> bool:
    """E-mail one notification to its recipient, once; False if it is gone or already sent.
    It ends with the link of its kind (``core/notifications/links.py``)."""
    notification = (Notification.objects.select_related("recipient")
                    .filter(pk=notification_id, emailed_at__isnull=True).first())
    if notification is None or not notification.recipient.email:
        return False
    body = f"{notification.body}\n\n{emailed_link(notification)}".strip()
    deliver([notification.recipient.email], notification.title, body)
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
    return True
