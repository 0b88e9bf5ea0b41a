"""Fixtures of the crowdfunding tests: members, a moderator, a plugin manager, API clients."""
import pytest
from django.contrib.auth.models import Permission
from rest_framework.test import APIClient

from tests.factories import UserFactory


@pytest.fixture
def member():
    return UserFactory()


@pytest.fixture
def moderator():
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="moderate"))
    return user


@pytest.fixture
def plugin_manager():
    """A member of the site's crowdfunding team (Wagtail group with change_campaign)."""
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="change_campaign",
                                                     content_type__app_label="crowdfunding"))
    return user


@pytest.fixture(autouse=True)
def _bank_details(settings):
    settings.CROWDFUNDING_MANUAL_IBAN = "FR7630006000011234567890189"
    settings.CROWDFUNDING_MANUAL_BENEFICIARY = "Association Stent"


def client_for(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client
