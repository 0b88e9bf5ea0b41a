"""Fixtures of the polls tests: members, a community with its moderator, consent, API clients."""
import datetime

import pytest
from django.contrib.auth.models import Permission
from rest_framework.test import APIClient

from core.communities.models import Membership
from core.privacy.models import PrivacyPolicyVersion
from plugins.polls.purposes import RESEARCH_SURVEYS
from core.privacy.services import decide_consent
from tests.factories import CommunityFactory, MembershipFactory, UserFactory


def client_for(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.fixture
def member():
    return UserFactory()


@pytest.fixture
def moderator():
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="moderate"))
    return user


@pytest.fixture
def community():
    return CommunityFactory()


@pytest.fixture
def manager(community):
    """A moderator of the community: may build surveys for it."""
    user = UserFactory()
    MembershipFactory(community=community, member=user, role=Membership.Role.MODERATOR)
    return user


@pytest.fixture
def policy(db):
    return PrivacyPolicyVersion.objects.create(
        version="2026-01", effective_date=datetime.date(2026, 1, 1), text_en="Policy",
        text_fr="Politique")


def consenting(policy, user=None):
    """A member who consented to research surveys."""
    user = user or UserFactory()
    decide_consent(user, RESEARCH_SURVEYS, True)
    return user
