"""The crowdfunding_reward_kinds extension point: a throwaway plugin adds a kind of reward."""
import pytest
from django.db import transaction

from core.errors import Invalid
from core.hookspecs import hookimpl
from core.plugins import get_manager
from plugins.crowdfunding.models import Pledge, PledgeStatus
from plugins.crowdfunding.reward_kinds import RewardKind, reward_kinds
from plugins.crowdfunding.services import payments
from plugins.crowdfunding.services.locking import lock_pledge
from tests.plugins.crowdfunding.conftest import client_for
from tests.plugins.crowdfunding.factories import make_campaign, make_tier, pledge

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_other_reward_kinds():
    """These tests are about the extension point itself: the kinds that other enabled plugins
    (toys_donation) add are set aside while they run, as if crowdfunding were alone."""
    manager = get_manager()
    others = [(name, plugin) for name, plugin in manager.list_name_plugin()
              if name != "toys_test" and hasattr(plugin, "crowdfunding_reward_kinds")]
    for _name, plugin in others:
        manager.unregister(plugin)
    yield
    for name, plugin in others:
        manager.register(plugin, name=name)


class ToysKind(RewardKind):
    key = "toys_test.toys"
    verbose_name = "Toys given to a children's ward"

    def __init__(self):
        self.paid, self.refunded = [], []

    def validate_tier(self, config):
        if not isinstance(config.get("ward"), str):
            raise Invalid("reward_config", "Name the ward.")
        return {"ward": config["ward"]}

    def validate_pledge(self, tier, data):
        if data.get("toys", 0) < 1:
            raise Invalid("reward_data", "Choose at least one toy.")
        return {"toys": data["toys"]}

    def pledge_paid(self, pledge):
        assert transaction.get_connection().in_atomic_block
        self.paid.append(pledge.pk)

    def pledge_refunded(self, pledge):
        self.refunded.append(pledge.pk)

    def describe(self, pledge):
        return {"toys": pledge.reward_data["toys"], "ward": pledge.tier.reward_config["ward"]}


@pytest.fixture
def toys(register):
    kind = ToysKind()

    class ToysPlugin:
        @hookimpl
        def crowdfunding_reward_kinds(self):
            return [kind]

    register(ToysPlugin(), "toys_test")
    return kind


def test_hook_crowdfunding_reward_kinds_none_without_another_plugin():
    assert reward_kinds() == {}
    assert client_for().get("/api/v1/crowdfunding/reward-kinds/").json() == []


def test_a_kind_validates_its_tiers_and_pledges(toys, member):
    campaign = make_campaign(owner=member)
    url = f"/api/v1/crowdfunding/campaigns/{campaign.pk}/tiers/"
    refused = client_for(member).post(url, {"title": "Toys", "minimum_amount": 1_000,
                                            "reward_kind": toys.key}, format="json")
    assert refused.status_code == 400 and "reward_config" in refused.json()
    tier = client_for(member).post(url, {"title": "Toys", "minimum_amount": 1_000,
                                         "reward_kind": toys.key,
                                         "reward_config": {"ward": "Paediatrics"}},
                                   format="json").json()
    pledges = f"/api/v1/crowdfunding/campaigns/{campaign.pk}/pledges/"
    no_toys = client_for(member).post(pledges, {"amount": 1_000, "currency": "EUR",
                                                "tier": tier["id"]}, format="json")
    assert no_toys.status_code == 400 and "reward_data" in no_toys.json()
    made = client_for(member).post(pledges, {"amount": 1_000, "currency": "EUR",
                                             "tier": tier["id"], "reward_data": {"toys": 3}},
                                   format="json")
    assert made.status_code == 201
    assert made.json()["pledge"]["reward"] == {"toys": 3, "ward": "Paediatrics"}
    assert client_for().get("/api/v1/crowdfunding/reward-kinds/").json() == [
        {"key": toys.key, "verbose_name": toys.verbose_name}]


def test_paid_and_refunded_are_each_called_once_per_transition(toys):
    campaign = make_campaign()
    tier = make_tier(campaign=campaign, reward_kind=toys.key, reward_config={"ward": "A"})
    p = pledge(campaign, tier=tier, reward_data={"toys": 1})
    payments.mark_paid(p.pk)
    payments.mark_paid(p.pk)  # reported twice
    assert toys.paid == [p.pk]
    with transaction.atomic():
        payments.refund_paid(lock_pledge(p.pk))  # a transfer: listed for refund
    payments.mark_refunded(p.pk, by_provider=False)  # then paid back
    assert toys.refunded == [p.pk]
    assert Pledge.objects.get(pk=p.pk).status == PledgeStatus.REFUNDED


def test_a_cancelled_pending_pledge_never_reaches_the_kind(toys, member):
    campaign = make_campaign()
    tier = make_tier(campaign=campaign, reward_kind=toys.key, reward_config={"ward": "A"})
    p = pledge(campaign, member, tier=tier, reward_data={"toys": 1})
    client_for(member).post(f"/api/v1/crowdfunding/pledges/{p.pk}/cancel/")
    assert toys.paid == [] and toys.refunded == []


def test_a_kind_failing_rolls_the_payment_back(toys):
    campaign = make_campaign()
    tier = make_tier(campaign=campaign, reward_kind=toys.key, reward_config={"ward": "A"})
    p = pledge(campaign, tier=tier, reward_data={"toys": 1})

    def broken(pledge):
        raise RuntimeError("stock system down")

    toys.pledge_paid = broken
    with pytest.raises(RuntimeError):
        payments.mark_paid(p.pk)
    campaign.refresh_from_db()
    assert campaign.raised == 0 and Pledge.objects.get(pk=p.pk).status == PledgeStatus.PENDING
