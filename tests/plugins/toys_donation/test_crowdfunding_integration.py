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


def test_managers_record_purchases_and_figures_show_for_agreeing_wards():
    from plugins.toys_donation.models import Purchase
    from plugins.toys_donation.services.allocations import allocate
    from tests.factories import UserFactory
    from tests.plugins.toys_donation.conftest import BASE, client_for
    from tests.plugins.toys_donation.factories import make_ward

    import uuid

    manager = UserFactory()
    ward = make_ward(manager, impact_public=True)
    allocate(uuid.uuid4(), 3000, "EUR", str(ward.pk))
    body = {"ward": str(ward.pk), "description": "10 jeux de société", "amount": 1200,
            "currency": "EUR", "purchased_on": "2026-11-30"}
    assert client_for(UserFactory()).post(f"{BASE}/purchases/", body,
                                          format="json").status_code == 403
    for bad in ({"amount": 0}, {"amount": 12.5}, {"currency": "EURO"}, {"purchased_on": "x"}):
        assert client_for(manager).post(f"{BASE}/purchases/", {**body, **bad},
                                        format="json").status_code == 400
    assert Purchase.objects.count() == 0
    created = client_for(manager).post(f"{BASE}/purchases/", body, format="json")
    assert created.status_code == 201, created.content
    listed = client_for(None).get(f"{BASE}/purchases/").json()["results"]
    assert [row["description"] for row in listed] == ["10 jeux de société"]
    rows = client_for(None).get(f"{BASE}/allocations/").json()
    assert rows[0]["spent"]["suppressed"] is False
    assert [(money["amount"], money["currency"]) for money in rows[0]["spent"]["value"]] == [
        (1200, "EUR")]
    assert rows[0]["allocated"]["suppressed"] is True  # one backer: a group too small
