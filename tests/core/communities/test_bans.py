"""Issue 17 item 10: community moderators ban a member (with an end date or none, audited,
notified); a banned member cannot rejoin, ask to join, nor reach the community's content."""
from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from core.communities import services
from core.communities.models import Community, CommunityBan, Membership
from core.errors import NotAllowed
from core.notifications.models import Notification
from core.privacy.audiences import Audience
from core.privacy.models import AuditEntry
from tests.factories import CommunityFactory, MembershipFactory, UserFactory
from tests.testapp.models import Note

pytestmark = pytest.mark.django_db


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def world():
    community = CommunityFactory(slug="crohn")
    moderator = MembershipFactory(community=community, role=Membership.Role.MODERATOR).member
    member = MembershipFactory(community=community).member
    note = Note.objects.create(owner=moderator, audience=Audience.COMMUNITY, community=community,
                               title="For the community only")
    return community, moderator, member, note


def test_a_banned_member_is_out_and_cannot_rejoin(world):
    community, moderator, member, note = world
    assert note.is_visible_to(member)
    response = client_for(moderator).post("/api/v1/communities/crohn/bans/", {
        "handle": member.profile.handle, "reason": "Repeated harassment"}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["until"] is None and response.json()["reason"] == "Repeated harassment"
    assert not Membership.objects.filter(community=community, member=member).exists()
    assert not note.is_visible_to(member)
    rejoin = client_for(member).post("/api/v1/communities/crohn/join/")
    assert rejoin.status_code == 403
    assert rejoin.json() == {"detail": "You are banned from this community."}
    in_french = client_for(member).post("/api/v1/communities/crohn/join/",
                                        HTTP_ACCEPT_LANGUAGE="fr")
    assert in_french.json() == {"detail": "Vous êtes banni·e de cette communauté."}
    assert client_for(member).get("/api/v1/communities/crohn/members/").status_code == 403
    # Audited and notified.
    entry = AuditEntry.objects.get(action="communities.member_banned")
    assert (entry.actor_id, entry.subject_id, entry.target_id) == (
        moderator.pk, member.pk, str(community.pk))
    told = Notification.objects.get(recipient=member, kind="communities.member_banned")
    assert "Crohn" in told.title or community.name in told.title
    assert told.body == "Repeated harassment"
    # Lifted: the member may join again.
    assert client_for(moderator).delete(
        f"/api/v1/communities/crohn/bans/{member.profile.handle}/").status_code == 204
    assert client_for(member).post("/api/v1/communities/crohn/join/").status_code == 201
    assert note.is_visible_to(member)


def test_a_ban_with_an_end_date_ends_by_itself(world):
    community, moderator, member, note = world
    until = timezone.now() + timedelta(days=7)
    services.ban(community, moderator, member, until=until)
    with pytest.raises(NotAllowed) as refused:
        services.join(community, member)
    assert "until" in refused.value.message
    CommunityBan.objects.update(until=timezone.now() - timedelta(seconds=1))
    services.join(community, member)
    assert note.is_visible_to(member)


def test_a_ban_keeps_out_whatever_way_in(world):
    """A pending request is dropped and cannot be approved; a membership row written behind the
    services' back still reaches nothing (the audience rule reads the ban)."""
    community, moderator, member, note = world
    community.joining_policy = Community.JoiningPolicy.APPROVAL
    community.save()
    asking = UserFactory()
    services.join(community, asking)
    services.ban(community, moderator, asking)
    assert client_for(asking).post("/api/v1/communities/crohn/join/").status_code == 403
    services.ban(community, moderator, member)
    Membership.objects.create(community=community, member=member,
                              status=Membership.Status.ACTIVE, joined_at=timezone.now())
    assert not note.is_visible_to(member)
    assert Note.objects.visible_to(member).count() == 0
    with pytest.raises(NotAllowed):
        services.approve(community, moderator, Membership.objects.create(
            community=community, member=asking, status=Membership.Status.PENDING).member)


def test_only_the_community_s_moderators_ban_and_bad_input_is_a_400(world):
    community, moderator, member, _note = world
    url = "/api/v1/communities/crohn/bans/"
    assert client_for(member).post(url, {"handle": moderator.profile.handle}).status_code == 403
    other = MembershipFactory(community=community).member
    for body, field in [({}, "handle"), ({"handle": other.profile.handle, "until": "soon"},
                                         "until"),
                        ({"handle": other.profile.handle,
                          "until": (timezone.now() - timedelta(days=1)).isoformat()}, "until"),
                        ({"handle": moderator.profile.handle}, "handle")]:
        response = client_for(moderator).post(url, body, format="json")
        assert response.status_code in (400, 404), (body, response.content)
        if response.status_code == 400:
            assert field in response.json(), response.json()
    assert not CommunityBan.objects.exists()
    assert Membership.objects.filter(member=other).exists()
    assert client_for(moderator).delete(
        f"{url}{other.profile.handle}/").status_code == 404
