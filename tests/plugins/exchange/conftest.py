"""Fixtures of the exchange tests: members, a moderator, API clients."""
import pytest
from django.contrib.auth.models import Permission
from rest_framework.test import APIClient

from tests.factories import UserFactory


@pytest.fixture
def member():
    return UserFactory()


@pytest.fixture
def other():
    return UserFactory()


@pytest.fixture
def moderator():
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="moderate"))
    return user


def client_for(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client
