"""The audience rule's three forms agree, with each other and with the rule as written, on
random worlds of members, circles, communities, memberships, blocks, participants (a note's
guest) and hidden objects."""
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from core.communities.models import Community, Membership
from core.identity.models import CircleMembership, Profile
from core.moderation.models import Block
from core.moderation.roles import is_moderator
from core.privacy.audiences import Audience
from core.privacy.relations import audience_reached, audiences_towards, relation_annotations
from tests.factories import UserFactory
from tests.testapp.models import Note

MEMBERS = 4
COMMUNITIES = 2
pairs = st.tuples(st.integers(0, MEMBERS - 1), st.integers(0, MEMBERS - 1)).filter(
    lambda pair: pair[0] != pair[1])

worlds = st.fixed_dictionaries({
    "moderators": st.sets(st.integers(0, MEMBERS - 1), max_size=2),
    "memberships": st.dictionaries(
        st.tuples(st.integers(0, COMMUNITIES - 1), st.integers(0, MEMBERS - 1)),
        st.sampled_from(Membership.Status.values), max_size=6),
    "circles": st.dictionaries(pairs, st.sampled_from(CircleMembership.Status.values),
                               max_size=5),
    "blocks": st.sets(pairs, max_size=2),
    "profiles": st.lists(st.sampled_from(Audience.values), min_size=MEMBERS, max_size=MEMBERS),
    "notes": st.lists(st.tuples(st.integers(0, MEMBERS - 1), st.sampled_from(Audience.values),
                                st.one_of(st.none(), st.integers(0, COMMUNITIES - 1)),
                                st.booleans(), st.one_of(st.none(), st.integers(0, MEMBERS - 1))),
                      min_size=1, max_size=8),
})


def oracle(world, viewer, owner, audience, community, hidden, guest=None) -> bool:
    """The rule as ``core.privacy.rule``'s docstring states it, over the world's plain data
    (``viewer``: an index, or None for an anonymous visitor; ``community``: an index or None,
    or "own" for the owner's own things, living in every community the owner is active in;
    ``guest``: the member taking part in the thing, or None)."""
    if viewer == owner:
        return True
    if viewer is None:
        return audience == Audience.PUBLIC and not hidden
    if (viewer, owner) in world["blocks"] or (owner, viewer) in world["blocks"]:
        return False
    if hidden and viewer not in world["moderators"]:
        return False
    if viewer == guest:
        return True  # a participant reaches every audience
    active = {key for key, status in world["memberships"].items()
              if status == Membership.Status.ACTIVE}
    if audience in (Audience.PUBLIC, Audience.MEMBERS):
        return True
    if audience == Audience.CIRCLE:
        return world["circles"].get((owner, viewer)) == CircleMembership.Status.ACCEPTED
    if audience == Audience.COMMUNITY:
        if community == "own":
            return any((c, viewer) in active and (c, owner) in active
                       for c in range(COMMUNITIES))
        return community is not None and (community, viewer) in active
    return False  # private


class AudienceRuleTest(TestCase):
    def build(self, world):
        members = [UserFactory(is_staff=index in world["moderators"],
                               is_superuser=index in world["moderators"])
                   for index in range(MEMBERS)]
        communities = [Community.objects.create(name=f"C{i}", slug=f"c{i}")
                       for i in range(COMMUNITIES)]
        for (community, member), status in world["memberships"].items():
            Membership.objects.create(community=communities[community], member=members[member],
                                      status=status)
        for (owner, member), status in world["circles"].items():
            CircleMembership.objects.create(owner=members[owner], member=members[member],
                                            relation=CircleMembership.Relation.RELATIVE,
                                            status=status)
        for blocker, blocked in world["blocks"]:
            Block.objects.create(blocker=members[blocker], blocked=members[blocked])
        for member, audience in zip(members, world["profiles"]):
            Profile.objects.filter(user=member).update(audience=audience)
        notes = [Note.objects.create(
            owner=members[owner], audience=audience, title="n",
            community=communities[community] if community is not None else None,
            hidden_at=timezone.now() if hidden else None,
            guest=members[guest] if guest is not None else None)
            for owner, audience, community, hidden, guest in world["notes"]]
        return members, notes

    @settings(max_examples=20, deadline=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(worlds)
    def test_the_three_forms_agree_with_the_rule(self, world):
        members, notes = self.build(world)
        index_of = {member.pk: index for index, member in enumerate(members)}
        for viewer_index, viewer in [(None, AnonymousUser())] + list(enumerate(members)):
            filtered = set(Note.objects.visible_to(viewer).values_list("pk", flat=True))
            if viewer.is_authenticated:
                annotated = set(
                    Note.objects.annotate(**relation_annotations(
                        viewer, "owner", "community", participants=Note.participant_paths))
                    .filter(audience_reached("audience")).values_list("pk", flat=True))
            for note, (owner, audience, community, hidden, guest) in zip(notes, world["notes"]):
                expected = oracle(world, viewer_index, owner, audience, community, hidden, guest)
                self.assertEqual(note.pk in filtered, expected, (viewer_index, note.pk))
                if viewer_index == owner:
                    continue
                sees_hidden = not hidden or is_moderator(viewer)
                per_person = note.audience in audiences_towards(
                    viewer, note.owner, community_id=note.community_id, thing=note) and sees_hidden
                self.assertEqual(per_person, expected, ("per person", viewer_index, note.pk))
                if viewer.is_authenticated:
                    self.assertEqual(note.pk in annotated and sees_hidden, expected,
                                     ("per row", viewer_index, note.pk))
            self.check_profiles(world, viewer_index, viewer, members, index_of)

    def check_profiles(self, world, viewer_index, viewer, members, index_of):
        """A member's own things (the profile) live in every community the member is in."""
        if viewer.is_authenticated:
            annotated = set(
                Profile.objects.annotate(**relation_annotations(viewer, "user"))
                .filter(audience_reached("audience")).values_list("user_id", flat=True))
        for owner_index, owner in enumerate(members):
            if owner_index == viewer_index:
                continue
            audience = world["profiles"][owner_index]
            expected = oracle(world, viewer_index, owner_index, audience, "own", False)
            self.assertEqual(audience in audiences_towards(viewer, owner), expected,
                             ("profile per person", viewer_index, owner_index))
            if viewer.is_authenticated:
                self.assertEqual(owner.pk in annotated, expected,
                                 ("profile per row", viewer_index, index_of[owner.pk]))
