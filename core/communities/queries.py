"""Read-side helpers: communities as a viewer sees them, and who appears in member lists."""
from django.contrib.auth import get_user_model
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery, Value

from core.communities.models import Community, Membership
from core.moderation.models import Block


def communities_for(viewer):
    """Every community, annotated with the viewer's membership and the active member count."""
    communities = Community.objects.annotate(
        active_member_count=Count("memberships",
                                  filter=Q(memberships__status=Membership.Status.ACTIVE)),
    ).prefetch_related(Prefetch(
        "associations", queryset=get_user_model().objects.select_related("profile")))
    if viewer is None or not viewer.is_authenticated:
        return communities.annotate(viewer_status=Value(""), viewer_role=Value(""))
    own = Membership.objects.filter(community=OuterRef("pk"), member=viewer)
    return communities.annotate(viewer_status=Subquery(own.values("status")[:1]),
                                viewer_role=Subquery(own.values("role")[:1]))


def listed_for(viewer):
    """The directory: listed communities, plus the unlisted ones the viewer belongs to."""
    communities = communities_for(viewer)
    if viewer is None or not viewer.is_authenticated:
        return communities.filter(visibility=Community.Visibility.LISTED)
    return communities.filter(Q(visibility=Community.Visibility.LISTED)
                              | Q(memberships__member=viewer)).distinct()


def blocked_either_way(viewer):
    """Members the viewer blocked or who blocked the viewer, as a condition on ``member``."""
    return (Q(member__in=Block.objects.filter(blocker=viewer).values("blocked_id"))
            | Q(member__in=Block.objects.filter(blocked=viewer).values("blocker_id")))


def member_list(community, viewer, *, sees_everyone: bool):
    """Active members as ``viewer`` may see them.

    A member appears only if they chose to show their membership (``shown_on_profile``), or to
    themselves; the community's moderators (who approve and remove members) see every member.
    Members blocked either way never appear.
    """
    memberships = (community.memberships.active().select_related("member__profile")
                   .exclude(blocked_either_way(viewer)))
    if not sees_everyone:
        memberships = memberships.filter(Q(shown_on_profile=True) | Q(member=viewer))
    return memberships


def member_by_handle(handle):
    """The account with that handle, or a 404."""
    from django.shortcuts import get_object_or_404

    return get_object_or_404(get_user_model().objects.select_related("profile"),
                             profile__handle=handle)
