"""What belongs to a member alone: their saved access needs and their calendar-feed tokens."""
import hashlib
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.display import local_date
from plugins.agenda.models.accessibility import Accessibility


class AccessNeeds(Accessibility):
    """The features a member needs, saved once to filter the agenda (``?my_needs=true``).

    Health-related: private to the member, stored only with their health-data consent.
    """

    member = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                  related_name="agenda_needs")
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("access needs")
        verbose_name_plural = _("access needs")

    def __str__(self):
        return str(_("Access needs"))


def token_digest(token: str) -> str:
    """Only the digest is stored: a leaked database gives no working feed address."""
    return hashlib.sha256(token.encode()).hexdigest()


class FeedToken(models.Model):
    """A private, revocable address of a member's own calendar feed (their registrations)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="agenda_feed_tokens")
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("calendar feed address")
        verbose_name_plural = _("calendar feed addresses")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.member_id} ({local_date(self.created_at)})"
