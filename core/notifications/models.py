"""In-app notifications and each member's e-mail preference per notification kind."""
import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """Something a member is told of; ``target`` points at what it is about, if anything."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recipient"),
                                  on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("kind"), max_length=64)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("body"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    target_type = models.ForeignKey(ContentType, verbose_name=_("target type"), null=True,
                                    blank=True, on_delete=models.CASCADE, related_name="+")
    # Text, so that UUID and integer primary keys both fit.
    target_id = models.CharField(_("target id"), max_length=64, blank=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["recipient", "-created_at"],
                                name="notification_inbox")]

    def __str__(self):
        return self.title


class NotificationPreference(models.Model):
    """A member's choice to receive (or not) e-mails for one kind; absent means the default."""

    member = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("member"),
                               on_delete=models.CASCADE, related_name="notification_preferences")
    kind = models.CharField(_("kind"), max_length=64)
    email = models.BooleanField(_("send me an e-mail"))

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [models.UniqueConstraint(fields=["member", "kind"],
                                               name="one_preference_per_kind")]

    def __str__(self):
        return f"{self.kind}: {self.email}"
