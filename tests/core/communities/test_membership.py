"""Joining, requesting, approval, leaving and removal: who gets in, and access to content."""
import pytest
from django.contrib.auth.models import Permission
from core.errors import NotAllowed, NotFound

from core.communities import services
from core.communities.models import Community, Membership
from core.notifications.models import Notification
from core.privacy.audiences import Audience
from tests.factories import CommunityFactory, MembershipFactory, UserFactory
from tests.testapp.models import Note

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(api_client):
    member = UserFactory()
    api_client.force_authenticate(member)
    return member


def community_note(community):
    owner = MembershipFactory(community=community).member
    return Note.objects.create(owner=owner, audience=Audience.COMMUNITY, community=community,
                               title="For the community only")


def test_joining_an_open_community_gives_access_at_once(api_client, member):
    community = CommunityFactory(slug="crohn")
    note = community_note(community)
    assert not note.is_visible_to(member)
    response = api_client.post("/api/v1/communities/crohn/join/")
    assert response.status_code == 201
    assert response.json() == {"status": "active", "role": "member", "shown_on_profile": False,
                               "joined_at": response.json()["joined_at"],
                               "created_at": response.json()["created_at"]}
    assert note.is_visible_to(member)


def test_joining_twice_is_a_conflict(api_client, member):
    CommunityFactory(slug="crohn")
    api_client.post("/api/v1/communities/crohn/join/")
    response = api_client.post("/api/v1/communities/crohn/join/")
    assert response.status_code == 409
    assert response.json() == {"detail": "You are already a member of this community."}
    assert Membership.objects.count() == 1


def test_anonymous_visitors_cannot_join_and_unknown_slugs_are_404(api_client):
    CommunityFactory(slug="crohn")
    assert api_client.post("/api/v1/communities/crohn/join/").status_code == 401
    api_client.force_authenticate(UserFactory())
    assert api_client.post("/api/v1/communities/nope/join/").status_code == 404
    assert not Membership.objects.exists()


def test_requesting_to_join_a_moderated_community_and_being_approved(api_client, member):
    community = CommunityFactory(slug="ms", joining_policy=Community.JoiningPolicy.APPROVAL)
    moderator = MembershipFactory(community=community, role=Membership.Role.MODERATOR).member
    note = community_note(community)
    response = api_client.post("/api/v1/communities/ms/join/")
    assert response.status_code == 201 and response.json()["status"] == "pending"
    assert not note.is_visible_to(member)
    assert api_client.post("/api/v1/communities/ms/join/").json() == {
        "detail": "Your request to join this community is already waiting."}
    told = Notification.objects.get(recipient=moderator)
    assert (told.kind, told.url) == ("communities.join_requested", "/communities/ms/requests/")
    assert Notification.objects.filter(recipient=member).count() == 0

    services.approve(community, moderator, member)
    assert note.is_visible_to(member)
    assert Notification.objects.get(recipient=member).kind == "communities.request_approved"


def test_requests_go_to_site_moderators_when_the_community_has_no_moderator(member):
    community = CommunityFactory(joining_policy=Community.JoiningPolicy.APPROVAL)
    site_moderator = UserFactory(is_staff=True)
    site_moderator.user_permissions.add(Permission.objects.get(codename="moderate"))
    services.join(community, member)
    assert Notification.objects.get().recipient == site_moderator


def test_rejecting_a_request(member):
    community = CommunityFactory(joining_policy=Community.JoiningPolicy.APPROVAL)
    moderator = MembershipFactory(community=community, role=Membership.Role.MODERATOR).member
    services.join(community, member)
    services.reject(community, moderator, member)
    assert not Membership.objects.filter(member=member).exists()
    assert Notification.objects.get(recipient=member).kind == "communities.request_rejected"


def test_only_moderators_approve_and_only_pending_requests(member):
    community = CommunityFactory(joining_policy=Community.JoiningPolicy.APPROVAL)
    plain = MembershipFactory(community=community).member
    services.join(community, member)
    with pytest.raises(NotAllowed):
        services.approve(community, plain, member)
    with pytest.raises(NotAllowed):  # a moderator of another community
        other = MembershipFactory(role=Membership.Role.MODERATOR).member
        services.approve(community, other, member)
    moderator = MembershipFactory(community=community, role=Membership.Role.MODERATOR).member
    with pytest.raises(NotFound):
        services.approve(community, moderator, plain)  # already active, not a request
    assert Membership.objects.get(member=member).status == Membership.Status.PENDING


def test_leaving_loses_access_to_community_content_at_once(api_client, member):
    community = CommunityFactory(slug="crohn")
    note = community_note(community)
    api_client.post("/api/v1/communities/crohn/join/")
    assert api_client.post("/api/v1/communities/crohn/leave/").status_code == 204
    assert not note.is_visible_to(member)
    response = api_client.post("/api/v1/communities/crohn/leave/")
    assert response.status_code == 404
    assert response.json() == {"detail": "You are not a member of this community."}


def test_a_moderator_removes_a_member(member):
    community = CommunityFactory()
    moderator = MembershipFactory(community=community, role=Membership.Role.MODERATOR).member
    MembershipFactory(community=community, member=member)
    note = community_note(community)
    assert note.is_visible_to(member)
    services.remove_member(community, moderator, member)
    assert not note.is_visible_to(member)
    assert Notification.objects.get(recipient=member).kind == "communities.member_removed"
    with pytest.raises(NotAllowed):
        services.remove_member(community, member, moderator)


