"""Fixtures of the agenda tests: members, an organiser, a consent to health data, clients."""
import pytest
from rest_framework.test import APIClient

from core.privacy.purposes import Purpose
from tests.factories import UserFactory


def client_for(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def consent_to_health_data(member):
    from core.privacy.models import Consent, PrivacyPolicyVersion

    policy, _ = PrivacyPolicyVersion.objects.get_or_create(
        version="test", defaults={"effective_date": "2020-01-01", "text_en": "Policy",
                                  "text_fr": "Politique"})
    Consent.objects.create(member=member, purpose=Purpose.HEALTH_DATA, granted=True,
                           policy_version=policy)
    return member


@pytest.fixture
def organiser():
    return UserFactory()


@pytest.fixture
def member():
    return UserFactory()
