"""A community gathers members around a condition; membership gives access to its content."""
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from core.communities.pages import CommunityIndexPage  # noqa: F401  (a model of this app)


class Community(models.Model):
    """A condition group (type 1 diabetes, multiple sclerosis...), animated by associations.

    Its informational pages live under ``root_page`` in the Wagtail tree, edited by the
    ``editors`` group; ``services.create_community`` creates all three together.
    """

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
    conditions = TaggableManager(
        to="identity.Condition", through="communities.TaggedCommunityCondition", blank=True,
        verbose_name=_("conditions"),
        help_text=_("Conditions from the curated vocabulary this community gathers people around."))
    associations = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("associations animating it"), blank=True,
        related_name="animated_communities",
        help_text=_("Organisation accounts (member kind: association) that animate it."))
    root_page = models.OneToOneField(
        "communities.CommunityIndexPage", verbose_name=_("root of its pages"), null=True,
        blank=True, on_delete=models.SET_NULL, related_name="community_of_root")
    editors = models.OneToOneField(
        "auth.Group", verbose_name=_("editors group"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="edited_community")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("community")
        verbose_name_plural = _("communities")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def listed_conditions(self) -> list:
        """Its conditions through the links, which ``queries.communities_for`` prefetches (taggit's
        own prefetch mismatches UUID keys on SQLite)."""
        return [link.tag for link in self.tagged_conditions.all()]


class TaggedCommunityCondition(TaggedItemBase):
    """Links a community to one of the curated conditions (the vocabulary profiles use)."""

    tag = models.ForeignKey("identity.Condition", on_delete=models.CASCADE,
                            related_name="tagged_communities")
    content_object = models.ForeignKey(Community, on_delete=models.CASCADE,
                                       related_name="tagged_conditions")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["content_object", "tag"],
                                               name="one_tag_per_community_condition")]


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Membership.Status.ACTIVE)

    def pending(self):
        return self.filter(status=Membership.Status.PENDING)

    def moderators(self):
        return self.active().filter(role=Membership.Role.MODERATOR)


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
    joined_at = models.DateTimeField(_("joined at"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["community", "member"],
                                               name="one_membership_per_member")]

    def __str__(self):
        return f"{self.member_id} in {self.community_id} ({self.status})"

    @classmethod
    def community_ids_of(cls, user):
        """Subquery of the communities whose `community` content the user may see: active
        memberships, never in a community that banned the user (the audience rule reads this)."""
        return (cls.objects.filter(member=user, status=cls.Status.ACTIVE)
                .exclude(community__in=CommunityBan.objects.in_force().filter(member=user)
                         .values("community_id"))
                .values("community_id"))


class CommunityBanQuerySet(models.QuerySet):
    def in_force(self, now=None):
        return self.filter(Q(until__isnull=True) | Q(until__gt=now or timezone.now()))


class CommunityBan(models.Model):
    """A community's moderators keep a member out: no rejoining, no request, no member-only
    content, until ``until`` (or for good when it is empty)."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="bans")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="community_bans")
    banned_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+",
                                  verbose_name=_("banned by"))
    reason = models.TextField(_("reason"), blank=True, max_length=2000)
    until = models.DateTimeField(_("until"), null=True, blank=True,
                                 help_text=_("Empty: until the moderators lift the ban."))
    created_at = models.DateTimeField(_("banned at"), auto_now_add=True)

    objects = CommunityBanQuerySet.as_manager()

    class Meta:
        verbose_name = _("community ban")
        verbose_name_plural = _("community bans")
        constraints = [models.UniqueConstraint(fields=["community", "member"],
                                               name="one_ban_per_member_and_community")]

    def __str__(self):
        return f"{self.member_id} banned from {self.community_id}"
