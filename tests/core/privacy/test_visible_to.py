"""The privacy matrix on a test Audienced model: each audience x each kind of viewer."""
import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from core.moderation.models import Block
from core.privacy.audiences import Audience
from tests.kit import ALLOWED, VIEWERS
from tests.factories import (CircleMembershipFactory, CommunityFactory, MembershipFactory,
                             UserFactory)
from tests.testapp.models import Note

pytestmark = pytest.mark.django_db

def visible_audiences(viewer):
    return {Audience(note.audience) for note in Note.objects.visible_to(viewer)}


@pytest.mark.parametrize("viewer", VIEWERS)
def test_privacy_matrix(world, viewer):
    viewers, notes, _ = world
    expected = {audience for audience, allowed in ALLOWED.items() if viewer in allowed}
    assert visible_audiences(viewers[viewer]) == expected
    for audience, note in notes.items():
        assert note.is_visible_to(viewers[viewer]) == (audience in expected)


def test_none_viewer_is_anonymous(world):
    assert visible_audiences(None) == {Audience.PUBLIC}


def test_pending_circle_invitation_and_pending_membership_give_nothing(world):
    viewers, notes, community = world
    invited = CircleMembershipFactory(owner=viewers["owner"], status="pending").member
    requested = MembershipFactory(community=community, status="pending").member
    assert visible_audiences(invited) == {Audience.MEMBERS, Audience.PUBLIC}
    assert visible_audiences(requested) == {Audience.MEMBERS, Audience.PUBLIC}


def test_leaving_loses_access_at_once(world):
    viewers, notes, community = world
    community_member = viewers["community"]
    assert Audience.COMMUNITY in visible_audiences(community_member)
    community_member.community_memberships.all().delete()
    assert Audience.COMMUNITY not in visible_audiences(community_member)
    circle_member = viewers["circle"]
    circle_member.circle_invitations_received.all().delete()
    assert Audience.CIRCLE not in visible_audiences(circle_member)


def test_community_content_of_another_community_stays_hidden(world):
    viewers, notes, _ = world
    outsider = MembershipFactory(community=CommunityFactory()).member
    assert Audience.COMMUNITY not in visible_audiences(outsider)


def test_hidden_objects_vanish_for_all_but_owner_and_moderators(world):
    viewers, notes, _ = world
    Note.objects.update(hidden_at=timezone.now())
    assert visible_audiences(viewers["stranger"]) == set()
    assert visible_audiences(viewers["anonymous"]) == set()
    assert visible_audiences(viewers["owner"]) == set(Audience)
    assert visible_audiences(viewers["moderator"]) == {Audience.MEMBERS, Audience.PUBLIC}


def test_blocking_hides_content_both_ways(world):
    viewers, notes, _ = world
    owner, stranger = viewers["owner"], viewers["stranger"]
    theirs = Note.objects.create(owner=stranger, audience=Audience.MEMBERS, title="theirs")
    Block.objects.create(blocker=owner, blocked=stranger)
    assert list(Note.objects.visible_to(stranger)) == [theirs]
    assert theirs not in Note.objects.visible_to(owner)
    assert visible_audiences(viewers["circle"]) == ALLOWED_FOR_CIRCLE


ALLOWED_FOR_CIRCLE = {Audience.CIRCLE, Audience.MEMBERS, Audience.PUBLIC}


def test_the_moderate_permission_without_staff_status_grants_nothing(world):
    viewers, _, _ = world
    not_staff = UserFactory()
    not_staff.user_permissions.add(Permission.objects.get(codename="moderate"))
    Note.objects.update(hidden_at=timezone.now())
    assert visible_audiences(not_staff) == set()


def test_visible_to_is_one_query(world, django_assert_num_queries):
    viewers, _, _ = world
    for viewer in viewers.values():
        viewer = type(viewer).objects.get(pk=viewer.pk) if viewer.is_authenticated else viewer
        viewer.has_perm("moderation.moderate")  # permissions are cached on the user per request
        with django_assert_num_queries(1):
            list(Note.objects.visible_to(viewer))
