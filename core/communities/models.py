"""A community gathers members around a condition; membership gives access to its content."""
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Community(models.Model):
    """A condition group (type 1 diabetes, multiple sclerosis...), animated by associations."""

    class Visibility(models.TextChoices):
        LISTED = "listed", _("Listed")
        UNLISTED = "unlisted", _("Unlisted")

    class JoiningPolicy(models.TextChoices):
        OPEN = "open", _("Open to every member")
        APPROVAL = "approval", _("Approval by its moderators")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES,
                                default="en")
    visibility = models.CharField(_("visibility"), max_length=16, choices=Visibility.choices,
                                  default=Visibility.LISTED)
    joining_policy = models.CharField(_("joining policy"), max_length=16,
                                      choices=JoiningPolicy.choices, default=JoiningPolicy.OPEN)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("community")
        verbose_name_plural = _("communities")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Membership(models.Model):
    """A member's place in a community. Hidden from others unless the member shows it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        ACTIVE = "active", _("Member")

    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        MODERATOR = "moderator", _("Moderator")

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="memberships")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="community_memberships")
    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.ACTIVE)
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    shown_on_profile = models.BooleanField(_("shown on my profile"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["community", "member"],
                                               name="one_membership_per_member")]

    @classmethod
    def community_ids_of(cls, user):
        """Subquery of the communities whose `community` content the user may see."""
        return cls.objects.filter(member=user, status=cls.Status.ACTIVE).values("community_id")
