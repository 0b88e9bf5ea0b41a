"""Reward tiers: managers offer and change them; one that was chosen is hidden, never deleted."""
import pytest

from plugins.crowdfunding.models import CampaignStatus, Tier
from tests.factories import UserFactory
from tests.plugins.crowdfunding.conftest import client_for
from tests.plugins.crowdfunding.factories import make_campaign, make_tier, pledge

pytestmark = pytest.mark.django_db


def tiers_url(campaign):
    return f"/api/v1/crowdfunding/campaigns/{campaign.pk}/tiers/"


def test_managers_offer_tiers_and_readers_see_them_in_order(member):
    campaign = make_campaign(owner=member)
    client = client_for(member)
    late = client.post(tiers_url(campaign), {"title": "Workshop", "minimum_amount": 15_000,
                                             "quantity": 10, "position": 2}, format="json")
    early = client.post(tiers_url(campaign), {"title": "Thanks", "minimum_amount": 1_000,
                                              "position": 1}, format="json")
    assert (late.status_code, early.status_code) == (201, 201)
    assert late.json()["minimum"] == {"amount": 15_000, "currency": "EUR",
                                      "formatted": late.json()["minimum"]["formatted"]}
    listed = client_for().get(tiers_url(campaign)).json()["results"]
    assert [row["title"] for row in listed] == ["Thanks", "Workshop"]
    assert listed[1]["remaining"] == 10 and listed[0]["remaining"] is None


@pytest.mark.parametrize("send, field", [
    ({"minimum_amount": 1_000}, "title"),
    ({"title": "T", "minimum_amount": "ten"}, "minimum_amount"),
    ({"title": "T", "minimum_amount": 0}, "minimum_amount"),
    ({"title": "T", "minimum_amount": 1_000, "quantity": 0}, "quantity"),
    ({"title": "T", "minimum_amount": 1_000, "reward_kind": "nobody.adds_this"}, "reward_kind"),
    ({"title": "T", "minimum_amount": 1_000, "reward_config": "text"}, "reward_config"),
])
def test_bad_tiers_are_refused(member, send, field):
    campaign = make_campaign(owner=member)
    response = client_for(member).post(tiers_url(campaign), send, format="json")
    assert response.status_code == 400 and field in response.json()
    assert not Tier.objects.exists()


def test_others_cannot_change_tiers(member):
    campaign = make_campaign(owner=member)
    tier = make_tier(campaign=campaign)
    other = client_for(UserFactory())
    assert other.post(tiers_url(campaign), {"title": "Mine", "minimum_amount": 1},
                      format="json").status_code == 403
    assert other.patch(f"{tiers_url(campaign)}{tier.pk}/", {"title": "Mine"},
                       format="json").status_code == 403
    assert other.delete(f"{tiers_url(campaign)}{tier.pk}/").status_code == 403


def test_a_chosen_tier_is_hidden_not_deleted(member):
    campaign = make_campaign(owner=member)
    chosen, unused = make_tier(campaign=campaign), make_tier(campaign=campaign)
    pledge(campaign, tier=chosen)
    client = client_for(member)
    assert client.delete(f"{tiers_url(campaign)}{unused.pk}/").status_code == 204
    assert client.delete(f"{tiers_url(campaign)}{chosen.pk}/").status_code == 409
    assert client.patch(f"{tiers_url(campaign)}{chosen.pk}/", {"minimum_amount": 1},
                        format="json").status_code == 409
    assert client.patch(f"{tiers_url(campaign)}{chosen.pk}/", {"quantity": 0},
                        format="json").status_code == 400
    hidden = client.patch(f"{tiers_url(campaign)}{chosen.pk}/", {"hidden": True}, format="json")
    assert hidden.status_code == 200 and hidden.json()["hidden"] is True
    assert client_for().get(tiers_url(campaign)).json()["results"] == []
    assert len(client.get(tiers_url(campaign)).json()["results"]) == 1
    hidden_pledge = client_for(UserFactory()).post(
        f"/api/v1/crowdfunding/campaigns/{campaign.pk}/pledges/",
        {"amount": 5_000, "currency": "EUR", "tier": str(chosen.pk)}, format="json")
    assert hidden_pledge.status_code == 400


def test_an_ended_campaigns_tiers_do_not_change(member):
    campaign = make_campaign(owner=member, status=CampaignStatus.SUCCESSFUL)
    response = client_for(member).post(tiers_url(campaign), {"title": "Late",
                                                             "minimum_amount": 100},
                                       format="json")
    assert response.status_code == 409
