"""Real parallel transactions on PostgreSQL: limited tiers never oversold, totals always exact."""
import random

import pytest
from django.db import transaction
from django.db.models import Count, Q, Sum

from core.errors import DomainError
from plugins.crowdfunding.models import Campaign, Pledge, PledgeStatus, Tier
from plugins.crowdfunding.services import payments
from plugins.crowdfunding.services.locking import lock_pledge
from plugins.crowdfunding.services.pledges import cancel_pledge
from tests.concurrency import POSTGRESQL_ONLY, run_in_parallel
from tests.factories import UserFactory
from tests.plugins.crowdfunding.conftest import client_for
from tests.plugins.crowdfunding.factories import make_campaign, make_tier, pledge

pytestmark = [*POSTGRESQL_ONLY, pytest.mark.postgres]


def test_fifty_pledges_at_once_on_a_tier_of_ten_take_exactly_ten():
    campaign = make_campaign()
    tier = make_tier(campaign=campaign, quantity=10)
    backers = iter([UserFactory() for _ in range(50)])
    url = f"/api/v1/crowdfunding/campaigns/{campaign.pk}/pledges/"

    def back():
        response = client_for(next(backers)).post(
            url, {"amount": 2_500, "currency": "EUR", "tier": str(tier.pk)}, format="json")
        return response.status_code, response.json()

    outcomes = run_in_parallel(back, 50)
    statuses = sorted(status for status, _body in outcomes)
    assert statuses == [201] * 10 + [409] * 40
    assert all("sold out" in body["detail"] for status, body in outcomes if status == 409)
    tier.refresh_from_db()
    assert tier.taken == 10 and Pledge.objects.filter(tier=tier).count() == 10


def recount(campaign):
    """The totals as the pledges themselves give them."""
    paid = Pledge.objects.filter(campaign=campaign, status=PledgeStatus.PAID)
    raised = paid.aggregate(total=Sum("amount"))["total"] or 0
    taken = dict(Tier.objects.filter(campaign=campaign).annotate(n=Count(
        "pledges", filter=Q(pledges__status__in=[PledgeStatus.PENDING, PledgeStatus.PAID])))
        .values_list("pk", "n"))
    return raised, paid.count(), taken


def stored(campaign):
    campaign = Campaign.objects.get(pk=campaign.pk)
    return (campaign.raised, campaign.backer_count,
            dict(Tier.objects.filter(campaign=campaign).values_list("pk", "taken")))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_totals_equal_a_recount_after_any_mix_of_concurrent_changes(seed):
    rng = random.Random(seed)
    campaign = make_campaign()
    tiers = [make_tier(campaign=campaign, quantity=rng.choice([None, 6, 12])) for _ in range(3)]
    existing = [pledge(campaign, tier=rng.choice(tiers + [None]), amount=rng.randrange(2_000,
                                                                                       9_000))
                for _ in range(14)]
    for made in existing[:7]:
        payments.mark_paid(made.pk)
    backers = [UserFactory() for _ in range(24)]

    def refund(pledge_id):
        with transaction.atomic():
            locked = lock_pledge(pledge_id)
            if locked.status == PledgeStatus.PAID:
                payments.refund_paid(locked)

    operations = [
        lambda: pledge(campaign, rng.choice(backers), tier=rng.choice(tiers + [None])),
        lambda: payments.mark_paid(rng.choice(existing).pk),
        lambda: payments.mark_failed(rng.choice(existing).pk),
        lambda: cancel_pledge(rng.choice(existing)),
        lambda: refund(rng.choice(existing).pk),
        lambda: payments.mark_refunded(rng.choice(existing).pk, by_provider=False),
    ]
    plan = iter([rng.choice(operations) for _ in range(24)])

    def act():
        try:
            return next(plan)()
        except DomainError as refusal:  # sold out, already cancelled...: a refusal is fine
            return refusal

    outcomes = run_in_parallel(act, 24)
    assert not [o for o in outcomes if isinstance(o, Exception)
                and not isinstance(o, DomainError)], outcomes
    assert stored(campaign) == recount(campaign)
    assert all(taken <= (tier.quantity or taken) for tier in tiers
               for taken in [stored(campaign)[2][tier.pk]])


def test_payments_arriving_while_the_campaign_ends_keep_the_totals_exact():
    from datetime import timedelta

    from django.utils import timezone

    from plugins.crowdfunding.services.ending import end_campaign

    campaign = make_campaign(goal=10_000_000)
    waiting = [pledge(campaign, tier=make_tier(campaign=campaign)) for _ in range(9)]
    now = timezone.now()
    Campaign.objects.filter(pk=campaign.pk).update(starts_at=now - timedelta(days=30),
                                                   ends_at=now - timedelta(days=8))
    jobs = iter([lambda: end_campaign(campaign.pk)]
                + [lambda p=p: payments.mark_paid(p.pk) for p in waiting])
    outcomes = run_in_parallel(lambda: next(jobs)(), 10)
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    assert stored(campaign) == recount(campaign)
    # Failed all-or-nothing: whatever was paid before the end is now to be refunded.
    assert Campaign.objects.get(pk=campaign.pk).raised == 0
    assert not Pledge.objects.filter(campaign=campaign, status__in=["paid", "pending"]).exists()