def test_appointing_and_revoking_moderators(member):
    community = CommunityFactory()
    moderator = MembershipFactory(community=community, role=Membership.Role.MODERATOR).member
    MembershipFactory(community=community, member=member)
    services.set_role(community, moderator, member, Membership.Role.MODERATOR)
    assert services.is_community_moderator(member, community)
    assert Notification.objects.get(recipient=member).kind == "communities.moderator_appointed"
    services.set_role(community, moderator, member, Membership.Role.MEMBER)
    assert not services.is_community_moderator(member, community)
    outsider = UserFactory()
    with pytest.raises(NotFound):  # only members can be appointed
        services.set_role(community, moderator, outsider, Membership.Role.MODERATOR)


def test_showing_my_membership(api_client, member):
    CommunityFactory(slug="crohn")
    api_client.post("/api/v1/communities/crohn/join/")
    response = api_client.patch("/api/v1/communities/crohn/membership/",
                                {"shown_on_profile": True})
    assert response.status_code == 200 and response.json()["shown_on_profile"] is True
    assert Membership.objects.get().shown_on_profile is True
    bad = api_client.patch("/api/v1/communities/crohn/membership/", {"shown_on_profile": "x"})
    assert bad.status_code == 400
    assert api_client.patch("/api/v1/communities/crohn/membership/", {}).json() == {
        "shown_on_profile": ["This field is required."]}


def test_member_list_shows_only_those_who_chose_to_show_their_membership(api_client, member):
    from core.moderation.models import Block

    community = CommunityFactory(slug="crohn")
    MembershipFactory(community=community, member=member)
    shown = MembershipFactory(community=community, shown_on_profile=True).member
    MembershipFactory(community=community, shown_on_profile=False)
    blocker = MembershipFactory(community=community, shown_on_profile=True).member
    Block.objects.create(blocker=blocker, blocked=member)
    MembershipFactory(community=community, shown_on_profile=True,
                      status=Membership.Status.PENDING)
    moderator = MembershipFactory(community=community, role=Membership.Role.MODERATOR).member
    response = api_client.get("/api/v1/communities/crohn/members/")
    assert response.status_code == 200
    assert sorted(m["handle"] for m in response.json()["results"]) == sorted(
        [member.profile.handle, shown.profile.handle])
    api_client.force_authenticate(moderator)
    assert len(api_client.get("/api/v1/communities/crohn/members/").json()["results"]) == 5


def test_non_members_do_not_see_the_member_list(api_client):
    CommunityFactory(slug="crohn")
    assert api_client.get("/api/v1/communities/crohn/members/").status_code == 401
    api_client.force_authenticate(UserFactory())
    response = api_client.get("/api/v1/communities/crohn/members/")
    assert response.status_code == 403
    assert response.json() == {"detail": "Only members of this community may see this."}


def test_moderation_of_members_through_the_api(api_client, member):
    community = CommunityFactory(slug="ms", joining_policy=Community.JoiningPolicy.APPROVAL)
    moderator = MembershipFactory(community=community, role=Membership.Role.MODERATOR).member
    services.join(community, member)
    handle = member.profile.handle
    assert api_client.get("/api/v1/communities/ms/requests/").status_code == 403
    assert api_client.post(f"/api/v1/communities/ms/requests/{handle}/approve/").status_code == 403
    api_client.force_authenticate(moderator)
    requests = api_client.get("/api/v1/communities/ms/requests/").json()["results"]
    assert [r["handle"] for r in requests] == [handle]
    assert api_client.post("/api/v1/communities/ms/requests/nobody/approve/").status_code == 404
    response = api_client.post(f"/api/v1/communities/ms/requests/{handle}/approve/")
    assert response.status_code == 200 and response.json()["status"] == "active"
    assert api_client.post(f"/api/v1/communities/ms/requests/{handle}/approve/").status_code == 404
    response = api_client.post("/api/v1/communities/ms/moderators/", {"handle": handle})
    assert response.json() == {"handle": handle, "display_name": None, "role": "moderator",
                               "joined_at": response.json()["joined_at"]}
    assert api_client.post("/api/v1/communities/ms/moderators/", {}).json() == {
        "handle": ["This field is required."]}
    assert api_client.delete(f"/api/v1/communities/ms/moderators/{handle}/").status_code == 204
    assert api_client.delete(f"/api/v1/communities/ms/members/{handle}/").status_code == 204
    assert not Membership.objects.filter(member=member).exists()
    assert api_client.delete(f"/api/v1/communities/ms/members/{handle}/").status_code == 404
    response = api_client.delete(f"/api/v1/communities/ms/members/{moderator.profile.handle}/")
    assert response.status_code == 400


def test_rejecting_through_the_api(api_client, member):
    community = CommunityFactory(slug="ms", joining_policy=Community.JoiningPolicy.APPROVAL)
    moderator = MembershipFactory(community=community, role=Membership.Role.MODERATOR).member
    services.join(community, member)
    api_client.force_authenticate(moderator)
    response = api_client.post(f"/api/v1/communities/ms/requests/{member.profile.handle}/reject/")
    assert response.status_code == 204
    assert not Membership.objects.filter(member=member).exists()


@pytest.mark.parametrize("page_size", [1, 50])
def test_member_and_request_lists_query_count(api_client, page_size,
                                              django_assert_max_num_queries):
    community = CommunityFactory(slug="crohn")
    moderator = MembershipFactory(community=community, role=Membership.Role.MODERATOR).member
    MembershipFactory.create_batch(55, community=community, shown_on_profile=True)
    MembershipFactory.create_batch(55, community=community, status=Membership.Status.PENDING)
    api_client.force_authenticate(moderator)
    for url in ("/api/v1/communities/crohn/members/", "/api/v1/communities/crohn/requests/"):
        # community, permission check (membership, moderator), page
        with django_assert_max_num_queries(6):
            response = api_client.get(f"{url}?page_size={page_size}")
        assert len(response.json()["results"]) == page_size
