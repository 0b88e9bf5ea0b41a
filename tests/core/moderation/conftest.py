"""Fixtures of the moderation tests: a site moderator, a community and its moderator."""
import pytest
from django.contrib.auth.models import Permission

from core.communities.models import Membership
from tests.factories import CommunityFactory, MembershipFactory, UserFactory


@pytest.fixture
def site_moderator():
    moderator = UserFactory(is_staff=True)
    moderator.user_permissions.add(Permission.objects.get(codename="moderate"))
    return moderator


@pytest.fixture
def community():
    return CommunityFactory(slug="crohn")


@pytest.fixture
def community_moderator(community):
    return MembershipFactory(community=community, role=Membership.Role.MODERATOR).member
