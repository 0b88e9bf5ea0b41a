"""The crowdfunding reward kind, on small duck-typed pledges and tiers (crowdfunding's own
objects are used by test_crowdfunding_integration.py when it is installed)."""
import uuid
from dataclasses import dataclass, field

import pytest

from core.errors import Invalid
from plugins.toys_donation.models import Allocation
from plugins.toys_donation.reward_kinds import ToyDonationRewardKind
from plugins.toys_donation.services.allocations import split_by_need
from tests.plugins.toys_donation.factories import make_institution, make_item, make_ward

pytestmark = pytest.mark.django_db
KIND = ToyDonationRewardKind()


@dataclass
class Tier:
    reward_config: dict
    reward_kind: str = KIND.key


@dataclass
class FakePledge:
    tier: Tier
    reward_data: dict
    amount: int = 2500
    currency: str = "EUR"
    id: uuid.UUID = field(default_factory=uuid.uuid4)


def test_the_tier_sets_a_whole_amount_per_pledge():
    assert KIND.validate_tier({"amount_per_pledge": 1500}) == {"amount_per_pledge": 1500}
    for bad in ({}, {"amount_per_pledge": 0}, {"amount_per_pledge": 12.5},
                {"amount_per_pledge": True}, {"amount_per_pledge": "10"}, "x"):
        with pytest.raises(Invalid):
            KIND.validate_tier(bad)


def test_a_backer_picks_a_verified_ward_or_where_most_needed():
    ward = make_ward()
    unverified = make_ward(institution=make_institution(verified=False))
    tier = Tier({"amount_per_pledge": 1000})
    assert KIND.validate_pledge(tier, {"ward": str(ward.pk)}) == {"ward": str(ward.pk)}
    assert KIND.validate_pledge(tier, {"ward": "most_needed"}) == {"ward": "most_needed"}
    for bad in ({"ward": str(unverified.pk)}, {"ward": "nope"}, {}, {"ward": None}):
        with pytest.raises(Invalid):
            KIND.validate_pledge(tier, bad)


def test_a_paid_pledge_allocates_the_tiers_amount_once_and_a_refund_removes_it():
    ward = make_ward()
    pledge = FakePledge(Tier({"amount_per_pledge": 1000}), {"ward": str(ward.pk)})
    KIND.pledge_paid(pledge)
    KIND.pledge_paid(pledge)  # a replayed webhook
    assert list(Allocation.objects.values_list("ward_id", "amount", "currency")) == [
        (ward.pk, 1000, "EUR")]
    described = KIND.describe(pledge)
    assert described["allocations"][0]["amount"]["amount"] == 1000
    assert described["allocations"][0]["ward_name"] == ward.name
    KIND.pledge_refunded(pledge)
    assert Allocation.objects.count() == 0
    assert KIND.describe(pledge)["allocations"] == []


def test_where_most_needed_splits_by_open_needs_to_the_cent():
    first, second, closed = make_ward(), make_ward(), make_ward(wishlist_open=False)
    make_item(first, quantity_needed=3)
    make_item(second, quantity_needed=1)
    make_item(closed, quantity_needed=50)
    pledge = FakePledge(Tier({"amount_per_pledge": 1001}), {"ward": "most_needed"}, amount=5000)
    KIND.pledge_paid(pledge)
    parts = dict(Allocation.objects.values_list("ward_id", "amount"))
    assert parts == {first.pk: 751, second.pk: 250}  # 750.75 and 250.25: one cent left over


def test_the_split_is_deterministic_and_adds_up():
    needs = {uuid.UUID(int=n): need for n, need in enumerate([1, 1, 1], start=1)}
    parts = split_by_need(100, needs)
    assert sum(parts.values()) == 100
    assert parts == split_by_need(100, dict(reversed(list(needs.items()))))
    assert sorted(parts.values()) == [33, 33, 34]
    assert split_by_need(100, {}) == {}
