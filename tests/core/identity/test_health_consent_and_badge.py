"""Conditions are health data: stored and shown only with the health-data consent, hidden at
once when it is withdrawn. A professional's verified badge belongs to that kind."""
import pytest
from django.utils import timezone

from core.identity.models import Condition, Profile
from core.privacy.audiences import Audience
from core.privacy.models import AuditEntry
from core.privacy.purposes import Purpose
from core.privacy.services import decide_consent
from tests.core.privacy.test_consents import make_policy
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ME = "/api/v1/me/"


@pytest.fixture
def member(api_client):
    make_policy()
    Condition.objects.create(name="Epilepsy", slug="epilepsy")
    member = UserFactory()
    api_client.force_authenticate(member)
    return member


def test_conditions_without_the_health_data_consent_are_refused_and_nothing_is_stored(
        api_client, member):
    response = api_client.patch(ME, {"conditions": ["epilepsy"]}, format="json")
    assert response.status_code == 403
    assert "health_data" in response.json()["detail"]
    assert "/api/v1/me/consents/" in response.json()["detail"]
    assert not member.profile.conditions.exists()
    widened = api_client.patch(ME, {"field_audiences": {"conditions": "members"}}, format="json")
    assert widened.status_code == 403
    assert Profile.objects.get(user=member).conditions_audience == Audience.PRIVATE


def test_french_message_for_a_missing_consent(api_client, member):
    response = api_client.patch(ME, {"conditions": ["epilepsy"]}, format="json",
                                HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 403 and "consentement" in response.json()["detail"]


def test_with_consent_conditions_are_stored_and_withdrawal_hides_them_at_once(
        api_client, member):
    decide_consent(member, Purpose.HEALTH_DATA, True)
    response = api_client.patch(ME, {"conditions": ["epilepsy"],
                                     "field_audiences": {"conditions": "members"}}, format="json")
    assert response.status_code == 200, response.json()
    other = UserFactory()
    api_client.force_authenticate(other)
    handle = member.profile.handle
    assert api_client.get(f"/api/v1/members/{handle}/").json()["conditions"] == ["epilepsy"]

    api_client.force_authenticate(member)
    withdrawn = api_client.post("/api/v1/me/consents/", {"purpose": "health_data",
                                                         "granted": False}, format="json")
    state = next(p for p in withdrawn.json()["purposes"] if p["purpose"] == "health_data")
    assert "erase" in state["on_withdrawal"] and "conditions" in state["covers"]
    api_client.force_authenticate(other)
    assert "conditions" not in api_client.get(f"/api/v1/members/{handle}/").json()
    assert member.profile.conditions.exists()  # still the member's, to remove or erase


def test_changing_kind_loses_the_verified_badge(api_client, member):
    Profile.objects.filter(user=member).update(kind=Profile.Kind.PROFESSIONAL,
                                               verified_at=timezone.now())
    assert api_client.get(ME).json()["verified"] is True
    response = api_client.patch(ME, {"kind": "relative"}, format="json")
    assert response.status_code == 200 and response.json()["verified"] is False
    assert AuditEntry.objects.filter(action="identity.verification_lost", subject=member).exists()
    back = api_client.patch(ME, {"kind": "professional"}, format="json")
    assert back.json()["verified"] is False  # verification is asked for again


def test_an_unchanged_kind_keeps_the_badge(api_client, member):
    Profile.objects.filter(user=member).update(kind=Profile.Kind.PROFESSIONAL,
                                               verified_at=timezone.now())
    response = api_client.patch(ME, {"kind": "professional", "bio": "GP"}, format="json")
    assert response.json()["verified"] is True
