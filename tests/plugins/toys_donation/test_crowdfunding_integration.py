"""With crowdfunding enabled: the toy tier appears as a reward kind and its real pledges
allocate money once. Skipped when crowdfunding is not installed (run after both are merged)."""
from importlib.util import find_spec

import pytest
from django.apps import apps

# The shell of crowdfunding may be installed without its reward kinds yet.
CROWDFUNDING = apps.is_installed("plugins.crowdfunding") and find_spec(
    "plugins.crowdfunding.reward_kinds") is not None

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not CROWDFUNDING, reason="crowdfunding (with reward kinds) is not "
                                                "installed"),
]


def test_the_toy_donation_kind_is_offered_to_tiers():
    from plugins.crowdfunding.reward_kinds import reward_kinds

    assert "toys_donation.toys" in reward_kinds()


def test_with_crowdfunding_the_allocations_endpoint_answers(client):
    assert client.get("/api/v1/toys_donation/allocations/").status_code == 200


def _toy_tier(campaign):
    from tests.plugins.crowdfunding.factories import make_tier

    return make_tier(campaign=campaign, reward_kind="toys_donation.toys",
                     reward_config={"amount_per_pledge": 1000}, minimum_amount=1500)


def test_a_paid_pledge_allocates_once_even_replayed_and_a_refund_removes_it():
    from plugins.crowdfunding.services import payments
    from plugins.toys_donation.models import Allocation
    from tests.plugins.crowdfunding.factories import make_campaign, pledge
    from tests.plugins.toys_donation.factories import make_ward

    ward = make_ward()
    campaign = make_campaign()
    made = pledge(campaign, amount=2500, tier=_toy_tier(campaign),
                  reward_data={"ward": str(ward.pk)})
    payments.mark_paid(made.pk)
    payments.mark_paid(made.pk)  # a replayed webhook
    assert list(Allocation.objects.values_list("ward_id", "amount")) == [(ward.pk, 1000)]
    payments.mark_refunded(made.pk)
    assert Allocation.objects.count() == 0


def test_an_unverified_ward_is_refused_when_pledging():
    from core.errors import Invalid
    from tests.plugins.crowdfunding.factories import make_campaign, pledge
    from tests.plugins.toys_donation.factories import make_institution, make_ward

    ward = make_ward(institution=make_institution(verified=False))
    campaign = make_campaign()
    with pytest.raises(Invalid):
        pledge(campaign, amount=2500, tier=_toy_tier(campaign),
               reward_data={"ward": str(ward.pk)})
