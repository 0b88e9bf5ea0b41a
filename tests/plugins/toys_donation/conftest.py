"""Fixtures of the toys_donation tests: a donor, a ward with its manager, an item, clients."""
import pytest
from django.contrib.auth.models import Permission
from rest_framework.test import APIClient

from tests.factories import UserFactory
from tests.plugins.toys_donation.factories import make_item, make_ward

BASE = "/api/v1/toys_donation"


def client_for(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.fixture
def donor(db):
    return UserFactory()


@pytest.fixture
def manager(db):
    return UserFactory()


@pytest.fixture
def ward(manager):
    return make_ward(manager, accepts_dropoff=True, accepts_shipping=True)


@pytest.fixture
def item(ward):
    return make_item(ward, quantity_needed=10)


@pytest.fixture
def moderator(db):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="moderate"))
    return user
