"""Moderation data: who blocked whom, reports on content, and what moderators did."""
import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Block(models.Model):
    """A member blocked another: neither sees the other's content any more."""

    blocker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="blocks_made")
    blocked = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="blocks_received")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        permissions = [("moderate", _("Can moderate members' content"))]
        constraints = [
            models.UniqueConstraint(fields=["blocker", "blocked"], name="one_block_per_pair"),
            models.CheckConstraint(condition=~models.Q(blocker=models.F("blocked")),
                                   name="no_self_block"),
        ]


class Report(models.Model):
    """A member tells moderators that some content breaks the rules.

    The target is generic (content type + primary key as text, so UUID keys fit). ``community``
    is the target's community when reported, to route the report to that community's moderators.
    """

    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        HARASSMENT = "harassment", _("Harassment or bullying")
        HATE = "hate", _("Hateful content")
        MISINFORMATION = "misinformation", _("Dangerous health misinformation")
        PRIVACY = "privacy", _("Exposes someone's personal data")
        SELF_HARM = "self_harm", _("Someone may be in danger")
        OTHER = "other", _("Something else")

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        ACTIONED = "actioned", _("Content hidden")
        DISMISSED = "dismissed", _("Dismissed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("reporter"), null=True,
                                 blank=True, on_delete=models.SET_NULL, related_name="reports_made")
    target_type = models.ForeignKey(ContentType, verbose_name=_("type"), on_delete=models.CASCADE,
                                    related_name="+")
    target_id = models.CharField(_("id"), max_length=64)
    community = models.ForeignKey("communities.Community", verbose_name=_("community"), null=True,
                                  blank=True, on_delete=models.SET_NULL, related_name="reports")
    reason = models.CharField(_("reason"), max_length=32, choices=Reason.choices)
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    state = models.CharField(_("state"), max_length=16, choices=State.choices,
                             default=State.OPEN, db_index=True)
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("resolved by"),
                                    null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="reports_resolved")

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(
            fields=["reporter", "target_type", "target_id"], condition=models.Q(state="open"),
            name="one_open_report_per_reporter_and_object")]
        indexes = [models.Index(fields=["target_type", "target_id"], name="report_target")]

    def __str__(self):
        return f"{self.get_reason_display()} ({self.target_type_id}:{self.target_id})"

    @property
    def target(self):
        """The reported object, unfiltered (for moderators' tools), or None if it is gone."""
        model = self.target_type.model_class()
        return model._default_manager.filter(pk=self.target_id).first() if model else None


class ModerationAction(models.Model):
    """What a moderator did, to what and to whom: the moderation history of a member."""

    class Kind(models.TextChoices):
        HIDE = "hide", _("Hid content")
        RESTORE = "restore", _("Restored content")
        DISMISS = "dismiss", _("Dismissed a report")
        WARN = "warn", _("Warned the member")
        SUSPEND = "suspend", _("Suspended the member")
        BLOCK = "block", _("Blocked the member site-wide")
        REINSTATE = "reinstate", _("Reinstated the member")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("action"), max_length=16, choices=Kind.choices)
    moderator = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("moderator"),
                                  null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="moderation_actions_taken")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("member concerned"),
                               null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="moderation_actions_received")
    target_type = models.ForeignKey(ContentType, verbose_name=_("type"), null=True, blank=True,
                                    on_delete=models.CASCADE, related_name="+")
    target_id = models.CharField(_("id"), max_length=64, blank=True)
    report = models.ForeignKey(Report, verbose_name=_("report"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="actions")
    reason = models.TextField(_("reason given"), blank=True, max_length=2000)
    until = models.DateTimeField(_("until"), null=True, blank=True)
    created_at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation actions")
        ordering = ["-created_at"]

    def __str__(self):
        return self.get_kind_display()
