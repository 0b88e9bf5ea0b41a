"""The per-row and per-person forms of the audience rule (``core.privacy.rule``).

``relation_annotations`` + ``audience_reached`` read the rule in SQL over rows that point at an
owner (member lists, profiles); ``audiences_towards`` gives the set of audiences one viewer
reaches towards one owner (a profile and its fields).
"""
from django.contrib.auth import get_user_model
from django.db.models import BooleanField, Exists, ExpressionWrapper, Q, Value
from django.db.models.lookups import In
from django.utils.translation import gettext as _

from core.errors import NotAllowed
from core.privacy import rule
from core.privacy.audiences import Audience
from core.privacy.registry import provided

EVERY_AUDIENCE = frozenset(Audience)
NOTHING = frozenset()
#: ``audiences_towards``'s default: the owner's own things, living in all their communities.
OWN_THINGS = object()

#: The relation annotations ``relation_annotations`` adds and ``audience_reached`` reads.
CONDITIONAL_RELATIONS = (rule.IN_COMMUNITY, rule.IN_CIRCLE, rule.PARTICIPANT)


def _flag(condition: Q) -> ExpressionWrapper:
    return ExpressionWrapper(condition, output_field=BooleanField())


def relation_annotations(viewer, owner: str = "pk", community: str | None = None,
                         participants=()) -> dict:
    """Annotations saying how the owner in column ``owner`` relates to ``viewer``.

    ``in_circle``: the owner accepted the viewer into their circle; ``in_community``: the viewer
    is an active member of the community in column ``community``, or, for a member's own things
    (no ``community`` column), shares an active community with the owner; ``participant``: the
    viewer is one of the members the row names through the lookups ``participants`` (a model's
    ``participant_paths``); ``blocked``: either blocked the other.
    """
    taking_part = rule.taking_part(participants, viewer)
    if community is None:
        in_community = Q(**{f"{owner}__in": provided("co_member_ids", viewer)})
    else:
        in_community = Q(**{f"{community}__in": provided("community_ids", viewer)})
    return {
        rule.IN_CIRCLE: _flag(Q(**{f"{owner}__in": provided("circle_owner_ids", viewer)})),
        rule.IN_COMMUNITY: _flag(in_community),
        rule.PARTICIPANT: Value(False) if taking_part is None else _flag(taking_part),
        "blocked": _flag(Q(**{f"{owner}__in": provided("blocker_ids", viewer)})
                         | Q(**{f"{owner}__in": provided("blocked_ids", viewer)})),
    }


def audience_reached(audience_field: str) -> Q:
    """The condition, on rows annotated by ``relation_annotations``, that the viewer (a signed-in
    member, not the owner) reaches the audience stored in ``audience_field``."""
    relations = {relation: None for relation in rule.UNCONDITIONAL_FOR_MEMBERS}
    relations.update({relation: Q(**{relation: True}) for relation in CONDITIONAL_RELATIONS})
    return ~Q(blocked=True) & rule.audience_condition(audience_field, relations)


def audiences_towards(viewer, owner, community_id=OWN_THINGS, thing=None) -> frozenset:
    """Which audiences of ``owner``'s things ``viewer`` reaches, in one query at most.

    ``community_id``: the community a thing lives in (``None``: in none); left out for the
    owner's own things (profile, profile fields), where ``community`` is reached by sharing an
    active community with the owner. ``thing``: the Audienced row itself, when its model names
    participants (``participant_paths``) the viewer may be one of. Hidden things are not this
    function's business: ``AudiencedQuerySet.visible_to`` handles them.
    """
    if viewer is None or not viewer.is_authenticated:
        return rule.audiences_reached(rule.UNCONDITIONAL_FOR_ANONYMOUS)
    if viewer.pk == owner.pk:
        return EVERY_AUDIENCE
    annotations = relation_annotations(viewer)
    if community_id is None:
        annotations[rule.IN_COMMUNITY] = Value(False)
    elif community_id is not OWN_THINGS:
        annotations[rule.IN_COMMUNITY] = In(Value(community_id), provided("community_ids", viewer))
    taking_part = rule.taking_part(getattr(thing, "participant_paths", ()), viewer)
    if taking_part is not None:
        annotations[rule.PARTICIPANT] = Exists(
            type(thing)._default_manager.filter(taking_part, pk=thing.pk))
    relation = (get_user_model().objects.filter(pk=owner.pk).annotate(**annotations)
                .values(*CONDITIONAL_RELATIONS, "blocked").first())
    if relation is None or relation["blocked"]:
        return NOTHING
    holding = set(rule.UNCONDITIONAL_FOR_MEMBERS)
    holding.update(name for name in CONDITIONAL_RELATIONS if relation[name])
    return rule.audiences_reached(holding)


def blocked_either_way(one, other) -> bool:
    """Whether either member (objects or ids) blocked the other, in one query."""
    one, other = getattr(one, "pk", one), getattr(other, "pk", other)
    return get_user_model().objects.filter(pk=other).filter(
        Q(pk__in=provided("blocked_ids", one)) | Q(pk__in=provided("blocker_ids", one))).exists()


def ensure_not_blocked(one, other) -> None:
    """Refuse (403) any contact between two members when either blocked the other.

    Called by circle invitations, messaging and anything else that lets a member reach another.
    """
    if blocked_either_way(one, other):
        raise NotAllowed(_("You cannot contact or invite this member: one of you "
                           "blocked the other."))
