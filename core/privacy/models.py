"""Audienced: the abstract model of every piece of member content, and its visible_to()."""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.privacy.audiences import DEFAULT_AUDIENCE, Audience
from core.privacy.roles import is_moderator


class AudiencedQuerySet(models.QuerySet):
    """Every read of member content starts from ``visible_to(user)``: default deny."""

    def visible_to(self, user):
        if user is None or not user.is_authenticated:
            return self.filter(audience=Audience.PUBLIC, hidden_at__isnull=True)
        return self.filter(Q(owner=user) | self._shared_with(user))

    def _shared_with(self, user):
        from core.communities.models import Membership
        from core.identity.models import CircleMembership
        from core.moderation.models import Block

        shared = (
            Q(audience__in=[Audience.PUBLIC, Audience.MEMBERS])
            | Q(audience=Audience.COMMUNITY, community__in=Membership.community_ids_of(user))
            | Q(audience=Audience.CIRCLE, owner__in=CircleMembership.owners_sharing_with(user))
        )
        # Blocking hides content both ways.
        shared &= ~Q(owner__in=Block.objects.filter(blocked=user).values("blocker_id"))
        shared &= ~Q(owner__in=Block.objects.filter(blocker=user).values("blocked_id"))
        if not is_moderator(user):
            shared &= Q(hidden_at__isnull=True)
        return shared


class Audienced(models.Model):
    """Member content: an owner, who may see it (audience), where it lives (community).

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

    class Meta:
        abstract = True

    def is_visible_to(self, user) -> bool:
        return type(self).objects.visible_to(user).filter(pk=self.pk).exists()
