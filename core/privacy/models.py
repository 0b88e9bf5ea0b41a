"""The privacy policy's data: Audienced content and its visible_to(), policy versions, consents,
and the audit log."""
import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.display import local_date
from core.privacy import rule
from core.privacy.audiences import DEFAULT_AUDIENCE, Audience
from core.privacy.purposes import purpose_choices
from core.privacy.registry import is_moderator, provided
from core.privacy.rule import audience_condition


class AudiencedQuerySet(models.QuerySet):
    """Every read of member content starts from ``visible_to(user)``: default deny.

    The filter form of ``core.privacy.rule``: relations read through the owner and community
    columns of each row.
    """

    def visible_to(self, user):
        if user is None or not user.is_authenticated:
            return self.filter(audience_condition("audience", {rule.ANYONE: None}),
                               hidden_at__isnull=True)
        reached = Q(owner=user) | self._shared_with(user)
        awaiting_review = getattr(self.model, "awaiting_review", None)
        if awaiting_review is not None and is_moderator(user):
            reached |= awaiting_review  # what they must review, whatever its audience
        return self.filter(reached)

    def _shared_with(self, user):
        relations = {
            rule.ANYONE: None,
            rule.MEMBER: None,
            rule.IN_COMMUNITY: Q(community__in=provided("community_ids", user)),
            rule.IN_CIRCLE: Q(owner__in=provided("circle_owner_ids", user)),
        }
        taking_part = rule.taking_part(getattr(self.model, "participant_paths", ()), user)
        if taking_part is not None:
            relations[rule.PARTICIPANT] = taking_part
        shared = audience_condition("audience", relations)
        # Blocking hides content both ways.
        shared &= ~Q(owner__in=provided("blocker_ids", user))
        shared &= ~Q(owner__in=provided("blocked_ids", user))
        if not is_moderator(user):
            shared &= Q(hidden_at__isnull=True)
        return shared


class Audienced(models.Model):
    """Member content: an owner, who may see it (audience), where it lives (community), and
    the members taking part in it besides its owner (``participant_paths``).

    ``hidden_at`` is set by moderation: hidden objects vanish for everyone but their owner and
    moderators. ``owner`` becomes null when a plugin keeps anonymised content after erasure.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("owner"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="%(app_label)s_%(class)s_owned",
    )
    audience = models.CharField(_("audience"), max_length=16, choices=Audience.choices,
                                default=DEFAULT_AUDIENCE, db_index=True)
    community = models.ForeignKey(
        "communities.Community", verbose_name=_("community"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="%(app_label)s_%(class)s_set",
    )
    hidden_at = models.DateTimeField(_("hidden by moderation at"), null=True, blank=True,
                                     editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = AudiencedQuerySet.as_manager()

    #: A model with a review step names the rows awaiting the site's moderators, such as
    #: ``Q(status="submitted")``: moderators reach those whatever their audience (and only
    #: those: drafts and the rest of the owner's content keep their audience).
    awaiting_review = None

    #: A model whose rows members take part in names them here, as lookups from the row to a
    #: user along to-one relations (a request: ``("listing__owner",)``): they reach the row
    #: whatever its audience, like its owner, but not across a block with the owner nor once
    #: the row is hidden (``core.privacy.rule``).
    participant_paths = ()

    class Meta:
        abstract = True

    def is_visible_to(self, user) -> bool:
        return type(self).objects.visible_to(user).filter(pk=self.pk).exists()


class PrivacyPolicyQuerySet(models.QuerySet):
    def current(self):
        """The version in force today: the latest whose effective date has come, or None."""
        return (self.filter(effective_date__lte=timezone.localdate())
                .order_by("-effective_date", "-created_at").first())


class PrivacyPolicyVersion(models.Model):
    """One version of the privacy policy, in French and English; in force from its date.

    Consents are tied to the version the member read: once a newer version is in force, they
    show as needing renewal.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    version = models.CharField(_("version"), max_length=32, unique=True,
                               help_text=_("For example 2026-01 or 2.1."))
    effective_date = models.DateField(_("in force from"))
    text_en = models.TextField(_("text in English"))
    text_fr = models.TextField(_("text in French"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = PrivacyPolicyQuerySet.as_manager()

    class Meta:
        verbose_name = _("privacy policy version")
        verbose_name_plural = _("privacy policy versions")
        ordering = ["-effective_date", "-created_at"]

    def __str__(self):
        return self.version

    def text_in(self, language: str | None = None) -> str:
        """The text in the given (or active) language; English when there is no translation."""
        language = (language or get_language() or "en")[:2]
        return (self.text_fr if language == "fr" else "") or self.text_en


class Consent(models.Model):
    """One decision of a member about one purpose: granted or withdrawn, at a time, under a
    policy version. The latest decision per purpose is in force; the earlier ones are history.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=32, choices=purpose_choices)
    granted = models.BooleanField(_("granted"))
    policy_version = models.ForeignKey(PrivacyPolicyVersion, verbose_name=_("policy version"),
                                       on_delete=models.PROTECT, related_name="consents")
    decided_at = models.DateTimeField(_("decided at"), default=timezone.now)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-decided_at"]
        indexes = [models.Index(fields=["member", "purpose", "-decided_at"],
                                name="consent_latest_per_purpose")]

    def __str__(self):
        return f"{self.purpose}: {'granted' if self.granted else 'withdrawn'}"


class AuditEntry(models.Model):
    """Who did what, when: staff and moderators' reads of personal data, moderation actions.

    Survives the erasure of its actor or subject (their links become null and ``detail`` is
    emptied), so the log keeps its shape without keeping anyone's strings.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("who"), null=True,
                              blank=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(_("action"), max_length=64, db_index=True)
    subject = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("member concerned"),
                                null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="audit_entries_about")
    target_type = models.ForeignKey(ContentType, verbose_name=_("type of object"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")
    target_id = models.CharField(_("object id"), max_length=64, blank=True)
    detail = models.TextField(_("detail"), blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.action} ({local_date(self.created_at)})"
