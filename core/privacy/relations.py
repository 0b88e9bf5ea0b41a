"""The audiences a viewer reaches towards one member: the per-person form of visible_to()."""
from django.db.models import Exists, OuterRef, Q

from core.privacy.audiences import Audience

EVERY_AUDIENCE = frozenset(Audience)
NOTHING = frozenset()


def relation_annotations(viewer, owner=OuterRef("pk")) -> dict:
    """Annotations saying how ``owner`` (a reference to a user id) relates to ``viewer``.

    ``in_circle``: the owner accepted the viewer into their circle; ``shares_community``: both
    are active members of a community; ``blocked``: either blocked the other.
    """
    from core.communities.models import Membership
    from core.identity.models import CircleMembership
    from core.moderation.models import Block

    return {
        "in_circle": Exists(CircleMembership.owners_sharing_with(viewer).filter(owner=owner)),
        "shares_community": Exists(Membership.objects.filter(
            member=owner, status=Membership.Status.ACTIVE,
            community__in=Membership.community_ids_of(viewer))),
        "blocked": Exists(Block.objects.filter(blocker=owner, blocked=viewer))
        | Exists(Block.objects.filter(blocker=viewer, blocked=owner)),
    }


def audience_reached(audience_field: str) -> Q:
    """The condition, on rows annotated by ``relation_annotations``, that the viewer reaches
    the audience stored in ``audience_field``: the SQL form of ``audiences_towards``."""
    return ~Q(blocked=True) & (
        Q(**{f"{audience_field}__in": [Audience.PUBLIC, Audience.MEMBERS]})
        | Q(**{audience_field: Audience.CIRCLE, "in_circle": True})
        | Q(**{audience_field: Audience.COMMUNITY, "shares_community": True}))


def audiences_towards(viewer, owner) -> frozenset:
    """Which audiences of ``owner``'s things ``viewer`` may see, in one query at most.

    Same rules as ``AudiencedQuerySet.visible_to``: the owner sees everything; anonymous visitors
    see `public`; members see `members` and `public`, `circle` if the owner accepted them into
    their circle, `community` if they share an active community membership; a block either way
    gives nothing. Moderators get no more than any member (they do not see private things).
    """
    if viewer is None or not viewer.is_authenticated:
        return frozenset({Audience.PUBLIC})
    if viewer.pk == owner.pk:
        return EVERY_AUDIENCE
    from django.contrib.auth import get_user_model

    relation = get_user_model().objects.filter(pk=owner.pk).annotate(
        **relation_annotations(viewer)).values("in_circle", "shares_community", "blocked").first()
    if relation is None or relation["blocked"]:
        return NOTHING
    reached = {Audience.PUBLIC, Audience.MEMBERS}
    if relation["in_circle"]:
        reached.add(Audience.CIRCLE)
    if relation["shares_community"]:
        reached.add(Audience.COMMUNITY)
    return frozenset(reached)
