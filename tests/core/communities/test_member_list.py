"""Member lists show each member through their own profile's visibility (one rule, in SQL)."""
import pytest

from core.communities.models import Membership
from core.identity.models import Profile
from core.moderation.models import Block
from core.privacy.audiences import Audience
from tests.factories import (CircleMembershipFactory, CommunityFactory, MembershipFactory,
                             UserFactory)

pytestmark = pytest.mark.django_db


def shown_member(community, *, audience=Audience.MEMBERS, name="", name_audience=None):
    member = MembershipFactory(community=community, shown_on_profile=True).member
    Profile.objects.filter(user=member).update(
        audience=audience, display_name=name,
        display_name_audience=name_audience or Profile.AUDIENCED_FIELDS["display_name"])
    return member


def listed(api_client):
    response = api_client.get("/api/v1/communities/crohn/members/?page_size=100")
    assert response.status_code == 200
    return {m["handle"]: m["display_name"] for m in response.json()["results"]}


def test_each_member_appears_as_their_profile_allows(api_client):
    community = CommunityFactory(slug="crohn")
    viewer = MembershipFactory(community=community).member
    public = shown_member(community, audience=Audience.PUBLIC, name="Alice",
                          name_audience=Audience.PUBLIC)
    members_only = shown_member(community, name="Bob", name_audience=Audience.PRIVATE)
    same_community = shown_member(community, audience=Audience.COMMUNITY, name="Chloé",
                                  name_audience=Audience.COMMUNITY)
    private = shown_member(community, audience=Audience.PRIVATE, name="Dan")
    circle = shown_member(community, audience=Audience.CIRCLE, name="Eve",
                          name_audience=Audience.CIRCLE)
    outside_circle = shown_member(community, audience=Audience.CIRCLE)
    CircleMembershipFactory(owner=circle, member=viewer)
    suspended = shown_member(community)
    suspended.is_active = False
    suspended.save(update_fields=["is_active"])
    moderator = MembershipFactory(community=community, role=Membership.Role.MODERATOR).member

    api_client.force_authenticate(viewer)
    assert listed(api_client) == {
        viewer.profile.handle: "", public.profile.handle: "Alice",
        members_only.profile.handle: None, same_community.profile.handle: "Chloé",
        circle.profile.handle: "Eve"}
    # Moderators see every member (to approve and remove), but no more of their profiles.
    api_client.force_authenticate(moderator)
    seen = listed(api_client)
    assert set(seen) == {m.profile.handle for m in (
        viewer, public, members_only, same_community, private, circle, outside_circle, suspended,
        moderator)}
    assert seen[private.profile.handle] is None and seen[circle.profile.handle] is None
    assert seen[public.profile.handle] == "Alice"


def test_blocked_members_vanish_from_each_others_lists(api_client):
    community = CommunityFactory(slug="crohn")
    viewer = shown_member(community)
    other = shown_member(community)
    Block.objects.create(blocker=viewer, blocked=other)
    api_client.force_authenticate(other)
    assert listed(api_client) == {other.profile.handle: ""}
    api_client.force_authenticate(viewer)
    assert listed(api_client) == {viewer.profile.handle: ""}


@pytest.mark.parametrize("page_size", [1, 50])
def test_member_list_query_count_for_a_member(api_client, page_size,
                                              django_assert_max_num_queries):
    community = CommunityFactory(slug="crohn")
    viewer = MembershipFactory(community=community).member
    for number in range(80):  # circle-only profiles outside the viewer's circle stay hidden
        member = shown_member(community, audience=[Audience.MEMBERS, Audience.CIRCLE,
                                                   Audience.COMMUNITY][number % 3])
        if number % 2:
            CircleMembershipFactory(owner=member, member=viewer)
    api_client.force_authenticate(viewer)
    # community, permission (membership, moderator check), page
    with django_assert_max_num_queries(5):
        response = api_client.get(f"/api/v1/communities/crohn/members/?page_size={page_size}")
    assert len(response.json()["results"]) == page_size


def test_the_member_list_is_lean_in_the_serializer_order(api_client):
    """The rows come from ``.values()``: no membership, account or profile built per row."""
    from django.contrib.auth import get_user_model

    from tests.kit import no_objects_built

    community = CommunityFactory(slug="crohn")
    viewer = MembershipFactory(community=community).member
    for _ in range(3):
        shown_member(community, name="Sam", name_audience=Audience.MEMBERS)
    api_client.force_authenticate(viewer)
    with no_objects_built(Profile, get_user_model()):
        response = api_client.get("/api/v1/communities/crohn/members/")
    rows = response.json()["results"]
    assert len(rows) == 4  # the viewer sees themselves too
    assert [list(row) for row in rows] == [["handle", "display_name", "role", "joined_at"]] * 4
    assert [row["display_name"] for row in rows].count("Sam") == 3
