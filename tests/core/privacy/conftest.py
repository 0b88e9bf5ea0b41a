"""The world of the privacy matrix: an owner, a note of each audience, each kind of viewer."""
import pytest
from django.contrib.auth.models import AnonymousUser, Permission

from core.privacy.audiences import Audience
from tests.factories import (CircleMembershipFactory, CommunityFactory, MembershipFactory,
                             UserFactory)
from tests.testapp.models import Note


@pytest.fixture
def world():
    owner = UserFactory()
    community = CommunityFactory()
    MembershipFactory(community=community, member=owner)
    same_community = MembershipFactory(community=community).member
    circle = CircleMembershipFactory(owner=owner).member
    moderator = UserFactory(is_staff=True)
    moderator.user_permissions.add(Permission.objects.get(codename="moderate"))
    viewers = {"owner": owner, "circle": circle, "community": same_community,
               "stranger": UserFactory(), "moderator": moderator, "anonymous": AnonymousUser()}
    notes = {audience: Note.objects.create(owner=owner, audience=audience, community=community,
                                           title=f"A {audience} note")
             for audience in Audience}
    return viewers, notes, community
