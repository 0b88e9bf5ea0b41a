"""Backing a campaign: idempotent creation, anonymous by default, minimums and limited tiers."""
from datetime import timedelta

import pytest
from django.utils import timezone

from plugins.crowdfunding.models import CampaignStatus, Pledge, PledgeStatus, Tier
from tests.factories import UserFactory
from tests.plugins.crowdfunding.conftest import client_for
from tests.plugins.crowdfunding.factories import make_campaign, make_tier, paid_pledge, pledge

pytestmark = pytest.mark.django_db


def pledges_url(campaign):
    return f"/api/v1/crowdfunding/campaigns/{campaign.pk}/pledges/"


def test_a_pledge_by_bank_transfer_gets_a_structured_reference(member):
    campaign = make_campaign()
    tier = make_tier(campaign=campaign, quantity=5)
    response = client_for(member).post(pledges_url(campaign), {
        "amount": 2_500, "currency": "EUR", "tier": str(tier.pk), "message": "Courage !"},
        format="json", HTTP_IDEMPOTENCY_KEY="first-try")
    assert response.status_code == 201, response.json()
    created = response.json()
    assert created["pledge"]["status"] == "pending" and created["pledge"]["named"] is False
    assert created["pledge"]["amount"]["amount"] == 2_500
    payment = created["payment"]
    assert payment["provider"] == "manual" and payment["reference"].startswith("RF")
    assert payment["iban"] == "FR7630006000011234567890189"
    tier.refresh_from_db()
    assert tier.taken == 1


def test_replaying_the_same_key_creates_nothing_and_another_body_is_a_conflict(member):
    campaign = make_campaign()
    client = client_for(member)
    send = {"amount": 2_500, "currency": "EUR"}
    first = client.post(pledges_url(campaign), send, format="json", HTTP_IDEMPOTENCY_KEY="k1")
    again = client.post(pledges_url(campaign), send, format="json", HTTP_IDEMPOTENCY_KEY="k1")
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json()
    assert Pledge.objects.count() == 1
    other = client.post(pledges_url(campaign), {"amount": 9_999, "currency": "EUR"},
                        format="json", HTTP_IDEMPOTENCY_KEY="k1")
    assert other.status_code == 409
    assert Pledge.objects.count() == 1


def test_anonymous_by_default_named_on_request(member):
    campaign = make_campaign()
    hidden = paid_pledge(campaign, member, message="I live with MS")
    named = paid_pledge(campaign, UserFactory(), named=True, message="Go team")
    listed = client_for().get(pledges_url(campaign)).json()["results"]
    assert [row["id"] for row in listed] == [str(named.pk)]
    assert listed[0]["handle"] == named.owner.profile.handle and "amount" not in listed[0]
    body = client_for(UserFactory()).get(pledges_url(campaign)).content.decode()
    assert member.profile.handle not in body and "I live with MS" not in body
    assert str(hidden.pk) not in body


def test_a_backer_sees_and_changes_their_own_pledges(member):
    campaign = make_campaign()
    mine = pledge(campaign, member)
    pledge(campaign)
    client = client_for(member)
    listed = client.get(f"{pledges_url(campaign)}mine/").json()["results"]
    assert [row["id"] for row in listed] == [str(mine.pk)]
    assert [row["id"] for row in client.get("/api/v1/crowdfunding/pledges/mine/").json()[
        "results"]] == [str(mine.pk)]
    url = f"/api/v1/crowdfunding/pledges/{mine.pk}/"
    assert client.patch(url, {"named": True}, format="json").json()["named"] is True
    assert client_for(UserFactory()).get(url).status_code == 404
    assert client_for(UserFactory()).patch(url, {"named": False}, format="json").status_code \
        == 404


@pytest.mark.parametrize("send, field", [
    ({"currency": "EUR"}, "amount"),
    ({"amount": "a lot", "currency": "EUR"}, "amount"),
    ({"amount": 12.5, "currency": "EUR"}, "amount"),
    ({"amount": -5, "currency": "EUR"}, "amount"),
    ({"amount": 10**12, "currency": "EUR"}, "amount"),
    ({"amount": 2_500}, "currency"),
    ({"amount": 2_500, "currency": "USD"}, "currency"),
    ({"amount": 2_500, "currency": "EUR", "provider": "bitcoin"}, "provider"),
    ({"amount": 2_500, "currency": "EUR", "provider": "stripe"}, "provider"),  # no secret set
    ({"amount": 2_500, "currency": "EUR", "tier": "not-a-uuid"}, "tier"),
    ({"amount": 1_000, "currency": "EUR", "tier": "{tier}"}, "amount"),  # below its minimum
    ({"amount": 2_500, "currency": "EUR", "tier": "{other_tier}"}, "tier"),
    ({"amount": 2_500, "currency": "EUR", "tier": "{shipped}"}, "shipping_address"),
    ({"amount": 2_500, "currency": "EUR", "message": "x" * 1001}, "message"),
])
def test_bad_pledges_are_refused_and_nothing_is_stored(member, send, field):
    campaign = make_campaign()
    tiers = {"tier": make_tier(campaign=campaign), "other_tier": make_tier(),
             "shipped": make_tier(campaign=campaign, needs_shipping=True)}
    send = {key: (value.format(**{k: t.pk for k, t in tiers.items()})
                  if isinstance(value, str) and "{" in value else value)
            for key, value in send.items()}
    if field == "shipping_address":
        send["shipping_name"] = "Camille"
    response = client_for(member).post(pledges_url(campaign), send, format="json")
    assert response.status_code == 400, response.json()
    assert field in response.json()
    assert not Pledge.objects.exists()
    assert set(Tier.objects.values_list("taken", flat=True)) == {0}


