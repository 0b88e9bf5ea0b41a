"""Read-side helpers: communities as a viewer sees them, and who appears in member lists."""
from django.contrib.auth import get_user_model
from django.db.models import (Case, Count, Exists, F, IntegerField, OuterRef, Prefetch, Q,
                              Subquery, Value, When)
from django.db.models.functions import Coalesce

from core.api.related import related_list
from core.communities.models import Community, Membership, TaggedCommunityCondition
from core.identity.models import Condition
from core.privacy.relations import audience_reached, relation_annotations


def communities_for(viewer):
    """Every community, annotated with the viewer's membership and the active member count."""
    communities = Community.objects.annotate(
        active_member_count=Count("memberships",
                                  filter=Q(memberships__status=Membership.Status.ACTIVE)),
    ).prefetch_related(
        Prefetch("associations", queryset=get_user_model().objects.select_related("profile")),
        Prefetch("tagged_conditions", queryset=TaggedCommunityCondition.objects
                 .select_related("tag").order_by("tag__name")))
    if viewer is None or not viewer.is_authenticated:
        return communities.annotate(viewer_status=Value(""), viewer_role=Value(""))
    own = Membership.objects.filter(community=OuterRef("pk"), member=viewer)
    return communities.annotate(viewer_status=Subquery(own.values("status")[:1]),
                                viewer_role=Subquery(own.values("role")[:1]))


def directory_for(viewer, language):
    """The directory as its lean list reads it: listed communities, plus the unlisted ones the
    viewer belongs to (or asked to join), each with its active member count, the viewer's membership, its conditions (named in ``language``) and
    its associations' handles, one row per community in one query (no join, no ``DISTINCT``,
    no ``GROUP BY``: the page's count query stays a plain count). The related lists come as
    ``listed_conditions_json`` and ``association_handles_json`` (``core.api.related``):
    ``in_order`` sorts them."""
    active = (Membership.objects.filter(community=OuterRef("pk"),
                                        status=Membership.Status.ACTIVE)
              .order_by().values("community").annotate(count=Count("pk")).values("count"))
    conditions = related_list(
        Condition.objects.filter(tagged_communities__content_object=OuterRef("pk")),
        "tagged_communities__content_object", slug=F("slug"),
        name=Condition.name_in_sql(language), order=F("name"))
    associations = related_list(
        Community.associations.through.objects.filter(community=OuterRef("pk")), "community",
        handle=F("user__profile__handle"), order=F("pk"))
    communities = Community.objects.annotate(
        active_member_count=Coalesce(Subquery(active, output_field=IntegerField()), 0),
        listed_conditions_json=conditions, association_handles_json=associations)
    listed = Q(visibility=Community.Visibility.LISTED)
    if viewer is None or not viewer.is_authenticated:
        return communities.filter(listed).annotate(viewer_status=Value(""), viewer_role=Value(""))
    own = Membership.objects.filter(community=OuterRef("pk"), member=viewer)
    return communities.filter(listed | Exists(own)).annotate(
        viewer_status=Subquery(own.values("status")[:1]),
        viewer_role=Subquery(own.values("role")[:1]))


def in_order(items, *names) -> list:
    """A related list of ``directory_for`` in its order, each item keeping ``names`` only."""
    return [{name: item[name] for name in names}
            for item in sorted(items or (), key=lambda item: item["order"])]


def member_list(community, viewer, *, sees_everyone: bool):
    """Active members as ``viewer`` may see them, each through their own profile's visibility.

    A member appears if they chose to show their membership (``shown_on_profile``) and the
    viewer may see their profile (``core.identity.visibility``'s rule, here in SQL), or to
    themselves; the community's moderators (who approve and remove members) see every member,
    but no more of a profile than anyone. Members blocked either way never appear.
    ``display_name`` is set only where the viewer may see that field.
    """
    profile_visible = Q(member__is_active=True) & audience_reached("member__profile__audience")
    shows_display_name = Q(member=viewer) | (
        profile_visible & audience_reached("member__profile__display_name_audience"))
    memberships = (community.memberships.active().select_related("member__profile")
                   .annotate(**relation_annotations(viewer, "member"))
                   .exclude(blocked=True)
                   .annotate(shown_display_name=Case(
                       When(shows_display_name, then=F("member__profile__display_name")),
                       default=Value(None))))
    if not sees_everyone:
        memberships = memberships.filter(Q(member=viewer)
                                         | (Q(shown_on_profile=True) & profile_visible))
    return memberships

