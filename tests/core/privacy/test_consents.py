"""Consents per purpose, tied to the privacy policy version; the policy in force, FR and EN."""
import datetime

import pytest
from django.utils import timezone

from core.privacy.models import Consent, PrivacyPolicyVersion
from core.privacy.purposes import consent_purposes
from core.privacy.services import has_consent
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CONSENTS = "/api/v1/me/consents/"
POLICY = "/api/v1/privacy-policy/"


def make_policy(version="2026-01", days_ago=30, **overrides):
    return PrivacyPolicyVersion.objects.create(**{
        "version": version, "effective_date": timezone.localdate() - datetime.timedelta(days_ago),
        "text_en": f"Policy {version}", "text_fr": f"Politique {version}", **overrides})


@pytest.fixture
def member(api_client):
    member = UserFactory()
    api_client.force_login(member)  # a real session: request.user is a lazy object
    return member


def purpose_state(response, purpose):
    return next(p for p in response.json()["purposes"] if p["purpose"] == purpose)


def test_nothing_is_granted_by_default(api_client, member):
    make_policy()
    response = api_client.get(CONSENTS)
    assert response.status_code == 200
    assert response.json() == {"policy_version": "2026-01", "purposes": [
        {"purpose": purpose, "label": label, "granted": False, "granted_at": None,
         "withdrawn_at": None, "policy_version": None, "needs_renewal": False, "history": [],
         "covers": consent_purposes()[purpose].covers_text,
         "on_withdrawal": consent_purposes()[purpose].on_withdrawal_text}
        for purpose, label in [
            ("health_data", "Storing and using the health data I enter"),
            ("email_news", "Receiving news by e-mail"),
            ("research_surveys", "Being invited to research surveys")]]}


def test_grant_then_withdraw_takes_effect_at_once(api_client, member):
    make_policy()
    granted = api_client.post(CONSENTS, {"purpose": "health_data", "granted": True})
    assert granted.status_code == 201
    state = purpose_state(granted, "health_data")
    assert state["granted"] is True and state["policy_version"] == "2026-01"
    assert has_consent(member, "health_data")

    withdrawn = api_client.post(CONSENTS, {"purpose": "health_data", "granted": False})
    assert withdrawn.status_code == 201
    state = purpose_state(withdrawn, "health_data")
    assert not has_consent(member, "health_data")
    assert state["granted"] is False and state["granted_at"] is None
    assert state["withdrawn_at"] is not None
    assert [(h["granted"], h["policy_version"]) for h in state["history"]] == [
        (False, "2026-01"), (True, "2026-01")]
    assert not has_consent(member, "research_surveys")


def test_repeating_the_decision_in_force_records_nothing(api_client, member):
    make_policy()
    api_client.post(CONSENTS, {"purpose": "email_news", "granted": True})
    again = api_client.post(CONSENTS, {"purpose": "email_news", "granted": True})
    assert again.status_code == 200
    assert Consent.objects.count() == 1


def test_a_new_policy_version_makes_earlier_consents_need_renewal(api_client, member):
    make_policy("2026-01", days_ago=60)
    api_client.post(CONSENTS, {"purpose": "research_surveys", "granted": True})
    make_policy("2026-06", days_ago=1)
    state = purpose_state(api_client.get(CONSENTS), "research_surveys")
    assert state["granted"] is True and state["needs_renewal"] is True
    assert state["policy_version"] == "2026-01"
    renewed = api_client.post(CONSENTS, {"purpose": "research_surveys", "granted": True})
    assert renewed.status_code == 201
    state = purpose_state(renewed, "research_surveys")
    assert state["needs_renewal"] is False and state["policy_version"] == "2026-06"


def test_bad_decisions_are_refused_and_nothing_is_stored(api_client, member):
    make_policy()
    assert api_client.post(CONSENTS, {"purpose": "selling_data", "granted": True}).json() == {
        "purpose": ['"selling_data" is not a valid choice.']}
    assert api_client.post(CONSENTS, {}).json() == {"purpose": ["This field is required."],
                                                     "granted": ["This field is required."]}
    assert api_client.post(CONSENTS, {"purpose": "email_news", "granted": "perhaps"}).json() == {
        "granted": ["Must be a valid boolean."]}
    assert not Consent.objects.exists()


def test_no_consent_without_a_policy_in_force(api_client, member):
    make_policy(days_ago=-10)  # not in force yet
    response = api_client.post(CONSENTS, {"purpose": "email_news", "granted": True})
    assert response.status_code == 409
    assert not Consent.objects.exists()


def test_anonymous_visitors_have_no_consents(api_client):
    assert api_client.get(CONSENTS).status_code == 401
    assert api_client.post(CONSENTS, {"purpose": "email_news", "granted": True}).status_code == 401


@pytest.mark.parametrize("decisions", [1, 50])
def test_consents_run_a_fixed_number_of_queries(api_client, member, decisions,
                                                django_assert_max_num_queries):
    policy = make_policy()
    Consent.objects.bulk_create(
        Consent(member=member, purpose="email_news", granted=bool(i % 2), policy_version=policy)
        for i in range(decisions))
    with django_assert_max_num_queries(4):  # session, user, policy, decisions
        response = api_client.get(CONSENTS)
    assert len(purpose_state(response, "email_news")["history"]) == decisions


def test_policy_in_force_in_the_request_language(api_client):
    assert api_client.get(POLICY).status_code == 404
    make_policy("2025-09", days_ago=200)
    make_policy("2026-01", days_ago=30)
    make_policy("2027-01", days_ago=-300)  # published ahead of its date
    assert api_client.get(POLICY, HTTP_ACCEPT_LANGUAGE="en").json() == {
        "version": "2026-01",
        "effective_date": (timezone.localdate() - datetime.timedelta(30)).isoformat(),
        "language": "en", "text": "Policy 2026-01"}
    french = api_client.get(POLICY, HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9").json()
    assert (french["language"], french["text"]) == ("fr", "Politique 2026-01")


def test_policy_falls_back_to_english_without_a_french_text(api_client):
    make_policy(text_fr="")
    french = api_client.get(POLICY, HTTP_ACCEPT_LANGUAGE="fr").json()
    assert (french["language"], french["text"]) == ("en", "Policy 2026-01")


def test_purpose_labels_are_translated(api_client, member):
    make_policy()
    response = api_client.get(CONSENTS, HTTP_ACCEPT_LANGUAGE="fr")
    assert purpose_state(response, "email_news")["label"] == "Recevoir des nouvelles par e-mail"
