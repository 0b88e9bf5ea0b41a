"""Fixtures of the exchange tests: members, a moderator, API clients."""
import pytest
from django.contrib.auth.models import Permission
from rest_framework.test import APIClient

from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def default_categories_and_words(request):
    """The data migration's rows, back after a transactional test (PostgreSQL) flushed them."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None:
        return
    request.getfixturevalue("transactional_db" if marker.kwargs.get("transaction") else "db")
    from plugins.exchange.defaults import install_defaults
    from plugins.exchange.models import Category, WarningWord

    if not (Category.objects.filter(slug="single-use-sterile").exists()
            and WarningWord.objects.exists()):
        install_defaults(Category, WarningWord)


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
