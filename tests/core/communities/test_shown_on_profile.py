"""Issue 17 item 8: "show on my profile" puts the community on the member's profile, for the
viewers the profile's audience allows."""
import pytest
from rest_framework.test import APIClient

from core.privacy.audiences import Audience
from tests.factories import CommunityFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def client_for(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def test_the_profile_shows_the_communities_the_member_chose(settings):
    member = UserFactory()
    shown = CommunityFactory(slug="crohn", name="Crohn")
    CommunityFactory(slug="lupus", name="Lupus")
    MembershipFactory(community=shown, member=member)
    MembershipFactory(community=CommunityFactory.create(slug="sep", name="SEP"), member=member)
    url = f"/api/v1/members/{member.profile.handle}/"
    stranger = client_for(UserFactory())
    assert stranger.get(url).json()["communities"] == []

    chosen = client_for(member).patch("/api/v1/communities/crohn/membership/",
                                      {"shown_on_profile": True}, format="json")
    assert chosen.status_code == 200, chosen.content
    assert stranger.get(url).json()["communities"] == [{"slug": "crohn", "name": "Crohn"}]
    assert client_for(member).get(url).json()["communities"] == [
        {"slug": "crohn", "name": "Crohn"}]
    # The profile's audience decides who sees them: members only by default, then public.
    assert client_for().get(url).status_code == 404
    member.profile.audience = Audience.PUBLIC
    member.profile.save()
    assert client_for().get(url).json()["communities"] == [{"slug": "crohn", "name": "Crohn"}]
    # Hidden again, or left: gone from the profile.
    client_for(member).patch("/api/v1/communities/crohn/membership/",
                             {"shown_on_profile": False}, format="json")
    assert stranger.get(url).json()["communities"] == []
