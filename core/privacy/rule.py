"""The audience rule: who reaches which audience. Written once here; every reading derives from it.

The rule, for a viewer and a thing (an object, or a member's profile and its fields):

- its **owner** reaches every audience, hidden or not;
- an **anonymous visitor** reaches ``public``, and never hidden things;
- a **signed-in member** reaches ``public`` and ``members``; ``circle`` when the owner accepted
  them into their circle; ``community`` when they are an active member of the community the
  thing lives in. An object lives in its own ``community``; a member's own things (profile,
  profile fields) live in every community the member is an active member of, so there
  ``community`` means "shares an active community with the owner". No other reading of
  ``community`` exists;
- ``private`` is reached by the owner alone, and by the thing's **participants**: the members
  a model names in ``Audienced.participant_paths`` (the two members of a conversation) reach
  the thing whatever its audience, like its owner, but not across a block with its owner nor
  when it is hidden (a model names none by default);
- a **block**, either way, reaches nothing;
- **hidden** things (``hidden_at`` set by moderation) are seen by their owner and the site's
  moderators only. Moderators get no other audience than any member, but for what they must
  review: the rows a model with a review step names in ``Audienced.awaiting_review`` (a
  submitted petition, a campaign in review) reach the site's moderators whatever their audience.

``REACHED_BY`` maps each audience to the one relation that reaches it, and
``REACHES_EVERY_AUDIENCE`` names the relations (taking part) that reach them all; ``taking_part``
says, as a ``Q``, who takes part in a row. From these are derived:
``audience_condition`` (a ``Q`` over an audience column, given each relation as a ``Q``) used
by ``AudiencedQuerySet.visible_to`` (relations read through the owner and community columns)
and by ``core.privacy.relations.audience_reached`` (relations read from per-row annotations);
``audiences_reached`` (a set, given the relations that hold) used by
``core.privacy.relations.audiences_towards`` and by ``core.moderation.targets``.

A participant is one more relation like the others: the filter reads it through the model's
``participant_paths``, the per-row form through ``relation_annotations(participants=...)``, the
per-person form through ``audiences_towards(thing=...)``.

A sixth audience is one entry in ``core.privacy.audiences.Audience`` and one in ``REACHED_BY``
(plus, if no existing relation reaches it, the new relation's provider in ``core.privacy.registry``
and its two readings: in ``core.privacy.models`` and in ``core.privacy.relations``).
"""
from django.db.models import Q

from core.privacy.audiences import Audience

#: Relations between a viewer and a thing.
ANYONE = "anyone"  # anonymous visitors too
MEMBER = "member"  # any signed-in member
IN_COMMUNITY = "in_community"  # active member of the community the thing lives in
IN_CIRCLE = "in_circle"  # the owner accepted the viewer into their circle
PARTICIPANT = "participant"  # the viewer takes part in the thing (Audienced.participant_paths)

#: The relation that reaches each audience; ``private`` is absent: the owner alone reaches it.
REACHED_BY = {
    Audience.PUBLIC: ANYONE,
    Audience.MEMBERS: MEMBER,
    Audience.COMMUNITY: IN_COMMUNITY,
    Audience.CIRCLE: IN_CIRCLE,
}

#: Relations reaching every audience, as the owner does (but not across a block, nor hidden things).
REACHES_EVERY_AUDIENCE = frozenset({PARTICIPANT})

#: The relations every signed-in viewer holds without any lookup.
UNCONDITIONAL_FOR_MEMBERS = frozenset({ANYONE, MEMBER})
UNCONDITIONAL_FOR_ANONYMOUS = frozenset({ANYONE})


def audiences_reached(relations) -> frozenset:
    """The audiences reached by a viewer holding ``relations`` (not being the owner)."""
    if REACHES_EVERY_AUDIENCE & set(relations):
        return frozenset(Audience)
    return frozenset(audience for audience, relation in REACHED_BY.items()
                     if relation in relations)


def audience_condition(audience_field: str, relations: dict) -> Q:
    """The ``Q`` saying that the audience stored in ``audience_field`` is reached.

    ``relations`` maps each relation the viewer may hold to a ``Q`` telling when it holds, or to
    ``None`` when it always holds; relations left out never hold.
    """
    always = [audience for audience, relation in REACHED_BY.items()
              if relation in relations and relations[relation] is None]
    condition = Q(**{f"{audience_field}__in": always})
    for audience, relation in REACHED_BY.items():
        if relations.get(relation) is not None:
            condition |= Q(**{audience_field: audience}) & relations[relation]
    for relation in REACHES_EVERY_AUDIENCE & set(relations):
        condition |= (Q(**{f"{audience_field}__in": Audience.values})
                      if relations[relation] is None else relations[relation])
    return condition


def taking_part(participant_paths, viewer) -> Q | None:
    """The ``Q`` saying that ``viewer`` is one of the members the row names through
    ``participant_paths`` (lookups along to-one relations ending at a user), or ``None`` when
    the model names no participant."""
    condition = None
    for path in participant_paths:
        condition = Q(**{path: viewer}) if condition is None else condition | Q(**{path: viewer})
    return condition