@pytest.mark.parametrize("state", ["draft", "ended", "not_started", "successful"])
def test_a_campaign_not_open_takes_no_pledge(member, state):
    now = timezone.now()
    campaign = {
        "draft": lambda: make_campaign(status=CampaignStatus.DRAFT, owner=member),
        "ended": lambda: make_campaign(starts_at=now - timedelta(days=9),
                                       ends_at=now - timedelta(hours=1)),
        "not_started": lambda: make_campaign(starts_at=now + timedelta(days=1)),
        "successful": lambda: make_campaign(status=CampaignStatus.SUCCESSFUL),
    }[state]()
    response = client_for(member).post(pledges_url(campaign), {"amount": 2_500,
                                                                "currency": "EUR"}, format="json")
    assert response.status_code == 409
    assert not Pledge.objects.exists()


def test_someone_elses_private_campaign_is_not_found(member):
    campaign = make_campaign(audience="private")
    response = client_for(member).post(pledges_url(campaign), {"amount": 2_500,
                                                                "currency": "EUR"}, format="json")
    assert response.status_code == 404


def test_a_sold_out_tier_is_a_clear_409(member):
    campaign = make_campaign()
    tier = make_tier(campaign=campaign, quantity=1)
    pledge(campaign, tier=tier)
    response = client_for(member).post(pledges_url(campaign), {
        "amount": 2_500, "currency": "EUR", "tier": str(tier.pk)}, format="json")
    assert response.status_code == 409 and "sold out" in response.json()["detail"]
    tier.refresh_from_db()
    assert tier.taken == 1 and tier.sold_out


def test_a_contribution_without_reward_is_always_possible(member):
    campaign = make_campaign()
    make_tier(campaign=campaign, quantity=1)
    response = client_for(member).post(pledges_url(campaign), {"amount": 100,
                                                                "currency": "EUR"}, format="json")
    assert response.status_code == 201
    assert response.json()["pledge"]["tier"] is None


def test_a_backer_cancels_a_pending_pledge_and_gives_the_place_back(member):
    campaign = make_campaign()
    tier = make_tier(campaign=campaign, quantity=1)
    mine = pledge(campaign, member, tier=tier)
    url = f"/api/v1/crowdfunding/pledges/{mine.pk}/cancel/"
    assert client_for(UserFactory()).post(url).status_code == 404
    cancelled = client_for(member).post(url)
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    tier.refresh_from_db()
    assert tier.taken == 0
    assert client_for(member).post(url).status_code == 409


def test_a_paid_bank_transfer_is_not_cancelled_by_the_backer(member):
    campaign = make_campaign()
    mine = paid_pledge(campaign, member)
    response = client_for(member).post(f"/api/v1/crowdfunding/pledges/{mine.pk}/cancel/")
    assert response.status_code == 403
    mine.refresh_from_db()
    assert mine.status == PledgeStatus.PAID
    campaign.refresh_from_db()
    assert campaign.raised == 2_500


def test_after_the_end_a_pledge_can_no_longer_be_cancelled(member):
    campaign = make_campaign()
    mine = pledge(campaign, member)
    campaign.__class__.objects.filter(pk=campaign.pk).update(
        starts_at=timezone.now() - timedelta(days=9), ends_at=timezone.now())
    response = client_for(member).post(f"/api/v1/crowdfunding/pledges/{mine.pk}/cancel/")
    assert response.status_code == 409


def test_errors_come_in_the_members_language(member):
    campaign = make_campaign()
    tier = make_tier(campaign=campaign, quantity=1)
    pledge(campaign, tier=tier)
    response = client_for(member).post(pledges_url(campaign), {
        "amount": 2_500, "currency": "EUR", "tier": str(tier.pk)}, format="json",
        HTTP_ACCEPT_LANGUAGE="fr")
    assert response.json() == {"detail": "Cette contrepartie est épuisée."}
    below = client_for(member).post(pledges_url(campaign), {
        "amount": 10, "currency": "EUR", "tier": str(make_tier(campaign=campaign).pk)},
        format="json", HTTP_ACCEPT_LANGUAGE="fr")
    assert below.json()["amount"] == ["Cette contrepartie demande au moins 20,00\u00a0€."]
